"""Render the handout: the whole guide as one page made for printing as a booklet, from the Guide
itself (each page's content, then the worksheets), with links between pages as in-page anchors."""

from __future__ import annotations

import jinja2

from ..guide.guide import Guide
from .environment import resolve_page_links
from .worksheets import sheet_fields


def render_handout(guide: Guide, env: jinja2.Environment) -> str:
    content = env.get_template("pages/page_content.md.j2")
    sections = []
    for page in guide.pages:
        context = {"page": page, "guide": guide, "site": guide.site, "references": guide.page_references(page),
                   "site_root": "../", "link_style": "handout", "title_id": f"page-{page.id}"}  # at /handout/
        sections.append((page, content.render(**context)))
    handout = env.get_template("pages/handout.md.j2").render(
        site=guide.site, guide=guide, sections=sections, link_style="handout",
        worksheets=[(s, sheet_fields(s, guide)) for s in guide.worksheets])
    return resolve_page_links(handout, "handout")  # every page is a section of this one: links become anchors
