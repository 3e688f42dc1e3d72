"""Crisis lines as facts, complete: a service that only takes texts (a number and a keyword), one that
only chats, a key to press for a language, a keyword in a language; each worded from its facts in
every language from the interface catalog, never written as prose. A brand key either does what its
name says or is refused with its line.

The services named are real, their facts checked against these sources:
- Shout (UK): text SHOUT to 85258, free, 24/7 (giveusashout.org/about-us/faq; "free to start a
  conversation by texting SHOUT to 85258 from all major mobile networks", PA, 26 Jan 2022).
- Crisis Text Line (US): text HOME to 741741, free, 24/7 (crisistextline.org, as quoted by
  sfisd.net's health page and alexproject.org: "Text HOME to 741741 from anywhere in the USA, anytime").
- 988 Lifeline: Spanish is option 2 of the call menu, AYUDA the Spanish text keyword
  (988lifeline.org/get-help/what-to-expect, "Spanish-language (Press 2)", "(text AYUDA)").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.guide.crisis_wording import worded_crisis, ways
from generator.guide.interface import load_interface
from generator.schema.items import Crisis, CrisisLine
from helpers import ROOT, cli

SHOUT = {"id": "shout", "name": "Shout", "texts": "85258", "keyword": "SHOUT", "hours": "24/7", "free": True}
CRISIS_TEXT_LINE = {"id": "crisis-text-line", "name": "Crisis Text Line", "texts": "741741", "keyword": "HOME",
                    "hours": "24/7", "free": True}
LIFELINE_988 = {"id": "lifeline-988", "name": "988 Lifeline", "number": "988", "texts": True, "hours": "24/7",
                "free": True, "languages": ["en", "es"],
                "language_options": [{"language": "es", "press": "2", "keyword": "AYUDA"}]}


def _worded(facts: dict, language: str) -> tuple[CrisisLine, list[tuple[str, str]]]:
    ui, problems = load_interface(ROOT / "content", language)
    assert not problems
    crisis = worded_crisis(Crisis(emergency_number="999", lines=[CrisisLine(**facts)]), ui.table, language)
    return crisis.lines[0], ways(crisis.lines[0], ui.table)


@pytest.mark.parametrize(("facts", "language", "how", "href", "said"), [
    (SHOUT, "en", "Text SHOUT to 85258", "sms:85258?body=SHOUT", "free, any time"),
    (SHOUT, "es", "Envíe SHOUT por mensaje de texto al 85258", "sms:85258?body=SHOUT", "gratis, a cualquier hora"),
    (CRISIS_TEXT_LINE, "en", "Text HOME to 741741", "sms:741741?body=HOME", "free, any time"),
    (CRISIS_TEXT_LINE, "es", "Envíe HOME por mensaje de texto al 741741", "sms:741741?body=HOME", "gratis, a cualquier hora"),
])
def test_a_text_only_line_is_worded_from_its_number_and_keyword_in_each_language(facts, language, how, href, said):
    line, found = _worded(facts, language)
    assert (line.how, line.href, line.hours) == (how, href, said)
    assert found == [(how, href)]  # no call, no chat: it has neither


@pytest.mark.parametrize(("language", "ways_said", "hours"), [
    ("en", [("Call or text 988", None), ("Call 988", "tel:988"), ("Text 988", "sms:988")], "free, any time, in English and Spanish"),
    ("es", [("Llame al 988 y oprima 2", None), ("Llame al 988 y oprima 2", "tel:988"),
            ("Envíe AYUDA por mensaje de texto al 988", "sms:988?body=AYUDA")], "gratis, a cualquier hora, en inglés y español")])
def test_a_key_to_press_and_a_keyword_for_a_language_word_the_line_in_that_language(language, ways_said, hours):
    line, found = _worded(LIFELINE_988, language)
    (how, _), *each = ways_said
    assert line.how == how and line.hours == hours
    assert found == [tuple(pair) for pair in each]


def test_a_chat_only_line_and_a_line_in_one_language_are_worded_as_they_are():
    line, found = _worded({"id": "c", "name": "Chat", "chat": "https://example.org/chat", "languages": ["en"]}, "en")
    assert (line.how, line.href, line.hours) == ("Chat online", "https://example.org/chat", None)  # English on an English page
    line, _ = _worded({"id": "c", "name": "Chat", "chat": "https://example.org/chat", "languages": ["en"]}, "es")
    assert line.how == "Chatee en línea" and line.hours == "en inglés"  # on a Spanish page, that it answers in English


@pytest.mark.parametrize(("facts", "says"), [
    ({"name": "Nothing"}, "a crisis line needs a number to call, a number to text (texts) or a chat address"),
    ({"name": "Keyword", "number": "988", "keyword": "HOME"}, "keyword is the word to text: give the number it is texted to"),
    ({"name": "Press", "texts": "85258", "press": "2"}, "press is the key to press after calling: give the number to call"),
    ({"name": "Option", "number": "988", "languages": ["en"], "language_options": [{"language": "es", "press": "2"}]},
     "language_options: 'es' is not among the languages it answers in (en)"),
    ({"name": "Option", "number": "988", "language_options": [{"language": "es"}]}, "a language option needs press, "
                                                                                      "keyword or chat"),
])
def test_facts_that_cannot_reach_anyone_are_refused(facts, says):
    with pytest.raises(ValueError, match=says.replace("(", r"\(").replace(")", r"\)")):
        CrisisLine(id="x", **facts)


def _brand(project: Path, old: str, new: str) -> Path:
    brand = project / "clinics/example/brand.yml"
    text = brand.read_text(encoding="utf-8")
    assert old in text
    brand.write_text(text.replace(old, new, 1), encoding="utf-8")
    return brand


def test_a_clinic_enters_a_text_only_service_as_facts_and_every_page_words_it(clinic_project):
    _brand(clinic_project, "    - id: nhs-111\n", "    - id: shout\n      name: \"Shout\"\n      texts: \"85258\"\n"
                                                 "      keyword: \"SHOUT\"\n      hours: \"24/7\"\n      free: true\n"
                                                 "    - id: nhs-111\n")
    result = cli("--clinic", "clinics/example", "render", "--out", "out", cwd=clinic_project)
    assert result.returncode == 0, result.stderr
    crisis = (clinic_project / "out" / "crisis.md").read_text(encoding="utf-8")
    assert '<p class="guide-crisis__name"><strong>Shout</strong> (free, any time)</p>' in crisis
    assert '<a class="guide-call guide-call--text" href="sms:85258?body=SHOUT">Text SHOUT to 85258</a>' in crisis


@pytest.mark.parametrize(("old", "new", "line_of", "says"), [
    ('  emergency_number: "999"', '  heading: "Get help"\n  emergency_number: "999"', "heading:",
     "crisis.heading: unknown field; expected one of: intro, emergency, emergency_number, emergency_source, lines"),
    ('languages: [en]', 'languages: [en, es]\nlanguage: "en"', 'language: "en"',
     "language: 'en' and languages: [en, es] disagree"),
    ('      hours: "24/7"\n      free: true\n      source: samaritans',
     '      hours: "24/7"\n      free: true\n      source: samaritans\n      language_options:\n        - language: es\n'
     '          press: "2"\n          source: samaritanos', "source: samaritanos", "no reference has the id 'samaritanos'"),
])
def test_a_brand_key_that_would_do_nothing_is_refused_with_its_line(clinic_project, old, new, line_of, says):
    brand = _brand(clinic_project, old, new)
    if "samaritanos" in new:  # an option's source is checked in its language's edition
        _brand(clinic_project, "languages: [en]", "languages: [en, es]")
    line = next(n for n, row in enumerate(brand.read_text(encoding="utf-8").splitlines(), 1) if line_of in row)
    result = cli("--clinic", "clinics/example", "check", cwd=clinic_project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    located = [row for row in result.stderr.splitlines() if row.startswith(f"clinics/example/brand.yml:{line}:")]
    assert located and says in located[0], result.stderr
