"""The PDF step as every build runs it, over a built site of every language: one Chromium prints
every language's worksheets (sheets.py) and each language's handout (handout.py) from the site served ready for
paper (print_edition.py: links to the published site or plain text, QR codes drawn); no print may
link to this machine (links.py). The site build, `make pdf` and both engines' offline copies call
``print_all_pdfs``.

Python's cyclic garbage collector is paused while the step runs (``collector_paused``): the step
reads each print whole with pypdf (tens of thousands of objects that stay alive while every sheet
is taken out of it) and makes hundreds of thousands more that live a moment, and each collection
walked all of those again: a quarter of the step's own CPU. What the step leaves behind (pypdf's
objects refer to their document and back) is collected once at its end."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
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
    with collector_paused(), serving_for_print(site_dir, site_url) as base_url, print_page() as page:
        files.update(worksheet_pdfs(page, base_url, guides))  # every language's sheets in one print per paper
        for guide in guides:
            made = handout_pdfs(page, base_url + guide.address_prefix, guide)  # "es/" after the first language
            files.update({guide.address_prefix + path: pdf for path, pdf in made.items()})
    return files


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for as long as the block runs (see the module's doc),
    then one collection; as it was before, whatever happens."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
        gc.collect()
