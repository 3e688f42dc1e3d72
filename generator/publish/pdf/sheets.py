"""The worksheets' PDFs: each worksheet alone, fillable, on A4 and on US Letter, and the pack of all.

Every worksheet, of every language, prints in ONE Chromium document per paper size: a print's fixed
cost is most of what a one-page print costs, so one print of twenty-two pages costs less than two
prints of one. The first worksheet's page is loaded; every other sheet's article (fetched from the
same server, its page the same but for the article and its language) is put after it. A sheet of
another language keeps its language (``lang``); every sheet's ids are made its own (another
language's with ``es-`` before each, one another sheet has already with the sheet's id before it,
and every reference to one changed with it), so that each sheet is found in the print and its
labels still name its own words. Each sheet starts a new page and is as tall as the page, its footer at its
foot, as where it prints alone (its footer is fixed to the foot of the page there), and no page of
it is numbered (a sheet alone is a first page, which print.css leaves unnumbered);
tests/browser/test_worksheets_print.py compares each worksheet's PDF with the browser's own print
of its page. Every place to fill in is marked (forms.py), and:

- each worksheet's PDF is its page taken out of the print with its part of the structure tree
  (split.py), its fields, title and language; it must be one page (else a clear error);
- each language's pack is its sheets' pages taken out the same way, the fields under each sheet's
  id, a bookmark per sheet.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass

import yaml
from pypdf import PdfReader
from pypdf.generic import NameObject, TextStringObject

from ...guide.guide import Guide
from ...guide.interface import fill
from ...problems import BuildFailed, display_path
from ...render.layout import PAPER_NAME, PAPER_SIZES, worksheet_pdf
from .browser import print_pdf
from .forms import MARK_SPOTS, MARKER, FormError, Spot, add_fields, spots_from
from .links import check_reader
from .metadata import document_info, set_info
from .split import pages_alone, to_bytes

# Put every other worksheet's article after the loaded one's, each on pages of its own (another
# language's with its language, its ids made its own); false if a page differs from the first in
# more than its article and language (its stylesheets or root attributes), which would print
# differently. Scripts may differ (the theme's words are in one): the page's scripts do not run.
SHEETS_DOCUMENT = """async urls => {
    const read = async address => {
        const response = await fetch(address);
        if (!response.ok) throw new Error(`${address}: ${response.status}`);
        return new DOMParser().parseFromString(await response.text(), 'text/html');
    };
    const look = doc => JSON.stringify([
        [...doc.documentElement.attributes, ...doc.body.attributes].filter(a => a.name !== 'lang').map(a => `${a.name}=${a.value}`),
        [...doc.querySelectorAll('link[rel~="stylesheet"], style')].filter(e => !e.closest('article'))
            .map(e => e.outerHTML)]);
    const pages = await Promise.all([location.href, ...urls].map(read));
    if (pages.some(page => look(page) !== look(pages[0]))) return false;
    const here = document.documentElement.lang;
    const taken = new Set([...document.querySelectorAll('[id]')].map(el => el.id));
    let last = document.querySelector('article');
    for (const page of pages.slice(1)) {
        const article = document.adoptNode(page.querySelector('article'));
        const lang = page.documentElement.lang;
        if (lang !== here) article.lang = lang;
        // Its ids its own: another language's each with its language before it, and any id another
        // sheet has already (a field's id in two sheets) with its sheet's id before it; and every
        // reference to one changed with it.
        const sheet = article.querySelector('.guide-sheet')?.id ?? 'sheet';
        const renamed = new Map();
        for (const el of article.querySelectorAll('[id]')) {
            let id = lang !== here ? `${lang}-${el.id}` : el.id;
            if (taken.has(id)) id = `${sheet}-${id}`;
            renamed.set(el.id, id);
            taken.add(id);
            el.id = id;
        }
        const own = id => renamed.get(id) ?? id;
        for (const name of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'for', 'headers']) {
            for (const el of article.querySelectorAll(`[${name}]`)) {
                el.setAttribute(name, el.getAttribute(name).split(/\\s+/).map(own).join(' '));
            }
        }
        for (const link of article.querySelectorAll('a[href^="#"]')) {
            link.setAttribute('href', '#' + own(decodeURIComponent(link.getAttribute('href').slice(1))));
        }
        last.after(article);
        last = article;
    }
    const style = document.createElement('style');
    style.textContent = `@page { @bottom-center { content: none; } }
    @media print {
        article { position: relative; min-height: 100vh; box-sizing: border-box; }
        article + article { break-before: page; }
        .md-typeset .guide-sheet__foot { position: absolute; }
    }`;
    document.head.append(style);
    await Promise.all([...document.images].filter(i => !i.complete).map(i => i.decode().catch(() => null)));
    await document.fonts.ready;
    return [...document.querySelectorAll('article .guide-sheet')].map(sheet => sheet.id);
}"""


@dataclass(frozen=True)
class PrintedSheets:
    """One paper's print of every worksheet: its reader, the page each sheet is on (by its id in
    the print: ``sheet-<id>``, ``es-sheet-<id>``), the marked places."""

    reader: PdfReader
    pages: dict[str, int]
    spots: list[Spot]


def worksheet_pdfs(page, base_url: str, guides: list[Guide]) -> dict[str, bytes]:
    """Every language's worksheets' PDFs and packs, per paper size, by their path in the site."""
    sheets = [(guide, sheet) for guide in guides for sheet in guide.worksheets]
    if not sheets:
        return {}
    urls = [f"{base_url}{guide.address_prefix}worksheets/{sheet.id}/" for guide, sheet in sheets]
    page.goto(urls[0], wait_until="load")
    if page.evaluate(SHEETS_DOCUMENT, urls[1:]) is False:
        raise BuildFailed("the worksheets' pages differ in more than their sheet (their stylesheets), "
                          "so they cannot print as one document; build the site again")
    spots = spots_from(page.evaluate(MARK_SPOTS, MARKER))
    files: dict[str, bytes] = {}
    for paper in PAPER_SIZES:
        printed = _print(page, paper, sheets, spots)
        for guide in guides:
            for sheet in guide.worksheets:
                files[guide.address_prefix + worksheet_pdf(sheet.id, paper)] = _alone(printed, guide, sheet, paper)
            if guide.worksheets:
                files[guide.address_prefix + worksheet_pdf("all-worksheets", paper)] = _pack(printed, guide, paper)
    return files


def print_id(guide: Guide, sheet) -> str:
    """A sheet's id in the print of every language's sheets: its own in the first language's."""
    first = guide.site.language == guide.site.languages[0]
    return f"sheet-{sheet.id}" if first else f"{guide.site.language}-sheet-{sheet.id}"


