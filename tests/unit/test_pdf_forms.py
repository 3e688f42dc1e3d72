"""generator/publish/pdf/ on small PDFs made here, shaped as Chromium prints marked worksheets: a link
annotation per marked place, each with a /Link element in the structure tree; text on each page.
forms.py makes the fields and draws answers, split.py takes pages out with their structure,
metadata.py appends a PDF's information."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from generator.publish.pdf.forms import (
    CLEARANCE, LEADING, MARKER, TEXT_SIZE, FormError, Spot, _ascent, _descent, _width, add_fields, fill_in, fitted,
    spots_from, wrapped,
)
from generator.publish.pdf.metadata import with_info
from generator.publish.pdf.split import pages_alone, to_bytes

SPOTS = [
    Spot("days.row1.sleep-hours", "text", "Days: Monday, Sleep (hours)", sheet="week"),
    Spot("days.row1.headache", "check", "Days: Monday, Headache", sheet="week"),
    Spot("mood", "choice", "Mood (0 = Low, 10 = High)", value="0", sheet="week"),
    Spot("mood", "choice", "Mood (0 = Low, 10 = High)", value="1", sheet="week"),
    Spot("noticed", "text", "What I noticed", multiline=True, sheet="week"),
]


def printed(pages: int = 1, marks: int = len(SPOTS), other_link: bool = False) -> bytes:
    """A tagged PDF of ``pages`` pages (200 x 300 pt), each with a paragraph of marked text and a
    marker link per place (numbered on from the page before), and maybe a real link, as Chromium's."""
    writer = PdfWriter()
    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document"),
                                 NameObject("/K"): ArrayObject()})
    document_ref = writer._add_object(document)
    nums, key = ArrayObject(), 0
    for number in range(pages):
        page = writer.add_blank_page(200, 300)
        content = DecodedStreamObject()
        content.set_data(b"/P <</MCID 0>> BDC BT /F1 12 Tf 10 280 Td (Page) Tj ET EMC")
        page[NameObject("/Contents")] = writer._add_object(content)
        paragraph = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/P"), NameObject("/P"): document_ref,
            NameObject("/Pg"): page.indirect_reference, NameObject("/K"): NumberObject(0),
            NameObject("/ID"): TextStringObject(f"node{number}")}))
        section = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Sect"),
                                    NameObject("/P"): document_ref, NameObject("/K"): ArrayObject([paragraph])})
        section_ref = writer._add_object(section)
        paragraph.get_object()[NameObject("/P")] = section_ref
        document["/K"].append(section_ref)
        page[NameObject("/StructParents")] = NumberObject(key)
        nums += [NumberObject(key), writer._add_object(ArrayObject([paragraph]))]
        key += 1
        annotations = ArrayObject()
        uris = [f"{MARKER}{n + number * marks}" for n in range(marks)] + (["https://example.org/"] if other_link else [])
        for n, uri in enumerate(uris):
            low = 230 - 30 * n - (60 if n == len(SPOTS) - 1 else 0)  # the box of several lines is higher
            annotation_ref = writer._add_object(DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([FloatObject(10), FloatObject(low), FloatObject(60), FloatObject(250 - 30 * n)]),
                NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
                NameObject("/A"): DictionaryObject({NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject(uri)}),
                NameObject("/StructParent"): NumberObject(key),
            }))
            annotations.append(annotation_ref)
            element = writer._add_object(DictionaryObject({
                NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Link"), NameObject("/P"): section_ref,
                NameObject("/K"): DictionaryObject({NameObject("/Type"): NameObject("/OBJR"), NameObject("/Obj"): annotation_ref}),
            }))
            section["/K"].append(element)
            nums += [NumberObject(key), element]
            key += 1
        page[NameObject("/Annots")] = annotations
    root = DictionaryObject({
        NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): document_ref,
        NameObject("/ParentTree"): writer._add_object(DictionaryObject({NameObject("/Nums"): nums})),
        NameObject("/ParentTreeNextKey"): NumberObject(key),
    })
    document[NameObject("/P")] = writer._add_object(root)
    writer._root_object[NameObject("/StructTreeRoot")] = document.raw_get("/P")
    writer._root_object[NameObject("/Lang")] = TextStringObject("en-GB")
    return to_bytes(writer)


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def fillable(pdf: bytes, spots=SPOTS, pages=(0,), in_groups=False) -> bytes:
    writer = pages_alone(read(pdf), list(pages))
    add_fields(writer, spots, range(len(spots)), in_groups=in_groups)
    return to_bytes(writer)


