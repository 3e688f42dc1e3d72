"""generator/publish/pdf_forms.py on small PDFs made here, shaped as Chromium prints a marked sheet:
a link annotation per marked place, each with a /Link element in the structure tree."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from generator.publish.pdf_forms import MARKER, Spot, fillable
from generator.publish.pdf_objects import FormError, renumber_references, with_metadata
from generator.publish.pdf_pack import join

SPOTS = [
    Spot("days.row1.sleep-hours", "text", "Days: Monday, Sleep (hours)"),
    Spot("days.row1.headache", "check", "Days: Monday, Headache"),
    Spot("mood", "choice", "Mood (0 = Low, 10 = High)", value="0"),
    Spot("mood", "choice", "Mood (0 = Low, 10 = High)", value="1"),
    Spot("noticed", "text", "What I noticed", multiline=True),
]


def printed(marks: int = len(SPOTS), other_link: bool = False) -> bytes:
    """A one-page tagged PDF with a marker link per place (and maybe a real link), as Chromium's."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 300)
    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document"),
                                 NameObject("/K"): ArrayObject()})
    document_ref = writer._add_object(document)
    annotations, nums = ArrayObject(), ArrayObject([NumberObject(0), ArrayObject()])
    uris = [f"{MARKER}{n}" for n in range(marks)] + (["https://example.org/"] if other_link else [])
    for n, uri in enumerate(uris):
        annotation = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([FloatObject(10), FloatObject(250 - 30 * n), FloatObject(60), FloatObject(270 - 30 * n)]),
            NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
            NameObject("/A"): DictionaryObject({NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject(uri)}),
            NameObject("/StructParent"): NumberObject(n + 1),
        })
        annotation_ref = writer._add_object(annotation)
        annotations.append(annotation_ref)
        element = DictionaryObject({
            NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Link"), NameObject("/P"): document_ref,
            NameObject("/K"): DictionaryObject({NameObject("/Type"): NameObject("/OBJR"), NameObject("/Obj"): annotation_ref}),
        })
        element_ref = writer._add_object(element)
        document["/K"].append(element_ref)
        nums += [NumberObject(n + 1), element_ref]
    page[NameObject("/Annots")] = annotations
    page[NameObject("/StructParents")] = NumberObject(0)
    root = DictionaryObject({
        NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): document_ref,
        NameObject("/ParentTree"): writer._add_object(DictionaryObject({NameObject("/Nums"): nums})),
        NameObject("/ParentTreeNextKey"): NumberObject(len(uris) + 1),
    })
    document[NameObject("/P")] = writer._add_object(root)
    writer._root_object[NameObject("/StructTreeRoot")] = document.raw_get("/P")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def test_each_marked_place_becomes_a_field_named_by_its_parts_with_its_label_as_tooltip():
    original = printed()
    pdf = fillable(original, SPOTS, {"/Title": "Week (A4)", "/Author": "Guide"}, "en-GB")
    assert pdf.startswith(original), "an incremental update: the printed bytes are kept as they are"
    reader = read(pdf)
    fields = reader.get_fields()
    terminal = {name: field for name, field in fields.items() if "/FT" in field}
    assert set(terminal) == {"days.row1.sleep-hours", "days.row1.headache", "mood", "noticed"}
    assert terminal["days.row1.sleep-hours"]["/FT"] == "/Tx" and terminal["days.row1.sleep-hours"].get("/Ff", 0) == 0
    assert terminal["noticed"]["/Ff"] & 4096, "several lines: multiline"
    assert terminal["days.row1.headache"]["/_States_"] == ["/Yes", "/Off"]
    assert {"/0", "/1"} <= set(terminal["mood"]["/_States_"])
    assert terminal["mood"]["/Ff"] & (1 << 15), "a radio button group"
    assert {name: str(field["/TU"]) for name, field in terminal.items()}["days.row1.headache"] == "Days: Monday, Headache"
    widgets = [a.get_object() for a in reader.pages[0]["/Annots"]]
    assert all(w["/Subtype"] == "/Widget" and "/A" not in w and not {"/BC", "/BG"} & set(w["/MK"]) for w in widgets), \
        "no action, no border, no background"
    assert [float(w["/Rect"][1]) for w in widgets] == [250 - 30 * n for n in range(len(SPOTS))], "each keeps its printed place"
    assert reader.metadata.title == "Week (A4)" and reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert bool(reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"])


def test_the_links_elements_in_the_structure_tree_become_form_elements():
    reader = read(fillable(printed(), SPOTS, {"/Title": "t"}, "en"))
    elements = [e.get_object() for e in reader.trailer["/Root"]["/StructTreeRoot"]["/K"]["/K"]]
    assert [e["/S"] for e in elements] == ["/Form"] * len(SPOTS)
    assert [e["/K"]["/Obj"].get_object()["/Subtype"] for e in elements] == ["/Widget"] * len(SPOTS)


def test_empty_fields_draw_nothing_and_a_filled_in_form_keeps_its_values():
    reader = read(fillable(printed(), SPOTS, {"/Title": "t"}, "en"))
    for widget in (a.get_object() for a in reader.pages[0]["/Annots"]):
        normal = widget["/AP"]["/N"]
        empty = normal["/Off"] if "/Off" in normal else normal
        assert empty.get_object().get_data().replace(b"/Tx BMC", b"").replace(b"EMC", b"").strip() == b""
    writer = PdfWriter(clone_from=reader)
    writer.update_page_form_field_values(writer.pages[0], {"days.row1.sleep-hours": "7.5", "days.row1.headache": "/Yes",
                                                           "mood": "/1"}, auto_regenerate=False)
    buffer = io.BytesIO()
    writer.write(buffer)
    fields = read(buffer.getvalue()).get_fields()
    assert (fields["days.row1.sleep-hours"]["/V"], fields["days.row1.headache"]["/V"], fields["mood"]["/V"]) == ("7.5", "/Yes", "/1")


def test_a_place_not_printed_or_a_name_used_twice_is_a_clear_error():
    with pytest.raises(FormError, match="noticed"):
        fillable(printed(marks=len(SPOTS) - 1), SPOTS, {"/Title": "t"}, "en")
    with pytest.raises(FormError, match="both named 'mood'"):
        fillable(printed(marks=2), [Spot("mood", "choice", "Mood", value="1"), Spot("mood", "text", "Mood")], {}, "en")
    with pytest.raises(FormError, match="expected one of"):
        from generator.publish.pdf_forms import spots_from
        spots_from([{"name": "x", "kind": "radio", "label": "X"}])


def test_other_links_stay_links():
    reader = read(fillable(printed(other_link=True), SPOTS, {"/Title": "t"}, "en"))
    kinds = [a.get_object()["/Subtype"] for a in reader.pages[0]["/Annots"]]
    assert kinds == ["/Widget"] * len(SPOTS) + ["/Link"]


def test_metadata_alone_is_appended_too():
    original = printed(marks=0)
    pdf = with_metadata(original, {"/Title": "Handout (A4)", "/Subject": "All of it"}, "es")
    assert pdf.startswith(original)
    reader = read(pdf)
    assert reader.metadata.title == "Handout (A4)" and reader.metadata.subject == "All of it"
    assert reader.trailer["/Root"]["/Lang"] == "es"


def test_the_pack_keeps_each_sheets_structure_and_puts_its_fields_under_its_id():
    one = fillable(printed(), SPOTS, {"/Title": "One"}, "en")
    two = fillable(printed(), SPOTS[:2], {"/Title": "Two"}, "en")
    reader = read(join([("first", "First sheet", one), ("second", "Second sheet", two)], {"/Title": "Both"}, "en"))
    assert len(reader.pages) == 2 and [e.title for e in reader.outline] == ["First sheet", "Second sheet"]
    assert reader.metadata.title == "Both" and reader.trailer["/Root"]["/Lang"] == "en"
    terminal = {name for name, field in reader.get_fields().items() if "/FT" in field}
    assert terminal == {f"first.{n}" for n in ("days.row1.sleep-hours", "days.row1.headache", "mood", "noticed")} | {
        "second.days.row1.sleep-hours", "second.days.row1.headache"}
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    document = tree["/K"].get_object()
    assert document["/S"] == "/Document" and len(document["/K"]) == 2
    keys = [reader.pages[0]["/StructParents"], reader.pages[1]["/StructParents"]]
    keys += [a.get_object()["/StructParent"] for page in reader.pages for a in page["/Annots"]]
    assert len(set(keys)) == len(keys), "every structure key is the pack's own"
    nums = tree["/ParentTree"]["/Nums"]
    elements = {int(nums[k]): nums[k + 1].get_object() for k in range(0, len(nums), 2)}
    for page in reader.pages:
        for ref in page["/Annots"]:
            widget = ref.get_object()
            assert elements[widget["/StructParent"]]["/K"]["/Obj"].get_object() == widget


def test_renumbering_moves_references_and_structure_keys_but_not_the_text_of_strings():
    body = b"<< /T (see 3 0 R \\) and (nested 4 0 R)) /P 3 0 R /K [1 2 5 0 R] /StructParent 2 >>"
    assert renumber_references(body, lambda n: n + 100, 10) == (
        b"<< /T (see 3 0 R \\) and (nested 4 0 R)) /P 103 0 R /K [1 2 105 0 R] /StructParent 12 >>")
    stream = b"<< /Length 7 0 R >>\nstream\n1 0 R (\nendstream"
    assert renumber_references(stream, lambda n: n + 1, 0) == b"<< /Length 8 0 R >>\nstream\n1 0 R (\nendstream"
