"""The crisis lines in words: every sentence about a crisis line is built here from its facts
(number, texts, chat, hours, free, languages) and the interface catalog of the site's language, so
that no text about getting help is written as prose that a clinic in another country would have to
find and rewrite. "Call or text 988" comes from a line whose number takes texts; "Text SHOUT to
85258" from a line that only takes texts, with a keyword; "Llame al 988 y oprima 2" from the line's
option for Spanish (a key to press); "any time" from hours 24/7; "in English and Spanish" from the
languages it answers in, where they are not just the page's own; the emergency sentence from the
emergency number.

The worded lines keep the shape every template already reads: ``how`` (the short way to reach it),
``href`` (its first link), ``hours`` (its facts in words: "free, any time") and the crisis's
``emergency`` sentence. Each way to reach a line, and the emergency number, is a ``Way`` (its words,
its link and its kind: call, text or online), made here alone: the templates' crisis-lines component
(templates/components/crisis_lines.md.j2) and the theme's crisis bar (``theme_crisis``) show these.

Our texts that must name the crisis line or the emergency number write ``{crisis_line}`` (the first
line, how to reach it and its name: "Call or text 988 (988 Suicide & Crisis Lifeline, free, any time)")
or ``{emergency_number}``; every rendered page has them filled in from the lines in force.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from ..schema.items import Crisis, CrisisLine
from .interface import fill
from .phone_links import phone_href


CRISIS_FILL_IN = re.compile(r"\{(crisis_line|emergency_number)(:link)?\}")


def linked_fill_ins(markdown: str) -> str:
    """A Markdown body (running text) with its crisis fill-ins marked to become links on a rendered
    page (``{emergency_number:link}``): a number named in a sentence is a number to tap. Titles,
    front matter and attributes keep the plain fill-in, which fills in as text."""
    return CRISIS_FILL_IN.sub(lambda match: f"{{{match.group(1)}:link}}", markdown)


def crisis_fill_ins(text: str, crisis: Crisis, markup: bool = False) -> str:
    """``text`` with ``{crisis_line}`` and ``{emergency_number}`` filled in from the worded ``crisis``;
    for a rendered page (``markup``), as escaped text: a clinic's line may hold ``<`` or ``&``; and
    where the fill-in is marked as running text (``linked_fill_ins``), as a link to call: the first
    line's short way to reach it ("Call or text 988"), the emergency number."""
    if not CRISIS_FILL_IN.search(text):  # most texts hold none: the check calls this for every text of the guide
        return text
    first = crisis.lines[0]
    about = ", ".join(part for part in (first.name, first.hours) if part)
    values = {"crisis_line": f"{first.how} ({about})", "emergency_number": crisis.emergency_number or ""}
    if not markup:
        return CRISIS_FILL_IN.sub(lambda match: values[match.group(1)], text)
    escape = lambda value: html.escape(value, quote=False)  # noqa: E731
    links = {"crisis_line": f'<a href="{html.escape(first.href or "")}">{escape(first.how or "")}</a> ({escape(about)})',
             "emergency_number": f'<a href="{phone_href(values["emergency_number"])}">{escape(values["emergency_number"])}</a>'}

    def filled(match: re.Match) -> str:
        name = match.group(1)
        return links[name] if match.group(2) and values[name] else escape(values[name])

    return CRISIS_FILL_IN.sub(filled, text)


class Way(NamedTuple):
    """One way to reach a crisis line or the emergency number: its words ("Text SHOUT to 85258") and
    its link (``sms:85258?body=SHOUT``). A pair, so ``for words, href in ways`` reads it too."""

    label: str
    href: str

    @property
    def kind(self) -> str:
        """"call" (a tel: link), "text" (sms:) or "online" (a chat or other https:// address)."""
        return {"tel": "call", "sms": "text"}.get(self.href.split(":", 1)[0], "online")

    def as_data(self) -> dict[str, str]:
        """As the theme override reads it (config.extra.guide): plain values a config file can hold."""
        return {"kind": self.kind, "label": self.label, "href": self.href}


