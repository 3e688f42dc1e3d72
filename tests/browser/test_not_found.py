"""The page a host shows for an address the site does not have (404.html), as a host serves it:
for any missing address, under a sub-path (a GitHub Pages project site is at /<repository>/)."""

from __future__ import annotations

import http.server
import mimetypes
import threading
from pathlib import Path

import pytest

from helpers import run_cli

PREFIX = "/guide/"
STYLED = "() => getComputedStyle(document.querySelector('.md-header')).position"  # 'sticky' with the theme's CSS
LOCAL_REFERENCES = """() => [...document.querySelectorAll('[href], [src]')]
  .map(el => el.href || el.src).filter(u => u.startsWith(location.origin))"""


def serve_under_prefix(folder: Path):
    """Serve ``folder`` at PREFIX; any other address, or a missing file, gets 404.html with 404."""

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


def check_not_found_page(browser, site: Path, missing: str) -> None:
    origin, server = serve_under_prefix(site)
    context = browser.new_context(service_workers="block")
    try:
        tab = context.new_page()
        response = tab.goto(origin + PREFIX + missing)
        assert response.status == 404
        policy = tab.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content")
        assert policy and "default-src 'self'" in policy
        assert tab.evaluate(STYLED) == "sticky", "the page is unstyled"
        crisis = tab.get_attribute("text=More ways to get help", "href")
        assert tab.evaluate("h => new URL(h, location.href).href", crisis) == origin + PREFIX + "crisis/"
        broken = [url for url in tab.evaluate(LOCAL_REFERENCES)
                  if context.request.get(url).status != 200]
        assert broken == []
        assert "Page not found" in tab.text_content("h1")
    finally:
        context.close()
        server.shutdown()


def test_the_not_found_page_works_under_a_sub_path(browser, built_site):
    """With no site_url its links are relative: right for a mistyped address below the site."""
    check_not_found_page(browser, built_site, "no-such-page")


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


@pytest.mark.parametrize("missing", ["no-such-page", "worksheets/no/such/page/"])
def test_with_a_site_url_the_not_found_page_works_at_any_depth(browser, site_with_url, missing):
    check_not_found_page(browser, site_with_url, missing)
