"""Print the plan page's own JavaScript and CSS sizes, raw and gzipped (level 9), and the size of
what the service worker precaches. Usage: .venv/bin/python benchmarks/plan_size.py [built site]"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.publish.service_worker import site_files  # noqa: E402

OWN_FILES = ["javascripts/plan.js", "stylesheets/plan.css", "javascripts/offline.js"]


def main() -> None:
    assets = ROOT / "templates" / "assets"
    total_raw = total_gz = 0
    for name in OWN_FILES:
        data = (assets / name).read_bytes()
        packed = len(gzip.compress(data, 9))
        total_raw, total_gz = total_raw + len(data), total_gz + packed
        print(f"{name:28} {len(data):7,} bytes  {packed:6,} gzipped")
    print(f"{'plan page, own files':28} {total_raw:7,} bytes  {total_gz:6,} gzipped")
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
        sw = site / "sw.js"
        print(f"{'sw.js (generated)':28} {sw.stat().st_size:7,} bytes  {len(gzip.compress(sw.read_bytes(), 9)):6,} gzipped")
        files = site_files(site)
        size = sum((site / f).stat().st_size for f in files)
        print(f"precached on first visit: {len(files)} files, {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
