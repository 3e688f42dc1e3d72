"""Each worksheet field's template (templates/fields/) and the sheet component, on their own."""

from __future__ import annotations

import re

from helpers import ROOT, english_ui
from generator.guide.assemble import load_guide
from generator.fields.base import WorksheetItem
from generator.fields.box import BoxField
from generator.fields.checklist import ChecklistField
from generator.fields.date import DateField
from generator.fields.lines import LinesField
from generator.fields.note import NoteField
from generator.fields.scale import ScaleField
from generator.fields.table import TableField
from generator.render.environment import make_environment
from generator.render.worksheets import sheet_fields

ENV = make_environment(ROOT / "templates", english_ui())


def call(component: str, macro: str, *args, **kwargs) -> str:
    module = ENV.get_template(f"components/{component}.md.j2").make_module({"link_style": "root"})
    return str(getattr(module, macro)(*args, **kwargs))


def draw(field, items=(), level=2) -> str:
    """A field as its own template draws it (templates/fields/<type>.md.j2)."""
    return ENV.get_template(field.template).render(field=field, items=list(items), level=level, link_style="root")


def test_ws_prompt_is_a_heading_of_the_given_level_with_its_hint():
    html = call("ws_prompt", "ws_prompt", LinesField(id="a", type="lines", prompt="Me & you", hint="Say <more>", count=1), 3)
    assert '<h3 class="ws-prompt">Me &amp; you</h3>' in html
    assert '<p class="ws-hint">Say &lt;more&gt;</p>' in html


def test_ws_lines_draws_as_many_rules_as_asked_hidden_from_screen_readers():
    html = draw(LinesField(id="noticed", type="lines", prompt="What I noticed", count=4))
    assert html.count('class="ws-rule"') == 4
    assert 'id="field-noticed"' in html and 'class="ws-rules" aria-hidden="true"' in html


def test_each_place_to_fill_in_is_marked_for_the_pdfs_form_field_by_name_kind_and_label():
    """templates/components/fill_spot.md.j2: the names are the field ids (and item, row, column)."""
    lines = draw(LinesField(id="noticed", type="lines", prompt="What I noticed", count=4))
    assert re.findall(r'<div class="ws-rule" data-fill="([^"]+)" data-fill-kind="text" data-fill-label="([^"]+)">', lines) == [
        (f"noticed.line{n}", f"What I noticed, line {n}") for n in range(1, 5)], "a field of one line on each ruled line"
    assert "data-fill-multiline" not in lines
    one_line = draw(LinesField(id="phone", type="lines", prompt="Phone", count=1))
    assert 'data-fill="phone" data-fill-kind="text" data-fill-label="Phone"' in one_line and "data-fill-multiline" not in one_line
    box = draw(BoxField(id="draw", type="box", prompt="Draw & write", height_mm=40))
    assert 'data-fill="draw" data-fill-kind="text" data-fill-label="Draw &amp; write" data-fill-multiline' in box
    date = draw(DateField(id="d", type="date", prompt="Date"))
    assert '<span class="ws-date__blank" aria-hidden="true" data-fill="d" data-fill-kind="text"' in date
    items = [WorksheetItem(id="one", text="First")]
    ticks = draw(ChecklistField(id="c", type="checklist", prompt="Do", items=items), items)
    assert 'data-fill="c.one" data-fill-kind="check" data-fill-label="Do: First"' in ticks
    scale = draw(ScaleField(id="s", type="scale", prompt="Mood", low_label="Low", high_label="High"))
    assert re.findall(r'data-fill="s" data-fill-kind="choice" [^>]* data-fill-value="(\d+)"', scale) == [str(n) for n in range(11)]
    assert 'data-fill-label="Mood (0 = Low, 10 = High)"' in scale
    table = draw(TableField(id="t", type="table", prompt="Week", blank_rows=1, rows=["Mon"],
                            columns=[{"heading": "Done", "tick": True}, {"heading": "Sleep (hours)"}]), ["Mon"])
    assert '<span class="ws-tick" aria-hidden="true" data-fill="t.row1.done" data-fill-kind="check" data-fill-label="Week: Mon, Done">' in table
    assert '<td data-fill="t.row2.sleep-hours" data-fill-kind="text" data-fill-label="Week: row 2, Sleep (hours)">' in table
    tall = draw(TableField(id="t", type="table", prompt="W", rows=["a"], row_height_mm=20, columns=[{"heading": "Notes"}]), ["a"])
    assert "data-fill-multiline" in tall


