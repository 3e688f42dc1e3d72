"""Asset addresses that change with the asset: ``stylesheets/guide.css?h=3f2a…`` in every page.

The theme names its own files by their content (``bundle.a5f9d56c.min.js``); ours and a clinic's
(guide.css, the plan builder's scripts, brand.css, a logo) keep one name from build to build. A
browser that kept last week's guide.css could pair it with this week's page: its memory and HTTP
caches answer before any service worker is asked, for as long as a plain server's headers let it.
With the first characters of the file's SHA-256 in the address, a page asks for exactly the bytes
it was built with, and the service worker can keep each such file for good.

Only stylesheets, icons, scripts and images that a page loads from the site itself are stamped;
links a reader follows are left as they are. Pure text in, text out, for any engine's pages.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

STAMP = "h"
STAMP_LENGTH = 12
STAMPED = re.compile(rf"^{STAMP}=[0-9a-f]{{{STAMP_LENGTH}}}$")
# A name that already changes with the file's content: name.<8 or more hex digits>[.min].ext
CONTENT_HASHED = re.compile(r"\.[0-9a-f]{8,}(\.min)?\.[a-z0-9]+$")
# Our folders of files that every page loads by hash (stylesheets/guide.css?h=…).
STAMPED_FOLDERS = ("stylesheets", "javascripts")
LOADED = re.compile(
    r"""(<(?:link|script|img|source)\b[^>]*?\s(?:href|src)=)(["'])([^"'#?]+)\2""", re.I)


def stamp_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:STAMP_LENGTH]


def _file(site_dir: Path, page: str, path: str) -> Path | None:
    """The file of the site a page's reference means. A reference from the root ("/guide/x.css",
    which MkDocs writes in the not-found page from site_url's path) is matched from its end."""
    if path.startswith("/"):
        parts = path.strip("/").split("/")
        candidates = ["/".join(parts[i:]) for i in range(len(parts))]
    else:
        candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(page), path))]
    for target in candidates:
        if target and not target.startswith("..") and (site_dir / target).is_file():
            return site_dir / target
    return None


def cache_headers(site_dir: Path, workers: Iterable[str] = ("sw.js",)) -> str:
    """Rules for a ``_headers`` file (Netlify, Cloudflare Pages): files named by their content,
    and our folders of files every page asks for by hash, may be kept for a year; the service
    workers (``workers``: sw.js, es/sw.js) must be asked for every time. Pages, the search index
    and PDFs keep the host's own rule (both hosts revalidate them). No rule overlaps another: a host joins a header set twice."""
    named = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
                   if p.is_file() and CONTENT_HASHED.search(p.name))
    forever = "  Cache-Control: public, max-age=31536000, immutable\n"
    rules = [f"/{worker}\n  Cache-Control: no-cache\n" for worker in workers]
    rules += [f"/{folder}/*\n{forever}" for folder in STAMPED_FOLDERS if (site_dir / folder).is_dir()]
    rules += [f"/{path}\n{forever}" for path in named if path.split("/")[0] not in STAMPED_FOLDERS]
    return "".join(rules)


def stamp_assets(html: str, page: str, site_dir: Path) -> str:
    """``html`` (the page at ``page``, a path inside ``site_dir``) with each file it loads from the
    site, whose name does not already carry its hash, addressed as ``path?h=<stamp>``."""
    def stamped(match: re.Match) -> str:
        href = match.group(3)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("//") or CONTENT_HASHED.search(parts.path):
            return match.group(0)
        file = _file(site_dir, page, unquote(parts.path))
        if file is None or file.suffix == ".html":
            return match.group(0)
        quote = match.group(2)
        return f"{match.group(1)}{quote}{href}?{STAMP}={stamp_of(file.read_bytes())}{quote}"

    return LOADED.sub(stamped, html)
