"""The PDF set's CPU against its floor (a benchmark that prints figures, not a timed test).

    .venv/bin/python benchmarks/bench_pdfs.py              # best of 3 runs of each
    .venv/bin/python benchmarks/bench_pdfs.py --runs 5

It builds the site once without PDFs into a temporary folder, then measures, each in a new
process and interleaved so that a busy moment of the machine hits both alike:
  floor    Chromium printing one worksheet cold: start Python and Playwright, launch Chromium
           (the generator's own flags), load the first worksheet's page, print it (A4), close;
  PDF set  what `python -m generator site` does after its build: load the guide, then
           generator.publish.pdfs.make_pdfs over that built site (every worksheet in both
           paper sizes, the packs, the handouts).
Times are CPU seconds (user + system) of the process and of everything it started. Chromium's
renderer and helper processes are not waited for by their own parents when the browser closes,
so getrusage(RUSAGE_CHILDREN) alone misses them (about 40% of the floor): this process makes
itself their subreaper (Linux prctl PR_SET_CHILD_SUBREAPER), reaps every one, and counts them.
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

# The PDF set: the guide loaded and every PDF made, as the `site` command does after its build.
PDF_SET = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.guide.assemble import load_guide
from generator.publish.pdfs import make_pdfs
site = json.loads(sys.argv[2])
files = make_pdfs(Path(site), load_guide(Path(sys.argv[1]) / "content"))
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
    """Best of ``runs`` of the floor and of the PDF set, interleaved, over one built site."""
    sys.path.insert(0, str(ROOT))
    from generator.guide.assemble import load_guide
    from generator.publish.pdfs import CHROMIUM, CHROMIUM_ARGS

    counted_all = _adopt_orphans()
    first = load_guide(ROOT / "content").worksheets[0].id
    with tempfile.TemporaryDirectory(prefix="bench-pdfs-") as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        floors, sets, count = [], [], ""
        for _ in range(runs):
            floors.append(cpu(FLOOR, [CHROMIUM, CHROMIUM_ARGS, str(site), first])[0])
            seconds, count = cpu(PDF_SET, str(site))
            sets.append(seconds)
    return {"floor": min(floors), "set": min(sets), "pdfs": int(count), "sheet": first, "all_counted": counted_all}


def summary(r: dict) -> str:
    return (f"PDF set: {r['set']:.2f} s CPU for {r['pdfs']} PDFs; floor (one worksheet, {r['sheet']}, printed cold): "
            f"{r['floor']:.2f} s; ratio {r['set'] / r['floor']:.2f}x (target <= 2x)"
            + ("" if r["all_counted"] else " [Chromium's orphaned processes not counted: no subreaper here]"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(summary(measure(args.runs)))
    print(f"(CPU seconds, user + system, best of {args.runs} runs, floor and set interleaved, each a new process with "
          "everything it started, Chromium included)")


if __name__ == "__main__":
    main()
