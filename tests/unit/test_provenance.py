"""Every message about an item names the file the item came from: ours, or the clinic's."""

from __future__ import annotations

import shutil

from helpers import ROOT, cli, copy_project

SHEET = "content/worksheets/session-day.yml"
INTRO = "  Keep this sheet with you on session day. You do not need to fill it all in.\n"


def _set_intro(project, link: str) -> None:
    path = project / SHEET
    text = path.read_text(encoding="utf-8")
    assert INTRO in text
    path.write_text(text.replace(INTRO, INTRO + f"  If you feel unsafe, see [Get help now]({link}).\n"), encoding="utf-8")


def test_a_page_link_inside_a_worksheet_works(tmp_path):
    project = copy_project(tmp_path / "project")
    _set_intro(project, "page:crisis")
    result = cli("--root", str(project), "render", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "[Get help now](../crisis.md)" in (tmp_path / "out" / "worksheets" / "session-day.md").read_text(encoding="utf-8")


def test_a_dangling_page_link_inside_a_worksheet_is_reported_in_the_worksheets_file(tmp_path):
    project = copy_project(tmp_path / "project")
    _set_intro(project, "page:crisiss")
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{SHEET}:9:1: intro: no page has the id 'crisiss'" in result.stderr, result.stderr


def test_a_clinic_page_past_its_review_date_is_reported_in_the_clinics_file(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "clinics" / "example", project / "clinics" / "example")
    page = project / "clinics/example/content/pages/crisis.yml"
    text = page.read_text(encoding="utf-8").replace("last_reviewed: 2026-11-25", "last_reviewed: 2020-01-01")
    page.write_text(text.replace("next_review_due: 2027-05-25", "next_review_due: 2020-06-01"), encoding="utf-8")
    result = cli("--clinic", "clinics/example", "check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "warning: clinics/example/content/pages/crisis.yml: next_review_due: page 'crisis' was due for review on 2020-06-01" \
        in result.stderr
    assert "content/pages/crisis.yml: next_review_due" not in result.stderr.replace("clinics/example/content/pages/crisis.yml", "")


def test_a_worksheet_past_its_review_date_warns_in_its_file(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / SHEET
    text = path.read_text(encoding="utf-8").replace("last_reviewed: 2026-11-25", "last_reviewed: 2020-01-01")
    path.write_text(text.replace("next_review_due: 2027-05-25", "next_review_due: 2020-06-01"), encoding="utf-8")
    result = cli("--root", str(project), "check")
    assert result.returncode == 0
    assert f"warning: {SHEET}: next_review_due: worksheet 'session-day' was due for review on 2020-06-01" in result.stderr
