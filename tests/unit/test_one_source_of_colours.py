"""Our colours are written once, in Python (OUR_COLOURS in generator/guide/brand.py), where their
contrast is checked; the stylesheet that puts them on the theme is made from them at build time
(templates/site/brand.css.j2, as for a clinic's), and no hand-written stylesheet sets them again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.guide.assemble import load_guide
from generator.guide.brand import OUR_COLOURS
from generator.guide.colours import contrast_problems
from generator.render.environment import make_environment
from generator.render.layout import BRAND_CSS
from generator.render.pages import brand_files
from helpers import ROOT

TEMPLATES = ROOT / "templates"
# The theme's colour variables, which only the generated stylesheet sets.
THEME_COLOUR = re.compile(r"(--md-(?:primary|accent)-fg-color[\w-]*|--md-typeset-a-color)\s*:")
# Where one of our colours' values is written on purpose outside brand.css, each with why.
SAME_VALUE_ELSEWHERE = {
    # The help tiers' colours are their own, fixed whatever a clinic's accent is (the crisis tier
    # stays orange beside the blue clinic tier and the red emergency one); ours is the same orange.
    ("assets/stylesheets/guide.css", ".md-typeset .guide-tier--crisis { --guide-tier-colour: #8c3b00; }"),
    ("assets/stylesheets/guide.css", '[data-md-color-scheme="slate"] .md-typeset .guide-tier--crisis { --guide-tier-colour: #ffb37a; }'),
    # fixed by issue 18 work: a fallback for --handout-colour, which handout-pages.css always sets
    # from the brand's primary colour; the paper helper rewrites handout.css (remove it there).
    ("assets/stylesheets/handout.css", "background: var(--handout-colour, #0b5560);"),
}


def hand_written() -> list[Path]:
    """Our stylesheets and templates that are written by hand (all but the generated brand.css)."""
    return sorted(p for p in TEMPLATES.rglob("*") if p.suffix in (".css", ".j2", ".html", ".js")
                  and p.relative_to(TEMPLATES).as_posix() != "site/brand.css.j2")


def declarations(css: str) -> dict[str, dict[str, str]]:
    """Each rule's selector → its custom properties (--name: value)."""
    return {selector.strip(): dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", body))
            for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S))}


@pytest.fixture(scope="module")
def our_brand_css() -> str:
    guide = load_guide(ROOT / "content")
    return brand_files(guide, make_environment(TEMPLATES, guide.ui))[BRAND_CSS]


def test_our_guide_gets_the_theme_colours_from_the_python_values(our_brand_css):
    rules = declarations(our_brand_css)
    light = rules[':root,\n[data-md-color-scheme="default"]']
    dark = rules['[data-md-color-scheme="slate"]']
    assert light["--md-primary-fg-color"] == dark["--md-primary-fg-color"] == OUR_COLOURS.primary
    assert light["--md-typeset-a-color"] == OUR_COLOURS.primary and light["--md-accent-fg-color"] == OUR_COLOURS.accent
    assert dark["--md-typeset-a-color"] == OUR_COLOURS.link_on_dark and dark["--md-accent-fg-color"] == OUR_COLOURS.accent_on_dark
    assert "@page" not in our_brand_css  # our own guide leaves the paper to the reader's browser
    assert contrast_problems(OUR_COLOURS) == []


def test_no_hand_written_stylesheet_sets_the_theme_colours():
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in hand_written()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if THEME_COLOUR.search(line)]
    assert not found, "the theme's colours are set only by templates/site/brand.css.j2, from Python:\n" + "\n".join(found)


def test_our_colour_values_are_written_only_in_python():
    values = {value.lower() for value in OUR_COLOURS.model_dump().values()}
    found, expected = [], set(SAME_VALUE_ELSEWHERE)
    for path in hand_written():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(value in line.lower() for value in values):
                key = (path.relative_to(TEMPLATES).as_posix(), line.strip())
                if key in expected:
                    expected.discard(key)
                else:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "one of OUR_COLOURS written again; use the theme's variables (var(--md-…)) instead:\n" + "\n".join(found)
    stale = {key for key in expected if "handout.css" not in key[0]}  # handout.css: the paper helper's, in flight
    assert not stale, f"no longer found; remove them from SAME_VALUE_ELSEWHERE: {stale}"
