"""The plan as a companion between sessions, as a patient uses it in real Chromium against the
real built site: sessions on a timeline, check-ins and the WHO-5, the chart, the safety plan, the
evening after a session, and the parts a patient steps through. Screenshots go to /work/shots/plan/
(PLAN_SHOTS) for a person to look at."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from plan_page import OPEN_EVERYTHING, export_plan, import_file, reopen, wait_for_worker

SHOTS = Path(os.environ.get("PLAN_SHOTS", "/work/shots/plan"))
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
SAVED = "() => document.querySelector('#plan-status').textContent.includes('saved')"

SESSIONS = [
    {"date": "2026-09-02", "time": "09:30", "intention": "Listen to what my body says 🌱", "feeling": "4",
     "journal-noticed": "Warmth in my chest,\nthen a memory of the lake.", "themes": "Grief\nMy father"},
    {"date": "2026-09-16", "time": "", "intention": "Stay curious about the fear", "feeling": "5",
     "journal-noticed": "Less fear than last time; \"it passed\"", "themes": "grief\nTrust"},
    {"date": "2026-09-30", "time": "14:00", "intention": "Let the day be what it is", "feeling": "6",
     "journal-noticed": "Mostly quiet. A & B & C.", "themes": "Trust"},
]
CHECKINS = [("2026-09-03", "3", "4"), ("2026-09-17", "5", "6"), ("2026-10-01", "7", "6")]
TODAY = dt.datetime(2026, 10, 5, 9, 0)  # the day the pages live in (page.clock): a few days after the last check-in


def new_context(browser, **options):
    """A browser context whose pages live from TODAY on (page.clock: time runs, and can be moved on)."""
    context = browser.new_context(**options)
    context.clock.install(time=TODAY)
    return context


def open_plan(context, url: str, part: str = ""):
    tab = context.new_page()
    tab.goto(url + "plan/" + part)
    tab.wait_for_selector("#plan-toolbar:not([hidden])")
    return tab


def add(tab, kind: str) -> str:
    """Press the add button of an entry kind; the id of the entry it opened."""
    tab.click(f"#plan-add-{kind}")
    return tab.evaluate("() => document.activeElement.closest('[data-id]').dataset.id")  # its first field has the focus


def set_date(tab, selector: str, date: str) -> None:
    tab.fill(selector, date)
    tab.locator(selector).blur()


def add_everything(tab) -> dict[str, str]:
    """Three sessions with journals, three check-ins and one WHO-5; {field name: value} typed."""
    typed: dict[str, str] = {}
    tab.click("a[href='#plan-step-sessions']")
    for session in SESSIONS:
        sid = add(tab, "session")
        set_date(tab, f"#plan-session-{sid}-date", session["date"])
        for part, value in session.items():
            if part == "date" or not value:
                continue
            selector = f"#plan-session-{sid}-{part}"
            if part == "feeling":
                tab.select_option(selector, value)
            else:
                tab.fill(selector, value)
            typed[f"session-{sid}-{part}"] = value
        typed[f"session-{sid}-date"] = session["date"]
    tab.click("a[href='#plan-step-checkins']")
    for date, mood, sleep in CHECKINS:
        cid = add(tab, "checkin")
        set_date(tab, f"#plan-checkin-{cid}-date", date)
        tab.select_option(f"#plan-checkin-{cid}-mood", mood)
        tab.select_option(f"#plan-checkin-{cid}-sleep", sleep)
        typed.update({f"checkin-{cid}-date": date, f"checkin-{cid}-mood": mood, f"checkin-{cid}-sleep": sleep})
    tab.check(f"#plan-checkin-{cid}-effect-headache")
    tab.fill(f"#plan-checkin-{cid}-note", "Slept badly, then better.\nOK now.")
    typed[f"checkin-{cid}-note"] = "Slept badly, then better.\nOK now."
    wid = add(tab, "wellbeing")
    set_date(tab, f"#plan-wellbeing-{wid}-date", "2026-09-20")
    typed[f"wellbeing-{wid}-date"] = "2026-09-20"
    for item, answer in enumerate(["2", "3", "2", "1", "3"], start=1):
        tab.select_option(f"#plan-wellbeing-{wid}-q{item}", answer)
        typed[f"wellbeing-{wid}-q{item}"] = answer
    tab.wait_for_function(SAVED)
    return typed


def shown(tab) -> dict:
    """Every value the page shows, each entry and month opened first (a folded one is built when opened)."""
    tab.evaluate(OPEN_EVERYTHING)
    return tab.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#plan [name]')]
        .filter(el => el.type !== 'file' && el.type !== 'checkbox' && el.value).map(el => [el.name, el.value]))""")


