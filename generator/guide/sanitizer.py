"""The guarantee that no content text becomes markup that runs, loads or misleads: an allow-list.

Every text of the guide (ours, a clinic's overlay and its brand.yml) is rendered here as the site
renders it, Python-Markdown with the extensions of mkdocs.yml, and the HTML goes through nh3, the
Python binding of the Rust sanitizer Ammonia, with an explicit list of the elements, attributes and
link schemes content may use. Whatever the sanitizer would change is an error at the text's file,
line and field; the text is never changed silently.

A field typed ``Markdown`` is rendered as it is (raw HTML in it is HTML). Every other text, and the
Markdown fields the templates print with ``md_text`` (a clinic's crisis intro and therapy offer), is
rendered with its HTML escaped, as the templates print it: only Markdown's own links and attribute
lists could make markup of it, and the sanitizer checks those too.

The deny-list of markup_check.py stays as the friendlier first message for the common cases (a
<script>, an onclick=); this module is what holds for the forms a list of bad things misses:
entity-encoded schemes, reference definitions, attr_list attributes, control characters.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import markdown
import nh3
from pydantic import BaseModel

from ..problems import Problem
from ..schema.base import PAGE_LINK, UNKNOWN_ORIGIN, Markdown
from ..schema.brand_file import BrandFile, IntegrationTherapy
from ..schema.items import Crisis
from ..source import bounds
from ..source.schema_errors import validate_document
from ..source.yaml_reader import Path_, YamlDocument, texts
from .crisis_wording import crisis_fill_ins
from .markup_check import unsafe_markup

if TYPE_CHECKING:
    from .guide import Guide

# The Markdown extensions of mkdocs.yml, as the site renders them (a test checks that the two agree,
# so an extension added there is rendered here too).
SITE_MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "toc"]
SITE_MARKDOWN_CONFIG = {"toc": {"permalink": True}}

# What content may hold: Markdown's own elements and a few harmless ones. No images (a picture from
# another site is a request the patient did not choose), no forms, media, SVG or MathML, no style,
# and no bidirectional override (<bdo>, dir=) that could show a phone number backwards.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div", "dl",
    "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
    "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul", "var",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},  # ids and classes from attr_list and toc; a title as plain text
    "a": {"href"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "details": {"open"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel", "sms"}  # and relative addresses: a page, a section
SHOWN_AS_TEXT = {(Crisis, "intro"), (IntegrationTherapy, "description")}
"""Markdown fields whose raw HTML the templates show as text (the ``md_text`` filter)."""

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
RULE = ("the sanitizer would take it out: content holds Markdown and plain HTML such as <strong> or <abbr title=\"…\"> "
        "(attributes are plain text; no scripts, styles, images or event handlers), and links lead to https:, http:, "
        "mailto:, tel:, sms: or a page of the guide")


def _plain_values(element: str, attribute: str, value: str) -> str | None:
    """Every attribute value is plain text: no markup (a title holding <meta …> becomes live the day
    a script copies it into the page) and no control characters (java&#1;script: and its kin)."""
    if "<" in value or CONTROL.search(value):
        return None
    return value


def sanitize(fragment: str) -> str:
    """``fragment`` as the allow-list keeps it."""
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES,
                     attribute_filter=_plain_values, link_rel=None, strip_comments=True)


