"""The plan builder as a patient uses it, in real Chromium against the real built site."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from generator.guide.assemble import load_guide
from helpers import ROOT, page_text
from plan_page import OPEN_EVERYTHING, click_more, dated, export_plan, import_file, reopen

PLAN = "plan/"
STATUS = "#plan-status"
ERROR = "#plan-error"
# The day the tests' browsers live in (page.clock): the sessions below are still to come.
# The first crisis line as the guide words it from its facts (number, texts): "Call or text 988".
CRISIS_LINE = load_guide(ROOT / "content").site.crisis.lines[0].how

# What a patient types; every kind of field, and text a careless page would run as HTML.
TYPED = {
    "#plan-practice-journaling-often": "After each session",
    "#plan-practice-journaling-minutes": "20 minutes",
    "#plan-support-1-name": "Sam",
    "#plan-support-1-contact": "555-0100",
    "#plan-therapist-name": "Dr. Rivera",
    "#plan-therapist-next": "2026-12-03T14:30",
    "#plan-action": "A short walk after dinner",
    "#plan-crisis-person": "My sister",
}
TICKED = ["#plan-practice-journaling", "#plan-check-set-intention", "#plan-check-rest", "#plan-criterion-safe-space"]
# Sessions on the timeline, added with "Add a session": (date, intention).
SESSIONS = [("2026-12-01", "Be kinder to myself, even on hard days; \"really\" \\ & <3"), ("2026-12-08", "")]


def reveal(tab, selector: str) -> None:
    """Show the part of the plan a field is in, as a patient does with the step list."""
    part = tab.eval_on_selector(selector, "el => el.closest('[data-plan-screen]').id")
    tab.evaluate("part => { if (location.hash !== '#' + part) location.hash = part; }", part)
    tab.wait_for_selector(f"#{part}:not(.plan-away)")


def fill_in(tab, selector: str, text: str) -> None:
    reveal(tab, selector)
    tab.fill(selector, text)


def tick(tab, selector: str) -> None:
    reveal(tab, selector)
    tab.check(selector)


def add_sessions(tab) -> None:
    for date, intention in SESSIONS:
        reveal(tab, "#plan-add-session")
        tab.click("#plan-add-session")
        session = tab.eval_on_selector("#plan-sessions > details[open]", "el => el.dataset.id")
        tab.fill(f"#plan-session-{session}-date", date)
        tab.locator(f"#plan-session-{session}-date").blur()
        if intention:
            tab.fill(f"#plan-session-{session}-intention", intention)


def session_field(tab, number: int, part: str) -> str:
    """The selector of a part of the timeline's session `number` (from 1, in date order), opened."""
    reveal(tab, "#plan-sessions")
    session = tab.locator("#plan-sessions > details").nth(number - 1)
    if not session.evaluate("el => el.open"):
        session.locator("summary").click()
    selector = f"#plan-session-{session.get_attribute('data-id')}-{part}"
    tab.wait_for_selector(selector, state="attached")
    return selector


def open_plan(context, site_url: str, init_script: str | None = None):
    tab = context.new_page()
    if init_script:
        tab.add_init_script(init_script)
    tab.goto(site_url + PLAN)
    tab.wait_for_selector("#plan-toolbar:not([hidden])")
    return tab


def fill_plan(tab) -> None:
    add_sessions(tab)
    for selector in TICKED:  # first: "how often" shows once a practice is picked
        tick(tab, selector)
    for selector, text in TYPED.items():
        fill_in(tab, selector, text)
    tab.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('saved')")