def assert_all_there(tab, typed: dict[str, str]) -> None:
    values = shown(tab)
    missing = {name: value for name, value in typed.items() if values.get(name) != value}
    assert not missing, f"not shown as typed: {missing}"
    assert tab.locator("#plan-sessions > details").count() == 3
    assert tab.locator("#plan-checkins .plan-entry").count() == 3
    tab.click("#plan-steps a[href='#plan-step-checkins']")
    assert tab.locator("#plan-chart .plan-chart-svg .plan-chart-mood .plan-chart-point").count() == 3
    assert tab.locator("#plan-chart .plan-chart-svg .plan-chart-sleep .plan-chart-point").count() == 3
    assert tab.locator("#plan-chart .plan-chart-svg .plan-chart-wellbeing .plan-chart-point").count() == 1
    assert tab.locator("#plan-chart .plan-chart-svg .plan-chart-session").count() == 3


@pytest.fixture
def context(browser):
    context = new_context(browser, accept_downloads=True, viewport=PHONE)
    yield context
    context.close()


def test_three_sessions_check_ins_and_a_who5_are_all_there_after_a_reload_and_offline(context, site_url):
    tab = open_plan(context, site_url)
    wait_for_worker(tab)
    typed = add_everything(tab)
    tab.goto(site_url + "plan/#plan-step-sessions")
    tab.wait_for_selector("#plan-toolbar:not([hidden])")
    # the timeline: in date order, the last session open and the earlier ones folded away
    titles = tab.locator("#plan-sessions [data-title]").all_text_contents()
    assert [t.split(":")[0] for t in titles] == ["Session 1", "Session 2", "Session 3"]
    assert "September 2, 2026, 9:30 AM" in titles[0]  # the time as the schedule says it, in the page's language
    assert tab.eval_on_selector_all("#plan-sessions > details", "els => els.map(e => e.open)") == [False, False, True]
    # the themes across sessions, whatever their capitals
    themes = tab.locator("#plan-themes li").all_text_contents()
    assert themes == ["Grief: Session 1, Session 2", "My father: Session 1", "Trust: Session 2, Session 3"]
    # each session lists its own check-ins
    first = tab.locator("#plan-sessions > details").first
    first.locator("summary").click()
    expect(first.locator("[data-checkins] li")).to_have_text(["September 3, 2026: mood 3, sleep 4"])
    # the WHO-5's raw score, and what a score below 13 means
    expect(tab.locator("[data-kind=wellbeing] [data-score]")).to_contain_text("11 out of 25 (44%)")
    low = tab.locator("[data-kind=wellbeing] [data-low]")
    assert "not a diagnosis" in low.text_content() and "do not ask about thoughts of suicide" in low.text_content()
    assert low.locator("a").get_attribute("href") == "../crisis/"
    assert tab.locator("[data-kind=wellbeing] [data-urgent]").is_hidden(), "11, the only one: not 7 or less"
    assert_all_there(tab, typed)
    context.set_offline(True)
    reopen(tab)
    assert_all_there(tab, typed)


def test_three_sessions_saved_to_a_file_open_in_a_fresh_browser_as_typed(browser, context, site_url, tmp_path):
    """Moving to another device: the file, opened in a new profile with empty storage, gives back
    every session, journal, check-in and the WHO-5, and the chart shows them."""
    tab = open_plan(context, site_url)
    typed = add_everything(tab)
    tab.wait_for_function(SAVED)
    path = export_plan(tab, tmp_path)
    fresh = new_context(browser, accept_downloads=True, viewport=PHONE)
    try:
        other = open_plan(fresh, site_url)
        other.on("dialog", lambda dialog: dialog.accept())
        import_file(other, path)
        other.wait_for_function("() => document.querySelectorAll('#plan-sessions > details').length === 3")
        assert_all_there(other, typed)
        reopen(other)
        assert_all_there(other, typed)  # and kept in the new browser
    finally:
        fresh.close()


