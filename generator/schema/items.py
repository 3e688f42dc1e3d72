"""The models of the guide's shared content files: references, notices, site settings and crisis
lines, practices, phases and the therapist lists. Pages and worksheets have modules of their own.

Everything a clinic may override, add or remove carries a stable ``id``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import Country, Doi, HttpsUrl, Id, Markdown, Paper, Strict, Text


# --- references -------------------------------------------------------------------------------


class Reference(Strict):
    """A published source that backs a claim. It needs a DOI or an https URL, or both."""

    id: Id
    authors: Text = Field(description="As cited, e.g. 'Bathje GJ, Majeski E, Kudowor M'.")
    year: int = Field(ge=1900, le=2100)
    title: Text
    source: Text = Field(description="Journal, publisher or organisation.")
    doi: Doi | None = Field(None, description="A DOI such as 10.3389/fpsyg.2022.824077 (no https://doi.org/ prefix).")
    url: HttpsUrl | None = Field(None, description="A full https:// address.")

    @model_validator(mode="after")
    def _needs_doi_or_url(self) -> "Reference":
        if self.doi is None and self.url is None:
            raise ValueError("a reference needs a doi or a url (or both)")
        return self

    @property
    def link(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else str(self.url)


class ReferencesFile(Strict):
    references: list[Reference] = Field(min_length=1)


# --- notices and site-wide settings ----------------------------------------------------------


class Notice(Strict):
    """A reusable box of text, such as the crisis-help or not-medical-advice notice."""

    id: Id
    style: Literal["info", "warning", "danger", "tip"] = "info"
    title: Text
    body: Markdown
    in_handout: Literal["once", "front", "never"] = Field(
        "once", description="How the printed handout shows it: 'once', where it first appears; 'front', once, "
                            "before the contents (such as 'not medical advice'); or 'never', for a pointer the "
                            "booklet makes needless (the crisis lines are printed near the front, and on every page's foot).")


class NoticesFile(Strict):
    notices: list[Notice] = Field(min_length=1)


class CrisisLine(Strict):
    id: Id
    name: Text = Field(description="The service's name, e.g. '988 Suicide & Crisis Lifeline'.")
    how: Text = Field(description="How to reach it, in words: 'Call or text 988'.")
    href: Annotated[
        str,
        StringConstraints(pattern=r"^(tel:\+?[0-9]+|sms:\+?[0-9]+|https://\S+)$"),
        Field(description="A tel:, sms: or https:// link that opens the service."),
    ]
    hours: Text | None = None


class Crisis(Strict):
    heading: Text
    intro: Markdown
    emergency: Text = Field(description="What to do in immediate danger, e.g. 'Call 911'.")
    emergency_number: Annotated[str, StringConstraints(pattern=r"^[0-9]{2,6}$")] | None = Field(
        None, description="The emergency number, digits only (e.g. '911', '999', '112'): a tap-to-call link where help is listed.")
    lines: list[CrisisLine] = Field(min_length=1)


class Site(Strict):
    name: Text = Field(description="The guide's short name, shown in the header.")
    title: Text = Field(description="The guide's full title, shown on the home page.")
    description: Text = Field(description="One sentence for search engines and link previews.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")] = "en"
    country: Country = Field(description="The country whose crisis lines and services the text names, as its "
                                         "ISO 3166 code, e.g. 'US'.")
    paper: Paper | None = None
    copyright: Text
    crisis_page: Id = Field(description="The id of the page that lists crisis help.")
    crisis: Crisis


# --- practices (the forms of integration) ----------------------------------------------------


class Minutes(Strict):
    low: int = Field(ge=1, le=600)
    high: int = Field(ge=1, le=600)

    @model_validator(mode="after")
    def _ordered(self) -> "Minutes":
        if self.high < self.low:
            raise ValueError("high must be at least low")
        return self


class ItemList(Strict):
    """A titled list inside a practice, e.g. journaling prompts."""

    id: Id
    heading: Text
    items: list[Text] = Field(min_length=1)


class Modality(Strict):
    id: Id
    name: Text
    summary: Text


class Practice(Strict):
    id: Id
    name: Text
    summary: Text = Field(description="One or two sentences: what it is, in plain words.")
    body: Markdown
    how_often: Text | None = Field(None, description="e.g. 'Daily' or 'One to three days after each session'.")
    minutes: Minutes | None = Field(None, description="How long each time, in minutes.")
    lists: list[ItemList] = []
    modalities: list[Modality] = []
    references: list[Id] = []


class PracticesFile(Strict):
    practices: list[Practice] = Field(min_length=1)


# --- phases and their checklists -------------------------------------------------------------


class ChecklistItem(Strict):
    id: Id
    text: Text
    detail: Markdown | None = None
    references: list[Id] = []


class Phase(Strict):
    id: Id
    name: Text
    when: Text = Field(description="When this phase is, in words.")
    intro: Markdown
    items: list[ChecklistItem] = Field(min_length=1)


class PhasesFile(Strict):
    phases: list[Phase] = Field(min_length=1)


# --- finding a therapist ---------------------------------------------------------------------


class TherapistFile(Strict):
    criteria: list[ChecklistItem] = Field(min_length=1)
    questions: list[ChecklistItem] = Field(min_length=1)


