"""Each Jinja component (macro) rendered on its own, through Markdown, as MkDocs would show it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from helpers import ROOT, english_ui, render_macro
from generator.blocks.text import TextBlock
from generator.guide.crisis_wording import worded_crisis
from generator.schema.items import ChecklistItem, Crisis, CrisisLine, Minutes, Modality, Notice, Practice, Reference
from generator.schema.page import Page

def test_notice_is_a_titled_box_of_its_style():
    notice = Notice(id="x", style="danger", title='Help & "support"', body="Call **988**.")
    html = render_macro("notice.md.j2", "notice", notice)
    assert '<div class="admonition danger">' in html
    assert "Help &amp; &quot;support&quot;" in html
    assert "<strong>988</strong>" in html


def test_checklist_items_are_list_items_with_anchors_and_details():
    items = [ChecklistItem(id="rest", text="Rest <first>", detail="See [the phases](page:phases)."),
             ChecklistItem(id="write", text="Write a few notes")]
    html = render_macro("checklist.md.j2", "checklist", items, id="day-of")
    assert '<ul class="guide-checklist" id="day-of">' in html
    assert '<li id="rest">' in html and '<li id="write">' in html
    assert "Rest &lt;first&gt;" in html  # plain text is shown as text, never as markup
    assert '<a href="phases.md">the phases</a>' in html


def test_practice_card_shows_timing_lists_and_modalities():
    practice = Practice(
        id="journaling", name="Journaling", summary="Writing it down.", body="Write freely.",
        how_often="After each session", minutes=Minutes(low=15, high=30),
        lists=[{"id": "prompts", "heading": "Prompts", "items": ["What surprised you?"]}],
        modalities=[Modality(id="ifs", name="IFS", summary="Parts work.")])
    html = render_macro("practice_card.md.j2", "practice_card", practice)
    assert '<h2 id="journaling">Journaling</h2>' in html
    assert "15 to 30 minutes" in html and "After each session" in html
    assert '<h3 id="journaling-prompts">Prompts</h3>' in html and "<li>What surprised you?</li>" in html
    assert "<strong>IFS:</strong> Parts work." in html


def test_practice_card_with_one_duration_says_it_once():
    practice = Practice(id="walk", name="Walk", summary="Walk.", body="Go.", minutes=Minutes(low=10, high=10))
    assert "10 minutes" in render_macro("practice_card.md.j2", "practice_card", practice, level=3)


def test_reference_list_links_each_source_by_doi_or_url():
    refs = [Reference(id="a", authors="Li N", year=2010, title="A & B", source="Science", doi="10.1126/science.1190287"),
            Reference(id="b", authors="SAMHSA", year=2024, title="988", source="SAMHSA", url="https://988lifeline.org/")]
    html = render_macro("reference_list.md.j2", "reference_list", refs)
    assert '<h2 id="sources">Sources</h2>' in html
    assert '<a href="https://doi.org/10.1126/science.1190287">doi:10.1126/science.1190287</a>' in html
    assert '<a href="https://988lifeline.org/">' in html and "A &amp; B" in html


def test_reference_list_is_empty_without_references():
    assert render_macro("reference_list.md.j2", "reference_list", []).strip() == ""


def test_review_footer_shows_both_dates_in_words_and_machine_form():
    page = Page(id="x", title="X", order=1, description="d", last_reviewed=dt.date(2026, 11, 25),
                next_review_due=dt.date(2027, 5, 25), blocks=[TextBlock(type="text", body="b")])
    html = render_macro("review_footer.md.j2", "review_footer", page)
    assert '<time datetime="2026-11-25">November 25, 2026</time>' in html
    assert '<time datetime="2027-05-25">May 25, 2027</time>' in html


LIFELINE = {"id": "l", "name": "988 Lifeline", "number": "988", "texts": True, "chat": "https://988lifeline.org/chat",
            "hours": "24/7", "free": True}
BUTTON = re.compile(r'<a class="guide-call guide-call--(\w+)" href="([^"]+)">([^<]+)</a>')


def _worded(**crisis) -> Crisis:
    return worded_crisis(Crisis(**{"emergency_number": "911", "lines": [CrisisLine(**LIFELINE)], **crisis}), english_ui(), "en")


def test_crisis_lines_are_full_width_buttons_that_open_the_service_built_from_its_facts():
    crisis = _worded(intro="You are not alone.")
    html = render_macro("crisis_lines.md.j2", "crisis_lines", crisis, {})
    assert BUTTON.findall(html) == [("emergency", "tel:911", "Call 911"), ("call", "tel:988", "Call 988"),
                                    ("text", "sms:988", "Text 988"), ("online", "https://988lifeline.org/chat", "Chat online")]
    assert "·" not in html  # each way its own button, not links in a row between dots
    assert "<strong>If you are in immediate danger, call 911 or go to the nearest hospital.</strong>" in html
    assert '<p class="guide-crisis__name"><strong>988 Lifeline</strong> (free, any time)</p>' in html
    assert crisis.lines[0].how == "Call or text 988" and crisis.lines[0].href == "tel:988"


def test_a_source_is_a_quiet_note_under_the_buttons_and_left_to_the_page_on_paper():
    reference = Reference(id="lifeline", authors="988 Lifeline", year=2025, title="What to expect", source="988 Lifeline",
                          url="https://988lifeline.org/get-help/what-to-expect/")
    crisis = _worded(intro="You are not alone.", emergency_source="lifeline")
    crisis = crisis.model_copy(update={"lines": [crisis.lines[0].model_copy(update={"source": "lifeline"})]})
    html = render_macro("crisis_lines.md.j2", "crisis_lines", crisis, {"lifeline": reference})
    notes = re.findall(r'<p class="guide-crisis__source">Source: <a href="([^"]+)">What to expect</a></p>', html)
    assert len(notes) == 2  # under the emergency button, and under the line's buttons
    assert html.index("Chat online") < html.rindex("guide-crisis__source")
    printed = render_macro("crisis_lines.md.j2", "crisis_lines", crisis, {"lifeline": reference}, for_print=True)
    assert "guide-crisis__source" not in printed and "Chat online: 988lifeline.org/chat" in printed  # the address on paper


def test_the_box_of_help_names_the_emergency_number_and_has_a_button_for_every_way():
    crisis = _worded()
    html = render_macro("crisis_lines.md.j2", "crisis_box", crisis, {}, "If someone is in danger", "Call **now**.")
    assert re.search(r'<h2 id="help-now">If someone is in danger</h2>\s*<p>Call <strong>now</strong>.</p>', html)
    assert [kind for kind, _, _ in BUTTON.findall(html)] == ["emergency", "call", "text", "online"]


@pytest.mark.parametrize(("emergency", "shown"), [
    (None, 'If you are in immediate danger, call <a href="tel:911">911</a> or go to the nearest hospital.'),
    ("In danger? Go to A&E.", 'In danger? Go to A&amp;E. <a href="tel:911">Call 911</a>'),  # a clinic's words without the number
])
def test_a_printed_list_of_lines_links_each_line_and_the_emergency_number(emergency, shown):
    crisis = _worded(emergency=emergency)
    html = render_macro("crisis_lines.md.j2", "crisis_list", crisis, "ws-crisis__lines")
    # Every way written out whole, each a link, a chat's address as text (a sheet is for paper).
    assert ('<li><strong>988 Lifeline</strong>: <a href="tel:988">Call 988</a> · <a href="sms:988">Text 988</a> · '
            '<a href="https://988lifeline.org/chat">Chat online</a>: 988lifeline.org/chat (free, any time)</li>') in html
    assert f"<li>{shown}</li>" in html


@pytest.mark.parametrize(("facts", "how", "href", "said"), [
    ({"number": "13 11 14", "texts": "0477 13 11 14", "hours": "24/7"}, "Call 13 11 14", "tel:131114", "any time"),
    ({"number": "116 123", "free": True, "hours": "24/7"}, "Call 116 123", "tel:116123", "free, any time"),
    ({"chat": "https://example.org/chat", "hours": "6 pm to midnight"}, "Chat online", "https://example.org/chat", "6 pm to midnight"),
    ({"number": "988", "texts": True, "languages": ["en", "es"]}, "Call or text 988", "tel:988", "in English and Spanish")])
def test_a_crisis_lines_words_follow_its_facts(facts, how, href, said):
    crisis = worded_crisis(Crisis(emergency_number="000", lines=[CrisisLine(id="l", name="A line", **facts)]), english_ui(), "en")
    assert (crisis.lines[0].how, crisis.lines[0].href, crisis.lines[0].hours) == (how, href, said)
    assert crisis.emergency == "If you are in immediate danger, call 000 or go to the nearest hospital."


def test_a_number_named_in_running_text_is_a_link_to_call_and_plain_text_elsewhere():
    """{emergency_number} and {crisis_line} in a Markdown body (the ``md`` filter) fill in as links;
    in the front matter, as text, since a link cannot go there."""
    from generator.guide.crisis_wording import crisis_fill_ins
    from generator.render.environment import make_environment

    crisis = _worded(emergency_number="000")
    env = make_environment(ROOT / "templates", english_ui())
    page = env.from_string('---\ntitle: "Call {emergency_number}"\n---\n{{ body|md }}\n').render(
        body="Call {emergency_number} now, or reach out: {crisis_line}.")
    filled = crisis_fill_ins(page, crisis, markup=True)
    assert 'title: "Call 000"' in filled
    assert ('Call <a href="tel:000">000</a> now, or reach out: <a href="tel:988">Call or text 988</a> '
            "(988 Lifeline, free, any time).") in filled
    assert crisis_fill_ins("Call {emergency_number:link}", crisis) == "Call 000"  # readability and the review pack: words
