"""How far down a phone screen each guide page's first paragraph starts (a figure, not a test).

    .venv/bin/python benchmarks/first_paragraph.py SITE_DIR [WIDTH]

Serves a built site on loopback and opens every page but the worksheets and the handout in
Debian's Chromium at WIDTH px (default 390, a common phone) by 844 px, then prints the distance in
CSS pixels from the top of the page to its first paragraph of text that is not in a notice box.
tests/browser/test_quality_site.py holds every such page to 700 px, with the same measure.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from generator.publish.loopback import serving  # noqa: E402
from helpers import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from site_checks import first_paragraph_offsets, page_urls  # noqa: E402


def main() -> None:
    from playwright.sync_api import sync_playwright

    site = Path(sys.argv[1])
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 390
    with serving(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = [(path, link) for path, link in page_urls(site, url) if not path.startswith(("worksheets/", "handout/"))]
        for path, top in first_paragraph_offsets(browser, pages, width):
            print(f"{path:40} {top if top is not None else 'none':>6} px")
        browser.close()


if __name__ == "__main__":
    main()
