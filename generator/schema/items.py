"""The models of the guide's shared content files: references, notices, site settings and crisis
lines, practices, phases and the therapist lists. Pages and worksheets have modules of their own.

Everything a clinic may override, add or remove carries a stable ``id``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from .base import (Country, Doi, HttpsUrl, Id, Language, Markdown, Paper, Strict, Text, language_agrees,
                   languages_from_language, no_repeated_languages)


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


CrisisNumber = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 -]{1,18}[0-9]$")]
CRISIS_NUMBER = "a phone number as people dial it: digits, spaces or hyphens, e.g. '988' or '13 11 14'"
Keyword = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^\W_]{1,20}$")]
KEYWORD = "one word of letters and digits, as the service asks for it, e.g. 'SHOUT' or 'AYUDA'"
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")]
Keypress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[0-9*#]{1,4}$")]


class LanguageOption(Strict):
    """How to reach a crisis line in one of its languages, where it differs from the line's usual way:
    a key to press once the call is answered, a keyword to text, a chat of its own. The edition in
    that language words the line with it ("Llame al 988 y oprima 2")."""

    language: LanguageCode = Field(description="The language, as a code such as 'es'.")
    press: Keypress | None = Field(None, description="The key to press after calling, e.g. '2'.")
    keyword: Keyword | None = Field(None, description=f"The word to text in this language: {KEYWORD}.")
    chat: HttpsUrl | None = Field(None, description="The https:// address of its online chat in this language.")
    source: Id | None = Field(None, description="The id of the reference that says so; cited in that language's edition.")

    @model_validator(mode="after")
    def _says_something(self) -> "LanguageOption":
        if not (self.press or self.keyword or self.chat):
            raise ValueError("a language option needs press, keyword or chat: how the line is reached in that language")
        return self


class CrisisLine(Strict):
    """A crisis service, as facts: its number, whether and where it takes texts (and the keyword to
    send), its chat, its hours, whether it is free, the languages it answers in (and how to reach it
    in each, where that differs) and the source that says so. Every sentence about it ("Call or text
    988, any time", "Text SHOUT to 85258") is built from these facts in the site's language
    (generator/guide/crisis_wording.py), never written as prose, so a clinic sets only facts."""

    id: Id
    name: Text = Field(description="The service's name, e.g. '988 Suicide & Crisis Lifeline'.")
    number: CrisisNumber | None = Field(None, description=f"The number to call: {CRISIS_NUMBER}. Leave it out for a "
                                                          "service that only takes texts or chats.")
    texts: bool | CrisisNumber = Field(False, description="true if the number to call takes text messages too; or the "
                                                          f"number to text, when it differs or the line only takes texts "
                                                          f"({CRISIS_NUMBER}).")
    press: Keypress | None = Field(None, description="The key to press once the call is answered, if the line asks "
                                                     "every caller for one, e.g. '1'.")
    keyword: Keyword | None = Field(None, description=f"The word to send as the first text, if the service asks for one "
                                                      f"('Text SHOUT to 85258'): {KEYWORD}.")
    chat: HttpsUrl | None = Field(None, description="The https:// address of its online chat, if it has one.")
    hours: Text | None = Field(None, description="When it answers: '24/7' for any time, or the hours in words.")
    free: bool | None = Field(None, description="true if it is free to call (and text) from any phone.")
    languages: list[LanguageCode] = Field(
        [], description="The languages it answers in, as codes such as 'en' or 'es'; shown where they are not "
                        "just the page's own.")
    language_options: list[LanguageOption] = Field(
        [], description="How to reach it in one of its languages where that differs: a key to press after calling "
                        "('2' for Spanish on 988), a keyword to text ('AYUDA'), a chat of its own.")
    source: Id | None = Field(None, description="The id of the reference (references.yml, ours or the clinic's) "
                                                "that backs these facts; cited wherever the line is shown.")
    how: Text | None = Field(None, description="Built from number, texts, keyword and chat (e.g. 'Call or text 988'); "
                                               "set it only for a service reached in another way.")
    href: Annotated[
        str,
        StringConstraints(pattern=r"^(tel:\+?[0-9]+|sms:\+?[0-9]+|https://\S+)$"),
        Field(description="A tel:, sms: or https:// link that opens the service (built from number, texts or chat)."),
    ] | None = None

    @model_validator(mode="after")
    def _reachable(self) -> "CrisisLine":
        if not (self.number or isinstance(self.texts, str) or self.chat or (self.how and self.href)):
            raise ValueError("a crisis line needs a number to call, a number to text (texts) or a chat address, "
                             "so a patient can reach it")
        if self.texts is True and not self.number:
            raise ValueError("texts: true means the number to call takes texts; give that number, or give the number "
                             "to text as texts")
        if self.keyword and not self.texts:
            raise ValueError("keyword is the word to text: give the number it is texted to (texts)")
        if self.press and not self.number:
            raise ValueError("press is the key to press after calling: give the number to call")
        seen: set[str] = set()
        for option in self.language_options:
            if option.language in seen:
                raise ValueError(f"language_options: {option.language!r} is given twice; give each language once")
            seen.add(option.language)
            if self.languages and option.language not in self.languages:
                raise ValueError(f"language_options: {option.language!r} is not among the languages it answers in "
                                 f"({', '.join(self.languages)}); add it to languages")
            if option.press and not self.number:
                raise ValueError(f"language_options: press is a key to press after calling; the line has no number "
                                 f"to call ({option.language!r})")
            if option.keyword and not self.texts:
                raise ValueError(f"language_options: keyword is a word to text; the line takes no texts "
                                 f"({option.language!r})")
        return self

    @property
    def always_open(self) -> bool:
        return (self.hours or "").replace(" ", "").lower() in ("24/7", "24hours")

    @property
    def text_number(self) -> str | None:
        """The number to text, if the line takes texts."""
        return self.number if self.texts is True else (self.texts or None)

    def option(self, language: str) -> LanguageOption | None:
        """How to reach the line in ``language`` (or its base language: 'es' for 'es-MX'), if it differs."""
        base = language.split("-")[0]
        return next((o for o in self.language_options if o.language == language), None) or \
            next((o for o in self.language_options if o.language == base), None)


class Crisis(Strict):
    """The crisis section: the emergency number and the crisis lines, as facts, and the words before
    them. (The crisis page's heading is its title: pages/crisis.yml.)"""

    intro: Markdown | None = Field(None, description="Words before the lines on the crisis page (default: ours); say no "
                                                     "facts here, the lines' facts are shown with each line.")
    emergency: Text | None = Field(None, description="Words for immediate danger (built from emergency_number when left out).")
    emergency_number: Annotated[str, StringConstraints(pattern=r"^[0-9]{2,6}$")] = Field(
        description="The emergency number, digits only (e.g. '911', '999', '112', '000'): the crisis bar, a "
                          "tap-to-call link where help is listed, and every 'call ... in an emergency'.")
    emergency_source: Id | None = Field(None, description="The id of the reference that gives the emergency number; "
                                                          "cited with the crisis lines.")
    lines: list[CrisisLine] = Field(min_length=1)


class UrgentCare(Strict):
    """Where to go with a body symptom that is urgent but not an emergency, when the clinic is closed
    (NHS 111 in the UK, healthdirect in Australia, an urgent care center in the US): a fact of the
    edition, like the crisis lines, set in site.yml or a clinic's brand.yml. Its sentences ("Call
    111 (NHS 111, free, any time)") are built from these facts (generator/guide/edition_facts.py)."""

    name: Text = Field(description="The service's name, e.g. 'NHS 111' or 'healthdirect'; or, where there is no one "
                                   "service, what to go to, e.g. 'An urgent care center, or your own doctor'.")
    number: CrisisNumber | None = Field(None, description=f"The number to call, if it has one: {CRISIS_NUMBER}.")
    online: HttpsUrl | None = Field(None, description="The https:// address of its online service, if it has one.")
    what: Text | None = Field(None, description="What to do, in words, where there is no one number: 'Go to an urgent "
                                                "care center, or call your own doctor's office.' Shown before the number.")
    hours: Text | None = Field(None, description="When it answers: '24/7' for any time, or the hours in words.")
    free: bool | None = Field(None, description="true if it is free to call from any phone.")
    source: Id = Field(description="The id of the reference that backs these facts (references.yml, ours or the clinic's).")
    how: Text | None = Field(None, description="Built from number and online (e.g. 'Call 111'); leave it out.")
    about: Text | None = Field(None, description="Built from hours and free (e.g. 'free, any time'); leave it out.")

    @model_validator(mode="after")
    def _reachable(self) -> "UrgentCare":
        if not (self.number or self.online or self.what):
            raise ValueError("an urgent route needs a number, an online address or what to do in words")
        return self


class Esketamine(Strict):
    """What the esketamine nasal spray's label says where the edition's patients live, as facts: the
    sentences about it ("the staff watch you for at least 2 hours after each dose") are built from
    them (generator/guide/edition_facts.py), so each country's edition says its own label's rule."""

    watch_hours: int | None = Field(None, ge=1, le=12, description=(
        "The least time, in hours, the label says the staff watch you after each dose (the US label and REMS: 2). "
        "Leave it out where the label sets no number and says only 'until you are stable' (UK, EU, Australia)."))
    alone: bool = Field(False, description="true where the label lets it be used on its own, without an antidepressant "
                                           "pill (the US since January 2025); false where it is given with one.")
    source: Id = Field(description="The id of the reference for the label in force (references.yml, ours or the clinic's).")


class Site(Strict):
    name: Text = Field(description="The guide's name, shown in the header and the browser tab.")
    short_name: Text | None = Field(None, description="A shorter name for tight spaces: the header on phones "
                                                      "(default: name).")
    title: Text = Field(description="The guide's full title, shown on the home page.")
    description: Text = Field(description="One sentence for search engines and link previews.")
    languages: list[Language] = Field(["en"], min_length=1, description=(
        "The site's languages, side by side: the first at the site's root, each other at /<code>/, "
        "with its content in content/<code>/ (e.g. [en, es])."))
    language: Language | None = Field(None, description=(
        "One language, the old way (language: es is languages: [es]); each edition's own language at build time."))
    country: Country = Field(description="The country whose crisis lines and services the text names, as its "
                                         "ISO 3166 code, e.g. 'US'.")
    paper: Paper | None = None
    country_words: dict[Country, list[Text]] = Field(
        {}, description="Per country, words that name its own services or facts ('988', 'FDA'): an edition for "
                        "another country is warned of each one left in a text.")
    copyright: Text
    crisis_page: Id = Field(description="The id of the page that lists crisis help.")
    crisis: Crisis
    urgent_care: UrgentCare = Field(description="Where to go with an urgent body symptom that is not an emergency, "
                                                "when the clinic is closed (the help page's urgent group).")
    esketamine: Esketamine = Field(description="What the esketamine nasal spray's label says in the edition's country.")

    @model_validator(mode="before")
    @classmethod
    def _one_language(cls, data):
        return languages_from_language(data)

    @field_validator("language")
    @classmethod
    def _agrees(cls, language, info):
        return language_agrees(language, info)

    @model_validator(mode="after")
    def _no_repeats(self) -> "Site":
        return no_repeated_languages(self)

    @model_validator(mode="after")
    def _crisis_words(self) -> "Site":
        if not self.crisis.intro:
            raise ValueError("our crisis section needs its intro (a clinic's brand.yml may leave it out)")
        return self


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