def test_the_chart_has_a_table_for_screen_readers_that_shows_on_request(context, site_url):
    tab = open_plan(context, site_url)
    add_everything(tab)
    table = tab.locator("#plan-chart-table table")
    expect(table.locator("caption")).to_have_text("My check-ins in October 2026")  # a month at a time, the latest first
    assert tab.get_attribute("#plan-chart svg", "role") == "img"
    holder = tab.locator("#plan-chart-table")
    assert holder.bounding_box()["width"] <= 2  # in the accessibility tree, not on the screen
    tab.click("#plan-chart-table-toggle")
    assert tab.get_attribute("#plan-chart-table-toggle", "aria-expanded") == "true"
    assert holder.bounding_box()["width"] > 200 and table.is_visible()
    expect(tab.locator("#plan-chart-later")).to_be_disabled()
    tab.click("#plan-chart-earlier")
    expect(table.locator("caption")).to_have_text("My check-ins in September 2026")
    rows = table.locator("tr").all_inner_texts()
    assert any("Sep 3" in r and "3" in r and "4" in r for r in rows)  # the caption names the month and year
    assert any("Sep 20" in r and "11" in r for r in rows)


def test_a_removed_session_takes_all_its_fields_and_nothing_else(context, site_url):
    tab = open_plan(context, site_url)
    typed = add_everything(tab)
    tab.click("a[href='#plan-step-sessions']")
    first = tab.locator("#plan-sessions > details").first
    sid = first.get_attribute("data-id")
    first.locator("summary").click()
    first.locator("[data-remove]").click()
    tab.wait_for_function(SAVED)
    reopen(tab)
    values = shown(tab)
    assert not [name for name in values if f"-{sid}-" in name]
    assert {n: v for n, v in typed.items() if f"-{sid}-" not in n}.items() <= values.items()


def test_undo_puts_back_a_removed_session_with_its_journal(context, site_url):
    """Removed by mistake: "Undo" stays at least ten seconds (until the next removal) and brings back every word."""
    tab = open_plan(context, site_url)
    typed = add_everything(tab)
    tab.click("a[href='#plan-step-sessions']")
    first = tab.locator("#plan-sessions > details").first
    sid = first.get_attribute("data-id")
    first.locator("summary").click()
    first.locator("[data-remove]").click()
    undo = tab.locator("#plan-undo-button")
    expect(undo).to_be_visible()
    expect(tab.locator("#plan-undo-text")).to_contain_text("Session 1: September 2, 2026")
    tab.wait_for_function(SAVED)
    assert not [name for name in shown(tab) if f"-{sid}-" in name]
    tab.clock.fast_forward(10_000)  # ten seconds on: still there
    expect(undo).to_be_visible()
    tab.click("a[href='#plan-step-sessions']")
    undo.click()
    expect(tab.locator(f"#plan-session-{sid}")).to_be_visible()
    expect(tab.locator(f"#plan-session-{sid}-journal-noticed")).to_have_value(SESSIONS[0]["journal-noticed"])
    tab.wait_for_function(SAVED)
    reopen(tab)
    assert typed.items() <= shown(tab).items(), "every field of the session back, saved"


def test_emptying_a_date_does_not_hide_an_entry(context, site_url):
    tab = open_plan(context, site_url, "#plan-step-sessions")
    sid = add(tab, "session")
    tab.fill(f"#plan-session-{sid}-intention", "Keep me")
    tab.fill(f"#plan-session-{sid}-date", "")
    tab.locator(f"#plan-session-{sid}-date").blur()
    tab.wait_for_function(SAVED)
    reopen(tab)
    assert tab.input_value(f"#plan-session-{sid}-intention") == "Keep me"


