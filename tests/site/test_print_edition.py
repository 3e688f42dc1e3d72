"""The PDFs as a patient holds them: the handout a booklet in clear print that flows (no page left
nearly empty, no heading alone at a page's foot, every cross-reference with its page, the sources
once, numbered, the running head naming the part, one set of margins, one review date), each
notice once, the crisis lines written out whole, no link to the build's own server, QR codes only
where the guide has a published address. Our guide has none (no site_url) and two languages; the
example clinic has one (its brand.yml), so the builds cover both, on A4 and US Letter."""

from __future__ import annotations

import re
import statistics

import pdfplumber
import pytest
from pypdf import PdfReader

from helpers import ROOT, page_text
from generator.guide.assemble import load_guide, load_guides
from generator.guide.crisis_wording import ways
from generator.publish.pdf.links import link_addresses, local_links
from generator.publish.pdf.print_edition import for_print, site_link
from generator.render.handout import booklet_sources, handout_parts_heads

GUIDE = load_guide(ROOT / "content")
EXAMPLE_URL = "https://example.org/guide/"


# --- the booklets (both papers, both languages, a clinic's), and how their pages are read ---

CLINIC = ROOT / "clinics" / "example"
BOOKLETS = [("built_site", None, guide.address_prefix, paper) for guide in load_guides(ROOT / "content")
            for paper in ("a4", "letter")] + [("example_site", CLINIC, "", paper) for paper in ("a4", "letter")]
BOOKLET_IDS = [f"{'clinic' if clinic else prefix.strip('/') or 'en'}-{paper}" for _, clinic, prefix, paper in BOOKLETS]
MM = 72 / 25.4


def booklet(request, site_fixture, clinic, prefix, paper):
    """The handout's path and the guide it was printed from."""
    site = request.getfixturevalue(site_fixture)
    site = site[0] if isinstance(site, tuple) else site
    guide = next(g for g in load_guides(ROOT / "content", clinic) if g.address_prefix == prefix)
    return site / prefix / "downloads" / f"handout-{paper}.pdf", guide


def margins() -> dict[str, float]:
    """The booklet's page margins, in points, as handout.css sets them."""
    css = (ROOT / "templates" / "assets" / "stylesheets" / "handout.css").read_text(encoding="utf-8")
    top, right, bottom, left = (float(v) * MM for v in re.search(r"@page \{\s*margin: ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm", css).groups())
    return {"top": top, "right": right, "bottom": bottom, "left": left}


def body(page):
    """What is printed inside a page's margins: its text and its lines and boxes."""
    edge = margins()
    inside = page.crop((0, edge["top"], page.width, page.height - edge["bottom"]))
    marks = [c for c in inside.chars if c["text"].strip()]
    marks += [r for r in inside.rects + inside.lines if r["height"] < page.height / 2]
    return marks


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def handout_text(site, paper="a4") -> str:
    return "\n".join(page_text(page) for page in PdfReader(site / "downloads" / f"handout-{paper}.pdf").pages)


@pytest.mark.parametrize("site_fixture, clinic, prefix, paper", BOOKLETS, ids=BOOKLET_IDS)
def test_the_handouts_text_is_clear_print_12_pt_or_more(request, site_fixture, clinic, prefix, paper):
    """Every edition on both papers: a clinic whose country prints on A4 has its US Letter handout
    laid out on Letter too, not an A4 page shrunk to fit (its brand.css names A4 for the browser)."""
    path, _ = booklet(request, site_fixture, clinic, prefix, paper)
    with pdfplumber.open(path) as pdf:
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
    for path in sorted((built_site / "downloads").rglob("*.pdf")):
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


