"""Build speed against a plain build of the same pages, and reads of the content (a benchmark that
prints figures, not a timed test).

    .venv/bin/python benchmarks/bench_build.py              # scales 1, 10 and 100
    .venv/bin/python benchmarks/bench_build.py --scales 1 10
    .venv/bin/python benchmarks/bench_build.py --scales 10 --runs 3 --overhead-only   # the target's columns alone

For each scale it makes a temporary copy of the project whose pages are repeated that many times
(copies of the real ones under new ids; the Spanish edition shows the copies in English, as it shows
any page not yet translated), then measures in the same run:
  generation  load, check and render every edition (English and Spanish) in this process, cold (no
              compiled templates) and cached (with those an earlier build left on disk);
  ours        `python -m generator site --engine E --no-pdf`, what a user runs: the build driver
              (generation, the engine's build of each edition, the finishing steps, the swap into
              the output folder), cold (a new cache folder: every edition generated, every template
              compiled, every page parsed by the finishing steps) and cached (the cache folder an
              earlier build of the same content left: the editions kept, generator/edition_cache.py;
              the compiled templates; the finishing steps' result, generator/publish/finish_kept.py;
              Zensical's own cache);
  plain       the same pages, pre-rendered by this script, built by the same engine with nothing of
              ours: `mkdocs build --strict` of each edition, or `zensical build --strict` of the
              project our adapter writes for it, one after the other in one process (as our driver
              builds them: a process per language would charge the plain build a second start of
              Python), each as the engine's command line does it. A fair floor: it gets the caches ours gets,
              the theme's compiled templates kept on disk for MkDocs (a one-line hook, as our plugin
              keeps them) and Zensical's own cache, from an earlier build;
  overhead    ours cached / plain: what our layer adds to a build after the first (the target,
              issue 24: at most 1.10); cold / plain beside it, for the first build on a machine.
  finishing   the finishing steps alone (CSP, fingerprints, service workers) over the same build,
              in this process, as a cached build runs them (the result of the build before, kept
              and checked against every file of the built site: generator/publish/finish_kept.py),
              and cold (every page parsed): the part of the overhead that is generator/publish/.
Reads: how often a build by each engine opened each content file, counted in every Python process
it started (tests/read_counter: an audit hook on every open): at most once per edition in the first
build, none in the next when nothing changed (the editions are kept, generator/edition_cache.py).
Times are CPU seconds (user + system) of the command and of everything it starts, the median of
several runs with ours and plain interleaved (the range is printed too): wall time on a machine
shared with other work varied by half from one run to the next. It then prints the gzipped size of the plan page's own script and
styles, and the CPU time of every PDF against its floor (benchmarks/bench_pdfs.py).
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.engines import ENGINES, engine  # noqa: E402
from generator.engines.site_settings import (named_palette, search_language, site_edition,  # noqa: E402
                                             site_settings, theme_language)
from generator.pipeline import Project, generate_all  # noqa: E402
from generator.source import bounds  # noqa: E402
from generator.caches import CACHE_ENV  # noqa: E402

PROJECT_PARTS = ("content", "templates", "generator", "mkdocs.yml")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "GUIDE_CLINIC": "none"}
READ_COUNTER = ROOT / "tests" / "read_counter"

# The plain MkDocs build's only hook: the theme's compiled templates kept on disk, as our plugin keeps them.
THEME_CACHE_HOOK = """import os, jinja2
def on_env(env, config, files):
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(os.environ["PLAIN_THEME_CACHE"])
    return env
