"""Which clinic a build is for; its folder checked against the editions it publishes; its brand laid
over our site settings; and what an edition for a clinic abroad must be told.

A clinic folder (``clinics/<name>/``) holds ``brand.yml``, ``content/`` (its changes, for every
edition it publishes; ``content/<lang>/`` for one edition) and ``assets/`` (logo, favicon). Its
layers are merged with ours by layers.py. A build uses one clinic, or none (our own guide):

1. the ``GUIDE_CLINIC`` environment variable, if set and not empty (``none`` means: no clinic);
2. else the first line of the file ``CLINIC`` at the project root, which upstream never ships, so a
   fork can make its clinic the default without a merge conflict;
3. else none.

Relative paths are taken from the project root (the folder holding mkdocs.yml).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Note, Problem, display_path
from ..schema.brand_file import BrandFile
from ..schema.items import Site
from ..source.schema_errors import validate_document
from ..source.yaml_reader import YamlDocument
from .brand import Brand
from .crisis_numbers import foreign_number_problems
from .interface import INTERFACE_FILE
from .layers import Removal
from .left_out import leave_out
from .leftover_words import leftover_word_notes
from .locale import is_known_language
from .overlay import FOLDERS, OVERLAY_MODELS, MergedDocument, merged

def clinic_layout(clinic_dir: Path, languages: list[str], our_items: dict[str, set[str]], root: Path | None) -> list[Problem]:
    """The clinic's ``content/`` checked against the editions it publishes: every file and folder in
    it applies to at least one of them, or is an error naming the folder it belongs in. ``our_items``:
    our ids by folder (``{"pages": {...}}``), to tell a page file put in the wrong place."""
    content = clinic_dir / "content"
    if not content.is_dir():
        return []  # a clinic may change nothing but its brand
    problems = _layout(content, None, content, languages, our_items, root)
    for language in languages:
        if (content / language).is_dir():
            problems += _layout(content / language, language, content, languages, our_items, root)
    return problems


def _layout(folder: Path, language: str | None, content: Path, languages: list[str], our_items: dict[str, set[str]],
            root: Path | None) -> list[Problem]:
    problems = []
    here = display_path(folder, root)
    places = f"{display_path(content, root)}/ (every edition)" + "".join(
        f" or {display_path(content / code, root)}/ (the {code!r} edition)" for code in languages)
    kinds = [f"{kind}.yml" for kind in OVERLAY_MODELS] + [INTERFACE_FILE] + [f"{name}/" for name in FOLDERS]
    for path in sorted(folder.iterdir()):
        name = display_path(path, root)
        if path.name.startswith(".") or path.is_file() and path.suffix == ".md":
            continue  # notes for the clinic's editors
        if path.is_dir():
            if path.name in FOLDERS:
                problems += _item_folder(path, FOLDERS[path.name].what, content, root)
            elif _is_language(path.name):
                if language is not None:
                    problems.append(Problem(name, 1, 1, "", f"a language's folder goes directly in {display_path(content, root)}/, "
                                                            f"not in {here}/; move it to {display_path(content / path.name, root)}/"))
                elif path.name not in languages:
                    problems.append(Problem(name, 1, 1, "", (
                        f"changes for the {path.name!r} edition, but brand.yml's languages are {', '.join(languages)}: "
                        f"nothing in this folder is shown. Move its files to {places}, or add {path.name} to "
                        "languages in brand.yml")))
            else:
                problems.append(Problem(name, 1, 1, "", f"unknown folder; a clinic's content holds {', '.join(kinds)}, "
                                                        "and a folder per language it publishes (such as es/)"))
            continue
        if path.suffix == ".yml" and path.stem in OVERLAY_MODELS or path.name == INTERFACE_FILE:
            continue
        problems.append(Problem(name, 1, 1, "", _misplaced(path, folder, our_items, kinds, root)))
    return problems


def _misplaced(path: Path, folder: Path, our_items: dict[str, set[str]], kinds: list[str], root: Path | None) -> str:
    """What to do with a file the clinic's content folder does not take: where it belongs, if we can tell."""
    if path.suffix in (".yaml", ".YML", ".Yml") and path.stem in OVERLAY_MODELS:
        return f"content files end in .yml; rename it {path.stem}.yml"
    if path.stem == "site":
        return "unknown overlay file: the site's name, crisis lines and languages are set in brand.yml, beside content/"
    for name, ids in our_items.items():
        if path.stem in ids:
            return (f"unknown overlay file: {path.stem} is one of our {name}; your version of it goes in "
                    f"{display_path(folder / name / (path.stem + '.yml'), root)}")
    return f"unknown overlay file; expected one of: {', '.join(kinds)}"


def _item_folder(folder: Path, what: str, content: Path, root: Path | None) -> list[Problem]:
    """A clinic's pages/ or worksheets/: one .yml file per item, nothing else."""
    problems = []
    for path in sorted(folder.iterdir()):
        name = display_path(path, root)
        if path.name.startswith(".") or path.is_file() and path.suffix in (".yml", ".yaml", ".md"):
            continue  # .yaml is named by the folder's reader
        if path.is_dir() and _is_language(path.name):
            where = display_path(content / path.name / folder.name, root)
            problems.append(Problem(name, 1, 1, "", f"a {what} for one language goes in {where}/, not here"))
        else:
            problems.append(Problem(name, 1, 1, "", f"{display_path(folder, root)}/ holds one {folder.name[:-1]}-id.yml "
                                                    f"file per {what}, nothing else"))
    return problems


