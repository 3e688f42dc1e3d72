"""The pipeline as one call: files → Guide → rendered pages; and the JSON Schema export.

    source/   files → located, validated documents
    guide/    documents → one checked, merged Guide (a clinic's overlay and brand applied)
    render/   Guide → Markdown pages, worksheets, the handout
    publish/  rendered text → files on disk; engine-neutral steps over a built site
    engines/  the site engine (MkDocs) as a thin adapter
    quality/  checks beside the pipeline: readability, review dates, links
"""

from __future__ import annotations

import json
from pathlib import Path

from .guide.assemble import load_guide, load_guides
from .guide.guide import Guide
from .guide.interface import ENGLISH, interface_schema, load_interface
from .guide.overlay import OVERLAY_MODELS
from .problems import ContentError
from .project import Project
from .caches import bytecode_cache
from .render.pages import RenderedGuide, render_guide
from .schema.files import ROOT_MODELS
from .schema.brand_file import BrandFile


def generate(project: Project, language: str | None = None) -> tuple[Guide, RenderedGuide]:
    """Check the content and render every page in ``language`` (default: the site's first);
    raises ``ContentError`` with all problems."""
    guide = load_guide(project.content_dir, project.clinic_dir, language)
    return guide, render_guide(guide, project.templates_dir, bytecode_cache(project.root, "templates"))


def generate_all(project: Project) -> list[tuple[Guide, RenderedGuide]]:
    """Every language of the guide, checked and rendered, the first first."""
    cache = bytecode_cache(project.root, "templates")
    return [(guide, render_guide(guide, project.templates_dir, cache))
            for guide in load_guides(project.content_dir, project.clinic_dir)]


def json_schemas(content_dir: Path) -> dict[str, str]:
    """One JSON Schema file per content file kind, for yaml-language-server and other editors;
    one for a clinic's brand.yml and for each kind of clinic overlay file; and one for the interface
    tables, made from the English table in ``content_dir``."""
    titled = {kind: (model, f"{kind} file") for kind, model in ROOT_MODELS.items()}
    titled["brand"] = (BrandFile, "a clinic's brand file")
    titled.update({f"overlay-{kind}": (model, f"a clinic's changes to our {kind}")
                   for kind, model in OVERLAY_MODELS.items()})
    english, problems = load_interface(content_dir, ENGLISH)
    if english is None:
        raise ContentError(problems)
    files = {}
    for kind, (model, title) in [*titled.items(), ("interface", (None, "interface texts"))]:
        schema = model.model_json_schema() if model is not None else interface_schema(english.table)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Ketamine integration guide: {title}"
        files[f"{kind}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return files
