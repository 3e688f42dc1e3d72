"""Render the handout: the whole guide as one page made for printing as a booklet, from the Guide
itself, with links between pages as in-page anchors.

The booklet: a cover (the clinic's name, logo and contact, the guide's title, the notices printed
once at the front (``in_handout: front``), QR codes to the site when it has an address), the "Get
help now" page in full, the contents, each other page of the guide, the sources of each, then the
worksheets. Every page is rendered from
the same template as on the site with ``for_print`` set, which leaves out what paper has no use
for (print buttons, the pointer to the help page, search words, blocks marked ``in_handout:
false``) and notices already printed. Its own stylesheets (HANDOUT_CSS, and HANDOUT_PAGES_CSS made
here: running heads, the brand's colour, the crisis line at every page's foot) set it in clear print.
"""

from __future__ import annotations

import jinja2

from ..guide.guide import Guide
from ..schema.page import Page
from .environment import resolve_page_links
from .layout import HANDOUT_PAGES_CSS
from .worksheets import sheet_fields


def page_notices(page: Page) -> list[str]:
    """The ids of the notices a page shows, in order: its own, then its notice blocks'."""
    return [*page.notices, *(b.notice for b in page.blocks if b.type == "notice")]


def handout_parts(guide: Guide) -> tuple[Page | None, list[Page]]:
    """The crisis page (printed first, in full), and the other pages in the guide's order."""
    crisis = next((p for p in guide.pages if p.id == guide.site.crisis_page), None)
    return crisis, [p for p in guide.pages if p is not crisis]


def render_handout(guide: Guide, env: jinja2.Environment) -> str:
    content = env.get_template("pages/page_content.md.j2")
    crisis_page, pages = handout_parts(guide)
    front = [n for n in guide.notices.values() if n.in_handout == "front"]
    printed = {n.id for n in guide.notices.values() if n.in_handout != "once"}  # at the front, or never

    def section(page: Page) -> str:
        context = {"page": page, "guide": guide, "site": guide.site, "references": guide.page_references(page),
                   "site_root": "../", "link_style": "handout", "title_id": f"page-{page.id}",  # at /handout/
                   "for_print": True, "skip_notices": sorted(printed)}
        markdown = content.render(**context)
        printed.update(page_notices(page))  # each notice once in the booklet
        return markdown

    crisis = section(crisis_page) if crisis_page else None
    sections = [(page, section(page)) for page in pages]
    in_order = ([crisis_page] if crisis_page else []) + pages
    sources = [(page, refs) for page in in_order if (refs := guide.page_references(page))]
    handout = env.get_template("pages/handout.md.j2").render(
        site=guide.site, guide=guide, crisis=(crisis_page, crisis) if crisis_page else None, sections=sections,
        sources=sources, sources_title=guide.ui["page"]["sources"], front_notices=front, link_style="handout", for_print=True,
        worksheets=[(s, sheet_fields(s, guide)) for s in guide.worksheets])
    return resolve_page_links(handout, "handout")  # every page is a section of this one: links become anchors


def handout_files(guide: Guide, env: jinja2.Environment) -> dict[str, str]:
    """The handout's stylesheet made from the guide: running heads per part, the crisis foot, colours."""
    crisis_page, pages = handout_parts(guide)
    parts = [(p.id, p.nav_title or p.title) for p in ([crisis_page] if crisis_page else []) + pages]
    if any(guide.page_references(p) for p in guide.pages):
        parts.append(("sources", guide.ui["page"]["sources"]))
    return {HANDOUT_PAGES_CSS: env.get_template("site/handout-pages.css.j2").render(
        guide=guide, site=guide.site, brand=guide.brand, parts=parts)}