def test_table_columns_have_keys_from_their_headings_unique_in_the_table():
    field = TableField(id="t", type="table", prompt="P", rows=["a"], columns=[
        {"heading": "Sleep (hours)"}, {"heading": "Ánimo 0 a 10"}, {"heading": "Sleep (hours)"}, {"heading": "?"}])
    assert field.column_keys == ["sleep-hours", "animo-0-a-10", "sleep-hours-3", "column4"]


def test_ws_box_has_the_printed_height_in_millimetres():
    html = draw(BoxField(id="draw", type="box", prompt="Draw", height_mm=120))
    assert 'style="height: 120mm"' in html and "<h2" in html


def test_ws_checklist_gives_each_item_an_empty_square():
    items = [WorksheetItem(id="one", text="First"), WorksheetItem(id="two", text="Second")]
    html = draw(ChecklistField(id="c", type="checklist", prompt="Do", items=items), items)
    assert len(re.findall(r'<span class="ws-tick" aria-hidden="true"[^>]*></span>', html)) == 2
    assert 'id="field-c-two"' in html and "Second</li>" in html


def test_ws_scale_numbers_0_to_10_and_says_what_each_end_means():
    html = draw(ScaleField(id="s", type="scale", prompt="Mood", low_label="Low", high_label="High"))
    assert re.findall(r"<li[^>]*>(\d+)</li>", html) == [str(n) for n in range(11)]
    assert "0 = Low" in html and "10 = High" in html


def test_ws_date_puts_a_blank_on_the_prompt_line():
    html = draw(DateField(id="d", type="date", prompt="Date"))
    assert html.startswith('<p class="ws-field ws-date" id="field-d">') and "Date:</span>" in html and "ws-date__blank" in html


def test_ws_table_has_row_and_column_headers_ticks_blank_rows_and_row_height():
    field = TableField(id="t", type="table", prompt="Week", row_heading="Day", blank_rows=2, row_height_mm=12,
                       columns=[{"heading": "Done", "tick": True, "narrow": True}, {"heading": "Notes"}], rows=["Mon"])
    html = draw(field, ["Mon"])
    assert '<th scope="row">Mon</th>' in html and '<th scope="col" class="ws-grid__narrow">Done</th>' in html
    assert html.count("<tr style=\"height: 12mm\">") == 3
    assert html.count('class="ws-tick"') == 3
    assert 'aria-labelledby="field-t-prompt"' in html and 'id="field-t-prompt"' in html


def test_ws_note_renders_its_markdown_body_in_a_frame():
    html = draw(NoteField(id="n", type="note", title="Rest first", body="Go *slowly*."))
    assert "<strong>Rest first</strong>" in html and "Go *slowly*." in html and "markdown>" in html


def test_print_tools_links_both_paper_sizes_and_hides_the_button_until_script_runs():
    html = call("print_tools", "print_tools", "../../downloads/worksheets/x")
    assert 'href="../../downloads/worksheets/x-a4.pdf"' in html and 'href="../../downloads/worksheets/x-letter.pdf"' in html
    assert "data-guide-print hidden" in html
    assert "<button" not in call("print_tools", "print_tools", "x", print_button=False)


def test_worksheet_sheet_has_the_guide_name_every_field_and_a_crisis_and_review_footer():
    guide = load_guide(ROOT / "content")
    sheet = guide.worksheet("session-day")
    html = call("worksheet_sheet", "worksheet_sheet", sheet, sheet_fields(sheet, guide), guide.site)
    assert f"<span class=\"guide-sheet__name\">{guide.site.name}</span>" in html
    assert '<h1 class="guide-sheet__title" id="sheet-session-day-title">' in html
    for field in sheet.fields:
        assert f'id="field-{field.id}"' in html
    assert "Need help now?" in html and guide.site.crisis.lines[0].how in html
    assert "Reviewed November 25, 2026" in html
    assert "Have someone take you home." in html, "the reused safety items are shown"
    assert "Rest after the session." not in html, "only the items picked with `only`"
