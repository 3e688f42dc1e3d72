"""The PDFs made by the site build: per worksheet and paper, the pack, the handout; all linked."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader, PdfWriter

from helpers import ROOT, page_text
from generator.guide.assemble import load_guide
from generator.render.worksheets import sheet_fields

GUIDE = load_guide(ROOT / "content")
PAPER_POINTS = {"a4": (596, 842), "letter": (612, 792)}


def read(path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def fill_names(sheet) -> set[str]:
    """The names of a worksheet's form fields, from its fields as the templates mark them."""
    names: set[str] = set()
    for field, items in sheet_fields(sheet, GUIDE):
        if field.type == "lines" and field.count > 1:
            names |= {f"{field.id}.line{n}" for n in range(1, field.count + 1)}
        elif field.type in ("lines", "box", "date", "scale"):
            names.add(field.id)
        elif field.type == "checklist":
            names |= {f"{field.id}.{item.id}" for item in items}
        elif field.type == "table":
            rows = range(1, len(items) + field.blank_rows + 1)
            names |= {f"{field.id}.row{row}.{key}" for row in rows for key in field.column_keys}
    return names


def form_fields(reader: PdfReader) -> dict:
    """The fields a patient fills in (not the fields that only group them), by their full names."""
    return {name: field for name, field in (reader.get_fields() or {}).items() if "/FT" in field}


def full_name(widget) -> str:
    """The full name of the field a widget belongs to: the names up its parents, joined by dots."""
    parts, node = [], widget
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        node = node["/Parent"].get_object() if "/Parent" in node else None
    return ".".join(reversed(parts))


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
def test_each_worksheet_pdf_has_a_form_field_on_every_place_to_fill_in_named_by_field_ids(built_site, paper):
    for sheet in GUIDE.worksheets:
        fields = form_fields(read(built_site / "downloads" / "worksheets" / f"{sheet.id}-{paper}.pdf"))
        assert set(fields) == fill_names(sheet), f"{sheet.id} ({paper})"
        for name, field in fields.items():
            assert str(field.get("/TU", "")).strip(), f"{sheet.id}: {name} has no tooltip for screen readers"
        kinds = {field["/FT"] for field in fields.values()}
        assert kinds <= {"/Tx", "/Btn"}


def test_the_packs_fields_are_each_worksheets_under_its_id(built_site):
    for paper in ("a4", "letter"):
        fields = form_fields(read(built_site / "downloads" / "worksheets" / f"all-worksheets-{paper}.pdf"))
        assert set(fields) == {f"{sheet.id}.{name}" for sheet in GUIDE.worksheets for name in fill_names(sheet)}


def test_every_pdf_is_tagged_with_its_title_and_the_sites_language(built_site):
    pdfs = sorted((built_site / "downloads").rglob("*.pdf"))
    assert len(pdfs) == 2 * len(GUIDE.worksheets) + 4
    for path in pdfs:
        reader = read(path)
        catalog = reader.trailer["/Root"]
        assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"], f"{path.name} is not tagged"
        assert catalog["/Lang"] == GUIDE.site.language, path.name
        assert reader.metadata.title and bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"]), path.name


def test_a_worksheet_pdf_filled_in_with_pypdf_and_saved_keeps_what_was_written(built_site):
    """Text on ruled lines, a tick in a checklist and a choice on the 0 to 10 scale: in the single
    sheets that have them, and all three in the pack."""
    with_scale = next(s for s in GUIDE.worksheets if any(f.type == "scale" for f in s.fields))
    with_ticks = next(s for s in GUIDE.worksheets if any(f.type == "checklist" for f in s.fields))
    scale = next(f.id for f in with_scale.fields if f.type == "scale")
    lines = next(n for n in sorted(fill_names(with_scale)) if n.split(".")[0] in {f.id for f in with_scale.fields if f.type == "lines"})
    tick = next(n for n in sorted(fill_names(with_ticks)) if "." in n and n.split(".")[0] in
                {f.id for f in with_ticks.fields if f.type == "checklist"})
    cases = [(f"{with_scale.id}-a4.pdf", {lines: "Calm, then sad. Then calm again.", scale: "/7"}),
             (f"{with_ticks.id}-letter.pdf", {tick: "/Yes"}),
             ("all-worksheets-a4.pdf", {f"{with_scale.id}.{lines}": "Calm", f"{with_scale.id}.{scale}": "/3",
                                        f"{with_ticks.id}.{tick}": "/Yes"})]
    for name, values in cases:
        writer = PdfWriter(clone_from=read(built_site / "downloads" / "worksheets" / name))
        writer.update_page_form_field_values(None, values, auto_regenerate=False)
        saved = io.BytesIO()
        writer.write(saved)
        reader = PdfReader(io.BytesIO(saved.getvalue()))
        fields = form_fields(reader)
        assert {key: fields[key].get("/V") for key in values} == values, name
        widgets = [a.get_object() for page in reader.pages for a in page.get("/Annots") or []]
        for chosen in (key for key in values if key.split(".")[-1] == scale):
            states = [w["/AS"] for w in widgets if "/T" not in w and full_name(w) == chosen]
            assert sorted(states) == sorted(["/Off"] * 10 + [values[chosen]]), "one number of the scale is circled"
        assert len(reader.pages) == (1 if "all-" not in name else len(GUIDE.worksheets))


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


def test_every_pdf_is_sound_as_qpdf_checks_it(built_site):
    """The PDF step adds to Chromium's PDFs (an incremental update of the handout's information) and
    takes pages out of them (each worksheet, each pack): qpdf finds no error in any, in any language."""
    import subprocess

    pdfs = sorted(built_site.rglob("downloads/**/*.pdf"))
    assert len(pdfs) == 2 * (2 * len(GUIDE.worksheets) + 4)
    for path in pdfs:
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"{path.relative_to(built_site)}: {result.stdout[-500:]}{result.stderr[-500:]}"
