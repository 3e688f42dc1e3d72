"""The plan builder's pure scripts, unit-tested in Node: format and migrations, schedule, calendar
and storage (tests/js/*.test.js, `node --test`, no npm packages). The same files load in the page
as classic scripts and in Node through module.exports; `make test-js` runs them alone."""

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
