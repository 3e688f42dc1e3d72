"""A clinic's content overlay: add, replace or remove our items by id, without touching our files.

A clinic folder holds ``content/`` laid out like ours. Each overlay file mirrors one of our files:
where ours has a list (``practices:``), the clinic's has the changes to it::

    practices:
      add: [ ...new practices... ]
      replace: [ ...a practice with one of our ids, in full... ]
      remove: [ an-id, another-id ]

Lists inside an item (a phase's checklist items) are changed under the parent's id
(``phases: {items: {before-session: {add: [...]}}}``). Collections with one file per item (pages,
worksheets) take a file with the same id to replace ours, a new id to add one, and
removals in ``<folder>.yml`` (``remove: [ids]``).

The merge works on the loaded YAML, before the schema builds the final models and before the
cross-reference checks, so every output sees the same merged content. Every merged value keeps
where it came from: a problem found later in a clinic's item points into the clinic's file.

To make another id'd collection overlayable, add it to ``LIST_FILES`` or ``FOLDERS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, Field, create_model

from ..problems import Problem
from ..schema.base import Id, Origin, Strict
from ..schema.items import ChecklistItem, Notice, Phase, Practice, Reference
from ..schema.page import Page
from ..schema.worksheet import Worksheet
from ..source.read import read_document, read_folder
from ..source.yaml_reader import Path_, YamlDocument


@dataclass(frozen=True)
class ListCollection:
    """A list of id'd items inside a content file, e.g. ``practices`` in practices.yml."""

    key: str  # the list's key, in our file and in the overlay file
    what: str  # what one item is called in messages
    item: type[BaseModel]
    children: tuple["ListCollection", ...] = ()  # lists inside each item that an overlay may change


@dataclass(frozen=True)
class FolderCollection:
    """A folder with one file per item, e.g. ``pages/``; the item's id is its file name."""

    folder: str
    what: str
    item: type[BaseModel]


LIST_FILES: dict[str, tuple[ListCollection, ...]] = {
    "practices": (ListCollection("practices", "practice", Practice),),
    "phases": (ListCollection("phases", "phase", Phase, children=(ListCollection("items", "checklist item", ChecklistItem),)),),
    "therapist": (ListCollection("criteria", "therapist criterion", ChecklistItem),
                  ListCollection("questions", "therapist question", ChecklistItem)),
    "notices": (ListCollection("notices", "notice", Notice),),
    "references": (ListCollection("references", "reference", Reference),),
}
FOLDERS: dict[str, FolderCollection] = {
    "pages": FolderCollection("pages", "page", Page),
    "worksheets": FolderCollection("worksheets", "worksheet", Worksheet),
}


# --- the overlay files' schema ----------------------------------------------------------------------


def _changes_model(collection: ListCollection) -> type[BaseModel]:
    what = collection.what
    fields: dict[str, Any] = {
        "add": (list[collection.item], Field([], description=f"New {what} items, each with an id we do not use.")),
        "replace": (list[collection.item], Field([], description=f"A {what} with one of our ids, in full; it takes that one's place.")),
        "remove": (list[Id], Field([], description=f"Ids of our {what} items to leave out.")),
    }
    for child in collection.children:
        fields[child.key] = (dict[str, _changes_model(child)],
                             Field({}, description=f"Changes to the {child.what} list of one {what}, keyed by its id."))
    name = "".join(part.capitalize() for part in collection.key.split("_")) + "Changes"
    return create_model(name, __base__=Strict, **fields)


def _file_model(kind: str, collections: tuple[ListCollection, ...]) -> type[BaseModel]:
    fields = {c.key: (Optional[_changes_model(c)], None) for c in collections}
    model = create_model(f"{kind.capitalize()}Overlay", __base__=Strict, **fields)
    model.__doc__ = f"A clinic's changes to our {kind}.yml: add, replace or remove items by id."
    return model


class FolderRemovals(Strict):
    remove: list[Id] = Field([], description="Ids of our items in this folder to leave out.")


OVERLAY_MODELS: dict[str, type[BaseModel]] = {kind: _file_model(kind, cols) for kind, cols in LIST_FILES.items()}
OVERLAY_MODELS.update({folder: FolderRemovals for folder in FOLDERS})


# --- documents that remember where each merged value came from ---------------------------------------


