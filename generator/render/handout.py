"""Render the handout: the whole guide as one page made for printing as a booklet, from the Guide
itself, with links between pages as in-page anchors.

The booklet: a cover (the clinic's name, logo and contact, the guide's title, the notices printed
once at the front (``in_handout: front``), QR codes to the site when it has an address), the "Get
help now" page in full, the contents with the edition's review date, each other page of the
guide, each ending with the numbers of its sources, the sources of the whole booklet once, numbered,
then the worksheets. Every page is rendered from the same template as on the site with
``for_print`` set, which leaves out what paper has no use for (print buttons, the pointer to the
help page, search words, blocks marked ``in_handout: false``) and notices already printed. Its own
stylesheets (HANDOUT_CSS, and HANDOUT_PAGES_CSS made here: running heads, the brand's colour, the
crisis line at every page's foot) set it in clear print; the PDF step lays it out into pages
(generator/publish/pdf/handout.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from ..guide.guide import Guide
from ..schema.items import Reference
from ..schema.page import Page
from .environment import resolve_page_links
from .layout import HANDOUT_PAGES_CSS
from .trusted import trusted_html
from .worksheets import sheet_fields


@dataclass(frozen=True)
class Part:
    """A part of the booklet with its own running head: its id (``section-<id>`` in the page, its
    named page ``handout-<id>`` in print) and the words of the head."""

    id: str
    head: str


def page_notices(page: Page) -> list[str]:
    """The ids of the notices a page shows, in order: its own, then its notice blocks'."""
    return [*page.notices, *(b.notice for b in page.blocks if b.type == "notice")]


def handout_parts(guide: Guide) -> tuple[Page | None, list[Page]]:
    """The crisis page (printed first, in full), and the other pages in the guide's order."""
    crisis = next((p for p in guide.pages if p.id == guide.site.crisis_page), None)
    return crisis, [p for p in guide.pages if p is not crisis]


def booklet_sources(guide: Guide) -> list[Reference]:
    """Every source the booklet's parts rest on, once each, in the order they are first cited."""
    crisis, pages = handout_parts(guide)
    found: dict[str, Reference] = {}
    for page in ([crisis] if crisis else []) + pages:
        for reference in guide.page_references(page):
            found.setdefault(reference.id, reference)
    return list(found.values())


def edition_review(guide: Guide) -> tuple:
    """The edition's review dates: the latest a part or worksheet was reviewed, and the soonest
    one is due again; and who reviewed them, when it was one reviewer for all."""
    items = [*guide.pages, *guide.worksheets]
    reviewers = {item.reviewed_by for item in items}
    return (max(item.last_reviewed for item in items), min(item.next_review_due for item in items),
            reviewers.pop() if len(reviewers) == 1 else None)


def running_head(page: Page) -> str:
    """The words at the head of a part's pages: its short name from the menu, or its title where
    the menu's name is no name for the part on paper (the home page's "Home")."""
    return page.title if page.id == "index" else (page.nav_title or page.title)


def render_handout(guide: Guide, env: jinja2.Environment) -> str:
    content = env.get_template("pages/page_content.md.j2")
    crisis_page, pages = handout_parts(guide)
    front = [n for n in guide.notices.values() if n.in_handout == "front"]
    printed = {n.id for n in guide.notices.values() if n.in_handout != "once"}  # at the front, or never
    sources = booklet_sources(guide)
    numbers = {reference.id: number for number, reference in enumerate(sources, start=1)}

    def section(page: Page) -> tuple[Page, str, list[int]]:
        context = {"page": page, "guide": guide, "site": guide.site, "references": guide.page_references(page),
                   "site_root": "../", "link_style": "handout", "title_id": f"page-{page.id}",  # at /handout/
                   "for_print": True, "skip_notices": sorted(printed)}
        markdown = trusted_html(content.render(**context))  # our renderer's Markdown, printed as it is
        printed.update(page_notices(page))  # each notice once in the booklet
        return page, markdown, sorted(numbers[r.id] for r in guide.page_references(page))

    crisis = section(crisis_page) if crisis_page else None
    sections = [section(page) for page in pages]
    handout = env.get_template("pages/handout.md.j2").render(
        site=guide.site, guide=guide, crisis=crisis, sections=sections, sources=sources,
        sources_title=guide.ui["page"]["sources"], reviewed=edition_review(guide), front_notices=front,
        link_style="handout", for_print=True, worksheets=[(s, sheet_fields(s, guide)) for s in guide.worksheets])
    return resolve_page_links(handout, "handout")  # every page is a section of this one: links become anchors


def handout_parts_heads(guide: Guide) -> list[Part]:
    """Every part of the booklet with its running head, in order."""
    crisis_page, pages = handout_parts(guide)
    parts = [Part(crisis_page.id, running_head(crisis_page)) if crisis_page else
             Part("crisis-lines", guide.site.crisis.heading)]
    parts.append(Part("contents", guide.ui["handout"]["contents"]))
    parts += [Part(p.id, running_head(p)) for p in pages]
    if booklet_sources(guide):
        parts.append(Part("sources", guide.ui["page"]["sources"]))
    if guide.worksheets:
        parts.append(Part("worksheets", guide.ui["worksheet"]["menu"]))
    return parts


def handout_files(guide: Guide, env: jinja2.Environment) -> dict[str, str]:
    """The handout's stylesheet made from the guide: running heads per part, the crisis foot, colours."""
    return {HANDOUT_PAGES_CSS: env.get_template("site/handout-pages.css.j2").render(
        guide=guide, site=guide.site, brand=guide.brand, parts=handout_parts_heads(guide))}
