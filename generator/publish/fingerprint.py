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
from pathlib import Path
from urllib.parse import unquote, urlsplit

STAMP = "h"
STAMP_LENGTH = 12
STAMPED = re.compile(rf"^{STAMP}=[0-9a-f]{{{STAMP_LENGTH}}}$")
# A name that already changes with the file's content: name.<8 or more hex digits>[.min].ext
CONTENT_HASHED = re.compile(r"\.[0-9a-f]{8,}(\.min)?\.[a-z0-9]+$")
LOADED = re.compile(
    r"""(<(?:link|script|img|source)\b[^>]*?\s(?:href|src)=)(["'])([^"'#?]+)\2""", re.I)


def stamp_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:STAMP_LENGTH]


def stamp_assets(html: str, page: str, site_dir: Path) -> str:
    """``html`` (the page at ``page``, a path inside ``site_dir``) with each file it loads from the
    site, whose name does not already carry its hash, addressed as ``path?h=<stamp>``."""
    def stamped(match: re.Match) -> str:
        href = match.group(3)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("//") or CONTENT_HASHED.search(parts.path):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        file = site_dir / target
        if target.startswith("..") or not file.is_file() or file.suffix == ".html":
            return match.group(0)
        quote = match.group(2)
        return f"{match.group(1)}{quote}{href}?{STAMP}={stamp_of(file.read_bytes())}{quote}"

    return LOADED.sub(stamped, html)
