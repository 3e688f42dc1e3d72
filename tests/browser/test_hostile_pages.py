"""No text becomes markup in the browser, and printing a page to PDF is bounded (issue 19).

A clinic whose every brand text, every interface text and a page whose every plain text and
attribute holds a meta refresh and an image, built with both engines: every page loaded and every
element with a title (and every truncated name) hovered in Chromium (each markup once: the menu and
header repeat on every page), and the search run over them,
with no navigation and no request for what the texts name. Same-origin addresses, so the site's
Content-Security-Policy (which allows its own images) hides nothing: a live <img> would be fetched.
"""

from __future__ import annotations

import json
import shutil
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml
from playwright.sync_api import expect

from helpers import ROOT, copy_project, run_cli, serve_folder

REFRESH = '<meta http-equiv="refresh" content="0;url=/evil-refresh/">'
IMAGE = '"><img src="/evil-image.png">'
PAYLOAD = REFRESH + IMAGE
ENGINES = {"mkdocs": [], "zensical": ["--engine", "zensical"]}
ATTRIBUTES = (  # every attribute a content author can set in Markdown (the sanitizer refuses markup in them)
    "A word with a title: <abbr title='meta http-equiv=refresh content=0;url=/evil-refresh/ &quot;&gt;img src=/evil-image.png'>ER</abbr>.\n\n"
    "[A link with a title](https://example.org/ \"&quot;&gt;img src=/evil-image.png&gt;meta http-equiv=refresh\").\n\n"
    "A paragraph with attributes.\n"
    "{ #evil-id .evil-class title='x\" onmouseover=\"fetch(`/evil-hover`)' lang=\"en\" }\n"
)


def _hostile_brand() -> dict:
    return {
        "name": f"Tip Clinic {PAYLOAD}",
        "short_name": f"Tip {PAYLOAD}",
        "logo": "assets/logo.svg",
        "contact": {"phone": "+44 20 7946 0000", "email": "hello@example.org", "address": f"1 Row {PAYLOAD}\nLondon",
                    "hours": f"9 to 5 {PAYLOAD}", "website": "https://example.org", "after_hours_phone": "+44 20 7946 0002",
                    "after_hours": f"a nurse {PAYLOAD}"},
        "crisis": {"intro": f"Reach out {PAYLOAD}", "emergency": f"Call 999 {PAYLOAD}",
                   "emergency_number": "999",
                   "lines": [{"id": "samaritans", "name": f"Samaritans {PAYLOAD}", "number": "116 123", "hours": f"day {PAYLOAD}"},
                             {"id": "other", "name": f"Other {PAYLOAD}", "how": f"Walk in {PAYLOAD}", "href": "https://example.org/"}]},
        "integration_therapy": {"offered": False, "description": f"Ask us {PAYLOAD}",
                                "referrals": [{"name": f"Therapy {PAYLOAD}", "description": f"Somatic {PAYLOAD}",
                                               "phone": "+44 20 7946 0001", "website": "https://example.org/t"}]},
        "footer": f"Our edition {PAYLOAD}",
        "country": "GB",
    }


def _hostile_interface() -> dict:
    """Every English interface text with the payload after it (its {fill-ins} kept)."""
    english = yaml.safe_load((ROOT / "content/interface.yml").read_text(encoding="utf-8"))

    def spoil(value):
        return {key: spoil(inner) for key, inner in value.items()} if isinstance(value, dict) else f"{value} {PAYLOAD}"

    return spoil(english)


def _hostile_page() -> str:
    page = {
        "id": "hostile", "title": f"Hostile {PAYLOAD}", "nav_title": f"Nav {PAYLOAD}", "order": 5,
        "description": f"About {PAYLOAD}", "last_reviewed": "2026-01-01", "next_review_due": "2027-01-01",
        "reviewed_by": f"Nurse {PAYLOAD}", "keywords": [f"evilword {PAYLOAD}"],
        "blocks": [{"type": "text", "heading": f"Heading {PAYLOAD}", "body": f"evilword {ATTRIBUTES}"},
                   {"type": "list", "heading": f"List {PAYLOAD}", "items": ["One item", "Two items"]},
                   {"type": "callout", "title": f"Callout {PAYLOAD}", "body": "Words."}],
    }
    return yaml.safe_dump(page, allow_unicode=True, sort_keys=False, width=1000)


