"""The pipeline, load → validate → render, as one call; and the JSON Schema export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .brand import BrandFile
from .content import Guide, load_guide
from .models import ROOT_MODELS
from .overlay import OVERLAY_MODELS
from .render import RenderedGuide, render_guide


@dataclass(frozen=True)
class Project:
    """Where a guide's inputs live."""

    content_dir: Path
    templates_dir: Path
    clinic_dir: Path | None = None  # a clinic's folder (brand.yml, content/ overlay, assets/), or None

    @classmethod
    def at(cls, root: Path, clinic_dir: Path | None = None) -> "Project":
        return cls(content_dir=root / "content", templates_dir=root / "templates", clinic_dir=clinic_dir)


def generate(project: Project) -> tuple[Guide, RenderedGuide]:
    """Check the content and render every page; raises ``ContentError`` with all problems."""
    guide = load_guide(project.content_dir, project.clinic_dir)
    return guide, render_guide(guide, project.templates_dir)


def json_schemas() -> dict[str, str]:
    """One JSON Schema file per content file kind, for yaml-language-server and other editors;
    and one for a clinic's brand.yml and for each kind of clinic overlay file."""
    titled = {kind: (model, f"{kind} file") for kind, model in ROOT_MODELS.items()}
    titled["brand"] = (BrandFile, "a clinic's brand file")
    titled.update({f"overlay-{kind}": (model, f"a clinic's changes to our {kind}")
                   for kind, model in OVERLAY_MODELS.items()})
    files = {}
    for kind, (model, title) in titled.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Ketamine integration guide: {title}"
        files[f"{kind}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return files