def test_phone_numbers_in_the_safety_plan_become_tap_to_call_links(context, site_url):
    tab = open_plan(context, site_url, "#plan-step-safety")
    tab.fill("#plan-safety-people", "Sam (555) 010-0199 & any time\nMy aunt +44 20 7946 0958")
    links = tab.locator("#plan-step-safety .plan-tel a")
    expect(links).to_have_text(["Call Sam at (555) 010-0199", "Call My aunt at +44 20 7946 0958"])
    assert [links.nth(i).get_attribute("href") for i in range(2)] == ["tel:5550100199", "tel:+442079460958"]
    # the crisis lines in force are one tap away from the top of every part
    tab.click("a[href='#plan-step-checkins']")
    tab.click(".plan-top__help")
    assert tab.is_visible("#plan-help a[href='tel:988']")


def test_a_number_typed_in_any_safety_field_calls_the_person_and_prints_on_the_card(context, site_url):
    """Issue 20 item 4: "Maria 555 201 3344" in each field of the safety plan, the first person to
    reach out to included; My people's numbers named by their Name; the card printed with them all."""
    tab = open_plan(context, site_url, "#plan-step-people")
    tab.fill("#plan-support-1-name", "Ana")
    tab.fill("#plan-support-1-contact", "555 201 0001")
    tab.fill("#plan-therapist-name", "Dr. Lee")
    tab.fill("#plan-therapist-contact", "Office (555) 201-0002")
    tab.click("a[href='#plan-step-safety']")
    fields = tab.locator("#plan-safety-card .plan-phones :is(textarea, input)")
    names = [fields.nth(i).get_attribute("name") for i in range(fields.count())]
    assert "crisis-person" in names and len(names) >= 6, names
    for name in names:
        tab.fill(f"#plan-{name}", "Maria 555 201 3344")
        link = tab.locator(f"#plan-{name}").locator("xpath=ancestor::div[contains(@class, 'plan-phones')]").locator(".plan-tel a")
        expect(link).to_have_text("Call Maria at 555 201 3344")
        assert link.get_attribute("href") == "tel:5552013344", name
    card = tab.locator("#plan-card-people a")
    expect(card).to_have_text(["Call Ana at 555 201 0001", "Call Dr. Lee at (555) 201-0002"])
    assert tab.locator("#plan-card-people a").nth(1).get_attribute("href") == "tel:5552010002"
    # the first person to reach out to is the first thing under "Need help now"
    tab.click("a[href='#plan-step-checkins']")
    tab.click(".plan-top__help")
    first = tab.locator("#plan-help a").first
    expect(first).to_have_text("Call Maria at 555 201 3344")
    assert first.is_visible()
    tab.wait_for_function(SAVED)
    text = printed(tab, "#plan-print-safety")["text"]
    for number in ["555 201 3344", "555 201 0001", "(555) 201-0002", "988", "911"]:
        assert number in text, f"{number} not on the printed card"
    assert tab.locator("#plan-safety-card a[href='tel:911']").count() == 1, "the emergency number, one tap away"
    assert "Ana" in text and "Dr. Lee" in text


