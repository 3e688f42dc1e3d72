"""Which clinic a build is for, and applying that clinic's brand and content overlay to ours.

A clinic folder (``clinics/<name>/``) holds ``brand.yml``, ``content/`` (the overlay) and
``assets/`` (logo, favicon). A build uses one clinic, or none (our own guide):

1. the ``GUIDE_CLINIC`` environment variable, if set and not empty (``none`` means: no clinic);
2. else the first line of the file ``CLINIC`` at the project root, which upstream never ships, so a
   fork can make its clinic the default without a merge conflict;
3. else none.

Relative paths are taken from the project root (the folder holding mkdocs.yml).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problems import ContentError, Note, Problem
from ..schema.brand_file import BrandFile
from ..schema.items import Site
from ..source.files import not_a_file, problem as file_problem
from ..source.schema_errors import validate_document
from ..source.yaml_reader import YamlDocument
from .brand import Brand
from .brand_file import load_brand
from .crisis_numbers import foreign_number_problems
from .left_out import Removal, leave_out
from .leftover_words import leftover_word_notes
from .overlay import (FOLDERS, LIST_FILES, MergedDocument, load_folder_items, load_overlay_file, merge_folder,
                      merge_list_file, overlay_files)

CLINIC_ENV = "GUIDE_CLINIC"
CLINIC_FILE = "CLINIC"
NO_CLINIC = "none"


def resolve_clinic(root: Path, environ: Mapping[str, str] = os.environ, option: str | None = None) -> Path | None:
    """The clinic folder this build is for, or ``None``; raise ``ContentError`` if it is named but missing.

    ``option`` is the command line's ``--clinic`` (relative to the working folder), which comes first.
    """
    if option is not None:
        value, source, where = option.strip(), "--clinic", ("--clinic", 1)
        root = Path.cwd()
    elif environ.get(CLINIC_ENV, "").strip():
        value, source, where = environ[CLINIC_ENV].strip(), f"the {CLINIC_ENV} environment variable", (CLINIC_ENV, 1)
    else:
        marker = root / CLINIC_FILE
        if not marker.is_file():
            return None
        value, line = _first_setting(marker.read_text(encoding="utf-8"))
        source, where = f"the {CLINIC_FILE} file", (CLINIC_FILE, line)
    if not value or value == NO_CLINIC:
        return None
    folder = Path(value) if Path(value).is_absolute() else root / value
    if not (folder / "brand.yml").is_file():
        if os.path.lexists(folder / "brand.yml"):  # a named pipe, a socket or a device: never opened
            raise ContentError([file_problem(folder / "brand.yml", not_a_file((folder / "brand.yml").lstat().st_mode), root)])
        why = "has no brand.yml" if folder.is_dir() else "was not found"
        problem = Problem(*where, 1, "", f"the clinic folder {value!r} named by {source} {why} (paths are taken from {root})")
        raise ContentError([problem])
    return folder


def _first_setting(text: str) -> tuple[str, int]:
    """The first line of a CLINIC file that is neither blank nor a # comment, and its line number."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.strip().startswith("#"):
            return line.strip(), number
    return "", 1


def branded_site(site: Site, brand: Brand, brand_file: BrandFile | None) -> Site:
    """Our site settings with the brand's name, crisis lines, footer and language."""
    crisis = site.crisis
    if brand_file is not None and brand_file.crisis:  # the clinic's lines and numbers, with our words where it gives none
        theirs = brand_file.crisis
        crisis = theirs.model_copy(update={"heading": theirs.heading or crisis.heading, "intro": theirs.intro or crisis.intro})
    return site.model_copy(update={"name": brand.name, "crisis": crisis, "languages": list(brand.languages),
                                   "copyright": brand.footer})


def _removals(overlay: YamlDocument | None, at: tuple) -> dict[str, Removal]:
    """The ids an overlay file removes (under the keys ``at``), each with where it says so."""
    data = overlay.data if overlay is not None else None
    for key in at:
        data = (data or {}).get(key)
    return {item_id: Removal(item_id, overlay, (*at, "remove", k)) for k, item_id in enumerate((data or {}).get("remove") or [])}


