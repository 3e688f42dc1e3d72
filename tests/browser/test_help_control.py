"""Help in one tap from any screen (issue 20): the header's help control is on screen, at least 44 ×
44 px and on top, at every scroll position of every page, in both languages and a clinic's edition,
under both engines; it is the first stop of the Tab key after "Skip to content" and leads to the
help page. The crisis bar's links are targets of at least 44 px and the Spanish bar takes at most
three rows on a phone; the call buttons of the crisis page and the help page's top box are full
width; and a clinic's edition passes the accessibility and reflow checks our own does.

One browser (the session's) for every test, Playwright's auto-waiting assertions, no fixed sleeps.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from generator.publish.loopback import serving
from site_checks import axe_problems, page_urls, reflow_problems

SCROLLED = (0, 0.5, 0.9)  # of the page's scrollable height
PHONE = {"width": 390, "height": 844}
SCROLL_TO = "f => { window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f); return scrollY; }"
# The control's box, and whether it is what a tap on its middle reaches (not under anything else).
ON_TOP = """el => { const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {width: r.width, height: r.height, onTop: el.contains(hit)}; }"""
LEADS_TO = "el => new URL(el.getAttribute('href'), location.href).pathname"


@pytest.fixture(scope="module")
def example_url(example_site):
    """The UK example clinic's edition (conftest.example_site), served on loopback."""
    site, _, _ = example_site
    with serving(site) as url:
        yield url


def _help_control_problems(tab, pages: list[tuple[str, str]]) -> tuple[list[str], int]:
    """Each page at each scroll position: the help control must be wholly on screen, on top, at
    least 44 × 44 px, and lead to the help page of the page's language. Also how many pages scrolled
    a full screen or more (so that the positions differ)."""
    problems, scrolled = [], 0
    control = tab.locator(".guide-help-control")
    for path, url in pages:
        tab.goto(url)
        language = "es/" if path.startswith("es/") else ""
        expect(control, f"{path}: one help control").to_have_count(1)
        leads = control.evaluate(LEADS_TO)
        if not leads.endswith(f"/{language}when-to-get-help/"):
            problems.append(f"{path}: the help control leads to {leads}, not the help page")
        for fraction in SCROLLED:
            at = tab.evaluate(SCROLL_TO, fraction)
            scrolled += fraction == 0.9 and at >= PHONE["height"]
            expect(control, f"{path} scrolled to {fraction:.0%}").to_be_in_viewport(ratio=1)
            box = control.evaluate(ON_TOP)
            if box["width"] < 44 or box["height"] < 44 or not box["onTop"]:
                problems.append(f"{path} scrolled to {fraction:.0%} ({at}px): the help control is {box}")
    return problems, scrolled


def test_the_help_control_is_on_screen_and_44_px_at_every_scroll_position_of_every_page(
        browser, built_site, site_url, example_site, example_url):
    """Every page of both languages of ours and of the UK example clinic, at 390 × 844."""
    pages = page_urls(built_site, site_url) + page_urls(example_site[0], example_url)
    assert len([p for p, _ in pages if p.startswith("es/")]) >= 20 and len(pages) >= 80, len(pages)
    context = browser.new_context(viewport=PHONE)
    try:
        problems, scrolled = _help_control_problems(context.new_page(), pages)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert scrolled >= len(pages) // 2, f"only {scrolled} of {len(pages)} pages scrolled a screen or more"


def test_under_zensical_too_the_help_control_is_on_screen_at_every_scroll_position(browser, zensical_site, zensical_url):
    context = browser.new_context(viewport=PHONE)
    try:
        problems, _ = _help_control_problems(context.new_page(), page_urls(zensical_site, zensical_url))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "desktop"])
@pytest.mark.parametrize(("edition", "path", "words"), [
    ("ours", "what-is-integration/", "Get help"), ("ours", "es/phases/", "Pedir ayuda"),
    ("uk", "staying-safe/", "Get help"), ("zensical", "es/what-is-integration/", "Pedir ayuda")])
