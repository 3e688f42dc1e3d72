"""PDF objects at the level of their bytes, for the PDF step's additions to Chromium's PDFs: an
incremental update (ISO 32000-1, 7.5.6: Chromium's bytes stay as they are, followed by the new and
changed objects only, so no PDF is parsed and written out whole a second time), the metadata
written that way, and reading objects and cross-reference tables straight from the bytes (the pack,
pdf_pack.py, copies objects without parsing them)."""

from __future__ import annotations

import bisect
import io
import re
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



TEXT_SIZE = 11  # points: the size of typed text, smaller where a place is not that high


class FormError(ValueError):
    """The marks and the printed PDF do not agree (a place without its link, a name used twice)."""



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


def structure_parents(reader: PdfReader) -> dict[int, PdfObject]:
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


def acro_form(fields: ArrayObject, add) -> DictionaryObject:
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


def object_numbers(ref) -> set[int]:
    return {ref.idnum} if isinstance(ref, IndirectObject) else set()


def tree_nodes(ref) -> set[int]:
    """The objects that are nodes of a number or name tree (not the values it holds)."""
    found = object_numbers(ref)
    for kid in (ref.get_object().get("/Kids") or []) if ref is not None else []:
        found |= tree_nodes(kid)
    return found


def raw_bytes(obj: PdfObject) -> bytes:
    body = io.BytesIO()
    obj.write_to_stream(body)
    return body.getvalue()


def cross_references(pdf: bytes) -> tuple[dict[int, int], list[int]]:
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


def object_body(pdf: bytes, offset: int, bounds: list[int]) -> bytes:
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


def renumber_references(body: bytes, renumber, key_offset: int) -> bytes:
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
