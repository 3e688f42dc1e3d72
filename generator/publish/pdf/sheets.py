"""The worksheets' PDFs: each worksheet alone, fillable, on A4 and on US Letter, and the pack of all.

Every worksheet of a language prints in ONE Chromium document per paper size: a print's fixed cost
is most of what a one-page print costs, so one print of eleven pages costs less than two prints of
one. The first worksheet's page is loaded; every other sheet's article (fetched from the same
server, its page the same but for the article) is put after it. Each sheet starts a new page and
is as tall as the page, its footer at its foot, as where it prints alone (its footer is fixed to
the foot of the page there), and no page of it is numbered (a sheet alone is a first page, which
print.css leaves unnumbered); tests/browser/test_worksheets_print.py compares each worksheet's PDF
with the browser's own print of its page. Every place to fill in is marked (forms.py), and:

- each worksheet's PDF is its page taken out of the print with its part of the structure tree
  (split.py), its fields, title and language; it must be one page (else a clear error);
- the pack is every page, its fields under each sheet's id, a bookmark per sheet.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader

from ...guide.guide import Guide
from ...guide.interface import fill
from ...problems import BuildFailed
from ...render.layout import PAPER_FORMAT, PAPER_NAME, PAPER_SIZES, worksheet_pdf
from .forms import MARK_SPOTS, MARKER, FormError, Spot, add_fields, spots_from
from .links import check_reader
from .metadata import document_info, set_info
from .split import pages_alone, to_bytes

# Put every other worksheet's article after the loaded one's, each on pages of its own; false if a
# page differs from the first in more than its article (its stylesheets, scripts or root
# attributes), which would print differently.
SHEETS_DOCUMENT = """async urls => {
    const read = async address => {
        const response = await fetch(address);
        if (!response.ok) throw new Error(`${address}: ${response.status}`);
        return new DOMParser().parseFromString(await response.text(), 'text/html');
    };
    const look = doc => JSON.stringify([
        [...doc.documentElement.attributes, ...doc.body.attributes].map(a => `${a.name}=${a.value}`),
        [...doc.querySelectorAll('link[rel~="stylesheet"], style, script')].filter(e => !e.closest('article'))
            .map(e => e.outerHTML)]);
    const pages = await Promise.all([location.href, ...urls].map(read));
    if (pages.some(page => look(page) !== look(pages[0]))) return false;
    let last = document.querySelector('article');
    for (const page of pages.slice(1)) {
        const article = document.adoptNode(page.querySelector('article'));
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
    return [...document.querySelectorAll('article .guide-sheet')].map(sheet => sheet.id.replace(/^sheet-/, ''));
}"""


@dataclass(frozen=True)
class PrintedSheets:
    """One paper's print of every worksheet: the PDF, where each sheet starts, the marked places."""

    reader: PdfReader
    starts: dict[str, int]  # each sheet's first page (from 0)
    spots: list[Spot]


def worksheet_pdfs(page, base_url: str, guide: Guide) -> dict[str, bytes]:
    """Every worksheet's PDF and the pack, per paper size, by their path in the site (without the
    language's prefix)."""
    if not guide.worksheets:
        return {}
    urls = [f"{base_url}worksheets/{sheet.id}/" for sheet in guide.worksheets]
    page.goto(urls[0], wait_until="load")
    if page.evaluate(SHEETS_DOCUMENT, urls[1:]) is False:
        raise BuildFailed("the worksheets' pages differ in more than their sheet (their stylesheets or scripts), "
                          "so they cannot print as one document; build the site again")
    spots = spots_from(page.evaluate(MARK_SPOTS, MARKER))
    files: dict[str, bytes] = {}
    for paper in PAPER_SIZES:
        printed = _print(page, paper, guide, spots)
        for sheet in guide.worksheets:
            files[worksheet_pdf(sheet.id, paper)] = _alone(printed, sheet, paper, guide)
        files[worksheet_pdf("all-worksheets", paper)] = _pack(printed, paper, guide)
    return files


def _print(page, paper: str, guide: Guide, spots: list[Spot]) -> PrintedSheets:
    reader = PdfReader(io.BytesIO(page.pdf(format=PAPER_FORMAT[paper], tagged=True)))
    check_reader(reader, f"the worksheets ({PAPER_NAME[paper]})")
    destinations = reader.named_destinations
    starts = {}
    for sheet in guide.worksheets:
        found = destinations.get(f"/sheet-{sheet.id}-title") or destinations.get(f"sheet-{sheet.id}-title")
        if found is None:
            raise BuildFailed(f"{sheet.origin.file}: the worksheet's title was not found in its print")
        starts[sheet.id] = reader.get_destination_page_number(found)
    for number, sheet in enumerate(guide.worksheets):
        end = starts[guide.worksheets[number + 1].id] if number + 1 < len(guide.worksheets) else len(reader.pages)
        if end - starts[sheet.id] != 1:
            raise BuildFailed(f"{sheet.origin.file}: the worksheet prints on {end - starts[sheet.id]} pages of "
                              f"{PAPER_NAME[paper]}, not one; use fewer lines or fields, or smaller boxes")
    return PrintedSheets(reader, starts, spots)


def _alone(printed: PrintedSheets, sheet, paper: str, guide: Guide) -> bytes:
    """One worksheet's PDF: its page, fillable, with its title and language."""
    writer = pages_alone(printed.reader, [printed.starts[sheet.id]])
    try:
        add_fields(writer, printed.spots, [n for n, spot in enumerate(printed.spots) if spot.sheet == sheet.id])
    except FormError as exc:
        raise BuildFailed(f"{sheet.origin.file}: the worksheet's form fields ({PAPER_NAME[paper]}): {exc}") from None
    set_info(writer, document_info(f"{sheet.title} ({_paper(guide, paper)})", sheet.description, guide))
    return to_bytes(writer)


def _pack(printed: PrintedSheets, paper: str, guide: Guide) -> bytes:
    """The pack: every worksheet, their fields under each sheet's id, a bookmark per sheet."""
    writer = pages_alone(printed.reader, range(len(printed.reader.pages)))
    try:
        add_fields(writer, printed.spots, range(len(printed.spots)), in_groups=True)
    except FormError as exc:
        raise BuildFailed(f"the pack of worksheets' form fields ({PAPER_NAME[paper]}): {exc}") from None
    for sheet in guide.worksheets:
        writer.add_outline_item(sheet.title, printed.starts[sheet.id])
    words = guide.ui["worksheet"]
    set_info(writer, document_info(fill(words["pack_title"], name=guide.site.name, paper=_paper(guide, paper)),
                                   words["pack_subject"], guide))
    return to_bytes(writer)


def _paper(guide: Guide, paper: str) -> str:
    """The paper size's name in the guide's language ("US Letter"), for the PDFs' titles."""
    return guide.ui["paper"][paper]
