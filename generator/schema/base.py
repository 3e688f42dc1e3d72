"""The building blocks of every content model: strict models, shared text types, and provenance.

Models forbid unknown fields so that a typo is an error, not silently ignored text. Every model
built from a file can carry its ``origin`` (the file and line it came from, our ``content/`` or a
clinic's folder), set once the guide is assembled, so that every later message names that file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
    Field(description="A stable identifier: lower-case letters, digits and single hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="Markdown. Link to another page of the guide with [words](page:page-id)."),
]
PAGE_LINK = re.compile(r"\]\(page:([^)\s#]*)(#[^)\s]*)?\)")
"""A link to another page of the guide in any Markdown text: ``[words](page:page-id#anchor)``."""
def _known_language(code: str) -> str:
    """A language Babel has dates and numbers for (``es``, ``pt-BR``): what every language of the site must be."""
    from babel import Locale, UnknownLocaleError  # Babel loads its data only when asked

    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ValueError(f"unknown language {code!r}: use a code Babel knows, such as en, es, fr or pt-BR") from None
    return code


Language = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$"),
    AfterValidator(_known_language),
    Field(description="A language code such as 'en', 'es' or 'pt-BR'."),
]


def languages_from_language(data):
    """``language: es`` (the old single-language setting) read as ``languages: [es]``."""
    if isinstance(data, dict) and data.get("language") and "languages" not in data:
        return {**data, "languages": [data["language"]]}
    return data


def language_agrees(language: str | None, info) -> str | None:
    """``language`` (the old way) beside ``languages``: both must say the same one language."""
    languages = info.data.get("languages")
    if language is not None and languages is not None and list(languages) != [language]:
        listed = ", ".join(languages)
        raise ValueError(f"language: {language!r} and languages: [{listed}] disagree; language is the old way to "
                         f"write languages with one language in it: keep languages: [{listed}] and delete language")
    return language


def no_repeated_languages(model):
    if len(set(model.languages)) != len(model.languages):
        raise ValueError("languages: each language once")
    return model


Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s/$.?#][^\s]*$")]
NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "ZZ"})  # Babel's regions that are not a country
COUNTRY_HINTS = {"UK": "GB"}  # codes people write that ISO 3166 spells otherwise


def _country(code: str) -> str:
    """A country's ISO 3166-1 alpha-2 code, checked against the territories Babel (CLDR) knows."""
    import babel  # here, not at import time: only files that set a country need it

    names = babel.Locale("en").territories
    if code in names and len(code) == 2 and code.isalpha() and code.isupper() and code not in NOT_COUNTRIES:
        return code
    hint = COUNTRY_HINTS.get(code.upper()) or (code.upper() if code.upper() in names and code.upper() not in NOT_COUNTRIES else None)
    suggestion = f"; did you mean {hint!r} ({names[hint]})?" if hint else ""
    raise ValueError(f"expected a country as its two-letter ISO 3166 code in capitals, such as 'US', 'GB' or 'AU' "
                     f"(got {code!r}){suggestion}")


Country = Annotated[str, AfterValidator(_country), Field(
    description="The country as its two-letter ISO 3166 code in capitals, e.g. 'US', 'GB', 'AU'.")]
Paper = Annotated[str, StringConstraints(pattern=r"^(a4|letter)$"), Field(
    description="Paper size for printing from the browser, and the PDF listed first: 'a4' or 'letter' "
                "(default: by country, as CLDR gives it: letter in the US, Canada, Mexico and the other "
                "territories that use it, a4 elsewhere)")]
# The territories that print on US Letter, from CLDR's paper-size data (Unicode CLDR,
# common/supplemental/supplementalData.xml, <measurementData>: <paperSize type="US-Letter" territories=...>;
# documented in UTS #35, Part 6 "Supplemental", Measurement System Data). Every other territory is A4
# there (<paperSize type="A4" territories="001"/>). Babel does not carry this table, so it is kept here:
# compare it with that file when CLDR publishes a new release.
LETTER_COUNTRIES = frozenset({"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"})


def paper_for(country: str, paper: str | None = None) -> str:
    """The paper an edition prints on: its own setting, else its country's usual size (CLDR)."""
    return paper or ("letter" if country in LETTER_COUNTRIES else "a4")


@dataclass(frozen=True)
class Origin:
    """Where an item was written: a file as an author names it, and the line its entry starts on."""

    file: str
    line: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


UNKNOWN_ORIGIN = Origin("(built in code)", 1)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use: quicker start

    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin:
        """The file and line this item came from (set when the guide is assembled)."""
        return self._origin or UNKNOWN_ORIGIN

    def __eq__(self, other: object) -> bool:
        """Equal content is equal wherever it was written (the origin is not compared)."""
        if not isinstance(other, BaseModel):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = BaseModel.__hash__

    def located(self, origin: Origin) -> "Strict":
        """Record where this item came from; returns the item itself."""
        self._origin = origin
        return self
