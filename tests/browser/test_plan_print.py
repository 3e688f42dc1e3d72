"""The plan on paper, as Chromium prints it and a PDF reader reads it (issue 20 items 4-6): "Print my
plan" with no heading alone at a page's foot or with nothing under it, the crisis section on one
page, no control of the screen, a session's date once and a full first page; the safety card with
the patient's name and date when given (nothing when not); call links that name the person or
service, whatever words the patient typed before the number. Pages go to /work/shots/summary/
(PLAN_SHOTS) as PNGs for a person to look at, when pdftoppm is there."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from playwright.sync_api import expect

from benchmarks.plan_scale import plan_document
from plan_page import open_with

SHOTS = Path(os.environ.get("PLAN_SHOTS", "/work/shots/summary"))
TODAY = dt.date.today()


def small_plan() -> dict:
    """A plan of a few weeks: three sessions, their journals, check-ins on other days, a WHO-5, the
    safety plan, people, the small step, and the summary's choices ticked (which never print)."""
    document = copy.deepcopy(plan_document(1))
    day = lambda back: (TODAY - dt.timedelta(days=back)).isoformat()  # noqa: E731
    fields = {"summary-themes": True, "summary-checkins": True, "summary-step": True, "name-on-summary": "Ana Ruiz",
              "action": "A short walk after dinner", "action-when": "Every evening", "support-1-name": "Sam",
              "support-1-contact": "555-0100", "crisis-person": "My sister 555 201 3344",
              "safety-warning-signs": "I stop answering my phone", "therapist-name": "Dr. Rivera"}
    for n, back in enumerate([40, 26, 12]):
        fields.update({f"session-s{n}s{n}s{n}-date": day(back), f"session-s{n}s{n}s{n}-intention": f"Intention {n + 1}",
                       f"session-s{n}s{n}s{n}-themes": "Grief\nTrust", f"session-s{n}s{n}s{n}-journal-noticed": "Warmth in my chest."})
        fields.update({f"checkin-c{n}c{n}c{n}-date": day(back - 2), f"checkin-c{n}c{n}c{n}-mood": "5", f"checkin-c{n}c{n}c{n}-sleep": "6"})
    document["fields"] = fields
    return document


def no_step() -> dict:
    """A few weeks with no small step written, the summary's choices ticked: its part has nothing to print."""
    document = small_plan()
    del document["fields"]["action"], document["fields"]["action-when"]
    return document


def pdf_of(tab, name: str, paper: str = "Letter") -> Path:
    """The page printed by Chromium (page.pdf fires beforeprint, as the print dialog does), kept with
    its pages as PNGs under SHOTS when that folder can be written."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}-{paper}.pdf"
    tab.pdf(path=str(path), format=paper)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(path.with_suffix(""))], check=True)
    return path


def page_lines(path: Path) -> list[list[dict]]:
    """Each page's lines of text, top to bottom, the page number at the foot left out:
    [{text, bottom, bold (every letter bold), size}]; and each page's height as the last item's."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            lines = []
            for line in page.extract_text_lines():
                letters = [c for c in line["chars"] if c["text"].strip()]
                if line["text"].strip() == str(number) or not letters:
                    continue
                lines.append({"text": line["text"], "bottom": line["bottom"], "size": round(letters[0]["size"], 1),
                              "bold": all("Bold" in c["fontname"] for c in letters), "height": page.height})
            pages.append(lines)
    return pages


def assert_plan_on_paper(path: Path, crisis_heading: str, crisis_words: list[str]) -> None:
    pages = page_lines(path)
    texts = ["\n".join(line["text"] for line in lines) for lines in pages]
    for number, lines in enumerate(pages[:-1], start=1):
        assert lines, f"page {number} is empty"
        last = lines[-1]
        assert not last["bold"] and last["size"] <= 12, f"page {number} ends on a heading or label alone: {last['text']!r}"
    if len(pages) > 1:
        first = pages[0][-1]
        assert first["bottom"] / first["height"] > 0.6, f"the first page is {100 - 100 * first['bottom'] / first['height']:.0f}% blank"
    holding = [n for n, text in enumerate(texts) if crisis_heading in text.split("\n")]
    assert len(holding) == 1, f"the crisis section's heading on pages {holding}"
    for words in crisis_words:
        assert words in texts[holding[0]], f"{words!r} is not on the crisis section's page: it is split"
    for screen in ["The time it covers", "What to put on the page", "Print the summary", "Print my safety card", "Ana Ruiz"]:
        assert not any(screen in text for text in texts), f"{screen!r}: a control of the screen (or its words) printed"


# In print media: each heading shown (h2-h4, a legend) with nothing shown under it in its box; an entry's
# title (its summary) is left out, as it says the entry's date and scores itself.
BARE_HEADINGS = """() => {
    const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const words = el => [...el.querySelectorAll('*')].filter(e => !e.children.length && shown(e) && e.textContent.trim()
        && !e.closest('h2, h3, h4, legend, summary'));
    return [...document.querySelectorAll('#plan :is(h2, h3, h4, legend)')].filter(h => shown(h) && !h.closest('summary')).filter(h => {
        const box = h.closest('fieldset, details, section, .plan-safety-card, .plan-card-people, .plan-crisis-lines');
        return !box || !words(box).filter(e => !h.contains(e)).length;
    }).map(h => h.textContent.trim());
}"""


def bare_headings(tab) -> list[str]:
    tab.emulate_media(media="print")
    found = tab.evaluate(BARE_HEADINGS)
    tab.emulate_media(media="null")
    return found


