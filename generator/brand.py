"""A clinic's brand: the one file a clinic edits (``clinics/<name>/brand.yml``), checked and resolved.

``load_brand`` turns the file into a ``Brand``, the single place every output reads the clinic's
name, logo, colours, contact, crisis lines, integration-therapy offer, footer and language from.
Without a clinic, ``default_brand`` gives the same shape from our own ``content/site.yml``, so an
output never asks whether a clinic is selected.

Colours are checked for WCAG 2.2 AA contrast where the theme uses them. One colour cannot be
readable as link text on both a white and a dark page (a colour with 4.5:1 on white has a relative
luminance of at most 0.18; 4.5:1 on the dark background needs at least 0.23), so the dark scheme's
link and hover colours are derived from the brand's (lightened until they pass), or set in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from .errors import Problem, display_path
from .load import YamlDocument, YamlLoadError, load_yaml
from .models import Crisis, HttpsUrl, Markdown, Site, Strict, Text
from .validate import validate_document

BRAND_FILE = "brand.yml"
WHITE = "#ffffff"
DARK_BACKGROUND = "#1e2129"  # mkdocs-material's slate page: hsl(225deg 15% 14%)
AA_TEXT = 4.5
IMAGE_SUFFIXES = (".svg", ".png", ".ico", ".jpg", ".jpeg", ".webp")

HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
COLOUR = "A colour written as # and six hex digits, e.g. '#0b5560'"
# Each format's description is on the field that uses it: located errors read it as "expected ...".
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ().-]{4,22}[0-9]$")]
PHONE = "A phone number: digits, spaces, ( ) . - and an optional leading +, e.g. '+44 20 7946 0000'"
Email = Annotated[str, StringConstraints(
    strip_whitespace=True, pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
EMAIL = "An email address such as 'hello@example.org'"
WEBSITE = "A full https:// address, such as 'https://example.org'"
AssetPath = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_./-]*\.(svg|png|ico|jpg|jpeg|webp)$")]
ASSET = "A file inside the clinic folder, e.g. 'assets/logo.svg' (.svg, .png, .ico, .jpg or .webp)"
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")]


class Colours(Strict):
    primary: HexColour = Field(description=f"{COLOUR}: the header background under white text, and the link colour.")
    accent: HexColour = Field(description=f"{COLOUR}: the colour of a link under the pointer or keyboard focus.")
    link_on_dark: HexColour | None = Field(None, description=f"{COLOUR}: links in the dark scheme (default: primary, lightened).")
    accent_on_dark: HexColour | None = Field(None, description=f"{COLOUR}: hovered links in the dark scheme (default: accent, lightened).")


class Contact(Strict):
    phone: Phone | None = Field(None, description=PHONE)
    email: Email | None = Field(None, description=EMAIL)
    address: Text | None = Field(None, description="Postal address; new lines are kept.")
    hours: Text | None = Field(None, description="Opening hours, in words.")
    website: HttpsUrl | None = Field(None, description=WEBSITE)


class Referral(Strict):
    name: Text = Field(description="Who you refer patients to: a therapist or a practice.")
    description: Text | None = None
    phone: Phone | None = Field(None, description=PHONE)
    email: Email | None = Field(None, description=EMAIL)
    website: HttpsUrl | None = Field(None, description=WEBSITE)

    @model_validator(mode="after")
    def _reachable(self) -> "Referral":
        if not (self.phone or self.email or self.website):
            raise ValueError("a referral needs a phone, email or website, so a patient can reach it")
        return self


class IntegrationTherapy(Strict):
    offered: bool = Field(description="true if the clinic offers integration therapy itself.")
    description: Markdown | None = Field(None, description="What the clinic offers and how to book it.")
    referrals: list[Referral] = Field([], description="Therapists or practices the clinic refers patients to.")


class BrandFile(Strict):
    """``clinics/<name>/brand.yml``: everything a clinic sets about how the guide looks and whom it names."""

    name: Text = Field(description="The clinic's name as patients know it; the site's name.")
    short_name: Text | None = Field(None, description="A shorter name for tight spaces (default: name).")
    logo: AssetPath | None = Field(None, description=f"{ASSET}: shown on the coloured header.")
    favicon: AssetPath | None = Field(None, description=f"{ASSET}: the icon in the browser tab.")
    colours: Colours | None = None
    contact: Contact | None = None
    crisis: Crisis | None = Field(None, description="The crisis lines of the clinic's country (default: ours, US 988).")
    integration_therapy: IntegrationTherapy | None = None
    footer: Text | None = Field(None, description="The line at the foot of every page (default: our copyright line).")
    language: Language | None = Field(None, description="The site's language as a code such as 'en', 'fr' or 'pt-BR'.")


@dataclass(frozen=True)
class Brand:
    """The resolved brand every output reads: a clinic's, or ours when no clinic is selected.

    ``logo`` and ``favicon`` are absolute paths to existing files, or ``None``. ``colours`` always
    holds all four colours. ``clinic_dir`` is ``None`` for our own guide.
    """

    name: str
    short_name: str
    logo: Path | None
    favicon: Path | None
    colours: Colours
    contact: Contact | None
    crisis: Crisis
    integration_therapy: IntegrationTherapy | None
    footer: str
    language: str
    clinic_dir: Path | None = None

    @property
    def is_clinic(self) -> bool:
        return self.clinic_dir is not None

    def contact_links(self) -> dict[str, str]:
        """The ``href`` of each way to reach the clinic (none for our own guide)."""
        return contact_links(self.contact) if self.contact else {}

    def public_data(self) -> dict[str, Any]:
        """Plain values (no paths) for JSON, the theme and scripts: the plan builder reads these."""
        return {
            "name": self.name,
            "short_name": self.short_name,
            "is_clinic": self.is_clinic,
            "colours": self.colours.model_dump(),
            "contact": self.contact.model_dump(exclude_none=True) if self.contact else None,
            "contact_links": self.contact_links(),
            "crisis": self.crisis.model_dump(exclude_none=True),
            "integration_therapy": self.integration_therapy.model_dump(exclude_none=True) if self.integration_therapy else None,
            "footer": self.footer,
            "language": self.language,
        }


OUR_COLOURS = Colours(primary="#0b5560", accent="#8c3b00", link_on_dark="#8fd8e0", accent_on_dark="#ffb37a")


def default_brand(site: Site) -> Brand:
    """Our own guide's brand, from content/site.yml and the colours of guide.css."""
    return Brand(name=site.name, short_name=site.name, logo=None, favicon=None, colours=OUR_COLOURS, contact=None,
                 crisis=site.crisis, integration_therapy=None, footer=site.copyright, language=site.language)