"""
# `mkdocs build --strict` of each config, in one process (mkdocs/__main__.py's build_command, once per config).
PLAIN_MKDOCS = """import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
for config_file in sys.argv[1:]:
    config = load_config(config_file, strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
"""
# `zensical build --strict` of each config, in one process (zensical/main.py's execute_build, once per config).
PLAIN_ZENSICAL = """import os, sys
import zensical
for config_file in sys.argv[1:]:
    os.chdir(os.path.dirname(config_file))
    zensical.build(config_file, {"strict": True, "clean": False})
"""


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


def timed(commands: list[list[str]], cwd: Path, env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) the commands used, one after the other: steadier than wall time
    on a shared machine. Their children count too (the engine a build runs, every thread of it)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for command in commands:
        result = subprocess.run(command, cwd=cwd, env={**ENV, **(env or {})}, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def plain_mkdocs_configs(project: Path, editions, work: Path) -> list[Path]:
    """Per edition: its pages, pre-rendered, in a docs folder with the hand-written assets and its
    brand files, and a config with what our plugin sets in memory written in; no hook but the theme
    cache's. The first edition builds into work/plain-site, each other into its folder there."""
    base = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    hook = work / "theme_cache_hook.py"
    hook.write_text(THEME_CACHE_HOOK, encoding="utf-8")
    configs = []
    for guide, rendered in editions:
        settings = site_settings(guide, rendered)
        docs = work / f"plain-docs-{settings.language}"
        shutil.copytree(project / "templates" / "assets", docs)
        for path, source in [*rendered.pages.items(), *rendered.files.items()]:
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(source, Path):
                shutil.copy2(source, docs / path)
            else:
                (docs / path).write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))
        config = {key: value for key, value in base.items() if key not in ("hooks", "watch")}
        theme = dict(config["theme"], custom_dir=str(project / "templates" / "overrides"), **settings.theme_files)
        theme["language"] = theme_language(settings.language, [theme["custom_dir"]])
        theme["palette"] = named_palette(theme["palette"], settings.palette_names)
        config.update(
            docs_dir=str(docs), site_dir=str(work / "plain-site" / settings.address_prefix), hooks=[str(hook)],
            site_name=settings.name, site_description=settings.description, copyright=settings.copyright,
            theme=theme, nav=settings.nav, not_in_nav="\n".join(f"/{path}" for path in settings.not_in_nav),
            extra={**config.get("extra", {}), "guide": settings.guide, "alternate": settings.alternate},
            extra_css=[*config.get("extra_css", []), *settings.extra_css],
            plugins=[{"search": {"lang": [search_language(settings.language)]}}],
            markdown_extensions=[{"toc": {**ext["toc"], "permalink_title": settings.permalink_title}}
                                 if isinstance(ext, dict) and "toc" in ext else ext
                                 for ext in config.get("markdown_extensions", [])],
        )
        configs.append(project / f"mkdocs-plain-{settings.language}.yml")
        configs[-1].write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return configs


def plain_zensical_projects(project: Path, editions, work: Path) -> list[Path]:
    """Per edition: the project our Zensical adapter writes for it (its pages pre-rendered, the same
    config and overrides), copied out of the cache folder, to be built by `zensical build` alone."""
    cache = work / "plain-zensical-cache"
    os.environ[CACHE_ENV] = str(cache)
    try:
        zensical = engine("zensical", project)
        for guide, rendered in editions:
            if not zensical.build_edition(site_edition(guide, rendered), work / "plain-zensical-first" / guide.address_prefix):
                sys.exit("the Zensical build that writes the plain projects failed")
    finally:
        del os.environ[CACHE_ENV]
    configs = []
    for scratch in sorted(p for p in (cache / "zensical").iterdir() if p.is_dir()):
        copy = work / f"plain-zensical-{scratch.name}"
        shutil.copytree(scratch, copy, ignore=shutil.ignore_patterns(".cache", "site"))
        configs.append(copy / "mkdocs.yml")
    return configs


def reads_per_build(project: Path, engine_name: str, work: Path, scale: int) -> tuple[Counter, Counter]:
    """How often a `site --no-pdf` build opened each file of the content folder: the first build
    (a new cache folder), then the next one (nothing changed)."""
    log = work / f"reads-{engine_name}.log"
    environment = {"PYTHONPATH": str(READ_COUNTER), "GUIDE_READ_LOG": str(log),
                   "GUIDE_READ_ROOT": str(project / "content"), CACHE_ENV: str(work / f"reads-cache-{engine_name}")}
    found = []
    for _ in range(2):
        log.write_text("", encoding="utf-8")
        timed([ours_command(project, engine_name, work / f"reads-site-{engine_name}", scale)], project, environment)
        found.append(Counter(log.read_text(encoding="utf-8").splitlines()))
    return found[0], found[1]