def visible_controls(tab) -> list[str]:
    """The form controls that show in print media (not ticked boxes of the plan: squares on paper)."""
    tab.emulate_media(media="print")
    found = tab.evaluate("""() => [...document.querySelectorAll('#plan :is(input, select, textarea, button)')]
        .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
        .filter(el => el.type !== 'checkbox' || el.closest('.plan-summary-choice'))
        .map(el => el.id || el.name || el.tagName)""")
    tab.emulate_media(media="null")
    return found


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_print_my_plan_keeps_headings_with_their_words_and_the_crisis_section_whole(browser, site_url, paper):
    """Issue 20 item 6, a year of use (the last 30 days printed) and a few weeks, in both languages."""
    for name, document, period, lang in [("plan-year-month", plan_document(1), "month", ""),
                                         ("plan-weeks", small_plan(), "all", ""),
                                         ("plan-weeks-es", small_plan(), "all", "es/"),
                                         ("plan-no-step", no_step(), "all", "")]:
        document = copy.deepcopy(document)
        document["fields"]["name-on-summary"] = "Ana Ruiz"
        context, tab = open_with(browser, site_url, json.dumps(document), path=lang + "plan/")
        try:
            tab.click("#plan-print")  # "Print my plan" shows the choice of period
            tab.select_option("#plan-print-period", period)
            assert visible_controls(tab) == [], "controls of the screen print"
            tab.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # what the print shows, drawn as for print
            assert bare_headings(tab) == [], "headings with nothing under them"
            path = pdf_of(tab, name, paper)
            spanish = lang == "es/"
            assert_plan_on_paper(path, "Mi plan de seguridad" if spanish else "My safety plan",
                                 ["My sister", "988", "911", "Llamar al 911" if spanish else "Call 911"])
            if name.startswith("plan-weeks"):
                text = "\n".join(line["text"] for lines in page_lines(path) for line in lines)
                for n, back in enumerate([40, 26, 12]):
                    day = TODAY - dt.timedelta(days=back)
                    shown = tab.evaluate("(d) => new Intl.DateTimeFormat(document.documentElement.lang, "
                                         "{year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'}).format(new Date(d))",
                                         day.isoformat())
                    assert text.count(shown) == 1, f"session {n + 1}'s date {shown!r} prints {text.count(shown)} times"
        finally:
            context.close()


def print_card(tab, name: str) -> str:
    tab.click("#plan-steps a[href='#plan-step-safety']")
    tab.evaluate("() => { window.print = () => {}; }")
    tab.click("#plan-print-safety")
    tab.evaluate("() => document.documentElement.classList.add('plan-printing-safety')")
    path = pdf_of(tab, name)
    tab.evaluate("() => document.documentElement.classList.remove('plan-printing-safety')")
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 1
        return " ".join(pdf.pages[0].extract_text().split())


@pytest.mark.parametrize("lang", ["", "es/"], ids=["en", "es"])
def test_the_safety_card_prints_the_name_and_date_when_given_and_nothing_when_not(browser, site_url, lang):
    document = small_plan()
    context, tab = open_with(browser, site_url, json.dumps(document), path=lang + "plan/")
    try:
        empty = print_card(tab, f"card-empty-{lang.strip('/') or 'en'}")
        name, date = ("Nombre", "Fecha") if lang else ("Name", "Date")
        assert f" {name} " not in f" {empty} " and f" {date} " not in f" {empty} ", empty
        tab.fill("#plan-card-name", "Ana Ruiz")
        tab.fill("#plan-card-date", "2026-12-07")
        text = print_card(tab, f"card-{lang.strip('/') or 'en'}")
        assert "Ana Ruiz" in text, text
        assert ("7 de diciembre de 2026" if lang else "December 7, 2026") in text, text
        assert "My sister 555 201 3344" in text and "911" in text
    finally:
        context.close()


CALLS = {
    "": [("Call 988", "Call 988"), ("call or text 741741", "Call 741741"), ("Maria 555 201 3344", "Call Maria at 555 201 3344"),
         ("Call Maria at 555 201 3344", "Call Maria at 555 201 3344"), ("Mom: call 555 201 0000", "Call Mom at 555 201 0000")],
    "es/": [("Llamar al 988", "Llamar al 988"), ("Llame o escriba al 741741", "Llamar al 741741"),
            ("María 555 201 3344", "Llamar a María al 555 201 3344"), ("Llamar a María al 555 201 3344", "Llamar a María al 555 201 3344"),
            ("Mamá: llamar al 555 201 0000", "Llamar a Mamá al 555 201 0000")],
}


@pytest.mark.parametrize("lang", ["", "es/"], ids=["en", "es"])
def test_a_call_link_names_the_person_or_service_never_the_verb_typed(browser, site_url, lang):
    """'Call 988' typed in a safety-plan field once made a link reading 'Call Call at 988'."""
    context, tab = open_with(browser, site_url, None, path=lang + "plan/#plan-step-safety")
    try:
        for field in ["#plan-crisis-person", "#plan-safety-card .plan-phones textarea >> nth=0"]:
            box = tab.locator(field)
            link = box.locator("xpath=ancestor::div[contains(@class, 'plan-phones')]").locator(".plan-tel a")
            for typed, label in CALLS[lang]:
                box.fill(typed)
                expect(link).to_have_text(label)
                assert box.input_value() == typed, "what was typed stays as typed"
    finally:
        context.close()
