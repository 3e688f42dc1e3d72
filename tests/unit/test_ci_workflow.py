"""Every pull request is tested as CI tests main: .github/workflows/test.yml runs the commands of
.ci/run, in order, one step each, after checking out and setting up Python; `make test` runs every
tier (both engines) and lists the slowest tests."""

from __future__ import annotations

import re

import yaml

from helpers import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "test.yml"


def ci_commands() -> list[str]:
    """The commands .ci/run runs: its lines but comments, blank lines, `set` and the `cd` to the checkout."""
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and not line.startswith(("#", "set ", "cd "))]


def make_rule(target: str) -> tuple[list[str], list[str]]:
    """A Makefile target's prerequisites and recipe lines."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{re.escape(target)}:([^\n#]*)[^\n]*\n((?:\t[^\n]*\n)*)", text, re.MULTILINE)
    assert match, f"the Makefile has no {target} target"
    return match.group(1).split(), [line.strip() for line in match.group(2).splitlines()]


def test_the_pull_request_workflow_runs_the_steps_of_ci():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read"}

    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest" and job["timeout-minutes"] <= 90
    steps = job["steps"]
    runs = [step["run"].strip() for step in steps if "run" in step]
    assert runs == ci_commands(), f"the workflow's steps {runs} differ from .ci/run's {ci_commands()}"
    first_run = next(i for i, step in enumerate(steps) if "run" in step)
    set_up = [step.get("uses", "") for step in steps[:first_run]]
    assert any(u.startswith("actions/checkout@") for u in set_up) and any(u.startswith("actions/setup-python@") for u in set_up)


def test_ci_sets_up_the_browser_node_and_checker_then_runs_every_tier():
    commands = ci_commands()
    assert commands[-1] == "make test" and "make test-install" in commands
    set_up = next(c for c in commands if c.startswith("make browser"))
    assert set(set_up.split()[1:]) == {"browser", "node", "vnu"}

    prerequisites, recipe = make_rule("test")
    assert {"browser", "node", "vnu"} <= set(prerequisites)
    (pytest_line,) = [line for line in recipe if "pytest" in line]
    assert "--durations=25" in pytest_line
    assert all(tier in pytest_line.split() for tier in ("tests/unit", "tests/site", "tests/browser"))


def test_the_suite_builds_with_both_engines():
    """make test runs tests on a Zensical build as well as on MkDocs' (the zensical_site fixture)."""
    users = [path for path in (ROOT / "tests").rglob("test_*.py") if "zensical_site" in path.read_text(encoding="utf-8")]
    assert users, "no test uses the Zensical build"
