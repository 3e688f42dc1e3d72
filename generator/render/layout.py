"""Where each rendered page and each PDF lives in the built site: one place for every path.

Pages are Markdown at ``<id>.md`` (``index.md`` is the home page); worksheets at
``worksheets/<id>.md``; the handout at ``handout.md`` (built, not in the menu). PDFs are made
after the site build (generator/publish/pdf/) into ``downloads/``. Links to the PDFs are plain
HTML, since an engine cannot check files that do not exist yet; they assume directory URLs
(``/worksheets/<id>/``), as mkdocs.yml sets.
"""

from __future__ import annotations

from pathlib import Path

WORKSHEETS_DIR = "worksheets"
DOWNLOADS_DIR = "downloads"
HANDOUT_PAGE = "handout.md"
PAPER_SIZES = ("a4", "letter")
PAPER_FORMAT = {"a4": "A4", "letter": "Letter"}  # as Chromium names them
PAPER_NAME = {"a4": "A4", "letter": "US Letter"}  # as people do
PAPER_INCHES = {"a4": (8.27, 11.7), "letter": (8.5, 11.0)}  # width and height, as Chromium prints each format


BRAND_CSS = "stylesheets/brand.css"
HANDOUT_CSS = "stylesheets/handout.css"  # hand-written: the booklet's print layout (templates/assets/)
HANDOUT_PAGES_CSS = "stylesheets/handout-pages.css"  # made per build: running heads, brand colour, crisis foot


def brand_asset(key: str, source: Path) -> str:
    """Where a clinic's logo or favicon goes: ``brand/logo.svg``, keeping the file's own type."""
    return f"brand/{key}{source.suffix.lower()}"


def page_path(page_id: str) -> str:
    return f"{page_id}.md"


def worksheet_path(worksheet_id: str) -> str:
    return f"{WORKSHEETS_DIR}/{worksheet_id}.md"


def page_address(path: str) -> str:
    """The address, from the site's root, of the page rendered at ``path`` (``page_path``,
    ``worksheet_path``): ``worksheets/journal.md`` is at ``worksheets/journal/``, ``index.md`` at the
    root (""). For links in raw HTML, which the engine does not resolve as it does Markdown's
    ``.md`` links; written after ``site_root`` (generator/render/pages.py), they work from any page
    of any language, and the offline copy turns them into its ``index.html`` files."""
    folder = path.removesuffix(".md")
    return "" if folder == "index" else folder.removesuffix("/index") + "/"


def worksheet_pdf(name: str, paper: str) -> str:
    """Where a worksheet's (or the pack's, name 'all-worksheets') PDF goes in the built site."""
    return f"{DOWNLOADS_DIR}/{WORKSHEETS_DIR}/{name}-{paper}.pdf"


def handout_pdf(paper: str) -> str:
    return f"{DOWNLOADS_DIR}/handout-{paper}.pdf"
