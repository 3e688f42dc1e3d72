"""The layering engine: each edition of the guide is one ordered stack of layers, merged the same way
for every collection (content, references, the interface catalog, the plan's words, left-out pages).

    ours                 content/                       our guide in English: every file, in full
    ours (<lang>)        content/<lang>/                our translation: the same files and ids, in its words
    the clinic           clinics/<n>/content/           a clinic's changes, for EVERY edition it publishes
    the clinic (<lang>)  clinics/<n>/content/<lang>/    a clinic's changes for its edition in <lang> alone

Each layer changes what the layers below it made, by id, with one rule per collection:

    replace  an item with an id already there takes its place (pages, notices, practices, phases, ...)
    add      an item with a new id comes after the others (a clinic's new items; a translation's sources)
    remove   an id is left out (and links to it are taken out of our texts: left_out.py)
    fields   values are taken key by key (site settings, the interface catalog, a crisis line's words)

A translation says "replace" by giving an item one of our ids, in its words: an item it lacks is
shown in English (never in another translation), with a warning; an item only it has is a warning
and left out. A clinic's layers say add, replace and remove in so many words (overlay.py); an id
that matches nothing is an error in the clinic's file, with its line.

Every item of an edition ends with one provenance record: the layer, the file and line it came
from, and what that layer did to it, the items a layer removed included (``Merge.provenance``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..problems import Problem, display_path
from ..schema.base import Origin
from ..source.yaml_reader import Path_, YamlDocument
from .overlay import FolderCollection, ListCollection, MergedDocument, merged

ENGLISH = "en"
OURS, CLINIC = "ours", "clinic"


@dataclass(frozen=True)
class Layer:
    """One layer of an edition's stack: whose it is, its folder, and the one language it is for
    (None: ours in English, under every edition; or the clinic's for every edition)."""

    owner: str  # OURS or CLINIC
    folder: Path
    language: str | None = None

    @property
    def name(self) -> str:
        who = "ours" if self.owner == OURS else "the clinic"
        return f"{who} ({self.language})" if self.language else who

    @property
    def is_translation(self) -> bool:
        return self.owner == OURS and self.language is not None

    @property
    def is_clinic(self) -> bool:
        return self.owner == CLINIC


def edition_layers(content_dir: Path, clinic_dir: Path | None, language: str) -> list[Layer]:
    """The stack of the edition in ``language``, bottom first."""
    layers = [Layer(OURS, content_dir)]
    if language != ENGLISH:
        layers.append(Layer(OURS, content_dir / language, language))
    if clinic_dir is not None:
        content = clinic_dir / "content"
        layers += [Layer(CLINIC, content), Layer(CLINIC, content / language, language)]
    return layers


@dataclass(frozen=True)
class Provenance:
    """Where one item of an edition came from: the layer, the file and line, and what that layer did
    ("ours", "translated", "added", "replaced", "removed", or "changed" for a text taken key by key)."""

    layer: str
    origin: Origin
    change: str

    def __str__(self) -> str:
        return f"{self.origin} ({self.layer})" if self.change == "ours" else f"{self.origin} ({self.change}: {self.layer})"


@dataclass(frozen=True)
class Removal:
    """One id a layer leaves out, and the ``remove:`` entry in its file that says so."""

    item_id: str
    doc: YamlDocument
    at: Path_
    layer: Layer


@dataclass
class Entry:
    """One item of a merged collection: its values, the file and place it was read from, the layer
    that gave it and what that layer did; its own id'd lists (a phase's checklist items) as entries too."""

    data: Any  # the item's values as read (a dict), or its model for one-file-per-item collections
    doc: YamlDocument
    at: Path_
    layer: Layer
    change: str
    children: dict[str, list["Entry"]] = field(default_factory=dict)

    @classmethod
    def read(cls, data: Any, doc: YamlDocument, at: Path_, layer: Layer, change: str,
             collection: ListCollection | None = None) -> "Entry":
        entry = cls(data, doc, at, layer, change)
        for child in (collection.children if collection and isinstance(data, dict) else ()):
            items = data.get(child.key) or []
            entry.children[child.key] = [cls.read(item, doc, at + (child.key, k), layer, change, child)
                                         for k, item in enumerate(items if isinstance(items, list) else [])]
        return entry

    @property
    def item_id(self) -> Any:
        if isinstance(self.data, dict):
            return self.data.get("id")
        return getattr(self.data, "id", None)

    def value(self) -> Any:
        """The item's values with its merged lists in place."""
        if not self.children:
            return self.data
        return {**self.data, **{key: [entry.value() for entry in entries] for key, entries in self.children.items()}}

    def origins(self, here: Path_) -> dict[Path_, tuple[YamlDocument, Path_]]:
        """Where each value of the item came from, keyed by its path in the merged document."""
        found = {here: (self.doc, self.at)}
        for key, entries in self.children.items():
            for k, entry in enumerate(entries):
                found.update(entry.origins(here + (key, k)))
        return found

    def provenance(self) -> Provenance:
        return Provenance(self.layer.name, self.doc.origin(self.at), self.change)


@dataclass
class Merge:
    """What merging an edition's layers found: errors (in the file that holds them), warnings (what
    is incomplete but builds), what each layer removed, and the provenance of every item."""

    language: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    removed: dict[str, dict[str, Removal]] = field(default_factory=dict)  # what -> id -> removal
    provenance: dict[str, dict[str, Provenance]] = field(default_factory=dict)  # what -> id -> record

    def remove(self, what: str, removal: Removal) -> None:
        self.removed.setdefault(what, {})[removal.item_id] = removal
        self.record(what, removal.item_id, Provenance(removal.layer.name, removal.doc.origin(removal.at), "removed"))

    def record(self, what: str, item_id: str, provenance: Provenance) -> None:
        self.provenance.setdefault(what, {})[str(item_id)] = provenance

    def record_entries(self, collection: ListCollection | FolderCollection, entries: list[Entry], prefix: str = "") -> None:
        for entry in entries:
            self.record(collection.what, f"{prefix}{entry.item_id}", entry.provenance())
            for child in getattr(collection, "children", ()):
                self.record_entries(child, entry.children.get(child.key, []), f"{prefix}{entry.item_id}/")


# --- lists of id'd items in one file (practices.yml, phases.yml and their checklist items, ...) -------


def read_list(doc: YamlDocument, collection: ListCollection, layer: Layer) -> list[Entry]:
    """Our items of ``collection`` in ``doc``, as entries."""
    items = doc.data.get(collection.key) if isinstance(doc.data, dict) else None
    return [Entry.read(item, doc, (collection.key, i), layer, "ours", collection)
            for i, item in enumerate(items if isinstance(items, list) else [])]


def merge_list(entries: list[Entry], layer: Layer, doc: YamlDocument, collection: ListCollection, merge: Merge) -> list[Entry]:
    """``entries`` with one layer's file ``doc`` applied: a translation's items by id, or a clinic's changes."""
    value = doc.data.get(collection.key) if isinstance(doc.data, dict) else None
    if value is None:
        if layer.is_translation and collection.translated == "replace":
            for entry in entries:
                merge.warnings.append(_untranslated(doc, (collection.key,), collection, entry, merge.language))
        return entries
    if layer.is_translation:
        return _translate(entries, layer, doc, (collection.key,), value, collection, merge)
    return _change(entries, layer, doc, (collection.key,), value, collection, merge)


def list_document(core: YamlDocument, collections: dict[ListCollection, list[Entry]],
                  fields: dict[str, tuple[Any, YamlDocument, Path_]] | None = None) -> MergedDocument:
    """``core`` with each collection's merged entries, and values taken key by key (``fields``:
    key -> (value, the document it came from, its path there))."""
    data = dict(core.data)
    origins: dict[Path_, tuple[YamlDocument, Path_]] = {}
    for key, (value, doc, at) in (fields or {}).items():
        data[key] = value
        origins[(key,)] = (doc, at)
    for collection, entries in collections.items():
        data[collection.key] = [entry.value() for entry in entries]
        for i, entry in enumerate(entries):
            origins.update(entry.origins((collection.key, i)))
    return merged(core, data, origins)


def _untranslated(doc: YamlDocument, at: Path_, collection: ListCollection, entry: Entry, language: str) -> Problem:
    return doc.problem(at, f"the {collection.what} {entry.item_id!r} is not translated into {language!r} yet; "
                           f"the English one ({entry.doc.where(entry.at)}) is shown")


def _translate(entries: list[Entry], layer: Layer, doc: YamlDocument, at: Path_, items: Any,
               collection: ListCollection, merge: Merge) -> list[Entry]:
    """A translation's list: each of our items in its words where it has them (and so, recursively,
    the lists inside them); with the ``add`` rule, its own items after ours."""
    what, language = collection.what, merge.language
    if not isinstance(items, list):
        merge.problems.append(doc.problem(at, f"expected a list of {what} items with our ids, as in "
                                              f"{entries[0].doc.name if entries else 'our file'}"))
        return entries
    theirs: dict[Any, int] = {}
    for j, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") is not None:
            theirs.setdefault(item["id"], j)
    by_id = {entry.item_id: entry for entry in entries}
    if collection.translated == "add":
        result = list(entries)
        for item_id, j in theirs.items():
            if item_id in by_id:
                ours = by_id[item_id]
                merge.warnings.append(doc.problem(at + (j, "id"), (
                    f"the {what} {item_id!r} is already in {ours.doc.where(ours.at)}: a translation's {collection.key} "
                    "add new ones, for sources in its language; this one is left out (give it a new id)")))
            else:
                result.append(Entry.read(items[j], doc, at + (j,), layer, "added", collection))
        return result
    result, done = [], set()
    for entry in entries:
        j = theirs.get(entry.item_id) if entry.item_id not in done else None  # a repeated id of ours stays ours: named there
        done.add(entry.item_id)
        if j is None and entry.item_id in theirs:
            result.append(entry)
            continue
        if j is None:
            merge.warnings.append(_untranslated(doc, at, collection, entry, language))
            result.append(entry)
            continue
        translated = Entry.read(items[j], doc, at + (j,), layer, "translated")
        for child in collection.children:
            inner = items[j].get(child.key)
            translated.children[child.key] = _translate(entry.children.get(child.key, []), layer, doc, at + (j, child.key),
                                                        inner if inner is not None else [], child, merge)
        result.append(translated)
    for item_id, j in theirs.items():
        if item_id not in by_id:
            merge.warnings.append(doc.problem(at + (j, "id"), f"the {what} {item_id!r} is only in {language!r}: add it "
                                                              "in English too; it is left out until then"))
    return result


def _change(entries: list[Entry], layer: Layer, doc: YamlDocument, at: Path_, changes: dict,
            collection: ListCollection, merge: Merge, prefix: str = "") -> list[Entry]:
    """A clinic's changes to one list: remove, replace and add by id; lists inside an item by its id."""
    what = collection.what
    by_id = {entry.item_id: entry for entry in entries}
    known = ", ".join(sorted(str(i) for i in by_id)) or "none"
    touched: dict[str, Path_] = {}
    problems = merge.problems

    def once(item_id: str, path: Path_) -> bool:
        if item_id in touched:
            problems.append(doc.problem(path, f"the {what} {item_id!r} is changed twice in this file "
                                              f"(first at line {doc.position(touched[item_id])[0]})"))
            return False
        touched[item_id] = path
        return True

    removed: set[str] = set()
    for k, item_id in enumerate(changes.get("remove") or []):
        path = at + ("remove", k)
        if item_id not in by_id:
            problems.append(doc.problem(path, f"no {what} has the id {item_id!r} to remove; the ids are: {known}"))
        elif once(item_id, path):
            removed.add(item_id)
            merge.remove(what, Removal(f"{prefix}{item_id}", doc, path, layer))
    replacements: dict[str, Entry] = {}
    for k, item in enumerate(changes.get("replace") or []):
        path = at + ("replace", k)
        item_id = item.get("id")
        if item_id not in by_id:
            problems.append(doc.problem(path + ("id",), f"no {what} has the id {item_id!r} to replace; the ids are: "
                                                        f"{known} (use add for a new one)"))
        elif once(item_id, path + ("id",)):
            replacements[item_id] = Entry.read(item, doc, path, layer, "replaced", collection)
    added: list[Entry] = []
    for k, item in enumerate(changes.get("add") or []):
        path = at + ("add", k)
        item_id = item.get("id")
        if item_id in by_id:
            there = by_id[item_id]
            problems.append(doc.problem(path + ("id",), f"a {what} with the id {item_id!r} already exists "
                                                        f"({there.doc.where(there.at)}); use replace to change it, "
                                                        "or choose a new id"))
        elif once(item_id, path + ("id",)):
            added.append(Entry.read(item, doc, path, layer, "added", collection))

    result = [replacements.get(e.item_id, e) for e in entries if e.item_id not in removed] + added
    if entries and not result:
        problems.append(doc.problem(at + ("remove",), f"this would leave no {what} at all; keep or add at least one"))
    for child in collection.children:
        for parent_id, inner in (changes.get(child.key) or {}).items():
            path = at + (child.key, parent_id)
            place = next((i for i, e in enumerate(result) if e.item_id == parent_id), None)
            if place is None:
                ids = ", ".join(str(e.item_id) for e in result)
                problems.append(doc.problem(path, f"no {what} has the id {parent_id!r}; expected one of: {ids}"))
                continue
            parent = result[place]
            changed = _change(parent.children.get(child.key, []), layer, doc, path, inner, child, merge, f"{prefix}{parent_id}/")
            result[place] = replace(parent, children={**parent.children, child.key: changed})
    return result


# --- folders with one file per item (pages/, worksheets/) -----------------------------------------------


def read_folder_entries(items: list[tuple[YamlDocument, Any]], layer: Layer) -> list[Entry]:
    return [Entry(item, doc, (), layer, "ours") for doc, item in items]


def merge_folder(entries: list[Entry], layer: Layer, folder: Path, items: list[tuple[YamlDocument, Any]],
                 removals: YamlDocument | None, collection: FolderCollection, merge: Merge,
                 root: Path | None) -> list[Entry]:
    """``entries`` with one layer's folder applied: a translation's files by id; or a clinic's files
    (a new id adds, one already there replaces) and its ``<folder>.yml`` removals."""
    what, language = collection.what, merge.language
    by_id = {entry.item_id: entry for entry in entries}
    if layer.is_translation:
        theirs = {item.id: (doc, item) for doc, item in items}
        result = []
        for entry in entries:
            if entry.item_id in theirs:
                doc, item = theirs[entry.item_id]
                result.append(Entry(item, doc, (), layer, "translated"))
            else:
                missing = display_path(folder / f"{entry.item_id}.yml", root)
                merge.warnings.append(Problem(missing, 1, 1, "", f"the {what} {entry.item_id!r} is not translated into "
                                                                 f"{language!r} yet; the English one ({entry.doc.name}) is shown"))
                result.append(entry)
        for item_id, (doc, _) in theirs.items():
            if item_id not in by_id:
                merge.warnings.append(doc.problem(("id",), f"the {what} {item_id!r} is only in {language!r}: add it to "
                                                           "content/ in English too; it is left out until then"))
        return result
    own_ids = {item.id for _, item in items}
    removed: set[str] = set()
    for k, item_id in enumerate((removals.data or {}).get("remove") or [] if removals is not None else []):
        path = ("remove", k)
        if item_id not in by_id:
            known = ", ".join(sorted(str(i) for i in by_id))
            merge.problems.append(removals.problem(path, f"no {what} has the id {item_id!r} to remove; the ids are: {known}"))
        elif item_id in own_ids:
            merge.problems.append(removals.problem(path, f"the {what} {item_id!r} is both removed here and replaced by "
                                                         f"{collection.folder}/{item_id}.yml; keep one of the two"))
        elif item_id in removed:
            merge.problems.append(removals.problem(path, f"the {what} {item_id!r} is removed twice in this file"))
        else:
            removed.add(item_id)
            merge.remove(what, Removal(item_id, removals, path, layer))
    result = {entry.item_id: entry for entry in entries if entry.item_id not in removed}
    for doc, item in items:
        result[item.id] = Entry(item, doc, (), layer, "replaced" if item.id in result else "added")
    return list(result.values())
