"""A clinic outside the US (clinics/example-au, Australia) sets its name, colours, country and crisis
lines in brand.yml, and nothing else about crisis wording: its pages, handout and PDFs carry no US
wording and its own lines everywhere; its build warns of no leftover word. Built by the real command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import parse_html, pdf_text, read_page, run_cli, site_pages

CLINIC = "clinics/example-au"
# Words that tell a patient in Australia to use a US service (the table in content/site.yml, and more).
# A list of sources on a page (a source names its publisher, the FDA's label, which is no advice); the
# word "Sources" alone will not do to find it: the menu has a page of that name, before the text.
SOURCES_LIST = re.compile(r'<ol class="guide-references">.*?</ol>', re.S)
US_WORDING = re.compile(r"\b(988|911|FDA|SAMHSA|REMS|United States|emergency room|U\.S\.|USA)\b|\bUS\b(?! Letter)|\bin the US\b")


@pytest.fixture(scope="module")
def australian_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("example-au") / "site"
    result = run_cli("--clinic", CLINIC, "site", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, result.stderr


def _without_sources(text: str) -> str:
    """A PDF's text before its list of sources: a source names its publisher (the FDA's label), which is no advice."""
    return text.split("Sources", 1)[0] if "Sources" in text else text


def test_the_build_warns_of_no_leftover_us_word(australian_site):
    _, stderr = australian_site
    assert "names a service or fact of" not in stderr, stderr


def test_no_page_names_a_us_service_and_every_page_offers_lifeline_and_000(australian_site):
    site, _ = australian_site
    for path in site_pages(site):
        page = read_page(path)
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(site)
        shown = parse_html(SOURCES_LIST.sub("", html)).joined
        assert not US_WORDING.search(shown), (where, US_WORDING.search(shown).group(0))
        bar = parse_html(html.split('<aside class="guide-crisis-bar"', 1)[1].split("</aside>", 1)[0]).joined
        assert "Lifeline Australia" in bar and "Call 13 11 14" in bar and "Text 0477 13 11 14" in bar, where  # the crisis bar
        assert 'href="tel:131114"' in html and 'href="sms:0477131114"' in html, where
        assert 'href="tel:000"' in html and "Emergency: 000" in bar, where


def test_the_crisis_page_lists_each_way_to_reach_the_line_with_its_source(australian_site):
    site, _ = australian_site
    page = read_page(site / "crisis/index.html")
    html = (site / "crisis/index.html").read_text(encoding="utf-8")
    assert 'href="sms:0477131114"' in html and "Text 0477 13 11 14" in page.joined
    assert "(any time)" in page.joined and "free" not in page.joined.split("Lifeline Australia", 1)[1].split(")", 1)[0]
    assert "lifeinmind.org.au" in html and "qld.gov.au" in html  # the line's and the emergency number's sources
    assert "988lifeline.org" not in html


def test_the_handout_and_every_pdf_carry_no_us_wording(australian_site):
    site, _ = australian_site
    pdfs = sorted((site / "downloads").rglob("*.pdf"))
    assert len(pdfs) >= 4
    for pdf in pdfs:
        text = _without_sources(pdf_text(pdf))
        assert not US_WORDING.search(text), (pdf.name, US_WORDING.search(text).group(0))
    handout = pdf_text(site / "downloads/handout-a4.pdf")
    assert "Call 13 11 14 (Lifeline Australia)" in handout and "000" in handout


def test_the_edition_prints_on_a4(australian_site):
    site, _ = australian_site
    assert "size: A4;" in (site / "stylesheets/brand.css").read_text(encoding="utf-8")


def test_the_uk_example_still_checks_with_its_own_lines():
    result = run_cli("--clinic", "clinics/example", "check")
    assert result.returncode == 0, result.stderr
    assert "names a service or fact of" not in result.stderr


def test_the_page_left_out_in_one_line_is_gone_and_nothing_links_to_it(australian_site):
    """clinics/example-au/content/pages.yml says only `remove: [does-it-help]`."""
    site, stderr = australian_site
    assert not (site / "does-it-help").exists()
    for path in site_pages(site):
        assert "does-it-help/" not in path.read_text(encoding="utf-8"), path.relative_to(site)
    assert "clinics/example-au/content/pages.yml:4:" in stderr and "info:" in stderr, stderr
