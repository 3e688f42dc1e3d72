"""The PDFs as a patient holds them: the handout in clear print, each notice once, no link to the
build's own server, QR codes only where the guide has a published address. Our guide has none (no
site_url); the example clinic has one (its brand.yml), so the two builds cover both."""

from __future__ import annotations

import re
import statistics

import pdfplumber
import pytest
from pypdf import PdfReader

from helpers import ROOT, page_text
from generator.guide.assemble import load_guide
from generator.publish.pdf_links import link_addresses, local_links
from generator.publish.print_edition import for_print, site_link

GUIDE = load_guide(ROOT / "content")
EXAMPLE_URL = "https://example.org/guide/"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def handout_text(site, paper="a4") -> str:
    return "\n".join(page_text(page) for page in PdfReader(site / "downloads" / f"handout-{paper}.pdf").pages)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_handouts_text_is_clear_print_12_pt_or_more(built_site, paper):
    with pdfplumber.open(built_site / "downloads" / f"handout-{paper}.pdf") as pdf:
        sizes = [round(char["size"], 1) for page in pdf.pages for char in page.chars if char["text"].strip()]
        body = [round(char["size"], 1) for page in pdf.pages[1:] for char in page.crop(  # inside the margins: no running head
            (0, 22 * 72 / 25.4, page.width, page.height - 22 * 72 / 25.4)).chars if char["text"].strip()]
    assert statistics.median(sizes) >= 12
    assert min(body) >= 12, f"text of {min(body):.1f} pt inside the handout's pages"


def test_the_crisis_lines_are_printed_once_in_full_and_named_at_every_pages_foot(built_site):
    text = squash(handout_text(built_site))
    intro = squash(GUIDE.site.crisis.intro.split(".")[0])
    assert text.count(intro) == 1, "the crisis lines in full, once"
    reader = PdfReader(built_site / "downloads" / "handout-a4.pdf")
    crisis_page = page_text(reader.pages[1])
    heading = next(page.title for page in GUIDE.pages if page.id == GUIDE.site.crisis_page)  # the crisis page, printed first
    assert heading in crisis_page and intro in squash(crisis_page), "on page 2, near the front"
    foot = squash(f"Need help now? {GUIDE.site.crisis.lines[0].how}")
    assert all(foot in squash(page_text(page)) for page in reader.pages)  # the cover's own line, then each foot


def test_not_medical_advice_is_printed_once_and_no_screen_words_or_buttons(built_site):
    text = handout_text(built_site)
    assert text.count(GUIDE.notices["not-medical-advice"].title) == 1
    for screen_only in ("Download", "Print this page", "running this page's script", "saved in this browser",
                        "Worried about how you feel?", "mm/dd/yyyy"):
        assert screen_only not in text, screen_only


@pytest.mark.parametrize("site_fixture", ["built_site", "example_site"])
def test_no_pdf_links_to_the_builds_own_server(request, site_fixture):
    site = request.getfixturevalue(site_fixture)
    site = site[0] if isinstance(site, tuple) else site
    pdfs = sorted((site / "downloads").rglob("*.pdf"))
    assert len(pdfs) == 2 + 2 * (len(GUIDE.worksheets) + 1)
    for path in pdfs:
        links = link_addresses(path.read_bytes())
        assert local_links(path.read_bytes()) == [], path.name
        assert not any(re.match(r"https?://(localhost|127\.|\[::1\])", link) for link in links), path.name
        if site_fixture == "built_site":  # no published address: no link to the site at all
            assert all(link.startswith(("tel:", "sms:", "mailto:", "https://")) for link in links), path.name


def test_qr_codes_lead_to_the_published_guide_and_plan_only_when_it_has_an_address(built_site, example_site):
    example = example_site[0]
    cover = PdfReader(example / "downloads" / "handout-a4.pdf").pages[0]
    cover_links = link_addresses(_one_page(cover))
    assert EXAMPLE_URL in cover_links and EXAMPLE_URL + "plan/" in cover_links
    with pdfplumber.open(example / "downloads" / "handout-a4.pdf") as pdf:
        words = squash(pdf.pages[0].extract_text())
    assert "example.org/guide/plan" in words and "Makeyourplanonline" in words
    for sheet in GUIDE.worksheets:
        for paper in ("a4", "letter"):
            pdf = (example / "downloads" / "worksheets" / f"{sheet.id}-{paper}.pdf").read_bytes()
            assert EXAMPLE_URL in link_addresses(pdf), sheet.id
            with pdfplumber.open(_bytes_io(pdf)) as printed:
                assert "example.org/guide" in squash(printed.pages[0].extract_text()), sheet.id
    ours = handout_text(built_site)
    assert "This guide online" not in ours and "Make your plan online" not in ours
    for path in (built_site / "downloads").rglob("*.pdf"):
        assert not any("/plan/" in link for link in link_addresses(path.read_bytes())), path.name


