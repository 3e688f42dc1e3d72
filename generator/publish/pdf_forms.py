"""Form fields in the worksheets' PDFs, metadata written as an incremental update, and the pack.

Chromium prints the sheets; this module only adds to its PDFs, with pypdf at the level of PDF
objects. How a field finds its place: the worksheet templates mark each place where a patient
writes, ticks or circles with ``data-fill`` attributes (templates/components/fill_spot.md.j2).
Before printing, ``MARK_SPOTS`` puts an empty, invisible link in each such element, covering its
box (``https://fill.invalid/<n>``). Chromium prints each as a link annotation whose rectangle is
exactly where that element is on that paper, and, the PDF being tagged, gives it an element of
the structure tree. ``fillable`` turns each of those annotations, in place, into the widget of a
form field: same rectangle, same structure element (a /Form now, not a /Link), named from the
marks. Nothing is drawn: the widgets are transparent and empty until filled, so the sheet prints
exactly as before.

Field names are hierarchical as PDF means them: ``days.row1.sleep-hours`` is the field
``sleep-hours`` in ``row1`` in ``days``, so every reader and pypdf's ``get_fields`` shows the
full name. In the pack each sheet's fields sit under one named by the sheet's id.

Writing: a worksheet's fields and every PDF's metadata go in one incremental update (ISO 32000-1,
7.5.6): Chromium's bytes stay as they are, followed by the new and changed objects only, so no
PDF is parsed and written out whole a second time (the handout's 0.37 s full pass is gone).
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

MARKER = "https://fill.invalid/"

# Run in the page before printing: mark every place to fill in with an invisible link over its
# box, and say what each is. The elements are drawn for a pen and hidden from screen readers on
# the web page (aria-hidden); that is lifted in this print so that Chromium tags the links.
MARK_SPOTS = """marker => [...document.querySelectorAll('.guide-sheet [data-fill]')].map((spot, n) => {
    for (let node = spot; node && !node.classList.contains('guide-sheet'); node = node.parentElement) {
        node.removeAttribute('aria-hidden');
    }
    if (getComputedStyle(spot).position === 'static') spot.style.position = 'relative';
    const link = document.createElement('a');
    link.href = marker + n;
    link.style.cssText = 'position: absolute; inset: 0; display: block';
    spot.append(link);
    const data = spot.dataset;
    return {name: data.fill, kind: data.fillKind, label: data.fillLabel, value: data.fillValue ?? null,
            multiline: 'fillMultiline' in data};
})"""

KINDS = ("text", "check", "choice")
ON = "/Yes"  # the value of a ticked check box
FIELD_FLAGS = {"multiline": 1 << 12, "no_toggle_to_off": 1 << 14, "radio": 1 << 15}
TEXT_SIZE = 11  # points: the size of typed text, smaller where a place is not that high


class FormError(ValueError):
    """The marks and the printed PDF do not agree (a place without its link, a name used twice)."""


@dataclass(frozen=True)
class Spot:
    """A place to fill in, as the page marks it (``MARK_SPOTS`` returns one per place, in order)."""

    name: str
    kind: str
    label: str
    value: str | None = None
    multiline: bool = False


def spots_from(marked: Iterable[Mapping]) -> list[Spot]:
    spots = [Spot(**m) for m in marked]
    for spot in spots:
        if spot.kind not in KINDS or not spot.name or (spot.kind == "choice" and spot.value is None):
            raise FormError(f"the place {spot.name!r} is marked as {spot.kind!r}: expected one of {', '.join(KINDS)}"
                            " (a choice with a value)")
    return spots


# --- an incremental update ------------------------------------------------------------------


class Update:
    """A PDF, read, with changed and new objects to append to it (not a rewrite of the whole)."""

    def __init__(self, pdf: bytes | PdfReader):
        self.reader = pdf if isinstance(pdf, PdfReader) else PdfReader(io.BytesIO(pdf))
        self.pdf = self.reader.stream.getvalue()
        tail = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", self.pdf[-1024:])
        if tail is None or self.pdf[int(tail.group(1)):int(tail.group(1)) + 4] != b"xref":
            raise FormError("the PDF has no cross-reference table to append to")
        self.previous = int(tail.group(1))
        self.size = int(self.reader.trailer["/Size"])
        self.objects: dict[int, PdfObject] = {}

    @property
    def catalog(self) -> DictionaryObject:
        return self.changed(self.reader.trailer["/Root"].get_object())

    def changed(self, obj: PdfObject) -> PdfObject:
        """Mark an indirect object of the PDF as changed (to be written again); returns it."""
        self.objects[obj.indirect_reference.idnum] = obj
        return obj

    def add(self, obj: PdfObject) -> IndirectObject:
        """A new indirect object; returns the reference to it."""
        number, self.size = self.size, self.size + 1
        self.objects[number] = obj
        obj.indirect_reference = IndirectObject(number, 0, self.reader)
        return obj.indirect_reference

    def set_metadata(self, info: Mapping[str, str], lang: str) -> None:
        """The document information (title first), the language, and viewers showing the title."""
        existing = self.reader.trailer.get("/Info")
        if existing is None:
            self.reader.trailer[NameObject("/Info")] = self.add(DictionaryObject())
        record = self.changed(self.reader.trailer["/Info"].get_object())
        for key, value in info.items():
            record[NameObject(key)] = TextStringObject(value)
        catalog = self.catalog
        catalog[NameObject("/Lang")] = TextStringObject(lang)
        preferences = catalog.raw_get("/ViewerPreferences") if "/ViewerPreferences" in catalog else None
        if isinstance(preferences, IndirectObject):
            preferences = self.changed(preferences.get_object())
        elif preferences is None:
            preferences = catalog[NameObject("/ViewerPreferences")] = DictionaryObject()
        preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)

    def write(self) -> bytes:
        out = bytearray(self.pdf)
        if not out.endswith(b"\n"):
            out += b"\n"
        offsets: dict[int, tuple[int, int]] = {}
        for number in sorted(self.objects):
            obj = self.objects[number]
            generation = obj.indirect_reference.generation
            offsets[number] = (len(out), generation)
            body = io.BytesIO()
            obj.write_to_stream(body)
            out += b"%d %d obj\n" % (number, generation) + body.getvalue() + b"\nendobj\n"
        start = len(out)
        out += b"xref\n0 1\n0000000000 65535 f \n"  # the head of the free list, as the original's
        numbers = sorted(offsets)
        while numbers:  # a subsection per run of consecutive object numbers
            run = 1
            while run < len(numbers) and numbers[run] == numbers[0] + run:
                run += 1
            out += b"%d %d\n" % (numbers[0], run)
            for number in numbers[:run]:
                out += b"%010d %05d n \n" % offsets[number]
            numbers = numbers[run:]
        trailer = DictionaryObject({
            NameObject("/Size"): NumberObject(self.size),
            NameObject("/Root"): self.reader.trailer.raw_get("/Root"),
            NameObject("/Prev"): NumberObject(self.previous),
        })
        if "/Info" in self.reader.trailer:
            trailer[NameObject("/Info")] = self.reader.trailer.raw_get("/Info")
        body = io.BytesIO()
        trailer.write_to_stream(body)
        out += b"trailer\n" + body.getvalue() + b"\nstartxref\n%d\n%%%%EOF\n" % start
        return bytes(out)


def with_metadata(pdf: bytes, info: Mapping[str, str], lang: str) -> bytes:
    """The PDF with its title and the rest of ``info`` and its language, as an incremental update."""
    update = Update(pdf)
    update.set_metadata(info, lang)
    return update.write()


# --- the fields ----------------------------------------------------------------------------


def fillable(pdf: bytes | PdfReader, spots: list[Spot], info: Mapping[str, str], lang: str) -> bytes:
    """A printed worksheet (one page) with a form field on each marked place, and its metadata."""
    update = Update(pdf)
    if not spots:
        update.set_metadata(info, lang)
        return update.write()
    page = update.reader.pages[0]
    links = _marker_links(page, len(spots))
    missing = [spots[n].name for n in range(len(spots)) if n not in links]
    if missing:
        raise FormError(f"no printed place was found for the fields {', '.join(missing)}")
    structure = _parent_tree(update.reader)
    fields = _Fields(update)
    for n, spot in enumerate(spots):
        widget = update.changed(links[n])
        fields.widget(widget, spot, page.indirect_reference)
        element = structure.get(widget.get("/StructParent"))
        element = element.get_object() if element is not None else None
        if isinstance(element, DictionaryObject) and element.get("/S") == "/Link":
            update.changed(element)[NameObject("/S")] = NameObject("/Form")  # the link was the field
    catalog = update.catalog
    catalog[NameObject("/AcroForm")] = update.add(_acro_form(fields.top, update.add))
    update.set_metadata(info, lang)
    return update.write()


def _marker_links(page, count: int) -> dict[int, DictionaryObject]:
    """The link annotations the marks printed as, by the number of their place."""
    found: dict[int, DictionaryObject] = {}
    for ref in page.get("/Annots") or []:
        annotation = ref.get_object()
        uri = str((annotation.get("/A") or {}).get("/URI", ""))
        if annotation.get("/Subtype") == "/Link" and uri.startswith(MARKER) and uri[len(MARKER):].isdigit():
            if not isinstance(ref, IndirectObject):
                raise FormError("Chromium printed a place's link inside the page; expected its own object")
            number = int(uri[len(MARKER):])
            if number < count:
                found.setdefault(number, annotation)
    return found


def _parent_tree(reader: PdfReader) -> dict[int, PdfObject]:
    """The structure tree's parent tree: by key, what it holds (for a page, an array of the elements
    of its marked content; for an annotation, its element), as written there (maybe a reference)."""
    root = reader.trailer["/Root"].get_object().get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root.get_object():
        return {}
    found: dict[int, PdfObject] = {}

    def walk(node) -> None:
        node = node.get_object()
        nums = node.get("/Nums") or []
        for k in range(0, len(nums) - 1, 2):
            found[int(nums[k])] = nums[k + 1]  # unread: most are not needed
        for kid in node.get("/Kids") or []:
            walk(kid)

    walk(root.get_object()["/ParentTree"])
    return found


class _Fields:
    """The form's field tree, made as widgets are added: a node for each part of a dotted name."""

    def __init__(self, update: Update):
        self.update = update
        self.top = ArrayObject()
        self.nodes: dict[str, DictionaryObject] = {}
        self.terminal: set[str] = set()
        self.drawings: dict[tuple, IndirectObject] = {}  # a box's or a number's states, shared by all of one size

    def node(self, name: str) -> DictionaryObject:
        if name in self.terminal:
            raise FormError(f"the field {name!r} is also used as the start of another field's name")
        if name not in self.nodes:
            parent, _, part = name.rpartition(".")
            node = DictionaryObject({NameObject("/T"): TextStringObject(part), NameObject("/Kids"): ArrayObject()})
            self.update.add(node)
            self._attach(node, parent)
            self.nodes[name] = node
        return self.nodes[name]

    def _attach(self, obj: DictionaryObject, parent: str) -> None:
        if parent:
            above = self.node(parent)
            obj[NameObject("/Parent")] = above.indirect_reference
            above["/Kids"].append(obj.indirect_reference)
        else:
            self.top.append(obj.indirect_reference)

    def widget(self, annotation: DictionaryObject, spot: Spot, page_ref: IndirectObject) -> None:
        """Turn a marker's link annotation into the widget of the field ``spot`` names."""
        for key in ("/A", "/Border", "/H"):
            annotation.pop(key, None)
        rect = [float(v) for v in annotation["/Rect"]]
        width, height = rect[2] - rect[0], rect[3] - rect[1]
        annotation.update({
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/F"): NumberObject(4),  # printed (when filled in)
            NameObject("/P"): page_ref,
            NameObject("/MK"): DictionaryObject(),  # no border, no background: nothing is drawn on the sheet
        })
        if spot.kind == "choice":
            group = self.node(spot.name)
            if "/FT" not in group:
                group.update({
                    NameObject("/FT"): NameObject("/Btn"),
                    NameObject("/Ff"): NumberObject(FIELD_FLAGS["radio"] | FIELD_FLAGS["no_toggle_to_off"]),
                    NameObject("/V"): NameObject("/Off"),
                    NameObject("/TU"): TextStringObject(spot.label),
                })
            on = NameObject("/" + _name_part(spot.value))
            annotation.update({
                NameObject("/Parent"): group.indirect_reference,
                NameObject("/AS"): NameObject("/Off"),
                NameObject("/DA"): TextStringObject("/ZaDb 0 Tf 0 g"),
                NameObject("/AP"): self._states(on, _ring(width, height), width, height),
            })
            annotation["/MK"][NameObject("/CA")] = TextStringObject("l")
            group["/Kids"].append(annotation.indirect_reference)
            return
        if spot.name in self.nodes or spot.name in self.terminal:
            raise FormError(f"two places on the sheet are both named {spot.name!r}")
        self.terminal.add(spot.name)
        parent, _, part = spot.name.rpartition(".")
        annotation.update({NameObject("/T"): TextStringObject(part), NameObject("/TU"): TextStringObject(spot.label)})
        if spot.kind == "check":
            annotation.update({
                NameObject("/FT"): NameObject("/Btn"),
                NameObject("/V"): NameObject("/Off"),
                NameObject("/AS"): NameObject("/Off"),
                NameObject("/DA"): TextStringObject("/ZaDb 0 Tf 0 g"),
                NameObject("/AP"): self._states(NameObject(ON), _tick(width, height), width, height),
            })
            annotation["/MK"][NameObject("/CA")] = TextStringObject("4")
        else:
            size = TEXT_SIZE if spot.multiline else min(TEXT_SIZE, round(height * 0.6, 1))
            annotation.update({
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/Ff"): NumberObject(FIELD_FLAGS["multiline"] if spot.multiline else 0),
                NameObject("/DA"): TextStringObject(f"/Helv {size:g} Tf 0 g"),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): self._stream(b"/Tx BMC\nEMC\n", width, height)}),
            })
        self._attach(annotation, parent)

    def _states(self, on: NameObject, drawing: bytes, width: float, height: float) -> DictionaryObject:
        """The appearances of a box or a number, ticked or circled and not. A reader switches
        between them (/AS) and never rewrites them, so boxes of one size share theirs."""
        def shared(content: bytes) -> IndirectObject:
            key = (content, round(width, 2), round(height, 2))
            if key not in self.drawings:
                self.drawings[key] = self._stream(content, width, height)
            return self.drawings[key]

        return DictionaryObject({NameObject("/N"): DictionaryObject({on: shared(drawing), NameObject("/Off"): shared(b"")})})

    def _stream(self, content: bytes, width: float, height: float) -> IndirectObject:
        stream = DecodedStreamObject()
        stream.update({
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]),
            NameObject("/Resources"): DictionaryObject(),
        })
        stream.set_data(content)
        return self.update.add(stream)


