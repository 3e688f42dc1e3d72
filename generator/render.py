"""Render a checked Guide into Markdown pages with the Jinja templates: model in, text out.

The output is plain Markdown (with front matter, admonitions and ``{#id}`` attributes), so any
MkDocs-compatible engine can build it. Links between pages are written as ``<id>.md``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .brand import tel_href
from .content import PAGE_LINK, Guide
from .errors import ContentError, Problem, display_path
from .render_print import (
    HANDOUT_PAGE,
    WORKSHEETS_DIR,
    handout_links,
    render_handout,
    render_worksheet_pages,
    up_one_folder_links,
    worksheet_path,
)
from .models import ChecklistItem, Page, PhasesBlock, PracticesBlock, Reference, TherapistCriteriaBlock, TherapistQuestionsBlock


@dataclass(frozen=True)
class NavEntry:
    """A page in the menu (``path``), or a section of the menu (``children``, and no path)."""

    title: str
    path: str | None = None
    children: tuple["NavEntry", ...] = ()


@dataclass(frozen=True)
class RenderedGuide:
    """Markdown text by relative path, and the navigation in reading order."""

    pages: dict[str, str]
    nav: list[NavEntry] = field(default_factory=list)
    hidden: tuple[str, ...] = ()  # pages built but not in the menu (the handout)


def page_path(page_id: str) -> str:
    return f"{page_id}.md"


def plain(text: str) -> str:
    """Plain text made safe to place in Markdown: HTML-escaped, Markdown emphasis disarmed."""
    escaped = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_\[\]])", r"\\\1", escaped)


def resolve_page_links(markdown: str) -> str:
    """``[words](page:id#anchor)`` becomes ``[words](id.md#anchor)``, which MkDocs checks and resolves."""
    return PAGE_LINK.sub(lambda m: f"]({page_path(m.group(1))}{m.group(2) or ''})", str(markdown))


def markdown_without_html(markdown: str) -> str:
    """Markdown whose raw HTML shows as text: for a clinic's brand values, which are never markup."""
    return resolve_page_links(html.escape(str(markdown), quote=False))


def us_date(value: dt.date) -> str:
    return f"{value:%B} {value.day}, {value.year}"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, shared by every environment in this process (pages, worksheets and the
    handout each have one) and kept across `mkdocs serve` rebuilds. Compiling was most of the
    generation time. Jinja compares each template's source checksum, so an edit is compiled anew."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._compiled.clear()


_COMPILED = _CompiledTemplates()


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        bytecode_cache=_COMPILED,
        loader=jinja2.FileSystemLoader(str(templates_dir.resolve())),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown output: plain values go through the `plain` filter instead.
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    filters = dict(plain=plain, md=resolve_page_links, md_text=markdown_without_html, us_date=us_date, link=page_path, tel=tel_href)
    env.filters.update({name: _refuse_undefined(f) for name, f in filters.items()})
    return env


def _refuse_undefined(function):
    """Our filters raise Jinja's own 'undefined' error when handed a missing variable, not a TypeError."""

    def strict(value, *args):
        if isinstance(value, jinja2.Undefined):
            value._fail_with_undefined_error()
        return function(value, *args)

    return strict


def page_references(page: Page, guide: Guide) -> list[Reference]:
    """The page's own references, then those of the practices and checklist items it shows."""
    ids: list[str] = list(page.references)
    for block in page.blocks:
        if isinstance(block, PracticesBlock):
            for practice in (guide.practice(p) for p in (block.practices or [p.id for p in guide.practices])):
                ids += practice.references
        elif isinstance(block, PhasesBlock):
            for phase in (guide.phase(p) for p in (block.phases or [p.id for p in guide.phases])):
                ids += _item_ref_ids(phase.items)
        elif isinstance(block, TherapistCriteriaBlock):
            ids += _item_ref_ids(guide.therapist.criteria)
        elif isinstance(block, TherapistQuestionsBlock):
            ids += _item_ref_ids(guide.therapist.questions)
    return [guide.references[i] for i in dict.fromkeys(ids)]


def _item_ref_ids(items: list[ChecklistItem]) -> list[str]:
    return [ref for item in items for ref in item.references]


def render_guide(guide: Guide, templates_dir: Path) -> RenderedGuide:
    """Render every page; raise ``ContentError`` pointing into the template on a template error."""
    env = make_environment(templates_dir)
    pages: dict[str, str] = {}

    def page_context(page: Page) -> dict:
        return {"page": page, "guide": guide, "site": guide.site, "references": page_references(page, guide),
                "site_root": "" if page.id == "index" else "../"}

    try:
        template = env.get_template("pages/page.md.j2")
        for page in guide.pages:
            pages[page_path(page.id)] = template.render(**page_context(page))
        pages.update(render_worksheet_pages(guide, _with_md_filter(templates_dir, up_one_folder_links)))
        pages[HANDOUT_PAGE] = render_handout(guide, _with_md_filter(templates_dir, handout_links), page_context)
    except jinja2.TemplateSyntaxError as exc:
        name = display_path(Path(exc.filename), templates_dir.resolve().parent) if exc.filename else "templates"
        raise ContentError([Problem(name, exc.lineno or 1, 1, "", f"template syntax error: {exc.message}")]) from None
    except jinja2.TemplateNotFound as exc:
        raise ContentError([Problem(str(templates_dir), 1, 1, "", f"template not found: {exc.name}")]) from None
    except jinja2.UndefinedError as exc:
        name, line = _template_position(exc, templates_dir)
        raise ContentError([Problem(name, line, 1, "", f"unknown template variable: {exc.message}")]) from None
    except Exception as exc:  # any other failure inside a template: point at the template line
        name, line = _template_position(exc, templates_dir)
        raise ContentError([Problem(name, line, 1, "", f"template error: {type(exc).__name__}: {exc}")]) from None
    nav = [NavEntry(p.nav_title or p.title, page_path(p.id)) for p in guide.pages]
    if guide.worksheets:
        sheets = [NavEntry("All worksheets", f"{WORKSHEETS_DIR}/index.md")]
        sheets += [NavEntry(s.title, worksheet_path(s.id)) for s in guide.worksheets]
        nav.append(NavEntry("Worksheets", children=tuple(sheets)))
    return RenderedGuide(pages=pages, nav=nav, hidden=(HANDOUT_PAGE,))


def _with_md_filter(templates_dir: Path, links) -> jinja2.Environment:
    """An environment whose ``md`` filter writes page links for pages that live elsewhere."""
    env = make_environment(templates_dir)
    env.filters["md"] = _refuse_undefined(links)
    return env


def _template_position(exc: BaseException, templates_dir: Path) -> tuple[str, int]:
    """The innermost template frame of a rendering error: Jinja maps its frames to template lines."""
    root = templates_dir.resolve()
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = Path(frame.filename)
        if path.is_absolute() and root in path.resolve().parents:
            return display_path(path, root.parent), frame.lineno or 1
    return str(templates_dir), 1
