"""The offline copy: the whole site built to open from files (file://), with its PDFs, zipped.

A patient can copy it to a USB stick or a laptop, unzip it, and open index.html: every page, every
PDF and the plan builder work with no server and no network. The engine builds the site for file://
(generator/engines/mkdocs/build.py); this turns the built folder into the zip.

From files a browser opens only files: a link to a folder (``crisis/``) shows a folder listing or
nothing. The engine writes pages as files (``crisis.html``) and its own links to them, but links
written as HTML in our templates and content (a worksheet's PDF buttons, a link to another page)
assume the hosted layout, where each page is a folder. Every such link is pointed at the file it
means, and a link that still leads nowhere inside the copy fails the build (``LinkOutsideCopy``).
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from ..problems import BuildFailed
from .owned_folders import write_archive
from .site_index import Edit, PageFacts, apply_edits, index_site, page_facts

BUNDLE_FOLDER = "ketamine-integration-guide"
README = """\
Ketamine integration guide, for use with no internet
=====================================================

Open the file index.html in this folder with your web browser (double-click it).
Every page works from here, with no internet, and so does every "Download PDF" button:
the PDFs are in the downloads folder. Your plan (the "My plan" page) is saved in
this browser on this computer only. To move it, use "Save a copy to a file" on that page.
"""
# Files only a web server uses: its not-found page, its headers, the sitemap for search engines, the
# service worker; at the site's root or at a language's (es/404.html, es/sitemap.xml).
SERVER_ONLY = {"404.html", "_headers", "sitemap.xml", "sitemap.xml.gz", "sw.js"}


class LinkOutsideCopy(BuildFailed):
    """A page of the offline copy links to a file that is not in it."""


def _file_for(files: set[str], path: str) -> str | None:
    """The file a link to ``path`` (inside the copy) means: the file, a folder's index.html, or
    the page a folder address names (``crisis/`` → crisis.html)."""
    path = path.strip("/") if path not in ("", ".") else ""
    for candidate in (path, posixpath.join(path, "index.html"), f"{path}.html" if path else "index.html"):
        if candidate in files:
            return candidate
    return None


def local_target(files: set[str], page: str, href: str) -> tuple[str | None, bool]:
    """(the file inside the copy that ``href`` on ``page`` leads to, or None; whether it is a
    link to check at all: not another site's address, a phone number or an anchor on the same
    page). A protocol-relative link (``//host/p``) is checked, and leads outside: from files it
    means a file on another computer, not the site at that host."""
    parts = urlsplit(href)
    if parts.scheme:
        return None, False
    if parts.netloc or href.startswith("//"):
        return None, True
    if not parts.path:
        return None, False
    path = unquote(parts.path)
    if path.startswith("/"):
        return None, True  # from files, "/" is the top of the disk, not of the copy
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if resolved == ".." or resolved.startswith("../"):
        return None, True
    if resolved in files:
        return resolved, True
    return None, True


def _fixed(page: str, href: str, files: set[str]) -> str | None:
    """The address ``href`` on ``page`` should have to lead to the file it means, or None when it
    leads there already, cannot be checked, or means no file of the copy: resolved from the page's
    own folder, or, as our templates wrote it, from the folder the page has when hosted
    (worksheets/x.html was worksheets/x/index.html)."""
    target, checked = local_target(files, page, href)
    parts = urlsplit(href)
    if target is not None or not checked or parts.netloc or href.startswith("//"):
        return None
    hosted = page[: -len(".html")] + "/" if page.endswith(".html") and not page.endswith("index.html") else posixpath.dirname(page) + "/"
    here = posixpath.dirname(page)
    path = unquote(parts.path)
    bases = [""] if path.startswith("/") else [here, hosted.rstrip("/")]  # "/x": from the copy's top
    for base in bases:
        resolved = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if resolved.startswith(".."):
            continue
        found = _file_for(files, "" if resolved == "." else resolved)
        if found:
            new = quote(posixpath.relpath(found, here or "."))
            return new + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return None


def link_edits(page: str, facts: PageFacts, files: set[str]) -> list[Edit]:
    """Edits that point each link of ``page`` that leads to no file at the file it means."""
    edits = []
    for ref in facts.references:
        new = _fixed(page, ref.value, files)
        if new is not None:
            edits.append(Edit(ref.value_start, ref.value_end, html.escape(new, quote=True)))
    return edits


def fix_links(page: str, text: str, files: set[str]) -> str:
    """``text`` of ``page`` with each link that leads to no file pointed at the file it means."""
    facts = page_facts(text)
    return apply_edits(text, facts, link_edits(page, facts, files))[0]


def outside_links(page: str, facts: PageFacts, files: set[str]) -> list[str]:
    """'page: href' for each link or loaded file of a page that is not inside the copy."""
    return [f"{page}: {ref.value}" for ref in facts.references
            if (found := local_target(files, page, ref.value))[1] and found[0] is None]


def _server_only(site_dir: Path, path: Path) -> bool:
    """Whether ``path`` is a file only a server uses, at the site's root or a language's root (a
    folder of the site's top with its own index.html: es/)."""
    folder = path.parent
    return path.name in SERVER_ONLY and (folder == site_dir or (folder.parent == site_dir and (folder / "index.html").is_file()))


def bundle_files(site_dir: Path, pdfs: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """Every file of a built site by relative path (not those only a server uses), the PDFs
    (by their path in the site, downloads/…), links fixed to work from files, and a read-me.
    The pages' links come from the site index (site_index.py), which knows the pages the
    finishing steps wrote without reading them again."""
    index = index_site(site_dir)
    kept = {path for path in index.files if not _server_only(site_dir, site_dir / path)}
    files = {path: (site_dir / path).read_bytes() for path in sorted(kept) if path not in index.texts}
    files.update(pdfs or {})
    names = kept | set(files)
    problems = []
    for page in sorted(kept & set(index.texts)):
        text, facts = apply_edits(index.texts[page], index.facts[page], link_edits(page, index.facts[page], names))
        problems += outside_links(page, facts, names)
        files[page] = text.encode("utf-8")
    if problems:
        shown = "\n  ".join(problems[:10]) + (f"\n  and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise LinkOutsideCopy(f"the offline copy has links that lead outside it:\n  {shown}")
    files["README.txt"] = README.replace("\n", "\r\n").encode("utf-8")  # Windows Notepad users too
    return dict(sorted(files.items()))


def write_offline_copy(site_dir: Path, out_zip: Path, pdfs: dict[str, bytes] | None = None) -> None:
    """Zip the file:// build in ``site_dir``, with ``pdfs``, to ``out_zip`` (replaced atomically)."""
    write_archive(bundle_files(site_dir, pdfs), out_zip, BUNDLE_FOLDER)
