"""Checks of a built site in real Chromium, each returning one message per problem found.

They take any built site (the real one, or a copy built with deliberate faults) and crawl every
HTML page of it, so pages added later (worksheets, the plan builder) are checked without a change
here. Each message starts with the page's path, so a failure says which page and what.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe

from helpers import site_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = {"light": ("light", "default"), "dark": ("dark", "slate")}  # prefers-color-scheme -> theme scheme


def page_urls(site: Path, base_url: str) -> list[tuple[str, str]]:
    """(path in the site, URL) for every page, as a visitor would open it."""
    found = []
    for html_file in site_pages(site):
        path = html_file.relative_to(site).as_posix()
        found.append((path, urljoin(base_url, path.removesuffix("index.html"))))
    return found


# --- accessibility ---------------------------------------------------------------------------


def axe_problems(browser, pages: list[tuple[str, str]], scheme: str) -> list[str]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on every page, in one colour scheme.

    The scheme is chosen as a visitor's system would choose it (prefers-color-scheme), which the
    theme's palette follows; we check that it did, so both runs cannot silently test one scheme.
    """
    media, theme_scheme = SCHEMES[scheme]
    context = browser.new_context(color_scheme=media, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    axe = Axe()
    problems = []
    try:
        for path, url in pages:
            tab.goto(url)
            shown = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
            if shown != theme_scheme:
                problems.append(f"{path} [{scheme}]: the page shows the {shown!r} scheme, not {theme_scheme!r}")
                continue
            result = axe.run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
            for violation in result.response["violations"]:
                for node in violation["nodes"][:5]:
                    detail = " ".join((node.get("failureSummary") or "").split())
                    problems.append(f"{path} [{scheme}]: {violation['id']} ({violation['impact']}): {violation['help']}: "
                                    f"{', '.join(map(str, node['target']))}: {detail}")
    finally:
        context.close()
    return problems


_LAYOUT = """() => {
  const root = document.documentElement;
  const width = window.innerWidth;
  const off = [];
  for (const el of document.querySelectorAll(
      '.md-content :is(p, li, h1, h2, h3, h4, dt, dd, blockquote, figcaption), .guide-crisis-bar')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.left < -1 || box.right > width + 1) off.push(el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 50));
  }
  const content = document.querySelector('.md-content');
  const crisis = document.querySelector('.guide-crisis-bar a');
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, off,
          contentWidth: content ? content.getBoundingClientRect().width : 0,
          crisisShown: !!crisis && crisis.getClientRects().length > 0};
}"""


def reflow_problems(browser, pages: list[tuple[str, str]], width: int, scale: int = 1) -> list[str]:
    """Sideways scrolling, text cut off at the edge, or a squeezed text column at one window width.

    200% zoom is a ``width``-640 viewport at ``scale`` 2: that is exactly what Chromium's page zoom
    does to a 1280-pixel window (the layout viewport becomes 640 CSS pixels, each drawn with two
    device pixels, and media queries see 640). CSS ``zoom`` would not: media queries would still
    see the full width, so the layout a zooming reader gets would go untested.
    """
    label = f"{width}px" if scale == 1 else f"{width * scale}px window at {scale * 100}% zoom"
    context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=scale)
    tab = context.new_page()
    problems = []
    try:
        for path, url in pages:
            tab.goto(url)
            layout = tab.evaluate(_LAYOUT)
            if layout["scrollWidth"] > layout["clientWidth"]:
                problems.append(f"{path} [{label}]: the page scrolls sideways "
                                f"({layout['scrollWidth']}px of content in {layout['clientWidth']}px)")
            for element in layout["off"][:5]:
                problems.append(f"{path} [{label}]: text runs past the edge of the window: {element}")
            if layout["contentWidth"] < 0.75 * width:
                problems.append(f"{path} [{label}]: the text column is squeezed to {layout['contentWidth']:.0f}px")
            if not layout["crisisShown"]:
                problems.append(f"{path} [{label}]: the crisis link is not shown")
    finally:
        context.close()
    return problems


