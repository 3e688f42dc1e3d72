"""Every internal link and anchor of a built site, checked in the finished HTML.

``mkdocs build --strict`` checks the links written in Markdown; this also covers what it cannot
see: raw HTML in the content, the theme override, and pages any other step adds. It reads the
site index (generator/publish/site_index.py: each page parsed once, by html.parser), so it works
on the output of any site engine, and costs no parse for pages the finishing steps wrote.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..publish.site_index import HOME, index_site

LINKING = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src", "source": "src",
           "iframe": "src", "video": "src", "audio": "src"}
OUTSIDE = ("http", "https", "mailto", "tel", "sms", "data", "javascript")


def _target_file(files: set[str], url_path: str) -> str | None:
    """The file a site-relative URL path serves, as a static web server would find it."""
    path = url_path.strip("/")
    folder = posixpath.join(path, HOME) if path else HOME
    if url_path.endswith("/") or (folder in files and path not in files):
        return folder if folder in files else None
    return path if path in files else None


def broken_links(site: Path, pages: list[Path] | None = None) -> list[str]:
    """One message per broken internal link or anchor: the page, the link, and what is wrong."""
    site = site.resolve()
    index = index_site(site)
    if pages is None:
        wanted = [page for page in index.pages if posixpath.basename(page) != "404.html"]
    else:
        wanted = [page.resolve().relative_to(site).as_posix() for page in pages]
    problems = []
    for where in wanted:
        page_url = "/" + where
        for ref in index.facts[where].references:
            if LINKING.get(ref.tag) != ref.attribute:
                continue
            tag, link = ref.tag, ref.value
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
            target = where if not parts.path else _target_file(index.files, url_path)
            if target is None:
                problems.append(f"{where}: <{tag}> {link!r}: no such file in the site ({url_path})")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html") and fragment not in index.facts[target].anchors:
                problems.append(f"{where}: <{tag}> {link!r}: no element with id {fragment!r} on {target}")
    return problems
