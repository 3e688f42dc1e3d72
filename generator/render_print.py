"""Render the printable parts of the guide: a page per worksheet, the list of worksheets, and
the handout (the whole guide as one page made for printing as a booklet).

Pure like render.py: model in, Markdown out. Worksheets live at ``worksheets/<id>.md``; their
PDFs at ``downloads/worksheets/<id>-a4.pdf`` (and ``-letter.pdf``), made after the site build by
generator/pdf.py. Links to the PDFs are plain HTML, since MkDocs cannot check files that do not
exist yet; they assume directory URLs (``/worksheets/<id>/``), as mkdocs.yml sets.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2

from .content import PAGE_LINK, Guide
from .models import ChecklistField, TableField, Worksheet
from .worksheet_content import pick_items, source_items

WORKSHEETS_DIR = "worksheets"
DOWNLOADS_DIR = "downloads"
HANDOUT_PAGE = "handout.md"
PAPER_SIZES = ("a4", "letter")


def worksheet_path(worksheet_id: str) -> str:
    return f"{WORKSHEETS_DIR}/{worksheet_id}.md"


def worksheet_pdf(name: str, paper: str) -> str:
    """Where a worksheet's (or the pack's, name 'all-worksheets') PDF goes in the built site."""
    return f"{DOWNLOADS_DIR}/{WORKSHEETS_DIR}/{name}-{paper}.pdf"


def handout_pdf(paper: str) -> str:
    return f"{DOWNLOADS_DIR}/handout-{paper}.pdf"


def sheet_fields(sheet: Worksheet, guide: Guide) -> list[tuple[Any, list]]:
    """Each field with what it shows: checklist items, or a table's row labels (own or reused)."""
    pairs: list[tuple[Any, list]] = []
    for field in sheet.fields:
        if isinstance(field, ChecklistField):
            items = pick_items(source_items(field.items_from, guide.phases, guide.therapist), field.only) if field.items_from else field.items
            pairs.append((field, list(items)))
        elif isinstance(field, TableField):
            reused = source_items(field.rows_from, guide.phases, guide.therapist) if field.rows_from else []
            pairs.append((field, list(field.rows) + [item.text for item in reused]))
        else:
            pairs.append((field, []))
    return pairs


def sheet_prompts(sheet: Worksheet, guide: Guide) -> list[str]:
    """Every piece of text a patient reads on the printed sheet: for checks that nothing is lost."""
    texts = [sheet.title]
    for field, items in sheet_fields(sheet, guide):
        texts += [t for t in (getattr(field, "prompt", None), getattr(field, "hint", None), getattr(field, "title", None)) if t]
        if isinstance(field, ChecklistField):
            texts += [item.text for item in items]
        elif isinstance(field, TableField):
            texts += [*items, *(c.heading for c in field.columns), *([field.row_heading] if field.row_heading else [])]
        elif field.type == "scale":
            texts += [field.low_label, field.high_label]
    return texts


def render_worksheet_pages(guide: Guide, env: jinja2.Environment) -> dict[str, str]:
    """The worksheet pages and their index (``env`` links pages from one folder down)."""
    if not guide.worksheets:
        return {}
    pages = {f"{WORKSHEETS_DIR}/index.md": env.get_template("pages/worksheets_index.md.j2").render(
        worksheets=guide.worksheets, site=guide.site, downloads="../" + DOWNLOADS_DIR + "/")}
    template = env.get_template("pages/worksheet.md.j2")
    for sheet in guide.worksheets:
        pages[worksheet_path(sheet.id)] = template.render(
            sheet=sheet, fields=sheet_fields(sheet, guide), site=guide.site, guide=guide, downloads="../../" + DOWNLOADS_DIR + "/",
            references=[guide.references[r] for r in sheet.references],
        )
    return pages


def render_handout(guide: Guide, env: jinja2.Environment, page_context) -> str:
    """The handout page; ``env`` turns links between pages into links inside the handout."""
    page_template = env.get_template("pages/page.md.j2")
    sections = []
    for page in guide.pages:
        text = page_template.render(**{**page_context(page), "site_root": "../"})  # the handout is at /handout/
        text = re.sub(r"\A---\n.*?\n---\n", "", text, count=1, flags=re.S)
        text = re.sub(r"^# (.+)$", lambda m: f"# {m.group(1)} {{ #page-{page.id} }}", text, count=1, flags=re.M)
        sections.append((page, text))
    return env.get_template("pages/handout.md.j2").render(
        site=guide.site, guide=guide, sections=sections, worksheets=[(s, sheet_fields(s, guide)) for s in guide.worksheets]
    )


def handout_links(markdown: str) -> str:
    """``[words](page:id#anchor)`` becomes a link inside the handout: ``#anchor``, or ``#page-id``."""
    return PAGE_LINK.sub(lambda m: f"]({m.group(2) or '#page-' + m.group(1)})", str(markdown))


def up_one_folder_links(markdown: str) -> str:
    """``[words](page:id)`` from a page one folder down (worksheets/): ``../id.md``."""
    return PAGE_LINK.sub(lambda m: f"](../{m.group(1)}.md{m.group(2) or ''})", str(markdown))