def finishing(project: Path, engine_name: str, editions, work: Path, runs: int) -> tuple[float, float]:
    """CPU seconds of the finishing steps alone (generator/publish/finish.py: CSP, fingerprints,
    service workers) over this engine's build of every edition, in this process, median of ``runs``:
    as a cached build runs them (generator/publish/finish_kept.py: the result of the build before,
    kept, checked against every file of the built site, and written) and cold (nothing kept)."""
    from generator.publish import site_index
    from generator.publish.finish import finish_site
    from generator.publish.finish_kept import finish_site_kept

    built = work / f"unfinished-{engine_name}"
    site_engine = engine(engine_name, project)
    os.environ[CACHE_ENV] = str(work / f"cache-{engine_name}")
    try:
        for guide, rendered in editions:
            if not site_engine.build_edition(site_edition(guide, rendered), built / guide.address_prefix):
                sys.exit(f"the {engine_name} build for the finishing steps failed")
    finally:
        del os.environ[CACHE_ENV]
    languages = [guide.address_prefix for guide, _ in editions]
    found = {"kept": [], "cold": []}
    for run in range(runs):
        for kind, kept in (("cold", None), ("kept", work / f"finishing-kept-{engine_name}")):
            copy = work / f"finishing-{engine_name}-{kind}-{run}"
            shutil.copytree(built, copy)
            site_index._PIECES.clear()  # what this process read before: a build starts without it
            site_index._KNOWN.clear()
            start = time.process_time()
            if kept is None:
                finish_site(copy, project / "templates", languages)
            else:
                finish_site_kept(copy, project / "templates", languages, False, kept)
            found[kind].append(time.process_time() - start)
    return statistics.median(found["kept"][1:] or found["kept"]), statistics.median(found["cold"])


# The size bounds of generator/source/bounds.py (issue 19) hold for a guide, not for its pages repeated
# 100 times: a scaled copy gets them scaled with it, in the bench's process and in the command it runs.
SCALED_BOUNDS = ("MAX_PAGE_BYTES", "MAX_HANDOUT_BYTES", "MAX_GUIDE_BYTES")
OURS_SCALED = """import sys
from generator.source import bounds
for name in sys.argv[2].split(","):
    setattr(bounds, name, getattr(bounds, name) * int(sys.argv[1]))
from generator.cli import main
sys.exit(main(sys.argv[3:]))
"""


def scaled_bounds(scale: int) -> dict[str, int]:
    """The bounds for a copy at ``scale``, by name (set in this process while it is measured)."""
    return {name: getattr(bounds, name) * scale for name in SCALED_BOUNDS}


def ours_command(project: Path, engine_name: str, out: Path, scale: int) -> list[str]:
    """`python -m generator site`, as a user runs it, with the bounds scaled as the pages are."""
    return [sys.executable, "-c", OURS_SCALED, str(scale), ",".join(SCALED_BOUNDS), "--root", str(project), "site",
            "--engine", engine_name, "--no-pdf", "--out", str(out)]


