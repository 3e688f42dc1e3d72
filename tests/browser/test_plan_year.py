"""The plan after a year of use, and after an upgrade, in real Chromium against the built site:
its chart legible at any range and width, the therapist summary on one page, the words of an older
plan all shown, the same ids on two devices, calendar files that update rather than double, and
words that are names in JavaScript. A year is benchmarks/plan_scale.py's (about 2,200 fields)."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from benchmarks.plan_scale import plan_document
from helpers import ROOT
from plan_page import KEY, OPEN_EVERYTHING, click_more, import_file, open_with, reopen

TODAY = dt.date.today()  # plan_document ends today; the pages live on the same day
FIXTURES = ROOT / "tests" / "fixtures" / "plan"
TRICKY = ["constructor", "__proto__", "toString", "hasOwnProperty", "CONSTRUCTOR", "__PROTO__", "TOSTRING", "HasOwnProperty"]
SAVED = "() => document.querySelector('#plan-status').textContent.includes('All changes saved')"


@pytest.fixture(scope="module")
def year() -> str:
    return json.dumps(plan_document(1))


# Each <text> of a chart's SVG (the page's, or `where` one), and whether any two of them overlap (their boxes, as drawn).
OVERLAPS = """(where) => {
    where = where || '#plan-chart';
    const boxes = [...document.querySelectorAll(where + ' svg.plan-chart-svg text')].map(t => {
        const r = t.getBoundingClientRect(); return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
    const svg = document.querySelector(where + ' svg.plan-chart-svg').getBoundingClientRect();
    const out = boxes.filter(b => b.left < svg.left - 1 || b.right > svg.right + 1);
    const clash = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) clash.push([a.text, b.text]);
    }));
    return { count: boxes.length, clash, outside: out.map(b => b.text), labels: boxes.map(b => b.text) };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_a_years_chart_has_no_overlapping_text_at_any_range(browser, site_url, year, width):
    context, tab = open_with(browser, site_url, year, width=width, path="plan/#plan-step-checkins")
    try:
        for shown in ["month", "quarter", "year", "all"]:
            tab.select_option("#plan-chart-range", shown)
            tab.wait_for_function("() => document.querySelector('#plan-chart svg.plan-chart-svg')")
            found = tab.evaluate(OVERLAPS)
            assert found["clash"] == [] and found["outside"] == [], (shown, found)
            assert found["count"] > 12, (shown, found["labels"])
            if shown in ("year", "all"):
                years = {y for label in found["labels"] for y in re.findall(r"\b20\d\d\b", label)}
                assert len(years) >= 2, f"{shown}: the years on the axis, the range crossing one: {found['labels']}"
                expect(tab.locator("#plan-chart .plan-chart-means")).to_be_visible()
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def print_summary(tab, period: str) -> None:
    """Makes the therapist summary over `period` as its button does, and leaves it set to print."""
    tab.click("#plan-steps a[href='#plan-step-summary']")
    tab.select_option("#plan-summary-period", period)
    tab.evaluate("() => { window.print = () => {}; }")
    tab.click("#plan-print-summary")
    tab.evaluate("() => document.documentElement.classList.add('plan-printing-summary')")


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_therapist_summary_prints_on_one_page_at_any_size(browser, site_url, tmp_path, paper):
    document = plan_document(1)
    long_theme = "A long theme that goes on and on about my father, the lake house and the summer it all changed " * 3
    for n, name in enumerate(sorted(f for f in document["fields"] if re.fullmatch(r"session-.*-themes", f))):
        document["fields"][name] += f"\n{long_theme.strip()} {n}\nTheme {n}"  # dozens of themes, some very long
    document["fields"]["action"] = "A short walk after dinner, every day, even when it rains or I feel low. " * 6
    document["fields"]["name-on-summary"] = "Ana María Ruiz de la Fuente"
    context, tab = open_with(browser, site_url, json.dumps(document))
    try:
        for period in ["month", "year", "all"]:
            print_summary(tab, period)
            tab.emulate_media(media="print")  # the chart laid out in print's larger type: no label over another
            found = tab.evaluate(OVERLAPS, "#plan-summary-print")
            assert found["clash"] == [] and found["outside"] == [] and found["count"] > 12, (period, paper, found)
            tab.emulate_media(media="null")  # not "screen": page.pdf() would then print in screen type
            path = tmp_path / f"summary-{period}-{paper}.pdf"
            tab.pdf(path=str(path), format=paper)
            reader = PdfReader(path)
            text = reader.pages[0].extract_text()
            assert len(reader.pages) == 1, f"{period} on {paper}: {len(reader.pages)} pages"
            assert "My integration summary" in text and "A short walk after dinner" in text
            assert "My themes across sessions" in text and "My check-ins over time" in text
            # what a therapist needs (issue 20 item 5): who, when printed, the sessions' dates, the side
            # effects counted, the WHO-5s with the low ones marked, the chart's axes named with dated years
            flat = " ".join(unicodedata.normalize("NFKC", text).split())  # "ﬀ" as the PDF's ligature is "ff"
            # the day the page printed it, read from the page: a run that crosses midnight prints the new day
            day = dt.date.fromisoformat(tab.evaluate("""() => { const d = new Date();
                return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); }"""))
            assert "Name: Ana María Ruiz de la Fuente" in flat and f"Printed on {day:%B} {day.day}, {day.year}" in flat
            assert re.search(r"My sessions [A-Z][a-z]{2} \d{1,2}, 20\d\d; ", flat), flat[:600]
            assert re.search(r"Side effects I noted Sick or dizzy: \d+ of \d+ check-ins; Spaced out: \d+ of \d+ check-ins", flat)
            if period != "month":  # this year's low WHO-5s are more than 30 days old
                assert re.search(r"\d{4}: 1[0-2] of 25 \(low\)", flat) and "Low means below 13." in flat
            assert "Mood and sleep (0 to 10)" in flat and "WHO-5 (0 to 25)" in flat
            assert re.search(r"Date \([A-Z][a-z]{2} \d{1,2}, 20\d\d to [A-Z][a-z]{2} \d{1,2}, 20\d\d\)", flat)
            tab.evaluate("() => document.documentElement.classList.remove('plan-printing-summary')")
    finally:
        context.close()


