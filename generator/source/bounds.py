"""How much content the build takes, so that no input makes a later step slow or huge.

Each bound is far above what any content holds (the figures beside them), and each is a located
error at `check`, before the expensive steps: the browser that prints the PDFs lays out every item
of a page at once (one list of 150,000 items, 300 KB of YAML, took 24 s to build and drove
Chromium to 11.7 GB while printing). README.md ("Editing the content") lists them for authors.
The print step has its own bound per page besides (generator/publish/pdf/bounds.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..problems import Problem

if TYPE_CHECKING:  # a type only: importing the bounds (benchmarks/bench_build.py does) loads no schema
    from ..schema.base import Origin

MAX_LIST_ITEMS = 500  # items in one list of a content file (the longest now: 46 keywords)
MAX_TEXT_CHARACTERS = 50_000  # one text, such as a block's body (the longest now: about 1,000)
MAX_PAGE_BYTES = 300_000  # a page's Markdown as rendered (the largest now: the plan, about 80 KB)
MAX_HANDOUT_BYTES = 1_000_000  # the printed handout, which holds every page (about 175 KB now)
MAX_GUIDE_BYTES = 2_000_000  # every page of one language together, the handout too (about 420 KB now)


def page_size_problems(pages: Mapping[str, str], origins: Mapping[str, Origin], handout: str) -> list[Problem]:
    """A problem for each rendered page (by path) over MAX_PAGE_BYTES, at the file it is made from;
    and for the handout (the page at ``handout``) over MAX_HANDOUT_BYTES, at its largest page's file."""
    sizes = {path: len(text.encode("utf-8")) for path, text in pages.items()}
    problems = []
    for path, size in sizes.items():
        if path != handout and size > MAX_PAGE_BYTES and path in origins:
            origin = origins[path]
            problems.append(Problem(origin.file, origin.line, 1, "", f"the page is {size:,} bytes as rendered, more than a "
                                                                     f"page may be ({MAX_PAGE_BYTES:,}); shorten its "
                                                                     "lists and texts, or split it into pages"))
    if not origins:
        return problems
    largest = max((path for path in sizes if path in origins), key=sizes.__getitem__)
    origin, total = origins[largest], sum(sizes.values())
    if sizes.get(handout, 0) > MAX_HANDOUT_BYTES:
        problems.append(Problem(origin.file, origin.line, 1, "", (
            f"the printed handout, which holds every page, is {sizes[handout]:,} bytes as rendered, more than it may be "
            f"({MAX_HANDOUT_BYTES:,}); this page is its largest part ({sizes[largest]:,} bytes): shorten it, or leave "
            "blocks out of the handout (in_handout: false)")))
    if total > MAX_GUIDE_BYTES:
        problems.append(Problem(origin.file, origin.line, 1, "", (
            f"the guide's pages are {total:,} bytes together as rendered, more than a guide may be ({MAX_GUIDE_BYTES:,}); "
            f"this page is the largest ({sizes[largest]:,} bytes): shorten pages, or leave some out")))
    return problems
