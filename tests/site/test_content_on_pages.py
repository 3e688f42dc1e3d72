"""Every item of the content YAML appears, as a reader sees it, on the page that should show it."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.guide.crisis_wording import crisis_fill_ins
from generator.guide.edition_facts import edition_fill_ins

from generator.guide.assemble import load_guide
from generator.guide.locale import long_date
from generator.render.environment import resolve_page_links
from helpers import ROOT, markdown_html, visible_text

GUIDE = load_guide(ROOT / "content")


def md_text(source: str) -> str:
    """What a reader sees of a Markdown text."""
    return visible_text(markdown_html(resolve_page_links(source)))


def main_text(site: Path, page_id: str) -> str:
    path = site / "index.html" if page_id == "index" else site / page_id / "index.html"
    html = path.read_text(encoding="utf-8")
    article = html[html.index("<article"): html.index("</article>")]
    return visible_text(article)


def expected_texts(page) -> list[str]:
    """The texts a page must show: its title, its blocks, and everything they draw in."""
    texts = [page.title]
    texts += [md_text(GUIDE.notices[n].body) for n in page.notices]
    for block in page.blocks:  # each block type says which of its words are prose
        texts += [getattr(block, key, None) or "" for key in ("heading", "title")]
        if block.type != "plan_builder":  # the plan's messages are shown by its script: tests/browser/test_plan_browser.py
            texts += [md_text(text) for text in block.prose(GUIDE)]
        texts += [item.name for item in (block.shown(GUIDE) if hasattr(block, "shown") else [])]  # practices, phases
    texts += [ref.title for ref in GUIDE.page_references(page)]
    texts += [long_date(page.last_reviewed, "en_US"), long_date(page.next_review_due, "en_US")]
    # {crisis_line}, {urgent_care}, {esketamine_watch} as the edition's facts say them
    return [edition_fill_ins(crisis_fill_ins(t, GUIDE.site.crisis), GUIDE.site, GUIDE.ui) for t in texts if t]


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
        bar = bar[: bar.index("</aside>")]
        assert 'href="tel:988"' in bar and 'href="tel:911"' in bar, html_file
        path = html_file.relative_to(built_site).as_posix()
        targets = {urljoin("/" + path, href) for href in re.findall(r'href="([^"]+)"', bar)}
        language = path.split("/")[0] + "/" if path.split("/")[0] in GUIDE.site.languages[1:] else ""
        assert f"/{language}{GUIDE.site.crisis_page}/" in targets, (html_file, targets)  # in the page's language


def test_navigation_follows_the_guide_order(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    positions = [nav.find(html_lib.escape(p.nav_title or p.title, quote=False)) for p in GUIDE.pages]
    assert -1 not in positions and positions == sorted(positions)
