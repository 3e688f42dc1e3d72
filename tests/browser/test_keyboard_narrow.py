"""On a narrow screen (a phone, or 200% zoom) the menu works from the keyboard and focus is never unseen."""

from __future__ import annotations

from playwright.sync_api import expect

from site_checks import FINISH_TRANSITIONS

# A visually hidden input (the theme's colour switch) shows through the <label> right after it.
FOCUSED = """() => {
  const el = document.activeElement;
  const next = el.nextElementSibling;
  const seen = el.getBoundingClientRect().width <= 1 && next && next.tagName === "LABEL" ? next : el;
  const box = seen.getBoundingClientRect();
  return {label: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40),
          shown: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
                 && getComputedStyle(seen).visibility !== 'hidden'};
}"""


def test_the_menu_opens_and_closes_by_keyboard_and_focus_stays_in_view(browser, site_url):
    context = browser.new_context(viewport={"width": 640, "height": 800})  # 1280 px at 200% zoom
    try:
        tab = context.new_page()
        tab.goto(site_url + "what-is-integration/")
        stops = []
        for _ in range(8):
            tab.keyboard.press("Tab")
            stops.append(tab.evaluate(FOCUSED))
        assert all(stop["shown"] for stop in stops), [s for s in stops if not s["shown"]]
        assert "Menu" in [stop["label"] for stop in stops]

        menu = tab.locator('.md-header button[aria-controls="__drawer"]')  # keyboard.js's, in the theme label's place
        menu.focus()
        assert menu.get_attribute("aria-expanded") == "false"
        tab.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        tab.evaluate(FINISH_TRANSITIONS)  # the drawer slides in: at its end now
        assert tab.evaluate(FOCUSED) == {"label": "Home", "shown": True}
        tab.keyboard.press("Tab")
        assert tab.evaluate(FOCUSED)["shown"]

        tab.keyboard.press("Escape")
        expect(menu).to_have_attribute("aria-expanded", "false")
        tab.evaluate(FINISH_TRANSITIONS)
        assert tab.evaluate(FOCUSED) == {"label": "Menu", "shown": True}
    finally:
        context.close()