def shown_words(tab) -> list[str]:
    """Every word the page shows in its controls and lists, each entry opened first."""
    tab.evaluate(OPEN_EVERYTHING)
    return tab.evaluate("""() => [...document.querySelectorAll('#plan [name]')].filter(el => el.type !== 'checkbox' && el.value)
        .map(el => el.value).concat([...document.querySelectorAll('#plan-kept-list li, #plan-themes li')].map(li => li.textContent))""")


@pytest.mark.parametrize("fixture", ["v1.json", "v2.json"])
def test_an_older_plans_words_are_all_shown_those_in_a_slot_without_a_date_too(browser, site_url, fixture):
    older = json.loads((FIXTURES / fixture).read_text(encoding="utf-8"))
    words = [v for v in list(older.get("fields", {}).values()) + list(older.get("answers", {}).values())
             if isinstance(v, str) and v and not re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", v)]
    context, tab = open_with(browser, site_url, json.dumps(older))
    try:
        status = tab.text_content("#plan-status")
        assert "updated for this version" in status and "Sessions now on your timeline" in status, status
        assert "With no date yet" in status
        expect(tab.locator("#plan-sessions [data-title]").filter(has_text="date not set").first).to_be_visible()
        shown = " | ".join(shown_words(tab))
        missing = [w for w in words if w not in shown and not all(part in shown for part in w.split("\n"))]
        assert missing == [], f"not shown: {missing}"
    finally:
        context.close()


def stored_names(tab) -> list[str]:
    return sorted(json.loads(tab.evaluate("key => localStorage.getItem(key)", KEY))["fields"])


def test_the_same_older_plan_on_two_devices_gets_the_same_ids(browser, site_url):
    older = (FIXTURES / "v2.json").read_text(encoding="utf-8")
    one, tab_one = open_with(browser, site_url, older)
    two, tab_two = open_with(browser, site_url, older)
    try:
        assert stored_names(tab_one) == stored_names(tab_two)
        ids = lambda tab: json.loads(tab.evaluate("key => localStorage.getItem(key)", KEY))["id"]
        assert ids(tab_one) == ids(tab_two)
    finally:
        one.close()
        two.close()


def calendar(tab, folder: Path) -> str:
    with tab.expect_download() as info:
        click_more(tab, "#plan-ics")
    path = folder / f"{len(list(folder.glob('*.ics')))}.ics"
    info.value.save_as(path)
    return path.read_bytes().decode("utf-8")  # its CRLF line ends kept


def events(ics: str) -> dict[str, int]:
    """{uid: sequence} of a calendar file's events."""
    unfolded = ics.replace("\r\n ", "")
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"UID:([^\r\n]+)\r\nDTSTAMP:[^\r\n]+\r\nSEQUENCE:(\d+)", unfolded)}