def _name_part(value: str) -> str:
    """A value as a PDF name's characters (letters, digits, - and _ kept; others dropped)."""
    return re.sub(r"[^A-Za-z0-9_-]", "", value) or "on"


def _tick(width: float, height: float) -> bytes:
    """A tick drawn in a box of that size: three points, a round pen."""
    side = min(width, height)
    x, y = (width - side) / 2, (height - side) / 2
    points = [(0.2, 0.52), (0.42, 0.27), (0.82, 0.78)]
    path = " ".join(f"{x + side * px:.2f} {y + side * py:.2f} {op}" for (px, py), op in zip(points, ("m", "l", "l")))
    return f"q 0 G {max(1.0, side * 0.12):.2f} w 1 J 1 j {path} S Q\n".encode()


def _ring(width: float, height: float) -> bytes:
    """A ring around the number, as a pen circles it: an ellipse inside the box."""
    pen = 1.2
    cx, cy, rx, ry = width / 2, height / 2, width / 2 - pen, height / 2 - pen
    k = 0.5523  # four Bézier curves make an ellipse
    curve = [
        f"{cx + rx:.2f} {cy:.2f} m",
        f"{cx + rx:.2f} {cy + k * ry:.2f} {cx + k * rx:.2f} {cy + ry:.2f} {cx:.2f} {cy + ry:.2f} c",
        f"{cx - k * rx:.2f} {cy + ry:.2f} {cx - rx:.2f} {cy + k * ry:.2f} {cx - rx:.2f} {cy:.2f} c",
        f"{cx - rx:.2f} {cy - k * ry:.2f} {cx - k * rx:.2f} {cy - ry:.2f} {cx:.2f} {cy - ry:.2f} c",
        f"{cx + k * rx:.2f} {cy - ry:.2f} {cx + rx:.2f} {cy - k * ry:.2f} {cx + rx:.2f} {cy:.2f} c",
    ]
    return f"q 0 G {pen} w {' '.join(curve)} S Q\n".encode()


