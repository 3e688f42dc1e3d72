"""Every item of the content YAML appears, as a reader sees it, on the page that should show it."""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import markdown
import pytest

from conftest import ROOT
from generator.content import load_guide
from generator.models import (CalloutBlock, ClinicTherapyBlock, CrisisLinesBlock, ListBlock, NoticeBlock, PlanBuilderBlock, PhasesBlock, PracticesBlock,
                              PrintBlock, TextBlock, TherapistCriteriaBlock, TherapistQuestionsBlock)
from generator.render import page_references, resolve_page_links, us_date

GUIDE = load_guide(ROOT / "content")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    text = re.sub(r"\s+", " ", html_lib.unescape(" ".join(parser.parts)))
    return re.sub(r" ([.,:;!?)])", r"\1", text).strip()


def md_text(source: str) -> str:
    """What a reader sees of a Markdown text."""
    return visible_text(markdown.markdown(resolve_page_links(source)))


def main_text(site: Path, page_id: str) -> str:
    path = site / "index.html" if page_id == "index" else site / page_id / "index.html"
    html = path.read_text(encoding="utf-8")
    article = html[html.index("<article"): html.index("</article>")]
    return visible_text(article)


def expected_texts(page) -> list[str]:
    """The texts a page must show: its title, its blocks, and everything they draw in."""
    texts = [page.title]
    texts += [md_text(GUIDE.notices[n].body) for n in page.notices]
    for block in page.blocks:
        if isinstance(block, TextBlock):
            texts += [block.heading or "", md_text(block.body)]
        elif isinstance(block, ListBlock):
            texts += [block.heading or "", md_text(block.intro or "")] + [md_text(i) for i in block.items]
        elif isinstance(block, CalloutBlock):
            texts += [block.title, md_text(block.body)]
        elif isinstance(block, NoticeBlock):
            notice = GUIDE.notices[block.notice]
            texts += [notice.title, md_text(notice.body)]
        elif isinstance(block, PracticesBlock):
            for practice in (GUIDE.practice(p) for p in block.practices or [p.id for p in GUIDE.practices]):
                texts += [practice.name, practice.summary, md_text(practice.body)]
                texts += [item for lst in practice.lists for item in [lst.heading, *lst.items]]
                texts += [text for m in practice.modalities for text in (m.name, m.summary)]
        elif isinstance(block, PhasesBlock):
            for phase in (GUIDE.phase(p) for p in block.phases or [p.id for p in GUIDE.phases]):
                texts += [phase.name, phase.when, md_text(phase.intro)]
                texts += [t for item in phase.items for t in (item.text, md_text(item.detail or ""))]
        elif isinstance(block, (TherapistCriteriaBlock, TherapistQuestionsBlock)):
            items = GUIDE.therapist.criteria if isinstance(block, TherapistCriteriaBlock) else GUIDE.therapist.questions
            texts += [md_text(block.intro or "")] + [item.text for item in items]
        elif isinstance(block, PrintBlock):
            texts += [block.heading or "", md_text(block.intro or "")]
        elif isinstance(block, PlanBuilderBlock):  # the plan form is drawn from the collections
            texts += [p.name for p in GUIDE.practices] + [p.name for p in GUIDE.phases]
            texts += [item.text for phase in GUIDE.phases for item in phase.items]
            texts += [item.text for item in GUIDE.therapist.criteria] + [line.how for line in GUIDE.site.crisis.lines]
        elif isinstance(block, ClinicTherapyBlock):
            therapy = GUIDE.brand.integration_therapy  # none in our own guide; see test_clinic_build.py
            texts += [md_text(therapy.description or "")] + [r.name for r in therapy.referrals] if therapy else []
        elif isinstance(block, CrisisLinesBlock):
            texts += [GUIDE.site.crisis.emergency, md_text(GUIDE.site.crisis.intro)]
            texts += [f"{line.how}: {line.name}" for line in GUIDE.site.crisis.lines]
        else:
            raise AssertionError(f"this test does not know the block type {block.type!r} yet")
    texts += [ref.title for ref in page_references(page, GUIDE)]
    texts += [us_date(page.last_reviewed), us_date(page.next_review_due)]
    return [t for t in texts if t]


@pytest.mark.parametrize("page", GUIDE.pages, ids=lambda p: p.id)
def test_every_content_item_is_on_its_page(built_site, page):
    shown = main_text(built_site, page.id)
    missing = [text for text in expected_texts(page) if text not in shown]
    assert not missing, f"{page.id} does not show: {missing[:3]}"


def test_every_practice_phase_and_criterion_is_shown_somewhere(built_site):
    """Nothing in the collections is left off the site."""
    everything = " ".join(main_text(built_site, p.id) for p in GUIDE.pages)
    names = [p.name for p in GUIDE.practices] + [p.name for p in GUIDE.phases]
    names += [i.text for i in GUIDE.therapist.criteria + GUIDE.therapist.questions]
    names += [r.title for r in GUIDE.references.values()]
    assert not [n for n in names if n not in everything]


def test_crisis_help_is_one_click_from_every_page(built_site):
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        bar = html[html.index('class="guide-crisis-bar"'):]
        bar = bar[: bar.index("</p>")]
        assert 'href="tel:988"' in bar, html_file
        page_url = "/" + html_file.relative_to(built_site).as_posix()
        targets = {urljoin(page_url, href) for href in re.findall(r'href="([^"]+)"', bar)}
        assert f"/{GUIDE.site.crisis_page}/" in targets, (html_file, targets)


def test_navigation_follows_the_guide_order(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    positions = [nav.find(html_lib.escape(p.nav_title or p.title, quote=False)) for p in GUIDE.pages]
    assert -1 not in positions and positions == sorted(positions)
