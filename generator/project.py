"""Where a guide's inputs live (a module of its own: the build driver and its caches need it without
the pipeline's code)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """Where a guide's inputs live."""

    content_dir: Path
    templates_dir: Path
    clinic_dir: Path | None = None  # a clinic's folder (brand.yml, content/ overlay, assets/), or None

    @classmethod
    def at(cls, root: Path, clinic_dir: Path | None = None) -> "Project":
        return cls(content_dir=root / "content", templates_dir=root / "templates", clinic_dir=clinic_dir)

    @property
    def root(self) -> Path:
        return self.templates_dir.resolve().parent
