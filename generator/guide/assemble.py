"""Assemble the ``Guide``: read every content file, apply a clinic's brand and overlay, note where
each item came from, and check every cross-reference. All problems in all files are gathered
before anything is raised, so an author sees the whole list at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..problems import ContentError, Problem
from ..schema.files import ROOT_MODELS
from ..schema.items import Site
from ..source.files import unusable_files
from ..source.read import read_document
from ..source.schema_errors import validate_document
from ..source.yaml_reader import YamlDocument
from .brand import default_brand
from .clinic import apply_clinic, branded_site
from .crisis_wording import worded_crisis
from .cross_check import cross_check
from .guide import Guide
from .interface import ENGLISH, INTERFACE_FILE, language_folder, load_interface
from .languages import translate
from .brand_file import load_brand
from .locale import babel_locale
from .overlay import FOLDERS, load_folder_items

SINGLE_FILES = ("site", "references", "notices", "practices", "phases", "therapist")
Folders = dict[str, list[tuple[YamlDocument, Any]]]


def content_files(content_dir: Path) -> tuple[dict[str, Path], list[Problem]]:
    """The single content files by kind, and problems with the folder's layout."""
    problems: list[Problem] = []
    singles: dict[str, Path] = {}
    if not content_dir.is_dir():
        return {}, [Problem(str(content_dir), 1, 1, "", "content folder not found")]
    for path in sorted(content_dir.glob("*.y*ml")):
        if path.stem in SINGLE_FILES and path.suffix == ".yml":
            singles[path.stem] = path
        elif path.name == INTERFACE_FILE:
            continue  # read by load_interface
        else:
            expected = ", ".join(f"{k}.yml" for k in SINGLE_FILES)
            problems.append(Problem(str(path), 1, 1, "", f"unknown content file; expected one of: {expected}, "
                                                         f"{INTERFACE_FILE}, or a page in pages/"))
    for kind in SINGLE_FILES:
        if kind not in singles:
            problems.append(Problem(str(content_dir / f"{kind}.yml"), 1, 1, "", "required content file is missing"))
    if not any((content_dir / "pages").glob("*.yml")):
        problems.append(Problem(str(content_dir / "pages"), 1, 1, "", "no page files found (expected pages/*.yml)"))
    return singles, problems


def load_guides(content_dir: Path, clinic_dir: Path | None = None) -> list[Guide]:
    """The guide in each of its languages (ours, or the clinic's), the first first; raise
    ``ContentError`` listing every problem in every language."""
    first = load_guide(content_dir, clinic_dir)
    guides, problems = [first], []
    for language in first.site.languages[1:]:
        try:
            guides.append(load_guide(content_dir, clinic_dir, language))
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    return guides


def load_guide(content_dir: Path, clinic_dir: Path | None = None, language: str | None = None) -> Guide:
    """Load, validate and cross-check the content folder in ``language`` (default: the site's first
    language), with a clinic's brand and overlay applied when ``clinic_dir`` is given; raise
    ``ContentError`` listing every problem."""
    root = content_dir.resolve().parent  # file names in messages are relative to the project
    unusable = unusable_files(content_dir, root) + (unusable_files(clinic_dir, root) if clinic_dir is not None else [])
    if unusable:  # a named pipe would hang whatever opened it; an unreadable folder would look empty
        raise ContentError(unusable)
    singles, problems = content_files(content_dir)
    docs: dict[str, YamlDocument] = {}
    models: dict[str, Any] = {}
    for kind, path in singles.items():
        read = read_document(path, ROOT_MODELS[kind], root)
        problems += read.problems
        if read.doc is not None:
            docs[kind] = read.doc
        if read.model is not None:
            models[kind] = read.model
    singles_docs = dict(docs)  # ours, to tell which a translation changed
    folders: Folders = {}
    for name, collection in FOLDERS.items():
        folders[name], found = load_folder_items(content_dir / name, collection, root)
        problems += found
    if problems or len(models) < len(SINGLE_FILES):
        raise ContentError(problems)

    language = language or _languages(models["site"], clinic_dir, root)[0]
    warnings: list[Problem] = []
    if language != ENGLISH:
        docs, folders, warnings, problems = translate(docs, folders, language_folder(content_dir, language), language, root)
        for kind in SINGLE_FILES:
            if docs[kind] is not singles_docs[kind]:
                models[kind], found = validate_document(docs[kind], ROOT_MODELS[kind])
                problems += found
        if problems or any(models[kind] is None for kind in SINGLE_FILES):
            raise ContentError(problems)

    site, brand, brand_file, notes = models["site"], default_brand(models["site"]), None, []
    if clinic_dir is not None:
        overlay = language_folder(clinic_dir / "content", language)
        clinic = apply_clinic(clinic_dir, docs, folders, site, root, overlay)
        if clinic.problems:
            raise ContentError(clinic.problems)
        brand, brand_file, folders, notes = clinic.brand, clinic.brand_file, clinic.folders, clinic.notes
        for kind in clinic.changed:
            docs[kind] = clinic.docs[kind]
            models[kind], found = validate_document(docs[kind], ROOT_MODELS[kind])
            problems += found
        if problems:
            raise ContentError(problems)

    _locate(models, docs)
    site = branded_site(site, brand, brand_file).model_copy(update={"language": language})
    interface, problems = load_interface(content_dir, language, clinic_dir, root)
    if interface is None:
        raise ContentError(problems)
    site = site.model_copy(update={"crisis": worded_crisis(site.crisis, interface.table, site.language)})
    guide = Guide(
        site=site,
        references={r.id: r for r in models["references"].references},
        notices={n.id: n for n in models["notices"].notices},
        practices=list(models["practices"].practices),
        phases=list(models["phases"].phases),
        therapist=models["therapist"],
        pages=sorted((page for _, page in folders["pages"]), key=lambda p: (p.order, p.id)),
        brand=brand,
        worksheets=sorted((sheet for _, sheet in folders["worksheets"]), key=lambda s: (s.order, s.id)),
        locale=babel_locale(site.language, getattr(brand, "country", None)),
        notes=notes,
        ui=interface.table,
        warnings=tuple(warnings) + interface.warnings,
    )
    problems += cross_check(guide, docs, folders)
    if problems:
        raise ContentError(problems)
    return guide


def _languages(site: Site, clinic_dir: Path | None, root: Path) -> list[str]:
    """The site's languages: the clinic's (brand.yml), else ours (site.yml)."""
    if clinic_dir is None:
        return list(site.languages)
    brand, _, problems = load_brand(clinic_dir, site, root)
    if brand is None:
        raise ContentError(problems)
    return list(brand.languages)


def _locate(models: dict[str, Any], docs: dict[str, YamlDocument]) -> None:
    """Every item of the shared files remembers its file and line (a clinic's, where it replaced ours)."""
    lists = {"references": ("references",), "notices": ("notices",), "practices": ("practices",),
             "phases": ("phases",), "therapist": ("criteria", "questions")}
    for kind, keys in lists.items():
        doc, model = docs[kind], models[kind]
        model.located(doc.origin(()))
        for key in keys:
            for i, item in enumerate(getattr(model, key)):
                item.located(doc.origin((key, i)))
                for j, inner in enumerate(getattr(item, "items", None) or []):
                    if hasattr(inner, "located"):
                        inner.located(doc.origin((key, i, "items", j)))
    models["site"].located(docs["site"].origin(()))
