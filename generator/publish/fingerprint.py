"""Asset addresses that change with the asset: ``stylesheets/guide.css?h=3f2a…`` in every page.

The theme names its own files by their content (``bundle.a5f9d56c.min.js``); ours and a clinic's
(guide.css, the plan builder's scripts, brand.css, a logo) keep one name from build to build. A
browser that kept last week's guide.css could pair it with this week's page: its memory and HTTP
caches answer before any service worker is asked, for as long as a plain server's headers let it.
With the first characters of the file's SHA-256 in the address, a page asks for exactly the bytes
it was built with, and the service worker can keep each such file for good.

Only stylesheets, icons, scripts and images that a page loads from the site itself are stamped
(the site index says which: site_index.py); links a reader follows are left as they are. Each file
is read and hashed once, however many pages load it.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .site_index import Edit, PageFacts, SiteIndex, apply_edits, index_site, page_facts

STAMP = "h"
STAMP_LENGTH = 12
STAMPED = re.compile(rf"^{STAMP}=[0-9a-f]{{{STAMP_LENGTH}}}$")
# A name that already changes with the file's content: name.<8 or more hex digits>[.min].ext
CONTENT_HASHED = re.compile(r"\.[0-9a-f]{8,}(\.min)?\.[a-z0-9]+$")
# Our folders of files that every page loads by hash (stylesheets/guide.css?h=…), in each language's folder.
STAMPED_FOLDERS = ("stylesheets", "javascripts")
FOREVER = "  Cache-Control: public, max-age=31536000, immutable\n"


def stamp_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:STAMP_LENGTH]


def site_file(files: set[str], page: str, path: str) -> str | None:
    """The file of the site a page's reference means. A reference from the root ("/guide/x.css",
    which MkDocs writes in the not-found page from site_url's path) is matched from its end."""
    if path.startswith("/"):
        parts = path.strip("/").split("/")
        candidates = ["/".join(parts[i:]) for i in range(len(parts))]
    else:
        candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(page), path))]
    for target in candidates:
        if target and not target.startswith("..") and target in files:
            return target
    return None


def stamp_edits(index: SiteIndex, page: str, facts: PageFacts) -> list[Edit]:
    """Edits that address each file ``page`` loads from the site, whose name does not already
    carry its hash, as ``path?h=<stamp>``."""
    edits = []
    for ref in facts.loads:
        parts = urlsplit(ref.value)
        if parts.scheme or parts.netloc or ref.value.startswith("//") or parts.query or parts.fragment \
                or not parts.path or CONTENT_HASHED.search(parts.path):
            continue
        target = site_file(index.files, page, unquote(parts.path))
        if target is None or target.endswith(".html"):
            continue
        stamped = f"{ref.value}?{STAMP}={index.digest(target).hex()[:STAMP_LENGTH]}"
        edits.append(Edit(ref.value_start, ref.value_end, html.escape(stamped, quote=True)))
    return edits


def stamp_assets(text: str, page: str, site_dir: Path) -> str:
    """``text`` (the page at ``page``, a path inside ``site_dir``) with each file it loads from the
    site, whose name does not already carry its hash, addressed as ``path?h=<stamp>``."""
    index = index_site(site_dir)
    facts = page_facts(text)
    return apply_edits(text, facts, stamp_edits(index, page, facts))[0]


def cache_headers(index: SiteIndex, workers: Iterable[str]) -> str:
    """Rules for a ``_headers`` file (Netlify, Cloudflare Pages): files named by their content,
    and each language's folders of files every page asks for by hash, may be kept for a year; the
    service workers (``workers``: sw.js, es/sw.js) must be asked for every time. Pages, the search
    index and PDFs keep the host's own rule (both hosts revalidate them). No rule overlaps another:
    a host joins a header set twice."""
    stamped = [f"{prefix}{folder}/" for prefix in index.languages for folder in STAMPED_FOLDERS
               if any(path.startswith(f"{prefix}{folder}/") for path in index.files)]
    named = sorted(path for path in index.files if CONTENT_HASHED.search(path.rsplit("/", 1)[-1])
                   and not path.startswith(tuple(stamped)))
    rules = [f"/{worker}\n  Cache-Control: no-cache\n" for worker in workers]
    rules += [f"/{folder}*\n{FOREVER}" for folder in stamped]
    rules += [f"/{path}\n{FOREVER}" for path in named]
    return "".join(rules)
