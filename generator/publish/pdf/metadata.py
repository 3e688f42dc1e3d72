"""Every PDF's document information (its title, which readers show, /DisplayDocTitle; subject, author
and maker), and the way the step adds to a PDF Chromium printed without writing it out again.

Chromium writes the title from the page's and the language from its ``lang``; the rest is added
here: to a PDF the generator writes anyway (each worksheet, each pack) directly, and to one
Chromium's print is whole already (the handout) as an incremental update (ISO 32000-1, 7.5.6):
Chromium's bytes stay as they are, followed by the objects the step read and changed, and those it
made, with a cross-reference section for them alone. So a booklet is never parsed and written out
whole: only what the step reads is parsed (pypdf reads objects as they are asked for), and
tests/site/test_pdfs.py has qpdf check every PDF made.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, IndirectObject, NameObject, NumberObject, PdfObject, TextStringObject

from ...guide.guide import Guide

CREATOR = "ketamine-integration-guide generator (Chromium)"


def document_info(title: str, subject: str, guide: Guide) -> dict[str, str]:
    return {"/Title": title, "/Subject": subject, "/Author": guide.site.name, "/Creator": CREATOR}


def set_info(writer: PdfWriter, info: Mapping[str, str]) -> None:
    """The information of a PDF being written, and readers showing its title."""
    writer.add_metadata(dict(info))
    preferences = writer.root_object.setdefault(NameObject("/ViewerPreferences"), DictionaryObject())
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)


class Appended:
    """A PDF as Chromium printed it (a cross-reference table at its end), to add to: ``reader`` to
    read (and change) its objects, ``add`` for new ones, ``add_metadata``; ``write`` appends every
    object read or made."""

    def __init__(self, pdf: bytes):
        self.pdf = pdf
        self.reader = PdfReader(io.BytesIO(pdf))
        self.size = int(self.reader.trailer["/Size"])
        self.made: dict[int, PdfObject] = {}
        self.info: IndirectObject | None = None

    def add(self, obj: PdfObject) -> IndirectObject:
        number, self.size = self.size, self.size + 1
        self.made[number] = obj
        obj.indirect_reference = IndirectObject(number, 0, self)
        return obj.indirect_reference

    def add_metadata(self, info: Mapping[str, str]) -> None:
        """A new information dictionary: the old one's entries, and ``info``."""
        record = DictionaryObject()
        old = self.reader.trailer.get("/Info")
        for key, value in (old.get_object().items() if old is not None else ()):
            record[NameObject(key)] = value
        for key, value in info.items():
            record[NameObject(key)] = TextStringObject(value)
        self.info = self.add(record)

    def write(self) -> bytes:
        objects = {idnum: obj for (generation, idnum), obj in self.reader.resolved_objects.items()
                   if obj is not None and generation == 0}  # everything read, changed or not
        objects.update(self.made)
        out = bytearray(self.pdf if self.pdf.endswith(b"\n") else self.pdf + b"\n")
        offsets = {}
        for number in sorted(objects):
            offsets[number] = len(out)
            body = io.BytesIO()
            objects[number].write_to_stream(body)
            out += b"%d 0 obj\n" % number + body.getvalue() + b"\nendobj\n"
        table = len(out)
        out += b"xref\n0 1\n0000000000 65535 f \n"
        numbers = sorted(offsets)
        while numbers:  # a subsection per run of consecutive object numbers
            run = 1
            while run < len(numbers) and numbers[run] == numbers[0] + run:
                run += 1
            out += b"%d %d\n" % (numbers[0], run) + b"".join(b"%010d 00000 n \n" % offsets[n] for n in numbers[:run])
            numbers = numbers[run:]
        trailer = DictionaryObject({NameObject("/Size"): NumberObject(self.size), NameObject("/Root"): self.reader.trailer.raw_get("/Root"),
                                    NameObject("/Prev"): NumberObject(self.reader._startxref)})
        if self.info is not None or "/Info" in self.reader.trailer:
            trailer[NameObject("/Info")] = self.info or self.reader.trailer.raw_get("/Info")
        body = io.BytesIO()
        trailer.write_to_stream(body)
        out += b"trailer\n" + body.getvalue() + b"\nstartxref\n%d\n%%%%EOF\n" % table
        return bytes(out)


def with_info(pdf: bytes, info: Mapping[str, str]) -> bytes:
    """``pdf`` with a new document information dictionary (``info``, the old one's other entries
    kept), appended as an incremental update."""
    update = Appended(pdf)
    update.add_metadata(info)
    return update.write()
