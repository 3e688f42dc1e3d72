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
