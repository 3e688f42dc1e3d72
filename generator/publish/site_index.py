"""The built site, read once: each page parsed once, with the standard library's HTML parser, into
what the steps after the build need to know of it.

For each page: its language (``<html lang>``), every ``href`` and ``src`` it holds (the links a
reader follows and the files the page loads), its inline scripts and JSON data blocks, the span of
its content (``<article>``), the ids it offers as anchors, where its ``<head>`` opens, and the
elements whose whitespace shows. Every fact carries its place in the page's text, so a step changes
a page by editing those places (``apply_edits``), never by searching the text again.

The finishing steps (finish.py: compact pages, content stamps, the CSP, ``_headers``, the sitemaps,
the service workers), the offline copy's links (offline_copy.py), the print edition and the link
check (generator/quality/links.py) all read this index. A page's facts are kept in this process by
the SHA-256 of its text: a step that reads a page the finishing steps wrote (the offline copy, the
print edition's scratch copy) finds them there instead of parsing it again.

Two things make one parse of every page cheap (benchmarks/bench_finish.py measures it): a site's
menu is on every page, so html.parser is fed each page in pieces and a piece it has read before
gives its facts again without being read (``_parse``); and the finishing steps' blank lines are
dropped as each page is read, where the elements whose whitespace shows are known
(``index_site(..., compact=True)``).

A build of unchanged content makes the same pages again: the finishing steps keep what they read of
each page (its compact text and facts, by the SHA-256 of the page as the engine wrote it) in the
build's cache folder between builds (``pages_kept_in``), and a page read before is not parsed again.
What is kept is made by this module's code: a change to it starts anew.

The languages are not read from the pages: the pipeline gives their address prefixes ("" for the
first language at the site's top, "es/" for each other), and each page belongs to the language
whose folder it is in.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import html
import itertools
import os
import pickle
import posixpath
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from ..caches import keep_pickled

HOME = "index.html"
# A whitespace-only line (its line break, then its spaces), dropped from pages outside WHITESPACE_KEPT.
BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")
# Elements whose whitespace shows (pre, code, kbd, textarea) or means something (script, style).
WHITESPACE_KEPT = frozenset({"pre", "code", "kbd", "textarea", "script", "style"})
# <link rel=…> values that make a browser load the file (not a link a reader follows).
LOADING_RELS = frozenset({"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload"})
LOADING_TAGS = frozenset({"script", "img", "source", "iframe", "video", "audio", "embed", "track"})
EXECUTABLE_TYPES = frozenset({"", "text/javascript", "module", "application/javascript"})
JSON_TYPES = frozenset({"application/json", "application/ld+json"})


class Reference(NamedTuple):
    """One ``href`` or ``src`` of a page: ``value`` as the browser reads it (entities decoded), and
    where the value's text stands in the page (``value_start``, ``value_end``)."""

    tag: str
    attribute: str
    value: str
    tag_start: int
    tag_end: int
    value_start: int
    value_end: int
    rel: frozenset = frozenset()
    in_content: bool = False

    @property
    def loads(self) -> bool:
        """Whether the browser loads this file with the page (a stylesheet, an icon, a script, an
        image), as opposed to a link a reader follows."""
        if self.tag == "link":
            return bool(self.rel & LOADING_RELS)
        return self.tag in LOADING_TAGS and self.attribute == "src"

    @property
    def followed(self) -> bool:
        """Whether a reader follows it (a link of ``<a>`` or ``<area>``)."""
        return self.tag in ("a", "area") and self.attribute == "href"


@dataclass(frozen=True)
class Script:
    """An inline ``<script>`` (no ``src``): its type, id and exact text, and whether it stands in
    the page's content."""

    type: str
    id: str
    body: str
    in_content: bool

    @property
    def executable(self) -> bool:
        return self.type in EXECUTABLE_TYPES


@dataclass(frozen=True)
class Element:
    """An element a step may replace whole (its start tag to its end tag), with its attributes."""

    tag: str
    attributes: tuple[tuple[str, str], ...]
    start: int
    end: int

    def get(self, name: str, default: str = "") -> str:
        return next((value for key, value in self.attributes if key == name), default)


