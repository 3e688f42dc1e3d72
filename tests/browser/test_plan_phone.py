"""The plan as seen on a phone (issue 20 item 7, issue 22 item 3), in real Chromium against the
built site, in both languages: the rare buttons behind one "More", a schedule of what is coming
with today marked and the past folded, sessions folded by month at a year, one time format, the
chart's table readable at 320 and 390 px, the WHO-5's instruction inside its box, links to the
worksheets, no paper wording on a drop-down. The pages live on a fixed day (page.clock)."""

from __future__ import annotations

import datetime as dt
import json
from contextlib import contextmanager

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from benchmarks.plan_scale import plan_document
from plan_page import KEY

TODAY = dt.date(2026, 12, 7)
LANGUAGES = {"en": {"path": "", "today": "Today", "more": "More"}, "es": {"path": "es/", "today": "Hoy", "more": "Más"}}
AXE_TAGS = {"resultTypes": ["violations"],
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]}}


def plan_with(fields: dict) -> str:
    return json.dumps({"format": KEY, "version": 3, "fields": fields})


def sessions(*days: int, time: str = "", intention: str = "") -> dict:
    """Sessions `days` from TODAY (negative: past), each with its own id."""
    fields = {}
    for n, offset in enumerate(days):
        prefix = f"session-s{n:02d}abc-"
        fields[prefix + "date"] = (TODAY + dt.timedelta(days=offset)).isoformat()
        if time:
            fields[prefix + "time"] = time
        if intention:
            fields[prefix + "intention"] = f"{intention} {n + 1}"
    return fields


@contextmanager
def open_plan(browser, site_url: str, stored: str | None, lang: str = "en", width: int = 390, part: str = "",
              scheme: str = "light"):
    """The plan at a phone's width on a fixed day (with ``stored`` as the saved plan), as (context, tab),
    closed at the end of the with-block."""
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    context.clock.set_fixed_time(dt.datetime.combine(TODAY, dt.time(9, 0)))
    tab = context.new_page()
    if stored is not None:
        tab.goto(site_url)
        tab.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, stored])
    tab.goto(site_url + LANGUAGES[lang]["path"] + "plan/" + part)
    tab.wait_for_selector("#plan-toolbar:not([hidden])")
    try:
        yield context, tab
    finally:
        context.close()