@dataclass
class MergedDocument(YamlDocument):
    """A content file after the overlay: its data mixes our items and the clinic's, and a problem at
    any value is reported at the file and line that value came from."""

    origins: dict[Path_, tuple[YamlDocument, Path_]] = field(default_factory=dict)

    def _origin(self, at: Path_) -> tuple[YamlDocument, Path_]:
        for end in range(len(at), -1, -1):
            if at[:end] in self.origins:
                doc, base = self.origins[at[:end]]
                return doc, base + tuple(at[end:])
        raise LookupError(f"{self.name}: no origin recorded for {at}")  # merge_list_file always records ()

    def source(self, at: Path_) -> tuple[YamlDocument, Path_]:
        """The file the value at ``at`` was read from (never a merged document), and its path there."""
        doc, path = self._origin(at)
        return doc.source(path) if isinstance(doc, MergedDocument) else (doc, path)

    def position(self, at: Path_) -> tuple[int, int]:
        doc, path = self._origin(at)
        return doc.position(path)

    def origin(self, at: Path_) -> Origin:
        doc, path = self._origin(at)
        return doc.origin(path)

    def where(self, at: Path_) -> str:
        doc, path = self._origin(at)
        return doc.where(path)

    def problem(self, at: Path_, message: str, offset: int | None = None) -> Problem:
        doc, path = self._origin(at)
        return doc.problem(path, message, offset)


@dataclass
class _Entry:
    """One item of a merged list: its data, and the document and path it came from."""

    data: Any
    doc: YamlDocument
    at: Path_
    inner: dict[Path_, tuple[YamlDocument, Path_]] = field(default_factory=dict)  # origins of changed inner lists


# --- applying the overlay --------------------------------------------------------------------------------


def overlay_files(overlay_dir: Path) -> tuple[dict[str, Path], list[Problem]]:
    """The clinic's overlay files by kind (its item folders are read by folder), and problems with its layout."""
    files: dict[str, Path] = {}
    problems: list[Problem] = []
    if not overlay_dir.is_dir():
        return files, problems  # a clinic may change nothing but its brand
    for path in sorted(overlay_dir.iterdir()):
        if path.is_dir() and path.name in FOLDERS:
            continue
        elif path.is_file() and path.suffix == ".yml" and path.stem in OVERLAY_MODELS:
            files[path.stem] = path
        elif path.name == "interface.yml":
            continue  # the clinic's interface texts: read with ours by guide/interface.py
        elif path.name.startswith(".") or path.suffix == ".md":
            continue  # notes for the clinic's editors
        else:
            kinds = ", ".join([f"{k}.yml" for k in OVERLAY_MODELS] + ["interface.yml"] + [f"{f}/" for f in FOLDERS])
            hint = " (the site's name, crisis lines and language are set in brand.yml)" if path.stem == "site" else ""
            problems.append(Problem(str(path), 1, 1, "", f"unknown overlay file; expected one of: {kinds}{hint}"))
    return files, problems


def load_overlay_file(path: Path, kind: str, root: Path | None) -> tuple[YamlDocument | None, list[Problem]]:
    read = read_document(path, OVERLAY_MODELS[kind], root)
    return read.doc, read.problems


def merge_list_file(core: YamlDocument, overlay: YamlDocument, kind: str) -> tuple[MergedDocument, list[Problem]]:
    """Our file ``core`` with the clinic's changes in ``overlay`` applied (``overlay`` is already valid)."""
    data = dict(core.data)
    origins: dict[Path_, tuple[YamlDocument, Path_]] = {(): (core, ())}
    problems: list[Problem] = []
    for collection in LIST_FILES[kind]:
        entries = [_Entry(item, core, (collection.key, i)) for i, item in enumerate(core.data.get(collection.key) or [])]
        changes = (overlay.data or {}).get(collection.key)
        if changes:
            entries, found = _apply(entries, changes, overlay, (collection.key,), collection)
            problems += found
        data[collection.key] = [entry.data for entry in entries]
        for i, entry in enumerate(entries):
            origins[(collection.key, i)] = (entry.doc, entry.at)
            origins.update({(collection.key, i, *suffix): origin for suffix, origin in entry.inner.items()})
    merged = MergedDocument(path=core.path, name=core.name, data=data, marks=core.marks,
                            literal_blocks=core.literal_blocks, origins=origins)
    return merged, problems


