"""Plain language, measured: the US school grade (Flesch-Kincaid) of the prose of every page.

The prose comes from the checked ``Guide``, not from the built HTML, so the theme's menus,
buttons and footers do not count, and a failing grade points at the content file to rewrite.

What counts as prose is what a reader reads as sentences: text blocks, list items, notices,
callouts, practice summaries and bodies, checklist items and their details. Headings, names,
titles and the list of sources are left out: they are labels and citations, not sentences, and
would skew the score either way. Each paragraph or item is measured as at least one sentence
(a full stop is added where it has none).

Two limits: the page as a whole at most US grade 8; and no single passage of 15 words or more
above grade 12, so that one dense paragraph cannot hide behind easy ones (a grade for a single
passage is noisy, hence the higher limit; the hardest passage in the guide today is about 10.5).

Each page block and worksheet field says which of its words are prose (its ``prose`` method), so
a new type is measured without a change here. To measure a new kind of page, write a function that
takes the Guide and yields ``Prose`` for each such page, and add it to ``PROSE_SOURCES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..guide.crisis_wording import crisis_fill_ins
from ..guide.edition_facts import edition_fill_ins
from ..guide.guide import Guide

GRADE_LIMIT = 8.0  # US school grade of a page as a whole; the team's standard
PASSAGE_LIMIT = 12.0  # one paragraph or item, so that a page's average cannot hide it
PASSAGE_MIN_WORDS = 15  # shorter passages give too noisy a grade to judge alone


@dataclass(frozen=True)
class Prose:
    """The words of one page, as a list of passages (paragraphs or list items), plain text."""

    kind: str  # "page" or "worksheet"
    id: str
    source: str  # the content file an author edits to change these words
    passages: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.passages)


@dataclass(frozen=True)
class Grade:
    prose: Prose
    grade: float
    words: int
    passages: tuple[tuple[float, str], ...]  # the passages long enough to judge, hardest first

    @property
    def too_hard(self) -> bool:
        return self.grade > GRADE_LIMIT or bool(self.hard_passages)

    @property
    def hard_passages(self) -> tuple[tuple[float, str], ...]:
        return tuple(p for p in self.passages if p[0] > PASSAGE_LIMIT)

    def problems(self) -> list[str]:
        """What an author needs to fix: the file, the grade, and which words to start with."""
        where = f"{self.prose.source}: {self.prose.kind} {self.prose.id!r}"
        found = []
        if self.grade > GRADE_LIMIT:
            start = "; ".join(f"{g:.1f}: {_excerpt(text)}" for g, text in self.passages[:3])
            found.append(f"{where} reads at US grade {self.grade:.1f}, above {GRADE_LIMIT:g}; hardest passages: {start}")
        for g, text in self.hard_passages:
            found.append(f"{where}: a passage reads at US grade {g:.1f}, above {PASSAGE_LIMIT:g}: {_excerpt(text)}")
        return found


# --- Markdown to plain sentences -------------------------------------------------------------

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")
_MARKS = re.compile(r"(\*\*|__|[*_`])")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
_ATTRS = re.compile(r"\{\s*[#.][^}]*\}")


def passages(markdown: str | None) -> list[str]:
    """Plain-text paragraphs and list items of a piece of Markdown, each ending as a sentence."""
    if not markdown:
        return []
    text = _ATTRS.sub("", _HTML_TAG.sub(" ", _LINK.sub(r"\1", str(markdown))))
    found = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)", text):
        for item in _LIST_MARK.split(paragraph):
            item = " ".join(_MARKS.sub("", item).split()).lstrip("#").strip()
            if item:
                found.append(item if item[-1] in ".!?:;" else item + ".")
    return found


# --- where each kind of page keeps its prose -------------------------------------------------


def page_prose(guide: Guide) -> Iterator[Prose]:
    """The guide's content pages (content/pages/*.yml)."""
    for page in guide.pages:
        markdown = [guide.notices[n].body for n in page.notices]
        markdown += [text for block in page.blocks for text in block.prose(guide)]
        yield Prose("page", page.id, page.origin.file, _as_read(guide, markdown))


def worksheet_prose(guide: Guide) -> Iterator[Prose]:
    """The worksheets (content/worksheets/*.yml): what they ask and the help they give."""
    for sheet in guide.worksheets:
        markdown = [sheet.description, sheet.when, sheet.intro]
        markdown += [text for field in sheet.fields for text in field.prose(guide)]
        yield Prose("worksheet", sheet.id, sheet.origin.file, _as_read(guide, markdown))


def _as_read(guide: Guide, markdown: list[str | None]) -> tuple[str, ...]:
    """The passages of some Markdown as a reader gets them: with ``{crisis_line}`` and
    ``{emergency_number}`` filled in from the lines in force, as every page fills them."""
    return tuple(p for text in markdown if text for p in passages(edition_fill_ins(crisis_fill_ins(str(text), guide.site.crisis), guide.site, guide.ui)))


PROSE_SOURCES: list[Callable[[Guide], Iterable[Prose]]] = [page_prose, worksheet_prose]
"""Every kind of page whose words are measured; add a function here for each new kind."""


