"""The page a host shows for an address the site does not have (404.html), as a host serves it:
for any missing address, under a sub-path (a GitHub Pages project site is at /<repository>/), and
in the language of the address asked for: hosts serve the site's one root 404.html, and a reader
who asked for an address in another language's folder gets that language's not-found page."""

from __future__ import annotations

import http.server
import mimetypes
import threading
from pathlib import Path

import pytest

from helpers import ROOT, run_cli
from generator.guide.assemble import load_guides

PREFIX = "/guide/"
STYLED = "() => getComputedStyle(document.querySelector('.md-header')).position"  # 'sticky' with the theme's CSS
LOCAL_REFERENCES = """() => [...document.querySelectorAll('[href], [src]')]
  .map(el => el.href || el.src).filter(u => u.startsWith(location.origin))"""
# Every navigation a page starts (location.replace included), recorded as it starts: the Navigation API's event.
RECORD_NAVIGATIONS = """window.__navigations = [];
navigation.addEventListener('navigate', event => window.__navigations.push(event.destination.url));"""
# Each language of our guide (from the pipeline, not a list here): where its pages are, and its words.
LANGUAGES = {guide.address_prefix: guide for guide in load_guides(ROOT / "content")}


def serve_under_prefix(folder: Path):
    """Serve ``folder`` at PREFIX; any other address, or a missing file, gets the root 404.html with 404."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?")[0].split("#")[0]
            file = None
            if path.startswith(PREFIX):
                candidate = folder / path[len(PREFIX):]
                if candidate.is_dir():
                    candidate = candidate / "index.html"
                if candidate.is_file() and folder.resolve() in candidate.resolve().parents:
                    file = candidate
            status = 200 if file else 404
            file = file or folder / "404.html"
            body = file.read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", mimetypes.guess_type(file.name)[0] or "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def check_not_found_page(browser, site: Path, language: str, missing: str) -> None:
    """The address ``language + missing`` answers 404, then shows the not-found page of that
    language: its words, styled, a crisis link to that language's crisis page, no broken link."""
    guide = LANGUAGES[language]
    ui = guide.ui
    origin, server = serve_under_prefix(site)
    context = browser.new_context(service_workers="block")
    try:
        tab = context.new_page()
        response = tab.goto(origin + PREFIX + language + missing, wait_until="commit")
        assert response.status == 404
        if language:  # the host's root 404.html sends the reader to the language's own page
            tab.wait_for_url(origin + PREFIX + language + "404.html")
        tab.wait_for_load_state()
        assert tab.evaluate("document.documentElement.lang") == guide.site.language
        assert ui["page"]["not_found_title"] in tab.text_content("h1")
        policy = tab.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content")
        assert policy and "default-src 'self'" in policy
        assert tab.evaluate(STYLED) == "sticky", "the page is unstyled"
        crisis = tab.get_attribute(f"text={ui['crisis']['more_ways']}", "href")
        assert tab.evaluate("h => new URL(h, location.href).href", crisis) == origin + PREFIX + language + guide.site.crisis_page + "/"
        broken = [url for url in tab.evaluate(LOCAL_REFERENCES)
                  if context.request.get(url).status != 200]
        assert broken == [], broken
    finally:
        context.close()
        server.shutdown()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_not_found_page_works_under_a_sub_path(browser, built_site, language):
    """With no site_url its links are relative: right for a mistyped address below a language's root."""
    check_not_found_page(browser, built_site, language, "no-such-page")


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory) -> Path:
    from helpers import copy_project

    project = copy_project(tmp_path_factory.mktemp("site-url") / "project")
    config = project / "mkdocs.yml"
    config.write_text(f"site_url: https://example.org{PREFIX}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    out = project / "site"
    result = run_cli("--root", str(project), "site", "--no-pdf", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("missing", ["no-such-page", "worksheets/no/such/page/"])
def test_with_a_site_url_the_not_found_page_works_at_any_depth(browser, site_with_url, language, missing):
    check_not_found_page(browser, site_with_url, language, missing)


def test_a_missing_address_that_only_starts_like_a_language_stays_in_the_first_language(browser, site_with_url):
    """`esoterica/` is no language's folder: the first language's page answers, in its words."""
    first = next(iter(LANGUAGES.values()))
    others = [prefix for prefix in LANGUAGES if prefix]
    if not others:
        pytest.skip("one language only")
    origin, server = serve_under_prefix(site_with_url)
    context = browser.new_context(service_workers="block")
    context.add_init_script(RECORD_NAVIGATIONS)
    try:
        tab = context.new_page()
        asked = origin + PREFIX + others[0].rstrip("/") + "oterica/page"
        tab.goto(asked)
        # not-found.js redirects while the page is read, before its load event: a redirect is either
        # recorded on this page or has already left it.
        assert tab.evaluate("window.__navigations") == [] and tab.url == asked
        assert first.ui["page"]["not_found_title"] in tab.text_content("h1")
    finally:
        context.close()
        server.shutdown()
