"""The pipeline, load → validate → render, as one call; and the JSON Schema export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .content import Guide, load_guide
from .models import ROOT_MODELS
from .render import RenderedGuide, render_guide


@dataclass(frozen=True)
class Project:
    """Where a guide's inputs live."""

    content_dir: Path
    templates_dir: Path

    @classmethod
    def at(cls, root: Path) -> "Project":
        return cls(content_dir=root / "content", templates_dir=root / "templates")


def generate(project: Project) -> tuple[Guide, RenderedGuide]:
    """Check the content and render every page; raises ``ContentError`` with all problems."""
    guide = load_guide(project.content_dir)
    return guide, render_guide(guide, project.templates_dir)


def json_schemas() -> dict[str, str]:
    """One JSON Schema file per content file kind, for yaml-language-server and other editors."""
    files = {}
    for kind, model in ROOT_MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Ketamine integration guide: {kind} file"
        files[f"{kind}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return files