def axe_problems(tab, where: str) -> list[str]:
    result = Axe().run(tab, options=AXE_TAGS)
    return [f"{where}: {v['id']}: {v['help']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_rare_buttons_wait_behind_one_more_control_reached_by_keyboard(browser, site_url, lang):
    with open_plan(browser, site_url, None, lang) as (context, tab):
        shown = tab.locator("#plan-toolbar button:visible, #plan-toolbar summary:visible")
        assert shown.count() == 3, shown.all_inner_texts()  # print, save a copy, More
        more = tab.locator("#plan-more > summary")
        expect(more).to_have_text(LANGUAGES[lang]["more"])
        for rare in ["#plan-clear", "#plan-open", "#plan-ics"]:
            expect(tab.locator(rare)).to_be_hidden()
        height = tab.locator("#plan-toolbar").bounding_box()["height"]
        assert height < 150, f"three buttons between the intro and the steps, not five rows: {height} px"
        more.focus()
        tab.keyboard.press("Enter")
        expect(tab.locator("#plan-clear")).to_be_visible()
        assert tab.evaluate("document.querySelector('#plan-more').open")
        for _ in range(3):
            tab.keyboard.press("Tab")
        assert tab.evaluate("document.activeElement.id") == "plan-clear"
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        assert axe_problems(tab, "More open") == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_schedule_shows_today_marked_and_what_is_coming_the_past_folded(browser, site_url, lang):
    stored = plan_with(sessions(-30, -16, 0, 14, 28, intention="Own words") | {"reminder-session": "60"})
    with open_plan(browser, site_url, stored, lang, part="#plan-step-sessions") as (context, tab):
        coming = tab.locator("#plan-schedule > li")
        expect(coming.first).to_be_visible()
        today = tab.locator("#plan-schedule > li.plan-today")
        assert today.count() >= 1
        for item in today.all():
            expect(item.locator(".plan-today-mark")).to_have_text(LANGUAGES[lang]["today"])
        assert tab.locator("#plan-schedule > li:not(.plan-today) .plan-today-mark").count() == 0
        text = coming.all_inner_texts()
        assert not any("Nov" in t or "nov" in t for t in text), "no past date among what is coming: " + "\n".join(text)
        assert sum("Own words 3" in t for t in text) == 1, "today's session's own words, on its day (the day before is past)"
        for n in (4, 5):
            assert sum(f"Own words {n}" in t for t in text) == 2, "each session's own words, the day before and the day"
        sentences = [s.strip() for t in text for s in t.split(": ", 1)[-1].split(".") if len(s.strip()) > 25]
        repeated = {s for s in sentences if sentences.count(s) > 1 and "Own words" not in s}
        assert not repeated, repeated
        past = tab.locator("#plan-schedule-past")
        expect(past.locator("summary")).to_be_visible()
        assert not past.evaluate("d => d.open") and past.locator("li").count() == 0, "the past folded, and not drawn"
        count = int("".join(ch for ch in past.locator("summary").inner_text() if ch.isdigit()))
        past.locator("summary").click()
        expect(past.locator("li")).to_have_count(count)


@pytest.mark.parametrize("case", ["none today", "only past"])
def test_the_schedule_with_no_session_today_or_only_past_ones(browser, site_url, case):
    stored = plan_with(sessions(-3, 10) if case == "none today" else sessions(-90, -60))
    with open_plan(browser, site_url, stored, part="#plan-step-sessions") as (context, tab):
        past = tab.locator("#plan-schedule-past summary")
        expect(past).to_be_visible()
        if case == "none today":
            # three days after a session: its "journal and therapy" days take in today, marked; nothing else is
            expect(tab.locator("#plan-schedule > li.plan-today")).to_have_count(1)
            expect(tab.locator("#plan-schedule > li.plan-today")).to_contain_text("After session 1")
        else:
            expect(tab.locator("#plan-schedule")).to_be_hidden()
            expect(tab.locator("#plan-schedule-empty")).to_be_hidden()
            assert "8" in past.inner_text(), "both sessions' four events, counted"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_sessions_time_is_said_as_the_schedule_says_it(browser, site_url, lang):
    with open_plan(browser, site_url, plan_with(sessions(14, time="10:30")), lang, part="#plan-step-sessions") as (context, tab):
        title = tab.locator("#plan-sessions [data-title]").first.inner_text()
        day = tab.locator("#plan-schedule > li").filter(has_text="10:30").first.locator("strong").last.inner_text()
        shown = day.split("10:30", 1)[1]
        assert ("10:30" + shown).strip() in title, (title, day)
        if lang == "en":
            assert "10:30 AM" in title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_year_of_sessions_folds_by_month_each_month_counted(browser, site_url, lang):
    stored = json.dumps(plan_document(1, end=TODAY))
    with open_plan(browser, site_url, stored, lang, part="#plan-step-sessions") as (context, tab):
        months = tab.locator("#plan-sessions > details.plan-month")
        expect(months.first).to_be_visible()
        assert tab.locator("#plan-sessions > details.plan-entry").count() == 0
        titles = months.locator("> summary h3").all_inner_texts()
        counts = [int(t.rsplit("(", 1)[1].rstrip(")")) for t in titles]
        assert sum(counts) == 40, titles
        assert months.evaluate_all("ms => ms.map(m => m.open)") == [True] + [False] * (len(titles) - 1)
        months.last.locator("summary").click()
        expect(months.last.locator("details.plan-entry")).to_have_count(counts[-1])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [320, 390])
