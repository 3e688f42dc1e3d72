"""The site index (generator/publish/site_index.py): each built page read once by html.parser,
and what the finishing steps make of it: the languages the pipeline names, cache rules for every
language, the offline copy's outside links, the service worker's precache."""

from __future__ import annotations

import json
import re

import pytest

from generator.publish import site_index
from generator.publish.finish import finish_site
from generator.publish.offline_copy import LinkOutsideCopy, bundle_files, fix_links
from generator.publish.site_index import Edit, apply_edits, index_site, page_facts, read_page
from helpers import ROOT

TEMPLATES = ROOT / "templates"

PAGE = """<!doctype html>
<html lang="es-MX" class="no-js">
  <head>
    <meta charset="utf-8">
    <link rel="stylesheet" href="../assets/main.1234abcd.min.css">
    <link rel="icon" href="../img/fav.png">
    <link rel="prev" href="../about/">
    <script>var theme = "</li>\\n<a href='not-a-link'>";</script>
    <script id="__config" type="application/json">{"search": "../assets/search.99aa88bb.min.js"}</script>
  </head>
  <body>
    <!-- a comment <a href="also-not-a-link"> that runs
    over lines -->
    <ul>
      <li><a href="../crisis/" class="x">Help</a></li>

      <li><a
          href="../plan/"
          title="a tag over lines">Plan</a></li>
    </ul>
    <article class="md-content__inner" id="top">
      <h1 id="title">T&iacute;tulo</h1>
      <pre>keep

  this</pre>
      <textarea name="n">one

two</textarea>
      <script>content()</script>
      <span class="guide-qr" data-qr-path="/plan/"></span>
      <a name="old-anchor" href="#title">Up</a>
      <img src="../img/x.png" alt="">
    </article>
    <script src="../javascripts/offline.js"></script>
  </body>
</html>
"""


def test_a_page_is_read_into_its_links_loads_scripts_content_anchors_and_language():
    facts = page_facts(PAGE)
    assert facts.lang == "es-MX"
    assert [ref.value for ref in facts.links] == ["../crisis/", "../plan/", "#title"]
    assert [ref.value for ref in facts.loads] == ["../assets/main.1234abcd.min.css", "../img/fav.png", "../img/x.png",
                                                  "../javascripts/offline.js"]
    assert [(s.type, s.in_content, s.executable) for s in facts.scripts] == [
        ("", False, True), ("application/json", False, False), ("", True, True)]
    assert facts.scripts[0].body == 'var theme = "</li>\\n<a href=\'not-a-link\'>";'
    assert json.loads(facts.data_block("__config")) == {"search": "../assets/search.99aa88bb.min.js"}
    start, end = facts.content
    assert PAGE[start:end].startswith("<article") and PAGE[start:end].endswith("</article>")
    assert facts.anchors == {"__config", "top", "title", "old-anchor"}
    assert PAGE[:facts.head_end].endswith("<head>")
    assert [PAGE[a:b].split(">")[0] for a, b in facts.whitespace_kept] == [
        "<script", "<script id=\"__config\" type=\"application/json\"", "<pre", "<textarea name=\"n\"", "<script",
        "<script src=\"../javascripts/offline.js\""]
    for ref in facts.references:  # each value's place in the text, even in a tag over lines
        assert PAGE[ref.value_start:ref.value_end] == ref.value
        assert PAGE[ref.tag_start] == "<" and PAGE[ref.tag_end - 1] == ">"
    (qr,) = facts.marked
    assert PAGE[qr.start:qr.end] == '<span class="guide-qr" data-qr-path="/plan/"></span>' and qr.get("data-qr-path") == "/plan/"


def many_pages(count: int) -> list[str]:
    """Pages that share a long menu, as a theme writes them, each with its own content."""
    menu = "".join(f'      <li class="item"><a href="../page-{n}/">Page {n}</a></li>\n\n' for n in range(40))
    return [PAGE.replace("    <ul>\n", f"    <ul>\n{menu}").replace("T&iacute;tulo", f"Page {number}")
            for number in range(count)]


def test_pages_read_in_pieces_give_what_each_page_read_whole_gives():
    """A piece of a menu read on one page gives the same facts, at its place, on the next."""
    site_index._PIECES.clear()
    for text in many_pages(5):
        assert site_index._parse(text) == site_index._parse(text, in_pieces=False)
        assert site_index._parse(text, compact=True) == site_index._parse(text, in_pieces=False, compact=True)
    assert site_index._PIECES, "no piece was reused"


