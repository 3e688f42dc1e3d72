"""``clinics/<name>/brand.yml``: the one file a clinic edits, as a model (checked on load, and
exported as JSON Schema for editors). Resolved into a ``Brand`` by generator/guide/brand.py."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from .base import (Country, HttpsUrl, Language, Markdown, Paper, Strict, Text, language_agrees, languages_from_language,
                   no_repeated_languages)
from .items import Crisis, Esketamine, UrgentCare

HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
COLOUR = "A colour written as # and six hex digits, e.g. '#0b5560'"
# Each format's description is on the field that uses it: located errors read it as "expected ...".
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ().-]{4,22}[0-9]$")]
PHONE = "A phone number: digits, spaces, ( ) . - and an optional leading +, e.g. '+44 20 7946 0000'"
Email = Annotated[str, StringConstraints(
    strip_whitespace=True, pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
EMAIL = "An email address such as 'hello@example.org'"
WEBSITE = "A full https:// address, such as 'https://example.org'"
SITE_URL = ("The https:// address where this edition of the guide is published, such as "
            "'https://example.org/guide/'. The PDFs then link to it and carry QR codes to it and to the plan; "
            "without it (and without site_url in mkdocs.yml) their links to the site are plain text, with no QR code.")
AssetPath = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_./-]*\.(svg|png|ico|jpg|jpeg|webp)$")]
ASSET = "A file inside the clinic folder, e.g. 'assets/logo.svg' (.svg, .png, .ico, .jpg or .webp)"


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
    after_hours_phone: Phone | None = Field(None, description=f"{PHONE}: the line to call when the clinic is closed, if it has one.")
    after_hours: Text | None = Field(None, description="When and how the after-hours line answers, in words.")


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
    crisis: Crisis | None = Field(None, description="The crisis lines of the clinic's country, as facts (default: ours, "
                                                    "US 988); they replace ours in every edition.")
    urgent_care: UrgentCare | None = Field(None, description="Where patients go with an urgent body symptom that is not an "
                                                           "emergency when you are closed, e.g. NHS 111 (default: ours, US).")
    esketamine: Esketamine | None = Field(None, description="What the esketamine nasal spray's label says in your country "
                                                           "(default: ours, the US label).")
    signed_off: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$")] | None = Field(
        None, description="The git commit or tag of the version your medical reviewer last signed off (e.g. 'v2026-06' or "
                          "a commit id): `python -m generator review-pack` lists what changed in the content since then.")
    integration_therapy: IntegrationTherapy | None = None
    footer: Text | None = Field(None, description="The line at the foot of every page (default: our copyright line).")
    site_url: HttpsUrl | None = Field(None, description=SITE_URL)
    languages: list[Language] | None = Field(None, min_length=1, description=(
        "The clinic's languages, side by side (default: our first, English; each further one is the clinic's choice, "
        "since its changes and sign-off are per language): the first at the site's root, each other at /<code>/. "
        "The changes in content/ are for every edition; those in content/<code>/ for the edition in <code> alone."))
    language: Language | None = Field(None, description="One language, the old way: language: es is languages: [es]. "
                                                        "Given with languages, the two must agree.")
    country: Country | None = Field(None, description="The clinic's country as its two-letter ISO 3166 code in capitals, "
                                                      "e.g. 'GB' or 'AU' (default: ours, 'US'). It sets the paper size, and "
                                                      "the build lists any of our words that name another country's services.")
    paper: Paper | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_language(cls, data):
        return languages_from_language(data)

    @field_validator("language")
    @classmethod
    def _agrees(cls, language, info):
        return language_agrees(language, info)

    @model_validator(mode="after")
    def _no_repeats(self) -> "BrandFile":
        return no_repeated_languages(self) if self.languages else self


