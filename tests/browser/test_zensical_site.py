"""The Zensical build (`site --engine zensical`) in Chromium: axe-core's WCAG A and AA checks in both
colour schemes, the privacy crawl and the keyboard walk, over every page, as for the MkDocs build
(tests/browser/test_quality_site.py); and its search. The other checks of the built files are in
tests/site/test_engines.py.

Search differs: Zensical's search is a button (.md-search__button) that opens a dialog its own
script draws in a shadow root, reading search.json; mkdocs-material's is a box in the header
(.md-search__input) whose results panel templates/overrides/partials/search.html fixes for the
keyboard. That override is not used with Zensical (generator/engines/zensical/build.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from site_checks import axe_problems, keyboard_problems, page_urls, privacy_problems


@pytest.fixture(scope="module")
def pages(zensical_site, zensical_url):
    found = page_urls(zensical_site, zensical_url)
    assert len(found) >= 10, found
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violation_on_any_page(browser, pages, scheme):
    problems = axe_problems(browser, pages, scheme)
    assert not problems, "\n".join(problems)


def test_no_request_to_another_origin_no_cookie_and_a_policy_on_every_page(browser, pages):
    """The crawl uses the search too: Zensical's own search script, reading its search.json."""
    problems = privacy_problems(browser, pages)
    assert not problems, "\n".join(problems)


def test_keyboard_reaches_crisis_link_navigation_and_search_with_visible_focus(browser, pages):
    problems = keyboard_problems(browser, pages)
    assert not problems, "\n".join(problems)


# The help page among the search results, in the dialog Zensical draws in a shadow root (which
# Playwright's locators see into).
HELP_PAGE_FOUND = "ol[role=listbox] a[href*='when-to-get-help/']"


@pytest.mark.parametrize("words", ["overdose", "suicidal"])
def test_the_search_dialog_finds_the_help_page_for_the_words_frightened_people_type(browser, zensical_url, words):
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(zensical_url)
        tab.click(".md-search__button")
        tab.keyboard.type(words)
        # Waited for until the help page is listed (auto-waiting; wait_for_function would evaluate a string,
        # which the CSP forbids): the results come in while the search worker still answers earlier letters.
        expect(tab.locator(HELP_PAGE_FOUND).first).to_be_attached(timeout=10_000)
    finally:
        context.close()