def test_the_chart_table_is_readable_on_a_phone(browser, site_url, lang, width):
    with open_plan(browser, site_url, json.dumps(plan_document(1, end=TODAY)), lang, width, "#plan-step-checkins") as (context, tab):
        tab.click("#plan-chart-table-toggle")
        holder = tab.locator("#plan-chart-table")
        expect(holder.locator("caption")).to_be_visible()
        sizes = holder.evaluate("h => ({ table: h.querySelector('table').scrollWidth, box: h.clientWidth })")
        cut = tab.evaluate("""() => [...document.querySelectorAll('#plan-chart-table :is(th, td)')]
            .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent)""")
        assert cut == [], "no cell cuts its words"
        if sizes["table"] > sizes["box"]:  # then it scrolls in a box a keyboard and a screen reader know of
            assert holder.get_attribute("tabindex") == "0" and holder.get_attribute("role") == "region"
            assert holder.evaluate("h => document.getElementById(h.getAttribute('aria-labelledby')).textContent")
        assert width == 320 or sizes["table"] <= sizes["box"], f"it fits at {width}: {sizes}"
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        assert axe_problems(tab, "table") == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_who5_instruction_stays_inside_its_box(browser, site_url, lang):
    with open_plan(browser, site_url, None, lang, part="#plan-step-checkins") as (context, tab):
        tab.click("#plan-add-wellbeing")
        fieldset = tab.locator("#plan-wellbeings details[open] fieldset").first
        legend = fieldset.locator("legend")
        box, text = fieldset.bounding_box(), legend.bounding_box()
        border = fieldset.evaluate("f => parseFloat(getComputedStyle(f).borderTopWidth)")
        assert text["y"] >= box["y"] + border, "the border runs above the instruction, not through it"
        assert text["height"] > 40, "it wraps, several lines, on a phone"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_parts_drawn_from_worksheets_link_to_them(browser, site_url, lang):
    with open_plan(browser, site_url, plan_with(sessions(0)), lang, part="#plan-step-sessions") as (context, tab):
        found = {}
        for part, where in [("#plan-step-sessions", "#plan-sessions details[open]"), ("#plan-step-safety", "#plan-step-safety")]:
            tab.evaluate(f"() => {{ location.hash = '{part}'; }}")
            link = tab.locator(where + " .plan-on-paper a").first
            expect(link).to_be_visible()
            found[link.get_attribute("href")] = link.inner_text()
        tab.evaluate("() => { location.hash = '#plan-step-checkins'; }")
        tab.click("#plan-add-checkin")
        link = tab.locator("#plan-checkins details[open] .plan-on-paper a")
        expect(link).to_be_visible()
        found[link.get_attribute("href")] = link.inner_text()
        assert sorted(found) == ["../worksheets/post-session-journal/", "../worksheets/safety-plan/",
                                 "../worksheets/side-effect-tracker/"]
        for href, name in found.items():
            page = context.new_page()
            response = page.goto(site_url + LANGUAGES[lang]["path"] + "plan/" + href)
            assert response.status == 200
            expect(page.locator("h1")).to_contain_text(name)
            page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_paper_wording_on_a_screen_and_no_label_inside_a_sentence(browser, site_url, lang):
    with open_plan(browser, site_url, plan_with(sessions(0)), lang, part="#plan-step-sessions") as (context, tab):
        tab.evaluate("() => document.querySelectorAll('#plan details').forEach(d => { d.open = true; })")
        labels = tab.eval_on_selector_all("#plan select", "ss => ss.map(s => s.labels[0] ? s.labels[0].textContent : '')")
        assert labels and not [t for t in labels if "circle" in t.lower() or "encierre" in t.lower() or "círculo" in t.lower()]
        tab.evaluate("() => { location.hash = '#plan-step-summary'; }")
        choice = tab.locator(".plan-summary-choice")
        intro = choice.locator("p.plan-when").inner_text()
        legend = choice.locator(".plan-summary-parts > legend").inner_text()
        assert legend and legend not in intro, "the label over the boxes is a legend, not the end of a sentence"
        assert choice.locator(".plan-summary-parts input[type=checkbox]").count() == 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_in_dark_mode_a_button_in_focus_can_be_read(browser, site_url, lang):
    """The theme puts its light accent under a button in focus; the dark scheme's light button text on it was 1.1:1."""
    with open_plan(browser, site_url, None, lang, scheme="dark") as (context, tab):
        for selector in ["#plan-print", "#plan-more > summary", "#plan-clear"]:
            if selector == "#plan-clear":
                tab.click("#plan-more > summary")
            tab.focus(selector)
            tab.wait_for_function("s => document.querySelector(s).getAnimations().length === 0", arg=selector)
            assert axe_problems(tab, selector) == []