def _leave_out(result: "ClinicResult", docs: dict[str, YamlDocument], overlays: dict[str, YamlDocument], site: Site,
               clinic_dir: Path) -> None:
    """Take links to removed pages and citations of removed references out of our content (left_out.py)."""
    pages = _removals(overlays.get("pages"), ())
    references = _removals(overlays.get("references"), ("references",))
    for page_id in (site.crisis_page, "index"):
        if page_id in pages:
            removal = pages.pop(page_id)
            result.problems.append(removal.doc.problem(removal.at, (
                f"the page {page_id!r} cannot be left out: every page leads to it; to change it, write your own "
                f"pages/{page_id}.yml in this folder")))
    if not (pages or references):
        return
    clinic_root = clinic_dir.resolve()

    def ours(doc: YamlDocument, at: tuple) -> bool:
        source, _ = doc.source(at) if isinstance(doc, MergedDocument) else (doc, at)
        return not source.path.resolve().is_relative_to(clinic_root)

    merged = {kind: result.docs.get(kind, doc) for kind, doc in docs.items()}
    items = [doc for entries in result.folders.values() for doc, _ in entries]
    left = leave_out([*merged.values(), *items], pages, references, ours)
    for kind, doc in merged.items():
        if id(doc) in left.docs:
            result.docs[kind] = left.docs[id(doc)]
            if kind not in result.changed:
                result.changed.append(kind)
    for folder, entries in result.folders.items():
        rebuilt = []
        for doc, item in entries:
            if id(doc) in left.docs:
                doc = left.docs[id(doc)]
                item, found = validate_document(doc, FOLDERS[folder].item)
                result.problems += found
                if item is None:
                    continue
                item.located(doc.origin(()))
            rebuilt.append((doc, item))
        result.folders[folder] = rebuilt
    result.notes += left.notes(pages, references)


@dataclass
class ClinicResult:
    brand: Brand | None
    brand_file: BrandFile | None = None
    docs: dict[str, YamlDocument] = field(default_factory=dict)  # the merged documents of changed files
    changed: list[str] = field(default_factory=list)
    folders: dict[str, list[tuple[YamlDocument, Any]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # what was done for the clinic, or should be checked


def apply_clinic(clinic_dir: Path, docs: dict[str, YamlDocument], folders: dict[str, list[tuple[YamlDocument, Any]]],
                 site: Site, root: Path, overlay_dir: Path | None = None) -> ClinicResult:
    """Check the clinic's brand and overlay, and merge the overlay into our loaded content.

    ``docs`` are our content files by kind; ``folders`` our one-file-per-item collections by folder
    name (``{"pages": [(doc, page), ...]}``); ``overlay_dir`` is the overlay for the language built
    (the clinic's ``content/`` for English, ``content/<lang>/`` for another; default ``content/``).
    """
    overlay_dir = overlay_dir or clinic_dir / "content"
    result = ClinicResult(brand=None, folders=dict(folders))
    result.brand, result.brand_file, result.problems = load_brand(clinic_dir, site, root)
    files, found = overlay_files(overlay_dir)
    result.problems += found
    overlays: dict[str, YamlDocument] = {}
    for kind, path in files.items():
        overlay, found = load_overlay_file(path, kind, root)
        result.problems += found
        if overlay is None or found:
            continue
        overlays[kind] = overlay
        if kind in LIST_FILES:
            result.docs[kind], found = merge_list_file(docs[kind], overlay, kind)
            result.changed.append(kind)
            result.problems += found
    for folder, collection in FOLDERS.items():
        if folder not in folders:
            continue
        clinic_items, found = load_folder_items(overlay_dir / folder, collection, root)
        result.problems += found
        removals = None
        if folder in files:
            removals, found = load_overlay_file(files[folder], folder, root)
            if found:
                continue  # already reported above
        result.folders[folder], found = merge_folder(folder, folders[folder], clinic_items, removals)
        result.problems += found
    if not result.problems:
        _leave_out(result, docs, overlays, site, clinic_dir)
    if result.brand is not None and not result.problems:
        texts = [doc for kind, doc in {**docs, **result.docs}.items() if kind not in ("site", "references")]
        texts += [doc for items in result.folders.values() for doc, _ in items]
        result.notes += leftover_word_notes(site.country_words.get(site.country, []), site.country, result.brand.country, texts)
    if result.brand_file is not None and result.brand_file.crisis and result.brand_file.crisis != site.crisis:
        texts = [doc for kind, doc in {**docs, **result.docs}.items() if kind not in ("site", "references")]
        texts += [doc for items in result.folders.values() for doc, _ in items]
        result.problems += foreign_number_problems(site.crisis, result.brand_file.crisis, texts, clinic_dir)
    return result
