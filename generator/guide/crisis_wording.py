"""The crisis lines in words: every sentence about a crisis line is built here from its facts
(number, texts, chat, hours, free, languages) and the interface catalog of the site's language, so
that no text about getting help is written as prose that a clinic in another country would have to
find and rewrite. "Call or text 988" comes from a line whose number takes texts; "any time" from
hours 24/7; the emergency sentence from the emergency number.

The worded lines keep the shape every template already reads: ``how`` (the short way to reach it),
``href`` (its first link), ``hours`` (its facts in words: "free, any time") and the crisis's
``emergency`` sentence.

Our texts that must name the crisis line or the emergency number write ``{crisis_line}`` (the first
line, how to reach it and its name: "Call or text 988 (988 Suicide & Crisis Lifeline, free, any time)")
or ``{emergency_number}``; every rendered page has them filled in from the lines in force.
"""

from __future__ import annotations

import html
import re

from ..schema.items import Crisis, CrisisLine
from .interface import fill


CRISIS_FILL_IN = re.compile(r"\{(crisis_line|emergency_number)\}")


def crisis_fill_ins(text: str, crisis: Crisis, markup: bool = False) -> str:
    """``text`` with ``{crisis_line}`` and ``{emergency_number}`` filled in from the worded ``crisis``;
    for a rendered page (``markup``), as escaped text: a clinic's line may hold ``<`` or ``&``."""
    first = crisis.lines[0]
    about = ", ".join(part for part in (first.name, first.hours) if part)
    values = {"crisis_line": f"{first.how} ({about})", "emergency_number": crisis.emergency_number or ""}
    if markup:
        values = {name: html.escape(value, quote=False) for name, value in values.items()}
    return CRISIS_FILL_IN.sub(lambda match: values[match.group(1)], text)


def digits(number: str) -> str:
    return re.sub(r"[^0-9+]", "", number)


def worded_crisis(crisis: Crisis, ui: dict, language: str) -> Crisis:
    """``crisis`` with every line's how, href and hours, and the emergency sentence, in words of
    ``language`` (the catalog ``ui``; languages' names and lists from Babel's CLDR data)."""
    words = ui["crisis"]
    emergency = crisis.emergency or fill(words["emergency"], number=crisis.emergency_number)
    lines = [_worded_line(line, words, _language_list(language)) for line in crisis.lines]
    return crisis.model_copy(update={"emergency": emergency, "lines": lines})


def ways(line: CrisisLine, ui: dict) -> list[tuple[str, str]]:
    """Each way to reach a line, as (words, link): call, text, chat, in that order."""
    words, found = ui["crisis"], []
    if line.number:
        found.append((fill(words["call"], number=line.number), f"tel:{digits(line.number)}"))
    if line.texts:
        number = line.number if line.texts is True else line.texts
        found.append((fill(words["text"], number=number), f"sms:{digits(number)}"))
    if line.chat:
        found.append((words["chat"], line.chat))
    if not found and line.how and line.href:
        found.append((line.how, line.href))
    return found


def _language_list(language: str):
    """A function from language codes to their names as one phrase: ['en', 'es'] -> 'English and Spanish'."""
    import babel
    from babel.lists import format_list

    try:
        locale = babel.Locale.parse(language.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return ", ".join
    return lambda codes: format_list([locale.languages.get(code, code) for code in codes], locale=locale)


def _worded_line(line: CrisisLine, words: dict, language_list) -> CrisisLine:
    if line.number and line.texts is True:
        how = fill(words["call_or_text"], number=line.number)
    elif line.number:
        how = fill(words["call"], number=line.number)
    elif line.texts:
        how = fill(words["text"], number=line.texts)
    else:
        how = words["chat"]
    href = f"tel:{digits(line.number)}" if line.number else (f"sms:{digits(line.texts)}" if line.texts else line.chat)
    facts = []
    if line.free:
        facts.append(words["free"])
    if line.hours:
        facts.append(words["any_time"] if line.always_open else line.hours)
    if len(line.languages) > 1:
        facts.append(fill(words["languages"], languages=language_list(line.languages)))
    return line.model_copy(update={"how": line.how or how, "href": line.href or href, "hours": ", ".join(facts) or None})
