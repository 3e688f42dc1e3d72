"""No script from content: raw HTML in any text of any content file may not run anything.

Markdown lets an author write raw HTML, and the site's Content-Security-Policy cannot tell an
author's inline script from the theme's. So every text is read as HTML here and refused, with its
file, line and field, where it holds an element that runs or embeds something (<script>, <iframe>,
<object>, <embed>, ...), an event-handler attribute (onclick=...) or a link to a script
(javascript:, vbscript:, data:) in HTML or in a Markdown link. Python's own HTML parser reads the
text as a browser's tokenizer would; the rules are an explicit deny-list of what can run, since the
content legitimately uses a few harmless tags (<br>, <strong>, <abbr>).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..problems import Problem
from ..source.yaml_reader import YamlDocument, texts

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


def markup_problems(docs: list[YamlDocument]) -> list[Problem]:
    problems = []
    for doc in docs:
        for at, text in texts(doc.data):
            if "<" not in text and "](" not in text:
                continue
            for offset, what in unsafe_markup(text):
                problems.append(doc.problem(at, f"{what} is not allowed in content: nothing in the guide may run "
                                                "a script or embed another page; write it as plain text or Markdown", offset))
    return problems


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
