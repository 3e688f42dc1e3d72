"""Problems found in the content, each pointing at ``file:line:column: field.path``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as we know."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass(frozen=True, order=True)
class Note:
    """Something an author should know that does not stop the build: a ``warning`` (check this) or
    an ``info`` line (this was done for you), located like a problem."""

    level: str  # "warning" or "info"
    problem: Problem

    def __str__(self) -> str:
        return f"{self.level}: {self.problem}"


class ContentError(Exception):
    """Raised with every problem found, so that an author can fix them all in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")
        return "\n".join(lines)


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as an author would type it: relative to the working folder when possible. A symbolic
    link is named as itself, never as what it points to."""
    absolute = Path(os.path.abspath(path))
    for base in (root, Path.cwd()):
        if base is None:
            continue
        for candidate in (absolute, path.resolve() if not path.is_symlink() else absolute):
            try:
                return str(candidate.relative_to(base.resolve()))
            except ValueError:
                continue
    return str(path)


class BuildFailed(Exception):
    """The site engine failed; its own output has already been shown."""
