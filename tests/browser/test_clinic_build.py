"""The example clinic, built by the real command: its brand on every page, our files untouched."""

from __future__ import annotations

import json
import re

import pytest

from helpers import read_page, script_json, pdf_text
from plan_page import download_calendar, open_site_plan
from helpers import ROOT, site_pages

EXAMPLE = "Example Clinic (fictional)"


def test_our_content_and_templates_are_unchanged_by_a_clinic_build(example_site):
    _, before, after = example_site
    assert before == after


def test_every_page_carries_the_clinic_name_contact_crisis_lines_and_colours(example_site):
    site, _, _ = example_site
    brand_css = (site / "stylesheets/brand.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #5b2a86;" in brand_css and "--md-accent-fg-color: #8a1c4a;" in brand_css
    pages = site_pages(site)
    assert len(pages) >= 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = read_page(path)
        where = path.relative_to(site)
        assert page.title.endswith(f" - {EXAMPLE}") or page.title == EXAMPLE, where
        assert EXAMPLE in page.joined, where  # the header and the contact block
        assert "+44 20 7946 0000" in page.joined and 'href="tel:+442079460000"' in html, where
        assert "hello@example.org" in page.joined and "Monday to Friday, 9 am to 5 pm" in page.joined, where
        assert 'href="tel:116123"' in html and "Call 116 123" in page.joined, where  # the crisis bar
        assert 'href="tel:999"' in html and "Emergency: 999" in page.joined, where
        # No US crisis number is offered anywhere (our sources may still cite the 988 Lifeline's website).
        assert not re.search(r"(call|text)( or text)? (988|911)|\b911\b", page.joined, re.I), where
        assert re.search(r'<link rel="stylesheet" href="[./]*stylesheets/brand.css(\?h=[0-9a-f]+)?">', html), where
        assert re.search(r'<link rel="icon" href="[./]*brand/favicon.svg(\?h=[0-9a-f]+)?">', html), where
        assert f"{EXAMPLE}: our edition of the open-source Ketamine Integration Guide." in page.joined, where
        assert 'href="tel:116123"' in html, where  # the clinic's crisis line in the crisis bar
        assert "guide-brand" not in html or path.parent.name in ("plan", "handout"), where  # only with the plan form


def test_when_to_get_help_gives_the_clinics_own_numbers_in_each_tier(example_site):
    site, _, _ = example_site
    html = (site / "when-to-get-help" / "index.html").read_text(encoding="utf-8")
    tiers = {level: html[html.index(f'id="tier-{level}"'):] for level in ("clinic", "crisis", "emergency")}
    assert 'href="tel:+442079460000"' in tiers["clinic"] and 'href="tel:+442079460002"' in tiers["clinic"]  # after hours
    assert 'href="tel:116123"' in tiers["crisis"] and 'href="tel:999"' in tiers["emergency"]
    assert "tel:988" not in html and "tel:911" not in html


def test_logo_and_favicon_are_the_clinics_own_files(example_site):
    site, _, _ = example_site
    for name in ("logo.svg", "favicon.svg"):
        assert (site / "brand" / name).read_bytes() == (ROOT / "clinics/example/assets" / name).read_bytes()
    assert re.search(r'src="brand/logo.svg(\?h=[0-9a-f]+)?"', (site / "index.html").read_text(encoding="utf-8"))


def test_the_overlay_shows_its_added_practice_replaced_page_and_removed_question(example_site):
    site, _, _ = example_site
    practices = read_page(site / "forms-of-integration/index.html").joined
    assert "The clinic's integration circle" in practices and "Keeping a journal" in practices
    crisis = read_page(site / "crisis/index.html").joined
    assert "When you call Samaritans, a trained volunteer will answer." in crisis  # the clinic's page
    assert "a trained crisis counselor will answer" not in crisis  # not ours
    therapist = read_page(site / "finding-a-therapist/index.html").joined
    assert "Are you part of an NHS service, or private?" in therapist  # replaced question
    assert "How many people getting ketamine treatment have you worked with?" not in therapist  # removed one
    assert "Example Clinic (fictional) offers integration therapy." in therapist
    assert "Example Integration Practice (fictional)" in therapist
    phases = read_page(site / "phases/index.html").joined
    assert "Call Samaritans on 116 123 at any time." in phases  # a replaced checklist item


def test_the_clinic_site_has_the_language_and_no_request_to_another_origin(example_site):
    site, _, _ = example_site
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    for path in site_pages(site):
        remote = re.findall(r'<(?:script|img|link|iframe)[^>]+(?:src|href)="(?:https?:)?//[^"]*', path.read_text(encoding="utf-8"))
        assert not remote, (path, remote)


def test_the_example_clinic_in_the_browser_light_and_dark(example_site, browser):
    """The header is the clinic's colour, and dark-mode links are the lightened, readable version."""
    from helpers import serve_folder

    site, _, _ = example_site
    url, server = serve_folder(site)
    try:
        for scheme, link in (("light", "rgb(91, 42, 134)"), ("dark", None)):
            context = browser.new_context(color_scheme=scheme)
            page = context.new_page()
            page.goto(url + "crisis/")
            header = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
            assert header == "rgb(91, 42, 134)", scheme
            colour = page.eval_on_selector("article .guide-crisis__source a", "e => getComputedStyle(e).color")  # a text link (calls are buttons)
            if link:
                assert colour == link
            else:
                assert colour != "rgb(91, 42, 134)"  # lighter than the header colour, to read on dark
            assert page.title() == f"Get help now - {EXAMPLE}"
            context.close()
    finally:
        server.shutdown()


def _pdf_text(path) -> str:
    return pdf_text(path)


def test_the_clinics_worksheet_pdfs_carry_its_name_phone_and_crisis_lines(example_site):
    from pypdf import PdfReader

    site, _, _ = example_site
    for paper in ("a4", "letter"):
        sheet = site / f"downloads/worksheets/post-session-journal-{paper}.pdf"
        reader = PdfReader(sheet)
        text = _pdf_text(sheet)
        assert len(reader.pages) == 1, paper
        assert EXAMPLE in text and "+44 20 7946 0000" in text, paper  # the sheet's small header
        assert "Call 116 123" in text and "999" in text, paper  # its footer: the clinic's crisis line
        assert not re.search(r"\b(988|911)\b", text), paper
        assert reader.metadata.author == EXAMPLE
    handout = _pdf_text(site / "downloads/handout-a4.pdf")
    assert EXAMPLE in handout and "Call 116 123" in handout


def test_the_plan_and_its_print_and_calendar_carry_the_clinic(example_site, browser, tmp_path):
    from pypdf import PdfReader

    site, _, _ = example_site
    with open_site_plan(browser, site) as tab:
        tab.click("a[href='#plan-step-people']")  # the therapist appointment: a date for the calendar
        tab.fill("#plan-therapist-next", "2026-12-03T14:30")
        tab.pdf(path=str(tmp_path / "plan.pdf"), format="A4")
        printed = _pdf_text(tmp_path / "plan.pdf")
        assert f"{EXAMPLE}: +44 20 7946 0000" in printed
        assert "Call 116 123" in printed and not re.search(r"\b(988|911)\b", printed)
        assert len(PdfReader(tmp_path / "plan.pdf").pages) <= 2
        calendar = download_calendar(tab).decode("utf-8")
        # "," is escaped in iCalendar text; the short name is "Example Clinic".
        assert "X-WR-CALNAME:My integration plan (Example Clinic)" in calendar.replace("\r\n ", "")
