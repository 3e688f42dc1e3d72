"""How far today's content is from each bound of generator/source/bounds.py and
generator/publish/print_bounds.py (a benchmark that prints figures, not a test).

    .venv/bin/python benchmarks/bench_bounds.py            # the content's figures (seconds)
    .venv/bin/python benchmarks/bench_bounds.py --print    # and the handout printed: its elements, memory, time

The figures README.md ("Editing the content") gives beside each bound come from here.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import Project, generate_all  # noqa: E402
from generator.publish import print_bounds  # noqa: E402
from generator.render.layout import HANDOUT_PAGE  # noqa: E402
from generator.source import bounds  # noqa: E402
from generator.source.yaml_reader import load_yaml, texts  # noqa: E402


def _lists(data, at=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _lists(value, at + (key,))
    elif isinstance(data, list):
        yield len(data), at
        for i, value in enumerate(data):
            yield from _lists(value, at + (i,))


def content_figures() -> None:
    files = sorted([*(ROOT / "content").rglob("*.yml"), *(ROOT / "clinics").rglob("*.yml")])
    docs = [load_yaml(path, root=ROOT) for path in files]
    longest_list = max((n, doc.name, at) for doc in docs for n, at in _lists(doc.data))
    longest_text = max((len(text), doc.name, at) for doc in docs for at, text in texts(doc.data))
    print(f"{'bound':<34}{'at most':>12}{'today':>12}  where")
    print(f"{'items in one list':<34}{bounds.MAX_LIST_ITEMS:>12,}{longest_list[0]:>12,}  {longest_list[1]} {longest_list[2]}")
    print(f"{'characters in one text':<34}{bounds.MAX_TEXT_CHARACTERS:>12,}{longest_text[0]:>12,}  {longest_text[1]}")
    for guide, rendered in generate_all(Project.at(ROOT)):
        sizes = {path: len(text.encode("utf-8")) for path, text in rendered.pages.items()}
        page = max((size, path) for path, size in sizes.items() if path != HANDOUT_PAGE)
        language = guide.site.language
        print(f"{f'a page ({language})':<34}{bounds.MAX_PAGE_BYTES:>12,}{page[0]:>12,}  {page[1]}")
        print(f"{f'the handout ({language})':<34}{bounds.MAX_HANDOUT_BYTES:>12,}{sizes[HANDOUT_PAGE]:>12,}")
        print(f"{f'every page together ({language})':<34}{bounds.MAX_GUIDE_BYTES:>12,}{sum(sizes.values()):>12,}")


def print_figures() -> None:
    """Build our site without PDFs, then print the English handout as the PDF step does, with the
    watchdog's peak memory (Chromium's processes added up) and the time."""
    import subprocess

    from playwright.sync_api import sync_playwright

    from generator.publish.loopback import serving
    from generator.publish.pdfs import CHROMIUM, CHROMIUM_ARGS

    peaks: list[int] = []
    stop = print_bounds._Watch.stop

    def recording_stop(watch):
        stop(watch)
        peaks.append(watch.peak)

    print_bounds._Watch.stop = recording_stop
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        built = subprocess.run([sys.executable, "-m", "generator", "site", "--no-pdf", "--out", str(site)], cwd=ROOT,
                               capture_output=True, text=True,
                               env={**os.environ, "GUIDE_CLINIC": "none", "NO_MKDOCS_2_WARNING": "1"})
        if built.returncode:
            sys.exit(built.stderr)
        with serving(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context(service_workers="block").new_page()
            page.emulate_media(media="print")
            page.goto(f"{url}handout/", wait_until="load")
            elements = page.evaluate("() => document.getElementsByTagName('*').length")
            started = time.monotonic()
            print_bounds.bounded_pdf(page, "the handout", format="A4", tagged=True, outline=True)
            seconds = time.monotonic() - started
            browser.close()
    print(f"{'handout: elements':<34}{print_bounds.MAX_PRINT_ELEMENTS:>12,}{elements:>12,}")
    print(f"{'handout: memory while printing, MB':<34}{print_bounds.MAX_PRINT_MEMORY // 1024**2:>12,}"
          f"{max(peaks) // 1024**2:>12,}  (polled every {print_bounds.POLL_SECONDS} s)")
    print(f"{'handout: seconds to print':<34}{print_bounds.MAX_PRINT_SECONDS:>12,}{seconds:>12.1f}")


if __name__ == "__main__":
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--print", action="store_true", help="also print the handout and measure it")
    arguments = options.parse_args()
    content_figures()
    if arguments.print:
        print_figures()