def _acro_form(fields: ArrayObject, add) -> DictionaryObject:
    """The form: its fields, and the two standard fonts its text and boxes use (not embedded);
    ``add`` makes an object indirect and returns the reference."""

    def font(base: str, encoding: bool) -> IndirectObject:
        entry = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                  NameObject("/BaseFont"): NameObject(base)})
        if encoding:
            entry[NameObject("/Encoding")] = NameObject("/WinAnsiEncoding")
        return add(entry)

    return DictionaryObject({
        NameObject("/Fields"): fields,
        NameObject("/DA"): TextStringObject(f"/Helv {TEXT_SIZE} Tf 0 g"),
        NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject({
            NameObject("/Helv"): font("/Helvetica", True),
            NameObject("/ZaDb"): font("/ZapfDingbats", False),
        })}),
    })


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
        latest, bounds = _cross_references(pdf)
        catalog = reader.trailer["/Root"].get_object()
        if len(reader.pages) != 1 or reader.pages[0].raw_get("/Parent") != catalog.raw_get("/Pages"):
            raise FormError(f"the sheet {sheet_id!r} is not one page under its page tree's root")
        tree = catalog.get("/StructTreeRoot")
        form = catalog.get("/AcroForm")
        left_out = {reader.trailer.raw_get("/Root").idnum, *_numbers(reader.trailer.raw_get("/Info")),
                    *_numbers(catalog.raw_get("/Dests") if "/Dests" in catalog else None)}
        numbers: dict[int, int] = {catalog.raw_get("/Pages").idnum: self.pages_ref}
        left_out.add(catalog.raw_get("/Pages").idnum)
        if tree is not None:
            for number in _numbers(catalog.raw_get("/StructTreeRoot")):
                numbers[number] = self.document_ref  # the parent of its kids, now
                left_out.add(number)
            tree = tree.get_object()
            for key in ("/ParentTree", "/IDTree"):
                left_out |= _tree_nodes(tree.raw_get(key)) if key in tree else set()
        group = None
        fields: list[int] = []
        if form is not None:
            form = form.get_object()
            left_out |= _numbers(catalog.raw_get("/AcroForm")) | _numbers(form.raw_get("/DR") if "/DR" in form else None)
            for font in (form.get("/DR") or {}).get("/Font", {}).values():
                left_out |= _numbers(font)
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
            body = _renumber(_object_body(pdf, latest[number], bounds), renumber, key_offset)
            if number in fields:  # a top field of the sheet: now under the sheet's own
                body = body.replace(b"<<", b"<< /Parent %d 0 R " % group, 1)
            self.objects[numbers[number]] = body
        page = reader.pages[0]
        self.pages.append((renumber(page.indirect_reference.idnum), title))
        if tree is not None:
            kids = tree.raw_get("/K")
            kids = kids.get_object() if isinstance(kids.get_object(), ArrayObject) else [kids]
            self.tops += [renumber(kid.idnum) for kid in kids]
            parent_tree = _parent_tree(reader)
            for key, value in parent_tree.items():
                self.parent_tree.append(b"%d %s" % (key + key_offset, _renumber(_raw(value), renumber, 0)))
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
            catalog[NameObject("/AcroForm")] = ref(self.put(_acro_form(ArrayObject(ref(n) for n in self.groups), self.add)))
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


