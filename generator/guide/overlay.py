"""What can be layered, and how a clinic writes its changes: the id'd collections of our content and
the schema of a clinic's change files. The layering itself is in layers.py.

A clinic folder holds ``content/`` laid out like ours. Each change file mirrors one of our files:
where ours has a list (``practices:``), the clinic's has the changes to it::

    practices:
      add: [ ...new practices... ]
      replace: [ ...a practice with one of our ids, in full... ]
      remove: [ an-id, another-id ]

Lists inside an item (a phase's checklist items) are changed under the parent's id
(``phases: {items: {before-session: {add: [...]}}}``). Collections with one file per item (pages,
worksheets) take a file with the same id to replace ours, a new id to add one, and
removals in ``<folder>.yml`` (``remove: [ids]``).

To make another id'd collection layerable, add it to ``LIST_FILES`` or ``FOLDERS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, Field, create_model

from ..problems import Problem
from ..schema.base import Id, Origin, Strict
from ..schema.items import ChecklistItem, Notice, Phase, Practice, Reference
from ..schema.page import Page
from ..schema.worksheet import Worksheet
from ..source.read import read_folder
from ..source.yaml_reader import Path_, YamlDocument


@dataclass(frozen=True)
class ListCollection:
    """A list of id'd items inside a content file, e.g. ``practices`` in practices.yml."""

    key: str  # the list's key, in our file and in a layer's file
    what: str  # what one item is called in messages
    item: type[BaseModel]
    children: tuple["ListCollection", ...] = ()  # lists inside each item that a layer may change
    translated: Literal["replace", "add"] = "replace"  # what a translation's item with our id does: take
    # its place, in the language's words; or "add": a translation adds items of its own (sources in its language)


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
    "references": (ListCollection("references", "reference", Reference, translated="add"),),
}
FOLDERS: dict[str, FolderCollection] = {
    "pages": FolderCollection("pages", "page", Page),
    "worksheets": FolderCollection("worksheets", "worksheet", Worksheet),
}


# --- the change files' schema ----------------------------------------------------------------------


def _changes_model(collection: ListCollection) -> type[BaseModel]:
    what = collection.what
    fields: dict[str, Any] = {
        "add": (list[collection.item], Field([], description=f"New {what} items, each with an id not used yet.")),
        "replace": (list[collection.item], Field([], description=f"A {what} with an id already used, in full; it takes that one's place.")),
        "remove": (list[Id], Field([], description=f"Ids of {what} items to leave out.")),
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
    remove: list[Id] = Field([], description="Ids of the items in this folder to leave out.")


OVERLAY_MODELS: dict[str, type[BaseModel]] = {kind: _file_model(kind, cols) for kind, cols in LIST_FILES.items()}
OVERLAY_MODELS.update({folder: FolderRemovals for folder in FOLDERS})


# --- documents that remember where each merged value came from ---------------------------------------


@dataclass
class MergedDocument(YamlDocument):
    """A content file after layering: its data mixes values from several files, and a problem at any
    value is reported at the file and line that value came from."""

    origins: dict[Path_, tuple[YamlDocument, Path_]] = field(default_factory=dict)

    def _origin(self, at: Path_) -> tuple[YamlDocument, Path_]:
        for end in range(len(at), -1, -1):
            if at[:end] in self.origins:
                doc, base = self.origins[at[:end]]
                return doc, base + tuple(at[end:])
        raise LookupError(f"{self.name}: no origin recorded for {at}")  # every merge records ()

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


def merged(core: YamlDocument, data: Any, origins: dict[Path_, tuple[YamlDocument, Path_]]) -> MergedDocument:
    """A document named like ``core`` holding ``data``, each value located by ``origins`` (``()``: ``core``)."""
    return MergedDocument(path=core.path, name=core.name, data=data, marks=core.marks,
                          literal_blocks=core.literal_blocks, origins={(): (core, ()), **origins})


def load_folder_items(folder: Path, collection: FolderCollection, root: Path | None) -> tuple[list[tuple[YamlDocument, Any]], list[Problem]]:
    """One file per item, each read and checked; an item's id must match its file name."""
    reads, problems = read_folder(folder, collection.item, collection.what, root)
    return [(read.doc, read.model) for read in reads], problems
