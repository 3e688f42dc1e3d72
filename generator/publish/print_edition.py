"""The built site as the PDFs print it: a copy in which links lead to the published site (or are
plain text) and the QR code placeholders hold their codes (or are gone).

Chromium prints each page served on loopback, so a link to another page of the site would reach
the PDF as ``http://127.0.0.1:<port>/…``: an address that works nowhere. This HTML pre-step runs on
a scratch copy of the built site, before the PDFs are printed from it, and never touches the site
that is published:

- a link to a page or file of the site becomes the same page at the published address when there
  is one (generator/publish/site_url.py), and plain text (an ``<a>`` without ``href``) when not;
  links within the page (#…), and tel:, sms:, mailto: and other sites' https: links are kept;
- each QR placeholder (templates/components/qr_code.md.j2) becomes a QR code to its page at the
  published address, drawn by segno as inline SVG (no image is fetched from anywhere), with its
  label and the address in words; with no published address it is taken out.

``pdf_links.local_links`` then checks every PDF made for a link that still leads to this machine.
The links and placeholders are those the site index found (site_index.py): the finishing steps
read these pages already, so the print edition parses none again.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import segno

from ..guide.interface import fill
from .site_index import Edit, PageFacts, apply_edits, index_site, page_facts

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0")
_HREF = re.compile(r"""\s+href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_DOWNLOAD = re.compile(r"""\s+download(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?(?=[\s>/])""", re.I)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*"([^"]*)\"""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@contextmanager
def print_edition(site_dir: Path, site_url: str | None) -> Iterator[Path]:
    """A scratch copy of ``site_dir`` made ready for print (see the module's doc), removed afterwards."""
    scratch = Path(tempfile.mkdtemp(prefix="guide-print-"))
    try:
        folder = scratch / "site"
        shutil.copytree(site_dir, folder)
        index = index_site(folder)  # the finished pages' facts, known from the finishing steps
        for page in index.pages:
            text = index.texts[page]
            ready = _for_print(text, index.facts[page], page_path(Path(page)), site_url)
            if ready != text:
                (folder / page).write_text(ready, encoding="utf-8")
        yield folder
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def page_path(relative: Path) -> str:
    """The address path of a built HTML file: ``crisis/index.html`` is ``/crisis/``."""
    parts = relative.as_posix()
    return "/" + (parts[: -len("index.html")] if parts.endswith("index.html") else parts)


def for_print(text: str, path: str, site_url: str | None) -> str:
    """One page's HTML with its site links and QR placeholders made ready for print."""
    return _for_print(text, page_facts(text), path, site_url)


def _for_print(text: str, facts: PageFacts, path: str, site_url: str | None) -> str:
    """The page's links (<a href>) and QR placeholders, as the site index found them, each edited
    in place (generator/publish/site_index.py)."""
    edits = [Edit(element.start, element.end, qr_figure(text[element.start:element.end], site_url))
             for element in facts.marked if "guide-qr" in element.get("class").split()]
    for ref in facts.references:
        if ref.tag == "a" and ref.attribute == "href":
            tag = text[ref.tag_start:ref.tag_end]
            ready = _link_for_print(tag, path, site_url)
            if ready != tag:
                edits.append(Edit(ref.tag_start, ref.tag_end, ready))
    return apply_edits(text, facts, edits)[0]


def is_local(url: str) -> bool:
    """True for an http(s) address on this machine, which no reader of a PDF can reach."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and (parts.hostname or "") in {h.strip("[]") for h in LOCAL_HOSTS}


def site_link(href: str, path: str, site_url: str | None) -> str | None:
    """Where a link leads on paper: ``href`` itself, the page at the published address, or None (plain text)."""
    href = html.unescape(href).strip()
    if href.startswith("#") or not href:
        return href
    if _SCHEME.match(href) and not is_local(href):
        return href  # tel:, sms:, mailto:, another site
    target = urlsplit(urljoin(f"http://site{path}", href))  # relative, or /absolute, or on loopback
    if target.path == path and target.fragment and not target.query:
        return f"#{target.fragment}"  # a place on this same page
    if site_url is None:
        return None
    address = site_url + target.path.lstrip("/")
    return address + (f"?{target.query}" if target.query else "") + (f"#{target.fragment}" if target.fragment else "")


def _link_for_print(tag: str, path: str, site_url: str | None) -> str:
    found = _HREF.search(tag)
    if not found:
        return tag
    href = next(g for g in found.groups() if g is not None)
    target = site_link(href, path, site_url)
    if target == html.unescape(href).strip():
        return tag
    tag = _DOWNLOAD.sub("", tag)
    found = _HREF.search(tag)
    if target is None:
        return tag[: found.start()] + tag[found.end():]  # no address: the words stay, as plain text
    return tag[: found.start()] + f' href="{html.escape(target)}"' + tag[found.end():]


def qr_figure(placeholder: str, site_url: str | None) -> str:
    """A QR placeholder's code, label and address in words; nothing without a published address."""
    if site_url is None:
        return ""
    attrs = {name: html.unescape(value) for name, value in _ATTR.findall(placeholder)}
    url = site_url + attrs.get("data-qr-path", "").lstrip("/")
    label = attrs.get("data-qr-label", "")
    name = attrs.get("data-qr-name", "QR code: {label}, {address}")  # the catalog's words (ui.handout.qr)
    shown = re.sub(r"^https?://", "", url).rstrip("/")
    return (f'<a class="guide-qr" href="{html.escape(url)}">'
            f'<span class="guide-qr__label">{html.escape(label)}</span>'
            f'{qr_svg(url, fill(name, label=label, address=shown))}'
            f'<span class="guide-qr__url">{html.escape(shown).replace("/", "/<wbr>")}</span></a>')


def qr_svg(url: str, name: str) -> str:
    """A QR code for ``url`` as inline SVG, sized by the stylesheet, named for screen readers."""
    code = segno.make(url, error="l")  # the smallest code; segno raises the level where it fits
    svg = code.svg_inline(border=4, omitsize=True, svgclass="guide-qr__code", lineclass=None)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(name)}" ', 1)
