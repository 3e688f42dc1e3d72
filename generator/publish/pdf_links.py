"""The links inside finished PDFs: none may lead to this machine (the loopback server the PDFs were
printed from). print_edition.py sees to that before printing; this PDF post-step checks every PDF
made, so that a link the pre-step missed fails the build, naming the PDF and the address, rather
than reaching a patient's hands."""

from __future__ import annotations

import io

from pypdf import PdfReader

from ..problems import BuildFailed
from .print_edition import is_local


def link_addresses(pdf: bytes) -> list[str]:
    """Every address a link in the PDF opens (its URI actions), in page order."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri is not None:
                found.append(str(uri))
    return found


def local_links(pdf: bytes) -> list[str]:
    """The links that lead to this machine (http://127.0.0.1:…, localhost): none should be left."""
    return [uri for uri in link_addresses(pdf) if is_local(uri)]


def check_links(files: dict[str, bytes]) -> dict[str, bytes]:
    """The PDFs as they are, or BuildFailed naming each PDF that links to this machine."""
    problems = [f"{name} links to {links[0]}" + (f" and {len(links) - 1} more" if len(links) > 1 else "")
                for name, pdf in files.items() if name.endswith(".pdf") and (links := local_links(pdf))]
    if problems:
        raise BuildFailed("PDFs would link to the build's own local server: " + "; ".join(problems))
    return files
