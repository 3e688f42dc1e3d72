"""The Spanish edition as a reader meets it, in a real build of our content: no English interface
word anywhere on a Spanish page (its body included), a language switcher that leads to the same page
in the other language, Spanish dates."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, copy_project, edit, run_cli, site_pages

SOURCE_LIST = "guide-references"  # sources are cited by their own titles, in their own language
SPOKEN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")  # read out, or shown on hover
LOANWORDS = {"set"}  # "set y setting": English terms the Spanish pages name and explain


def _texts(data) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _texts(value)]
    return [data] if isinstance(data, str) else []


WEB_ADDRESS = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?", re.I)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-záéíóúñü]{3,}", re.sub(r"\{[a-z_]+\}", " ", text.lower())))


def _plan_words(path: Path) -> list[str]:
    """The plan's own interface words: its messages, schedule and screens in plan.yml (lists too)."""
    page = yaml.safe_load(path.read_text(encoding="utf-8"))
    block = next(block for block in page["blocks"] if block["type"] == "plan_builder")
    found, stack = [], [block[key] for key in ("messages", "schedule", "screens")]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, (list, dict)):
            stack += value.values() if isinstance(value, dict) else value
    return found


def english_only_words() -> set[str]:
    """Words of the English interface catalog and of the plan's words that no Spanish one uses."""
    english = _texts(yaml.safe_load((ROOT / "content" / "interface.yml").read_text(encoding="utf-8")))
    spanish = _texts(yaml.safe_load((ROOT / "content" / "es" / "interface.yml").read_text(encoding="utf-8")))
    english += _plan_words(ROOT / "content" / "pages" / "plan.yml")
    spanish += _plan_words(ROOT / "content" / "es" / "pages" / "plan.yml")
    return set().union(*map(_words, english)) - set().union(*map(_words, spanish)) - LOANWORDS


class _Interface(HTMLParser):
    """The text of a page a reader sees or hears (header, menu, crisis bar, the page's body, footer,
    buttons' names), without scripts, data blocks and the list of sources."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        void = tag in ("br", "img", "input", "link", "meta", "hr", "source")
        skipping = self.skip_depth or tag in ("script", "style", "template") or SOURCE_LIST in (attrs.get("class") or "")
        if not void:
            self.stack.append(tag)
            if skipping:
                self.skip_depth += 1
        if not skipping:
            self.parts += [attrs[name] for name in SPOKEN_ATTRIBUTES if attrs.get(name)]

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def content_strings(site: Path) -> list[str]:
    """The words the content gives the chrome (page titles in the menu, the site's name, crisis
    lines): they are the translator's, not the interface's, so they are taken out before checking."""
    from generator.guide.assemble import load_guide

    guide = load_guide(site.parent / "project" / "content", None, "es")
    strings = [guide.site.name, guide.site.copyright, guide.site.crisis.emergency]
    strings += [value for line in guide.site.crisis.lines for value in (line.name, line.how, line.hours or "")]
    urgent = guide.site.urgent_care  # the urgent route: facts in the translator's words, like the lines
    strings += [value for value in (urgent.name, urgent.what, urgent.how, urgent.about) if value]
    strings += [text for page in guide.pages for text in (page.title, page.nav_title or "")]
    strings += [sheet.title for sheet in guide.worksheets]
    strings += [ref.title for ref in guide.references.values()]  # a source is cited by its own title, wherever it is shown
    return sorted(filter(None, strings), key=len, reverse=True)


def english_interface_words(site: Path) -> dict[str, set[str]]:
    """Every Spanish page (site/es/) with the English interface words it shows."""
    english, content = english_only_words(), content_strings(site)
    found = {}
    for page in site_pages(site / "es"):
        parser = _Interface()
        parser.feed(page.read_text(encoding="utf-8"))
        text = " ".join(parser.parts)
        text = WEB_ADDRESS.sub(" ", text)  # an address written out on paper (988lifeline.org/chat) is not a word
        for string in content:
            text = text.replace(string, " ")
        if words := _words(text) & english:
            found[page.relative_to(site).as_posix()] = words
    return found


def _build(project: Path) -> Path:
    out = project.parent / "site"
    result = run_cli("site", "--no-pdf", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    return out


def _spanish_project(folder: Path) -> Path:
    return copy_project(folder / "project")


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory) -> Path:
    return _build(_spanish_project(tmp_path_factory.mktemp("spanish")))


def test_no_spanish_page_shows_an_english_interface_word(spanish_site):
    assert len(site_pages(spanish_site / "es")) >= 20
    assert english_interface_words(spanish_site) == {}


def test_the_check_finds_one_template_literal_left_in_english(tmp_path):
    """The check above can fail: with one catalog text put back into a template as English words."""
    project = _spanish_project(tmp_path)
    edit(project / "templates" / "overrides" / "main.html", "{{ ui.crisis.more_ways }}", "More ways to get help")
    found = english_interface_words(_build(project))
    assert found and all({"ways", "get"} <= words for words in found.values()), found


def test_the_check_finds_the_plan_on_paper_left_in_english(tmp_path):
    """The plan's words count too: the handout's plan on paper with one heading put back in English."""
    project = _spanish_project(tmp_path)
    edit(project / "templates" / "components" / "plan_paper.md.j2", "<h2>{{ p.people }}</h2>", "<h2>My support people</h2>")
    found = english_interface_words(_build(project))
    assert {"support", "people"} <= found.get("es/handout/index.html", set()), found


def test_the_language_switcher_leads_to_the_same_page_and_no_page_carries_hreflang_links(spanish_site):
    """No <link rel="alternate" hreflang> in a page: the theme's script would fetch a sitemap
    beside each (a 404 on every page); the sitemaps name each page's languages instead
    (tests/site/test_site_index_of_a_build.py)."""
    for page in site_pages(spanish_site):
        html = page.read_text(encoding="utf-8")
        here = page.relative_to(spanish_site).as_posix()
        same = here.removeprefix("es/")
        links = dict(re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"[^>]*class="md-select__link"', html))
        assert not re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([a-z-]+)">', html), here
        for lang, prefix in (("en", ""), ("es", "es/")):
            target = prefix + same
            for href in [href for href, l in links.items() if l == lang]:
                resolved = (page.parent / href).resolve()
                resolved = resolved / "index.html" if resolved.is_dir() else resolved
                assert resolved == (spanish_site / target).resolve(), f"{here}: the {lang} link leads to {href}"
            assert [href for href, l in links.items() if l == lang], f"{here}: no {lang} link"


def test_spanish_pages_show_spanish_content_words_and_dates(spanish_site):
    page = (spanish_site / "es" / "forms-of-integration" / "index.html").read_text(encoding="utf-8")
    assert "<html lang=\"es\"" in page and "Formas de integrar" in page
    assert "Última revisión de esta página:" in page and "de noviembre de 2026" in page
    assert "Llame al 988 y oprima 2" in page, "the crisis bar has the Spanish crisis lines"
    english = (spanish_site / "forms-of-integration" / "index.html").read_text(encoding="utf-8")
    assert "Ways to integrate" in english and "November 25, 2026" in english
