"""Measured quality of every page of the real site: accessibility, reflow and zoom, keyboard,
privacy, links and anchors, plain language, review dates and references.

The browser checks crawl every HTML page of the built site (site_checks.py), so pages that
other work adds are checked too. test_quality_faults.py proves each check can fail.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from helpers import ROOT, run_cli
from generator.guide.assemble import load_guide, load_guides
from generator.quality.readability import GRADE_LIMIT, PASSAGE_LIMIT, grades
from generator.quality.review import overdue_items
from generator.quality.links import broken_links
from site_checks import first_paragraph_offsets, axe_problems, keyboard_problems, page_urls, privacy_problems, reflow_problems


@pytest.fixture(scope="module")
def pages(built_site, site_url):
    found = page_urls(built_site, site_url)
    assert len(found) >= 10, found
    return found


@pytest.fixture(scope="module")
def guide():
    return load_guide(ROOT / "content")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violation_on_any_page(browser, pages, scheme):
    problems = axe_problems(browser, pages, scheme)
    assert not problems, "\n".join(problems)


def test_no_page_scrolls_sideways_at_320_pixels(browser, pages):
    problems = reflow_problems(browser, pages, width=320)
    assert not problems, "\n".join(problems)


def test_every_guide_pages_first_paragraph_is_on_the_first_phone_screen(browser, pages):
    """Notices inform without crowding: on a 390 px phone the text starts within 700 px."""
    guide_pages = [(path, url) for path, url in pages
                   if not re.sub(r"^[a-z]{2,3}(-[A-Z]{2})?/", "", path).startswith(("worksheets/", "handout/"))]  # any language
    offsets = first_paragraph_offsets(browser, guide_pages)
    late = [f"{path}: first paragraph at {top} px" for path, top in offsets if top is None or top > 700]
    assert len(offsets) >= 10 and not late, "\n".join(late)


def test_every_page_reads_well_at_200_percent_zoom(browser, pages):
    problems = reflow_problems(browser, pages, width=640, scale=2)
    assert not problems, "\n".join(problems)


def test_keyboard_reaches_crisis_link_navigation_and_search_with_visible_focus(browser, pages):
    problems = keyboard_problems(browser, pages)
    assert not problems, "\n".join(problems)


def test_no_request_to_another_origin_no_cookie_and_a_policy_on_every_page(browser, pages):
    problems = privacy_problems(browser, pages)
    assert not problems, "\n".join(problems)


def test_every_internal_link_and_anchor_resolves(built_site):
    problems = broken_links(built_site)
    assert not problems, "\n".join(problems)


def test_every_page_reads_at_grade_8_or_below(guide):
    found = grades(guide)
    assert {g.prose.id for g in found} >= {p.id for p in guide.pages}
    problems = [p for g in found for p in g.problems()]
    assert not problems, "\n".join(problems)
    assert all(0 < g.grade <= GRADE_LIMIT and all(p <= PASSAGE_LIMIT for p, _ in g.passages) for g in found)


def test_readability_command_prints_a_grade_for_every_page(guide):
    result = run_cli("readability")
    assert result.returncode == 0, result.stderr
    for page in guide.pages:
        row = re.search(rf"^page\s+{re.escape(page.id)}\s+\d+\s+(\d+\.\d)\s", result.stdout, re.M)
        assert row, f"no row for {page.id}:\n{result.stdout}"
        assert float(row.group(1)) <= GRADE_LIMIT


def test_every_content_page_shows_its_review_dates(built_site, guide):
    for page in guide.pages:
        html = (built_site / ("" if page.id == "index" else page.id) / "index.html").read_text(encoding="utf-8")
        for label, date in (("Page last reviewed", page.last_reviewed), ("Next review due", page.next_review_due)):
            shown = f'{label}:</strong> <time datetime="{date.isoformat()}">{date:%B} {date.day}, {date.year}</time>'
            assert shown in html, f"{page.id}: does not show '{label}' {date}"


def test_every_reference_has_a_doi_or_https_url_and_links_to_it(built_site):
    references = {ref.id: ref for guide in load_guides(ROOT / "content") for ref in guide.references.values()}
    for ref in references.values():  # ours, and those a translation adds
        assert ref.doi or ref.url, ref.id
        if ref.doi:
            assert re.fullmatch(r"10\.\d{4,9}/\S+", ref.doi), ref.id
        if ref.url:
            assert re.fullmatch(r"https://[^\s/$.?#][^\s]*", ref.url), ref.id
    links = set()
    for html_file in built_site.rglob("index.html"):
        links |= set(re.findall(r'<li id="ref-[^"]+">.*?<a href="([^"]+)"', html_file.read_text(encoding="utf-8")))
    assert links, "no page lists its sources"
    assert links <= {r.link for r in references.values()}
    assert all(re.fullmatch(r"https://(doi\.org/10\.\d{4,9}/\S+|\S+)", link) for link in links), links


def test_malformed_references_are_rejected_with_their_place(project_copy):
    refs = project_copy / "content" / "references.yml"
    text = refs.read_text(encoding="utf-8")
    first_doi = re.search(r"^(\s+doi: )(\S+)$", text, re.M)
    first_url = re.search(r"^(\s+url: )(\S+)$", text, re.M)
    text = (text[: first_doi.start()] + f"{first_doi.group(1)}https://doi.org/{first_doi.group(2)}" + text[first_doi.end():])
    text = re.sub(r"^(\s+url: )https://", r"\1http://", text, count=1, flags=re.M) if first_url else text
    refs.write_text(text, encoding="utf-8")
    result = run_cli("--root", str(project_copy), "check")
    assert result.returncode == 1
    assert re.search(r"references\.yml:\d+:\d+: references\[\d+\]\.doi: expected a DOI such as 10\.", result.stderr), result.stderr
    if first_url:
        assert re.search(r"references\.yml:\d+:\d+: references\[\d+\]\.url: expected a full https:// address", result.stderr)
    assert "Traceback" not in result.stderr


def test_a_reference_without_doi_or_url_is_rejected(project_copy):
    refs = project_copy / "content" / "references.yml"
    text = refs.read_text(encoding="utf-8")
    stripped = re.sub(r"^\s+(doi|url): \S+\n", "", text, flags=re.M)
    refs.write_text(stripped, encoding="utf-8")
    result = run_cli("--root", str(project_copy), "check")
    assert result.returncode == 1
    assert re.search(r"references\.yml:\d+:\d+: references\[0\]: a reference needs a doi or a url", result.stderr), result.stderr


def test_overdue_pages_and_worksheets_are_found_by_date(guide):
    items = [*guide.pages, *guide.worksheets]
    last_due = max(item.next_review_due for item in items)
    assert overdue_items(guide, today=min(item.last_reviewed for item in items)) == []
    late = overdue_items(guide, today=last_due + dt.timedelta(days=1))
    assert {(o.kind, o.item_id) for o in late} == {("page", p.id) for p in guide.pages} | {("worksheet", w.id) for w in guide.worksheets}
    assert late[-1].days_late == 1
    assert {o.source for o in late} == {f"content/pages/{p.id}.yml" for p in guide.pages} | {f"content/worksheets/{w.id}.yml" for w in guide.worksheets}


def test_an_overdue_review_warns_in_check_and_build_without_failing(project_copy, tmp_path):
    page = project_copy / "content" / "pages" / "about.yml"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^last_reviewed: .*$", "last_reviewed: 2020-01-15", text, flags=re.M)
    page.write_text(re.sub(r"^next_review_due: .*$", "next_review_due: 2020-07-15", text, flags=re.M), encoding="utf-8")
    warning = re.compile(r"warning: content/pages/about\.yml: next_review_due: page 'about' was due for review on 2020-07-15 \(\d+ days ago\)")
    checked = run_cli("--root", str(project_copy), "check")
    assert checked.returncode == 0 and warning.search(checked.stderr), checked.stderr
    built = run_cli("--root", str(project_copy), "site", "--out", str(tmp_path / "site"))
    assert built.returncode == 0 and warning.search(built.stderr), built.stderr
    assert (tmp_path / "site" / "about" / "index.html").is_file()
