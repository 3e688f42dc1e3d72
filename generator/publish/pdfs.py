"""Print the built site's worksheet pages and handout to PDF with Chromium (through Playwright).

The same engine and print stylesheet as a patient's own browser: the site is served on loopback
and each page printed as it is, so the PDFs match what "Print" gives. Returns the PDFs as bytes
by their path in the site; writing them is owned_folders.py's job.

- a PDF per worksheet per paper size, which must be exactly one page (else a clear error), with a
  form field on every place to write, tick or circle, so that it can be filled in on a phone or
  tablet (pdf_forms.py: how the fields find their places in Chromium's own print);
- a pack of all worksheets per paper size (the single sheets joined, with bookmarks, their
  structure and their fields, under the sheet's id);
- the handout per paper size: printed twice, the first time to learn on which page each part
  starts (from the PDF's bookmarks), the second with those numbers in its contents.

Every PDF is tagged, with its title and the site's language. What it costs (issue 11): one
browser and one page for everything. The first worksheet is loaded; each next one is shown in
that page by putting its article in place of the last (fetched from the same server) when the
two pages have the same stylesheets and scripts, which prints the same as loading it
(tests/browser/test_worksheets_print.py compares them) for a tenth of the CPU; else it is
loaded. The page is shown as for print throughout, so Chromium does not lay it out again for the
screen after each print (a fifth of the prints' work, for the same output). Service workers are
blocked: the site's would cache every page on the first visit, and nothing printed needs it. The
handout is loaded once for both paper sizes. Fields and metadata are one incremental update of
Chromium's PDF.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from pypdf import PdfReader

from ..guide.guide import Guide
from ..guide.interface import fill
from ..problems import BuildFailed
from ..render.layout import PAPER_FORMAT, PAPER_NAME, PAPER_SIZES, handout_pdf, worksheet_pdf
from .loopback import serving
from .pdf_forms import MARK_SPOTS, MARKER, fillable, spots_from
from .pdf_objects import FormError, with_metadata
from .pdf_pack import join
from .print_bounds import bounded_pdf

CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CREATOR = "ketamine-integration-guide generator (Chromium)"

# Show another worksheet in the page already loaded: its article in place of the one shown, if the
# two pages have the same stylesheets, scripts and root attributes; false (load it) otherwise.
NEXT_SHEET = """async url => {
    const read = async address => {
        const response = await fetch(address);
        return response.ok ? new DOMParser().parseFromString(await response.text(), 'text/html') : null;
    };
    const look = doc => JSON.stringify([
        [...doc.documentElement.attributes, ...doc.body.attributes].map(a => `${a.name}=${a.value}`),
        [...doc.querySelectorAll('link[rel~="stylesheet"], style, script')].filter(e => !e.closest('article'))
            .map(e => e.outerHTML)]);
    window.guideSheetLook ??= look(await read(location.href));
    const next = await read(url);
    const article = next?.querySelector('article');
    if (!article || article.querySelector('script') || look(next) !== window.guideSheetLook) return false;
    history.replaceState(null, '', url);
    document.title = next.title;
    document.querySelector('article').replaceWith(document.adoptNode(article));
    await Promise.all([...document.images].filter(i => !i.complete).map(i => i.decode().catch(() => null)));
    await document.fonts.ready;
    return true;
}"""


def make_pdfs(site_dir: Path, guide: Guide) -> dict[str, bytes]:
    """Every PDF of the guide, by its path inside the site."""
    if not Path(CHROMIUM).exists():
        raise BuildFailed(f"{CHROMIUM} is missing, so no PDFs can be made: run `make browser` (or set GUIDE_CHROMIUM)")
    from playwright.sync_api import sync_playwright  # only the PDF step needs a browser

    files: dict[str, bytes] = {}
    with serving(site_dir) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(service_workers="block").new_page()
            page.emulate_media(media="print")  # laid out for print once, not again for the screen after every print
            base_url += guide.address_prefix  # this language's pages: "es/" after the first language
            for number, sheet in enumerate(guide.worksheets):
                show_sheet(page, f"{base_url}worksheets/{sheet.id}/", first=number == 0)
                spots = _spots(page, sheet)
                for paper in PAPER_SIZES:
                    files[worksheet_pdf(sheet.id, paper)] = _sheet(page, sheet, spots, paper, guide)
            for paper in PAPER_SIZES:
                if guide.worksheets:
                    files[worksheet_pdf("all-worksheets", paper)] = _pack(
                        [(s.id, s.title, files[worksheet_pdf(s.id, paper)]) for s in guide.worksheets], paper, guide)
            page.goto(f"{base_url}handout/", wait_until="load")  # once: printed for each paper size below
            for paper in PAPER_SIZES:
                files[handout_pdf(paper)] = _with_metadata(
                    _handout(page, paper), f"{guide.site.title} ({_paper(guide, paper)})", guide.site.description, guide)
        finally:
            browser.close()
    return {guide.address_prefix + path: pdf for path, pdf in files.items()}


def show_sheet(page, url: str, first: bool = False) -> None:
    """Show the worksheet at ``url`` in ``page``: loaded if first, else in place of the one shown."""
    if first or not page.evaluate(NEXT_SHEET, url):
        page.goto(url, wait_until="load")


def _spots(page, sheet) -> list:
    """Mark the places to fill in on the worksheet shown, for its form fields (pdf_forms.py)."""
    try:
        return spots_from(page.evaluate(MARK_SPOTS, MARKER))
    except FormError as exc:
        raise BuildFailed(f"{sheet.origin.file}: the worksheet's form fields: {exc}") from None


def _sheet(page, sheet, spots, paper: str, guide: Guide) -> bytes:
    """The worksheet shown in ``page`` printed on ``paper``: one page, fillable, with its metadata."""
    reader = PdfReader(io.BytesIO(bounded_pdf(page, sheet.origin.file, format=PAPER_FORMAT[paper], tagged=True)))
    if len(reader.pages) != 1:
        raise BuildFailed(
            f"{sheet.origin.file}: the worksheet prints on {len(reader.pages)} pages of "
            f"{PAPER_NAME[paper]}, not one; use fewer lines or fields, or smaller boxes"
        )
    try:
        return fillable(reader, spots, _info(f"{sheet.title} ({_paper(guide, paper)})", sheet.description, guide),
                        guide.site.language)
    except FormError as exc:
        raise BuildFailed(f"{sheet.origin.file}: the worksheet's form fields ({PAPER_NAME[paper]}): {exc}") from None


def _handout(page, paper: str) -> bytes:
    """Print the handout, fill in its contents' page numbers from the bookmarks, print again; name
    the bookmarks as the headings read (handout_pdf.py: Chromium drops the space where one wraps)."""
    from .handout_pdf import bookmarks_as_headings, start_pages

    numbers: dict[str, int] = {}
    for _ in range(3):  # the numbers take room reserved for them, so a second print settles it
        pdf = bounded_pdf(page, "the handout", format=PAPER_FORMAT[paper], tagged=True, outline=True)
        found = start_pages(pdf, page)
        if found == numbers:
            return bookmarks_as_headings(pdf, page)
        numbers = found
        page.evaluate(
            """numbers => document.querySelectorAll('.guide-handout__pageno').forEach(span => {
                   span.textContent = numbers[span.dataset.target] ?? '';
               })""",
            numbers,
        )
    raise BuildFailed("the handout's page numbers did not settle after three prints")


def _start_pages(pdf: bytes, page) -> dict[str, int]:
    """The page number (from 1) on which each part of the contents starts, from the PDF's bookmarks."""
    targets: dict[str, str] = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.guide-handout__pageno')].map(span => {
               const target = document.getElementById(span.dataset.target);
               const heading = target.matches('h1') ? target : target.querySelector('h1');
               return [heading.textContent.replace(/\\u00b6/g, '').trim(), span.dataset.target];
           }))"""
    )
    reader = PdfReader(io.BytesIO(pdf))
    numbers: dict[str, int] = {}
    for entry in (e for e in reader.outline if not isinstance(e, list)):  # top level: the h1 of each part
        title = entry.title.replace("\u00b6", "").strip()
        if title in targets and targets[title] not in numbers:
            numbers[targets[title]] = reader.get_destination_page_number(entry) + 1
    return numbers


def _pack(sheets: list[tuple[str, str, bytes]], paper: str, guide: Guide) -> bytes:
    """The worksheets (id, title, PDF) as one PDF: a bookmark, structure and fields for each."""
    words = guide.ui["worksheet"]
    return join(sheets, _info(fill(words["pack_title"], name=guide.site.name, paper=_paper(guide, paper)),
                              words["pack_subject"], guide), guide.site.language)


def _paper(guide: Guide, paper: str) -> str:
    """The paper size's name in the guide's language ("US Letter"), for the PDFs' titles."""
    return guide.ui["paper"][paper]


def _info(title: str, subject: str, guide: Guide) -> dict[str, str]:
    return {"/Title": title, "/Subject": subject, "/Author": guide.site.name, "/Creator": CREATOR}


def _with_metadata(pdf: bytes, title: str, subject: str, guide: Guide) -> bytes:
    """The PDF with its title, subject, author and language: appended, not rewritten whole."""
    return with_metadata(pdf, _info(title, subject, guide), guide.site.language)
