"""The PDF set's CPU against its floor (a benchmark that prints figures, not a timed test).

    .venv/bin/python benchmarks/bench_pdfs.py              # best of 3 runs of each
    .venv/bin/python benchmarks/bench_pdfs.py --runs 5

It builds the site once without PDFs into a temporary folder, then measures, each in a new
process and interleaved so that a busy moment of the machine hits all alike:
  floor         Chromium printing one worksheet cold: start Python and Playwright, launch Chromium
                (the generator's own flags), load the first worksheet's page, print it (A4), close;
  English set   the PDF step (generator.publish.pdf.print_all_pdfs) over that built site for the
                first language alone: every worksheet in both paper sizes, the packs, the handouts;
  whole set     the same for every language: exactly what `python -m generator site` (`make build`)
                prints after its build.
Times are CPU seconds (user + system) of the process and of everything it started. Chromium's
renderer and helper processes are not waited for by their own parents when the browser closes,
so getrusage(RUSAGE_CHILDREN) alone misses them (about 40% of the floor): this process makes
itself their subreaper (Linux prctl PR_SET_CHILD_SUBREAPER), reaps every one, and counts them.
Targets (issue 18): the English set at most 2x the floor, the whole set at most 3x.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "GUIDE_CLINIC": "none"}
PR_SET_CHILD_SUBREAPER = 36
TARGETS = {"english": 2.0, "all": 3.0}

# The floor: as little as a cold print needs (no generator import beyond the loopback server).
FLOOR = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.publish.loopback import serving
from playwright.sync_api import sync_playwright
chromium, args, site, sheet = json.loads(sys.argv[2])
with serving(Path(site)) as base, sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=args)
    page = browser.new_page()
    page.goto(f"{base}worksheets/{sheet}/", wait_until="load")
    page.pdf(format="A4", tagged=True)
    browser.close()
"""

# A PDF set: the guides loaded and their PDFs made, as the `site` command does after its build.
PDF_SET = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.guide.assemble import load_guides
from generator.publish.pdf import print_all_pdfs
site, languages = json.loads(sys.argv[2])
root = Path(sys.argv[1])
files = print_all_pdfs(Path(site), load_guides(root / "content")[:languages], root)
print(len(files))
"""


def _adopt_orphans() -> bool:
    """Become the subreaper of every process we start, so that their orphans are ours to count."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _reap() -> None:
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def cpu(code: str, argument) -> tuple[float, str]:
    """CPU seconds of ``python -c code`` and of every process it started; and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-c", code, str(ROOT), json.dumps(argument)], cwd=ROOT, env=ENV,
                            capture_output=True, text=True)
    _reap()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"failed:\n{result.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), result.stdout.strip()


def build_site(out: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "site", "--no-pdf", "--out", str(out)], cwd=ROOT,
                            env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the site build failed:\n{result.stderr[-2000:]}")


def measure(runs: int = 3) -> dict:
    """Best of ``runs`` of the floor, the English set and the whole set, interleaved, over one built site."""
    sys.path.insert(0, str(ROOT))
    from generator.guide.assemble import load_guides
    from generator.publish.pdf.browser import CHROMIUM, CHROMIUM_ARGS

    counted_all = _adopt_orphans()
    guides = load_guides(ROOT / "content")
    first = guides[0].worksheets[0].id
    with tempfile.TemporaryDirectory(prefix="bench-pdfs-") as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        times: dict[str, list[float]] = {"floor": [], "english": [], "all": []}
        counts: dict[str, int] = {}
        for _ in range(runs):
            times["floor"].append(cpu(FLOOR, [CHROMIUM, CHROMIUM_ARGS, str(site), first])[0])
            for name, languages in (("english", 1), ("all", len(guides))):
                seconds, count = cpu(PDF_SET, [str(site), languages])
                times[name].append(seconds)
                counts[name] = int(count)
    return {"floor": min(times["floor"]), "english": min(times["english"]), "all": min(times["all"]),
            "pdfs": counts, "languages": len(guides), "sheet": first, "all_counted": counted_all}


def summary(r: dict) -> str:
    ratio = {name: r[name] / r["floor"] for name in TARGETS}
    return (f"PDF set: English {r['english']:.2f} s CPU for {r['pdfs']['english']} PDFs, ratio {ratio['english']:.2f}x "
            f"(target <= {TARGETS['english']:g}x); all {r['languages']} languages {r['all']:.2f} s for {r['pdfs']['all']} "
            f"PDFs, ratio {ratio['all']:.2f}x (target <= {TARGETS['all']:g}x); floor (one worksheet, {r['sheet']}, "
            f"printed cold) {r['floor']:.2f} s"
            + ("" if r["all_counted"] else " [Chromium's orphaned processes not counted: no subreaper here]"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(summary(measure(args.runs)))
    print(f"(CPU seconds, user + system, best of {args.runs} runs, floor and sets interleaved, each a new process with "
          "everything it started, Chromium included)")


if __name__ == "__main__":
    main()
