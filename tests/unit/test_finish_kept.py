"""The finishing steps' result kept for the next build (generator/publish/finish_kept.py): used
only when every input is the same, and then byte for byte what the steps make."""

from __future__ import annotations

import shutil

import pytest

from generator.publish import finish, finish_kept
from generator.publish.finish import finish_site
from helpers import ROOT

LANGUAGES = ["", "es/"]
PAGE = """<!doctype html>
<html lang="{lang}">
  <head>
    <meta charset="utf-8">
    <link rel="stylesheet" href="{up}stylesheets/guide.css">

    <script>var inline = 1;</script>
  </head>
  <body>
    <a href="{up}about/">About</a>
    <article>{heading}</article>
    <script src="{up}javascripts/offline.js"></script>
  </body>
</html>
"""


def _built_site(folder, heading: str = "Welcome") -> None:
    """A site as an engine leaves it: pages of two languages, one of our styles and scripts each."""
    for prefix, lang in (("", "en"), ("es/", "es")):
        for page, up in (("index.html", ""), ("about/index.html", "../")):
            path = folder / prefix / page
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(PAGE.format(lang=lang, up=up, heading=heading), encoding="utf-8")
        for asset in ("stylesheets/guide.css", "javascripts/offline.js"):
            path = folder / prefix / asset
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes((ROOT / "templates" / "assets" / asset).read_bytes())


def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def templates(tmp_path):
    """What the finishing steps read of templates/ (its own copy, so a test may edit it)."""
    copy = tmp_path / "templates"
    for part in ("site", "assets"):
        shutil.copytree(ROOT / "templates" / part, copy / part)
    return copy


@pytest.fixture
def runs(monkeypatch):
    """How often the finishing steps themselves ran."""
    found = []
    monkeypatch.setattr(finish, "finish_site", lambda *args, **kwargs: found.append(1) or finish_site(*args, **kwargs))
    return found


def _finish(site, templates, cache) -> None:
    finish_kept.finish_site_kept(site, templates, LANGUAGES, False, cache)


def test_an_unchanged_site_gets_the_kept_files_byte_for_byte(tmp_path, templates, runs):
    sites = {name: tmp_path / name for name in ("plain", "first", "second")}
    for site in sites.values():
        _built_site(site)
    finish_site(sites["plain"], templates, LANGUAGES)
    cache = tmp_path / "cache"
    _finish(sites["first"], templates, cache)
    _finish(sites["second"], templates, cache)
    assert runs == [1]  # the second build took the first one's result
    assert _files(sites["second"]) == _files(sites["first"]) == _files(sites["plain"])
    assert b"Content-Security-Policy" in _files(sites["second"])["index.html"]
    assert "sw.js" in _files(sites["second"]) and "es/sw.js" in _files(sites["second"])


def test_a_changed_page_asset_or_template_runs_the_steps_again(tmp_path, templates, runs):
    cache = tmp_path / "cache"
    _built_site(tmp_path / "first")
    _finish(tmp_path / "first", templates, cache)

    _built_site(tmp_path / "page", heading="Welcome back")
    _finish(tmp_path / "page", templates, cache)
    assert runs == [1, 1]
    assert b"Welcome back" in (tmp_path / "page" / "es" / "about" / "index.html").read_bytes()

    _built_site(tmp_path / "asset", heading="Welcome back")
    (tmp_path / "asset" / "es" / "javascripts" / "offline.js").write_text("var changed = 1;\n", encoding="utf-8")
    _finish(tmp_path / "asset", templates, cache)
    assert runs == [1, 1, 1]
    asset = _files(tmp_path / "asset")
    assert asset["es/javascripts/offline.js"] == b"var changed=1;"
    assert asset["es/sw.js"] != _files(tmp_path / "page")["es/sw.js"]  # the worker hashes the new file

    _built_site(tmp_path / "template", heading="Welcome back")
    worker = templates / "site" / "sw.js.j2"
    worker.write_text("// a new worker\n" + worker.read_text(encoding="utf-8"), encoding="utf-8")
    _finish(tmp_path / "template", templates, cache)
    assert runs == [1, 1, 1, 1]
    assert (tmp_path / "template" / "sw.js").read_text(encoding="utf-8").startswith("// a new worker")


def test_a_damaged_cache_file_means_running_the_steps(tmp_path, templates, runs):
    cache = tmp_path / "cache"
    _built_site(tmp_path / "first")
    _finish(tmp_path / "first", templates, cache)
    kept = cache / finish_kept.FINISHED
    kept.write_bytes(kept.read_bytes()[: len(kept.read_bytes()) // 2])
    _built_site(tmp_path / "second")
    _finish(tmp_path / "second", templates, cache)
    assert runs == [1, 1]
    assert _files(tmp_path / "second") == _files(tmp_path / "first")
