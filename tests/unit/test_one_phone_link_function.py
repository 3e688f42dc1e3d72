"""One function makes every tel:/sms: address of the site (generator/guide/phone_links.py): the
templates call it (the ``tel`` filter, or a crisis line's ways) and write no scheme themselves; the
plan's script makes the addresses of numbers a patient types with one helper of its own
(entries.js's telHref), which dials a number the same way (issue 21 item 1)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from generator.guide.phone_links import phone_href
from helpers import ROOT

TEMPLATES = ROOT / "templates"
SCHEME = re.compile(r"""(["'=]|href=")\s*(tel|sms):""")
JS_HELPER = TEMPLATES / "assets/javascripts/plan/entries.js"


def test_no_template_or_script_writes_a_tel_or_sms_address_itself():
    files = [*TEMPLATES.rglob("*.j2"), *(TEMPLATES / "overrides").rglob("*.html"), *TEMPLATES.rglob("*.js")]
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}" for path in sorted(files)
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if SCHEME.search(line)]
    helper = [f for f in found if f.startswith(f"{JS_HELPER.relative_to(ROOT)}:") and "function telHref" in
              JS_HELPER.read_text(encoding="utf-8").splitlines()[int(f.split(":")[1]) - 2]]
    assert len(helper) == 1, found  # the script's one helper
    assert [f for f in found if f not in helper] == [], "use the tel filter (generator/guide/phone_links.py)"


@pytest.mark.parametrize("number", ["+44 (20) 7946-0000", "020 7946 0000", " +1 988", "988", "13 11 14", "+52 55 5259-8121"])
def test_the_scripts_helper_dials_a_number_as_the_pages_do(number):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: run `make node` (make test does it for you)")
    script = f"process.stdout.write(require({json.dumps(str(JS_HELPER))}).entries.telHref({json.dumps(number)}))"
    result = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == phone_href(number)
