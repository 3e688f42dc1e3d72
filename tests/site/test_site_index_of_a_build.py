"""The site index on a real build: every page the engine wrote reads the same in pieces as whole
(generator/publish/site_index.py reuses pieces of the menu from page to page), the finished pages
have no blank line left to drop, and each language's sitemap names every page in every language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import ROOT, copy_project, run_cli
from generator.guide.assemble import load_guides
from generator.publish import site_index

SITE_URL = "https://example.org/guide/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
GUIDES = load_guides(ROOT / "content")


def test_every_built_page_reads_the_same_in_pieces_as_whole(built_site):
    site_index._PIECES.clear()
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert site_index._parse(text) == site_index._parse(text, in_pieces=False), page
        assert site_index._parse(text, compact=True)[0] == text, f"{page}: a blank line was left"
    assert site_index._PIECES


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("site-url") / "project")
    config = project / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    out = project / "site"
    result = run_cli("--root", str(project), "site", "--no-pdf", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_each_languages_sitemap_names_every_page_in_every_language(site_with_url):
    if len(GUIDES) < 2:
        pytest.skip("one language only")
    first = GUIDES[0]
    for guide in GUIDES:
        root = ET.parse(site_with_url / guide.address_prefix / "sitemap.xml").getroot()
        urls = root.findall("s:url", NS)
        assert len(urls) >= 20
        for url in urls:
            address = url.find("s:loc", NS).text.strip()
            path = address.removeprefix(SITE_URL + guide.address_prefix)
            links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            assert links == {**{other.site.language: SITE_URL + other.address_prefix + path for other in GUIDES},
                             "x-default": SITE_URL + first.address_prefix + path}, address
            for other in GUIDES:  # each address a page of that language
                page = site_with_url / other.address_prefix / path / "index.html"
                assert page.is_file(), page
    assert (site_with_url / "sitemap.xml.gz").is_file()
