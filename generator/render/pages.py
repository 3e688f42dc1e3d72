"""Render a checked Guide into Markdown with the Jinja templates: model in, text out.

The output is plain Markdown (with front matter, admonitions and ``{#id}`` attributes), so any
MkDocs-compatible engine can build it. Links between pages are written as ``<id>.md``. One Jinja
environment renders every page, worksheet and the handout of a build.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..guide.guide import Guide
from ..problems import ContentError, Problem, display_path
from ..schema.page import Page
from ..source.bounds import page_size_problems
from ..source.files import unusable_files
from ..guide.crisis_wording import crisis_fill_ins
from ..guide.edition_facts import edition_fill_ins
from .environment import make_environment, resolve_page_links
from .handout import handout_files, render_handout
from .layout import BRAND_CSS, HANDOUT_PAGE, WORKSHEETS_DIR, brand_asset, page_path, worksheet_path
from .web_app import web_app_files
from .worksheets import render_worksheet_pages


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
    files: dict[str, str | bytes | Path] = field(default_factory=dict)  # other files of the site: text, bytes, or a file to copy


def page_context(page: Page, guide: Guide) -> dict:
    return {"page": page, "guide": guide, "site": guide.site, "references": guide.page_references(page),
            "site_root": "" if page.id == "index" else "../", "link_style": "root"}


def render_guide(guide: Guide, templates_dir: Path, cache: jinja2.BytecodeCache | None = None) -> RenderedGuide:
    """Render every page; raise ``ContentError`` pointing into the template on a template error."""
    unusable = unusable_files(templates_dir, templates_dir.resolve().parent)
    if unusable:  # an unreadable template or stylesheet, named here rather than as an engine's traceback
        raise ContentError(unusable)
    env = make_environment(templates_dir, guide.ui, cache, guide.locale, guide.address_prefix, guide.brand.paper)
    pages: dict[str, str] = {}
    try:
        template = env.get_template("pages/page.md.j2")
        for page in guide.pages:
            pages[page_path(page.id)] = resolve_page_links(template.render(**page_context(page, guide)), "root")
        pages.update(render_worksheet_pages(guide, env))
        pages[HANDOUT_PAGE] = render_handout(guide, env)
        pages = {path: edition_fill_ins(crisis_fill_ins(text, guide.site.crisis, markup=True), guide.site, guide.ui, markup=True)
                 for path, text in pages.items()}
        files = {**brand_files(guide, env), **handout_files(guide, env)}
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
    origins = {page_path(p.id): p.origin for p in guide.pages} | {worksheet_path(s.id): s.origin for s in guide.worksheets}
    too_large = page_size_problems(pages, origins, HANDOUT_PAGE)
    if too_large:  # before the engine and the browser lay them out
        raise ContentError(too_large)
    nav = [NavEntry(p.nav_title or p.title, page_path(p.id)) for p in guide.pages]
    if guide.worksheets:
        sheets = [NavEntry(guide.ui["worksheet"]["all"], f"{WORKSHEETS_DIR}/index.md")]
        sheets += [NavEntry(s.title, worksheet_path(s.id)) for s in guide.worksheets]
        nav.append(NavEntry(guide.ui["worksheet"]["menu"], children=tuple(sheets)))
    return RenderedGuide(pages=pages, nav=nav, hidden=(HANDOUT_PAGE,), files=files)


def brand_files(guide: Guide, env: jinja2.Environment) -> dict[str, str | bytes | Path]:
    """A clinic's logo and favicon (copied), the stylesheet with the edition's colours (a clinic's,
    or ours: the one place the theme's colours are set), and the web app manifest with its icons
    (web_app.py)."""
    brand, files = guide.brand, {}
    for key, path in (("logo", brand.logo), ("favicon", brand.favicon)):
        if path is not None:
            files[brand_asset(key, path)] = path
    files[BRAND_CSS] = env.get_template("site/brand.css.j2").render(brand=brand)
    files.update(web_app_files(guide))
    return files


def _template_position(exc: BaseException, templates_dir: Path) -> tuple[str, int]:
    """The innermost template frame of a rendering error: Jinja maps its frames to template lines."""
    root = templates_dir.resolve()
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = Path(frame.filename)
        if path.is_absolute() and root in path.resolve().parents:
            return display_path(path, root.parent), frame.lineno or 1
    return str(templates_dir), 1