@dataclass(frozen=True)
class PageFacts:
    """What one page holds, with the places in its text (see the module's docstring)."""

    lang: str = ""
    references: tuple[Reference, ...] = ()
    scripts: tuple[Script, ...] = ()
    content: tuple[int, int] | None = None  # the first <article>, start tag to end tag
    anchors: frozenset[str] = frozenset()
    head_end: int | None = None  # just after the <head …> start tag
    whitespace_kept: tuple[tuple[int, int], ...] = ()  # pre, code, kbd, textarea, script, style (outermost)
    marked: tuple[Element, ...] = ()  # elements of a class in MARKED_CLASSES (the print edition's QR placeholders)

    @property
    def links(self) -> list[Reference]:
        return [ref for ref in self.references if ref.followed]

    @property
    def loads(self) -> list[Reference]:
        return [ref for ref in self.references if ref.loads]

    def data_block(self, block_id: str) -> str | None:
        """The text of the JSON data block ``<script type="application/json" id=block_id>``."""
        return next((s.body for s in self.scripts if s.id == block_id and s.type in JSON_TYPES), None)

    def script_by_id(self, block_id: str) -> str | None:
        return next((s.body for s in self.scripts if s.id == block_id), None)


# Elements recorded whole by class, for a step that replaces them (generator/publish/print_edition.py).
MARKED_CLASSES = frozenset({"guide-qr"})