def test_calendar_files_update_rather_than_double(browser, site_url, tmp_path):
    older = json.loads((FIXTURES / "v2.json").read_text(encoding="utf-8"))
    older["fields"]["session-1-date"] = (TODAY + dt.timedelta(days=10)).isoformat()
    older["fields"]["session-2-date"] = (TODAY + dt.timedelta(days=17)).isoformat()
    older["fields"]["reminder-checkin-time"] = "20:00"
    context, tab = open_with(browser, site_url, json.dumps(older))
    try:
        first = calendar(tab, tmp_path)
        assert "Remove old plan reminders" in first, "a plan from before: the first file says to remove the old reminders"
        assert "remove the reminders" in tab.text_content("#plan-status")
        again = calendar(tab, tmp_path)
        assert "SUMMARY:Remove old plan reminders" not in again.split("STATUS:CANCELLED")[0], "said once"
        kept = {uid: seq for uid, seq in events(first).items() if not uid.startswith("earlier-")}
        assert {uid: seq for uid, seq in events(again).items() if uid in kept} == kept, "two files of an unchanged plan: the same"
        assert any(uid.startswith("checkin-reminder-") and uid != "checkin-reminder-@ketamine-integration-plan" for uid in kept), kept
        tab.click("#plan-steps a[href='#plan-step-sessions']")
        session = tab.locator("#plan-sessions > details").nth(1)
        sid = session.get_attribute("data-id")
        if not session.evaluate("el => el.open"):
            session.locator("summary").click()
        tab.fill(f"#plan-session-{sid}-date", (TODAY + dt.timedelta(days=18)).isoformat())
        tab.locator(f"#plan-session-{sid}-date").blur()
        tab.wait_for_function(SAVED)
        changed = events(calendar(tab, tmp_path))
        assert changed[f"{sid}-day@ketamine-integration-plan"] == kept[f"{sid}-day@ketamine-integration-plan"] + 1
        first_session = tab.locator("#plan-sessions > details").first.get_attribute("data-id")
        assert changed[f"{first_session}-day@ketamine-integration-plan"] == kept[f"{first_session}-day@ketamine-integration-plan"]
    finally:
        context.close()


def test_words_that_are_names_in_javascript_are_saved_and_shown_typed_and_imported(browser, site_url, tmp_path):
    context, tab = open_with(browser, site_url, None)
    try:
        tab.click("#plan-add-session")
        sid = tab.evaluate("() => document.activeElement.closest('[data-id]').dataset.id")
        tab.fill(f"#plan-session-{sid}-themes", "\n".join(TRICKY))
        tab.fill(f"#plan-session-{sid}-intention", "constructor")
        tab.wait_for_function(SAVED)
        themes = tab.locator("#plan-themes li strong")
        expect(themes).to_have_text(["constructor", "__proto__", "toString", "hasOwnProperty"])
        reopen(tab)
        expect(themes).to_have_text(["constructor", "__proto__", "toString", "hasOwnProperty"])
        tab.fill(f"#plan-session-{sid}-intention", "hasOwnProperty")
        tab.wait_for_function(SAVED)
        assert json.loads(tab.evaluate("key => localStorage.getItem(key)", KEY))["fields"][f"session-{sid}-intention"] == "hasOwnProperty"
        assert tab.text_content("#plan-error") == ""
        file = tmp_path / "tricky.json"
        fields = {"constructor": "a field named constructor", "tostring": "x", "hasownproperty": "y",
                  "session-abcdef-date": TODAY.isoformat(), "session-abcdef-themes": "__PROTO__\nConstructor\nvalueOf"}
        file.write_text(json.dumps({"format": KEY, "version": 3, "fields": fields}), encoding="utf-8")
        tab.on("dialog", lambda dialog: dialog.accept())
        import_file(tab, file)
        expect(tab.locator("#plan-status")).to_contain_text("opened")
        expect(themes).to_have_text(["__PROTO__", "Constructor", "valueOf"])
        assert json.loads(tab.evaluate("key => localStorage.getItem(key)", KEY))["fields"] == fields
        tab.click("#plan-steps a[href='#plan-step-summary']")
        expect(tab.locator("#plan-kept-list li")).to_have_text(["a field named constructor", "x", "y"])
        assert tab.text_content("#plan-error") == ""
    finally:
        context.close()


def test_four_hundred_sessions_the_most_a_plan_may_have_open(browser, site_url):
    """(How quickly: benchmarks/plan_scale.py. Over the limit, a file is refused at once: test_plan_data.py.)"""
    fields = {f"session-{n:06d}-date": (TODAY - dt.timedelta(days=n)).isoformat() for n in range(400)}
    fields |= {f"session-{n:06d}-intention": f"Session words {n}" for n in range(400)}
    document = {"format": KEY, "version": 3, "revision": 1, "fields": fields}
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(site_url)
        tab.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(document)])
        tab.goto(site_url + "plan/")
        tab.wait_for_selector("#plan-toolbar:not([hidden])")
        expect(tab.locator("#plan-sessions > details.plan-month").first).to_be_visible()  # folded by month, each counted
        titles = tab.locator("#plan-sessions > details.plan-month > summary h3").all_inner_texts()
        assert sum(int(t.rsplit("(", 1)[1].rstrip(")")) for t in titles) == 400, titles
        expect(tab.locator("#plan-sessions details.plan-entry[open] textarea[name$='-intention']")).to_have_value("Session words 0")
    finally:
        context.close()
