"""Every internal link and anchor of a built site, checked in the finished HTML.

``mkdocs build --strict`` checks the links written in Markdown; this also covers what it cannot
see: raw HTML in the content, the theme override, and pages any other step adds. It reads only
files, so it works on the output of any site engine.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINKING = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src", "source": "src",
           "iframe": "src", "video": "src", "audio": "src"}
OUTSIDE = ("http", "https", "mailto", "tel", "sms", "data", "javascript")


class _Page(HTMLParser):
    """The ids a page offers as anchors, and the links it makes (tag, attribute value)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.anchors.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.anchors.add(attributes["name"])
        target = attributes.get(LINKING.get(tag, ""))
        if target is not None:
            self.links.append((tag, target))


def _read(path: Path) -> _Page:
    parsed = _Page()
    parsed.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parsed


def _target_file(site: Path, url_path: str) -> Path | None:
    """The file a site-relative URL path serves, as a static web server would find it."""
    candidate = site / url_path.lstrip("/")
    if url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, pages: list[Path] | None = None) -> list[str]:
    """One message per broken internal link or anchor: the page, the link, and what is wrong."""
    site = site.resolve()
    pages = pages if pages is not None else sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    parsed: dict[Path, _Page] = {}

    def page_at(path: Path) -> _Page:
        if path not in parsed:
            parsed[path] = _read(path)
        return parsed[path]

    problems = []
    for page in pages:
        page = page.resolve()
        where = page.relative_to(site).as_posix()
        page_url = "/" + where
        for tag, link in page_at(page).links:
            parts = urlsplit(link.strip())
            if parts.scheme in OUTSIDE or parts.netloc or (not parts.path and not parts.fragment):
                continue
            if parts.scheme:
                problems.append(f"{where}: <{tag}> {link!r}: unknown link scheme {parts.scheme!r}")
                continue
            url_path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), unquote(parts.path))) if parts.path else page_url
            if parts.path.endswith("/") and not url_path.endswith("/"):
                url_path += "/"
            if url_path.startswith("/.."):
                problems.append(f"{where}: <{tag}> {link!r}: points above the site's root")
                continue
            target = page if not parts.path else _target_file(site, url_path)
            if target is None:
                problems.append(f"{where}: <{tag}> {link!r}: no such file in the site ({url_path})")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in page_at(target).anchors:
                shown = target.relative_to(site).as_posix()
                problems.append(f"{where}: <{tag}> {link!r}: no element with id {fragment!r} on {shown}")
    return problems
