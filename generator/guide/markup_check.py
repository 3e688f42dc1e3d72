"""A first, friendly message for the common ways a text could run something, and the SVG logo check.

Every text is read as HTML here and what it holds that runs or embeds something (<script>,
<iframe>, <object>, ...), an event-handler attribute (onclick=...) or a link to a script
(javascript:, vbscript:, data:) in HTML or in a Markdown link is named in words an author knows.
This is a deny-list, so it is not the guarantee: the allow-list sanitizer (sanitizer.py) checks every
text as the site renders it, and holds for every form this list does not name.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser


RUNNING_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "meta",
                    "link", "style", "svg", "math", "template", "portal", "noscript"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}
SCRIPT_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []  # (offset into the text, what is wrong)

    def _offset(self) -> int:
        line, column = self.getpos()
        return sum(len(row) + 1 for row in self.rawdata.split("\n")[: line - 1]) + column

    def handle_starttag(self, tag, attrs):
        if tag in RUNNING_ELEMENTS:
            self.found.append((self._offset(), f"a <{tag}> element"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((self._offset(), f"an event-handler attribute ({name}=)"))
            elif name in URL_ATTRIBUTES and value and SCRIPT_SCHEME.match(value):
                self.found.append((self._offset(), f"a {value.split(':')[0].strip().lower()}: address in {name}="))

    handle_startendtag = handle_starttag


def unsafe_markup(text: str) -> list[tuple[int, str]]:
    """(offset, what) for everything in ``text`` that could run or embed something on a patient's page."""
    finder = _Finder()
    finder.feed(text)
    finder.close()
    found = finder.found
    for match in MARKDOWN_LINK.finditer(text):
        if SCRIPT_SCHEME.match(match.group(1)):
            found.append((match.start(1), f"a link to a {match.group(1).split(':')[0].strip().lower()}: address"))
    return found


def unsafe_svg(text: str) -> list[str]:
    """What in an SVG file (a clinic's logo) could run, load or embed something: scripts, event
    handlers, foreign objects, entity declarations, and references to anything outside the file."""
    found = []
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.I):
        found.append("a DOCTYPE or ENTITY declaration")

    class Finder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("script", "foreignobject", "iframe", "object", "embed", "use", "image", "feimage", "animate", "set"):
                found.append(f"a <{tag}> element")
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"an event-handler attribute ({name}=)")
                elif name in ("href", "xlink:href", "src") and value and not value.startswith("#"):
                    found.append(f"a reference to {value[:40]!r}")
                elif name == "style" and value and "url(" in value.replace(" ", "").lower():
                    found.append("a url() in a style")

        handle_startendtag = handle_starttag

    finder = Finder(convert_charrefs=True)
    finder.feed(text)
    finder.close()
    if re.search(r"@import|url\(\s*['\"]?(?!#)", text, re.I):
        found.append("a stylesheet import or url() that loads another file")
    return list(dict.fromkeys(found))