def load_brand(clinic_dir: Path, site: Site, root: Path | None = None) -> tuple[Brand | None, list[Problem]]:
    """Read and check ``clinic_dir/brand.yml``; the brand, or ``None`` and every problem found."""
    path = clinic_dir / BRAND_FILE
    if not path.is_file():
        return None, [Problem(str(path), 1, 1, "", "brand file not found; every clinic folder needs a brand.yml "
                                                   "(`python -m generator new-clinic FOLDER --name NAME` makes one)")]
    try:
        doc = load_yaml(path, root=root)
    except YamlLoadError as exc:
        return None, [exc.problem]
    model, problems = validate_document(doc, BrandFile)
    if model is None:
        return None, problems
    problems += _check_assets(model, doc, clinic_dir, root)
    colours = resolve_colours(model.colours) if model.colours else OUR_COLOURS
    problems += [doc.problem(("colours", key), message) for key, message in contrast_problems(colours)]
    if problems:
        return None, problems
    brand = Brand(
        name=model.name,
        short_name=model.short_name or model.name,
        logo=(clinic_dir / model.logo).resolve() if model.logo else None,
        favicon=(clinic_dir / model.favicon).resolve() if model.favicon else None,
        colours=colours,
        contact=model.contact,
        crisis=model.crisis or site.crisis,
        integration_therapy=model.integration_therapy,
        footer=model.footer or site.copyright,
        language=model.language or site.language,
        clinic_dir=clinic_dir.resolve(),
    )
    return brand, []


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
    return problems