# Start tags whose place in the page matters besides those with an href or src.
_PLACED_TAGS = frozenset({"html", "head", "article", *WHITESPACE_KEPT})
# An attribute and its value in a start tag's text, to find where html.parser's value stands.
_ATTRIBUTE_VALUE = re.compile(r"""[\s"'/](href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


class _Reader(HTMLParser):
    """One pass of html.parser over a page, collecting its PageFacts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.fed_line_starts: list[int] = []  # where each line fed to html.parser starts in the page (see _parse)
        self.lang = ""
        self.references: list[Reference] = []
        self.scripts: list[Script] = []
        self.anchors: list[str] = []
        self.head_end: int | None = None
        self.content_start: int | None = None
        self.content: tuple[int, int] | None = None
        self.article_depth = 0
        self.kept: list[tuple[int, int]] = []
        self.kept_open: tuple[str, int] | None = None  # the outermost open element whose whitespace shows
        self.kept_depth = 0
        self.script_open: tuple[str, str, int] | None = None  # type, id, where its text starts
        self.marked: list[Element] = []
        self.marked_open: list[list] = []  # [tag, attributes, start, depth of that tag inside it]

    def _offset(self) -> int:
        """Where the tag being handled starts in the page's text: html.parser gives its line and
        column in what it was fed, which is the page's text less the pieces _parse did not feed."""
        line, column = self.getpos()
        return self.fed_line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        linked = marked = False
        for name, value in attrs:
            if name == "id":
                if value:
                    self.anchors.append(value)
            elif name == "href" or name == "src":
                linked = True
            elif name == "class":
                marked = marked or bool(value and MARKED_CLASSES.intersection(value.split()))
            elif name == "name" and tag == "a" and value:
                self.anchors.append(value)
        for entry in self.marked_open:
            if entry[0] == tag:
                entry[3] += 1
        if not (linked or marked or tag in _PLACED_TAGS):
            return
        start = self._offset()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        if linked:
            self._references(tag, attrs, raw, start, end)
        if marked:
            self.marked_open.append([tag, tuple((n, v or "") for n, v in attrs), start, 0])
        if tag == "html":
            if not self.lang:
                self.lang = next((value or "" for name, value in attrs if name == "lang"), "")
        elif tag == "head":
            if self.head_end is None:
                self.head_end = end
        elif tag == "article":
            if self.article_depth == 0 and self.content is None:
                self.content_start = start
            self.article_depth += 1
        if tag in WHITESPACE_KEPT:
            if self.kept_open is None:
                self.kept_open, self.kept_depth = (tag, start), 1
            elif tag == self.kept_open[0]:
                self.kept_depth += 1
            if tag == "script" and not any(name == "src" for name, _ in attrs):
                kind = next(((value or "").strip().lower() for name, value in attrs if name == "type"), "")
                self.script_open = (kind, next((value or "" for name, value in attrs if name == "id"), ""), end)

    def _references(self, tag: str, attrs: list, raw: str, start: int, end: int) -> None:
        rel: frozenset[str] = frozenset()
        if tag == "link":
            rel = frozenset(next((value or "" for name, value in attrs if name == "rel"), "").lower().split())
        places = {}
        for match in _ATTRIBUTE_VALUE.finditer(raw):
            name = match.group(1).lower()
            if name not in places:
                group = 2 if match.group(2) is not None else 3 if match.group(3) is not None else 4
                places[name] = (start + match.start(group), start + match.end(group))
        in_content = self.article_depth > 0
        for name, value in attrs:
            if (name == "href" or name == "src") and value is not None:
                value_start, value_end = places.get(name, (end, end))
                self.references.append(Reference(tag, name, value, start, end, value_start, value_end, rel, in_content))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marked = len(self.marked_open)
        self.handle_starttag(tag, attrs)
        if tag in WHITESPACE_KEPT or tag == "article":  # <pre/>: nothing inside to keep
            self.handle_endtag(tag)
        elif len(self.marked_open) > marked:  # an empty marked element ends where it starts
            entry = self.marked_open.pop()
            self.marked.append(Element(entry[0], entry[1], entry[2], entry[2] + len(self.get_starttag_text() or "")))

    def handle_endtag(self, tag: str) -> None:
        ends_kept = self.kept_open is not None and tag == self.kept_open[0]
        if not (ends_kept or tag == "article" or self.marked_open):
            return
        start = self._offset()
        close = self.text.find(">", start)
        end = close + 1 if close >= 0 else len(self.text)
        if tag == "script" and self.script_open is not None:
            kind, block_id, body_start = self.script_open
            self.scripts.append(Script(kind, block_id, self.text[body_start:start], self.article_depth > 0))
            self.script_open = None
        if ends_kept:
            self.kept_depth -= 1
            if self.kept_depth == 0:
                self.kept.append((self.kept_open[1], end))
                self.kept_open = None
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
            if self.article_depth == 0 and self.content is None and self.content_start is not None:
                self.content = (self.content_start, end)
        for entry in list(self.marked_open):
            if entry[0] == tag:
                if entry[3] == 0:
                    self.marked.append(Element(entry[0], entry[1], entry[2], end))
                    self.marked_open.remove(entry)
                else:
                    entry[3] -= 1

    # --- what _parse needs: reuse what a piece gave before; drop blank lines as it reads ------------

    def clean(self) -> bool:
        """Nothing half-read: no text held back by html.parser, no script or style open in it, and
        none of the elements the reader follows (whose facts carry where they start) open."""
        return (not self.rawdata and self.cdata_elem is None and self.kept_open is None
                and self.script_open is None and not self.marked_open)

    def state(self) -> tuple:
        """What else a piece's facts depend on: whether it is inside the content, and which of the
        facts found once per page are found already."""
        return (self.article_depth, bool(self.lang), self.head_end is None, self.content_start is None, self.content is None)

    def mark(self) -> tuple:
        return (len(self.references), len(self.anchors), len(self.kept), len(self.scripts), len(self.marked),
                self.head_end, self.content_start, self.content)

    def settle(self, mark: tuple, start: int, end: int, out: int, compact: bool) -> tuple[str, tuple]:
        """A run of text the parser read, ``text[start:end]`` (clean at both ends), as it goes into
        the index's text at ``out``: without its blank lines outside the elements whose whitespace
        shows (``compact``). The facts found in it since ``mark`` are moved to their places there;
        returns the run's new text and those facts counted from its start (what replay takes)."""
        refs, anchors, kept, scripts, marked, head_end, content_start, content = mark
        run = self.text[start:end]
        deleted_ends, deleted = [], [0]
        if compact:
            last = start
            for kept_start, kept_end in [*self.kept[kept:], (end, end)]:
                for match in BLANK_LINES.finditer(self.text, last, kept_start):
                    deleted_ends.append(match.end())
                    deleted.append(deleted[-1] + match.end() - match.start())
                last = kept_end
            if deleted_ends:
                pieces, last = [], start
                for match_end, before, after in zip(deleted_ends, deleted, deleted[1:]):
                    pieces.append(self.text[last:match_end - (after - before)])
                    last = match_end
                pieces.append(self.text[last:end])
                run = "".join(pieces)

        def moved(position: int) -> int:
            """The place of ``position`` (never inside a blank line) in the run's new text."""
            return position - start - deleted[bisect.bisect_right(deleted_ends, position)] if deleted_ends else position - start

        found_refs = tuple(ref._replace(tag_start=moved(ref.tag_start), tag_end=moved(ref.tag_end),
                                        value_start=moved(ref.value_start), value_end=moved(ref.value_end))
                           for ref in self.references[refs:])
        found_kept = tuple((moved(a), moved(b)) for a, b in self.kept[kept:])
        found_marked = tuple(replace(e, start=moved(e.start), end=moved(e.end)) for e in self.marked[marked:])
        found = (found_refs, tuple(self.anchors[anchors:]), found_kept, tuple(self.scripts[scripts:]), found_marked)
        del self.references[refs:], self.anchors[anchors:], self.kept[kept:], self.scripts[scripts:], self.marked[marked:]
        self.replay(found, out)
        if self.head_end != head_end:
            self.head_end = out + moved(self.head_end)
        if self.content_start != content_start:
            self.content_start = out + moved(self.content_start)
        if self.content != content:
            self.content = (self.content_start, out + moved(self.content[1]))
        return run, found

    def replay(self, found: tuple, start: int) -> None:
        """Take what a piece gave before, for the same piece at ``start``."""
        refs, anchors, kept, scripts, marked = found
        if refs:
            self.references += [Reference(tag, attribute, value, tag_start + start, tag_end + start,
                                          value_start + start, value_end + start, rel, in_content)
                                for tag, attribute, value, tag_start, tag_end, value_start, value_end, rel, in_content in refs]
        self.anchors += anchors
        if kept:
            self.kept += [(a + start, b + start) for a, b in kept]
        self.scripts += scripts
        if marked:
            self.marked += [replace(e, start=e.start + start, end=e.end + start) for e in marked]

    def facts(self) -> PageFacts:
        return PageFacts(lang=self.lang, references=tuple(self.references), scripts=tuple(self.scripts),
                         content=self.content, anchors=frozenset(self.anchors), head_end=self.head_end,
                         whitespace_kept=tuple(self.kept), marked=tuple(sorted(self.marked, key=lambda e: e.start)))


# Facts of pages already read in this process, by the SHA-256 of their text (see the module's docstring).
_KNOWN: OrderedDict[bytes, PageFacts] = OrderedDict()
_KNOWN_LIMIT = 2_048  # pages: a build of a 10x site and of its offline copy (about 700) fits


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def read_page(text: str, compact: bool = False) -> tuple[str, PageFacts]:
    """A page's text (``compact``: without its blank lines outside the elements whose whitespace
    shows) and its facts there."""
    if not compact:
        return text, page_facts(text)
    if _kept is None:
        return _parse(text, compact=True)  # the finishing steps edit it next, and remember what they write
    key = text_key(text)
    found = _kept.before.get(key) or _kept.now.get(key) or _parse(text, compact=True)
    _kept.now[key] = found
    return found


class _KeptPages:
    """The pages read compact in an earlier build (``before``) and in this one (``now``), by key."""

    def __init__(self, before: dict[bytes, tuple[str, PageFacts]]) -> None:
        self.before = before
        self.now: dict[bytes, tuple[str, PageFacts]] = {}


_kept: _KeptPages | None = None


@contextlib.contextmanager
def pages_kept_in(folder: Path | None) -> Iterator[None]:
    """Within the block, a page read compact that an earlier build read (the same text, this same
    code) gives its text and facts from ``folder`` instead of being parsed; afterwards the pages
    read in the block are what ``folder`` keeps (written only if that changed). A missing or
    unreadable file means parsing every page; a folder that cannot be written, keeping nothing."""
    global _kept
    if folder is None:
        yield
        return
    digest = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()[:16]
    file = folder / f"pages-{digest}.pickle"
    try:
        with open(file, "rb") as kept:
            before = pickle.load(kept)
    except Exception:  # none yet, cut short, or unreadable: read every page
        before = {}
    _kept = _KeptPages(before)
    try:
        yield
        now = _kept.now
    finally:
        _kept = None
    if now.keys() != before.keys():
        _keep(folder, file, now)


def _keep(folder: Path, file: Path, pages: dict) -> None:
    """``pages`` written whole to ``file`` or not at all (the files of other versions removed)."""
    if keep_pickled(file, pages):
        for other in folder.glob("pages-*.pickle"):
            if other != file:
                other.unlink(missing_ok=True)


def page_facts(text: str, key: bytes | None = None) -> PageFacts:
    """The facts of one page's text: from this process's memory when this exact text was read or
    written before, else parsed (once)."""
    key = key or text_key(text)
    known = _KNOWN.get(key)
    if known is not None:
        _KNOWN.move_to_end(key)
        return known
    return remember(key, _parse(text)[1])


# Pieces of pages html.parser has read in this process, with what it found in each (see _parse).
_PIECES: dict[tuple, tuple] = {}
_PIECES_LIMIT = 100_000


# Where a page is cut into pieces: after each line that ends with an end tag, and the blank lines
# after it. Any cut gives the same facts; these make the same pieces of the same runs of lines on
# every page, and never cut a blank line (dropped whole, with its line break).
_PIECE_ENDS = re.compile(r"</[a-z][a-z0-9]*>\n(?:[ \t]*\n)*")


def _parse(text: str, in_pieces: bool = True, compact: bool = False) -> tuple[str, PageFacts]:
    """The page's text (without its blank lines outside the elements whose whitespace shows, with
    ``compact``) and its facts there, from html.parser fed the page's text piece by piece (``feed``
    reads a document in any pieces as it reads it whole).

    A site's menu is on every page, so its pages repeat most of their text. A piece that
    html.parser has read before from a clean state (no tag, comment or script left open; the
    reader outside the elements it follows) and that left it clean gives the same text and facts
    again, at its new place, without being read again: without this, the time to read a site grows
    with the square of its number of pages. (``in_pieces=False``: the page fed whole, as the tests
    compare.)"""
    reader = _Reader(text)
    cuts = [0, *(match.end() for match in _PIECE_ENDS.finditer(text)), len(text)] if in_pieces else [0, len(text)]
    out: list[str] = []
    length = 0
    clean, state = True, reader.state()
    run_start, mark, key = 0, reader.mark(), None
    for start, end in zip(cuts, cuts[1:]):
        piece = text[start:end]
        if clean:
            key = (piece, state, compact) if in_pieces else None
            found = _PIECES.get(key) if key else None
            if found is not None:
                new_text, facts = found
                reader.replay(facts, length)
                out.append(new_text)
                length += len(new_text)
                continue
            run_start, mark = start, reader.mark()
        lines = piece.split("\n")
        if piece.endswith("\n"):
            lines.pop()
        reader.fed_line_starts += itertools.accumulate(map(len, lines[:-1]), lambda at, size: at + size + 1, initial=start)
        reader.feed(piece)
        one_piece, before = clean, state
        clean, state = reader.clean(), reader.state()
        if clean:  # a run of pieces ends here: its text and facts go in
            new_text, facts = reader.settle(mark, run_start, end, length, compact)
            out.append(new_text)
            length += len(new_text)
            if one_piece and key and state == before:
                if len(_PIECES) >= _PIECES_LIMIT:
                    _PIECES.clear()
                _PIECES[key] = (new_text, facts)
    reader.close()
    if not clean:  # what html.parser held back to the end (a tag never closed)
        new_text, _ = reader.settle(mark, run_start, len(text), length, compact)
        out.append(new_text)
    return "".join(out), reader.facts()


def remember(key: bytes, facts: PageFacts) -> PageFacts:
    _KNOWN[key] = facts
    while len(_KNOWN) > _KNOWN_LIMIT:
        _KNOWN.popitem(last=False)
    return facts


# --- editing a page by its facts ---------------------------------------------------------------------


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``new`` (an insertion when start == end); the edits of one
    page never overlap."""

    start: int
    end: int
    new: str = ""


def apply_edits(text: str, facts: PageFacts, edits: Iterable[Edit] = ()) -> tuple[str, PageFacts]:
    """The page's text with ``edits`` made, and its facts moved to their new places (a reference
    whose value an edit replaced takes the new value; what an edit replaced whole is gone).
    Remembered, so reading the result again costs no parse."""
    edits = sorted(edits)
    if not edits:
        return text, facts
    parts, last = [], 0
    for edit in edits:
        if edit.start < last:
            raise ValueError(f"overlapping edits at {edit.start}")
        parts += [text[last:edit.start], edit.new]
        last = edit.end
    parts.append(text[last:])
    new_text = "".join(parts)
    ends = [edit.end for edit in edits]
    shifts = list(itertools.accumulate(len(edit.new) - (edit.end - edit.start) for edit in edits))

    last_end, total = ends[-1], shifts[-1]

    def start_at(position: int) -> int:
        """Where what starts at ``position`` is now: after every edit that ends by then (an
        insertion at that very place included: what was there now follows it)."""
        if position > last_end:
            return position + total
        count = bisect.bisect_right(ends, position)
        return position + (shifts[count - 1] if count else 0)

    def end_at(position: int) -> int:
        """Where what ends at ``position`` ends now: an insertion at that very place comes after it."""
        if position > last_end:
            return position + total
        count = bisect.bisect_right(ends, position)
        while count and edits[count - 1].start == edits[count - 1].end == position:
            count -= 1
        return position + (shifts[count - 1] if count else 0)

    values = {(edit.start, edit.end): edit.new for edit in edits if edit.start < edit.end}
    value_spans = {(ref.value_start, ref.value_end) for ref in facts.references}
    gone = [span for span in values if span not in value_spans]
    new_facts = moved_facts(facts, start_at, end_at, values, gone, (ends, [edit.start for edit in edits], shifts))
    return new_text, remember(text_key(new_text), new_facts)


def moved_facts(facts: PageFacts, start_at: Callable[[int], int], end_at: Callable[[int], int],
                values: dict[tuple[int, int], str], gone: list[tuple[int, int]],
                edits: tuple[list[int], list[int], list[int]] = ([], [], [])) -> PageFacts:
    """``facts`` with each place moved (``start_at`` for where something starts, ``end_at`` for
    where it ends); a reference whose value text was replaced (``values``) takes the new value,
    and what stood inside a span replaced whole (``gone``, but for such a value) is dropped.
    ``edits``: where each edit ends and starts, and how far it moves what follows it (running
    total), in order: a reference no edit touches (most of them) moves by the edits before it,
    worked out here with one search, not a call per place."""
    ends, starts, shifts = edits
    def inside_gone(start: int, end: int) -> bool:
        return any(g_start <= start and end <= g_end for g_start, g_end in gone)

    references = []
    for reference in facts.references:
        tag, attribute, value, tag_start, tag_end, value_start, value_end, rel, in_content = reference
        before = bisect.bisect_right(ends, tag_start)
        if ends and before == bisect.bisect_right(ends, tag_end) and (before == len(ends) or starts[before] > tag_end):
            shift = shifts[before - 1] if before else 0  # no edit ends or starts inside the tag
            references.append(Reference(tag, attribute, value, tag_start + shift, tag_end + shift, value_start + shift,
                                        value_end + shift, rel, in_content))
            continue
        new_value = values.get((value_start, value_end))
        if gone and new_value is None and inside_gone(tag_start, tag_end):
            continue
        references.append(Reference(tag, attribute, html.unescape(new_value) if new_value is not None else value,
                                    start_at(tag_start), end_at(tag_end), start_at(value_start), end_at(value_end),
                                    rel, in_content))
    return replace(
        facts,
        references=tuple(references),
        content=(start_at(facts.content[0]), end_at(facts.content[1])) if facts.content else None,
        head_end=end_at(facts.head_end) if facts.head_end is not None else None,
        whitespace_kept=tuple((start_at(start), end_at(end)) for start, end in facts.whitespace_kept
                              if not (gone and inside_gone(start, end))),
        marked=tuple(replace(element, start=start_at(element.start), end=end_at(element.end))
                     for element in facts.marked if not (gone and inside_gone(element.start, element.end))),
    )


@dataclass
class SiteIndex:
    """Every file of a built site (``files``), and every page's text and facts, by path relative to
    the site's top; ``languages``: the address prefixes of its languages, the first ("") first."""

    site_dir: Path
    languages: tuple[str, ...]
    files: set[str]
    texts: dict[str, str]
    facts: dict[str, PageFacts]
    _digests: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def pages(self) -> list[str]:
        return sorted(self.texts)

    def language_of(self, path: str) -> str:
        """The address prefix of the language ``path`` belongs to: the longest that it starts with."""
        return max((prefix for prefix in self.languages if path.startswith(prefix)), key=len)

    def pages_of(self, prefix: str) -> list[str]:
        return [path for path in self.pages if self.language_of(path) == prefix]

    def files_of(self, prefix: str) -> set[str]:
        return {path for path in self.files if self.language_of(path) == prefix}

    def update(self, path: str, text: str, facts: PageFacts) -> None:
        """A page's new text and facts (once a step has written it)."""
        self.texts[path] = text
        self.facts[path] = facts
        self._digests.pop(path, None)

    def data(self, path: str) -> bytes:
        if path in self.texts:
            return self.texts[path].encode("utf-8")
        return (self.site_dir / path).read_bytes()

    def digest(self, path: str) -> bytes:
        """The SHA-256 of a file's bytes (a page's current text), each file read once."""
        found = self._digests.get(path)
        if found is None:
            found = self._digests[path] = hashlib.sha256(self.data(path)).digest()
        return found

    def resolve(self, page: str, href: str) -> str | None:
        """The file of the site that ``href`` on ``page`` leads to (a folder's index.html), or
        None for another site, an anchor on the same page, or a file the site does not have."""
        return resolve_in(self.files, page, href)