# --- privacy ---------------------------------------------------------------------------------

_RECORD_CSP = """window.__blocked = [];
document.addEventListener('securitypolicyviolation',
  e => window.__blocked.push(e.violatedDirective + ' ' + e.blockedURI));"""


FIRST_PARAGRAPH = """() => {
  const p = [...document.querySelectorAll("article.md-content__inner p")]
    .find(el => el.textContent.trim() && !el.closest(".admonition, .guide-review, .guide-sheet, .plan-nojs"));
  return p ? Math.round(p.getBoundingClientRect().top + window.scrollY) : null;
}"""


def first_paragraph_offsets(browser, pages: list[tuple[str, str]], width: int = 390) -> list[tuple[str, int | None]]:
    """(page, px from the top of the page to its first paragraph of text, not in a notice box) on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    try:
        found = []
        for path, url in pages:
            tab.goto(url)
            found.append((path, tab.evaluate(FIRST_PARAGRAPH)))
        return found
    finally:
        context.close()


def privacy_problems(browser, pages: list[tuple[str, str]]) -> list[str]:
    """Requests to any other origin (sent, or attempted and blocked by the CSP), cookies, a missing CSP.

    One visit through every page in one browser profile, as a reader would; the search and the
    colour switch are used too, since they run scripts and store preferences.
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(pages[0][1]))
    context = browser.new_context()
    context.add_init_script(_RECORD_CSP)
    current = {"path": ""}
    problems = []

    def leave_nothing(route):
        if not route.request.url.startswith(origin + "/"):
            problems.append(f"{current['path']}: requests {route.request.url} (another origin)")
            route.abort()  # and so nothing leaves this machine even while the check fails
        else:
            route.continue_()

    context.route("**/*", leave_nothing)
    tab = context.new_page()
    try:
        for index, (path, url) in enumerate(pages):
            current["path"] = path
            tab.goto(url, wait_until="networkidle")
            if index == 0 and tab.locator(".md-search__input, .md-search__button").count():
                tab.click("label[for=__palette_1]")
                # mkdocs-material's search box, or Zensical's button that opens its search dialog
                tab.click(".md-search__input, .md-search__button")
                tab.keyboard.type("journal")
                tab.wait_for_load_state("networkidle")
            for blocked in tab.evaluate("window.__blocked"):
                problems.append(f"{path}: tried to load from another origin, blocked by the CSP: {blocked}")
            if tab.evaluate("document.cookie"):
                problems.append(f"{path}: document.cookie is {tab.evaluate('document.cookie')!r}")
            policy = tab.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content")
            if not policy or "default-src 'self'" not in policy:
                problems.append(f"{path}: no Content-Security-Policy with default-src 'self' (found {policy!r})")
        problems += [f"{c['name']} cookie set for {c['domain']}" for c in context.cookies()]
    finally:
        context.close()
    return problems


# --- keyboard --------------------------------------------------------------------------------

