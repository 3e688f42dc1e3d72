"""Markup in any text is shown as text on every page, through every template (issue 21 item 1).

A copy of the project whose every text that takes free words (each content file's, a clinic's
brand.yml's, the interface catalog's) ends in a payload of markup: an element, a quote that would
end an attribute and an image with a script, a Jinja expression and an escaped ampersand. A text
that refuses it (a phone number, an id, a Markdown field whose markup the sanitizer would change,
a text whose braces are fill-ins) is given a quieter payload or left as it was, as `check` says.
The clinic's site is built as a user builds it, and every page is read as a browser parses it: no
payload is an element or an attribute, each is shown as the characters typed. Each of our page
templates prints at least one of the texts, so a template that printed one as markup would fail.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, cli, copy_project, read_page, run_cli

LOUD = ' <u class="evil">x</u>"><img src=x onerror=alert(1)>{{ 7*7 }}&amp;'
QUIET = ' <u class="evil">x</u>"><img src=x>&amp;'  # where braces are fill-ins, or a handler is refused
SHOWN = '<u class="evil">x</u>"><img src=x'  # what both show as text, whole
KEEP = {"type", "id"}  # a text that names another thing, not words
CLINIC = "clinics/hostile"
PROBLEM = re.compile(r"^(?P<file>[^:\n]+):\d+:\d+: (?P<path>[\w.\[\]-]+): ", re.M)


def _spoil(value, key=None):
    if isinstance(value, dict):
        return {k: _spoil(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_spoil(v, key) for v in value]
    return value + LOUD if isinstance(value, str) and key not in KEEP else value


def _steps(path: str) -> list:
    """``crisis.lines[0].hours`` as keys and indexes."""
    return [int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", path)]


def _quieten(spoiled, original, steps: list) -> bool:
    """The text at ``steps`` one step back: loud to quiet, quiet to as it was. False if there is none."""
    parent = key = None
    for step in steps:
        if isinstance(spoiled, dict) and step in spoiled or isinstance(spoiled, list) and isinstance(step, int) and step < len(spoiled):
            parent, key, spoiled, original = spoiled, step, spoiled[step], original[step]
        # else: a step of the message's path that the file does not have (a union's tag)
    if parent is None or spoiled == original:
        return False
    parent[key] = original + QUIET if isinstance(original, str) and spoiled == original + LOUD else copy.deepcopy(original)
    return True


def hostile_project(dest: Path) -> Path:
    """The project copy: every content file of ours, the interface catalog and the clinic's
    brand.yml spoiled, then quietened field by field where `check` refuses them."""
    project = copy_project(dest)
    assert cli("new-clinic", CLINIC, "--name", "Tip Clinic", cwd=project).returncode == 0
    shutil.copytree(ROOT / "clinics/example/content", project / CLINIC / "content", dirs_exist_ok=True)
    shutil.copytree(ROOT / "clinics/example/assets", project / CLINIC / "assets", dirs_exist_ok=True)
    content = project / "content"
    files = [*sorted(content.glob("*.yml")), *sorted(content.glob("pages/*.yml")),
             *sorted(content.glob("worksheets/*.yml"))]
    originals = {path.relative_to(project).as_posix(): yaml.safe_load(path.read_text(encoding="utf-8")) for path in files}
    originals[f"{CLINIC}/brand.yml"] = yaml.safe_load((ROOT / "clinics/example/brand.yml").read_text(encoding="utf-8"))
    spoiled = {name: _spoil(data) for name, data in originals.items()}
    for _ in range(40):
        for name, data in spoiled.items():
            (project / name).write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        checked = cli("--clinic", CLINIC, "check", cwd=project)
        if checked.returncode == 0:
            return project
        found = [(m["file"], _steps(m["path"])) for m in PROBLEM.finditer(checked.stderr) if m["file"] in spoiled]
        if not any([_quieten(spoiled[name], originals[name], steps) for name, steps in found]):
            pytest.fail(f"check refuses a text the spoiler cannot quieten:\n{checked.stderr[-2000:]}")
    pytest.fail("the spoiled project did not settle")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("escaped") / "project")
    built = run_cli("--clinic", CLINIC, "site", "--no-pdf", "--out", "site", cwd=project, timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    return project


def test_every_text_with_markup_is_shown_as_text_on_every_page(hostile):
    pages = sorted((hostile / "site").rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page, where = read_page(path), path.relative_to(hostile / "site").as_posix()
        made = [(tag, attrs) for tag, attrs in page.elements
                if tag == "u" or "evil" in (attrs.get("class") or "") or "onerror" in attrs or attrs.get("src") == "x"]
        assert not made, (where, made[:3])  # no text became an element or an attribute
        assert SHOWN in page.joined, where  # the clinic's name, on every page
        assert "{{ 7*7 }}&amp;" in page.joined and "49&amp;" not in page.joined, where  # typed, shown as typed
        assert "&amp;amp;" not in page.joined and "&lt;u" not in page.joined, where  # escaped once, not twice
        cut = [value for value in page.attributes if "<u" in value and SHOWN not in value]
        assert not cut, (where, cut[:3])  # in an attribute whole, not cut at its quote (a heading's id: words only)


def test_every_page_template_prints_one_of_the_texts(hostile, monkeypatch):
    """Every template of ours that prints a value prints a spoiled one here, so the page test above
    covers each of them. Recorded from Jinja's finalize, which sees each value a template prints."""
    from generator.guide.assemble import load_guide
    from generator.render import pages

    printed: set[str] = set()

    def recording(templates_dir, ui, cache=None, *rest):
        env = make_environment(templates_dir, ui, None, *rest)  # compiled anew (not from the cache), with the hook

        def finalize(value):
            if "evil" in str(value):
                printed.add(Path(sys._getframe(1).f_code.co_filename).resolve().relative_to(templates).as_posix())
            return value

        env.finalize = finalize
        return env

    make_environment, templates = pages.make_environment, (hostile / "templates").resolve()
    monkeypatch.setattr(pages, "make_environment", recording)
    guide = load_guide(hostile / "content", hostile / CLINIC)
    rendered = pages.render_guide(guide, hostile / "templates")
    assert any("evil" in text for text in rendered.pages.values())
    ours = {path.relative_to(templates).as_posix() for folder in ("pages", "blocks", "components", "fields", "site")
            for path in (templates / folder).glob("*.j2")}
    # Templates that print no text: the colours (checked #rrggbb), and the service worker's (its own
    # environment, once the site is built: the addresses of files and the JSON of its words).
    nothing_to_print = {"site/brand.css.j2", "site/sw.js.j2"}
    assert sorted(ours - nothing_to_print - printed) == []
