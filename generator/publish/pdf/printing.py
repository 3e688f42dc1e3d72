"""The PDF step as every build runs it, over a built site of every language: one Chromium prints
every language's worksheets (sheets.py) and each language's handout (handout.py) from the site served ready for
paper (print_edition.py: links to the published site or plain text, QR codes drawn); no print may
link to this machine (links.py). The site build, `make pdf` and both engines' offline copies call
``print_all_pdfs``."""

from __future__ import annotations

from pathlib import Path

from ...guide.guide import Guide
from ..site_url import published_site_url
from .bounds import check_temporary_space
from .browser import print_page
from .handout import handout_pdfs
from .print_edition import serving_for_print
from .sheets import worksheet_pdfs


def print_all_pdfs(site_dir: Path, guides: list[Guide], project_root: Path) -> dict[str, bytes]:
    """Every PDF of every language of the guide, by its path inside the site (``es/downloads/...``
    for a language after the first), printed from the hosted build in ``site_dir``."""
    if not guides:
        return {}
    check_temporary_space()
    site_url = published_site_url(guides[0].brand, project_root / "mkdocs.yml")  # one clinic, one address
    files: dict[str, bytes] = {}
    with serving_for_print(site_dir, site_url) as base_url, print_page() as page:
        files.update(worksheet_pdfs(page, base_url, guides))  # every language's sheets in one print per paper
        for guide in guides:
            made = handout_pdfs(page, base_url + guide.address_prefix, guide)  # "es/" after the first language
            files.update({guide.address_prefix + path: pdf for path, pdf in made.items()})
    return files