def test_blank_lines_go_as_the_page_is_read_but_not_where_whitespace_shows():
    text, facts = read_page(PAGE, compact=True)
    assert "\n\n" not in text.replace("keep\n\n  this", "").replace("one\n\ntwo", "")
    assert "<pre>keep\n\n  this</pre>" in text and "one\n\ntwo</textarea>" in text
    assert facts == page_facts(text), "the facts are those of the text as it now is"


def test_edits_move_the_facts_with_the_text():
    facts = page_facts(PAGE)
    css = facts.loads[0]
    edits = [Edit(facts.head_end, facts.head_end, '\n<meta name="x" content="y">'),
             Edit(css.value_start, css.value_end, css.value + "?h=0123456789ab"),
             Edit(facts.marked[0].start, facts.marked[0].end, "<svg></svg>")]
    text, moved = apply_edits(PAGE, facts, edits)
    assert moved == site_index._parse(text, in_pieces=False)[1]
    assert moved.loads[0].value == "../assets/main.1234abcd.min.css?h=0123456789ab" and moved.marked == ()


def test_the_languages_are_the_pipelines_not_read_back_from_the_pages(tmp_path):
    """A language the theme has no words for is built with <html lang="en">: it is still a language
    of its own (its own worker, not in the first language's), because the pipeline says so."""
    for path, lang in (("index.html", "en"), ("haw/index.html", "en"), ("haw/plan/index.html", "en")):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f'<html lang="{lang}"><head></head><body><a href="plan/">Plan</a>'
                                     '<a href="haw/">Hawaiian</a></body></html>')
    finish_site(tmp_path, TEMPLATES, ["", "haw/"])
    assert (tmp_path / "haw" / "sw.js").is_file()
    root_files = re.search(r"const FILES = (\[.*?\]);", (tmp_path / "sw.js").read_text(), re.S).group(1)
    assert "haw/" not in root_files
    assert "/haw/sw.js\n  Cache-Control: no-cache" in (tmp_path / "_headers").read_text()


def test_every_languages_stamped_files_are_kept_for_a_year(tmp_path):
    for path in ("index.html", "es/index.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text('<html><head><link rel="stylesheet" href="stylesheets/guide.css">'
                                     '<script src="javascripts/offline.js"></script></head></html>')
    for path in ("stylesheets/guide.css", "javascripts/offline.js", "es/stylesheets/guide.css", "es/javascripts/offline.js"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("/* */")
    finish_site(tmp_path, TEMPLATES, ["", "es/"])
    headers = (tmp_path / "_headers").read_text()
    for rule in ("/stylesheets/*", "/javascripts/*", "/es/stylesheets/*", "/es/javascripts/*"):
        assert f"{rule}\n  Cache-Control: public, max-age=31536000, immutable" in headers, rule
    assert 'href="stylesheets/guide.css?h=' in (tmp_path / "es" / "index.html").read_text()


def test_the_offline_copy_flags_a_protocol_relative_link_as_outside(tmp_path):
    """From files, //host/p is a file on another computer: flagged like a link that leaves the copy,
    and never rewritten into a file of the copy that happens to be called p."""
    (tmp_path / "p").write_text("a file called p")
    assert fix_links("index.html", '<a href="//example.org/p">x</a>', {"index.html", "p"}) == '<a href="//example.org/p">x</a>'
    (tmp_path / "index.html").write_text('<a href="//example.org/p">elsewhere</a><a href="https://example.org/">fine</a>')
    with pytest.raises(LinkOutsideCopy, match="index.html: //example.org/p"):
        bundle_files(tmp_path)


def test_the_precache_holds_the_pages_the_plan_and_help_and_leaves_the_worksheets_for_first_use(tmp_path):
    pages = {"index.html": '<a href="plan/">Plan</a><a href="crisis/">Help</a><a href="worksheets/">Sheets</a>',
             "plan/index.html": '<script src="../javascripts/plan/page.js"></script><a href="../">Home</a>',
             "crisis/index.html": '<a href="../worksheets/safety-plan/">Safety plan</a>',
             "worksheets/index.html": '<a href="safety-plan/">Safety plan</a>',
             "worksheets/safety-plan/index.html": "<p>a form to print</p>"}
    for path, body in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f'<html lang="en"><head></head><body>{body}</body></html>')
    (tmp_path / "javascripts" / "plan").mkdir(parents=True)
    (tmp_path / "javascripts" / "plan" / "page.js").write_text("")
    finish_site(tmp_path, TEMPLATES, [""])
    listed = [address.split("?")[0] for address, _ in
              json.loads(re.search(r"const FILES = (\[.*?\]);", (tmp_path / "sw.js").read_text(), re.S).group(1))]
    assert sorted(listed) == ["./", "crisis/", "javascripts/plan/page.js", "plan/"]