@pytest.mark.parametrize("site_fixture, clinic, prefix, paper", BOOKLETS, ids=BOOKLET_IDS)
def test_no_page_but_the_cover_and_the_last_is_under_30_percent_used(request, site_fixture, clinic, prefix, paper):
    path, _ = booklet(request, site_fixture, clinic, prefix, paper)
    edge = margins()
    with pdfplumber.open(path) as pdf:
        height = pdf.pages[0].height - edge["top"] - edge["bottom"]
        used = {number: (max(m["bottom"] for m in marks) - edge["top"]) / height if (marks := body(page)) else 0
                for number, page in enumerate(pdf.pages[1:-1], start=2)}
    sparse = {number: f"{share:.0%}" for number, share in used.items() if share < 0.3}
    assert not sparse, f"pages used under 30%: {sparse}"


@pytest.mark.parametrize("site_fixture, clinic, prefix, paper", BOOKLETS, ids=BOOKLET_IDS)
def test_no_heading_is_alone_at_a_page_foot_and_every_page_is_within_one_set_of_margins(request, site_fixture, clinic,
                                                                                       prefix, paper):
    path, guide = booklet(request, site_fixture, clinic, prefix, paper)
    headings = {squash(h) for p in guide.pages for h in [p.title, *(getattr(b, "heading", None) or "" for b in p.blocks)] if h}
    edge = margins()
    lefts = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages[1:], start=2):
            inside = page.crop((0, edge["top"], page.width, page.height - edge["bottom"]))
            lines = [squash(line) for line in (inside.extract_text() or "").splitlines() if line.strip()]
            assert lines and lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"
            lefts.append(min(m["x0"] for m in body(page)))
    assert all(left > edge["left"] - MM for left in lefts), "something is printed in the left margin"
    at_margin = [left < edge["left"] + MM for left in lefts]
    assert sum(at_margin) >= 0.9 * len(lefts), (  # a page of list items alone starts further in
        f"text starts at the margin ({edge['left'] / MM:.0f} mm) on {sum(at_margin)} of {len(lefts)} pages: "
        f"{[round(left / MM, 1) for left in lefts]}")


@pytest.mark.parametrize("site_fixture, clinic, prefix, paper", BOOKLETS, ids=BOOKLET_IDS)
def test_every_cross_reference_names_the_page_it_leads_to(request, site_fixture, clinic, prefix, paper):
    """Each link within the booklet (but the contents' and the cover's) is followed by "(page N)",
    N the page it leads to; and no title runs into a full stop ("What is integration?.")."""
    path, guide = booklet(request, site_fixture, clinic, prefix, paper)
    number_at = guide.ui["handout"]["page"].split("{number}")
    pattern = re.compile(r"\s*\(\s*" + re.escape(number_at[0].strip()) + r"\s*(\d+)\s*" + re.escape(number_at[1].strip()) + r"\s*\)")
    reader = PdfReader(path)
    destinations = {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
                    for name, dest in reader.named_destinations.items()}
    checked = 0
    with pdfplumber.open(path) as pdf:
        for number, (page, plumbed) in enumerate(zip(reader.pages, pdf.pages), start=1):
            if number == 1:
                continue  # the cover: "More on page 2", its number inside the link
            chars = plumbed.chars
            links = [a.get_object() for a in page.get("/Annots") or []]
            links = [a for a in links if a.get("/Subtype") == "/Link" and a.get("/Dest") is not None]
            for k, annotation in enumerate(links):
                target = str(annotation["/Dest"]).lstrip("/")
                if k + 1 < len(links) and str(links[k + 1]["/Dest"]).lstrip("/") == target:
                    continue  # a link over two lines is two annotations: its number follows the last
                x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
                top, bottom = plumbed.height - y1, plumbed.height - y0
                inside = [n for n, c in enumerate(chars) if x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1
                          and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1]
                following = "".join(c["text"] for c in chars[inside[-1] + 1:inside[-1] + 40])
                if re.match(r"[.\s]*\d+\s*$|[.\s]*\d+[^\d)]", following):
                    continue  # an entry of the contents: its number after a dotted line
                found = pattern.match(following)
                assert found, f"page {number}: the link to {target} is followed by {following[:20]!r}, not its page"
                assert int(found.group(1)) == destinations[target], f"page {number}: the link to {target}"
                checked += 1
    assert checked >= 10, "the booklet's cross-references were not found"
    text = " ".join(page_text(page) for page in reader.pages)
    assert not re.search(r"[?!]\s*\.", text), re.search(r".{40}[?!]\s*\..{10}", text).group(0)


