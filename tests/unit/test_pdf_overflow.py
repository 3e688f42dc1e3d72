"""A worksheet too long for its page names every file whose text it prints: its own, and the file its
crisis lines are written in (a clinic's brand.yml, or our site.yml), since a clinic's long list of
lines can be what pushes a sheet onto a second page (generator/publish/pdf/sheets.py)."""

from __future__ import annotations

from generator.guide.assemble import load_guides
from generator.publish.pdf.sheets import too_long
from helpers import ROOT


def sheet_of(guide, sheet_id):
    return next(sheet for sheet in guide.worksheets if sheet.id == sheet_id)


def test_a_sheet_with_a_clinics_crisis_lines_names_the_clinics_brand_file():
    guide = load_guides(ROOT / "content", ROOT / "clinics" / "example")[0]
    message = too_long(guide, sheet_of(guide, "safety-plan"), 2, "a4")
    lines = len(guide.site.crisis.lines)
    assert message.startswith("content/worksheets/safety-plan.yml: the worksheet prints on 2 pages of A4, not one")
    assert f"the {lines} crisis line{'s' if lines != 1 else ''} of " in message
    assert "clinics/example/brand.yml (crisis.lines)" in message


def test_a_sheet_with_our_crisis_lines_names_our_site_settings_and_one_without_names_only_itself():
    guide = load_guides(ROOT / "content")[0]
    assert "of content/site.yml (crisis.lines)" in too_long(guide, sheet_of(guide, "safety-plan"), 2, "letter")
    alone = too_long(guide, sheet_of(guide, "before-session"), 2, "letter")
    assert alone == ("content/worksheets/before-session.yml: the worksheet prints on 2 pages of US Letter, not one; "
                     "use fewer lines or fields, or smaller boxes")
