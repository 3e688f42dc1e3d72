"""Every page block type and worksheet field type, each from its own example in tests/fixtures/:
it has a model, a template and an example; the example validates, renders, and shows what a reader
should see. A new type without a template or an example fails here, by name."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from generator.blocks import BLOCK_TYPES
from generator.fields import FIELD_TYPES
from generator.guide.assemble import load_guide
from generator.render.environment import make_environment
from generator.render.pages import page_context
from generator.render.worksheets import sheet_fields
from generator.schema.page import Page
from generator.schema.worksheet import Worksheet
from helpers import ROOT, markdown_html, visible_text, english_ui

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GUIDE = load_guide(ROOT / "content")
ENV = make_environment(ROOT / "templates", english_ui())
DATES = {"last_reviewed": dt.date(2026, 1, 1), "next_review_due": dt.date(2026, 7, 1)}


def example(kind: str, name: str) -> dict:
    path = FIXTURES / kind / f"{name}.yml"
    assert path.is_file(), f"the {name!r} type has no example: add {path.relative_to(ROOT)}"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(BLOCK_TYPES))
def test_each_block_type_has_a_template_and_its_example_shows_what_it_should(name):
    assert (ROOT / "templates" / "blocks" / f"{name}.md.j2").is_file(), f"templates/blocks/{name}.md.j2 is missing"
    fixture = example("blocks", name)
    if "block_from" in fixture:  # an example too long to write twice: the block as a content page has it
        source = yaml.safe_load((ROOT / fixture["block_from"]).read_text(encoding="utf-8"))
        fixture["block"] = next(b for b in source["blocks"] if b["type"] == name)
    page = Page(id="example", title="An example page", order=1, description="An example.", blocks=[fixture["block"]], **DATES)
    [block] = page.blocks
    assert isinstance(block, BLOCK_TYPES[name])
    html = markdown_html(ENV.get_template("pages/page_content.md.j2").render(**page_context(page, GUIDE)))
    shown = visible_text(html)
    for text in fixture["shows"]:
        assert text in shown, f"the {name} block does not show {text!r}"
    for prose in block.prose(GUIDE):  # what readability measures is what the reader reads (on the page,
        words = re.split(r"\bit\b", visible_text(markdown_html(prose)))[0].strip()[:30]  # or, for words a
        # script shows, in its data block; a {fill-in} is measured as "it", so only the words before one
        assert words in shown or json.dumps(words)[1:-1] in html, f"the {name} block measures text it does not show"


@pytest.mark.parametrize("name", sorted(FIELD_TYPES))
def test_each_field_type_has_a_template_and_its_example_shows_what_it_should(name):
    assert (ROOT / "templates" / "fields" / f"{name}.md.j2").is_file(), f"templates/fields/{name}.md.j2 is missing"
    fixture = example("fields", name)
    sheet = Worksheet(id="example", title="An example sheet", order=1, description="An example.", fields=[fixture["field"]], **DATES)
    [field] = sheet.fields
    assert isinstance(field, FIELD_TYPES[name])
    module = ENV.get_template("components/worksheet_sheet.md.j2").make_module({"link_style": "root"})
    shown = visible_text(markdown_html(str(module.worksheet_sheet(sheet, sheet_fields(sheet, GUIDE), GUIDE.site))))
    assert f'id="field-{field.id}"' in markdown_html(str(module.worksheet_sheet(sheet, sheet_fields(sheet, GUIDE), GUIDE.site)))
    for text in [*fixture["shows"], *field.printed_texts(GUIDE)]:
        assert visible_text(markdown_html(text)) in shown, f"the {name} field does not show {text!r}"
