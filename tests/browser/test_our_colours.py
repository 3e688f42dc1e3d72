"""Our guide shows the colours written in Python (OUR_COLOURS), in both schemes and both languages:
the header, links in running text, and a link under the keyboard focus, as Chromium draws them."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from generator.guide.brand import OUR_COLOURS


def rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.parametrize("scheme, link, focused", [
    ("light", OUR_COLOURS.primary, OUR_COLOURS.accent),
    ("dark", OUR_COLOURS.link_on_dark, OUR_COLOURS.accent_on_dark),
])
@pytest.mark.parametrize("address", ["crisis/", "es/crisis/"])
def test_our_colours_are_the_python_values(browser, site_url, scheme, link, focused, address):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + address)
        expect(page.locator(".md-header")).to_have_css("background-color", rgb(OUR_COLOURS.primary))
        anchor = page.locator("article p a[href]:not([href^='tel:'])").first
        expect(anchor).to_have_css("color", rgb(link))
        anchor.focus()  # the theme eases the colour in: expect waits for it
        expect(anchor).to_have_css("color", rgb(focused))
    finally:
        context.close()