def shown_plan(tab) -> dict:
    """Every field's value as the page shows it, every entry and month opened first (a folded one
    is not built until it is opened)."""
    tab.evaluate(OPEN_EVERYTHING)
    return tab.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#plan [name]')]
        .filter(el => el.type !== 'file').map(el => [el.name, el.type === 'checkbox' ? el.checked : el.value]))""")


def assert_filled(tab) -> None:
    for number, (date, intention) in enumerate(SESSIONS, start=1):
        assert tab.input_value(session_field(tab, number, "date")) == date
        assert tab.input_value(session_field(tab, number, "intention")) == intention
    for selector, text in TYPED.items():
        assert tab.input_value(selector) == text, selector
    for selector in TICKED:
        assert tab.is_checked(selector), selector


@pytest.fixture
def context(browser):
    context = dated(browser.new_context(accept_downloads=True))
    yield context
    context.close()


def test_a_filled_plan_is_all_there_after_a_reload(context, site_url):
    tab = open_plan(context, site_url)
    assert tab.is_hidden("#plan-nojs")
    fill_plan(tab)
    reopen(tab)
    assert_filled(tab)
    assert "loaded" in tab.text_content(STATUS)


def test_the_saved_status_is_announced_to_screen_readers(context, site_url):
    tab = open_plan(context, site_url)
    status = tab.locator(STATUS)
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert tab.locator(ERROR).get_attribute("role") == "alert"
    fill_in(tab, "#plan-action", "Call a friend")
    tab.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('saved')")
    assert status.is_visible()


def test_export_then_import_into_a_fresh_profile_gives_the_same_plan(browser, context, site_url, tmp_path):
    tab = open_plan(context, site_url)
    fill_plan(tab)
    exported = export_plan(tab, tmp_path)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format"] == "ketamine-integration-plan" and document["version"] == 3
    fresh = dated(browser.new_context(accept_downloads=True))  # a new profile: empty storage
    try:
        other = open_plan(fresh, site_url)
        assert not any(v for v in shown_plan(other).values())
        import_file(other, exported)
        other.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('opened')")
        assert shown_plan(other) == shown_plan(tab)
        reopen(other)  # and it was saved in the new profile, not only shown
        assert shown_plan(other) == shown_plan(tab)
        assert json.loads(export_plan(other, tmp_path / "again").read_text())["fields"] == document["fields"]
    finally:
        fresh.close()


def bad_files() -> dict[str, str | bytes]:
    good = {"format": "ketamine-integration-plan", "version": 2, "revision": 1, "fields": {"action": "walk"}}

    def variant(**changes) -> str:
        return json.dumps({**good, **changes})

    return {
        "not-json.json": "this is not JSON at all",
        "binary.json": bytes(range(256)),
        "empty.json": "",
        "a-list.json": "[1, 2, 3]",
        "other-format.json": variant(format="someone-elses-plan"),
        "no-version.json": json.dumps({"format": good["format"], "fields": {}}),
        "newer-version.json": variant(version=99),
        "text-version.json": variant(version="2"),
        "fields-a-list.json": variant(fields=["action", "walk"]),
        "number-value.json": variant(fields={"action": 42}),
        "nested-value.json": variant(fields={"action": {"text": "walk"}}),
        "bad-name.json": variant(fields={"__proto__": "x"}),
        "bad-date.json": variant(fields={"session-1-date": "next tuesday"}),
        "too-long-text.json": variant(fields={"action": "a" * 20_001}),
        "too-many-fields.json": variant(fields={f"extra-{i}": "x" for i in range(20_001)}),
        "huge.json": variant(fields={"action": "walk"}, padding=" " * 2_200_000),
        "bad-v1.json": json.dumps({"format": good["format"], "version": 1, "sessions": "2026-12-01"}),
    }


def test_bad_files_are_refused_and_the_plan_is_unchanged(context, site_url, tmp_path):
    tab = open_plan(context, site_url)
    fill_plan(tab)
    before = shown_plan(tab)
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for name, content in bad_files().items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        tab.evaluate("document.querySelector('#plan-error').textContent = ''")
        import_file(tab, path)
        tab.wait_for_function("() => document.querySelector('#plan-error').textContent !== ''")
        message = tab.text_content(ERROR)
        assert message.startswith("This file could not be opened") and "has not changed" in message, (name, message)
        assert shown_plan(tab) == before, name
    assert dialogs == [], "a bad file got as far as asking to replace the plan"
    assert tab.evaluate("window.__pwned") is None
    reopen(tab)
    assert shown_plan(tab) == before


def test_a_plan_saved_by_version_1_is_migrated(context, site_url, tmp_path):
    """The first format kept session dates as a list and ticked boxes as a list of names."""
    version_1 = {"format": "ketamine-integration-plan", "version": 1, "saved": "2026-01-05T10:00:00Z",
                 "sessions": ["2026-12-01", "2026-12-08"], "answers": {"action": "Call my brother"},
                 "ticked": ["check-rest", "practice-journaling"]}
    tab = context.new_page()
    tab.goto(site_url)  # same origin: put the old plan where an old version of the page kept it
    tab.evaluate("doc => localStorage.setItem('ketamine-integration-plan', JSON.stringify(doc))", version_1)
    tab.goto(site_url + PLAN)
    expect(tab.locator("#plan-schedule")).to_contain_text("Session 2: rest today")
    assert tab.input_value("#plan-action") == "Call my brother"
    assert tab.is_checked("#plan-check-rest") and tab.is_checked("#plan-practice-journaling")
    fill_in(tab, "#plan-crisis-person", "Alex")
    tab.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('saved')")
    stored = json.loads(tab.evaluate("localStorage.getItem('ketamine-integration-plan')"))
    sessions = sorted(value for name, value in stored["fields"].items() if re.fullmatch(r"session-[a-z0-9]{6}-date", name))
    assert stored["version"] == 3 and sessions == ["2026-12-01", "2026-12-08"]
    path = tmp_path / "old-plan.json"  # an old export file opens too
    path.write_text(json.dumps({**version_1, "answers": {"action": "From the file"}}))
    tab.on("dialog", lambda dialog: dialog.accept())
    import_file(tab, path)
    tab.wait_for_function("() => document.querySelector('#plan-action').value === 'From the file'")


BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The user denied storage', 'SecurityError'); }
});
"""
FULL_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
"""


@pytest.mark.parametrize("script", [BLOCK_STORAGE, FULL_STORAGE], ids=["blocked", "full"])
def test_without_storage_a_patient_can_still_fill_in_and_export(browser, site_url, tmp_path, script):
    context = dated(browser.new_context(accept_downloads=True))
    context.add_init_script(script)
    try:
        tab = open_plan(context, site_url)
        assert "Save a copy to a file" in tab.text_content(ERROR)
        fill_plan_without_saving(tab)
        assert "this visit only" in tab.text_content(ERROR) + tab.text_content(STATUS)
        exported = json.loads(export_plan(tab, tmp_path).read_text())
        assert exported["fields"]["action"] == TYPED["#plan-action"]
        assert exported["fields"]["check-rest"] is True
    finally:
        context.close()


def fill_plan_without_saving(tab) -> None:
    add_sessions(tab)
    for selector in TICKED:  # first: "how often" shows once a practice is picked
        tick(tab, selector)
    for selector, text in TYPED.items():
        fill_in(tab, selector, text)
    expect(tab.locator(STATUS)).to_contain_text("Not saved")
    assert_filled(tab)


def test_two_tabs_keep_both_edits(context, site_url):
    first, second = open_plan(context, site_url), open_plan(context, site_url)
    fill_in(first, "#plan-action", "Walk after dinner")
    second.wait_for_function("() => document.querySelector('#plan-action').value === 'Walk after dinner'")
    assert "another tab" in second.text_content(STATUS)
    fill_in(second, "#plan-crisis-person", "My sister")
    first.wait_for_function("() => document.querySelector('#plan-crisis-person').value === 'My sister'")
    reopen(first)
    assert first.input_value("#plan-action") == "Walk after dinner"
    assert first.input_value("#plan-crisis-person") == "My sister"


def test_a_tab_that_missed_the_other_tabs_save_merges_and_warns(context, site_url):
    """As when a tab in the background did not hear of a save: it must not overwrite it."""
    deaf = "window.addEventListener('storage', e => e.stopImmediatePropagation())"  # runs before the page's own
    first, second = open_plan(context, site_url), open_plan(context, site_url, init_script=deaf)
    fill_in(first, "#plan-action", "Walk after dinner")
    fill_in(first, "#plan-action-when", "After dinner")
    first.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('saved')")
    # Two changes in one save (one part of the plan: going to another takes longer than a save waits).
    tick(second, "#plan-summary-step")
    fill_in(second, "#plan-action-when", "Before bed")
    second.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('other tab')")
    assert "My small step: When I will do it" in second.text_content(ERROR)
    assert second.input_value("#plan-action") == "Walk after dinner"  # the other tab's edit, kept
    reopen(first)
    assert first.input_value("#plan-action") == "Walk after dinner"
    assert first.is_checked("#plan-summary-step")
    assert first.input_value("#plan-action-when") == "Before bed"


def test_clear_asks_first_and_then_removes_everything(context, site_url):
    tab = open_plan(context, site_url)
    fill_plan(tab)
    tab.once("dialog", lambda dialog: dialog.dismiss())
    click_more(tab, "#plan-clear")
    assert_filled(tab)
    tab.once("dialog", lambda dialog: dialog.accept())
    click_more(tab, "#plan-clear")
    tab.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('cleared')")
    assert not any(shown_plan(tab).values())
    assert tab.evaluate("localStorage.getItem('ketamine-integration-plan')") is None
    reopen(tab)
    assert not any(shown_plan(tab).values())


def test_the_schedule_and_its_calendar_file(context, site_url, tmp_path):
    tab = open_plan(context, site_url)
    fill_plan(tab)  # the sessions added on the timeline (a version 2 plan's are in test_plan_data.py)
    reveal(tab, "#plan-schedule")
    schedule = tab.text_content("#plan-schedule")
    assert "Session 1: rest today" in schedule and "Daily practice" in schedule
    with tab.expect_download() as info:
        click_more(tab, "#plan-ics")
    path = tmp_path / "schedule.ics"
    info.value.save_as(path)
    raw = path.read_bytes()
    assert all(line.endswith(b"\r") for line in raw.split(b"\n")[:-1]), "every line ends in CRLF"
    assert all(len(line) <= 76 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(raw)
    events = {(str(e["SUMMARY"]), e.decoded("DTSTART")): e for e in calendar.walk("VEVENT")}
    day = dt.date
    assert ("Session 1: rest today", day(2026, 12, 1)) in events
    assert ("Before session 2: set your intention", day(2026, 12, 7)) in events
    after = events[("After session 1: journal and therapy", day(2026, 12, 2))]
    assert after.decoded("DTEND") == day(2026, 12, 5)  # the 24 to 72 hours after: Dec 2, 3 and 4
    assert "Dr. Rivera" in str(after["DESCRIPTION"])
    between = events[("Daily practice", day(2026, 12, 5))]
    assert between["RRULE"]["FREQ"] == ["DAILY"] and between["RRULE"]["UNTIL"][0] in (day(2026, 12, 6), dt.datetime(2026, 12, 6))
    assert "Keeping a journal (After each session, 20 minutes)" in str(between["DESCRIPTION"])
    session_day = events[("Session 1: rest today", day(2026, 12, 1))]
    assert SESSIONS[0][1] in str(session_day["DESCRIPTION"])  # escaped and read back whole
    therapy = events[("Integration therapy with Dr. Rivera", dt.datetime(2026, 12, 3, 14, 30))]
    assert therapy.decoded("DTEND") == dt.datetime(2026, 12, 3, 15, 30)
    for event in calendar.walk("VEVENT"):
        assert event["UID"] and event["DTSTAMP"]
    assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == len(calendar.walk("VEVENT"))


def test_the_plan_page_asks_nothing_of_another_origin(context, site_url):
    tab = context.new_page()
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    violations: list[str] = []
    tab.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    tab.goto(site_url + PLAN)
    fill_plan(tab)
    reopen(tab)
    tab.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(site_url) or url.startswith(("blob:", "data:")) for url in requested), requested
    assert violations == []


def test_every_control_is_reached_by_tab_with_a_visible_focus(context, site_url):
    tab = open_plan(context, site_url)
    # the controls of the part on the screen (the others are reached through the step list; those
    # behind "More" once it is open: test_plan_phone.py)
    controls = tab.evaluate("""() => [...document.querySelectorAll('#plan input, #plan textarea, #plan select, #plan button, #plan a')]
        .filter(el => el.getClientRects().length && el.type !== 'file' && !el.closest('details:not([open])')).map(el => el.id || el.href)""")
    tab.focus("#plan .plan-top__help")  # the first control of the plan
    reached, outlines = set(), set()
    for _ in range(len(controls) * 3):
        focused = tab.evaluate("""() => { const el = document.activeElement;
            if (!el.closest('#plan')) return null;
            const style = getComputedStyle(el);
            return [el.id || el.href, style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2]; }""")
        if focused:
            reached.add(focused[0])
            if focused[1]:
                outlines.add(focused[0])
        elif reached:
            break
        tab.keyboard.press("Tab")
    assert set(controls) <= reached, set(controls) - reached
    assert reached <= outlines, f"no visible focus on {reached - outlines}"


def test_at_320_pixels_wide_nothing_scrolls_sideways(browser, site_url):
    context = dated(browser.new_context(viewport={"width": 320, "height": 640}))
    try:
        tab = open_plan(context, site_url)
        fill_plan(tab)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_without_javascript_the_page_is_a_blank_printable_plan(browser, site_url, tmp_path):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + PLAN)
        assert tab.is_visible("#plan-nojs")
        assert tab.is_hidden("#plan-toolbar")
        paper = tab.locator("#plan .plan-paper")  # shown on the screen: a plan to print and fill in by hand
        for label in ("Session 1", "Keeping a journal", "Set an intention.", "My support people", CRISIS_LINE):
            assert paper.get_by_text(label, exact=False).first.is_visible(), label
        assert tab.locator("#plan button:visible, #plan input:visible, #plan textarea:visible").count() == 0
        assert_prints_on_paper(tab, tmp_path / "blank.pdf")
    finally:
        context.close()


def test_with_scripts_on_the_paper_is_not_drawn_but_comes_back_if_the_plan_script_never_starts(browser, site_url):
    """With scripts on, the page opens in its loading state: the plan on paper is never laid out
    under the theme's start-up (the opening's longest task). If the plan's script never runs (a
    file missing from a half-saved offline copy), the paper and the no-script note come back."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.route("**/javascripts/plan/page.js*", lambda route: route.abort())
        tab.goto(site_url + PLAN, wait_until="load")
        paper = tab.locator("#plan .plan-paper h2").first
        assert tab.evaluate("() => document.documentElement.classList.contains('js')")  # the theme's script ran
        assert paper.is_hidden() and tab.is_hidden("#plan-nojs")
        assert tab.eval_on_selector("#plan .plan-paper", "el => el.getBoundingClientRect().height") < 2
        expect(paper).to_be_visible(timeout=15000)
        expect(tab.locator("#plan-nojs")).to_be_visible()
    finally:
        context.close()