# --- colour contrast (WCAG 2.2) -----------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(one: str, other: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def lighten_until_readable(colour: str, background: str = DARK_BACKGROUND, target: float = AA_TEXT + 0.5) -> str:
    """``colour`` mixed with white, in small steps, until it reads on ``background``."""
    r, g, b = _rgb(colour)
    for step in range(0, 101, 2):
        t = step / 100
        mixed = "#%02x%02x%02x" % tuple(round(c + (255 - c) * t) for c in (r, g, b))
        if contrast_ratio(mixed, background) >= target:
            return mixed
    return WHITE


def resolve_colours(colours: Colours) -> Colours:
    """The brand's colours with the dark-scheme ones filled in where the file leaves them out."""
    return colours.model_copy(update={
        "link_on_dark": colours.link_on_dark or lighten_until_readable(colours.primary),
        "accent_on_dark": colours.accent_on_dark or lighten_until_readable(colours.accent),
    })


def contrast_problems(colours: Colours) -> list[tuple[str, str]]:
    """(colour key, message) for every place the theme would show a pair below AA (4.5:1)."""
    checks = [
        ("primary", colours.primary, WHITE, "as the header background under white text, and as link text on the white page"),
        ("accent", colours.accent, WHITE, "as the hover colour of links on the white page"),
        ("link_on_dark", colours.link_on_dark, DARK_BACKGROUND, f"as link text on the dark scheme's page ({DARK_BACKGROUND})"),
        ("accent_on_dark", colours.accent_on_dark, DARK_BACKGROUND, f"as the hover colour on the dark scheme's page ({DARK_BACKGROUND})"),
    ]
    problems = []
    for key, colour, background, where in checks:
        ratio = contrast_ratio(colour, background)
        if ratio < AA_TEXT:
            hint = "choose a darker colour" if background == WHITE else "choose a lighter colour"
            problems.append((key, f"{colour} on {background} has a contrast of {ratio:.2f}:1 {where}; "
                                  f"WCAG AA needs at least 4.5:1 ({hint})"))
    return problems


def brand_css(brand: Brand) -> str:
    """The stylesheet that puts the brand's colours on the theme; loaded after guide.css."""
    c = brand.colours
    return (
        f"/* The colours of {_css_comment(brand.name)}, from its brand.yml (generated; do not edit). */\n"
        ":root,\n[data-md-color-scheme=\"default\"] {\n"
        f"  --md-primary-fg-color: {c.primary};\n"
        f"  --md-primary-fg-color--light: {c.primary};\n"
        f"  --md-primary-fg-color--dark: {c.primary};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-accent-fg-color: {c.accent};\n"
        f"  --md-typeset-a-color: {c.primary};\n"
        "}\n"
        "[data-md-color-scheme=\"slate\"] {\n"
        f"  --md-primary-fg-color: {c.primary};\n"
        f"  --md-primary-fg-color--light: {c.primary};\n"
        f"  --md-primary-fg-color--dark: {c.primary};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-accent-fg-color: {c.accent_on_dark};\n"
        f"  --md-typeset-a-color: {c.link_on_dark};\n"
        "}\n"
    )


def _css_comment(text: str) -> str:
    return text.replace("*/", "* /").replace("\n", " ")


# --- contact links --------------------------------------------------------------------------------


def tel_href(phone: str) -> str:
    """``tel:`` link for a phone number as written: the digits, with a leading + kept."""
    digits = re.sub(r"[^0-9]", "", phone)
    return f"tel:{'+' if phone.strip().startswith('+') else ''}{digits}"


def contact_links(contact: Contact) -> dict[str, str]:
    """The ``href`` of each way to reach the clinic."""
    links = {}
    if contact.phone:
        links["phone"] = tel_href(contact.phone)
    if contact.email:
        links["email"] = f"mailto:{contact.email}"
    if contact.website:
        links["website"] = contact.website
    return links
