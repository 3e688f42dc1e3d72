"""The links inside the PDFs: none may lead to this machine (the loopback server the PDFs were
printed from). print_edition.py sees to that before printing; this post-step checks every print
Chromium made, so that a link the pre-step missed fails the build, naming the PDF and the
address, rather than reaching a patient's hands."""

from __future__ import annotations

import io

from pypdf import PdfReader

from ...problems import BuildFailed
from .print_edition import is_local


def link_addresses(pdf: bytes | PdfReader) -> list[str]:
    """Every address a link in the PDF opens (its URI actions), in page order."""
    reader = pdf if isinstance(pdf, PdfReader) else PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri is not None:
                found.append(str(uri))
    return found


def local_links(pdf: bytes | PdfReader) -> list[str]:
    """The links that lead to this machine (http://127.0.0.1:…, localhost): none should be left."""
    return [uri for uri in link_addresses(pdf) if is_local(uri)]


def check_reader(reader: PdfReader, name: str) -> None:
    """Nothing, or BuildFailed naming the print and the first address on this machine it links to."""
    links = local_links(reader)
    if links:
        more = f" and {len(links) - 1} more" if len(links) > 1 else ""
        raise BuildFailed(f"PDFs would link to the build's own local server: {name} links to {links[0]}{more}")
