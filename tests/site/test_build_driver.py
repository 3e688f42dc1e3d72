"""The build driver (generator/build.py): every edition loaded, checked and rendered once, in one
process, and that one result handed to the engine and the PDFs; MkDocs run in that process as often
as there are editions, with nothing carried over from one build to the next."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from helpers import ROOT, copy_project, edit, run_cli
from generator.build import site_editions
from generator.engines import engine
from generator.pipeline import Project, generate_all

READ_COUNTER = ROOT / "tests" / "read_counter"  # its sitecustomize.py logs every file a Python process opens


def test_a_build_opens_each_content_file_once(tmp_path):
    """`site`, PDFs included, reads each content file once for the whole build, whatever the number
    of editions (guide/sources.py: each edition is made from what the build read), in every process
    it starts. Before the driver, content/pages/index.yml was opened 5 times: once to learn the
    languages, once in each language's `mkdocs build`, once per language again for the PDFs. The
    next build of unchanged content reads none (edition_cache.py); after an edit, each once again."""
    project = copy_project(tmp_path / "project")
    log = tmp_path / "reads.log"
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(READ_COUNTER), os.environ.get("PYTHONPATH")])),
           "GUIDE_READ_LOG": str(log), "GUIDE_READ_ROOT": str(project / "content"),
           "GUIDE_CACHE_DIR": str(tmp_path / "cache")}

    def build(*options: str) -> Counter:
        log.unlink(missing_ok=True)
        result = run_cli("--root", str(project), "site", *options, "--out", str(tmp_path / "site"), env=env,
                         cwd=project, timeout=600)
        assert result.returncode == 0, result.stderr
        return Counter(log.read_text(encoding="utf-8").splitlines()) if log.exists() else Counter()

    reads = build()
    editions = len(generate_all(Project.at(project)))
    assert editions >= 2
    assert reads["pages/index.yml"] == 1 and reads["site.yml"] == 1, reads  # the counter counts
    assert reads["es/pages/index.yml"] == 1, reads
    read_more = {path: count for path, count in reads.items() if count > 1}
    assert not read_more, f"read more than once in a build of {editions} editions: {read_more}"

    assert build("--no-pdf") == Counter()  # nothing changed: the editions of the last build
    edit(project / "content/pages/about.yml", "title: About this guide", "title: About this guide, again")
    assert build("--no-pdf") == reads
    assert "About this guide, again" in (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")


def test_builds_in_one_process_carry_nothing_over(tmp_path):
    """The Spanish file:// copy, then the English hosted site, then the Spanish hosted site, by one
    MkDocs engine in this process: each has its own config, plugins and search language."""
    project = Project.at(ROOT)
    english, spanish = site_editions(project)[:2]
    mkdocs = engine("mkdocs", ROOT)
    assert mkdocs.build_edition(spanish, tmp_path / "offline-es", offline=True)
    assert mkdocs.build_edition(english, tmp_path / "hosted")
    assert mkdocs.build_edition(spanish, tmp_path / "hosted" / "es")

    offline, hosted, hosted_es = tmp_path / "offline-es", tmp_path / "hosted", tmp_path / "hosted" / "es"
    assert (offline / "about.html").is_file() and (offline / "search" / "search_index.js").is_file()
    assert not (hosted / "about.html").exists() and (hosted / "about" / "index.html").is_file()
    assert not (hosted / "search" / "search_index.js").exists()  # the offline plugin ran in the first build only
    for folder, language in ((offline, "es"), (hosted, "en"), (hosted_es, "es")):
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [language], folder
        assert f'<html lang="{language}"' in (folder / ("index.html")).read_text(encoding="utf-8"), folder
    assert "unpkg.com" not in (offline / "index.html").read_text(encoding="utf-8")
    assert "¿Qué es la integración?" not in (hosted / "what-is-integration" / "index.html").read_text(encoding="utf-8")


def test_the_pdf_command_prints_from_the_one_site_it_builds(tmp_path):
    out = tmp_path / "pdf"
    result = run_cli("pdf", "--out", str(out), timeout=600)
    assert result.returncode == 0, result.stderr
    pdfs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert "worksheets/safety-plan-letter.pdf" in pdfs and "es/worksheets/safety-plan-letter.pdf" in pdfs, pdfs
    assert all((out / p).read_bytes().startswith(b"%PDF") for p in pdfs)
