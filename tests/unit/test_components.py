"""Each Jinja component (macro) rendered on its own, through Markdown, as MkDocs would show it."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import ROOT, render_macro
from generator.blocks.text import TextBlock
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


@pytest.mark.parametrize("href", ["tel:988", "sms:988", "https://988lifeline.org/chat"])
def test_crisis_lines_are_links_that_open_the_service(href):
    crisis = Crisis(heading="Help", intro="You are not alone.", emergency="Call 911.",
                    lines=[CrisisLine(id="l", name="988 Lifeline", how="Call or text 988", href=href, hours="24/7")])
    html = render_macro("crisis_lines.md.j2", "crisis_lines", crisis)
    assert f'<a href="{href}">Call or text 988</a>: 988 Lifeline (24/7)' in html
    assert "<strong>Call 911.</strong>" in html
