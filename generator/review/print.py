"""The pack on paper: its HTML printed to PDF by Debian's Chromium, driven by Playwright, the way
the guide's own PDFs are printed. The HTML loads nothing from anywhere, so no server is needed."""

from __future__ import annotations

import os
from pathlib import Path

from ..problems import BuildFailed

CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAPER = {"a4": "A4", "letter": "Letter"}


def print_pack(html: str, paper: str = "a4", title: str = "") -> bytes:
    if not Path(CHROMIUM).exists():
        raise BuildFailed(f"{CHROMIUM} is missing, so the pack cannot be printed: run `make browser` (or set GUIDE_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(offline=True, service_workers="block").new_page()
            page.set_content(html, wait_until="load")
            return page.pdf(format=PAPER.get(paper, "A4"), tagged=True, outline=True, print_background=True,
                            display_header_footer=True, header_template="<span></span>",
                            footer_template='<div style="font-size:9px;width:100%;text-align:center;color:#555">'
                                            f'{title} · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>')
        finally:
            browser.close()
