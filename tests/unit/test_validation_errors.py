"""Bad input gets a clear, located message, exits 1, and leaves the last good output untouched."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import cli, copy_project


@dataclass
class Breakage:
    """One way an author can get a file wrong, and what the generator must say about it."""

    file: str
    old: str
    new: str
    line_of: str  # text on the line the message must point at (in the broken file)
    says: str  # the field path and what was expected
    occurrence: int = 1  # which line holding `line_of` the message points at


BREAKAGES = {
    "bad YAML syntax": Breakage(
        "content/pages/why-it-matters.yml", "title: ", "title: [unclosed ", "order:",
        "YAML syntax error: did not find expected ',' or ']' (parsing a flow sequence that starts at line 3, column 8)"),
    "missing field": Breakage(
        "content/practices.yml", "    name: Working with a therapist\n", "", "- id: integration-therapy",
        "practices[0].name: required field is missing"),
    "wrong type": Breakage(
        "content/pages/what-is-integration.yml", "title: What is integration?", "title: [What, is, it]",
        "title: [What", "title: expected text (got a list)"),
    "unknown field": Breakage(
        "content/phases.yml", "    when: In the hours or days before a session",
        "    when: In the hours or days before a session\n    colour: blue", "colour: blue",
        "phases[0].colour: unknown field; expected one of: id, name, when, intro, items"),
    "duplicate id": Breakage(
        "content/practices.yml", "  - id: journaling", "  - id: integration-therapy", "- id: integration-therapy",
        "practices[1].id: duplicate practice id 'integration-therapy' (first used at content/practices.yml:4)",
        occurrence=2),
    "dangling cross-reference": Breakage(
        "content/pages/about.yml", "notice: not-medical-advice",
        "notice: not-medical-advise", "notice: not-medical-advis",
        "no notice has the id 'not-medical-advise'"),
    "dangling page link": Breakage(
        "content/pages/index.yml", "(page:what-is-integration)", "(page:what-is-integrashun)",
        "page:what-is-integrashun", "no page has the id 'what-is-integrashun'"),
    "empty checklist": Breakage(
        "content/therapist.yml", "criteria:\n", "criteria: []\nold_criteria:\n", "criteria: []",
        "criteria: expected at least one item; this list is empty"),
    "bad date": Breakage(
        "content/pages/crisis.yml", "last_reviewed: 2026-12-07", "last_reviewed: 2026-13-45",
        "last_reviewed: 2026-13-45", "last_reviewed: expected a date written YYYY-MM-DD"),
    "next review before last review": Breakage(
        "content/pages/crisis.yml", "next_review_due: 2027-06-07", "next_review_due: 2026-01-01",
        "id: crisis", "next_review_due must be after last_reviewed"),
    "reference without DOI or URL": Breakage(
        "content/references.yml", "    doi: 10.3389/fpsyg.2022.824077\n", "", "- id: bathje-2022",
        "references[0]: a reference needs a doi or a url"),
    "malformed DOI": Breakage(
        "content/references.yml", "doi: 10.3389/fpsyg.2022.824077", "doi: https://doi.org/10.3389/x",
        "doi: https://doi.org", "references[0].doi: expected a DOI such as"),
    "duplicate key": Breakage(
        "content/pages/about.yml", "order: 90", "order: 90\norder: 91", "order: 91",
        "order: this key appears twice"),
    "page id differs from its file name": Breakage(
        "content/pages/getting-started.yml", "id: getting-started", "id: start-here", "id: start-here",
        "id: a page's id must match its file name"),
    "unknown template variable": Breakage(
        "templates/components/review_footer.md.j2", "page.last_reviewed.isoformat()",
        "page.last_reviewd.isoformat()", "page.last_reviewd", "unknown template variable"),
}


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _break(project: Path, breakage: Breakage) -> tuple[str, int]:
    path = project / breakage.file
    text = path.read_text(encoding="utf-8")
    assert breakage.old in text, f"fixture text not found in {breakage.file}: {breakage.old!r}"
    broken = text.replace(breakage.old, breakage.new, 1)
    path.write_text(broken, encoding="utf-8")
    lines = [i for i, row in enumerate(broken.splitlines(), 1) if breakage.line_of in row]
    return breakage.file, lines[breakage.occurrence - 1]


@pytest.fixture(scope="module")
def rendered_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our guide rendered once for the module by the real command, from a copy like each test's."""
    project = copy_project(tmp_path_factory.mktemp("good") / "project")
    out = project / "out"
    result = cli("--root", str(project), "render", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def good_output(project_copy: Path, rendered_once: Path) -> Path:
    """The last good output of this test's project: what rendering its unbroken copy writes, copied
    (the same files and ownership marker) rather than rendered again for each test."""
    out = project_copy / "out"
    shutil.copytree(rendered_once, out)
    return out


@pytest.mark.parametrize("name", BREAKAGES)
def test_bad_input_is_reported_clearly_and_keeps_the_last_good_output(name, project_copy, good_output):
    before = _tree_digest(good_output)
    file, line = _break(project_copy, BREAKAGES[name])

    result = cli("--root", str(project_copy), "render", "--out", str(good_output))

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{file}:{line}:"), result.stderr
    assert BREAKAGES[name].says in result.stderr, result.stderr
    assert "nothing was written" in result.stderr
    assert _tree_digest(good_output) == before


def test_a_file_that_is_not_utf8_is_named_with_its_line(project_copy, good_output):
    path = project_copy / "content/pages/about.yml"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3] + b" caf\xe9"
    path.write_bytes(b"\n".join(lines))
    result = cli("--root", str(project_copy), "render", "--out", str(good_output))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/pages/about.yml:4:" in result.stderr
    assert "not UTF-8 text (byte 0xe9)" in result.stderr


def test_every_problem_is_reported_at_once(project_copy):
    for name in ("missing field", "bad date", "malformed DOI"):
        _break(project_copy, BREAKAGES[name])
    result = cli("--root", str(project_copy), "check")
    assert result.returncode == 1
    assert "3 problems found" in result.stderr
    for name in ("missing field", "bad date", "malformed DOI"):
        assert BREAKAGES[name].says in result.stderr


def test_check_passes_on_our_content():
    result = cli("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("ok: ")  # after a line of counts per edition