def _print(page, paper: str, sheets: list, spots: list[Spot]) -> PrintedSheets:
    what = f"the worksheets ({PAPER_NAME[paper]})"
    reader = PdfReader(io.BytesIO(print_pdf(page, paper, what)))
    check_reader(reader, what)
    destinations = reader.named_destinations
    pages = {}
    for guide, sheet in sheets:
        found = destinations.get(f"/{print_id(guide, sheet)}-title") or destinations.get(f"{print_id(guide, sheet)}-title")
        if found is None:
            raise BuildFailed(f"{sheet.origin.file}: the worksheet's title was not found in its print")
        pages[print_id(guide, sheet)] = reader.get_destination_page_number(found)
    ends = [*(pages[print_id(*pair)] for pair in sheets[1:]), len(reader.pages)]
    for (guide, sheet), end in zip(sheets, ends):
        if end - pages[print_id(guide, sheet)] != 1:
            raise BuildFailed(too_long(guide, sheet, end - pages[print_id(guide, sheet)], paper))
    return PrintedSheets(reader, pages, spots)


def too_long(guide: Guide, sheet, pages: int, paper: str) -> str:
    """Why a worksheet does not fit its page, naming every file whose text it prints: the sheet's
    own, and where its crisis lines are written (a clinic's brand.yml, or our site.yml), with how
    many there are, since a clinic's long list of lines can be what pushes a sheet onto a second page."""
    message = (f"{sheet.origin.file}: the worksheet prints on {pages} pages of {PAPER_NAME[paper]}, not one; use fewer "
               "lines or fields, or smaller boxes")
    if any(field.type == "crisis_lines" for field in sheet.fields):
        count = len(guide.site.crisis.lines)
        message += (f"; it also prints the {count} crisis line{'s' if count != 1 else ''} of {crisis_source(guide)} "
                    "(crisis.lines), which may be what is too long: fewer or shorter lines there, or no crisis_lines "
                    "field on the sheet")
    return message