def test_a_check_in_or_who5_that_needs_help_shows_the_advice_and_numbers_beside_it(context, site_url):
    """Issue 23 item 11, at 390 px: each red-flag side effect, a mood of 0 and a WHO-5 of 7 show, inside
    that entry, the advice from the content and tap-to-call links for the numbers in force."""
    tab = open_plan(context, site_url, "#plan-evening")
    tab.fill("#plan-clinic-phone", "555 201 9999")  # this edition has no clinic number: the one typed
    tab.click("a[href='#plan-step-checkins']")
    red_flags = tab.evaluate("() => document.querySelector('#plan-red-flags').content.querySelector('[data-effects]').dataset.effects")
    assert red_flags, "the red-flag side effects the content names"
    cid = add(tab, "checkin")
    entry = tab.locator(f"#plan-checkin-{cid}")
    assert entry.locator(".plan-red-flag").count() == 0
    for key in red_flags.split():
        tab.check(f"#plan-checkin-{cid}-effect-{key}")
        body = entry.locator(".plan-red-flag[data-red-flag=body]")
        expect(body).to_contain_text("Bladder or urine trouble is a reason to call your clinic today")
        hrefs = body.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert "tel:5552019999" in hrefs and "tel:911" in hrefs, hrefs
        expect(body.locator("a[href='tel:5552019999']")).to_have_text("Call My clinic at 555 201 9999")
        tab.uncheck(f"#plan-checkin-{cid}-effect-{key}")
        expect(body).to_have_count(0)
    tab.select_option(f"#plan-checkin-{cid}-mood", "0")
    mood = entry.locator(".plan-red-flag[data-red-flag=mood]")
    expect(mood).to_contain_text("A mood this low is a reason to reach out now")
    assert mood.locator("a[href='tel:988']").is_visible() and mood.locator("a[href='tel:911']").is_visible()
    wid = add(tab, "wellbeing")
    for item, answer in enumerate(["2", "2", "1", "1", "1"], start=1):
        tab.select_option(f"#plan-wellbeing-{wid}-q{item}", answer)
    who5 = tab.locator(f"#plan-wellbeing-{wid}")
    expect(who5.locator("[data-score]")).to_have_text("Your score: 7 out of 25 (28%).")
    advice = who5.locator(".plan-red-flag[data-red-flag=wellbeing]")
    expect(advice).to_contain_text("A score this low is a reason to call your clinic soon")
    for href in ["tel:5552019999", "tel:988", "tel:911"]:
        assert advice.locator(f"a[href='{href}']").first.is_visible(), href
    assert who5.locator("[data-urgent]").is_hidden(), "said once, by the advice with its numbers"
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    SHOTS.mkdir(parents=True, exist_ok=True)
    advice.scroll_into_view_if_needed()
    tab.screenshot(path=str(SHOTS / "who5-advice-phone.png"))


def test_practice_details_show_only_for_practices_picked(context, site_url):
    tab = open_plan(context, site_url, "#plan-step-practices")
    assert tab.is_hidden("#plan-practice-journaling-often")
    tab.check("#plan-practice-journaling")
    assert tab.is_visible("#plan-practice-journaling-often")


def test_the_evening_after_a_session_is_one_tap_from_the_top_and_writes_in_todays_journal(context, site_url):
    tab = open_plan(context, site_url)
    tab.click(".plan-top__evening")
    assert tab.is_visible("#plan-evening-heading") and tab.is_hidden("#plan-step-sessions")
    assert tab.is_visible("#plan-evening a[href='tel:988']")
    tab.click("#plan-evening-add")
    prompt = tab.locator("#plan-evening-prompts textarea").first
    prompt.fill("Tired and calm.")
    tab.fill("#plan-evening-ride", "My sister")
    tab.wait_for_function(SAVED)
    tab.click("#plan-evening a[href='#plan-step-sessions']")
    journal = tab.locator("#plan-sessions > details[open] textarea[name$='-journal-noticed']")
    assert journal.input_value() == "Tired and calm."


def test_after_a_session_today_never_writes_into_last_weeks_session(context, site_url):
    """A session a week ago: the evening offers today's session first and writes only into it."""
    tab = open_plan(context, site_url, "#plan-step-sessions")
    last_week = add(tab, "session")
    set_date(tab, f"#plan-session-{last_week}-date", (TODAY - dt.timedelta(days=7)).date().isoformat())
    tab.fill(f"#plan-session-{last_week}-journal-noticed", "Last week's words")
    tab.wait_for_function(SAVED)
    tab.click(".plan-top__evening")
    prompts = tab.locator("#plan-evening-prompts textarea")
    expect(tab.locator("#plan-evening-add")).to_be_visible()
    assert prompts.first.is_hidden() and prompts.first.get_attribute("name") is None, "nowhere to type until the patient chose"
    tab.click("#plan-evening-add")
    expect(tab.locator("#plan-evening-into")).to_have_text("What you write here goes into Session 2: October 5, 2026.")
    prompts.first.fill("Tonight I feel tired and calm.")
    tab.wait_for_function(SAVED)
    fields = json.loads(tab.evaluate("localStorage.getItem('ketamine-integration-plan')"))["fields"]
    today = next(name[:-len("-date")] for name, value in fields.items()
                 if name.endswith("-date") and value == TODAY.date().isoformat())
    assert fields[f"{today}-journal-noticed"] == "Tonight I feel tired and calm."
    assert fields[f"session-{last_week}-journal-noticed"] == "Last week's words"
    tab.reload()
    tab.wait_for_selector("#plan-toolbar:not([hidden])")
    tab.click("a[href='#plan-step-sessions']")
    tab.evaluate(OPEN_EVERYTHING)
    assert tab.input_value(f"#plan-session-{last_week}-journal-noticed") == "Last week's words"
    assert tab.input_value(f"#plan-{today}-journal-noticed") == "Tonight I feel tired and calm."