def test_an_empty_plan_prints_write_in_spaces_not_browser_controls(context, site_url, tmp_path):
    tab = open_plan(context, site_url)
    assert_prints_on_paper(tab, tmp_path / "empty.pdf")


def test_a_filled_plan_prints_on_one_or_two_pages_and_no_page_ends_on_a_heading(context, site_url, tmp_path):
    import pdfplumber

    tab = open_plan(context, site_url)
    fill_plan(tab)
    assert 1 <= printed_pages(tab, tmp_path / "plan.pdf") <= 2
    with pdfplumber.open(tmp_path / "plan.pdf") as pdf:
        for number, page in enumerate(pdf.pages[:-1], start=1):
            lines = [line for line in page.extract_text_lines() if line["text"].strip() not in ("", str(number))]
            letters = [c for c in lines[-1]["chars"] if c["text"].strip()]
            assert not all("Bold" in c["fontname"] for c in letters), f"page {number} ends on a heading: {lines[-1]['text']!r}"


def assert_prints_on_paper(tab, path: Path) -> None:
    """In print, the plan on paper shows (lines to write on, squares to tick, every session and
    person), and no form control, button or sentence about the screen."""
    tab.emulate_media(media="print")
    visible = tab.evaluate("""() => {
        const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        return {
            controls: [...document.querySelectorAll('#plan input, #plan textarea, #plan button')].filter(shown).length,
            lines: [...document.querySelectorAll('.plan-paper .ws-rule')].filter(shown).map(r => r.getBoundingClientRect().height),
            ticks: [...document.querySelectorAll('.plan-paper .ws-tick')].filter(shown).length,
        };
    }""")
    tab.emulate_media(media=None)
    assert visible["controls"] == 0, "form controls print"
    assert len(visible["lines"]) > 30 and min(visible["lines"]) * 25.4 / 96 >= 8, "lines to write on, 8 mm apart"
    assert visible["ticks"] > 20
    tab.pdf(path=str(path), format="Letter")
    text = " ".join(" ".join(page_text(page).split()) for page in PdfReader(path).pages)
    for words in ("Session 6", "Person 3", "How to reach them", "Next appointment", "The first person I will reach out to"):
        assert words in text, words
    for screen in ("mm/dd/yyyy", "running this page's script", "saved in this browser", "Print my plan", "Save a copy"):
        assert screen not in text, screen
    assert len(PdfReader(path).pages) <= 6