def resolve_in(files: set[str] | frozenset[str], page: str, href: str) -> str | None:
    """The file of ``files`` that ``href`` on ``page`` leads to (a folder's index.html), or None for
    another site, an anchor on the same page, an address from the host's top, or no such file."""
    if not href or href[0] == "#" or ":" in href.split("/", 1)[0]:
        return None  # a place on the same page, or another scheme (https:, tel:, mailto:)
    folders = _folders_above(page)
    up = 0
    while up < len(folders) - 1 and href.startswith("../", 3 * up):
        up += 1
    # up to an ancestor first: the same from every page below it (a language's menu)
    for candidate in _candidates(folders[up], "./" + href[3 * up:] if up else href):
        if candidate in files:
            return candidate
    return None


@functools.lru_cache(maxsize=65536)
def _folders_above(page: str) -> tuple[str, ...]:
    """The folder ``page`` is in, then each folder above it, up to the site's top ("")."""
    folder = posixpath.dirname(page)
    parts = folder.split("/") if folder else []
    return tuple("/".join(parts[:len(parts) - up]) for up in range(len(parts) + 1))


@functools.lru_cache(maxsize=65536)
def _candidates(folder: str, href: str) -> tuple[str, ...]:
    """The files ``href`` on a page in ``folder`` may name: the path, then its folder's index.html."""
    path = _site_path(folder, href)
    if path is None:
        return ()
    return (path, posixpath.join(path, HOME)) if path else (HOME,)