def test_the_help_control_is_the_first_stop_after_skip_to_content(browser, site_url, example_url, zensical_url,
                                                                  viewport, edition, path, words):
    url = {"ours": site_url, "uk": example_url, "zensical": zensical_url}[edition]
    context = browser.new_context(viewport=viewport)
    try:
        tab = context.new_page()
        tab.goto(url + path)
        tab.keyboard.press("Tab")
        expect(tab.locator(".md-skip")).to_be_focused()
        tab.keyboard.press("Tab")
        control = tab.locator(".guide-help-control")
        expect(control).to_be_focused()
        expect(control).to_have_text(words)  # words, not only an icon
        tab.keyboard.press("Enter")
        expect(tab).to_have_url(re.compile(r"/when-to-get-help/$"))
    finally:
        context.close()


BAR = """() => {
  const bar = document.querySelector('.guide-crisis-bar');
  const parts = [bar.querySelector('.guide-crisis-bar__ask'), ...bar.querySelectorAll('li')];
  return {height: bar.getBoundingClientRect().height,
          rows: new Set(parts.map(el => Math.round(el.getBoundingClientRect().top))).size,
          links: [...bar.querySelectorAll('a')].map(a => { const r = a.getBoundingClientRect();
            return {words: a.textContent.trim(), href: a.getAttribute('href'), width: r.width, height: r.height}; }),
          text: bar.innerText};
}"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("language", ["", "es/"])
def test_the_crisis_bars_links_are_44_px_targets_and_the_bar_takes_three_rows(browser, site_url, width, language):
    context = browser.new_context(viewport={"width": width, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(site_url + language + "phases/")
        bar = tab.evaluate(BAR)
    finally:
        context.close()
    small = [link for link in bar["links"] if link["width"] < 44 or link["height"] < 44]
    assert not small, small
    assert {"tel:988", "sms:988" if not language else "sms:988?body=AYUDA", "tel:911"} <= {link["href"] for link in bar["links"]}
    assert ("Línea 988" if language else "988 Suicide & Crisis Lifeline") in bar["text"]  # the service's name in the page's language
    if language or width == 390:  # the Spanish bar in three rows; the English one too, from 390 px
        assert bar["rows"] <= 3 and bar["height"] <= 150, bar


CALLS = """() => {
  const column = document.querySelector('.md-content__inner').getBoundingClientRect().width;
  const body = parseFloat(getComputedStyle(document.querySelector('.md-content__inner > p')).fontSize);
  const box = document.querySelector('.guide-help-now > p');
  return {column, body, box: box ? parseFloat(getComputedStyle(box).fontSize) : null,
          buttons: [...document.querySelectorAll('a.guide-call')].map(a => { const r = a.getBoundingClientRect();
            return {words: a.textContent.trim(), share: r.width / column, height: r.height,
                    fills: Math.abs(r.width - a.closest('ul').getBoundingClientRect().width) < 1}; })};
}"""


@pytest.mark.parametrize("page", ["crisis/", "when-to-get-help/", "es/crisis/", "es/when-to-get-help/"])
def test_the_call_buttons_are_full_width_and_the_help_box_speaks_at_body_size(browser, site_url, page):
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(site_url + page)
        found = tab.evaluate(CALLS)
    finally:
        context.close()
    assert len(found["buttons"]) >= 4, found  # the emergency number, and call, text and chat
    narrow = [b for b in found["buttons"] if not b["fills"] or b["share"] < 0.85 or b["height"] < 44]  # a box's padding aside
    assert not narrow, (found["column"], narrow)
    if "when-to-get-help" in page:
        assert found["box"] == found["body"] >= 16, found  # not the 12.8 px of a notice box


@pytest.fixture(scope="module")
def example_pages(example_site, example_url):
    return page_urls(example_site[0], example_url)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violation_in_a_clinics_edition(browser, example_pages, scheme):
    problems = axe_problems(browser, example_pages, scheme)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("width", "scale"), [(320, 1), (390, 1), (640, 2)], ids=["320px", "390px", "200%"])
def test_a_clinics_edition_never_scrolls_sideways(browser, example_pages, width, scale):
    problems = reflow_problems(browser, example_pages, width, scale)
    assert not problems, "\n".join(problems)


def test_our_pages_never_scroll_sideways_at_390_pixels(browser, built_site, site_url):
    """320 px and 200 % are checked in test_quality_site.py, every page of both languages."""
    problems = reflow_problems(browser, page_urls(built_site, site_url), 390)
    assert not problems, "\n".join(problems)
