"""Print the built site's worksheet pages and handout to PDF with Chromium (through Playwright).

The same engine and print stylesheet as a patient's own browser: the site is served on loopback
and each page printed as it is, so the PDFs match what "Print" gives. Returns the PDFs as bytes
by their path in the site; writing them is owned_folders.py's job.

- a PDF per worksheet per paper size, which must be exactly one page (else a clear error);
- a pack of all worksheets per paper size (the single sheets joined, with bookmarks);
- the handout per paper size: printed twice, the first time to learn on which page each part
  starts (from the PDF's bookmarks), the second with those numbers in its contents.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from ..guide.guide import Guide
from ..problems import BuildFailed
from ..render.layout import PAPER_FORMAT, PAPER_NAME, PAPER_SIZES, handout_pdf, worksheet_pdf
from .loopback import serving

CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CREATOR = "ketamine-integration-guide generator (Chromium)"


def make_pdfs(site_dir: Path, guide: Guide) -> dict[str, bytes]:
    """Every PDF of the guide, by its path inside the site."""
    if not Path(CHROMIUM).exists():
        raise BuildFailed(f"{CHROMIUM} is missing, so no PDFs can be made: run `make browser` (or set GUIDE_CHROMIUM)")
    from playwright.sync_api import sync_playwright  # only the PDF step needs a browser

    files: dict[str, bytes] = {}
    with serving(site_dir) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for sheet in guide.worksheets:
                page.goto(f"{base_url}worksheets/{sheet.id}/", wait_until="load")
                for paper in PAPER_SIZES:
                    pdf = page.pdf(format=PAPER_FORMAT[paper], tagged=True)
                    pages = len(PdfReader(io.BytesIO(pdf)).pages)
                    if pages != 1:
                        raise BuildFailed(
                            f"{sheet.origin.file}: the worksheet prints on {pages} pages of "
                            f"{PAPER_NAME[paper]}, not one; use fewer lines or fields, or smaller boxes"
                        )
                    files[worksheet_pdf(sheet.id, paper)] = _with_metadata(
                        pdf, f"{sheet.title} ({PAPER_NAME[paper]})", sheet.description, guide)
            for paper in PAPER_SIZES:
                if guide.worksheets:
                    files[worksheet_pdf("all-worksheets", paper)] = _pack(
                        [(s.title, files[worksheet_pdf(s.id, paper)]) for s in guide.worksheets], paper, guide)
                page.goto(f"{base_url}handout/", wait_until="load")
                files[handout_pdf(paper)] = _with_metadata(
                    _handout(page, paper), f"{guide.site.title} ({PAPER_NAME[paper]})", guide.site.description, guide)
        finally:
            browser.close()
    return files


def _handout(page, paper: str) -> bytes:
    """Print the handout, fill in its contents' page numbers from the bookmarks, print again; name
    the bookmarks as the headings read (handout_pdf.py: Chromium drops the space where one wraps)."""
    from .handout_pdf import bookmarks_as_headings, start_pages

    numbers: dict[str, int] = {}
    for _ in range(3):  # the numbers take room reserved for them, so a second print settles it
        pdf = page.pdf(format=PAPER_FORMAT[paper], tagged=True, outline=True)
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


def _pack(sheets: list[tuple[str, bytes]], paper: str, guide: Guide) -> bytes:
    writer = PdfWriter()
    for title, pdf in sheets:
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(pdf)), import_outline=False)
        writer.add_outline_item(title, start)
    return _with_metadata(_to_bytes(writer), f"All worksheets: {guide.site.name} ({PAPER_NAME[paper]})",
                          "Every worksheet of the guide, one per page.", guide)


def _with_metadata(pdf: bytes, title: str, subject: str, guide: Guide) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": title, "/Subject": subject, "/Author": guide.site.name, "/Creator": CREATOR})
    writer.create_viewer_preferences()
    writer.viewer_preferences.display_doctitle = True  # viewers show the title, not the file name
    return _to_bytes(writer)


def _to_bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