def _numbers(ref) -> set[int]:
    return {ref.idnum} if isinstance(ref, IndirectObject) else set()


def _tree_nodes(ref) -> set[int]:
    """The objects that are nodes of a number or name tree (not the values it holds)."""
    found = _numbers(ref)
    for kid in (ref.get_object().get("/Kids") or []) if ref is not None else []:
        found |= _tree_nodes(kid)
    return found


def _raw(obj: PdfObject) -> bytes:
    body = io.BytesIO()
    obj.write_to_stream(body)
    return body.getvalue()


def _cross_references(pdf: bytes) -> tuple[dict[int, int], list[int]]:
    """Where each object's latest version starts, from the PDF's cross-reference tables (the last
    and each it updates); and where every object and table starts, in order (so each object's
    bytes end before the next start)."""
    latest: dict[int, int] = {}
    bounds = {len(pdf)}
    tail = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf[-1024:])
    position = int(tail.group(1)) if tail else None
    while position is not None:
        if pdf[position:position + 4] != b"xref":
            raise FormError("a sheet's PDF has no cross-reference table to read")
        bounds.add(position)
        at = position + 4
        while (head := _SUBSECTION.match(pdf, at)) is not None:
            first, count = int(head.group(1)), int(head.group(2))
            at = head.end()
            for k in range(count):
                entry = pdf[at:at + 20]
                at += 20
                if entry[17:18] == b"n":
                    offset = int(entry[:10])
                    bounds.add(offset)
                    latest.setdefault(first + k, offset)
        trailer = _TRAILER.match(pdf, at)
        previous = re.search(rb"/Prev\s+(\d+)", trailer.group(1)) if trailer else None
        position = int(previous.group(1)) if previous else None
    return latest, sorted(bounds)


