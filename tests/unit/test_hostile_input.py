"""Hostile and unlucky input: each is refused with a located message, quickly, in bounded memory,
with no traceback, and nothing written (issue 14)."""

from __future__ import annotations

import shutil

import pytest

from generator.publish.csp import add_csp, inline_script_hashes
from helpers import ROOT, cli, copy_project, run_cli

PAGE = "content/pages/about.yml"
BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def _write(project, relative: str, text: str) -> None:
    (project / relative).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name, text, says", [
    ("alias bomb", BOMB, "PAGE:1:4: b[0]: YAML anchors and aliases (& and *) are not supported"),
    ("deep nesting", "id: about\nblocks: " + "[" * 60 + "]" * 60 + "\n", "nested more than 50 levels deep"),
    ("very deep nesting", "id: about\nblocks: " + "[" * 3000 + "]" * 3000 + "\n", "PAGE:2:1008: YAML syntax error: exceeded maximum nesting depth"),
    ("python tag", "id: !!python/name:os.system about\n", "PAGE:1:5: id: YAML tags such as '!!python/name:os.system' are not supported"),
    ("unknown tag", "id: about\ntitle: !secret About\n", "PAGE:2:8: title: YAML tags such as '!secret' are not supported"),
    ("huge file", "id: about\ndescription: " + "x" * 1_100_000 + "\n", "more than any content file needs"),
])
def test_a_hostile_yaml_file_is_refused_at_once_with_its_place(project, name, text, says):
    _write(project, PAGE, text)
    result = run_cli("--root", str(project), "check", timeout=30)  # a real process: a bomb must not eat this one
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert says.replace("PAGE", PAGE) in result.stderr, result.stderr


def test_a_symlink_in_content_is_named_as_the_link_not_what_it_points_to(project, tmp_path):
    secret = tmp_path / "outside.yml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (project / "content/pages/evil.yml").symlink_to(secret)
    (project / "content/pages/broken.yml").symlink_to(tmp_path / "missing.yml")
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/pages/evil.yml:1:1: this is a symbolic link" in result.stderr
    assert "content/pages/broken.yml:1:1: this is a symbolic link" in result.stderr
    assert "outside.yml" not in result.stderr and "hunter2" not in result.stderr and "missing.yml" not in result.stderr


@pytest.mark.parametrize("markup, says", [
    ("<script>steal(localStorage)</script>", "a <script> element is not allowed in content"),
    ('<img src="x.png" onerror="steal()">', "an event-handler attribute (onerror=) is not allowed"),
    ("[Click](javascript:steal())", "a link to a javascript: address is not allowed"),
    ('<a href=" JavaScript:steal()">x</a>', "a javascript: address in href= is not allowed"),
    ('<iframe src="https://example.org/"></iframe>', "a <iframe> element is not allowed"),
    ('<object data="x.swf"></object>', "a <object> element is not allowed"),
])
def test_markup_that_could_run_a_script_is_refused_where_it_is_written(project, markup, says):
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    marker = "\nblocks:\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + f"  - type: text\n    body: |\n      Hello.\n      {markup}\n", 1), encoding="utf-8")
    line = text[: text.index(marker)].count("\n") + 6  # the markup's own line in the | block
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{PAGE}:{line}:1: blocks[0].body: {says}" in result.stderr, result.stderr


def test_plain_words_with_angle_brackets_and_harmless_tags_pass(project):
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nblocks:\n", "\nblocks:\n  - type: text\n    body: |\n      If pain is < 5 or > 7, "
                                 "call.<br>Use <strong>care</strong>.\n", 1), encoding="utf-8")
    assert cli("--root", str(project), "check").returncode == 0


@pytest.mark.parametrize("svg, says", [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "a <script> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "an event-handler attribute (onload=)"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>', "a <image> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', "a <foreignobject> element"),
])
def test_an_svg_logo_that_could_run_or_load_something_is_refused(project, svg, says):
    shutil.copytree(ROOT / "clinics" / "example", project / "clinics" / "example")
    (project / "clinics/example/assets/logo.svg").write_text(svg, encoding="utf-8")
    result = cli("--clinic", "clinics/example", "check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "clinics/example/brand.yml:" in result.stderr and f"logo: the logo 'assets/logo.svg' holds {says}" in result.stderr


def test_writing_into_a_folder_that_cannot_exist_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = cli("render", "--out", str(blocker / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "error:" in result.stderr and "last good output is unchanged" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_policy_allows_the_frames_scripts_never_one_inside_the_content():
    html = ("<html><head><script>theme()</script></head><body><article class=\"md-content__inner\">"
            "<script>steal()</script></article><script>theme2()</script></body></html>")
    hashes = inline_script_hashes(html)
    assert len(hashes) == 2  # the two outside the article, not the one inside
    assert hashes == inline_script_hashes(html.replace("<script>steal()</script>", ""))
    assert '<meta name="referrer" content="no-referrer">' in add_csp(html)