def _is_language(name: str) -> bool:
    """A folder named like a language Babel knows (``es``, ``pt-BR``)."""
    return re.fullmatch(r"[a-z]{2,3}(-[A-Z]{2})?", name) is not None and is_known_language(name)


def branded_site(site: YamlDocument, brand_doc: YamlDocument, brand: BrandFile) -> MergedDocument:
    """Our site settings (in the edition's language) under the clinic's brand (the "fields" rule): its
    name, languages, footer, crisis lines, urgent route and esketamine label rules; the crisis page's intro stays ours in the edition's
    language where the brand gives none."""
    data, origins = dict(site.data), {}

    def take(key: str, brand_key: str, value) -> None:
        data[key] = value
        origins[(key,)] = (brand_doc, (brand_key,))

    take("name", "name", brand.name)
    if brand.footer:
        take("copyright", "footer", brand.footer)
    if brand.languages:
        take("languages", "languages" if "languages" in brand_doc.data else "language", list(brand.languages))
    else:
        data["languages"] = list(site.data.get("languages") or ["en"])[:1]  # a clinic opts into each further language
    data.pop("language", None)
    for fact in ("urgent_care", "esketamine"):  # facts of the clinic's country, like its crisis lines
        if getattr(brand, fact) is not None:
            take(fact, fact, dict(brand_doc.data[fact]))
    if brand.crisis:
        crisis = dict(brand_doc.data["crisis"])
        take("crisis", "crisis", crisis)
        ours = site.data.get("crisis") or {}
        if "intro" not in crisis and "intro" in ours:
            crisis["intro"] = ours["intro"]
            origins[("crisis", "intro")] = (site, ("crisis", "intro"))
    return merged(site, data, origins)


def clinic_checks(texts: list[YamlDocument], site: Site, ours: Site, brand: Brand, brand_file: BrandFile,
                  clinic_dir: Path, language: str) -> tuple[list[Problem], list[Note]]:
    """What a clinic abroad must hear of in the merged texts of an edition (our site settings and
    sources left out): our crisis numbers its lines do not use (an error), our country's words in the
    edition's language and in English, for what is still shown in English (a warning each)."""
    content = display_path(clinic_dir / "content")
    where = f"{content}/ (for every edition) or {content}/{language}/ (for this one)"
    notes = leftover_word_notes(site.country_words.get(site.country, []), site.country, brand.country, texts, where)
    problems = []
    if brand_file.crisis and brand_file.crisis != ours.crisis:
        problems += foreign_number_problems(ours.crisis, brand_file.crisis, texts, clinic_dir)
    return problems, notes


def leave_out_removed(removed: dict[str, dict[str, Removal]], crisis_page: str, docs: dict[str, YamlDocument],
                      folders: dict[str, list[tuple[YamlDocument, object]]], clinic_dir: Path
                      ) -> tuple[dict[str, YamlDocument], dict[str, list[tuple[YamlDocument, object]]], list[Problem], list[Note]]:
    """Links to the pages and citations of the references a clinic's layers removed, taken out of our
    content (left_out.py). Returns the documents that changed by kind, the folders (their changed
    items rebuilt), problems (a page that cannot be left out) and notes (what was unlinked)."""
    problems: list[Problem] = []
    pages = dict(removed.get("page", {}))
    references = dict(removed.get("reference", {}))
    for page_id in (crisis_page, "index"):
        if page_id in pages:
            removal = pages.pop(page_id)
            problems.append(removal.doc.problem(removal.at, (
                f"the page {page_id!r} cannot be left out: every page leads to it; to change it, write your own "
                f"pages/{page_id}.yml in this folder")))
    if problems or not (pages or references):
        return {}, folders, problems, []
    clinic_root = clinic_dir.resolve()

    def ours(doc: YamlDocument, at: tuple) -> bool:
        source, _ = doc.source(at) if isinstance(doc, MergedDocument) else (doc, at)
        return not source.path.resolve().is_relative_to(clinic_root)

    items = [doc for entries in folders.values() for doc, _ in entries]
    left = leave_out([*docs.values(), *items], pages, references, ours)
    changed = {kind: left.docs[id(doc)] for kind, doc in docs.items() if id(doc) in left.docs}
    rebuilt_folders = {}
    for folder, entries in folders.items():
        rebuilt = []
        for doc, item in entries:
            if id(doc) in left.docs:
                doc = left.docs[id(doc)]
                item, found = validate_document(doc, FOLDERS[folder].item)
                problems += found
                if item is None:
                    continue
                item.located(doc.origin(()))
            rebuilt.append((doc, item))
        rebuilt_folders[folder] = rebuilt
    return changed, rebuilt_folders, problems, left.notes(pages, references)
