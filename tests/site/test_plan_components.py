"""The plan builder's macros: labelled fields, content-driven sections, text escaped, one HTML block."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from helpers import ROOT, run_cli, english_ui
from generator.guide.assemble import load_guides
from generator.pipeline import Project, generate
from generator.blocks.plan_builder import PlanBuilderBlock
from generator.render.environment import make_environment

ENV = make_environment(ROOT / "templates", english_ui())
PLAN_SCRIPTS = [f"javascripts/plan/{name}.js" for name in  # in the order they must run
                ["format", "migrate", "entries", "schedule", "calendar", "storage", "chart", "ui", "steps",
                 "screen_sessions", "screen_checkins", "printing", "screens", "files", "page"]]


def macro(file: str, name: str):
    return getattr(ENV.get_template(f"components/{file}").module, name)


def test_a_text_field_has_its_label_and_hint_linked():
    html = str(macro("plan_fields.md.j2", "plan_text")("action", "What I will do", hint="Keep it small", rows=2, maxlength=500))
    assert '<label for="plan-action">What I will do</label>' in html
    assert '<textarea id="plan-action" name="action" rows="2" maxlength="500" aria-describedby="plan-action-hint">' in html
    assert '<span class="plan-hint" id="plan-action-hint">Keep it small</span>' in html


def test_a_date_field_and_a_checkbox():
    date = str(macro("plan_fields.md.j2", "plan_text")("session-1-date", "Date", kind="date"))
    assert '<input type="date" id="plan-session-1-date" name="session-1-date" min="1900-01-01" max="2200-12-31">' in date
    check = str(macro("plan_fields.md.j2", "plan_check")("check-rest", "Rest <today> & sleep"))
    assert '<input type="checkbox" id="plan-check-rest" name="check-rest">' in check
    assert '<label for="plan-check-rest">Rest &lt;today&gt; &amp; sleep</label>' in check


def plan_block(guide) -> PlanBuilderBlock:
    return next(block for page in guide.pages for block in page.blocks if isinstance(block, PlanBuilderBlock))


def builder_html(guide, site_root: str = "../") -> str:
    block = plan_block(guide).model_copy(update={"sessions": 4, "support_people": 2})
    return str(macro("plan_builder.md.j2", "plan_builder")(block, guide, site_root))


@pytest.mark.parametrize("address", ["plan/", ""])  # its own page, or a clinic's home page
def test_the_plan_links_to_worksheets_and_pages_where_they_are_built(address):
    """The "On paper" worksheets, the help page and the crisis page are linked through the site's
    link filters (link, worksheet_link, address) from wherever the plan is built, as every other
    page's links are: a plan on the home page of a clinic, or of a language, finds them too."""
    import posixpath
    from generator.render.layout import page_address, page_path, worksheet_path

    for guide in load_guides(ROOT / "content"):
        site_root = "../" * address.count("/")
        html = builder_html(guide, site_root)
        built = {page_address(page_path(page.id)) for page in guide.pages} | {
            page_address(worksheet_path(sheet.id)) for sheet in guide.worksheets}
        links = re.findall(r'<a href="([^"#:]*)"', html)  # the links inside the site
        on_paper = re.findall(r'<p class="plan-when plan-on-paper">[^<]*<a href="([^"]*)"', html)
        assert len(on_paper) >= 3 and set(on_paper) <= set(links), guide.language
        for href in links:
            target = posixpath.normpath(posixpath.join(address, href))
            target = "" if target == "." else target + "/"
            assert not target.startswith("../") and target in built, (guide.language, address, href)


def test_the_tracker_on_paper_and_the_check_in_measure_the_same_things_on_the_same_scale():
    """A patient who moves from the paper tracker to the plan (or shows both to the clinic) finds
    the same measures: mood and how well they slept, each 0 to 10, and the same side effects."""
    for guide in load_guides(ROOT / "content"):
        html = builder_html(guide)
        tracker = guide.worksheet("side-effect-tracker")
        columns = [c for f in tracker.fields if f.type == "table" for c in f.columns]
        scored = sorted(c.key for c in columns if not c.tick)
        assert scored == ["mood-0-to-10", "sleep-0-to-10"], (guide.language, scored)
        for part in ("mood", "sleep"):
            assert re.search(rf'name="checkin-NEWID-{part}"[^>]*>', html), (guide.language, part)
        ticked = [c.key for c in columns if c.tick]
        assert all(f'name="checkin-NEWID-effect-{key}"' in html for key in ticked), guide.language


@pytest.mark.parametrize("clinic", [None, "clinics/example", "clinics/example-au"])
def test_the_plans_safety_part_opens_with_the_emergency_number_to_tap_in_every_edition(clinic):
    """As on the worksheet: "if you are in danger now, call ..." comes first, before any step."""
    for guide in load_guides(ROOT / "content", ROOT / clinic if clinic else None):
        html = builder_html(guide)
        safety = html[html.index('id="plan-step-safety"'):]
        number = guide.site.crisis.emergency_number
        first = re.search(r'<p class="plan-safety-now"><strong>([^<]*)<a href="tel:(\d+)">(\d+)</a>', safety)
        assert first and first.group(2) == first.group(3) == number, (clinic, guide.language)
        assert first.group(1).strip(), "the words before the number are there"
        assert safety.index("plan-safety-now") < safety.index('name="safety-'), "before the first step"