_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const next = el.nextElementSibling;          // a hidden toggle shows its focus on the label after it
  const parts = [el, ...(el.labels || []), ...(next && next.tagName === 'LABEL' ? [next] : [])];
  const boxes = parts.map(p => p.getBoundingClientRect()).filter(b => b.width > 0 && b.height > 0);
  const pad = 6;
  const box = boxes.length ? {
    x: Math.max(0, Math.min(...boxes.map(b => b.left)) - pad), y: Math.max(0, Math.min(...boxes.map(b => b.top)) - pad),
    right: Math.min(innerWidth, Math.max(...boxes.map(b => b.right)) + pad),
    bottom: Math.min(innerHeight, Math.max(...boxes.map(b => b.bottom)) + pad)} : null;
  const role = el.matches('.md-skip') ? 'skip' : el.matches('.guide-help-control') ? 'help'
    : el.closest('.guide-crisis-bar') ? 'crisis link'
    : el.matches('.md-search__input, .md-search__button') ? 'search'
    : el.closest('.md-nav--primary, .md-tabs') && el.matches('a') ? 'navigation' : 'other';
  return {role, name: (el.textContent || el.getAttribute('aria-label') || el.placeholder || el.tagName).trim().slice(0, 40),
          box: box && box.right > box.x && box.bottom > box.y
               ? {x: box.x, y: box.y, width: box.right - box.x, height: box.bottom - box.y} : null};
}"""
# Every running CSS transition and animation jumps to its end (an endless one cannot, and is left).
FINISH_TRANSITIONS = """() => document.getAnimations().forEach(animation => {
  try { animation.finish(); } catch (endless) {}
})"""
KEY_STOPS = ("help", "crisis link", "navigation", "search")


def keyboard_problems(browser, pages: list[tuple[str, str]], max_tabs: int = 40) -> list[str]:
    """Tab from the top of each page: the header's help control, the crisis bar's links, the
    navigation and the search must be reached, the help control first of all after "Skip to
    content", the crisis links before the navigation, and each stop on the way must show where
    focus is.

    Focus counts as visible when the screen around the element (and its label) looks different
    with focus than without: first compared with the same spot after the element loses focus;
    where focus opens something that stays open (the theme's search panel), compared with the
    same spot of the untouched page. That covers outlines, rings, underlines and colour changes.
    Each control is looked at once: the header and menu repeat on every page.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab, untouched = context.new_page(), context.new_page()
    problems = []
    checked: set[tuple[str, str]] = set()
    try:
        for path, url in pages:
            tab.goto(url)
            untouched.goto(url)
            reached: list[str] = []
            # A page that hides the menu on purpose (the printable handout) has no navigation stop.
            stops = [s for s in KEY_STOPS if s != "navigation" or tab.locator(".md-nav--primary a").first.is_visible()]
            for _ in range(max_tabs):
                tab.keyboard.press("Tab")
                focused = tab.evaluate(_FOCUSED)
                if focused is None:
                    continue
                if focused["box"] is None:  # still fading in: the theme's transitions run to their end at once
                    tab.evaluate(FINISH_TRANSITIONS)
                    focused = tab.evaluate(_FOCUSED)
                if focused["role"] not in reached:
                    reached.append(focused["role"])
                if (focused["role"], focused["name"]) not in checked:  # the chrome repeats on every page
                    checked.add((focused["role"], focused["name"]))
                    problem = _focus_problem(tab, untouched, focused)
                    if problem:
                        problems.append(f"{path}: {problem}")
                if all(stop in reached for stop in stops):
                    break
            missing = [stop for stop in stops if stop not in reached]
            first = [role for role in reached if role != "skip"][:1]
            if missing:
                problems.append(f"{path}: Tab ({max_tabs} presses) never reaches the {', the '.join(missing)}")
            elif first != ["help"]:
                problems.append(f"{path}: the first stop of the Tab key after 'Skip to content' is {first}, not the help control")
            elif "navigation" in stops and reached.index("crisis link") > reached.index("navigation"):
                problems.append(f"{path}: Tab reaches the crisis link only after {reached[:reached.index('crisis link')]}")
    finally:
        context.close()
    return problems


def _focus_problem(tab, untouched, focused: dict) -> str | None:
    """Whether the focused element's spot on screen shows that it has focus (see keyboard_problems)."""
    box = focused["box"]
    if box is None:
        return f"keyboard focus goes to {focused['name']!r}, which is not on screen"
    with_focus = tab.screenshot(clip=box, animations="disabled")
    tab.evaluate("window.__focused = document.activeElement; document.activeElement.blur()")
    blurred = tab.screenshot(clip=box, animations="disabled")
    tab.evaluate("window.__focused.focus()")
    if with_focus != blurred:
        return None
    untouched.evaluate("y => window.scrollTo(0, y)", tab.evaluate("window.scrollY"))
    if with_focus != untouched.screenshot(clip=box, animations="disabled"):
        return None
    return f"no visible focus on the {focused['role']} {focused['name']!r}"