# --- measuring -------------------------------------------------------------------------------


def grade_of(text: str) -> float:
    import textstat  # only the measuring needs it; it is a test and authoring dependency

    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(text))


def grade(prose: Prose) -> Grade:
    judged = sorted((grade_of(p), p) for p in prose.passages if len(p.split()) >= PASSAGE_MIN_WORDS)
    return Grade(prose, grade_of(prose.text), len(prose.text.split()), tuple(reversed(judged)))


def grades(guide: Guide) -> list[Grade]:
    """The grade of every page of every kind, in the guide's order."""
    return [grade(prose) for source in PROSE_SOURCES for prose in source(guide)]


# --- Spanish ---------------------------------------------------------------------------------

EASE_TARGET = 70.0
"""Fernández-Huerta's reading ease (0 to 100, higher is easier) a Spanish page must reach.

Fernández-Huerta adapted Flesch's reading ease to Spanish; on its scale 70 to 80 is "bastante
fácil" (fairly easy), what a reader of about 12 or 13 years reads without effort: roughly US grade
7, the same plain-language standard as the English pages' grade 8 or below (health-literacy
guidance for patient materials asks for grade 6 to 8 in either language). Flesch-Kincaid's grade
counts English syllables and would misjudge Spanish, whose words are longer on average."""
PASSAGE_EASE_LIMIT = 50.0  # one passage: below 50 is "difícil" (hard), as grade 12 is for English


@dataclass(frozen=True)
class Ease:
    """A Spanish page's reading ease: Fernández-Huerta (judged), and Szigriszt-Pazos (shown beside it)."""

    prose: Prose
    ease: float
    szigriszt: float
    words: int
    passages: tuple[tuple[float, str], ...]  # the passages long enough to judge, hardest first

    @property
    def too_hard(self) -> bool:
        return self.ease < EASE_TARGET or any(score < PASSAGE_EASE_LIMIT for score, _ in self.passages)

    def problems(self) -> list[str]:
        where = f"{self.prose.source}: {self.prose.kind} {self.prose.id!r}"
        found = []
        if self.ease < EASE_TARGET:
            start = "; ".join(f"{s:.0f}: {_excerpt(text)}" for s, text in self.passages[:3])
            found.append(f"{where} has a Fernández-Huerta reading ease of {self.ease:.0f}, below {EASE_TARGET:g}; "
                         f"hardest passages: {start}")
        for score, text in self.passages:
            if score < PASSAGE_EASE_LIMIT:
                found.append(f"{where}: a passage has a reading ease of {score:.0f}, below {PASSAGE_EASE_LIMIT:g}: "
                             f"{_excerpt(text)}")
        return found


def _spanish(function: str, text: str) -> float:
    import textstat

    textstat.set_lang("es")
    try:
        return float(getattr(textstat, function)(text))
    finally:
        textstat.set_lang("en_US")


def ease(prose: Prose) -> Ease:
    judged = sorted((_spanish("fernandez_huerta", p), p) for p in prose.passages if len(p.split()) >= PASSAGE_MIN_WORDS)
    return Ease(prose, _spanish("fernandez_huerta", prose.text), _spanish("szigriszt_pazos", prose.text),
                len(prose.text.split()), tuple(judged))


def translated_prose(guide: Guide) -> Iterator[Prose]:
    """The prose of a language's pages written in that language (content/<lang>/, a clinic's
    content/<lang>/): a page still shown in English is not measured with another language's formula."""
    marker = f"/{guide.site.language}/"
    for source in PROSE_SOURCES:
        yield from (prose for prose in source(guide) if marker in f"/{prose.source}")


def ease_table(found: list[Ease]) -> str:
    rows = [("kind", "page", "words", "Fernández-Huerta", "Szigriszt-Pazos", "hardest passage", "check")]
    rows += [(e.prose.kind, e.prose.id, str(e.words), f"{e.ease:.0f}", f"{e.szigriszt:.0f}",
              f"{e.passages[0][0]:.0f}" if e.passages else "-",
              "ok" if not e.too_hard else (f"BELOW {EASE_TARGET:g}" if e.ease < EASE_TARGET else
                                           f"passage below {PASSAGE_EASE_LIMIT:g}")) for e in found]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.rjust(w) if 2 <= i <= 5 else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def table(found: list[Grade]) -> str:
    """A plain-text table: one row per page, marked where it is above the limit."""
    rows = [("kind", "page", "words", "grade", "hardest passage", "check")]
    rows += [(g.prose.kind, g.prose.id, str(g.words), f"{g.grade:.1f}", f"{g.passages[0][0]:.1f}" if g.passages else "-",
              _verdict(g)) for g in found]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.rjust(w) if i in (2, 3, 4) else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _verdict(found: Grade) -> str:
    if found.grade > GRADE_LIMIT:
        return f"ABOVE {GRADE_LIMIT:g}"
    return f"passage above {PASSAGE_LIMIT:g}" if found.hard_passages else "ok"


def _excerpt(text: str, words: int = 12) -> str:
    parts = text.split()
    return repr(" ".join(parts[:words]) + (" ..." if len(parts) > words else ""))