def crisis_source(guide: Guide) -> str:
    """The file the edition's crisis lines are written in: the clinic's brand.yml where it sets them,
    else our site settings."""
    clinic = guide.brand.clinic_dir
    if clinic is not None:
        brand_file = clinic / "brand.yml"
        try:
            sets_crisis = "crisis" in (yaml.safe_load(brand_file.read_text(encoding="utf-8")) or {})
        except (OSError, yaml.YAMLError):
            sets_crisis = False
        if sets_crisis:
            return display_path(brand_file)
    return guide.site.origin.file


def _numbers(printed: PrintedSheets, guide: Guide, sheet) -> list[int]:
    """The marked places of ``sheet`` (by their number)."""
    key = print_id(guide, sheet)
    return [n for n, spot in enumerate(printed.spots) if spot.sheet == key]


def _alone(printed: PrintedSheets, guide: Guide, sheet, paper: str) -> bytes:
    """One worksheet's PDF: its page, fillable, with its title and language."""
    writer = pages_alone(printed.reader, [printed.pages[print_id(guide, sheet)]])
    try:
        add_fields(writer, printed.spots, _numbers(printed, guide, sheet))
    except FormError as exc:
        raise BuildFailed(f"{sheet.origin.file}: the worksheet's form fields ({PAPER_NAME[paper]}): {exc}") from None
    writer.root_object[NameObject("/Lang")] = TextStringObject(guide.site.language)
    set_info(writer, document_info(f"{sheet.title} ({_paper(guide, paper)})", sheet.description, guide))
    return to_bytes(writer)


def _pack(printed: PrintedSheets, guide: Guide, paper: str) -> bytes:
    """A language's pack: its sheets' pages, their fields under each sheet's id, a bookmark per sheet."""
    writer = pages_alone(printed.reader, [printed.pages[print_id(guide, sheet)] for sheet in guide.worksheets])
    spots = list(printed.spots)
    for sheet in guide.worksheets:  # grouped under the sheet's own id, whatever its id in the print
        for n in _numbers(printed, guide, sheet):
            spots[n] = dataclasses.replace(spots[n], sheet=sheet.id)
    try:
        add_fields(writer, spots, [n for sheet in guide.worksheets for n in _numbers(printed, guide, sheet)], in_groups=True)
    except FormError as exc:
        raise BuildFailed(f"the pack of worksheets' form fields ({PAPER_NAME[paper]}): {exc}") from None
    for index, sheet in enumerate(guide.worksheets):
        writer.add_outline_item(title=sheet.title, page_number=index)
    writer.root_object[NameObject("/Lang")] = TextStringObject(guide.site.language)
    words = guide.ui["worksheet"]
    set_info(writer, document_info(fill(words["pack_title"], name=guide.site.name, paper=_paper(guide, paper)),
                                   words["pack_subject"], guide))
    return to_bytes(writer)


def _paper(guide: Guide, paper: str) -> str:
    """The paper size's name in the guide's language ("US Letter"), for the PDFs' titles."""
    return guide.ui["paper"][paper]