# --- what the sanitizer would change, in words -------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Tokenizer(HTMLParser):
    """HTML as the tokens a browser sees: start tags with their decoded attributes, end tags, text and
    comments; two serialisations of the same tree give the same tokens."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, tuple(sorted((name, value or "") for name, value in attrs))))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.tokens.append(("end", tag))

    def handle_data(self, data):
        if self.tokens and self.tokens[-1][0] == "text":
            self.tokens[-1] = ("text", self.tokens[-1][1] + data)
        else:
            self.tokens.append(("text", data))

    def handle_comment(self, data):
        self.tokens.append(("comment", data))

    handle_decl = handle_pi = unknown_decl = handle_comment


def _tokens(fragment: str) -> list[tuple]:
    tokenizer = _Tokenizer()
    tokenizer.feed(fragment)
    tokenizer.close()
    return tokenizer.tokens


def _shown(value: str, limit: int = 60) -> str:
    """A value quoted for a one-line message: control characters as \\xNN, long values cut."""
    value = CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return f"'{value if len(value) <= limit else value[:limit] + '…'}'"


def _removed_attribute(tag: str, name: str, value: str) -> str:
    if name in ("href", "src") and value:
        return f"the address {_shown(value)} (in <{tag} {name}=>)"
    if name in ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set()):
        return f"a {name}= holding markup or a control character ({_shown(value)}, on <{tag}>)"
    return f"the attribute {name}= (on <{tag}>)"


def changes(fragment: str) -> list[str]:
    """What ``sanitize`` would change in the HTML ``fragment``, in words; empty if it keeps all of it."""
    before, after = _tokens(fragment), _tokens(sanitize(fragment))
    if before == after:
        return []
    found: list[str] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        kept = [token for token in after[b1:b2] if token[0] == "start"]
        for token in before[a1:a2]:
            if token[0] == "comment":
                found.append("an HTML comment (a note for editors goes in a YAML comment, after #)")
            if token[0] != "start":
                continue
            tag, attrs = token[1], dict(token[2])
            twin = next((k for k in kept if k[1] == tag), None)
            if twin is None:
                found.append(f"the <{tag}> element")
                continue
            kept.remove(twin)
            left = dict(twin[2])
            found += [_removed_attribute(tag, name, value) for name, value in attrs.items() if left.get(name) != value]
    if not found:  # the same elements and attributes, but another tree: an element left open, or closed out of order
        found.append("HTML that is not well formed (an element left open, or closed out of order)")
    return found


# --- a text rendered as the site renders it -----------------------------------------------------------

_markdown = markdown.Markdown(extensions=SITE_MARKDOWN_EXTENSIONS, extension_configs=SITE_MARKDOWN_CONFIG)
MARKDOWN_MAKERS = re.compile(r"[\[\]{]")
"""What Markdown needs to make a link ([…](…), [r]: …) or an attribute ({…}) of text whose HTML is escaped."""


@functools.lru_cache(maxsize=50_000)
def findings(text: str, markup: bool) -> tuple[str, ...]:
    """What the allow-list would change in ``text`` rendered as the site's Markdown, once per time it
    occurs: its HTML kept (``markup``) or escaped, as the templates print it. The text is rendered on its own, and (where it
    holds a brace: an attr_list binds to the block before it) after a line, as a template may put it;
    the addresses of its reference definitions are checked too, since another text may use them."""
    if not markup and not MARKDOWN_MAKERS.search(text):
        return ()  # escaped HTML, and no link or attribute syntax: Markdown can make only plain elements of it
    source = PAGE_LINK.sub(lambda m: f"]({m.group(1) or 'index'}.md{m.group(2) or ''})", text)
    if not markup:
        source = html.escape(source, quote=False)
    found: Counter[str] = Counter()
    for variant in (source, "Words of the page.\n" + source) if "{" in source else (source,):
        _markdown.reset()
        seen = Counter(changes(_markdown.convert(variant)))
        for label, (url, title) in _markdown.references.items():
            quoted_title = f' title="{html.escape(title)}"' if title else ""
            seen.update(f"in the reference definition [{label}]: {finding}"
                        for finding in changes(f'<a href="{html.escape(url)}"{quoted_title}>x</a>'))
        found |= seen  # the most of each that either way of rendering shows
    return tuple(found.elements())


# --- which texts are Markdown ------------------------------------------------------------------------

_MARKDOWN_MARK = Markdown.__metadata__[0]  # the constraints object only the Markdown type carries


def _is_markdown(annotation, metadata: Iterable = ()) -> bool:
    if any(m is _MARKDOWN_MARK for m in (*metadata, *getattr(annotation, "__metadata__", ()))):
        return True
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and any(
        _is_markdown(arg) for arg in typing.get_args(annotation))


def _items_annotation(annotation):
    """The annotation of the items of a list or the values of a dict, through Optional and Annotated."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return next((inner for arg in typing.get_args(annotation) if (inner := _items_annotation(arg)) is not None), None)
    if origin in (list, tuple, set, frozenset):
        return typing.get_args(annotation)[0]
    if origin is dict:
        return typing.get_args(annotation)[1]
    return None


def model_texts(model: BaseModel) -> Iterator[tuple[BaseModel, str, bool]]:
    """Every text in ``model`` and the models inside it: (the model holding it, the text, whether it
    is Markdown whose HTML is kept)."""
    for name, info in type(model).model_fields.items():
        markup = (type(model), name) not in SHOWN_AS_TEXT
        yield from _walk(model, getattr(model, name), info.annotation, info.metadata, markup)


def _walk(owner: BaseModel, value, annotation, metadata, markup: bool):
    if isinstance(value, str):
        yield owner, value, markup and _is_markdown(annotation, metadata)
    elif isinstance(value, BaseModel):
        yield from model_texts(value)
    elif isinstance(value, (list, tuple, dict)):
        inner = _items_annotation(annotation)
        for item in value.values() if isinstance(value, dict) else value:
            yield from _walk(owner, item, inner, (), markup)


# --- the check --------------------------------------------------------------------------------------


