"""Read a clinic's ``brand.yml`` into a ``Brand``: the file checked against its schema, its logo
and favicon checked (inside the clinic's folder, no script in an SVG), its colours checked for
contrast (colours.py)."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem, display_path
from ..schema.base import paper_for
from ..schema.brand_file import BrandFile
from ..schema.items import Site
from ..source.read import read_document
from ..source.yaml_reader import YamlDocument
from .brand import OUR_COLOURS, Brand, with_slash
from .colours import contrast_problems, resolve_colours
from .markup_check import unsafe_svg

BRAND_FILE = "brand.yml"


def load_brand(clinic_dir: Path, site: Site, root: Path | None = None) -> tuple[Brand | None, BrandFile | None, list[Problem]]:
    """Read and check ``clinic_dir/brand.yml``: the brand and the file's model, or ``None`` and every problem."""
    path = clinic_dir / BRAND_FILE
    if not path.is_file():
        return None, None, [Problem(str(path), 1, 1, "", "brand file not found; every clinic folder needs a brand.yml "
                                                         "(`python -m generator new-clinic FOLDER --name NAME` makes one)")]
    read = read_document(path, BrandFile, root)
    model = read.model
    if model is None:
        return None, None, read.problems
    problems = _check_assets(model, read.doc, clinic_dir, root)
    colours = resolve_colours(model.colours) if model.colours else OUR_COLOURS
    problems += [read.doc.problem(("colours", key), message) for key, message in contrast_problems(colours)]
    if problems:
        return None, None, problems
    brand = Brand(
        name=model.name,
        short_name=model.short_name or model.name,
        logo=(clinic_dir / model.logo).resolve() if model.logo else None,
        favicon=(clinic_dir / model.favicon).resolve() if model.favicon else None,
        colours=colours,
        contact=model.contact,
        integration_therapy=model.integration_therapy,
        footer=model.footer or site.copyright,
        languages=tuple(model.languages or site.languages[:1]),  # a clinic opts into each further language
        country=model.country or site.country,
        paper=paper_for(model.country or site.country, model.paper),
        clinic_dir=clinic_dir.resolve(),
        site_url=with_slash(model.site_url),
    )
    return brand, model, []


def _check_assets(model: BrandFile, doc: YamlDocument, clinic_dir: Path, root: Path | None) -> list[Problem]:
    problems = []
    folder = clinic_dir.resolve()
    for key in ("logo", "favicon"):
        relative = getattr(model, key)
        if relative is None:
            continue
        target = (clinic_dir / relative).resolve()
        if folder not in target.parents:
            problems.append(doc.problem((key,), f"the {key} must be a file inside the clinic folder (got {relative!r})"))
        elif not target.is_file():
            problems.append(doc.problem((key,), f"{key} file not found: {display_path(target, root)}"))
        elif target.suffix.lower() == ".svg":
            text = target.read_bytes().decode("utf-8", errors="replace")
            for what in unsafe_svg(text):
                problems.append(doc.problem((key,), f"the {key} {relative!r} holds {what}, which could run or load something "
                                                    "on the site; export the logo again as a plain SVG, or use a PNG"))
    return problems
