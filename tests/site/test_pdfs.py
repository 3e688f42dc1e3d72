"""The PDFs made by the site build: per worksheet and paper, the pack, the handout; all linked."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from helpers import ROOT, page_text
from generator.guide.assemble import load_guide

GUIDE = load_guide(ROOT / "content")
PAPER_POINTS = {"a4": (596, 842), "letter": (612, 792)}


def read(path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def size(reader: PdfReader, index: int = 0) -> tuple[int, int]:
    """The page size in points, to the nearest 2 (Chromium rounds A4 up to whole CSS pixels)."""
    box = reader.pages[index].mediabox
    return round(float(box.width) / 2) * 2, round(float(box.height) / 2) * 2


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_each_worksheet_pdf_is_one_titled_page_of_its_paper_with_selectable_text(built_site, paper):
    for sheet in GUIDE.worksheets:
        reader = read(built_site / "downloads" / "worksheets" / f"{sheet.id}-{paper}.pdf")
        assert len(reader.pages) == 1
        assert size(reader) == PAPER_POINTS[paper]
        assert reader.metadata.title.startswith(sheet.title)
        assert sheet.fields[-1].prompt.split()[0] in page_text(reader.pages[0])


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pack_has_every_worksheet_in_order_with_bookmarks(built_site, paper):
    reader = read(built_site / "downloads" / "worksheets" / f"all-worksheets-{paper}.pdf")
    assert len(reader.pages) == len(GUIDE.worksheets)
    assert [entry.title for entry in reader.outline] == [s.title for s in GUIDE.worksheets]
    for sheet, pdf_page in zip(GUIDE.worksheets, reader.pages):
        assert sheet.title in page_text(pdf_page)
    assert reader.metadata.title


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_handout_has_a_cover_contents_with_true_page_numbers_and_numbered_pages(built_site, paper):
    path = built_site / "downloads" / f"handout-{paper}.pdf"
    reader = read(path)
    texts = [page_text(page) for page in reader.pages]
    assert size(reader) == PAPER_POINTS[paper]
    assert GUIDE.site.title in " ".join(texts[0].split()) and "988" in texts[0], "the cover names the guide and the crisis line"
    contents_at = next(i for i, text in enumerate(texts) if "Contents" in text.strip().splitlines()[:3])
    assert contents_at <= 2, "the contents come straight after the cover and the crisis lines"
    contents = "\n".join(texts[contents_at:contents_at + 2])
    titles = [p.title for p in GUIDE.pages] + [s.title for s in GUIDE.worksheets]
    for title in titles:
        match = re.search(re.escape(title) + r"\s*(\d+)", contents)
        assert match, f"{title!r} is not in the contents with a page number"
        number = int(match.group(1))
        assert title in " ".join(texts[number - 1].split()), f"{title!r} does not start on page {number}"
    assert feet(path)[1:] == [str(n) for n in range(2, len(texts) + 1)], "every page after the cover is numbered"
    assert reader.metadata.title == f"{GUIDE.site.title} ({'A4' if paper == 'a4' else 'US Letter'})"
    assert [entry.title for entry in reader.outline if not isinstance(entry, list)][:2] == [GUIDE.site.title, "Get help now"]


def feet(path) -> list[str]:
    """The page number at the foot of each page (the last word in its bottom margin), or ''."""
    import pdfplumber

    numbers = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.crop((page.width / 2, page.height - 20 * 72 / 25.4, page.width, page.height)).extract_words()
            numbers.append(words[-1]["text"] if words and words[-1]["text"].isdigit() else "")
    return numbers


def test_no_heading_is_left_alone_at_the_foot_of_a_handout_page(built_site):
    """The last line of text on a page (above its foot) is never a heading of the guide."""
    import pdfplumber

    headings = {p.title for p in GUIDE.pages} | {b.heading for p in GUIDE.pages for b in p.blocks if getattr(b, "heading", None)}
    with pdfplumber.open(built_site / "downloads" / "handout-a4.pdf") as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            body = page.crop((0, 0, page.width, page.height - 20 * 72 / 25.4)).extract_text() or ""
            lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
            assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"


def test_the_site_links_every_pdf_and_every_link_resolves(built_site):
    pages = {"index.html": "downloads/", "worksheets/index.html": "../downloads/"}
    pages.update({f"worksheets/{s.id}/index.html": "../../downloads/" for s in GUIDE.worksheets})
    linked = set()
    for html_path, _ in pages.items():
        html = (built_site / html_path).read_text(encoding="utf-8")
        for href in re.findall(r'href="([^":]+\.pdf)"', html):
            target = (built_site / html_path).parent / href
            assert target.resolve().is_file(), f"{html_path} links the missing {href}"
            linked.add(target.resolve())
    made = {p.resolve() for p in (built_site / "downloads").rglob("*.pdf")}
    assert made == linked, f"PDFs not linked: {sorted(str(p) for p in made - linked)}"