def _hostile_worksheet() -> str:
    sheet = {
        "id": "hostile-sheet", "title": f"Sheet {PAYLOAD}", "order": 99, "description": f"Sheet {PAYLOAD}",
        "when": f"Any time {PAYLOAD}", "last_reviewed": "2026-01-01", "next_review_due": "2027-01-01",
        "fields": [{"id": "what", "type": "lines", "prompt": f"What {PAYLOAD}", "hint": f"Hint {PAYLOAD}", "count": 2}],
    }
    return yaml.safe_dump(sheet, allow_unicode=True, sort_keys=False, width=1000)


def _hostile_project(dest, interface: bool = True):
    """A copy of the project with the clinic clinics/hostile: the payload in every brand text, in a
    page and a worksheet of its own, and (``interface``) after every interface text."""
    project = copy_project(dest)
    created = run_cli("new-clinic", "clinics/hostile", "--name", "Tip Clinic", cwd=project)
    assert created.returncode == 0, created.stderr
    clinic = project / "clinics/hostile"
    shutil.copytree(ROOT / "clinics/example/content", clinic / "content", dirs_exist_ok=True)  # our US numbers replaced
    (clinic / "brand.yml").write_text(json.dumps(_hostile_brand(), ensure_ascii=False), encoding="utf-8")
    if interface:
        (clinic / "content/interface.yml").write_text(json.dumps(_hostile_interface(), ensure_ascii=False), encoding="utf-8")
    (clinic / "content/pages/hostile.yml").write_text(_hostile_page(), encoding="utf-8")
    (clinic / "content/worksheets").mkdir(exist_ok=True)
    (clinic / "content/worksheets/hostile-sheet.yml").write_text(_hostile_worksheet(), encoding="utf-8")
    return project


@pytest.fixture(scope="module", params=list(ENGINES))
def hostile_site(tmp_path_factory, request):
    """Built without PDFs: with the payload after every interface text, a worksheet runs onto a
    second sheet (the PDF step's own test is below)."""
    project = _hostile_project(tmp_path_factory.mktemp("hostile") / "project")
    built = run_cli("--clinic", "clinics/hostile", "site", *ENGINES[request.param], "--no-pdf", "--out", "site",
                    cwd=project, timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    return request.param, project / "site"


# A search result that links to the hostile page: mkdocs-material's list, or Zensical's (in its dialog's shadow root).
SEARCH_HIT = ".md-search-result__list a[href*=hostile], ol[role=listbox] a[href*=hostile]"
HOVERED = "[title], abbr, .md-ellipsis, .md-nav__link, .md-header__topic, .md-footer a"
# Where the mouse hovers an element: the middle of it, scrolled into view; none if it is not shown.
HOVER_SPOT = """el => { if (!el.checkVisibility()) return null;
  el.scrollIntoView({block: 'center', inline: 'nearest'});
  const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
  return r.width && r.height && x >= 0 && x < innerWidth && y >= 0 && y < innerHeight ? {x, y} : null; }"""
LIVE = """() => [document, ...[...document.querySelectorAll('*')].map(e => e.shadowRoot).filter(Boolean)]
  .flatMap(root => [...root.querySelectorAll('img[src*=evil], meta[http-equiv=refresh i], [onmouseover]')])
  .map(e => e.outerHTML)"""


def _hover_each_new(tab, hovered: set[str]) -> set[str]:
    """Move the mouse onto each element of HOVERED on the page that is shown, in turn; an element
    whose markup was hovered on an earlier page (the menu, the header: they repeat on every page)
    once only. Returns the markup of those hovered."""
    new = set()
    elements = tab.locator(HOVERED)
    for markup, element in zip(elements.evaluate_all("els => els.map(el => el.outerHTML)"), elements.element_handles()):
        if markup in hovered or markup in new:
            continue
        spot = element.evaluate(HOVER_SPOT)
        if spot:  # hidden (a menu closed, a drawer off screen): nothing to hover
            tab.mouse.move(spot["x"], spot["y"])
            new.add(markup)
    return new


def _search(tab, url: str, engine: str) -> list[str]:
    """Search for a word of the hostile page, wait until it is listed, and return what became live."""
    tab.goto(url, wait_until="load")
    if engine == "zensical":  # a button that opens a dialog its script draws in a shadow root
        tab.click(".md-search__button")
    else:
        tab.locator(".md-search__input").focus()
    tab.keyboard.type("evilword")
    # Playwright's locators see into open shadow roots (Zensical's dialog draws in one) and wait, without the
    # page evaluating a string (wait_for_function), which the CSP forbids.
    expect(tab.locator(SEARCH_HIT).first).to_be_attached(timeout=15_000)
    tab.clock.run_for(1000)  # every timer the results set (highlighting, a tooltip) fires now
    return tab.evaluate(LIVE)


def test_no_page_turns_a_text_into_markup_on_load_hover_or_search(hostile_site, browser):
    engine, site = hostile_site
    assert "&lt;meta http-equiv=" in (site / "hostile/index.html").read_text(encoding="utf-8")  # on the page, as text
    url, server = serve_folder(site)
    context = browser.new_context()
    context.clock.install()  # time runs as usual; run_for moves it on at once
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url) if "evil" in r.url else None)
    tab = context.new_page()
    navigations: list[str] = []
    tab.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == tab.main_frame else None)
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert "hostile/index.html" in pages and "worksheets/hostile-sheet/index.html" in pages
    live = []
    hovered: set[str] = set()
    try:
        for path in pages:
            address = url + path.removesuffix("index.html")
            navigations.clear()
            tab.goto(address, wait_until="load")
            hovered.update(_hover_each_new(tab, hovered))
            # Every timer the page set on load or hover (a tooltip's, a script's) fires now: the page's
            # clock runs a second ahead. A live <meta> refresh or <img> is in the DOM whatever the time,
            # and LIVE looks for it there.
            tab.clock.run_for(1000)
            assert navigations == [address], (engine, path, navigations)
            live += [f"{path}: {n}" for n in tab.evaluate(LIVE)]
        live += [f"search: {n}" for n in _search(tab, url, engine)]
    finally:
        context.close()
        server.shutdown()
    assert not requested, (engine, requested)
    assert not live, (engine, live)


