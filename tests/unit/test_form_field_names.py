"""A form field keeps its name in every language: a plan saved on the English page shows its ticked
side effects on the Spanish page, and a PDF's fields are the same in both editions."""

from __future__ import annotations

from generator.fields.table import TableField
from generator.guide.assemble import load_guides
from helpers import ROOT


def _column_keys(sheet) -> list[list[str]]:
    return [field.column_keys for field in sheet.fields if isinstance(field, TableField)]


def test_every_table_column_has_the_same_key_in_every_language():
    english, *others = load_guides(ROOT / "content")
    assert others, "no other language to compare with"
    for guide in others:
        for sheet in english.worksheets:
            theirs = next(s for s in guide.worksheets if s.id == sheet.id)
            assert _column_keys(theirs) == _column_keys(sheet), (guide.site.language, sheet.id)
