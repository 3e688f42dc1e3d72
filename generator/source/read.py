"""Read one content file: load its YAML, then check it against its model, in one call.

Every file the guide reads (our content, a clinic's brand and overlay) comes through here, so a
problem is always reported the same way: file, line, column, field path, what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..problems import Problem, display_path
from .schema_errors import validate_document
from .yaml_reader import YamlDocument, YamlLoadError, load_yaml


@dataclass
class Read:
    """A file as read: its document (None if it could not be parsed), the model built from it
    (None if it did not validate), and every problem found."""

    doc: YamlDocument | None
    model: Any = None
    problems: list[Problem] = field(default_factory=list)


def read_document(path: Path, model: type[BaseModel], root: Path | None = None) -> Read:
    """Load ``path`` and validate it as ``model``; file names in messages are relative to ``root``."""
    try:
        doc = load_yaml(path, root=root)
    except YamlLoadError as exc:
        return Read(None, None, exc.problems)
    built, problems = validate_document(doc, model)
    if built is not None:
        built.located(doc.origin(()))
    return Read(doc, built, problems)


def read_folder(folder: Path, model: type[BaseModel], what: str, root: Path | None = None) -> tuple[list[Read], list[Problem]]:
    """One file per item (``pages/<id>.yml``): each read, and its id checked against its file name."""
    items, problems = [], []
    if folder.is_symlink():
        return [], [Problem(display_path(folder, root), 1, 1, "", "this folder is a symbolic link; content folders must be "
                                                                   "real folders inside the project")]
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        read = read_document(path, model, root)
        problems += read.problems
        if read.model is not None:
            if read.model.id != path.stem:
                problems.append(read.doc.problem(("id",), f"a {what}'s id must match its file name: expected {path.stem!r}"))
            items.append(read)
    for stray in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        problems.append(Problem(str(stray), 1, 1, "", f"{what} files end in .yml; rename this file"))
    return items, problems
