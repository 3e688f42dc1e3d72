"""Pages without the theme's blank lines: whitespace-only lines carry nothing a reader or a browser
uses, yet they are about an eighth of every page the theme writes, and every page is downloaded
once more by the service worker on a first visit. Pure text in, text out, for any engine's pages.

Only lines that hold nothing but spaces are dropped, and never inside an element whose whitespace
shows (pre, code, kbd, textarea) or means something (script, style): elsewhere a run of whitespace
is shown as one space, with or without the blank lines, so the page looks and reads the same.
"""

from __future__ import annotations

import re

KEEP = re.compile(r"(<(pre|code|kbd|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")


def drop_blank_lines(html: str) -> str:
    parts = KEEP.split(html)
    out = []
    # re.split with two groups yields: text, whole kept element, its tag name, text, ...
    for index in range(0, len(parts), 3):
        out.append(BLANK_LINES.sub("", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
