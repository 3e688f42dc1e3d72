"""Every PDF's document information: its title (which readers show, /DisplayDocTitle), subject,
author and maker. Chromium writes the title from the page's and the language from its ``lang``;
the rest is added here: to a PDF the generator writes anyway (a worksheet, the pack) directly, and
to the handout, which Chromium's print is whole already, as an incremental update (ISO 32000-1,
7.5.6): Chromium's bytes stay as they are, followed by the new information dictionary and a
cross-reference section for it alone, so the booklet is never parsed and written out whole."""

from __future__ import annotations

import io
from collections.abc import Mapping

from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, IndirectObject, NameObject, NumberObject, TextStringObject

from ...guide.guide import Guide

CREATOR = "ketamine-integration-guide generator (Chromium)"


def document_info(title: str, subject: str, guide: Guide) -> dict[str, str]:
    return {"/Title": title, "/Subject": subject, "/Author": guide.site.name, "/Creator": CREATOR}


def set_info(writer: PdfWriter, info: Mapping[str, str]) -> None:
    """The information of a PDF being written, and readers showing its title."""
    writer.add_metadata(dict(info))
    preferences = writer.root_object.setdefault(NameObject("/ViewerPreferences"), DictionaryObject())
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)


def with_info(pdf: bytes, info: Mapping[str, str]) -> bytes:
    """``pdf`` (as Chromium printed it: a cross-reference table at its end) with a new document
    information dictionary, the old one's other entries kept, appended as an incremental update."""
    reader = PdfReader(io.BytesIO(pdf))
    record = DictionaryObject()
    old = reader.trailer.get("/Info")
    for key, value in (old.get_object().items() if old is not None else ()):
        record[NameObject(key)] = value
    for key, value in info.items():
        record[NameObject(key)] = TextStringObject(value)
    number = int(reader.trailer["/Size"])
    body = io.BytesIO()
    record.write_to_stream(body)
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offset = len(out)
    out += b"%d 0 obj\n" % number + body.getvalue() + b"\nendobj\n"
    table = len(out)
    trailer = DictionaryObject({
        NameObject("/Size"): NumberObject(number + 1),
        NameObject("/Root"): reader.trailer.raw_get("/Root"),
        NameObject("/Info"): IndirectObject(number, 0, reader),
        NameObject("/Prev"): NumberObject(reader._startxref),
    })
    body = io.BytesIO()
    trailer.write_to_stream(body)
    out += b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (number, offset)
    out += b"trailer\n" + body.getvalue() + b"\nstartxref\n%d\n%%%%EOF\n" % table
    return bytes(out)