def worded_crisis(crisis: Crisis, ui: dict, language: str) -> Crisis:
    """``crisis`` with every line's how, href and hours, and the emergency sentence, in words of
    ``language`` (the catalog ``ui``; languages' names and lists from Babel's CLDR data). A line's
    option for the language (a key to press, a keyword, a chat of its own, its source) is taken into
    the line, so that every later step words it the same way."""
    words = ui["crisis"]
    emergency = crisis.emergency or fill(words["emergency"], number=crisis.emergency_number)
    lines = [_worded_line(_in_language(line, language), words, language) for line in crisis.lines]
    return crisis.model_copy(update={"emergency": emergency, "lines": lines})


def _in_language(line: CrisisLine, language: str) -> CrisisLine:
    option = line.option(language)
    if option is None:
        return line
    return line.model_copy(update={"press": option.press or line.press, "keyword": option.keyword or line.keyword,
                                   "chat": option.chat or line.chat, "source": option.source or line.source})


def _call(line: CrisisLine, words: dict) -> Way:
    said = fill(words["call_press"], number=line.number, key=line.press) if line.press else fill(words["call"], number=line.number)
    return Way(said, phone_href(line.number))


def _text(line: CrisisLine, words: dict) -> Way:
    number = line.text_number
    if line.keyword:  # the keyword already typed in
        return Way(fill(words["text_keyword"], keyword=line.keyword, number=number), phone_href(number, text=True, body=line.keyword))
    return Way(fill(words["text"], number=number), phone_href(number, text=True))


def ways(line: CrisisLine, ui: dict) -> list[Way]:
    """Each way to reach a (worded) line: call, text, chat, in that order."""
    words, found = ui["crisis"], []
    if line.number:
        found.append(_call(line, words))
    if line.texts:
        found.append(_text(line, words))
    if line.chat:
        found.append(Way(words["chat"], line.chat))
    if not found and line.how and line.href:
        found.append(Way(line.how, line.href))
    return found


def emergency_way(crisis: Crisis, ui: dict) -> Way:
    """The emergency number as a way to reach help: "Call 911", ``tel:911``."""
    return Way(fill(ui["crisis"]["call"], number=crisis.emergency_number), phone_href(crisis.emergency_number))


def theme_crisis(crisis: Crisis, ui: dict) -> dict:
    """The worded crisis lines as the theme override reads them (config.extra.guide.crisis): its
    templates cannot import our component, so each line comes with its ways ready, and the crisis
    bar's choice is made here: the first line's name and its ways that dial a number (its chat is
    one tap further, on the crisis page), or its only ways where it has none, then the emergency
    number in a few words ("Emergency: 911")."""
    lines = [{"name": line.name, "hours": line.hours, "ways": [way.as_data() for way in ways(line, ui)]}
             for line in crisis.lines]
    first = lines[0]
    return {"lines": lines,
            "bar": {"name": first["name"],
                    "ways": [way for way in first["ways"] if way["kind"] != "online"] or first["ways"]},
            "emergency": {**emergency_way(crisis, ui).as_data(), "sentence": crisis.emergency,
                          "short": fill(ui["crisis"]["emergency_short"], number=crisis.emergency_number)}}


def _language_list(language: str):
    """A function from language codes to their names as one phrase: ['en', 'es'] -> 'English and Spanish'."""
    import babel
    from babel.lists import format_list

    try:
        locale = babel.Locale.parse(language.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return ", ".join
    return lambda codes: format_list([locale.languages.get(code.replace("-", "_"), code) for code in codes], locale=locale)


def _worded_line(line: CrisisLine, words: dict, language: str) -> CrisisLine:
    """The short way to reach the line (``how``: its first way, or "Call or text 988" where one number
    takes both and asks for nothing more), its first link, and its facts in words."""
    how, first_href = (ways(line, {"crisis": words}) or [(line.how, line.href)])[0]
    if line.number and line.texts is True and not (line.press or line.keyword):
        how = fill(words["call_or_text"], number=line.number)
    facts = []
    if line.free:
        facts.append(words["free"])
    if line.hours:
        facts.append(words["any_time"] if line.always_open else line.hours)
    if line.languages and {code.split("-")[0] for code in line.languages} != {language.split("-")[0]}:
        facts.append(fill(words["languages"], languages=_language_list(language)(line.languages)))
    return line.model_copy(update={"how": line.how or how, "href": line.href or first_href, "hours": ", ".join(facts) or None})