def test_a_keyboard_walks_through_the_parts_and_the_progress_follows(context, site_url):
    tab = open_plan(context, site_url)
    assert tab.text_content("#plan-progress") == "0 of 6 parts started"
    for _ in range(60):
        tab.keyboard.press("Tab")
        if tab.evaluate("() => document.activeElement.getAttribute('href') === '#plan-step-checkins'"):
            break
    else:
        pytest.fail("Tab never reached the step list")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#plan-step-checkins:not(.plan-away)")  # the part follows the address, as it changes
    assert tab.is_visible("#plan-step-checkins") and tab.is_hidden("#plan-step-sessions")
    assert tab.evaluate("() => document.activeElement.id") == "plan-checkins-heading"
    assert tab.get_attribute("a[href='#plan-step-checkins']", "aria-current") == "step"
    tab.keyboard.press("Tab")  # into the part, on its first control: "Check in today"
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")  # the check-in opened with the mood focused; pick one by keyboard
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("ArrowDown")
    tab.wait_for_function(SAVED)
    assert tab.text_content("#plan-progress") == "1 of 6 parts started"
    next_link = tab.locator("#plan-step-checkins [data-step-next]")
    next_link.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#plan-step-practices:not(.plan-away)")
    assert tab.is_hidden("#plan-step-checkins")
    assert tab.evaluate("() => document.activeElement.id") == "plan-practices-heading"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_axe_finds_nothing_on_any_part_of_a_filled_plan(browser, site_url, viewport):
    context = new_context(browser, viewport=viewport)
    try:
        tab = open_plan(context, site_url)
        add_everything(tab)
        problems = []
        for part in ["plan-step-sessions", "plan-step-checkins", "plan-step-practices", "plan-step-people",
                     "plan-step-safety", "plan-step-summary", "plan-evening"]:
            tab.evaluate(f"() => {{ location.hash = '{part}'; }}")
            tab.wait_for_selector(f"#{part}:not(.plan-away)")
            tab.evaluate("() => document.querySelectorAll('#plan details').forEach(d => { d.open = true; })")
            result = Axe().run(tab, options={"resultTypes": ["violations"],
                                             "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]}})
            for v in result.response["violations"]:
                problems.append(f"{part}: {v['id']}: {v['help']}: {[n['target'] for n in v['nodes'][:3]]}")
        assert not problems, "\n".join(problems)
    finally:
        context.close()


@pytest.mark.parametrize("name,viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots_of_each_screen(browser, site_url, name, viewport):
    """Not a check of pixels: pictures of the timeline, the chart, the safety plan and the evening
    after a session, for a person to look at; it fails only if a screen does not show."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = new_context(browser, viewport=viewport)
    try:
        tab = open_plan(context, site_url)
        add_everything(tab)
        tab.click("a[href='#plan-step-safety']")
        tab.fill("#plan-safety-people", "Sam (555) 010-0199")
        tab.wait_for_function(SAVED)
        for shot, part, anchor in [("steps", "plan-step-sessions", "#plan-toolbar"),
                                   ("timeline", "plan-step-sessions", "#plan-sessions"),
                                   ("chart", "plan-step-checkins", "#plan-chart-section"),
                                   ("safety", "plan-step-safety", "#plan-safety-heading"),
                                   ("evening", "plan-evening", "#plan-evening-heading")]:
            tab.evaluate(f"() => {{ location.hash = '{part}'; }}")
            tab.wait_for_selector(f"#{part}:not(.plan-away)")
            tab.locator(anchor).scroll_into_view_if_needed()
            tab.evaluate(f"() => document.querySelector('{anchor}').scrollIntoView({{block: 'start'}})")
            tab.screenshot(path=str(SHOTS / f"{shot}-{name}.png"))
    finally:
        context.close()


def test_the_guide_is_installable_and_its_icons_are_kept_for_offline_use(context, site_url):
    tab = open_plan(context, site_url)
    cdp = context.new_cdp_session(tab)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == [] and manifest["url"].startswith(site_url + "manifest.webmanifest")
    # Playwright's contexts are incognito, where Chromium installs nothing; any other reason is ours
    errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    assert [e for e in errors if e != "in-incognito"] == []
    names = wait_for_worker(tab)
    cached = tab.evaluate("async (name) => (await (await caches.open(name)).keys()).map(r => r.url)", names[0])
    assert {site_url + "brand/icon-192.png", site_url + "brand/icon-512.png"} <= {url.split("?")[0] for url in cached}


# Stands in for the print dialog: what the page shows while it prints (print media emulated).
RECORD_PRINT = """() => { window.print = () => { window.__printed = {
    text: document.body.innerText,
    svgs: [...document.querySelectorAll('#plan-summary-print .plan-chart-svg')].filter(s => s.getClientRects().length).length,
    card: document.querySelector('#plan-safety-card').getBoundingClientRect().width,
    classes: document.documentElement.className }; }; }"""


def printed(tab, button: str) -> dict:
    tab.evaluate(RECORD_PRINT)
    tab.emulate_media(media="print")  # buttons do not print: the click is sent as the patient's was
    tab.dispatch_event(button, "click")
    tab.emulate_media(media="screen")
    return tab.evaluate("window.__printed")


def test_the_therapist_summary_prints_only_the_parts_the_patient_chose(context, site_url):
    tab = open_plan(context, site_url)
    add_everything(tab)
    tab.click("a[href='#plan-step-summary']")
    tab.fill("#plan-action", "Walk every morning")
    tab.check("#plan-summary-themes")
    tab.check("#plan-summary-checkins")
    out = printed(tab, "#plan-print-summary")
    assert "My integration summary" in out["text"] and "Grief: in 2 of 3 sessions" in out["text"]
    assert out["svgs"] == 1, "the chart of the check-ins"
    assert "Walk every morning" not in out["text"] and "Listen to what my body says" not in out["text"]
    tab.check("#plan-summary-step")
    assert "Walk every morning" in printed(tab, "#plan-print-summary")["text"]
    assert "plan-printing" not in tab.evaluate("document.documentElement.className")  # printing the plan is as before


def test_the_safety_plan_prints_alone_as_a_small_card(context, site_url):
    tab = open_plan(context, site_url, "#plan-step-safety")
    tab.fill("#plan-safety-warning-signs", "I stop answering my phone")
    out = printed(tab, "#plan-print-safety")
    assert "I stop answering my phone" in out["text"] and "Call or text 988" in out["text"]
    assert "My sessions" not in out["text"] and "Print my safety card" not in out["text"]
    assert 380 <= out["card"] <= 420, "105 mm wide (A6), to fold into a wallet"


@pytest.mark.parametrize("width", [320, 640], ids=["320px", "200% zoom of 1280px"])
def test_no_part_scrolls_sideways_on_a_narrow_screen(browser, site_url, width):
    context = new_context(browser, viewport={"width": width, "height": 700})
    try:
        tab = open_plan(context, site_url)
        add_everything(tab)
        for part in ["plan-step-sessions", "plan-step-checkins", "plan-step-safety", "plan-step-summary", "plan-evening"]:
            tab.evaluate(f"() => {{ location.hash = '{part}'; }}")
            tab.wait_for_selector(f"#{part}:not(.plan-away)")
            tab.evaluate("() => document.querySelectorAll('#plan details').forEach(d => { d.open = true; })")
            assert tab.evaluate("document.documentElement.scrollWidth") <= width, part
            if part == "plan-step-checkins":  # the chart's table too, shown: it scrolls in its own box
                tab.click("#plan-chart-table-toggle")
                assert tab.evaluate("document.documentElement.scrollWidth") <= width, "the chart's table"
                assert tab.get_attribute("#plan-chart-table", "tabindex") == "0", "its box takes focus, to scroll by keyboard"
        assert tab.eval_on_selector("#plan-chart svg", "svg => svg.getBoundingClientRect().right") <= width
    finally:
        context.close()
