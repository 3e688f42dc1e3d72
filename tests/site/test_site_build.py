"""The built site: a strict MkDocs build from the content, with every page and nothing remote."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import read_page, site_pages

CONTENT_PAGES = ["index", "what-is-integration", "why-it-matters", "forms-of-integration", "phases",
                 "does-it-help", "finding-a-therapist", "getting-started", "crisis", "about"]


def page_html(site: Path, page_id: str) -> str:
    path = site / "index.html" if page_id == "index" else site / page_id / "index.html"
    return path.read_text(encoding="utf-8")


def loaded_urls(path: Path) -> list[str]:
    """The URLs a page makes the browser fetch by itself: src-like attributes and <link> hrefs."""
    urls = []
    for tag, attributes in read_page(path).elements:
        urls += [attributes[name] for name in ("src", "srcset", "poster", "data") if attributes.get(name)]
        if tag == "link" and attributes.get("href") and attributes.get("rel") not in ("canonical",):
            urls.append(attributes["href"])
    return urls


def test_every_content_page_is_built(built_site):
    for page_id in CONTENT_PAGES:
        assert "<h1" in page_html(built_site, page_id), page_id


def test_no_page_loads_anything_from_another_origin(built_site):
    remote = re.compile(r"^(https?:)?//", re.I)
    for html_file in site_pages(built_site):
        offending = [u for u in loaded_urls(html_file) if remote.match(u.strip())]
        assert not offending, f"{html_file.relative_to(built_site)} loads {offending}"


def test_no_web_fonts_requested_by_the_stylesheets(built_site):
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css


def test_the_site_search_finds_the_help_page_for_the_words_frightened_people_type(built_site):
    """Search keywords in the content reach the search index, on the page that says when to get help."""
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    help_text = " ".join(doc["text"].lower() for doc in index["docs"] if doc["location"].startswith("when-to-get-help/"))
    for word in ("suicidal", "panic", "scared", "emergency", "overdose"):
        assert word in help_text, f"searching for {word!r} would not find the help page"


def test_the_plans_own_scripts_and_styles_are_served_within_40_kb_gzipped(built_site):
    """Issue 22's budget, on the files a phone downloads: the plan page's own scripts and styles in
    each language, each gzipped alone as a server sends it. The sources keep their comments;
    what is served has none (generator/publish/minify.py)."""
    import gzip

    for prefix in ("", "es/"):
        page = (built_site / prefix / "plan" / "index.html").read_text(encoding="utf-8")
        own = sorted(set(re.findall(r'(?:src|href)="\.\./((?:javascripts/plan/[a-z_]+\.js|stylesheets/plan\.css))', page)))
        assert len(own) >= 10, own
        served = [built_site / prefix / path for path in own]
        total = sum(len(gzip.compress(path.read_bytes(), 9)) for path in served)
        assert total <= 40 * 1024, f"{prefix or 'en/'}plan: {total / 1024:.1f} KiB gzipped"
