"""The pack: every worksheet's PDF joined into one, their fields, bookmarks and structure kept."""

from __future__ import annotations

import io
from collections.abc import Mapping

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

from .pdf_objects import (FormError, acro_form, cross_references, object_numbers, object_body, raw_bytes, structure_parents,
                          renumber_references, tree_nodes)


# --- the pack ------------------------------------------------------------------------------
#
# The sheets are joined at the level of their bytes: each object of each sheet is copied as it is,
# with its number and the numbers it refers to moved to the pack's own range, and its structure
# keys moved past those of the sheets before it. Only a sheet's catalog, page tree, structure tree
# root, parent tree, form and information are left out and made new for the pack. Parsing and
# writing every object with pypdf cost 0.27 s per pack; this costs a few hundredths.


def join(sheets: list[tuple[str, str, bytes]], info: Mapping[str, str], lang: str) -> bytes:
    """One PDF of the sheets (each ``(id, title, pdf)``), in order: a bookmark per sheet, its
    structure tree kept (under one Document), and its fields under one named by its id."""
    pack = _Pack()
    for sheet_id, title, pdf in sheets:
        pack.add_sheet(sheet_id, title, pdf)
    return pack.write(info, lang)


class _Pack:
    """The pack being made: objects by their new number (bytes, as written), and what the new
    catalog, page tree, structure tree, bookmarks and form need to know of each sheet."""

    def __init__(self):
        self.objects: dict[int, bytes] = {}
        self.count = 0
        self.pages_ref, self.document_ref = self.reserve(), self.reserve()
        self.pages: list[tuple[int, str]] = []  # the page's number, and its bookmark's title
        self.tops: list[int] = []  # the structure elements under the Document
        self.parent_tree: list[bytes] = []  # key value pairs
        self.next_key = 0
        self.groups: list[int] = []  # a field per sheet, named by its id, over the sheet's fields
        self.first: PdfReader | None = None

    def reserve(self) -> int:
        self.count += 1
        return self.count

    def put(self, obj: PdfObject, number: int | None = None) -> int:
        number = number or self.reserve()
        body = io.BytesIO()
        obj.write_to_stream(body)
        self.objects[number] = body.getvalue()
        return number

    def add_sheet(self, sheet_id: str, title: str, pdf: bytes) -> None:
        reader = PdfReader(io.BytesIO(pdf))
        if self.first is None:
            self.first = reader
        latest, bounds = cross_references(pdf)
        catalog = reader.trailer["/Root"].get_object()
        if len(reader.pages) != 1 or reader.pages[0].raw_get("/Parent") != catalog.raw_get("/Pages"):
            raise FormError(f"the sheet {sheet_id!r} is not one page under its page tree's root")
        tree = catalog.get("/StructTreeRoot")
        form = catalog.get("/AcroForm")
        left_out = {reader.trailer.raw_get("/Root").idnum, *object_numbers(reader.trailer.raw_get("/Info")),
                    *object_numbers(catalog.raw_get("/Dests") if "/Dests" in catalog else None)}
        numbers: dict[int, int] = {catalog.raw_get("/Pages").idnum: self.pages_ref}
        left_out.add(catalog.raw_get("/Pages").idnum)
        if tree is not None:
            for number in object_numbers(catalog.raw_get("/StructTreeRoot")):
                numbers[number] = self.document_ref  # the parent of its kids, now
                left_out.add(number)
            tree = tree.get_object()
            for key in ("/ParentTree", "/IDTree"):
                left_out |= tree_nodes(tree.raw_get(key)) if key in tree else set()
        group = None
        fields: list[int] = []
        if form is not None:
            form = form.get_object()
            left_out |= object_numbers(catalog.raw_get("/AcroForm")) | object_numbers(form.raw_get("/DR") if "/DR" in form else None)
            for font in (form.get("/DR") or {}).get("/Font", {}).values():
                left_out |= object_numbers(font)
            fields = [ref.idnum for ref in form.get("/Fields") or []]
            group = self.reserve() if fields else None
        for number in sorted(latest):
            if number not in left_out:
                numbers[number] = self.reserve()

        def renumber(old: int) -> int:
            if old not in numbers:
                raise FormError(f"a part of the sheet {sheet_id!r} refers to an object the pack leaves out ({old})")
            return numbers[old]

        key_offset = self.next_key
        for number in sorted(latest):
            if number in left_out:
                continue
            body = renumber_references(object_body(pdf, latest[number], bounds), renumber, key_offset)
            if number in fields:  # a top field of the sheet: now under the sheet's own
                body = body.replace(b"<<", b"<< /Parent %d 0 R " % group, 1)
            self.objects[numbers[number]] = body
        page = reader.pages[0]
        self.pages.append((renumber(page.indirect_reference.idnum), title))
        if tree is not None:
            kids = tree.raw_get("/K")
            kids = kids.get_object() if isinstance(kids.get_object(), ArrayObject) else [kids]
            self.tops += [renumber(kid.idnum) for kid in kids]
            parent_tree = structure_parents(reader)
            for key, value in parent_tree.items():
                self.parent_tree.append(b"%d %s" % (key + key_offset, renumber_references(raw_bytes(value), renumber, 0)))
            self.next_key += int(tree.get("/ParentTreeNextKey", max(parent_tree, default=-1) + 1))
        if group is not None:
            self.put(DictionaryObject({
                NameObject("/T"): TextStringObject(sheet_id),
                NameObject("/Kids"): ArrayObject(IndirectObject(renumber(n), 0, None) for n in fields),
            }), group)
            self.groups.append(group)

    def write(self, info: Mapping[str, str], lang: str) -> bytes:
        def ref(number: int) -> IndirectObject:
            return IndirectObject(number, 0, None)

        self.put(DictionaryObject({
            NameObject("/Type"): NameObject("/Pages"),
            NameObject("/Kids"): ArrayObject(ref(n) for n, _ in self.pages),
            NameObject("/Count"): NumberObject(len(self.pages)),
        }), self.pages_ref)
        catalog = DictionaryObject({
            NameObject("/Type"): NameObject("/Catalog"),
            NameObject("/Pages"): ref(self.pages_ref),
            NameObject("/Lang"): TextStringObject(lang),
            NameObject("/ViewerPreferences"): DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)}),
        })
        if self.tops:
            parent_tree = self.reserve()
            self.objects[parent_tree] = b"<< /Nums [ " + b" ".join(self.parent_tree) + b" ] >>"
            root = self.put(DictionaryObject({
                NameObject("/Type"): NameObject("/StructTreeRoot"),
                NameObject("/K"): ref(self.document_ref),
                NameObject("/ParentTree"): ref(parent_tree),
                NameObject("/ParentTreeNextKey"): NumberObject(self.next_key),
            }))
            self.put(DictionaryObject({
                NameObject("/Type"): NameObject("/StructElem"),
                NameObject("/S"): NameObject("/Document"),
                NameObject("/P"): ref(root),
                NameObject("/K"): ArrayObject(ref(n) for n in self.tops),
            }), self.document_ref)
            catalog[NameObject("/StructTreeRoot")] = ref(root)
            catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
        if self.pages:
            outline = self.reserve()
            items = [self.reserve() for _ in self.pages]
            for k, ((page, title), number) in enumerate(zip(self.pages, items)):
                item = DictionaryObject({
                    NameObject("/Title"): TextStringObject(title),
                    NameObject("/Parent"): ref(outline),
                    NameObject("/Dest"): ArrayObject([ref(page), NameObject("/Fit")]),
                })
                if k:
                    item[NameObject("/Prev")] = ref(items[k - 1])
                if k + 1 < len(items):
                    item[NameObject("/Next")] = ref(items[k + 1])
                self.put(item, number)
            self.put(DictionaryObject({
                NameObject("/Type"): NameObject("/Outlines"), NameObject("/First"): ref(items[0]),
                NameObject("/Last"): ref(items[-1]), NameObject("/Count"): NumberObject(len(items)),
            }), outline)
            catalog[NameObject("/Outlines")] = ref(outline)
        if self.groups:
            catalog[NameObject("/AcroForm")] = ref(self.put(acro_form(ArrayObject(ref(n) for n in self.groups), self.add)))
        record = DictionaryObject({NameObject(k): TextStringObject(v) for k, v in info.items()})
        first = (self.first.trailer.get("/Info") or {}) if self.first is not None else {}
        for key in ("/Producer", "/CreationDate", "/ModDate"):
            if key in first:
                record[NameObject(key)] = TextStringObject(first[key])
        info_ref = self.put(record)
        root_ref = self.put(catalog)
        header = self.first.stream.getvalue()[:9] if self.first is not None else b"%PDF-1.4\n"
        out = bytearray(header + b"%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for number in range(1, self.count + 1):
            offsets[number] = len(out)
            out += b"%d 0 obj\n" % number + self.objects[number] + b"\nendobj\n"
        start = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (self.count + 1)
        out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, self.count + 1))
        out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            self.count + 1, root_ref, info_ref, start)
        return bytes(out)

    def add(self, obj: PdfObject) -> IndirectObject:
        return IndirectObject(self.put(obj), 0, None)