def terminal(reader: PdfReader) -> dict:
    return {name: field for name, field in reader.get_fields().items() if "/FT" in field}


def test_each_marked_place_becomes_a_field_named_by_its_parts_with_its_label_as_tooltip():
    reader = read(fillable(printed()))
    fields = terminal(reader)
    assert set(fields) == {"days.row1.sleep-hours", "days.row1.headache", "mood", "noticed"}
    assert fields["days.row1.sleep-hours"]["/FT"] == "/Tx" and fields["days.row1.sleep-hours"].get("/Ff", 0) == 0
    assert fields["noticed"]["/Ff"] & 4096, "several lines: multiline"
    assert fields["days.row1.headache"]["/_States_"] == ["/Yes", "/Off"]
    assert {"/0", "/1"} <= set(fields["mood"]["/_States_"])
    assert fields["mood"]["/Ff"] & (1 << 15), "a radio button group"
    assert str(fields["days.row1.headache"]["/TU"]) == "Days: Monday, Headache"
    widgets = [a.get_object() for a in reader.pages[0]["/Annots"]]
    assert all(w["/Subtype"] == "/Widget" and "/A" not in w and not {"/BC", "/BG"} & set(w["/MK"]) for w in widgets), \
        "no action, no border, no background"
    bottoms = [float(w["/Rect"][1]) for w in widgets]
    assert bottoms[0] == 230 + CLEARANCE[1], "a place to type keeps clear of the rule it sits on"
    assert bottoms[1] == 200, "a square keeps its printed place"
    assert bottoms[2:4] == [170 + CLEARANCE[1], 140 + CLEARANCE[1]], "a number's ring keeps clear of its box"
    assert reader.pages[0]["/Tabs"] == "/S", "Tab goes in the order of the structure: down the lines"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_the_links_elements_in_the_structure_tree_become_form_elements():
    reader = read(fillable(printed()))
    document = reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    section = document["/K"][0].get_object()
    kinds = [kid.get_object()["/S"] for kid in section["/K"]]
    assert kinds == ["/P"] + ["/Form"] * len(SPOTS)
    objects = [kid.get_object()["/K"][0]["/Obj"].get_object()["/Subtype"] for kid in section["/K"][1:]]
    assert objects == ["/Widget"] * len(SPOTS)


def test_empty_fields_draw_nothing_and_answers_are_drawn_within_their_fields():
    pdf = fillable(printed())
    reader = read(pdf)
    for widget in (a.get_object() for a in reader.pages[0]["/Annots"]):
        normal = widget["/AP"]["/N"]
        empty = normal["/Off"] if "/Off" in normal else normal
        assert empty.get_object().get_data().replace(b"/Tx BMC", b"").replace(b"EMC", b"").strip() == b""
    long = "Answering the phone, drinking more in the evening, and not sleeping well for days on end."
    answered = read(fill_in(pdf, {"days.row1.sleep-hours": "7.5", "days.row1.headache": True, "mood": "1", "noticed": long}))
    fields = terminal(answered)
    assert (fields["days.row1.sleep-hours"]["/V"], fields["days.row1.headache"]["/V"], fields["mood"]["/V"]) == ("7.5", "/Yes", "/1")
    assert fields["noticed"]["/V"] == long
    noticed = next(a.get_object() for a in answered.pages[0]["/Annots"] if a.get_object().get("/T") == "noticed")
    drawing = ContentStream(noticed["/AP"]["/N"].get_object(), answered)
    operators = [op for _, op in drawing.operations]
    size = next(float(operands[1]) for operands, op in drawing.operations if op == b"Tf")
    shown = [str(operands[0]) for operands, op in drawing.operations if op == b"Tj"]
    assert len(shown) >= 5 and shown == wrapped(long, size, 50 - 2 * CLEARANCE[0] - 4), "the answer wraps at the field's width"
    assert " ".join(shown) == long, "all of it: none is left out"
    assert noticed.get_object()["/DA"] == "/Helv 0 Tf 0 g", "auto-sized, so that a reader drawing it fits it too"
    assert b"W" in operators, "and is clipped to the field"
    with pytest.raises(FormError, match="no field named"):
        fill_in(pdf, {"nothing": "x"})