def test_the_builder_is_drawn_from_the_content_and_is_one_html_block():
    guide, _ = generate(Project.at(ROOT))
    html = builder_html(guide)
    assert "\n\n" not in html.strip(), "a blank line would end the HTML block and let Markdown rewrite the form"
    assert "<form" not in html, "nothing may ever be submitted"
    assert html.count('id="plan-session-template"') == 1 and html.count('class="plan-person"') == 2
    assert 'name="session-1-date"' not in html, "no fixed, empty session slots: the patient adds sessions"
    # what the screens read from the worksheets, not copied into the plan
    journal, tracker, safety = (guide.worksheet(i) for i in ("post-session-journal", "side-effect-tracker", "safety-plan"))
    for field in journal.fields:
        if field.type in ("lines", "scale"):
            assert f'name="session-NEWID-journal-{field.id}"' in html and field.prompt.replace("'", "&#39;") in html
    ticks = [c.heading for f in tracker.fields if f.type == "table" for c in f.columns if c.tick]
    assert ticks and all(f'<label for="plan-checkin-NEWID-effect-' in html and heading in html for heading in ticks)
    assert 'name="checkin-NEWID-effect-sick-or-dizzy"' in html
    steps = [f for f in safety.fields if f.type != "crisis_lines"]
    assert len(steps) == 7 and all(f'name="safety-{f.id}"' in html for f in steps)  # six steps and reasons for living
    for practice in guide.practices:
        assert f'name="practice-{practice.id}"' in html and f"<legend>{practice.name}</legend>" in html
    for phase in guide.phases:
        for item in phase.items:
            assert f'name="check-{item.id}"' in html
    for item in guide.therapist.criteria:
        assert f'name="criterion-{item.id}"' in html
    for line in guide.site.crisis.lines:
        assert f'href="{line.href}"' in html
    assert "The guide suggests: 15 to 30 minutes" in html  # journaling's minutes, from practices.yml
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids are unique"
    for control in re.findall(r'<(?:input|textarea|select)[^>]* id="(plan-[^"]+)"', html):
        if control != "plan-import":
            assert f'for="{control}"' in html, f"{control} has no label"


def test_a_clinics_content_change_shows_up_in_the_plan(project_copy: Path, tmp_path: Path):
    practices = project_copy / "content" / "practices.yml"
    data = yaml.safe_load(practices.read_text(encoding="utf-8"))
    data["practices"].append({"id": "breathwork", "name": "Slow breathing <together>", "summary": "Breathe out slowly.",
                              "body": "Four counts in, six out.", "how_often": "Twice a day", "minutes": {"low": 5, "high": 5}})
    practices.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = run_cli("--root", str(project_copy), "render", "--out", str(tmp_path / "pages"))
    assert result.returncode == 0, result.stderr
    plan = (tmp_path / "pages" / "plan.md").read_text(encoding="utf-8")
    assert 'name="practice-breathwork"' in plan and "<legend>Slow breathing &lt;together&gt;</legend>" in plan
    assert "The guide suggests: 5 minutes" in plan and "The guide suggests: Twice a day" in plan
    assert f"scripts: {json.dumps(PLAN_SCRIPTS)}" in plan


def test_only_the_plan_page_loads_the_plan_scripts_and_in_order(built_site):
    html = (built_site / "plan" / "index.html").read_text(encoding="utf-8")
    loaded = re.findall(r'<script src="\.\./(javascripts/plan/[a-z_]+\.js)(?:\?h=[0-9a-f]+)?" defer>', html)
    assert loaded == PLAN_SCRIPTS  # deferred scripts run in document order: each needs the ones before
    assert "javascripts/plan/" not in (built_site / "phases" / "index.html").read_text(encoding="utf-8")
    assert "plan.css" not in (built_site / "index.html").read_text(encoding="utf-8")


def content_words(words) -> list[str]:
    """Every text of the plan's messages, schedule or screens (a pydantic model), nested ones and lists too."""
    found = []
    for _, value in words:
        for item in value if isinstance(value, list) else [value]:
            found += [item] if isinstance(item, str) else content_words(item) if isinstance(item, BaseModel) else []
    return found


def test_the_scripts_words_come_from_the_content_as_a_data_block(built_site):
    guide, _ = generate(Project.at(ROOT))
    block = plan_block(guide)
    html = (built_site / "plan" / "index.html").read_text(encoding="utf-8")
    body = re.search(r'<script type="application/json" id="plan-text">(.*?)</script>', html, re.S).group(1)
    assert json.loads(body) == {"messages": block.messages.model_dump(), "schedule": block.schedule.model_dump(),
                                "screens": block.screens.model_dump()}
    assert "Do not drive until tomorrow" in block.schedule.session_day.detail
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    assert digest not in html.replace(body, ""), "a data block is never run, so the policy must not allow it by hash"


def test_no_patient_facing_words_are_left_in_the_scripts():
    scripts = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "templates/assets/javascripts/plan").glob("*.js")}
    assert sorted(scripts) == sorted(p.split("/")[-1] for p in PLAN_SCRIPTS)
    guide, _ = generate(Project.at(ROOT))
    block = plan_block(guide)
    texts = content_words(block.messages) + content_words(block.schedule) + content_words(block.screens)
    pieces = [piece.strip(" .:;,()") for text in texts for piece in re.split(r"\{[a-z_]+\}|(?<=[.?!:;])\s+", text)]
    for name, script in scripts.items():
        found = [piece for piece in pieces if len(piece) >= 12 and piece in script]
        assert not found, f"{name} holds words that belong in content/pages/plan.yml: {found}"


def test_a_fill_in_the_script_does_not_supply_is_an_error(project_copy: Path):
    plan = project_copy / "content" / "pages" / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("as {file}. Keep", "as {filename}. Keep").replace("last_day: 3", "last_day: 0"), encoding="utf-8")
    result = run_cli("--root", str(project_copy), "check")
    assert result.returncode == 1
    assert "blocks[1].messages.exported: {filename} is not filled in here (this text's fill-ins: {file})" in result.stderr
    assert "blocks[1].schedule.after.last_day" in result.stderr