def _apply(entries: list[_Entry], changes: dict, overlay: YamlDocument, at: Path_,
           collection: ListCollection) -> tuple[list[_Entry], list[Problem]]:
    problems: list[Problem] = []
    what = collection.what
    by_id = {entry.data.get("id"): entry for entry in entries}
    known = ", ".join(sorted(str(i) for i in by_id)) or "none"
    touched: dict[str, Path_] = {}

    def once(item_id: str, path: Path_) -> bool:
        if item_id in touched:
            problems.append(overlay.problem(path, f"the {what} {item_id!r} is changed twice in this file "
                                                  f"(first at line {overlay.position(touched[item_id])[0]})"))
            return False
        touched[item_id] = path
        return True

    removed: set[str] = set()
    for k, item_id in enumerate(changes.get("remove") or []):
        path = at + ("remove", k)
        if item_id not in by_id:
            problems.append(overlay.problem(path, f"no {what} has the id {item_id!r} to remove; ours are: {known}"))
        elif once(item_id, path):
            removed.add(item_id)
    replacements: dict[str, _Entry] = {}
    for k, item in enumerate(changes.get("replace") or []):
        path = at + ("replace", k)
        item_id = item.get("id")
        if item_id not in by_id:
            problems.append(overlay.problem(path + ("id",), f"no {what} has the id {item_id!r} to replace; ours are: {known} "
                                                              "(use add for a new one)"))
        elif once(item_id, path + ("id",)):
            replacements[item_id] = _Entry(item, overlay, path)
    added: list[_Entry] = []
    for k, item in enumerate(changes.get("add") or []):
        path = at + ("add", k)
        item_id = item.get("id")
        if item_id in by_id:
            problems.append(overlay.problem(path + ("id",), f"a {what} with the id {item_id!r} already exists "
                                                              f"({by_id[item_id].doc.where(by_id[item_id].at)}); "
                                                              "use replace to change it, or choose a new id"))
        elif once(item_id, path + ("id",)):
            added.append(_Entry(item, overlay, path))

    merged = [replacements.get(e.data.get("id"), e) for e in entries if e.data.get("id") not in removed] + added
    if entries and not merged:
        problems.append(overlay.problem(at + ("remove",), f"this would leave no {what} at all; keep or add at least one"))

    for child in collection.children:
        for parent_id in (changes.get(child.key) or {}):
            path = at + (child.key, parent_id)
            parent = next((e for e in merged if e.data.get("id") == parent_id), None)
            if parent is None:
                ids = ", ".join(str(e.data.get("id")) for e in merged)
                problems.append(overlay.problem(path, f"no {what} has the id {parent_id!r}; expected one of: {ids}"))
                continue
            inner = [_Entry(item, parent.doc, parent.at + (child.key, i)) for i, item in enumerate(parent.data.get(child.key) or [])]
            inner, found = _apply(inner, changes[child.key][parent_id], overlay, path, child)
            problems += found
            parent.data = {**parent.data, child.key: [e.data for e in inner]}
            for i, entry in enumerate(inner):
                parent.inner[(child.key, i)] = (entry.doc, entry.at)
                parent.inner.update({(child.key, i, *s): o for s, o in entry.inner.items()})
    return merged, problems


def merge_folder(folder: str, core: list[tuple[YamlDocument, Any]], clinic: list[tuple[YamlDocument, Any]],
                 removals: YamlDocument | None) -> tuple[list[tuple[YamlDocument, Any]], list[Problem]]:
    """Our items of a folder collection with the clinic's: same id replaces, new id adds, removals drop."""
    what = FOLDERS[folder].what
    problems: list[Problem] = []
    by_id = {item.id: (doc, item) for doc, item in core}
    remove = list((removals.data or {}).get("remove") or []) if removals is not None else []
    clinic_ids = {item.id for _, item in clinic}
    for k, item_id in enumerate(remove):
        if item_id not in by_id:
            known = ", ".join(sorted(by_id))
            problems.append(removals.problem(("remove", k), f"no {what} has the id {item_id!r} to remove; ours are: {known}"))
        elif item_id in clinic_ids:
            problems.append(removals.problem(("remove", k), f"the {what} {item_id!r} is both removed here and replaced by "
                                                            f"{folder}/{item_id}.yml; keep one of the two"))
    merged = {item_id: entry for item_id, entry in by_id.items() if item_id not in remove}
    for doc, item in clinic:
        merged[item.id] = (doc, item)
    return list(merged.values()), problems


def load_folder_items(folder: Path, collection: FolderCollection, root: Path | None) -> tuple[list[tuple[YamlDocument, Any]], list[Problem]]:
    """One file per item, each read and checked; an item's id must match its file name."""
    reads, problems = read_folder(folder, collection.item, collection.what, root)
    return [(read.doc, read.model) for read in reads], problems
