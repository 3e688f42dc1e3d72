"""Read a clinic's ``brand.yml`` once for a build (the file checked against its schema, its logo and
favicon checked: inside the clinic's folder, no script in an SVG; its colours checked for contrast,
colours.py), and make each edition's ``Brand`` from it."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem, display_path
from ..schema.base import paper_for
from ..schema.brand_file import BrandFile
from ..schema.items import Site
from ..source.yaml_reader import YamlDocument
from .brand import OUR_COLOURS, Brand, with_slash
from .colours import contrast_problems, resolve_colours
from .markup_check import unsafe_svg

BRAND_FILE = "brand.yml"


def read_brand_file(clinic_dir: Path, sources) -> tuple[BrandFile | None, YamlDocument | None, list[Problem]]:
    """``clinic_dir/brand.yml`` read once for a build and checked (its schema, its logo and favicon, its
    colours' contrast): its model and document, or None and every problem."""
    path = clinic_dir / BRAND_FILE
    if not path.is_file():
        return None, None, [Problem(str(path), 1, 1, "", "brand file not found; every clinic folder needs a brand.yml "
                                                         "(`python -m generator new-clinic FOLDER --name NAME` makes one)")]
    read = sources.document(path, BrandFile)
    model = read.model
    if model is None:
        return None, read.doc, read.problems
    problems = _check_assets(model, read.doc, clinic_dir, sources.root)
    colours = resolve_colours(model.colours) if model.colours else OUR_COLOURS
    problems += [read.doc.problem(("colours", key), message) for key, message in contrast_problems(colours)]
    if problems:
        return None, read.doc, problems
    return model, read.doc, []


def edition_brand(model: BrandFile, clinic_dir: Path, site: Site) -> Brand:
    """The clinic's brand in one edition: ``site`` (ours, in the edition's language) gives what the
    brand file leaves out (the footer)."""
    return Brand(
        name=model.name,
        short_name=model.short_name or model.name,
        logo=(clinic_dir / model.logo).resolve() if model.logo else None,
        favicon=(clinic_dir / model.favicon).resolve() if model.favicon else None,
        colours=resolve_colours(model.colours) if model.colours else OUR_COLOURS,
        contact=model.contact,
        integration_therapy=model.integration_therapy,
        footer=model.footer or site.copyright,
        languages=tuple(model.languages or site.languages[:1]),  # a clinic opts into each further language
        country=model.country or site.country,
        paper=paper_for(model.country or site.country, model.paper),
        clinic_dir=clinic_dir.resolve(),
        site_url=with_slash(model.site_url),
    )


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
