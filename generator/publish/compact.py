"""Pages without the theme's blank lines: whitespace-only lines carry nothing a reader or a browser
uses, yet they are about an eighth of every page the theme writes, and every page is downloaded
once more by the service worker on a first visit.

Only lines that hold nothing but spaces are dropped, and never inside an element whose whitespace
shows (pre, code, kbd, textarea) or means something (script, style): elsewhere a run of whitespace
is shown as one space, with or without the blank lines, so the page looks and reads the same. The
site index drops them as it reads each page (site_index.py, ``index_site(..., compact=True)``),
where it knows those elements, so the finishing steps read no page twice.
"""

from __future__ import annotations

from .site_index import read_page


def drop_blank_lines(html: str) -> str:
    return read_page(html, compact=True)[0]