def measure(scale: int, work: Path, runs: int | None = None, overhead_only: bool = False) -> dict:
    """The figures at ``scale``; ``overhead_only``: only ours cached and plain, interleaved (the
    target's two columns, measured the same way, without the cold builds, reads and parts)."""
    project = scaled_copy(work / f"x{scale}", scale)
    runs = runs or (5 if scale < 100 else 2)
    generation = cached = None
    if not overhead_only:
        generation = statistics.median(_time_generation(project, work / f"gen-cache-{scale}-{run}") for run in range(runs))
        cached = statistics.median(_time_generation(project, work / f"gen-cache-{scale}-0") for _ in range(runs))
    editions = generate_all(Project.at(project))
    plain = {"mkdocs": [[sys.executable, "-c", PLAIN_MKDOCS, *map(str, plain_mkdocs_configs(project, editions, work))]],
             "zensical": [[sys.executable, "-c", PLAIN_ZENSICAL, *map(str, plain_zensical_projects(project, editions, work))]]}
    plain_env = {"PLAIN_THEME_CACHE": str(work / "plain-theme-cache")}
    (work / "plain-theme-cache").mkdir()
    builds = {}
    for name in ENGINES:
        out, warm = work / f"site-{name}", {CACHE_ENV: str(work / f"cache-{name}")}
        timed([ours_command(project, name, out, scale)], project, warm)  # the build before: it leaves the caches
        timed(plain[name], project, plain_env)
        times = {"cached": [], "plain": []} if overhead_only else {"cold": [], "cached": [], "plain": []}
        for run in range(runs):  # interleaved, so that a busy moment of the machine hits each alike
            if not overhead_only:
                times["cold"].append(timed([ours_command(project, name, out, scale)], project, {CACHE_ENV: str(work / f"cold-{name}-{run}")}))
            times["cached"].append(timed([ours_command(project, name, out, scale)], project, warm))
            times["plain"].append(timed(plain[name], project, plain_env))
        builds[name] = {kind: statistics.median(found) for kind, found in times.items()}
        builds[name]["range"] = {kind: (min(found), max(found)) for kind, found in times.items()}
        if overhead_only:
            continue
        builds[name]["reads"] = reads_per_build(project, name, work, scale)
        builds[name]["finishing"] = finishing(project, name, editions, work, runs)
    return {"scale": scale, "pages": len(editions[0][1].pages), "editions": len(editions),
            "generation": generation, "cached": cached, "builds": builds}


def _time_generation(project: Path, cache: Path) -> float:
    """Generation of every edition with the compiled templates kept in ``cache``: cold when the
    folder is new, as in the first build on a machine; with what an earlier build left there otherwise."""
    os.environ[CACHE_ENV] = str(cache)
    try:
        start = time.process_time()
        generate_all(Project.at(project))
        return time.process_time() - start
    finally:
        del os.environ[CACHE_ENV]


def reads_summary(reads: Counter, editions: int) -> str:
    most = max(reads.values()) if reads else 0
    index = reads.get("pages/index.yml", 0)
    return (f"{sum(reads.values())} opens of {len(reads)} content files, at most {most} of one "
            f"(pages/index.yml: {index}; {editions} editions)")


def gzipped(paths: list[Path]) -> str:
    if not paths:
        return "n/a (no such file yet)"
    from generator.publish.minify import minified

    # each file as it is served (minified), and gzipped alone, as a server sends it
    sizes = {p: len(gzip.compress(minified(p, p.read_text(encoding="utf-8")).encode(), 9)) for p in paths}
    listed = ", ".join(f"{p.relative_to(ROOT)}: {size / 1024:.1f} KiB" for p, size in sizes.items())
    return f"{sum(sizes.values()) / 1024:.1f} KiB ({listed})" if len(paths) > 1 else listed


def pdf_time() -> str:
    """The PDF set's CPU against its floor, one cold print of a worksheet (benchmarks/bench_pdfs.py)."""
    import bench_pdfs

    return bench_pdfs.summary(bench_pdfs.measure()).removeprefix("PDF set: ")


