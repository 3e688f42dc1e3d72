"""A safety check for clinics in other countries: no text may still send a patient to our crisis numbers.

When a clinic sets its own crisis lines (say the UK's 116 123 and 999), any of our texts that still
says "call 988" or "call 911" would send a patient in crisis to a number that does not work there.
We find every such mention in the merged content and name the file and line, so the clinic can
replace that item in its overlay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..problems import Problem, display_path
from ..schema.items import Crisis
from ..source.yaml_reader import YamlDocument, texts

NUMBER = re.compile(r"(?<![\w.-])(\d{3,})(?![\w-])")
SKIPPED_KEYS = frozenset({"id", "href", "url", "doi"})  # ids and links, not words a patient reads as advice


def crisis_numbers(crisis: Crisis) -> set[str]:
    """The numbers a crisis section tells a patient to call or text."""
    numbers = {crisis.emergency_number or ""}
    for line in crisis.lines:
        numbers |= {re.sub(r"\D", "", value) for value in (line.number, line.texts) if isinstance(value, str)}
        if line.href and line.href.startswith(("tel:", "sms:")):
            numbers.add(re.sub(r"\D", "", line.href.split("?", 1)[0]))  # sms:85258?body=SHOUT: the number, not the body
    for text in [crisis.emergency or "", *(line.how or "" for line in crisis.lines)]:
        numbers.update(NUMBER.findall(text))
    return numbers - {""}


def foreign_number_problems(ours: Crisis, theirs: Crisis, docs: Iterable[YamlDocument], clinic_dir: Path) -> list[Problem]:
    """Every text that names one of our crisis numbers that the clinic's crisis lines do not use."""
    foreign = crisis_numbers(ours) - crisis_numbers(theirs)
    if not foreign:
        return []
    brand = display_path(clinic_dir / "brand.yml")
    problems = []
    for doc in docs:
        for at, text in texts(doc.data, SKIPPED_KEYS):
            for match in NUMBER.finditer(text):
                if match.group(1) in foreign:
                    problems.append(doc.problem(at, (
                        f"this text tells patients to use {match.group(1)}, a crisis number of our US guide, but this "
                        f"clinic's crisis lines are set in {brand}; replace this item in the clinic's content overlay "
                        "with words for its own country (see FORKING.md, 'Crisis lines')"), match.start(1)))
    return problems
