"""Assemble each edition's ``Guide``: read every file of a build once (our content, a clinic's brand
and changes), merge each edition's stack of layers (layers.py), check the result, note where each
item came from, and check every cross-reference. All problems in all editions are gathered before
anything is raised, so an author sees the whole list at once.

The walk goes one way: ``Build`` reads ours and the clinic's brand file once (the source stage);
each edition is then layered and checked from what was read (the guide stage); nothing here goes
back to a file it has read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..problems import ContentError, Note, Problem, display_path
from ..schema.files import ROOT_MODELS
from ..source.files import unusable_files
from ..source.schema_errors import validate_document
from ..source.yaml_reader import YamlDocument
from .brand import default_brand
from .brand_file import edition_brand, read_brand_file
from .clinic import branded_site, clinic_checks, clinic_layout, leave_out_removed
from .crisis_wording import worded_crisis
from .cross_check import cross_check
from .edition_facts import edition_site
from .guide import Guide
from .interface import INTERFACE_FILE, layered_interface
from .languages import translate_site, unknown_files
from .layers import (ENGLISH, Entry, Layer, Merge, edition_layers, list_document, merge_folder, merge_list,
                     read_folder_entries, read_list)
from .locale import babel_locale
from .overlay import FOLDERS, LIST_FILES, OVERLAY_MODELS
from .sources import Sources

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
            continue  # read with the interface tables
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
    return Build(content_dir, clinic_dir).editions()


def load_guide(content_dir: Path, clinic_dir: Path | None = None, language: str | None = None) -> Guide:
    """The guide in ``language`` (default: its first language), with a clinic's brand and changes
    when ``clinic_dir`` is given; raise ``ContentError`` listing every problem."""
    build = Build(content_dir, clinic_dir)
    return build.edition(language or build.languages[0])


class Build:
    """One build of a guide: our content and the clinic's brand read once; each edition made from them."""

    def __init__(self, content_dir: Path, clinic_dir: Path | None = None) -> None:
        self.content_dir, self.clinic_dir = content_dir, clinic_dir
        self.root = content_dir.resolve().parent  # file names in messages are relative to the project
        unusable = unusable_files(content_dir, self.root) + (unusable_files(clinic_dir, self.root) if clinic_dir else [])
        if unusable:  # a named pipe would hang whatever opened it; an unreadable folder would look empty
            raise ContentError(unusable)
        self.sources = Sources(self.root)
        singles, problems = content_files(content_dir)
        self.docs: dict[str, YamlDocument] = {}
        self.models: dict[str, Any] = {}
        for kind, path in singles.items():
            read = self.sources.document(path, ROOT_MODELS[kind])
            problems += read.problems
            if read.doc is not None:
                self.docs[kind] = read.doc
            if read.model is not None:
                self.models[kind] = read.model
        self.folders: Folders = {}
        for name, collection in FOLDERS.items():
            self.folders[name], found = self.sources.folder(content_dir / name, collection)
            problems += found
        if problems or len(self.models) < len(SINGLE_FILES):
            raise ContentError(problems)
        site = self.models["site"]
        self.brand_file = self.brand_doc = None
        self.languages = list(site.languages)
        self.problems: list[Problem] = []  # the clinic's files that apply to no edition
        if clinic_dir is not None:
            self.brand_file, self.brand_doc, problems = read_brand_file(clinic_dir, self.sources)
            if problems:
                raise ContentError(problems)
            self.languages = list(self.brand_file.languages or site.languages[:1])  # a clinic opts into each further one
            ours = {name: {item.id for _, item in items} for name, items in self.folders.items()}
            self.problems = clinic_layout(clinic_dir, self.languages, ours, self.root)

    def editions(self) -> list[Guide]:
        guides, problems = [], list(self.problems)
        for language in self.languages:
            try:
                guides.append(Edition(self, language).guide())
            except ContentError as exc:
                problems += exc.problems
        if problems:
            raise ContentError(problems)
        return guides

    def edition(self, language: str) -> Guide:
        problems = list(self.problems)
        try:
            guide = Edition(self, language).guide()
        except ContentError as exc:
            problems += exc.problems
        if problems:
            raise ContentError(problems)
        return guide


