"""Which clinic a build is for (clinic.py's docstring says how it is chosen): kept apart from the
clinic's checks so that a build whose editions are kept (generator/edition_cache.py) can learn its
clinic without importing the code that reads and checks content."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..problems import ContentError, Problem
from ..source.files import not_a_file, problem as file_problem

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
