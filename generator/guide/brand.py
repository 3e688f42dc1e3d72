"""A clinic's brand, resolved: ``load_brand`` reads ``clinics/<name>/brand.yml`` into a ``Brand``,
the single place every output reads the clinic's name, logo, colours, contact, integration-therapy
offer, footer and language from. Without a clinic, ``default_brand`` gives the same shape from our
own ``content/site.yml``, so an output never asks whether a clinic is selected. (The crisis lines
in force are on the guide's ``site``, whoever set them.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, display_path
from ..schema.brand_file import BrandFile, Colours, Contact, IntegrationTherapy
from ..schema.items import Site
from ..source.read import read_document
from ..source.yaml_reader import YamlDocument
from .colours import contrast_problems, resolve_colours
from .markup_check import unsafe_svg

BRAND_FILE = "brand.yml"
OUR_COLOURS = Colours(primary="#0b5560", accent="#8c3b00", link_on_dark="#8fd8e0", accent_on_dark="#ffb37a")


@dataclass(frozen=True)
class Brand:
    """The resolved brand every output reads: a clinic's, or ours when no clinic is selected.

    ``logo`` and ``favicon`` are absolute paths to existing files, or ``None``. ``colours`` always
    holds all four colours. ``site_url`` is where the clinic publishes its edition (ending in /), or
    ``None``; the PDF step falls back on mkdocs.yml's (generator/publish/site_url.py). ``clinic_dir``
    is ``None`` for our own guide.
    """

    name: str
    short_name: str
    logo: Path | None
    favicon: Path | None
    colours: Colours
    contact: Contact | None
    integration_therapy: IntegrationTherapy | None
    footer: str
    language: str
    clinic_dir: Path | None = None
    site_url: str | None = None

    @property
    def is_clinic(self) -> bool:
        return self.clinic_dir is not None

    def contact_links(self) -> dict[str, str]:
        """The ``href`` of each way to reach the clinic (none for our own guide)."""
        contact = self.contact
        if contact is None:
            return {}
        links = {}
        if contact.phone:
            links["phone"] = tel_href(contact.phone)
        if contact.email:
            links["email"] = f"mailto:{contact.email}"
        if contact.website:
            links["website"] = contact.website
        return links


def tel_href(phone: str) -> str:
    """``tel:`` link for a phone number as written: the digits, with a leading + kept."""
    digits = re.sub(r"[^0-9]", "", phone)
    return f"tel:{'+' if phone.strip().startswith('+') else ''}{digits}"


def with_slash(url: str | None) -> str | None:
    """A site's address as a base for its pages' paths: ending in exactly one /."""
    return url.rstrip("/") + "/" if url else None


def default_brand(site: Site) -> Brand:
    """Our own guide's brand, from content/site.yml and the colours of guide.css."""
    return Brand(name=site.name, short_name=site.name, logo=None, favicon=None, colours=OUR_COLOURS, contact=None,
                 integration_therapy=None, footer=site.copyright, language=site.language)


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
        language=model.language or site.language,
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
