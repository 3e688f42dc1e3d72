"""Worksheets as a patient prints them: real Chromium, A4 and US Letter, one sheet each."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from generator.guide.assemble import load_guide, load_guides
from generator.publish.pdf.forms import MARK_SPOTS, MARKER
from generator.publish.pdf.print_edition import serving_for_print
from generator.publish.pdf.sheets import SHEETS_DOCUMENT, print_id
from generator.render.worksheets import sheet_prompts
from helpers import ROOT, page_text, pdf_picture, pictures_differ

GUIDE = load_guide(ROOT / "content")
GUIDES = load_guides(ROOT / "content")  # every language's edition: each prints the same way


def chrome_text(guide) -> list[str]:
    """Text of the site's chrome that must not be on a printed sheet, in the guide's language."""
    ui = guide.ui
    return ["Search", "Table of contents", "Next", "Previous", ui["crisis"]["more_ways"], ui["print"]["print_page"],
            ui["print"]["download_a4"].split("{")[0].strip(), ui["review"]["last_reviewed"], ui["page"]["sources"],
            *(p.nav_title or p.title for p in guide.pages)]


def squash(text: str) -> str:
    """Text without white space, so that line breaks in a PDF do not matter."""
    return re.sub(r"\s+", "", text)


def printed(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page_text(page) for page in reader.pages)


@pytest.fixture(scope="module")
def print_url(built_site):
    """The built site as the PDF step prints it: its print edition, where links to the site's own
    pages are plain text when the guide has no published address (no address here)."""
    with serving_for_print(built_site, None) as url:
        yield url


@pytest.mark.parametrize("guide, sheet", [(g, s) for g in GUIDES for s in g.worksheets],
                         ids=lambda value: getattr(value, "id", None) or getattr(getattr(value, "site", None), "language", None))
def test_each_worksheet_prints_on_one_sheet_with_every_prompt_no_site_chrome_and_as_its_pdf(page, print_url, built_site, guide, sheet):
    """The browser's own print of the page, and the fillable PDF the build made of it (empty):
    the same picture, so the form fields add nothing to what prints. In every language."""
    page.goto(f"{print_url}{guide.address_prefix}worksheets/{sheet.id}/")
    for paper in ("A4", "Letter"):
        own = page.pdf(format=paper)  # the browser's own print, with its default margins
        pages, text = printed(own)
        assert pages == 1, f"{sheet.id} prints on {pages} pages of {paper}"
        fillable = (built_site / guide.address_prefix / "downloads" / "worksheets" / f"{sheet.id}-{paper.lower()}.pdf").read_bytes()
        assert pictures_differ(pdf_picture(own), pdf_picture(fillable)) < 0.001, \
            f"{sheet.id}: the fillable PDF ({paper}) does not look like the page printed"
        for prompt in sheet_prompts(sheet, guide):
            assert squash(prompt) in squash(text), f"{sheet.id} ({paper}) lost {prompt!r}"
        assert squash(guide.site.name) in squash(text), "the header names the guide"
        reviewed = guide.ui["review"]["brief"].split()[0]  # "Reviewed", "Revisada"
        assert "988" in text and reviewed in text, "the footer has the crisis line and the review date"
        lines = text.splitlines()
        for chrome in chrome_text(guide):
            assert chrome not in lines, f"{sheet.id} ({paper}) prints the site's {chrome!r}"


def test_printed_lines_are_at_least_8_mm_apart_and_black_on_white(page, site_url):
    page.goto(f"{site_url}worksheets/post-session-journal/")
    page.emulate_media(media="print")
    rules = page.eval_on_selector_all(".ws-rule", """rules => rules.map(r => {
        const style = getComputedStyle(r);
        return [r.getBoundingClientRect().height, style.borderBottomColor, style.borderBottomStyle];
    })""")
    assert rules
    for height_px, colour, style in rules:
        assert height_px * 25.4 / 96 >= 8, f"lines {height_px * 25.4 / 96:.1f} mm apart"
        assert (colour, style) == ("rgb(0, 0, 0)", "solid")
    colours = page.eval_on_selector(".guide-sheet", "s => [getComputedStyle(s).color, getComputedStyle(document.body).backgroundColor]")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    page.goto(f"{site_url}worksheets/between-sessions/")
    tick = page.eval_on_selector(".ws-tick", "t => [getComputedStyle(t).borderTopStyle, getComputedStyle(t).backgroundColor]")
    assert tick == ["solid", "rgba(0, 0, 0, 0)"], "a checkbox is an empty square"


def test_the_print_button_opens_the_print_dialog(page, site_url):
    page.goto(f"{site_url}worksheets/before-session/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print this page").click()
    assert page.evaluate("window.printed") is True


def test_worksheets_have_a_menu_section_and_a_list(page, site_url):
    page.goto(f"{site_url}worksheets/")
    for sheet in GUIDE.worksheets:
        assert page.locator(f"article a[href='{sheet.id}/']").count() == 1
        assert page.locator(f"nav.md-nav--primary a[href$='{sheet.id}/']").count() >= 1
    assert page.locator("nav.md-nav--primary").get_by_text("Worksheets", exact=True).count() >= 1


def test_the_pdf_step_prints_every_worksheet_of_every_language_in_one_document_a_page_each(page, print_url):
    """generator/publish/pdf/sheets.py prints every worksheet from one page: the first sheet loaded,
    the others' articles after it, each on a page of its own, on either paper; another language's
    keep their language, and their ids are their own (the labels of its tables name its words)."""
    sheets = [(guide, sheet) for guide in GUIDES for sheet in guide.worksheets]
    urls = [f"{print_url}{guide.address_prefix}worksheets/{sheet.id}/" for guide, sheet in sheets]
    page.emulate_media(media="print")
    page.goto(urls[0])
    ids = page.evaluate(SHEETS_DOCUMENT, urls[1:])
    assert ids == [print_id(guide, sheet) for guide, sheet in sheets]
    assert page.evaluate("() => [...new Set([...document.querySelectorAll('[id]')].map(e => e.id))].length") == \
        page.evaluate("() => document.querySelectorAll('[id]').length"), "every id once"
    spanish = GUIDES[1]
    table = page.locator(f"#{print_id(spanish, spanish.worksheets[0])} table").first
    label = page.locator("#" + table.get_attribute("aria-labelledby"))
    spoken = label.text_content().replace("\u00b6", "").strip()  # the heading's permalink sign aside
    assert spoken in [f.prompt for f in spanish.worksheets[0].fields]
    assert page.locator(f"#{print_id(spanish, spanish.worksheets[0])}").evaluate("s => s.closest('article').lang") == "es"
    marked = page.evaluate(MARK_SPOTS, MARKER)
    assert {spot["sheet"] for spot in marked} == {print_id(guide, sheet) for guide, sheet in sheets if any(
        f.type not in ("note", "crisis_lines") for f in sheet.fields)}
    for paper in ("A4", "Letter"):
        reader = PdfReader(io.BytesIO(page.pdf(format=paper, tagged=True)))
        assert len(reader.pages) == len(sheets), paper
        for (guide, sheet), pdf_page in zip(sheets, reader.pages):
            assert squash(page_text(pdf_page)).startswith(squash(guide.site.name)), f"{sheet.id}: its own head first"
            assert squash(sheet.title) in squash(page_text(pdf_page)), f"{sheet.id} is not on its page ({paper})"
