"""Readability scores what a reader reads: the crisis line and emergency number filled in from the
lines in force, as on every page, never the raw {crisis_line} and {emergency_number} placeholders."""

from __future__ import annotations

import pytest

from generator.guide.assemble import load_guide
from generator.quality.readability import page_prose, worksheet_prose
from helpers import ROOT


@pytest.mark.parametrize(("clinic", "line", "emergency"), [
    (None, "Call or text 988 (988 Suicide & Crisis Lifeline", "call 911"),
    ("clinics/example-au", "Call 13 11 14 (Lifeline Australia", "call 000"),
])
def test_readability_measures_the_crisis_line_and_emergency_number_as_pages_show_them(clinic, line, emergency):
    guide = load_guide(ROOT / "content", ROOT / clinic if clinic else None)
    prose = [*page_prose(guide), *worksheet_prose(guide)]
    text = "\n".join(p.text for p in prose)
    assert "{crisis_line}" not in text and "{emergency_number}" not in text
    assert f"reach out: {line}" in text  # content/phases.yml: "...reach out: {crisis_line}."
    assert emergency in text