class Edition:
    """One edition: its stack of layers merged over what the build read, then checked."""

    def __init__(self, build: Build, language: str) -> None:
        self.build, self.language = build, language
        self.stack = edition_layers(build.content_dir, build.clinic_dir, language)
        self.layers = list(self.stack)  # those with content (a translation not begun yet is left out)
        self.merge = Merge(language)
        self.entries: dict[str, list[tuple[Any, list[Entry]]]] = {}  # file kind or folder -> its collections' entries
        translation = next((layer for layer in self.layers if layer.is_translation), None)
        if translation is not None and not translation.folder.is_dir():
            self.merge.warnings.append(Problem(display_path(translation.folder, build.root), 1, 1, "",
                                               f"no content in {language!r} yet: every page is shown in English"))
            self.layers.remove(translation)
        elif translation is not None:
            known = {f"{kind}.yml" for kind in SINGLE_FILES} | {INTERFACE_FILE}
            self.merge.problems += unknown_files(translation.folder, known, build.root)

    # --- merging ---------------------------------------------------------------------------------------

    def _layer_file(self, layer: Layer, kind: str) -> YamlDocument | None:
        """One layer's file of ``kind``: a translation's as written (checked once merged), a clinic's
        changes checked against their schema. None where the layer has none (or it is broken)."""
        path = layer.folder / f"{kind}.yml"
        core = self.build.docs[kind]
        if not path.is_file():
            if layer.is_translation and any(c.translated == "replace" for c in LIST_FILES.get(kind, ())):
                self.merge.warnings.append(Problem(display_path(path, self.build.root), 1, 1, "", (
                    f"not translated into {self.language!r} yet: {core.name} is shown in English")))
            return None
        if layer.is_translation:
            doc, problems = self.build.sources.yaml(path)
            if doc is not None and not isinstance(doc.data, dict):
                problems = [doc.problem((), f"expected the same layout as {core.name}")]
        else:
            read = self.build.sources.document(path, OVERLAY_MODELS[kind])
            doc, problems = read.doc, read.problems
        self.merge.problems += problems
        return None if problems else doc

    def _list_files(self) -> dict[str, YamlDocument]:
        docs = dict(self.build.docs)
        for kind, collections in LIST_FILES.items():
            core = docs[kind]
            entries = {c: read_list(core, c, self.layers[0]) for c in collections}
            fields: dict[str, tuple] = {}
            changed = False
            for layer in self.layers[1:]:
                doc = self._layer_file(layer, kind)
                if doc is None:
                    continue
                changed = True
                for collection in collections:
                    entries[collection] = merge_list(entries[collection], layer, doc, collection, self.merge)
                if layer.is_translation:  # its other values, key by key (the schema names any it should not have)
                    keys = {c.key for c in collections}
                    fields.update({key: (value, doc, (key,)) for key, value in doc.data.items() if key not in keys})
            if changed:
                docs[kind] = list_document(core, entries, fields)
            for collection, found in entries.items():
                self.merge.record_entries(collection, found)
            self.entries[kind] = list(entries.items())
        return docs

    def _site(self) -> tuple[YamlDocument, YamlDocument]:
        """Our site.yml in the edition's language, and the same under the clinic's brand."""
        build = self.build
        ours = build.docs["site"]
        for layer in self.layers[1:]:
            path = layer.folder / "site.yml"
            if not layer.is_translation:
                continue
            if not path.is_file():
                self.merge.warnings.append(Problem(display_path(path, build.root), 1, 1, "", (
                    f"not translated into {self.language!r} yet: {ours.name} is shown in English")))
                continue
            doc, problems = build.sources.yaml(path)
            if doc is not None and not isinstance(doc.data, dict):
                problems = [doc.problem((), f"expected the same layout as {ours.name}")]
            self.merge.problems += problems
            if not problems:
                ours, warnings = translate_site(ours, doc, self.language)
                self.merge.warnings += warnings
        branded = branded_site(ours, build.brand_doc, build.brand_file) if build.clinic_dir is not None else ours
        return ours, branded

    def _folders(self) -> Folders:
        build, folders = self.build, {}
        for name, collection in FOLDERS.items():
            entries = read_folder_entries(build.folders[name], self.layers[0])
            for layer in self.layers[1:]:
                folder = layer.folder / name
                items, found = build.sources.folder(folder, collection)
                self.merge.problems += found
                removals = None
                if layer.is_clinic:
                    path = layer.folder / f"{name}.yml"
                    if path.is_file():
                        read = build.sources.document(path, OVERLAY_MODELS[name])
                        self.merge.problems += read.problems
                        removals = read.doc if not read.problems else None
                    if not items and removals is None:
                        continue
                entries = merge_folder(entries, layer, folder, items, removals, collection, self.merge, build.root)
            self.merge.record_entries(collection, entries)
            self.entries[name] = [(collection, entries)]
            folders[name] = [(entry.doc, entry.data) for entry in entries]
        return folders

    # --- the edition -------------------------------------------------------------------------------------

    def guide(self) -> Guide:
        build, merge, language = self.build, self.merge, self.language
        docs = self._list_files()
        ours_site_doc, docs["site"] = self._site()
        folders = self._folders()
        others = {code: build.content_dir / code / INTERFACE_FILE
                  for code in {*build.models["site"].languages, *build.languages} if code != ENGLISH}
        first = build.languages[0] if build.clinic_dir is not None else None
        interface, problems, ui_provenance = layered_interface(self.stack, language, build.sources, others, first)
        problems += merge.problems
        if problems:
            raise ContentError(problems)

        models = dict(build.models)
        for kind in SINGLE_FILES:
            if docs[kind] is not build.docs[kind]:
                models[kind], found = validate_document(docs[kind], ROOT_MODELS[kind])
                problems += found
        ours_site = models["site"]  # our site settings in the edition's language, under no brand
        if ours_site_doc is build.docs["site"]:
            ours_site = build.models["site"]
        elif ours_site_doc is not docs["site"]:
            ours_site, found = validate_document(ours_site_doc, ROOT_MODELS["site"])
            problems += found
        if problems or any(models[kind] is None for kind in SINGLE_FILES):
            raise ContentError(problems)

        notes: list[Note] = []
        if build.clinic_dir is not None:
            changed, folders, problems, notes = leave_out_removed(merge.removed, models["site"].crisis_page, docs, folders,
                                                                  build.clinic_dir)
            for kind, doc in changed.items():
                docs[kind] = doc
                models[kind], found = validate_document(doc, ROOT_MODELS[kind])
                problems += found
            if problems:
                raise ContentError(problems)

        _locate(models, docs)
        if build.clinic_dir is not None:
            brand = edition_brand(build.brand_file, build.clinic_dir, ours_site)
        else:
            brand = default_brand(ours_site)
        site = models["site"].model_copy(update={"language": language})
        site = site.model_copy(update={"crisis": worded_crisis(site.crisis, interface.table, language)})
        site, fact_notes = edition_site(site, build.brand_file, build.clinic_dir / "brand.yml" if build.clinic_dir else None,
                                        interface.table, ours_site.country)
        notes.extend(fact_notes)
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
            locale=babel_locale(language, brand.country),
            notes=notes,
            ui=interface.table,
            warnings=tuple(merge.warnings) + interface.warnings + tuple(self._unworded()),
            provenance={**merge.provenance, "interface text": ui_provenance},
        )
        tables = [build.sources.yaml(layer.folder / INTERFACE_FILE)[0] for layer in self.stack
                  if (layer.folder / INTERFACE_FILE).is_file()]  # read once for the build, as the interface was
        problems = cross_check(guide, docs, folders, [table for table in tables if table is not None], build.brand_doc)
        if build.clinic_dir is not None:
            texts = [doc for kind, doc in docs.items() if kind not in ("site", "references")]
            texts += [doc for items in folders.values() for doc, _ in items]
            found, more = clinic_checks(texts, models["site"], ours_site, brand, build.brand_file, build.clinic_dir, language)
            problems += found
            guide.notes.extend(more)
        if problems:
            raise ContentError(problems)
        return guide

    def _unworded(self) -> list[Problem]:
        """A clinic's items for every edition, shown as written in an edition other than its first
        language: a warning each, naming where to word it for this one."""
        build = self.build
        if build.clinic_dir is None or self.language == build.languages[0]:
            return []
        warnings: list[Problem] = []
        for kind, collections in self.entries.items():
            for collection, entries in collections:
                if getattr(collection, "translated", "replace") != "add":  # sources are cited by their own titles
                    warnings += self._unworded_entries(kind, collection, entries, f"{getattr(collection, 'key', kind)}:")
        return warnings

    def _unworded_entries(self, kind: str, collection, entries: list[Entry], keys: str) -> list[Problem]:
        """``keys``: where the collection's changes go in a change file, e.g. "phases: items: day-of:"."""
        build, warnings = self.build, []
        folder = display_path(build.clinic_dir / "content" / self.language, build.root)
        for entry in entries:
            if entry.layer.is_clinic and entry.layer.language is None and entry.change in ("added", "replaced"):
                if kind in FOLDERS:
                    at, how = ("id",), f"write your version as {folder}/{kind}/{entry.item_id}.yml"
                else:
                    at, how = entry.at + ("id",), f"replace it in {folder}/{kind}.yml ({keys} replace:)"
                warnings.append(entry.doc.problem(at, (
                    f"the {collection.what} {entry.item_id!r} is for every edition, so the {self.language!r} edition "
                    f"shows it as written here (the clinic's first language is {build.languages[0]!r}); to word it "
                    f"in {self.language!r}, {how}")))
                continue  # its own lists came with it
            for child in getattr(collection, "children", ()):
                warnings += self._unworded_entries(kind, child, entry.children.get(child.key, []),
                                                   f"{keys} {child.key}: {entry.item_id}:")
        return warnings


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
