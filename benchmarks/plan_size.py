"""Print the plan page's own JavaScript and CSS sizes as served (minified: generator/publish/minify.py),
raw and gzipped (level 9), beside the commented sources' size, the words its
scripts show (plan.yml's messages, schedule and screens, carried in the page's HTML), and, for a built site,
what the service worker downloads on a first visit: its precache, each file once, as served by a
plain server and gzipped as most hosts serve it, beside what the worker before issue 14 downloaded
(every file but the PDFs, each page twice). Usage: .venv/bin/python benchmarks/plan_size.py [built site]"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import Project, generate  # noqa: E402
from generator.blocks.plan_builder import PlanBuilderBlock  # noqa: E402
from generator.publish.minify import minified  # noqa: E402
from generator.publish.service_worker import SERVICE_WORKER, precache_files  # noqa: E402

ASSETS = ROOT / "templates" / "assets"
PLAN_FILES = sorted(p.relative_to(ASSETS).as_posix() for p in (ASSETS / "javascripts" / "plan").glob("*.js")) + ["stylesheets/plan.css"]
OWN_FILES = PLAN_FILES + ["javascripts/offline.js"]  # offline.js is on every page, the plan's included


def main() -> None:
    total_raw = total_gz = source_gz = 0
    for name in OWN_FILES:
        source = (ASSETS / name).read_text(encoding="utf-8")
        data = minified(ASSETS / name, source).encode()
        packed = len(gzip.compress(data, 9))  # each file is its own response, so each is gzipped alone
        total_raw, total_gz = total_raw + len(data), total_gz + packed
        source_gz += len(gzip.compress(source.encode(), 9))
        print(f"{name:32} {len(data):7,} bytes  {packed:6,} gzipped")
        if name == PLAN_FILES[-1]:
            print(f"{'plan builder, JS + CSS':32} {total_raw:7,} bytes  {total_gz:6,} gzipped ({total_gz / 1024:.1f} KiB; "
                  f"the commented sources: {source_gz / 1024:.1f} KiB)")
    print(f"{'plan page, own files':32} {total_raw:7,} bytes  {total_gz:6,} gzipped")
    guide, _ = generate(Project.at(ROOT))
    block = next(b for page in guide.pages for b in page.blocks if isinstance(b, PlanBuilderBlock))
    words = json.dumps({"messages": block.messages.model_dump(), "schedule": block.schedule.model_dump(),
                        "screens": block.screens.model_dump()}).encode()
    print(f"{'words, in the page (#plan-text)':32} {len(words):7,} bytes  {len(gzip.compress(words, 9)):6,} alone gzipped")
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
        sw = site / "sw.js"
        print(f"{'sw.js (generated)':32} {sw.stat().st_size:7,} bytes  {len(gzip.compress(sw.read_bytes(), 9)):6,} gzipped")
        files = precache_files(site)
        raw = sum((site / f).stat().st_size for f in files)
        packed = sum(len(gzip.compress((site / f).read_bytes(), 6)) for f in files)
        print(f"precached on first visit: {len(files)} files, {raw / 1e6:.2f} MB ({packed / 1e6:.2f} MB gzipped)")
        everything = [p for p in site.rglob("*") if p.is_file() and p.name not in (SERVICE_WORKER, "_headers")
                      and not p.name.endswith(".map") and not p.name.startswith(".")]
        pdfs = [p for p in everything if p.suffix == ".pdf"]
        rest = [p for p in everything if p.suffix != ".pdf"]
        twice = [p for p in rest if p.name == "index.html"]  # listed as x/index.html and as x/
        before = sum(p.stat().st_size for p in rest + twice)
        print(f"before (the worker of issue 14: every file but the PDFs, each page twice): "
              f"{len(rest) + len(twice)} downloads, {before / 1e6:.2f} MB")
        print(f"PDFs, kept once opened: {len(pdfs)} files, {sum(p.stat().st_size for p in pdfs) / 1e6:.2f} MB")

if __name__ == "__main__":
    main()
