"""Each quality check can fail: a copy of the project with deliberate faults, built once, makes
every check report the page and what is wrong.

The faults sit on the 'about' page (and one extra page of dense prose), so each message must
name that page; a check that reported nothing here would be a check that cannot fail.
"""

from __future__ import annotations

import pytest

from helpers import copy_project, run_cli, serve_folder
from generator.quality.links import broken_links
from site_checks import axe_problems, keyboard_problems, page_urls, privacy_problems, reflow_problems

DENSE = ("Integration of ketamine-occasioned experiences necessitates deliberate psychotherapeutic consolidation, "
         "whereby phenomenological material is systematically contextualized within autobiographical narratives.")
FAULTS = f"""
  - type: text
    heading: Deliberate faults
    body: |
      <p class="fault-pale">These grey words are hard to read in either colour scheme, and they are there on purpose.</p>

      See <a href="#no-such-section">the section below</a>, which does not exist.

      {DENSE}

      <div class="fault-wide">This box is far too wide for a phone.</div>
"""
# The image from another origin is in the stylesheet: content may hold no image (the sanitizer refuses one at check).
FAULT_CSS = """
.md-typeset .fault-pale { color: #7a7a7a; }  /* 4.3:1 on white, 3.8:1 on the dark page */
.fault-wide { width: 40rem; background-image: url(https://images.example.org/chart.png); }
.guide-crisis-bar a:is(:focus, :focus-visible) {
  outline: none !important; color: inherit !important; background-color: transparent !important; text-decoration: none !important;
}
.guide-help-control:is(:focus, :focus-visible) { outline: none !important; text-decoration: none !important; }
"""
DENSE_PAGE = f"""id: dense
title: Dense page
order: 95
description: A page of dense prose.
last_reviewed: 2026-01-01
next_review_due: 2027-01-01
blocks:
  - type: text
    body: |
      {DENSE} Consequently, practitioners recommend individualized, multidimensional frameworks.
"""


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    """The project with every fault in, built once by the real command."""
    root = copy_project(tmp_path_factory.mktemp("faulty") / "project")
    about = root / "content" / "pages" / "about.yml"
    about.write_text(about.read_text(encoding="utf-8").rstrip() + "\n" + FAULTS, encoding="utf-8")
    (root / "content" / "pages" / "dense.yml").write_text(DENSE_PAGE, encoding="utf-8")
    css = root / "templates" / "assets" / "stylesheets" / "guide.css"
    css.write_text(css.read_text(encoding="utf-8") + FAULT_CSS, encoding="utf-8")
    site = root / "site"
    result = run_cli("--root", str(root), "site", "--out", str(site))
    assert result.returncode == 0, f"the faults must pass mkdocs --strict, to show what it misses:\n{result.stderr}"
    url, server = serve_folder(site)
    yield root, site, page_urls(site, url)
    server.shutdown()


def about_only(pages):
    return [p for p in pages if p[0] == "about/index.html"]


def test_low_contrast_is_reported_by_axe_in_both_schemes(browser, faulty):
    _, _, pages = faulty
    for scheme in ("light", "dark"):
        problems = axe_problems(browser, about_only(pages), scheme)
        assert any(p.startswith(f"about/index.html [{scheme}]: color-contrast") and ".fault-pale" in p for p in problems), problems


def test_image_from_another_origin_is_reported(browser, faulty):
    _, _, pages = faulty
    problems = privacy_problems(browser, pages)
    assert any(p.startswith("about/index.html:") and "https://images.example.org/chart.png" in p for p in problems), problems
    # The handout page gathers every section of the guide, so it carries the faulty page's image too.
    assert all(p.startswith(("about/index.html:", "handout/index.html:")) for p in problems), problems


def test_broken_anchor_in_raw_html_is_reported(faulty):
    _, site, _ = faulty
    # The handout page gathers every section of the guide, so it carries the faulty link too.
    assert broken_links(site) == ["about/index.html: <a> '#no-such-section': no element with id 'no-such-section' on about/index.html",
                                  "handout/index.html: <a> '#no-such-section': no element with id 'no-such-section' on handout/index.html"]


def test_dense_prose_is_reported_with_its_page_and_grade(faulty):
    root, _, _ = faulty
    result = run_cli("--root", str(root), "readability")
    assert result.returncode == 1
    assert "content/pages/dense.yml: page 'dense' reads at US grade" in result.stderr, result.stderr
    assert "content/pages/about.yml: page 'about': a passage reads at US grade" in result.stderr
    assert "'Integration of ketamine-occasioned experiences" in result.stderr


def test_too_wide_box_is_reported_at_320_pixels_and_at_200_percent(browser, faulty):
    _, _, pages = faulty
    for width, scale in ((320, 1), (640, 2)):
        problems = reflow_problems(browser, about_only(pages), width, scale)
        assert any(p.startswith("about/index.html [") and "scrolls sideways" in p for p in problems), problems


def test_invisible_focus_on_the_help_control_and_the_crisis_link_is_reported(browser, faulty):
    _, _, pages = faulty
    problems = keyboard_problems(browser, about_only(pages))
    assert any("no visible focus on the help 'Get help'" in p for p in problems), problems
    assert any("no visible focus on the crisis link 'Call 988'" in p for p in problems), problems