_SUBSECTION = re.compile(rb"\s*(\d+)[ ]+(\d+)[ ]*(?:\r\n|\r|\n)")
_TRAILER = re.compile(rb"\s*trailer\s*(<<.*?>>)\s*startxref", re.S)
_HEADER = re.compile(rb"\d+\s+\d+\s+obj\s*")


def _object_body(pdf: bytes, offset: int, bounds: list[int]) -> bytes:
    """The bytes of the object at ``offset``, between ``n g obj`` and ``endobj``."""
    end = bounds[bisect.bisect_right(bounds, offset)]
    chunk = pdf[offset:end]
    header = _HEADER.match(chunk)
    close = chunk.rfind(b"endobj")
    if header is None or close < 0:
        raise FormError(f"a sheet's PDF has no object where its table says (at {offset})")
    return chunk[header.end():close].rstrip()


# In an object's bytes before any stream data: a literal string (skipped whole, since it may hold
# anything), a reference, a structure key, or the start of the stream data (the rest is copied).
_TOKEN = re.compile(rb"(\()|(?<![\w.+-])(\d+)\s+(\d+)\s+R(?![\w])|(/StructParents?)(\s+)(\d+)|(\bstream(?:\r\n|\n))")


def _renumber(body: bytes, renumber, key_offset: int) -> bytes:
    """``body`` with every reference renumbered and every structure key moved by ``key_offset``."""
    out = bytearray()
    at = 0
    while (token := _TOKEN.search(body, at)) is not None:
        out += body[at:token.start()]
        if token.group(1):
            at = _string_end(body, token.start())
            out += body[token.start():at]
            continue
        if token.group(2):
            out += b"%d 0 R" % renumber(int(token.group(2)))
        elif token.group(4):
            out += token.group(4) + token.group(5) + b"%d" % (int(token.group(6)) + key_offset)
        else:
            out += body[token.start():]
            return bytes(out)
        at = token.end()
    return bytes(out + body[at:])


def _string_end(body: bytes, start: int) -> int:
    """Where the literal string opening at ``start`` ends (after its closing parenthesis)."""
    depth, at = 0, start
    while at < len(body):
        byte = body[at]
        if byte == 0x5C:  # a backslash escapes the next byte
            at += 2
            continue
        depth += (byte == 0x28) - (byte == 0x29)
        at += 1
        if depth == 0:
            return at
    raise FormError("a sheet's PDF has a string that does not end")
