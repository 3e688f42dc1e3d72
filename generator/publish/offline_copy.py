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

import posixpath
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from ..problems import BuildFailed
from .owned_folders import write_archive

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
REFERENCE = re.compile(r"""(\s(?:href|src)=)(["'])(.*?)\2""", re.I | re.S)


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
    link to check at all: not another site, a phone number or an anchor on the same page)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//") or not parts.path:
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


def fix_links(page: str, html: str, files: set[str]) -> str:
    """``html`` of ``page`` with each link that leads to no file pointed at the file it means:
    resolved from the page's own folder, or, as our templates wrote it, from the folder the page
    has when hosted (worksheets/x.html was worksheets/x/index.html)."""
    hosted = page[: -len(".html")] + "/" if page.endswith(".html") and not page.endswith("index.html") else posixpath.dirname(page) + "/"
    here = posixpath.dirname(page)

    def fixed(match: re.Match) -> str:
        href = match.group(3)
        target, checked = local_target(files, page, href)
        if target is not None or not checked:
            return match.group(0)
        parts = urlsplit(href)
        path = unquote(parts.path)
        bases = [""] if path.startswith("/") else [here, hosted.rstrip("/")]  # "/x": from the copy's top
        for base in bases:
            resolved = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
            if resolved.startswith(".."):
                continue
            found = _file_for(files, "" if resolved == "." else resolved)
            if found:
                new = quote(posixpath.relpath(found, here or "."))
                new += (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
                return f"{match.group(1)}{match.group(2)}{new}{match.group(2)}"
        return match.group(0)

    return REFERENCE.sub(fixed, html)


def broken_links(files: dict[str, bytes]) -> list[str]:
    """'page: href' for each link or loaded file of a page that is not inside the copy."""
    names = set(files)
    problems = []
    for page in sorted(name for name in names if name.endswith(".html")):
        for match in REFERENCE.finditer(files[page].decode("utf-8")):
            target, checked = local_target(names, page, match.group(3))
            if checked and target is None:
                problems.append(f"{page}: {match.group(3)}")
    return problems


def _server_only(site_dir: Path, path: Path) -> bool:
    """Whether ``path`` is a file only a server uses, at the site's root or a language's root (a
    folder of the site's top with its own index.html: es/)."""
    folder = path.parent
    return path.name in SERVER_ONLY and (folder == site_dir or (folder.parent == site_dir and (folder / "index.html").is_file()))


def bundle_files(site_dir: Path, pdfs: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """Every file of a built site by relative path (not those only a server uses), the PDFs
    (by their path in the site, downloads/…), links fixed to work from files, and a read-me."""
    files = {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in site_dir.rglob("*")
             if p.is_file() and not _server_only(site_dir, p)}
    files.update(pdfs or {})
    names = set(files)
    for page in [name for name in names if name.endswith(".html")]:
        files[page] = fix_links(page, files[page].decode("utf-8"), names).encode("utf-8")
    problems = broken_links(files)
    if problems:
        shown = "\n  ".join(problems[:10]) + (f"\n  and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise LinkOutsideCopy(f"the offline copy has links that lead outside it:\n  {shown}")
    files["README.txt"] = README.replace("\n", "\r\n").encode("utf-8")  # Windows Notepad users too
    return files


def write_offline_copy(site_dir: Path, out_zip: Path, pdfs: dict[str, bytes] | None = None) -> None:
    """Zip the file:// build in ``site_dir``, with ``pdfs``, to ``out_zip`` (replaced atomically)."""
    write_archive(bundle_files(site_dir, pdfs), out_zip, BUNDLE_FOLDER)