def guide_markup_problems(guide: "Guide", docs: list[YamlDocument], interface_docs: Sequence[YamlDocument],
                          brand: YamlDocument | None) -> list[Problem]:
    """``markup_problems`` over the whole guide: its items and content files (``docs``), the clinic's
    brand.yml, and the interface tables, with the crisis line's words filled in as on a page."""
    return markup_problems(_models(guide, brand), [*docs, *([brand] if brand else []), *interface_docs],
                           lambda text: crisis_fill_ins(text, guide.site.crisis, markup=True), _interface_texts(guide.ui))


def _interface_texts(table: dict) -> list[str]:
    return [text for value in table.values() for text in (_interface_texts(value) if isinstance(value, dict) else [value])]


def _models(guide: "Guide", brand: YamlDocument | None) -> list[BaseModel]:
    """Every item of the guide whose texts reach a page: ours, a clinic's, and its brand.yml."""
    brand_file = validate_document(brand, BrandFile)[0] if brand is not None else None
    return [guide.site, *guide.references.values(), *guide.notices.values(), *guide.practices, *guide.phases,
            guide.therapist, *guide.pages, *guide.worksheets, *([brand_file] if brand_file is not None else [])]


def markup_problems(models: Iterable[BaseModel], docs: Iterable[YamlDocument],
                    fill_in: Callable[[str], str] = lambda text: text, plain: Iterable[str] = ()) -> list[Problem]:
    """Everything in a text of ``docs`` that could run, load or mislead: the deny-list's friendly
    message where it knows the thing (markup_check.py; for texts whose HTML is HTML: in the others a
    <script> is words), else what the allow-list would change in the text as the site renders it,
    with its fill-ins (``fill_in``: the crisis line's words) in place.
    ``models`` are the guide's items, which tell which texts are Markdown; ``plain`` more texts the
    templates print as text (the interface's). A text of the models found in no document (one built
    from others, such as a crisis line's 'Call 988') is named at the item it belongs to, or, built in
    code, only when none of the texts it is built from is named."""
    modes: dict[str, tuple[BaseModel | None, bool]] = {text.strip(): (None, False) for text in plain}
    for model in models:
        for owner, text, markup in model_texts(model):
            key = text.strip()
            if key not in modes or (markup and not modes[key][1]):
                modes[key] = (owner, markup)
    total = sum(len(text) for text in modes)
    if total > bounds.MAX_GUIDE_BYTES:  # bounded work: this much text would not make a site anyway (source/bounds.py)
        largest = max(modes, key=len)
        origin = modes[largest][0].origin
        return [Problem(origin.file, origin.line, 1, "", f"the guide's texts are {total:,} characters together, more than "
                                                         f"a guide may have ({bounds.MAX_GUIDE_BYTES:,}); the longest is here")]
    problems: list[Problem] = []
    placed: set[str] = set()
    for doc in docs:
        for at, text in texts(doc.data):
            key = text.strip()
            as_html = modes[key][1] if key in modes else True  # a text the templates print escaped is text, whatever it holds
            denied = unsafe_markup(text) if as_html and ("<" in text or "](" in text) else []
            for offset, what in denied:
                problems.append(doc.problem(at, f"{what} is not allowed in content: nothing in the guide may run a "
                                                "script or embed another page; write it as plain text or Markdown", offset))
            if key not in modes:
                continue
            placed.add(key)
            if not denied:
                found = Counter(findings(fill_in(key), modes[key][1]))
                problems += [_located(doc, at, text, finding, nth, modes[key][1], fill_in)
                             for finding, count in found.items() for nth in range(1, count + 1)]
    built: list[Problem] = []
    for key, (owner, markup) in modes.items():
        if key not in placed and owner is not None:
            origin = owner.origin
            found = [Problem(origin.file, origin.line, 1, "", f"{finding} is not allowed: {RULE}")
                     for finding in dict.fromkeys(findings(fill_in(key), markup))]
            (built if origin == UNKNOWN_ORIGIN else problems).extend(found)
    return problems or built


def _located(doc: YamlDocument, at: Path_, text: str, finding: str, nth: int, markup: bool,
             fill_in: Callable[[str], str]) -> Problem:
    """The problem at the line of a `|` block where the ``nth`` time the finding occurs is: the first
    line such that the block's lines up to it, rendered, hold it ``nth`` times (found by halving)."""
    lines = text.split("\n")
    offset = None
    if at in doc.literal_blocks and len(lines) > 1:
        low, high = 1, len(lines)
        while low < high:
            middle = (low + high) // 2
            if findings(fill_in("\n".join(lines[:middle]).strip()), markup).count(finding) >= nth:
                high = middle
            else:
                low = middle + 1
        offset = len("\n".join(lines[: low - 1])) + (1 if low > 1 else 0)
    return doc.problem(at, f"{finding} is not allowed: {RULE}", offset)
