"""Every file of a build read once: the editions of a guide share the files they have in common
(our English content is under every language; a clinic's ``content/`` is under each of its
editions), so each file is loaded and checked once per build, and its document and model handed to
every edition that layers it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..problems import Problem
from ..source.read import Read, read_document
from ..source.yaml_reader import YamlDocument, YamlLoadError, load_yaml
from .overlay import FolderCollection, load_folder_items


class Sources:
    """A build's reader: the same answer for the same file, read from disk the first time only."""

    def __init__(self, root: Path | None) -> None:
        self.root = root  # file names in messages are relative to it
        self._documents: dict[tuple[Path, type[BaseModel]], Read] = {}
        self._yaml: dict[Path, tuple[YamlDocument | None, list[Problem]]] = {}
        self._folders: dict[tuple[Path, str], tuple[list[tuple[YamlDocument, Any]], list[Problem]]] = {}

    def document(self, path: Path, model: type[BaseModel]) -> Read:
        """``path`` loaded and checked as ``model``."""
        key = (path, model)
        if key not in self._documents:
            self._documents[key] = read_document(path, model, self.root)
        return self._documents[key]

    def yaml(self, path: Path) -> tuple[YamlDocument | None, list[Problem]]:
        """``path`` loaded as YAML with no schema (an interface table), or None and its problem."""
        if path not in self._yaml:
            try:
                self._yaml[path] = (load_yaml(path, root=self.root), [])
            except YamlLoadError as exc:
                self._yaml[path] = (None, exc.problems)
        return self._yaml[path]

    def folder(self, folder: Path, collection: FolderCollection) -> tuple[list[tuple[YamlDocument, Any]], list[Problem]]:
        """A one-file-per-item folder's items (each checked, its id its file name), and problems."""
        key = (folder, collection.folder)
        if key not in self._folders:
            self._folders[key] = load_folder_items(folder, collection, self.root)
        return self._folders[key]