def test_a_filled_plan_prints_only_what_was_written_in_full(context, site_url, tmp_path):
    tab = open_plan(context, site_url)
    fill_plan(tab)
    long_words = "I want to notice when I am hard on myself and stop, breathe, and say one kind thing instead. " * 3
    fill_in(tab, session_field(tab, 2, "intention"), long_words.strip())
    tab.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('saved')")
    path = tmp_path / "plan.pdf"
    printed_pages(tab, path)
    text = " ".join(" ".join(page_text(page).split()) for page in PdfReader(path).pages)
    assert long_words.strip() in text, "a long text prints whole, wrapped, not cut off"
    for typed in ("After each session", "Dr. Rivera", "A short walk after dinner", "My sister", "Sam", "555-0100"):
        assert typed in text, typed
    assert "December 1, 2026" in text, "a date as words"
    for unwritten in ("Session 3", "Person 2", "mm/dd/yyyy"):
        assert unwritten not in text, unwritten
    assert CRISIS_LINE in text, "the crisis lines always print"


def printed_pages(tab, path: Path) -> int:
    """How many US Letter pages the page prints on (pypdf: poppler is not installed by `make test`)."""
    tab.pdf(path=str(path), format="Letter")
    return len(PdfReader(path).pages)


def test_axe_finds_no_accessibility_violations_on_a_filled_plan(context, site_url):
    from axe_playwright_python.sync_playwright import Axe

    tab = open_plan(context, site_url)
    fill_plan(tab)
    # The plan builder itself; the theme and the notices are the whole site's, checked elsewhere.
    results = Axe().run(tab, context={"include": [["#plan"]]}, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]})
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == [], violations