@functools.lru_cache(maxsize=65536)
def _site_path(folder: str, href: str) -> str | None:
    """The path inside the site that ``href``, on a page in ``folder``, names ("" for the top), or
    None (see resolve_in). Pages share their links (the menu): each is worked out once."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or href.startswith("//"):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return None  # from the top of the host, which need not be the site's
    path = posixpath.normpath(posixpath.join(folder, path))
    if path == ".." or path.startswith("../"):
        return None
    return "" if path == "." else path


def index_site(site_dir: Path, languages: Sequence[str] = ("",), compact: bool = False) -> SiteIndex:
    """Read the built site at ``site_dir`` once: every file's path, every page's text and facts.
    ``languages``: the address prefixes of the site's languages, from the pipeline ("" and "es/").
    ``compact``: each page's text as it goes in loses its blank lines outside the elements whose
    whitespace shows (pre, code, kbd, textarea, script, style), in the same pass as it is parsed."""
    prefixes = tuple(dict.fromkeys(["", *languages]))
    files, texts, facts = set(), {}, {}
    for folder, _, names in os.walk(site_dir):
        relative_folder = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        for name in names:
            relative = name if relative_folder == "." else f"{relative_folder}/{name}"
            files.add(relative)
            if name.endswith(".html"):
                text = Path(folder, name).read_text(encoding="utf-8")
                texts[relative], facts[relative] = read_page(text, compact)
    return SiteIndex(site_dir, prefixes, files, texts, facts)
