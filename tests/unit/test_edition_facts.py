"""The urgent route and the esketamine label's rules are facts of the edition, like the crisis lines:
each edition's words say its own, a clinic abroad that leaves one to ours is warned, a fact with an
unknown source is an error in the file that sets it, and the help page's groups keep their order."""

from __future__ import annotations

import shutil

import pytest
from pydantic import ValidationError

from generator.blocks.help_tiers import HelpTiersBlock
from generator.guide.assemble import load_guide
from generator.guide.edition_facts import edition_fill_ins
from generator.quality.review import author_notes
from generator.render.pages import render_guide
from helpers import ROOT, cli, copy_project, edit


@pytest.mark.parametrize(("clinic", "urgent", "watch"), [
    (None, "Go to an urgent care center, or call your own doctor's office", "for at least 2 hours after each dose"),
    ("clinics/example", "Call 111 (NHS 111, free, any time)", "after each dose until they say you are well enough"),
    ("clinics/example-au", "Call 1800 022 222 (healthdirect, free, any time)", "after each dose until they say"),
])
def test_each_edition_words_its_own_urgent_route_and_label_rule(clinic, urgent, watch):
    guide = load_guide(ROOT / "content", ROOT / clinic if clinic else None)
    text = edition_fill_ins("If it gets worse: {urgent_care}. Staff watch you {esketamine_watch}.", guide.site, guide.ui)
    assert f"If it gets worse: {urgent}" in text and watch in text and "{" not in text
    tracker = render_guide(guide, ROOT / "templates").pages["worksheets/side-effect-tracker.md"]
    assert f"is getting worse: {urgent}" in tracker.replace("&#39;", "'")


def test_spanish_words_the_same_facts_in_spanish():
    guide = load_guide(ROOT / "content", None, "es")
    text = edition_fill_ins("{urgent_care}. {esketamine_watch}. {esketamine_use}.", guide.site, guide.ui)
    assert "centro de atención urgente" in text and "por lo menos 2 horas" in text and "sola o junto" in text


def test_a_clinic_abroad_that_leaves_a_fact_to_ours_is_warned(tmp_path):
    project = copy_project(tmp_path / "project")
    clinic = project / "clinics/example-au"
    shutil.copytree(ROOT / "clinics/example-au", clinic)
    text = (clinic / "brand.yml").read_text(encoding="utf-8")
    (clinic / "brand.yml").write_text(text[:text.index("# Where patients go with a body symptom")], encoding="utf-8")
    guide = load_guide(project / "content", clinic)
    notes = "\n".join(author_notes(guide))
    assert "brand.yml:1:1: urgent_care: not set, so the guide gives ours, for US; set urgent_care for AU" in notes
    assert "esketamine: not set" in notes
    assert guide.site.urgent_care.name == "Urgent care"  # ours, so the patient is still sent somewhere


def test_a_fact_whose_source_is_unknown_is_an_error_in_the_file_that_sets_it(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "clinics/example", project / "clinics/example")
    edit(project / "clinics/example/brand.yml", "  source: nhs-111\n", "  source: nhs-one-one-one\n")
    result = cli("--clinic", "clinics/example", "check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "clinics/example/brand.yml" in result.stderr and "urgent_care.source" in result.stderr
    assert "no reference has the id 'nhs-one-one-one'" in result.stderr


def test_an_urgent_route_needs_a_way_to_reach_it_and_the_groups_keep_their_order(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project / "content/site.yml", "  what: Go to an urgent care center", "  # what: Go to an urgent care center")
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "urgent_care" in result.stderr and "needs a number, an online address" in result.stderr
    tiers = [{"level": level, "title": level, "signs": ["a sign"]} for level in ("clinic", "crisis", "urgent")]
    with pytest.raises(ValidationError, match="clinic, urgent, crisis, emergency"):
        HelpTiersBlock.model_validate({"type": "help_tiers", "tiers": tiers})


def test_a_page_cites_the_source_of_each_fact_its_words_name():
    for clinic, source in ((None, "spravato-label-us"), ("clinics/example", "spravato-uk"), ("clinics/example-au", "spravato-au")):
        guide = load_guide(ROOT / "content", ROOT / clinic if clinic else None)
        page = next(p for p in guide.pages if p.id == "your-session")
        assert source in {r.id for r in guide.page_references(page)}, clinic
        help_page = guide.help_page
        assert guide.site.urgent_care.source in {r.id for r in guide.page_references(help_page)}, clinic