@pytest.mark.parametrize("site_fixture, clinic, prefix, paper", BOOKLETS, ids=BOOKLET_IDS)
def test_each_source_is_listed_once_at_the_back_and_each_part_cites_its_own_by_number(request, site_fixture, clinic,
                                                                                     prefix, paper):
    path, guide = booklet(request, site_fixture, clinic, prefix, paper)
    text = squash(" ".join(page_text(page) for page in PdfReader(path).pages))
    sources = booklet_sources(guide)
    assert sources
    for reference in sources:
        listed = squash(f"{reference.authors} ({reference.year}). {reference.title}")
        assert text.count(listed) == 1, f"{reference.title!r} is not listed exactly once"
    before, after = (squash(part) for part in guide.ui["handout"]["page"].split("{number}"))
    cites = re.findall(re.escape(squash(guide.ui["page"]["sources"])) + r"\(" + re.escape(before) + r"\d+" + re.escape(after)
                       + r"\):(\d+(?:,\d+)*)", text)
    assert len(cites) >= len([p for p in guide.pages if guide.page_references(p)]), "a part does not cite its sources"
    assert {int(n) for line in cites for n in line.split(",")} == set(range(1, len(sources) + 1))


@pytest.mark.parametrize("site_fixture, clinic, prefix, paper", BOOKLETS, ids=BOOKLET_IDS)
def test_the_crisis_page_writes_out_every_way_to_reach_every_line(request, site_fixture, clinic, prefix, paper):
    path, guide = booklet(request, site_fixture, clinic, prefix, paper)
    page = squash(page_text(PdfReader(path).pages[1]))
    for line in guide.site.crisis.lines:
        assert squash(line.name) in page
        for how, href in ways(line, guide.ui):
            assert squash(how) in page, f"{line.name}: {how!r} is not on the crisis page"
            if href.startswith("https://"):
                assert squash(href.removeprefix("https://").rstrip("/")) in page, f"{line.name}: {href} is not written out"
    assert squash(guide.ui["crisis"]["source"]) not in page, "no 'Source:' fragment: the part cites its sources by number"


@pytest.mark.parametrize("site_fixture, clinic, prefix, paper", BOOKLETS, ids=BOOKLET_IDS)
def test_the_running_head_names_the_part_at_the_top_of_each_page_and_the_edition_has_one_review_date(
        request, site_fixture, clinic, prefix, paper):
    path, guide = booklet(request, site_fixture, clinic, prefix, paper)
    heads = {squash(part.head) for part in handout_parts_heads(guide)}
    home = next(p for p in guide.pages if p.id == "index")
    edge = margins()
    reader = PdfReader(path)
    destinations = {name.lstrip("/"): dest for name, dest in reader.named_destinations.items()}
    home_at = reader.get_destination_page_number(destinations[f"page-{home.id}"]) + 1
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages[1:], start=2):
            band = squash(page.crop((0, 0, page.width, edge["top"])).extract_text() or "")
            assert band.startswith(squash(guide.brand.name)) and band[len(squash(guide.brand.name)):] in heads, \
                f"page {number}'s running head is {band!r}"
            first = (page.crop((0, edge["top"], page.width, page.height)).extract_text() or " ").splitlines()[0]
            if number == home_at and squash(first) == squash(home.title):  # the home page's part starts the page
                assert band.endswith(squash(home.title)), f"page {number}'s running head is {band!r}, not its part"
    text = " ".join(page_text(page) for page in reader.pages)
    reviewed = guide.ui["review"]["brief"].split("{")[0].strip()
    assert text.count(reviewed) == 1, f"{text.count(reviewed)} review dates: the edition has one"