def print_overhead(rows: list[dict], runs: int | None) -> None:
    print(f"{'scale':>5} {'pages':>5} {'engine':>9} {'ours cached':>12} {'plain':>8} {'overhead':>9}   range (min-max)")
    for r in rows:
        for name, b in r["builds"].items():
            ranges = ", ".join(f"{kind} {low:.2f}-{high:.2f} s" for kind, (low, high) in b["range"].items())
            print(f"{r['scale']:>4}x {r['pages'] * r['editions']:>5} {name:>9} {b['cached']:>10.2f} s {b['plain']:>6.2f} s "
                  f"{b['cached'] / b['plain']:>8.2f}x   {ranges}")
    print(f"\n(CPU seconds, median of {runs or '5 runs, 2 at 100x'}{' runs' if runs else ''}, ours and plain interleaved, as in the whole"
          " benchmark; ours cached: `python -m generator site --engine E --no-pdf` with the cache folder of a build"
          " of the same content; plain: the same pages pre-rendered, built by the engine alone with the same caches)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF set's figures")
    parser.add_argument("--runs", type=int, help="runs of each build (default: 5, 2 at 100x)")
    parser.add_argument("--overhead-only", action="store_true",
                        help="only ours cached against plain, interleaved (no cold builds, reads or parts; implies --no-pdf)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        rows = []
        for scale in args.scales:
            (Path(tmp) / f"scale-{scale}").mkdir()
            ours = {name: getattr(bounds, name) for name in SCALED_BOUNDS}
            for name, value in scaled_bounds(scale).items():
                setattr(bounds, name, value)
            try:
                rows.append(measure(scale, Path(tmp) / f"scale-{scale}", args.runs, args.overhead_only))
            finally:
                for name, value in ours.items():
                    setattr(bounds, name, value)
    if args.overhead_only:
        print_overhead(rows, args.runs)
        return
    print(f"{'scale':>5} {'pages':>5} {'generation':>11} {'cached':>9} {'per page':>9}")
    for r in rows:
        pages = r["pages"] * r["editions"]
        print(f"{r['scale']:>4}x {pages:>5} {r['generation']:>9.3f} s {r['cached']:>7.3f} s {r['generation'] / pages * 1000:>6.2f} ms")
    print(f"\n{'scale':>5} {'pages':>5} {'engine':>9} {'ours cold':>10} {'ours cached':>12} {'plain':>8} {'overhead':>9} "
          f"{'cold/plain':>11} {'finishing':>10} {'without it':>11}")
    for r in rows:
        for name, b in r["builds"].items():
            kept, cold = b["finishing"]
            print(f"{r['scale']:>4}x {r['pages'] * r['editions']:>5} {name:>9} {b['cold']:>8.2f} s {b['cached']:>10.2f} s "
                  f"{b['plain']:>6.2f} s {b['cached'] / b['plain']:>8.2f}x {b['cold'] / b['plain']:>10.2f}x {kept:>8.2f} s "
                  f"{(b['cached'] - kept) / b['plain']:>10.2f}x")
    print("\nrange of the runs (min-max), and the finishing steps cold (every page parsed):")
    for r in rows:
        for name, b in r["builds"].items():
            ranges = ", ".join(f"{kind} {low:.2f}-{high:.2f} s" for kind, (low, high) in b["range"].items())
            print(f"{r['scale']:>4}x {name:>9}: {ranges}; finishing cold {b['finishing'][1]:.2f} s")
    print("\nreads of the content per build (`site --no-pdf`, every process it starts):")
    for r in rows:
        for name, b in r["builds"].items():
            first, next_one = b["reads"]
            print(f"{r['scale']:>4}x {name:>9}: first build {reads_summary(first, r['editions'])}; "
                  f"next build, nothing changed: {sum(next_one.values())} opens")
    print(f"\n(CPU seconds, median of {args.runs or '5 runs, 2 at 100x'}{' runs' if args.runs else ''}, ours and plain interleaved; pages: of both editions;\n"
          " generation: every edition in this process, cold (no compiled templates) and cached;\n"
          " ours: `python -m generator site --engine E --no-pdf`, cold (a new cache folder) or cached (the\n"
          " cache folder of a build of the same content: editions, compiled templates, the finished files, Zensical's);\n"
          " plain: the same pages pre-rendered, built by the engine alone with the same caches;\n"
          " overhead: ours cached / plain; finishing: the CSP, fingerprint and service worker steps\n"
          " alone (generator/publish/, in this process) as a cached build runs them (finish_kept.py);\n"
          " without it: (ours cached - finishing) / plain)\n")
    assets = ROOT / "templates" / "assets"
    plan_files = sorted(p for p in assets.rglob("*") if p.suffix in (".js", ".css") and (p.stem == "plan" or p.parent.name == "plan"))
    print(f"plan page, gzipped: {gzipped(plan_files)}")
    if not args.no_pdf:
        print(f"PDF set: {pdf_time()}")


if __name__ == "__main__":
    main()
