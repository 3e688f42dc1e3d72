"""Debian's Chromium as the PDF step drives it (through Playwright): one browser for every
language, one page that prints everything.

The page is shown as for print throughout (``emulate_media``), so Chromium does not lay it out
again for the screen after each print. Its scripts do not run: nothing printed needs them (the
step's own scripts run through Playwright all the same), and the theme's search and page scripts
were a third of each page's load. Service workers are blocked: the site's would cache every
page on the first visit, and nothing printed needs it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ...problems import BuildFailed
from ...render.layout import PAPER_FORMAT
from .bounds import bounded_pdf

CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@contextmanager
def print_page() -> Iterator:
    """A Chromium page laid out for print, for as long as the block runs."""
    if not Path(CHROMIUM).exists():
        raise BuildFailed(f"{CHROMIUM} is missing, so no PDFs can be made: run `make browser` (or set GUIDE_CHROMIUM)")
    from playwright.sync_api import sync_playwright  # only the PDF step needs a browser

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(service_workers="block", java_script_enabled=False).new_page()
            page.emulate_media(media="print")
            yield page
        finally:
            browser.close()


# The paper of every print is the print's own: a clinic's brand.css names the paper its country uses,
# for printing from the browser (`@page { size: A4 }`), and Chromium fits a page of that size onto
# paper of another by shrinking it (12 pt text printed at 11.3 pt on US Letter). `size: auto`, last,
# takes the paper the print asks for, as where no size is named. (Naming the print's own size would
# not do: Chromium then lays the page out otherwise than for a print with no size named.)
OWN_PAPER = """() => {
    if (document.getElementById('guide-paper')) return;
    const style = document.head.appendChild(document.createElement('style'));
    style.id = 'guide-paper';
    style.textContent = '@page { size: auto; }';
}"""


def print_pdf(page, paper: str, what: str, outline: bool = False) -> bytes:
    """The page printed on ``paper`` ("a4", "letter"), tagged; with bookmarks if ``outline``; within
    the bounds of bounds.py (``what`` names the page in the error)."""
    page.evaluate(OWN_PAPER)
    return bounded_pdf(page, what, format=PAPER_FORMAT[paper], tagged=True, outline=outline)
