"""Build speed and size, measured (a benchmark that prints figures, not a timed test).

    .venv/bin/python benchmarks/bench_build.py              # scales 1, 10 and 100
    .venv/bin/python benchmarks/bench_build.py --scales 1 10

For each scale it makes a temporary copy of the project whose pages are repeated that many times
(synthetic pages: copies of the real ones under new ids), then measures in the same run:
  generation   load + validate + render every page, in this process (the library alone), cold and
               with the compiled templates an earlier build left on disk;
  hook build   `mkdocs build` of the project as it is (the hook generates, then MkDocs builds);
  plain build  `mkdocs build` of the same pages pre-rendered to Markdown, with no hook.
The overhead is hook build / plain build - 1: what our layer adds to a plain MkDocs build.
Then, in the same run, each engine through the command a user runs (`python -m generator site
--engine mkdocs|zensical --no-pdf`: generation, the engine's build, CSP and service worker, the
swap into the output folder), cold (a new cache folder: no compiled templates, no Zensical cache)
and cached (the cache folder an earlier build of the same engine left).
Times are CPU seconds (user + system), best of several interleaved runs: wall time on a machine
shared with other work varied by half from one run to the next. It then prints the gzipped size of the plan page's own script and styles, and the CPU
time of every PDF against its floor, one worksheet printed cold (benchmarks/bench_pdfs.py).
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.engines import ENGINES  # noqa: E402
from generator.engines.site_settings import site_settings  # noqa: E402
from generator.render.environment import CACHE_ENV  # noqa: E402
from generator.pipeline import Project, generate  # noqa: E402

PROJECT_PARTS = ("content", "templates", "generator", "mkdocs.yml")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def scaled_copy(dest: Path, scale: int) -> Path:
    """The project, with every page repeated ``scale`` times under new ids (page-2-... etc.)."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    pages = dest / "content" / "pages"
    originals = sorted(pages.glob("*.yml"))
    for copy in range(2, scale + 1):
        for page in originals:
            data = yaml.safe_load(page.read_text(encoding="utf-8"))
            data.update(id=f"{page.stem}-{copy}", title=f"{data['title']} ({copy})", order=data["order"] + 1000 * copy)
            data.pop("nav_title", None)
            (pages / f"{data['id']}.yml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) the command used: steadier than wall time on a shared machine.
    Its children count too (the engine a CLI build runs, every thread of it)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=cwd, env={**ENV, **(env or {})}, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def plain_config(project: Path, docs: Path) -> Path:
    """The project's mkdocs.yml without the hook, over pre-rendered pages, with what the hook sets
    (generator/engines/site_settings.py, as both engines' adapters use it)."""
    guide, rendered = generate(Project.at(project))
    settings = site_settings(guide, rendered)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(project / "templates" / "overrides")
    config.update(site_name=settings.name, site_description=settings.description, copyright=settings.copyright,
                  nav=settings.nav, not_in_nav="\n".join(f"/{path}" for path in settings.not_in_nav))
    config.setdefault("extra", {})["guide"] = settings.guide
    shutil.copytree(project / "templates" / "assets", docs, dirs_exist_ok=True)
    for path, text in rendered.pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    out = project / "mkdocs-plain.yml"
    out.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return out


def engine_builds(project: Path, work: Path, runs: int) -> dict[str, float]:
    """Each engine's CLI build, cold and cached, best of ``runs``, the engines interleaved."""
    times: dict[str, list[float]] = {f"{engine} {kind}": [] for engine in ENGINES for kind in ("cold", "cached")}
    for run in range(runs):
        for engine in ENGINES:
            command = [sys.executable, "-m", "generator", "--root", str(project), "site", "--engine", engine,
                       "--no-pdf", "--out", str(work / f"site-{engine}")]
            cached = {CACHE_ENV: str(work / f"cache-{engine}"), "GUIDE_CLINIC": "none"}
            if run == 0:
                timed(command, project, cached)  # the build before: it leaves the cache folder
            cold = {CACHE_ENV: str(work / f"cold-{engine}-{run}"), "GUIDE_CLINIC": "none"}
            times[f"{engine} cold"].append(timed(command, project, cold))
            times[f"{engine} cached"].append(timed(command, project, cached))
    return {name: min(found) for name, found in times.items()}


def measure(scale: int, work: Path) -> dict:
    project = scaled_copy(work / f"x{scale}", scale)
    pages = len(list((project / "content" / "pages").glob("*.yml")))
    runs = 5 if scale < 100 else 2
    generation = min(_time_generation(project, work / f"cache-{scale}-{run}") for run in range(runs))
    cached = min(_time_generation(project, work / f"cache-{scale}-0") for _ in range(runs))
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    plain_yml = plain_config(project, work / f"docs-x{scale}")
    hook_runs, plain_runs = [], []
    for _ in range(runs):  # interleaved, so a busy moment of the machine hits both alike
        hook_runs.append(timed([*mkdocs, "-f", str(project / "mkdocs.yml"), "-d", str(work / "site-hook")], project))
        plain_runs.append(timed([*mkdocs, "-f", str(plain_yml), "-d", str(work / "site-plain")], project))
    hook, plain = min(hook_runs), min(plain_runs)
    return {"scale": scale, "pages": pages, "generation": generation, "cached": cached, "hook": hook, "plain": plain,
            "engines": engine_builds(project, work / f"engines-x{scale}", runs)}


def _time_generation(project: Path, cache: Path) -> float:
    """Generation with the compiled templates kept in ``cache``: cold when the folder is new, as in
    the first build on a machine; with what an earlier build left there otherwise."""
    os.environ[CACHE_ENV] = str(cache)
    try:
        start = time.process_time()
        generate(Project.at(project))
        return time.process_time() - start
    finally:
        del os.environ[CACHE_ENV]


def gzipped(paths: list[Path]) -> str:
    if not paths:
        return "n/a (no such file yet)"
    sizes = {p: len(gzip.compress(p.read_bytes(), 9)) for p in paths}  # each file is served, and gzipped, alone
    listed = ", ".join(f"{p.relative_to(ROOT)}: {size / 1024:.1f} KiB" for p, size in sizes.items())
    return f"{sum(sizes.values()) / 1024:.1f} KiB ({listed})" if len(paths) > 1 else listed


def pdf_time() -> str:
    """The PDF set's CPU against its floor, one cold print of a worksheet (benchmarks/bench_pdfs.py)."""
    import bench_pdfs

    return bench_pdfs.summary(bench_pdfs.measure()).removeprefix("PDF set: ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        rows = [measure(scale, work) for scale in args.scales]
        print(f"{'scale':>5} {'pages':>5} {'generation':>11} {'cached':>9} {'per page':>9} {'hook build':>11} {'plain build':>12} "
              f"{'overhead':>9} {'build per page':>15}")
        for r in rows:
            print(f"{r['scale']:>4}x {r['pages']:>5} {r['generation']:>9.3f} s {r['cached']:>7.3f} s {r['generation'] / r['pages'] * 1000:>6.2f} ms "
                  f"{r['hook']:>9.2f} s {r['plain']:>10.2f} s {(r['hook'] / r['plain'] - 1) * 100:>8.1f}% "
                  f"{r['hook'] / r['pages'] * 1000:>12.1f} ms")
        names = list(rows[0]["engines"]) if rows else []
        print(f"\n{'scale':>5} {'pages':>5} " + " ".join(f"{name:>16}" for name in names))
        for r in rows:
            print(f"{r['scale']:>4}x {r['pages']:>5} " + " ".join(f"{r['engines'][name]:>14.2f} s" for name in names))
        print("(`python -m generator site --engine E --no-pdf`: CPU seconds of the command and the engine it runs,\n"
              " best of the same runs; cold: a new cache folder; cached: the one an earlier build of that engine left)\n")
        assets = ROOT / "templates" / "assets"
        plan_files = sorted(p for p in assets.rglob("*") if p.suffix in (".js", ".css") and (p.stem == "plan" or p.parent.name == "plan"))
        print(f"plan page, gzipped: {gzipped(plan_files)}")
        print(f"PDF set: {pdf_time()}")
        print("(CPU seconds, best of 5 runs, 2 at 100x, hook and plain interleaved; each build includes starting Python and MkDocs;\n"
              " generation: cold, no compiled templates; cached: with those an earlier build left on disk;\n"
              " hook build: with the on-disk caches an earlier build left, as every build after the first)")


if __name__ == "__main__":
    main()
