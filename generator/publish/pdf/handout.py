"""The handout's PDFs, A4 and US Letter: the booklet laid out in the page, then printed once each.

For each paper size, handout_layout.js lays the booklet out into pages in the loaded page itself
(columns the size of a page break as the print will: see the script) and fills in every page number;
Chromium then prints it once, tagged, with a bookmark per heading (the headings keep their spaces
where they wrap, handout.css, so the bookmarks read as the headings do). The print is checked
against the layout: every page number filled in is the page its target was printed on (Chromium
writes a named destination for each). Should the two ever disagree, the numbers are set from the
print and the booklet is printed again, so the contents are never wrong. The PDF's information
(title, subject, author) is appended to Chromium's bytes (metadata.py), never rewritten whole.
"""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from ...guide.guide import Guide
from ...render.layout import PAPER_INCHES, PAPER_NAME, PAPER_SIZES, handout_pdf
from .browser import print_pdf
from .links import check_reader
from .metadata import document_info, with_info

LAYOUT = (Path(__file__).parent / "handout_layout.js").read_text(encoding="utf-8")
WELL_USED = 2 / 3  # a part starts a new page only where the page before is used this much
LEAST_USED = 0.3  # no page but the cover and the last is used less than this

FILL_NUMBERS = """numbers => {
    const words = document.querySelector('.guide-handout').dataset.pageWords;
    for (const span of document.querySelectorAll('.guide-handout__pageno[data-target], .guide-handout__ref')) {
        const number = numbers[span.dataset.target];
        if (number === undefined) continue;
        span.textContent = span.matches('.guide-handout__ref') ? ` (${words.replace('{number}', number)})` : String(number);
    }
}"""


def handout_pdfs(page, base_url: str, guide: Guide) -> dict[str, bytes]:
    """The handout per paper size, by its path in the site (without the language's prefix)."""
    page.goto(f"{base_url}handout/", wait_until="load")
    files = {}
    for paper in PAPER_SIZES:
        pdf = _print(page, paper)
        title = f"{guide.site.title} ({guide.ui['paper'][paper]})"
        files[handout_pdf(paper)] = with_info(pdf, document_info(title, guide.site.description, guide))
        page.evaluate("() => window.guideHandoutUndo()")
    return files


def _print(page, paper: str) -> bytes:
    width, height = (inches * 25.4 for inches in PAPER_INCHES[paper])
    numbers = page.evaluate(LAYOUT, {"paperWidth": width, "paperHeight": height, "wellUsed": WELL_USED,
                                     "leastUsed": LEAST_USED})
    pdf = print_pdf(page, paper, "the handout", outline=True)
    reader = PdfReader(io.BytesIO(pdf))
    wrong = {target: number for target, number in printed_pages(reader, numbers).items() if numbers[target] != number}
    if wrong:  # the layout and the print disagree: the print's numbers, printed again
        page.evaluate(FILL_NUMBERS, wrong)
        pdf = print_pdf(page, paper, "the handout", outline=True)
        reader = PdfReader(io.BytesIO(pdf))
    check_reader(reader, f"the handout ({PAPER_NAME[paper]})")
    return pdf


def printed_pages(reader: PdfReader, targets) -> dict[str, int]:
    """The page (from 1) each of ``targets`` (ids in the page) was printed on, from the PDF's
    named destinations."""
    destinations = reader.named_destinations
    found = {}
    for target in targets:
        destination = destinations.get(target) or destinations.get(f"/{target}")
        if destination is not None:
            found[target] = reader.get_destination_page_number(destination) + 1
    return found