def test_each_language_is_read_from_its_own_folder(tmp_path):
    for path in ("index.html", "es/index.html", "es/crisis/index.html", "crisis/index.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("<html><head></head></html>")
    index = index_site(tmp_path, ["", "es/"])
    assert index.pages_of("es/") == ["es/crisis/index.html", "es/index.html"]
    assert index.pages_of("") == ["crisis/index.html", "index.html"]


@pytest.mark.parametrize("page", ["index.html", "crisis/index.html", "es/worksheets/sheet/index.html", "es/index.html"])
def test_a_link_leads_to_the_file_a_browser_would_open(page):
    """However its folder climbs (the links of a menu are worked out once for every page below the
    same folder), a link leads where the browser goes: a folder's index.html, or nothing."""
    files = {"index.html", "crisis/index.html", "es/index.html", "es/crisis/index.html", "es/worksheets/index.html",
             "es/worksheets/sheet/index.html", "stylesheets/guide.css"}
    expected = {
        "index.html": {"crisis/": "crisis/index.html", "./": "index.html", "../": None, "es/crisis/#x": "es/crisis/index.html",
                       "#top": None, "tel:988": None, "//host/crisis/": None, "/crisis/": None, "stylesheets/guide.css?h=1":
                       "stylesheets/guide.css", "es": "es/index.html", "nothing/": None},
        "crisis/index.html": {"../": "index.html", "../../": None, "../es/crisis/": "es/crisis/index.html", "./": "crisis/index.html",
                              "../crisis/?a#b": "crisis/index.html", "..": "index.html", "../../crisis/": None},
        "es/worksheets/sheet/index.html": {"../../": "es/index.html", "../../crisis/": "es/crisis/index.html", "../": "es/worksheets/index.html",
                                           "../../../crisis/": "crisis/index.html", "../../../../": None, "../../../": "index.html",
                                           "../sheet/": "es/worksheets/sheet/index.html"},
        "es/index.html": {"../": "index.html", "crisis/": "es/crisis/index.html", "../es/": "es/index.html", "../../": None},
    }[page]
    for href, target in expected.items():
        assert site_index.resolve_in(files, page, href) == target, href


def _small_site(folder, heading: str = "Título") -> None:
    for path in ("index.html", "about/index.html", "es/index.html"):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(PAGE.replace("T&iacute;tulo", heading), encoding="utf-8")
    for path in ("assets/main.1234abcd.min.css", "img/fav.png", "img/x.png", "javascripts/offline.js"):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(path, encoding="utf-8")


def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_kept_from_the_build_before_finish_exactly_as_pages_read_anew(tmp_path, monkeypatch):
    """The finishing steps of a build after the first take what they read of an unchanged page from
    the cache folder: the site they publish is byte for byte the one they make reading every page."""
    kept = tmp_path / "cache" / "site-index"
    sites = {name: tmp_path / name for name in ("read", "first", "second", "edited")}
    for folder in sites.values():
        _small_site(folder)
    _small_site(sites["edited"], heading="Otro título")
    finish_site(sites["read"], TEMPLATES, ["", "es/"])  # no cache folder: every page parsed
    with site_index.pages_kept_in(kept):
        finish_site(sites["first"], TEMPLATES, ["", "es/"])
    assert list(kept.glob("pages-*.pickle"))

    parsed, parse = [], site_index._parse
    monkeypatch.setattr(site_index, "_parse", lambda text, *args, **kwargs: parsed.append(text) or parse(text, *args, **kwargs))
    with site_index.pages_kept_in(kept):
        finish_site(sites["second"], TEMPLATES, ["", "es/"])
    assert parsed == []  # every page was kept
    assert _files(sites["second"]) == _files(sites["first"]) == _files(sites["read"])

    with site_index.pages_kept_in(kept):
        finish_site(sites["edited"], TEMPLATES, ["", "es/"])
    assert parsed  # a page that changed is read anew
    assert "Otro título" in (sites["edited"] / "index.html").read_text(encoding="utf-8")

