"""A clinic's brand, resolved: brand_file.py reads ``clinics/<name>/brand.yml`` once and makes each edition's ``Brand``,
the single place every output reads the clinic's name, logo, colours, contact, integration-therapy
offer, footer and language from. Without a clinic, ``default_brand`` gives the same shape from our
own ``content/site.yml``, so an output never asks whether a clinic is selected. (The crisis lines
in force are on the guide's ``site``, whoever set them.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..schema.brand_file import Colours, Contact, IntegrationTherapy
from ..schema.base import paper_for
from ..schema.items import Site
from .phone_links import phone_href

# Our own guide's colours, the one place they are written: templates/site/brand.css.j2 puts them on
# the theme, and colours.contrast_problems checks each pair against WCAG AA (tests/unit/test_brand.py).
OUR_COLOURS = Colours(
    primary="#0b5560",         # deep teal: the header under white text, and links on the white page
    accent="#8c3b00",          # burnt orange: links under the pointer or keyboard focus
    link_on_dark="#8fd8e0",    # light teal: links on the dark scheme's page
    accent_on_dark="#ffb37a",  # light orange: hover and focus on the dark page
)


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
    languages: tuple[str, ...]  # the first at the site's root, each other at /<code>/
    country: str = "US"  # ISO 3166-1 alpha-2
    paper: str = "letter"  # "a4" or "letter": the browser's print, and the PDF listed first
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
            links["phone"] = phone_href(contact.phone)
        if contact.email:
            links["email"] = f"mailto:{contact.email}"
        if contact.website:
            links["website"] = contact.website
        return links


def initials(name: str) -> str:
    """Up to two capital letters for a placeholder mark (a new clinic's logo, an app icon)."""
    letters = [word[0] for word in name.split() if word[:1].isalpha()]
    return "".join(letters[:2]).upper() or "+"


def with_slash(url: str | None) -> str | None:
    """A site's address as a base for its pages' paths: ending in exactly one /."""
    return url.rstrip("/") + "/" if url else None


def default_brand(site: Site) -> Brand:
    """Our own guide's brand, from content/site.yml and OUR_COLOURS."""
    return Brand(name=site.name, short_name=site.short_name or site.name, logo=None, favicon=None, colours=OUR_COLOURS,
                 contact=None, integration_therapy=None, footer=site.copyright, languages=tuple(site.languages),
                 country=site.country, paper=paper_for(site.country, site.paper))
