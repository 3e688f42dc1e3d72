"""The one Jinja environment a build renders our templates with, and the filters they use.

Compiled templates are kept on disk between builds (Jinja's ``FileSystemBytecodeCache``, keyed by
each template's source, so an edit is compiled anew;
generator/caches.py): compiling was most of the generation time.
Everything printed is escaped (autoescape): ``&``, ``<``, ``>`` and quotes become HTML entities, which
Markdown shows as the same characters, in running text, raw HTML blocks and attributes alike. Plain
values in Markdown text go through ``plain`` (which also disarms Markdown's emphasis and links),
Markdown from the content through ``md`` (its one door past the escaping is ``trusted_html``,
generator/render/trusted.py), and values in CSS through ``css_string``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..guide.crisis_wording import emergency_way, linked_fill_ins, ways
from ..guide.interface import fill
from ..guide.locale import long_date, number
from ..guide.phone_links import phone_href
from ..schema.base import PAGE_LINK
from .layout import page_address, page_path, worksheet_path
from .trusted import trusted_html


def plain(text: str, quotes: bool = False) -> Markup:
    """Plain text made safe to place in Markdown: HTML-escaped, Markdown emphasis disarmed; with
    ``quotes``, its double quotes too (for a text in quotes: an admonition's title)."""
    escaped = html.escape(str(text), quote=False)
    escaped = escaped.replace('"', "&quot;") if quotes else escaped
    return Markup(re.sub(r"([\\`*_\[\]])", r"\\\1", escaped))


LINK_STYLES = {
    # a page at the site's root links to ``id.md`` (MkDocs checks and resolves it)
    "root": lambda m: f"]({page_path(m.group(1))}{m.group(2) or ''})",
    # a page one folder down (worksheets/)
    "nested": lambda m: f"](../{page_path(m.group(1))}{m.group(2) or ''})",
    # the handout: every page is a section of one page
    "handout": lambda m: f"]({m.group(2) or '#page-' + m.group(1)})",
}


def resolve_page_links(markdown: str, style: str = "root") -> str:
    """``[words](page:id#anchor)`` as a link that works where it is written (see LINK_STYLES)."""
    return PAGE_LINK.sub(LINK_STYLES[style], str(markdown))


def _refuse_undefined(value) -> None:
    """Our filters raise Jinja's own 'undefined' error when handed a missing variable, not a TypeError."""
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()


def _strict(function):
    def strict(value, *args, **kwargs):
        _refuse_undefined(value)
        return function(value, *args, **kwargs)

    return strict


def _fill(text: str, **values) -> str | Markup:
    """A catalog text with its ``{name}`` fill-ins: ``ui.footer.reviewed_by | fill(name=page.reviewed_by)``.
    Text, where every value is text (to print escaped, or to pass to ``tojson`` or ``css_string``);
    markup, where a value is markup (a link made in the template): the text and the other values
    escaped, as ``Markup.format`` does."""
    for value in (text, *values.values()):
        _refuse_undefined(value)
    if not any(isinstance(value, Markup) for value in values.values()):
        return fill(text, **values)
    return Markup(fill(escape(text), **{name: escape(value) for name, value in values.items()}))


def _md(markdown: str) -> Markup:
    """Markdown from the content, as it is: its page links are resolved on the whole rendered page
    (``resolve_page_links``), where it is known whether the page is at the root, a folder down or
    in the handout; so the component macros need no context and are compiled and imported once.
    Its crisis fill-ins are marked as running text, to be filled in as links to call."""
    _refuse_undefined(markdown)
    return trusted_html(linked_fill_ins(str(markdown)))


def _md_text(markdown: str) -> Markup:
    """Markdown whose raw HTML shows as text: for a clinic's brand values, which are never markup."""
    _refuse_undefined(markdown)
    return Markup(html.escape(str(markdown), quote=False))


def css_string(text: str) -> Markup:
    """Plain text as a quoted CSS string (for ``content:``): every character but letters, digits,
    spaces and plain punctuation as a CSS escape, so no text can end the string or the rule."""
    safe = set(" .,:;!?()-'&+/")
    return Markup('"' + "".join(c if c.isalnum() and c.isascii() or c in safe else f"\\{ord(c):x} " for c in str(text)) + '"')


def make_environment(templates_dir: Path, ui: dict, cache: jinja2.BytecodeCache | None = None,
                     locale: str = "en_US", language_prefix: str = "", paper: str = "a4") -> jinja2.Environment:
    """Our templates' environment; ``ui`` is the interface catalog of the language rendered (the
    global ``ui``: ``{{ ui.crisis.need_help }}``, fill-ins with ``{{ ui.review.brief | fill(date=...) }}``),
    ``locale`` the Babel locale of its dates (``long_date``) and numbers (``number``),
    ``language_prefix`` where its pages are in the site ("" or "es/": ``language_prefix``),
    ``paper`` the edition's paper ("a4" or "letter": ``paper``, the PDF listed first)."""
    env = jinja2.Environment(
        bytecode_cache=cache,
        loader=jinja2.FileSystemLoader(str(templates_dir.resolve())),
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # every value printed escaped; markup only through trusted_html (trusted.py)
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update({name: _strict(f) for name, f in dict(plain=plain, link=page_path, worksheet_link=worksheet_path, address=page_address,
                                                                    tel=phone_href, css_string=css_string).items()})
    env.filters.update(md=_md, md_text=_md_text, fill=_fill, trusted_html=trusted_html)
    env.filters.update(long_date=_strict(lambda value: long_date(value, locale)),
                       number=_strict(lambda value: number(value, locale)))
    env.globals["ui"] = ui
    env.globals["language_prefix"] = language_prefix
    env.globals["paper"] = paper
    # each way to reach a crisis line, and the emergency number, in words with its link (crisis_wording.Way)
    env.globals["crisis_ways"] = lambda line: ways(line, ui)
    env.globals["emergency_way"] = lambda crisis: emergency_way(crisis, ui)
    return env
