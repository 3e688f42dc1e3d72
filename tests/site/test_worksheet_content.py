"""A clinic's view: a worksheet is one YAML file; mistakes in it are reported where they are."""

from __future__ import annotations

import io
import textwrap

from pypdf import PdfReader

from helpers import run_cli

NEW_SHEET = textwrap.dedent("""\
    # yaml-language-server: $schema=../../schemas/worksheet.schema.json
    id: sleep-diary
    title: My sleep this week
    order: 80
    description: A week of sleep, to bring to the clinic.
    last_reviewed: 2026-11-01
    next_review_due: 2027-05-01
    fields:
      - id: nights
        type: table
        prompt: How I slept each night
        columns:
          - heading: Hours of sleep
          - heading: Woke rested
            tick: true
        rows: [Night one, Night two, Night three]
      - id: dreams
        type: lines
        prompt: Dreams I remember from this week
        count: 4
      - id: rested
        type: scale
        prompt: How rested I feel overall
        low_label: Worn out
        high_label: Fully rested
      - id: reminders
        type: checklist
        prompt: The safety reminders I kept
        items_from: phase:day-of-session
        only: [no-driving]
    """)


def test_a_new_worksheet_file_appears_on_the_site_in_print_and_in_the_pack(project_copy):
    (project_copy / "content" / "worksheets" / "sleep-diary.yml").write_text(NEW_SHEET, encoding="utf-8")
    site = project_copy / "site"
    result = run_cli("site", "--out", str(site), cwd=project_copy)
    assert result.returncode == 0, result.stderr

    page = (site / "worksheets" / "sleep-diary" / "index.html").read_text(encoding="utf-8")
    assert "Dreams I remember from this week" in page and "Worn out" in page
    assert 'href="sleep-diary/"' in (site / "worksheets" / "index.html").read_text(encoding="utf-8")
    assert "My sleep this week" in (site / "index.html").read_text(encoding="utf-8"), "the menu lists it"

    for paper in ("a4", "letter"):
        sheet = PdfReader(io.BytesIO((site / "downloads" / "worksheets" / f"sleep-diary-{paper}.pdf").read_bytes()))
        assert len(sheet.pages) == 1
        text = sheet.pages[0].extract_text()
        for words in ("How I slept each night", "Night three", "Woke rested", "Fully rested", "Do not drive"):
            assert words in text
        pack = PdfReader(io.BytesIO((site / "downloads" / "worksheets" / f"all-worksheets-{paper}.pdf").read_bytes()))
        assert "My sleep this week" in [entry.title for entry in pack.outline]
        assert "Dreams I remember from this week" in pack.pages[-1].extract_text()
        handout = PdfReader(io.BytesIO((site / "downloads" / f"handout-{paper}.pdf").read_bytes()))
        assert "Dreams I remember from this week" in handout.pages[-1].extract_text()


def test_mistakes_in_a_worksheet_are_reported_with_file_line_and_field(project_copy):
    broken = NEW_SHEET.replace("count: 4", "count: 0").replace("type: scale", "type: slider")
    broken = broken.replace("only: [no-driving]", "only: [no-flying]").replace("id: dreams", "id: nights")
    (project_copy / "content" / "worksheets" / "sleep-diary.yml").write_text(broken, encoding="utf-8")
    result = run_cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    where = "content/worksheets/sleep-diary.yml"
    lines = result.stderr.splitlines()
    assert f"{where}:20:5: fields[1].count: expected a number at least 1 (got 0): How many ruled lines, 1 to 20." in lines
    assert (f"{where}:22:5: fields[2].type: unknown type 'slider'; expected one of: box, checklist, crisis_lines, date, lines, note, scale, table") in lines


def test_references_from_a_worksheet_to_the_guide_must_resolve(project_copy):
    broken = NEW_SHEET.replace("only: [no-driving]", "only: [no-flying]").replace("id: dreams", "id: nights")
    (project_copy / "content" / "worksheets" / "sleep-diary.yml").write_text(broken, encoding="utf-8")
    result = run_cli("check", cwd=project_copy)
    assert result.returncode == 1
    where = "content/worksheets/sleep-diary.yml"
    assert f"{where}:30:12: fields[3].only[0]: phase:day-of-session has no item 'no-flying'; expected one of: " in result.stderr
    assert f"{where}:17:5: fields[1].id: duplicate field id 'nights' (first used at {where}:9)" in result.stderr


def test_a_worksheet_too_long_for_one_page_fails_the_build_and_keeps_the_last_site(project_copy):
    site = project_copy / "site"
    assert run_cli("site", "--no-pdf", "--out", str(site), cwd=project_copy).returncode == 0  # the last site: pages are enough
    long_sheet = NEW_SHEET.replace("count: 4", "count: 20").replace("rows: [Night one, Night two, Night three]",
                                                                 "rows: [a, b, c, d, e, f, g, h, i, j, k, l, m]")
    (project_copy / "content" / "worksheets" / "sleep-diary.yml").write_text(long_sheet, encoding="utf-8")
    result = run_cli("site", "--out", str(site), cwd=project_copy)
    assert result.returncode == 1
    assert "content/worksheets/sleep-diary.yml: the worksheet prints on 2 pages" in result.stderr
    assert not (site / "worksheets" / "sleep-diary").exists(), "the last good site stays in place"
    assert (site / "worksheets" / "before-session" / "index.html").is_file()
