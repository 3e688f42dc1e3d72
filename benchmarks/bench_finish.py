"""The finishing steps' cost, measured (a benchmark that prints figures, not a timed test).

    .venv/bin/python benchmarks/bench_finish.py              # scales 1 and 10
    .venv/bin/python benchmarks/bench_finish.py --scales 1 10 --runs 5

For each scale it makes a temporary copy of the project whose pages are repeated that many times
(copies of the real pages under new ids, as benchmarks/bench_build.py makes them), builds it once
with MkDocs in every language but stops before the finishing steps (generator/publish/finish.py:
the site index, compact pages, content stamps, the CSP, _headers, each language's service worker),
then runs those steps alone on fresh copies of that unfinished site and prints their CPU seconds
(user + system of this process), best of ``--runs``, with the service workers' share beside it.
It runs on the finishing steps of any commit (finish_site's signature is printed first), so the
same script gives the figures before and after a change.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import inspect
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import generator.publish.finish as finish  # noqa: E402

PROJECT_PARTS = ("content", "templates", "generator", "mkdocs.yml")


def scaled_copy(dest: Path, scale: int) -> Path:
    """The project, with every English page repeated ``scale`` times under new ids."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    pages = dest / "content" / "pages"
    for copy in range(2, scale + 1):
        for page in sorted(pages.glob("*.yml")):
            if "-" in page.stem and page.stem.rsplit("-", 1)[1].isdigit():
                continue
            data = yaml.safe_load(page.read_text(encoding="utf-8"))
            data.update(id=f"{page.stem}-{copy}", title=f"{data['title']} ({copy})", order=data["order"] + 1000 * copy)
            data.pop("nav_title", None)
            (pages / f"{data['id']}.yml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest


@contextlib.contextmanager
def quiet_stderr():
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


_CAPTURE: dict = {}  # where the engine's call to finish_site copies the site to, and its arguments


def _capture(site_dir, templates_dir, *args, **kwargs):
    shutil.copytree(site_dir, _CAPTURE["out"])
    _CAPTURE.update(args=args, kwargs=kwargs)


def unfinished_site(project: Path, out: Path) -> tuple[Path, dict]:
    """The project built with MkDocs, every language, as it is before the finishing steps; and the
    arguments the engine passed to ``finish_site`` (the languages' address prefixes, among others)."""
    _CAPTURE.clear()
    _CAPTURE["out"] = out
    finish.finish_site = _capture  # before the engine imports it
    from generator.engines import engine

    with quiet_stderr():  # the untranslated copies' warnings, one per page, from the engine's processes too
        engine("mkdocs").build_site(project, project / "site")
    if "args" not in _CAPTURE:
        sys.exit("the engine never called finish_site")
    return out, dict(_CAPTURE)


def cpu() -> float:
    return time.process_time()


def measure(site: Path, captured: dict, work: Path, runs: int) -> tuple[float, float]:
    """(finishing steps, of which the service workers) in CPU seconds, best of ``runs``, each run
    in a process that has read no page before (the site index's memory of pages cleared)."""
    found = [finish_once(site, captured, work / f"run-{run}") for run in range(runs)]
    return min(total for total, _ in found), min(workers for _, workers in found)


def finish_once(site: Path, captured: dict, copy: Path) -> tuple[float, float]:
    """The finishing steps over a fresh copy of the unfinished site: (all of them, the service
    workers' step) in CPU seconds."""
    real_finish = finish.__dict__["_real_finish_site"]
    shutil.copytree(site, copy)
    spent = {"sw": 0.0}
    worker_step = "write_service_workers" if hasattr(finish, "write_service_workers") else "write_service_worker"
    original = getattr(finish, worker_step)

    def timed_worker(*args, **kwargs):
        start = cpu()
        try:
            return original(*args, **kwargs)
        finally:
            spent["sw"] += cpu() - start

    setattr(finish, worker_step, timed_worker)
    forget_pages()  # nothing kept in this process from the run before
    try:
        start = cpu()
        real_finish(copy, project_templates(), *captured["args"], **captured["kwargs"])
        total = cpu() - start
    finally:
        setattr(finish, worker_step, original)
    shutil.rmtree(copy)
    return total, spent["sw"]


def forget_pages() -> None:
    """Clear the site index's memory of pages it has read (generator/publish/site_index.py), if any."""
    try:
        from generator.publish import site_index
    except ImportError:  # the finishing steps before the site index
        return
    site_index._KNOWN.clear()
    site_index._PIECES.clear()
    site_index._site_path.cache_clear()


def project_templates() -> Path:
    return ROOT / "templates"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    finish.__dict__["_real_finish_site"] = finish.finish_site
    print(f"finish_site{inspect.signature(finish.finish_site)}")
    print(f"{'scale':>5} {'pages':>6} {'HTML':>8} {'finishing steps':>16} {'service workers':>16}")
    for scale in args.scales:
        with tempfile.TemporaryDirectory(prefix="bench-finish-") as tmp:
            work = Path(tmp)
            project = scaled_copy(work / "project", scale)
            site, captured = unfinished_site(project, work / "unfinished")
            pages = list(site.rglob("*.html"))
            size = sum(p.stat().st_size for p in pages)
            total, workers = measure(site, captured, work, args.runs)
            print(f"{scale:>4}x {len(pages):>6} {size / 1e6:>6.1f} MB {total:>14.3f} s {workers:>14.3f} s")
    print(f"(CPU seconds of this process, best of {args.runs} runs, each on a fresh copy of the unfinished site and\n"
          " with nothing kept from the run before; pages: every HTML file of every language, the not-found\n"
          " pages and the handout included; service workers: their step, included in the figure before it)")


if __name__ == "__main__":
    main()
