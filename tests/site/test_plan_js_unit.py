"""The plan builder's scripts, unit-tested in Node, each part by its own tests/js/<part>.test.js
(`node --test`, no npm packages; the screens in tests/js/dom.js, a small stand-in DOM). The same
files load in the page as classic scripts and in Node through module.exports; `make test-js` runs
them alone. In the site tier, not the fast one: the Node suite is a process of its own that takes
about 6 CPU seconds, half of what the whole fast tier may take."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from helpers import ROOT

JS_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.js"))


def test_the_plan_scripts_pass_their_node_unit_tests():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: run `make node` (make test does it for you)")
    assert len(JS_TESTS) >= 4, JS_TESTS
    result = subprocess.run([node, "--test", "--test-reporter=tap", *(str(p.relative_to(ROOT)) for p in JS_TESTS)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    report = result.stdout[-6000:] + result.stderr[-2000:]
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.M)
    assert result.returncode == 0, report
    assert passed and int(passed.group(1)) >= 20 and re.search(r"^# fail 0$", result.stdout, re.M), report


def test_each_plan_script_is_a_part_of_at_most_300_lines_with_node_tests_of_its_own():
    scripts = sorted((ROOT / "templates" / "assets" / "javascripts" / "plan").glob("*.js"))
    assert len(scripts) >= 10, scripts
    for script in scripts:
        lines = script.read_text(encoding="utf-8").count("\n")
        assert lines <= 300, f"{script.name} has {lines} lines"
        assert (ROOT / "tests" / "js" / f"{script.stem}.test.js").exists(), f"{script.name} has no tests/js/{script.stem}.test.js"