@pytest.mark.parametrize("length", [1, 10, 100, 2000])
def test_an_answer_of_any_length_is_drawn_whole_at_the_size_that_fits(length):
    text = " ".join(["drinking"] * length) + " Sentirme peor, ¿y después?"
    size, lines = fitted(text, 150, 20, multiline=False)
    assert lines == [text] and _width(text, size) <= 150 and size <= TEXT_SIZE
    size, lines = fitted(text, 150, 60, multiline=True)
    assert " ".join(lines) == text and all(_width(line, size) <= 150 for line in lines)
    assert _ascent(size) + (len(lines) - 1) * size * LEADING + _descent(size) <= 60
    if length == 1:
        assert size == TEXT_SIZE, "a short answer keeps the full size"


def test_a_place_not_printed_or_a_name_used_twice_is_a_clear_error():
    with pytest.raises(FormError, match="noticed"):
        fillable(printed(marks=len(SPOTS) - 1))
    with pytest.raises(FormError, match="both named 'mood'"):
        fillable(printed(marks=2), [Spot("mood", "choice", "Mood", value="1"), Spot("mood", "text", "Mood")])
    with pytest.raises(FormError, match="expected one of"):
        spots_from([{"name": "x", "kind": "radio", "label": "X"}])


def test_other_links_stay_links():
    reader = read(fillable(printed(other_link=True)))
    kinds = [a.get_object()["/Subtype"] for a in reader.pages[0]["/Annots"]]
    assert kinds == ["/Widget"] * len(SPOTS) + ["/Link"]


def test_information_is_appended_and_the_printed_bytes_kept():
    original = printed(marks=0)
    pdf = with_info(original, {"/Title": "Handout (A4)", "/Subject": "All of it"})
    assert pdf.startswith(original)
    reader = read(pdf)
    assert reader.metadata.title == "Handout (A4)" and reader.metadata.subject == "All of it"
    assert len(reader.pages) == 1 and reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_a_page_taken_out_keeps_its_own_structure_and_only_its_own():
    pdf = printed(pages=3)
    alone = read(to_bytes(pages_alone(read(pdf), [1])))
    assert len(alone.pages) == 1
    tree = alone.trailer["/Root"]["/StructTreeRoot"]
    sections = tree["/K"][0].get_object()["/K"]
    assert len(sections) == 1, "the other pages' elements are left out"
    paragraph = sections[0].get_object()["/K"][0].get_object()
    assert paragraph["/Pg"].get_object() == alone.pages[0] and paragraph["/ID"] == "node1"
    nums = tree["/ParentTree"]["/Nums"]
    elements = {int(nums[k]): nums[k + 1].get_object() for k in range(0, len(nums), 2)}
    assert elements[alone.pages[0]["/StructParents"]][0].get_object() == paragraph, "the page's content leads back to its element"
    for annotation in (a.get_object() for a in alone.pages[0]["/Annots"]):
        assert elements[annotation["/StructParent"]]["/K"][0]["/Obj"].get_object() == annotation
    assert list(tree["/IDTree"]["/Names"])[::2] == ["node1"]
    assert alone.trailer["/Root"]["/MarkInfo"]["/Marked"]


def test_the_pack_keeps_every_page_and_puts_each_sheets_fields_under_its_id():
    spots = SPOTS + [Spot(s.name, s.kind, s.label, s.value, s.multiline, "day") for s in SPOTS]
    reader = read(fillable(printed(pages=2), spots, pages=(0, 1), in_groups=True))
    assert len(reader.pages) == 2
    assert set(terminal(reader)) == {f"{sheet}.{name}" for sheet in ("week", "day")
                                     for name in ("days.row1.sleep-hours", "days.row1.headache", "mood", "noticed")}
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    keys = [page["/StructParents"] for page in reader.pages] + [a.get_object()["/StructParent"] for page in reader.pages
                                                                 for a in page["/Annots"]]
    assert len(set(keys)) == len(keys), "every structure key is the pack's own"
    assert tree["/ParentTreeNextKey"] == len(keys)
