"""The PDF step as every build runs it: print from a copy of the built site made ready for paper
(print_edition.py: links to the published site or plain text, QR codes drawn), then check that no
PDF links to this machine. The site build, `make pdf` and both engines' offline copies call this."""

from __future__ import annotations

from pathlib import Path

from ..guide.guide import Guide
from .pdf_links import check_links
from .pdfs import make_pdfs
from .print_bounds import check_temporary_space
from .print_edition import print_edition
from .site_url import published_site_url


def print_pdfs(site_dir: Path, guide: Guide, project_root: Path) -> dict[str, bytes]:
    """Every PDF of the guide in its language, by its path inside the site (``es/downloads/...``
    for a language after the first), printed from the hosted build in ``site_dir``."""
    with print_edition(site_dir, published_site_url(guide.brand, project_root / "mkdocs.yml")) as printable:
        return check_links(make_pdfs(printable, guide))


def print_all_pdfs(site_dir: Path, guides: list[Guide], project_root: Path) -> dict[str, bytes]:
    """The PDFs of every language of the guide."""
    check_temporary_space()
    files: dict[str, bytes] = {}
    for guide in guides:
        files.update(print_pdfs(site_dir, guide, project_root))
    return files