def test_the_pdf_step_prints_hostile_texts_as_text_and_follows_nothing(tmp_path):
    """Chromium once followed a clinic name's meta refresh while printing, and the build ended in a traceback."""
    from pypdf import PdfReader

    project = _hostile_project(tmp_path / "project", interface=False)
    brand_file = project / "clinics/hostile/brand.yml"
    brand = json.loads(brand_file.read_text(encoding="utf-8"))
    # The crisis lines in plain words here: the worksheets that list them are full pages, and a payload in
    # each line's words is a second page (a located error, as the pages' own test shows). The clinic's
    # name (one line at the head of every sheet, however long), address, hours and footer keep theirs.
    brand["crisis"].update(emergency="Call 999", lines=[{"id": "samaritans", "name": "Samaritans", "number": "116 123"}])
    brand_file.write_text(json.dumps(brand, ensure_ascii=False), encoding="utf-8")
    result = run_cli("--clinic", "clinics/hostile", "pdf", "--out", "pdf", cwd=project, timeout=900)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    reader = PdfReader(project / "pdf/handout-a4.pdf")
    text = " ".join((page.extract_text() or "").replace("\n", " ") for page in reader.pages)
    assert 'http-equiv="refresh"' in text  # the clinic's name, printed as text
    links = [annotation.get_object().get("/A", {}).get("/URI", "") for page in reader.pages
             for annotation in page.get("/Annots", []) or []]
    assert not [link for link in links if "evil" in str(link)], links


# --- the print step's bounds -------------------------------------------------------------------------------


@pytest.mark.parametrize("bound, value, says", [
    ("MAX_PRINT_ELEMENTS", 100, "elements, more than a page printed to PDF may have (100); make it shorter"),
    ("MAX_PRINT_MEMORY", 1024**2, "took more than 1 MB of memory"),
    ("MAX_PRINT_SECONDS", 0, "took more than 0 seconds, so it was stopped"),
])
def test_printing_a_page_past_a_bound_fails_with_one_line(built_site, monkeypatch, bound, value, says):
    """The bounds themselves are far above any page of ours; here each is set low to see it act."""
    import generator.publish.pdf.bounds as print_bounds
    from generator.guide.assemble import load_guides
    from generator.problems import BuildFailed
    from generator.publish.pdf import print_all_pdfs

    monkeypatch.setattr(print_bounds, bound, value)
    guide = load_guides(ROOT / "content")[0]
    started = time.monotonic()
    # In a thread of its own: Playwright's sync API may run once per thread, and the tests' browser runs in this one.
    with ThreadPoolExecutor(1) as pool, pytest.raises(BuildFailed) as failed:
        pool.submit(print_all_pdfs, built_site, [guide], ROOT).result()
    message = str(failed.value)
    # The first print past the bound stops the step: the worksheets (one print per paper) come first.
    assert message.startswith("the worksheets (") and says in message and "\n" not in message, message
    assert time.monotonic() - started < 60
