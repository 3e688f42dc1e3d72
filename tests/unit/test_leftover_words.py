"""An edition for another country is warned, through the command line, of every word of ours that
names a US service or fact and that its own overlay puts back in a text, at that text's file and line."""

from __future__ import annotations

import shutil
import textwrap

from helpers import ROOT, cli, copy_project

CLINIC = "clinics/example-au"  # country AU, crisis lines set in brand.yml and nothing else

NOTICE = """notices:
  add:
    - id: medicine-questions
      style: info
      title: Questions about your medicine
      body: |
        Ask your prescriber what the label says.
        The FDA has approved one form of ketamine for depression.
        If you feel very unwell, go to the emergency room.
"""


def test_a_us_word_put_back_by_a_clinic_abroad_is_warned_at_its_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / CLINIC, project / CLINIC)
    (project / CLINIC / "content/notices.yml").write_text(NOTICE, encoding="utf-8")

    result = cli("--clinic", CLINIC, "check", cwd=project)

    assert result.returncode == 0, result.stderr  # a warning, not an error: the clinic decides
    warnings = [row for row in result.stderr.splitlines() if row.startswith("warning: ") and "names a service" in row]
    assert any(row.startswith(f"warning: {CLINIC}/content/notices.yml:8:1: notices.add[0].body: 'FDA' names a service "
                              "or fact of United States (US), but this edition is for Australia (AU)") for row in warnings), \
        result.stderr
    assert any(row.startswith(f"warning: {CLINIC}/content/notices.yml:9:1: notices.add[0].body: 'emergency room'")
               for row in warnings), result.stderr
    assert len(warnings) == 2, warnings  # and none for our own texts, which name no US service


def test_the_same_words_are_no_warning_in_our_own_us_edition(tmp_path):
    project = copy_project(tmp_path / "project")
    notices = project / "content/notices.yml"
    text = notices.read_text(encoding="utf-8")
    items = textwrap.dedent(NOTICE.split("add:\n", 1)[1])  # the same notice, as one of our list's items
    notices.write_text(text.rstrip("\n") + "\n" + textwrap.indent(items, "  "), encoding="utf-8")

    result = cli("check", cwd=project)

    assert result.returncode == 0, result.stderr
    assert "names a service or fact" not in result.stderr
