"""The built site: a strict MkDocs build from the content, with every page and nothing remote."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from helpers import site_pages

CONTENT_PAGES = ["index", "what-is-integration", "why-it-matters", "forms-of-integration", "phases",
                 "does-it-help", "finding-a-therapist", "getting-started", "crisis", "about"]


def page_html(site: Path, page_id: str) -> str:
    path = site / "index.html" if page_id == "index" else site / page_id / "index.html"
    return path.read_text(encoding="utf-8")


class _LoadedUrls(HTMLParser):
    """The URLs a page makes the browser fetch by itself: src attributes and <link> hrefs."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("src", "srcset", "poster", "data"):
            if attributes.get(name):
                self.urls.append(attributes[name])
        if tag == "link" and attributes.get("href") and attributes.get("rel") not in ("canonical",):
            self.urls.append(attributes["href"])


def test_every_content_page_is_built(built_site):
    for page_id in CONTENT_PAGES:
        assert "<h1" in page_html(built_site, page_id), page_id


def test_no_page_loads_anything_from_another_origin(built_site):
    remote = re.compile(r"^(https?:)?//", re.I)
    for html_file in site_pages(built_site):
        parser = _LoadedUrls()
        parser.feed(html_file.read_text(encoding="utf-8"))
        offending = [u for u in parser.urls if remote.match(u.strip())]
        assert not offending, f"{html_file.relative_to(built_site)} loads {offending}"


def test_no_web_fonts_requested_by_the_stylesheets(built_site):
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css
