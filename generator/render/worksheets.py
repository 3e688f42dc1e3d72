"""Render each worksheet's page and the list of worksheets (pages one folder down: worksheets/)."""

from __future__ import annotations

from typing import Any

import jinja2

from ..guide.guide import Guide
from ..schema.worksheet import Worksheet
from .environment import resolve_page_links
from .layout import DOWNLOADS_DIR, WORKSHEETS_DIR, worksheet_path


def sheet_fields(sheet: Worksheet, guide: Guide) -> list[tuple[Any, list]]:
    """Each field with what it lists (checklist items, table row labels), as the templates draw them."""
    return [(field, field.shown(guide)) for field in sheet.fields]


def sheet_prompts(sheet: Worksheet, guide: Guide) -> list[str]:
    """Every piece of text a patient reads on the printed sheet: for checks that nothing is lost."""
    return [sheet.title, *(text for field in sheet.fields for text in field.printed_texts(guide))]


def render_worksheet_pages(guide: Guide, env: jinja2.Environment) -> dict[str, str]:
    if not guide.worksheets:
        return {}
    common = {"site": guide.site, "guide": guide, "link_style": "nested"}
    pages = {f"{WORKSHEETS_DIR}/index.md": env.get_template("pages/worksheets_index.md.j2").render(
        worksheets=guide.worksheets, downloads="../" + DOWNLOADS_DIR + "/", **common)}
    template = env.get_template("pages/worksheet.md.j2")
    for sheet in guide.worksheets:
        pages[worksheet_path(sheet.id)] = template.render(
            sheet=sheet, fields=sheet_fields(sheet, guide), downloads="../../" + DOWNLOADS_DIR + "/",
            references=[guide.references[r] for r in sheet.references], **common)
    return {path: resolve_page_links(text, "nested") for path, text in pages.items()}  # pages one folder down