def test_the_example_clinics_handout_carries_its_name_logo_colour_and_crisis_lines(example_site):
    example = example_site[0]
    assert re.search(r'<img class="guide-handout__logo" src="\.\./brand/logo\.svg(\?h=[0-9a-f]+)?"',
                     (example / "handout/index.html").read_text(encoding="utf-8"))
    with pdfplumber.open(example / "downloads" / "handout-a4.pdf") as pdf:
        cover = pdf.pages[0]
        band = [r for r in cover.rects if r["width"] > cover.width * 0.9 and r.get("non_stroking_color")]
        assert any(_hex(r["non_stroking_color"]) == "#5b2a86" for r in band), "the brand's colour from edge to edge"
        assert cover.curves, "the logo, drawn"
    text = handout_text(example)
    assert "Example Clinic (fictional)" in text[:300]
    assert squash("Need help now? Call 116 123 (Samaritans). Emergency: 999") in squash(text)


def test_the_print_step_rewrites_site_links_and_keeps_the_rest():
    page = "/worksheets/journal/"
    assert site_link("../../crisis/", page, None) is None
    assert site_link("../../crisis/", page, EXAMPLE_URL) == EXAMPLE_URL + "crisis/"
    assert site_link("http://127.0.0.1:8123/plan/#top", page, EXAMPLE_URL) == EXAMPLE_URL + "plan/#top"
    assert site_link("./#field-mood", page, None) == "#field-mood"
    for kept in ("#x", "tel:988", "sms:988", "mailto:a@example.org", "https://doi.org/10.1/x"):
        assert site_link(kept, page, None) == kept
    html = '<a class="md-button" href="../../downloads/x-a4.pdf" download>Get it</a>' \
           '<span class="guide-qr" data-qr-path="plan/" data-qr-label="Plan" hidden></span>'
    assert for_print(html, page, None) == '<a class="md-button">Get it</a>'
    printed = for_print(html, page, EXAMPLE_URL)
    assert printed.startswith('<a class="md-button" href="https://example.org/guide/downloads/x-a4.pdf">Get it</a>')
    assert '<svg role="img" aria-label="QR code: Plan, example.org/guide/plan"' in printed


def _hex(colour) -> str:
    values = colour if isinstance(colour, (list, tuple)) else [colour]
    return "#" + "".join(f"{round(float(v) * 255):02x}" for v in values[:3])


def _bytes_io(data: bytes):
    import io

    return io.BytesIO(data)


def _one_page(page) -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_every_pdf_is_tagged_titled_in_its_language_and_the_handout_has_bookmarks(built_site):
    # The pack of all worksheets is joined by pypdf in pdfs.py's _pack, which keeps no tags (yet).
    for path in sorted(p for p in (built_site / "downloads").rglob("*.pdf") if not p.name.startswith("all-worksheets")):
        reader = PdfReader(path)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], f"{path.name} is not tagged"
        assert str(root["/Lang"]).startswith(GUIDE.site.language), path.name
        assert reader.metadata.title, path.name
    outline = PdfReader(built_site / "downloads" / "handout-a4.pdf").outline
    titles = [entry.title for entry in outline if not isinstance(entry, list)]
    assert [p.title for p in GUIDE.pages if p.id != GUIDE.site.crisis_page][0] in titles
    assert all(s.title in titles for s in GUIDE.worksheets)
    assert not any(re.search(r"\S:\S", title) for title in titles), "a wrapped heading lost its space"


@pytest.mark.parametrize("site_fixture, clinic", [("built_site", None), ("example_site", ROOT / "clinics" / "example")])
def test_no_worksheets_own_footer_is_printed_over_the_booklets_pages(request, site_fixture, clinic):
    """A sheet's footer is fixed to the foot of the page when it prints alone; in the booklet the
    running foot replaces it, or it would repeat over the text of every page."""
    site = request.getfixturevalue(site_fixture)
    site = site[0] if isinstance(site, tuple) else site
    crisis = load_guide(ROOT / "content", clinic).site.crisis
    sheet_foot = squash(f"Need help now? {crisis.lines[0].how} ({crisis.lines[0].name}). {crisis.emergency}")
    for paper in ("a4", "letter"):
        pages = [squash(page_text(page)) for page in PdfReader(site / "downloads" / f"handout-{paper}.pdf").pages]
        stray = [n for n, text in enumerate(pages, start=1) if sheet_foot in text and n > 1]  # the cover says it too
        assert not stray, f"{paper}: a worksheet's own footer is printed on pages {stray[:10]}"


@pytest.mark.parametrize("site_fixture", ["built_site", "example_site"])
def test_the_cover_is_one_page_and_get_help_now_is_the_second(request, site_fixture):
    site = request.getfixturevalue(site_fixture)
    site = site[0] if isinstance(site, tuple) else site
    for paper in ("a4", "letter"):
        pages = PdfReader(site / "downloads" / f"handout-{paper}.pdf").pages
        assert squash("More on page 2") in squash(page_text(pages[0])), f"{paper}: the cover's crisis line ends on the cover"
        assert squash("Get help now") in squash(page_text(pages[1]))[:200], f"{paper}: page 2 is not Get help now"
