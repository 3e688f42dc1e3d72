"""The header's title on phones and on wider screens: the brand's short name where space is tight
(up to 600 px), its full name elsewhere, whole (not cut off with an ellipsis), and one name for a
screen reader."""

from __future__ import annotations

import pytest

from generator.publish.loopback import serving
from helpers import run_cli

FULL, SHORT = "Example Clinic (fictional)", "Example Clinic"  # clinics/example/brand.yml

TITLE = """() => {
  const box = document.querySelector('.md-header__topic .md-ellipsis');
  return {scrollWidth: box.scrollWidth, clientWidth: box.clientWidth};
}"""


@pytest.fixture(scope="module")
def example_url(tmp_path_factory: pytest.TempPathFactory):
    """The example clinic's pages (no PDFs: only the header is looked at), built by the real command."""
    out = tmp_path_factory.mktemp("header-name") / "site"
    result = run_cli("--clinic", "clinics/example", "site", "--no-pdf", "--out", str(out))
    assert result.returncode == 0, result.stderr
    with serving(out) as url:
        yield url


@pytest.mark.parametrize(("width", "name"), [(360, SHORT), (600, SHORT), (601, FULL), (1280, FULL)])
def test_the_header_shows_the_short_name_on_phones_and_the_full_name_wider_whole(browser, example_url, width, name):
    context = browser.new_context(viewport={"width": width, "height": 700})
    try:
        tab = context.new_page()
        tab.goto(example_url + "what-is-integration/")
        title = tab.locator(".md-header__topic").first
        assert title.inner_text().strip() == name  # what is seen
        assert title.aria_snapshot() == f"- text: {name}"  # what a screen reader reads: one name
        box = tab.evaluate(TITLE)
        assert box["scrollWidth"] <= box["clientWidth"], box  # not cut off
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 360, 390])
@pytest.mark.parametrize(("path", "name"), [("", "Integration Guide"), ("es/", "Guía de integración")])
def test_our_short_name_fits_beside_the_language_switcher_on_a_small_phone(browser, site_url, width, path, name):
    """Our guide has two languages, so the header also holds the language switcher: the short name
    may wrap onto a second line, but it is never cut off."""
    context = browser.new_context(viewport={"width": width, "height": 700})
    try:
        tab = context.new_page()
        tab.goto(site_url + path + "crisis/")
        assert tab.locator(".md-header__topic").first.inner_text().split() == name.split()
        box = tab.evaluate("""() => { const e = document.querySelector('.md-header__topic .md-ellipsis');
            return {scrollWidth: e.scrollWidth, clientWidth: e.clientWidth, scrollHeight: e.scrollHeight, clientHeight: e.clientHeight}; }""")
        assert box["scrollWidth"] <= box["clientWidth"] and box["scrollHeight"] <= box["clientHeight"], box
    finally:
        context.close()
