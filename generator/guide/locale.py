"""The locale dates and numbers are written in: the page's language and the site's country.

A Spanish page of a US clinic writes "25 de noviembre de 2026" (es_US); its English page
"November 25, 2026" (en_US). Babel's CLDR data does the formatting; where it has no data for the
pair (a language not spoken in that country), the language alone is used.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.localedata import locale_identifiers
from babel.numbers import format_decimal

DEFAULT_COUNTRY = "US"  # our own guide's country; a clinic's brand.yml may name another


def babel_locale(language: str, country: str | None = None) -> str:
    """``es`` and ``US`` → ``es_US``; ``pt-BR`` → ``pt_BR`` (its own country wins)."""
    base, _, own_country = language.partition("-")
    for candidate in (f"{base}_{own_country or country or DEFAULT_COUNTRY}", base):
        if candidate in locale_identifiers():
            return candidate
    return "en_US"


def is_known_language(language: str) -> bool:
    """True if Babel has the language's words for dates and numbers (``es``, ``pt-BR``)."""
    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


def long_date(value: dt.date, locale: str) -> str:
    """A date as people write it in the locale: "November 25, 2026", "25 de noviembre de 2026"."""
    return format_date(value, format="long", locale=locale)


def number(value: float, locale: str) -> str:
    """A number as the locale writes it: "1,500" in en_US, "1500" or "1.500" in Spanish."""
    return format_decimal(value, locale=locale)
