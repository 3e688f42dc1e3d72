"""Helpers shared by the clinic tests: read a built page as a reader sees it, hash a folder."""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
import re
from html.parser import HTMLParser
from pathlib import Path


class PageText(HTMLParser):
    """A page's visible text, its <title>, and the names of every element it holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.title = ""
        self.tags: set[str] = set()
        self.attributes: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += [value for _, value in attrs if value]
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data):
        if "title" in self._in:
            self.title += data
        elif not {"script", "style"} & set(self._in):
            self.text.append(data)


def read_page(path: Path) -> PageText:
    parser = PageText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.joined = re.sub(r"\s+", " ", " ".join(parser.text))
    return parser


def script_json(html: str, element_id: str) -> str:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert match, f"no JSON block #{element_id}"
    return match.group(1)


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()




@contextmanager
def plan_page(browser, site: Path):
    """The plan builder of a built ``site``, served on loopback, open and ready in a fresh context."""
    from conftest import serve_folder

    url, server = serve_folder(site)
    context = browser.new_context(accept_downloads=True)
    try:
        tab = context.new_page()
        tab.goto(url + "plan/")
        tab.wait_for_selector("#plan-toolbar:not([hidden])")
        yield tab
    finally:
        context.close()
        server.shutdown()


def download_calendar(tab) -> bytes:
    """The schedule's .ics file, as the plan page's button downloads it (a session date must be set)."""
    with tab.expect_download() as download:
        tab.click("#plan-ics")
    return download.value.path().read_bytes()
