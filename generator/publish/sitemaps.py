"""Each language's sitemap names the same page in every language (hreflang), for search engines.

Pages carry no ``<link rel="alternate" hreflang>``: the theme's script would fetch a sitemap beside
each one (templates/overrides/main.html says why). Search engines read the same facts from a
sitemap, so each language's ``sitemap.xml`` (and ``sitemap.xml.gz``) gets, for each page, an
``xhtml:link`` to that page in each language that has it, and an ``x-default`` to the first
language's. A sitemap lists pages only when the site has a ``site_url`` (the addresses must be
whole), and a site with one language needs none of this.
"""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET

from .site_index import HOME, SiteIndex

SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
WORDS_BLOCK = "guide-words"


def _language_code(index: SiteIndex, prefix: str) -> str:
    """The language of the pages at ``prefix``, as the pipeline wrote it into their words block."""
    facts = index.facts.get(prefix + HOME)
    if facts is None:
        return prefix.rstrip("/")
    try:
        return json.loads(facts.data_block(WORDS_BLOCK) or "{}").get("lang") or facts.lang or prefix.rstrip("/")
    except ValueError:
        return facts.lang or prefix.rstrip("/")


def _addresses(tree: ET.ElementTree) -> list[str]:
    return [loc.text.strip() for loc in tree.getroot().iter(f"{{{SITEMAP_NS}}}loc") if loc.text and loc.text.strip()]


def add_language_links(index: SiteIndex) -> None:
    """Write every language's page addresses into each language's sitemap (see the module's docstring)."""
    if len(index.languages) < 2:
        return
    trees, homes, pages = {}, {}, {}
    for prefix in index.languages:
        if prefix + SITEMAP not in index.files:
            continue
        try:
            tree = ET.parse(index.site_dir / prefix / SITEMAP)
        except (ET.ParseError, OSError):
            continue
        addresses = _addresses(tree)
        if not addresses:
            continue  # no site_url: no whole addresses to name
        home = min(addresses, key=len)
        if not all(address.startswith(home) for address in addresses):
            continue
        trees[prefix], homes[prefix] = tree, home
        pages[prefix] = {address[len(home):] for address in addresses}
    if len(trees) < 2:
        return
    codes = {prefix: _language_code(index, prefix) for prefix in trees}
    first = index.languages[0]
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    for prefix, tree in trees.items():
        for url in tree.getroot().iter(f"{{{SITEMAP_NS}}}url"):
            loc = url.find(f"{{{SITEMAP_NS}}}loc")
            if loc is None or not loc.text:
                continue
            path = loc.text.strip()[len(homes[prefix]):]
            others = [(codes[other], homes[other] + path) for other in trees if path in pages[other]]
            if len(others) < 2:
                continue
            if first in trees and path in pages[first]:
                others.append(("x-default", homes[first] + path))
            for code, address in others:
                ET.SubElement(url, f"{{{XHTML_NS}}}link", {"rel": "alternate", "hreflang": code, "href": address})
        ET.indent(tree)
        data = ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)
        (index.site_dir / prefix / SITEMAP).write_bytes(data)
        if prefix + SITEMAP + ".gz" in index.files:
            (index.site_dir / prefix / (SITEMAP + ".gz")).write_bytes(gzip.compress(data, mtime=0))
