"""The second site engine: `python -m generator site --engine zensical` builds the same site as MkDocs.

Zensical (mkdocs-material's successor) reads mkdocs.yml but runs none of our MkDocs hooks, so it is
handed the pages pre-rendered (generator/engines/zensical/build.py) and the engine-neutral steps of
generator/publish/ finish its output. These tests build it once (the `zensical_site` fixture, PDFs
included) and hold it to what the MkDocs build promises. tests/browser/test_zensical_site.py runs
axe and the privacy crawl on it.

What does not match, by design and checked here: the search index is Zensical's own `search.json`
(its own format, read by its own search script), not MkDocs' `search/search_index.json`; and
Zensical writes no `sitemap.xml.gz` and its theme's scripts and stylesheets under other names.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT, read_page, run_cli, site_pages, visible_text
from generator.guide.assemble import load_guide, load_guides
from generator.guide.crisis_wording import emergency_way, ways
from generator.guide.interface import fill
from generator.publish.csp import inline_script_hashes
from generator.publish.service_worker import SERVICE_WORKER
from generator.quality.links import broken_links

REMOTE = re.compile(r"^\s*(https?:)?//", re.I)
CSP_META = re.compile(r'<head[^>]*>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">', re.I)
CRISIS_BAR = re.compile(r'<aside class="guide-crisis-bar"[^>]*>(.*?)</aside>', re.S)


@pytest.fixture(scope="module")
def site():
    return load_guide(ROOT / "content").site


def page_paths(site_dir: Path) -> set[str]:
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html")}


def every_page(site_dir: Path) -> list[Path]:
    """Every HTML page, the 404 page too."""
    return sorted(site_dir.rglob("*.html"))


def loaded_urls(path: Path) -> list[str]:
    """What a page makes the browser fetch by itself: src-like attributes and <link> hrefs."""
    urls = []
    for tag, attributes in read_page(path).elements:
        urls += [attributes[name] for name in ("src", "srcset", "poster", "data") if attributes.get(name)]
        if tag == "link" and attributes.get("href") and attributes.get("rel") != "canonical":
            urls.append(attributes["href"])
    return urls


def test_every_page_of_the_mkdocs_build_is_at_the_same_address(built_site, zensical_site):
    mkdocs, zensical = page_paths(built_site), page_paths(zensical_site)
    assert len(mkdocs) >= 20
    assert mkdocs == zensical, f"only MkDocs: {sorted(mkdocs - zensical)}; only Zensical: {sorted(zensical - mkdocs)}"
    assert (zensical_site / "404.html").is_file()


def test_each_page_has_the_same_title_and_heading_in_both_builds(built_site, zensical_site):
    for path in sorted(page_paths(built_site)):
        ours, theirs = read_page(built_site / path), read_page(zensical_site / path)
        assert ours.title == theirs.title, path
        h1 = [re.search(r"<h1[^>]*>(.*?)</h1>", (site / path).read_text(encoding="utf-8"), re.S)
              for site in (built_site, zensical_site)]
        assert h1[0] and h1[1] and visible_text(h1[0].group(1)) == visible_text(h1[1].group(1)), path


def test_every_page_has_our_policy_first_in_head_allowing_exactly_its_own_inline_scripts(zensical_site):
    """Zensical's inline scripts differ from MkDocs': the hashes are computed on its own output."""
    for path in every_page(zensical_site):
        text = path.read_text(encoding="utf-8")
        match = CSP_META.search(text)
        assert match, f"{path.relative_to(zensical_site)}: no CSP meta first in <head>"
        policy = html.unescape(match.group(1))
        assert "default-src 'self'" in policy and "script-src 'self'" in policy, path
        for source in inline_script_hashes(text):
            assert source in policy, f"{path.relative_to(zensical_site)}: inline script {source} not allowed"
    assert "Content-Security-Policy" in (zensical_site / "_headers").read_text(encoding="utf-8")


def test_every_page_has_the_crisis_bar_with_the_crisis_lines(zensical_site):
    """Each language's pages show that language's words for the crisis lines in force."""
    for guide in load_guides(ROOT / "content"):
        site = guide.site
        first = site.crisis.lines[0]  # the bar shows the first line's ways to call or text, the emergency number and a link to the rest
        calls = [(way.href, way.label) for way in ways(first, guide.ui) if way.kind != "online"]
        # the emergency number in a few words ("Emergency: 911"), since the bar is narrow
        emergency = (emergency_way(site.crisis, guide.ui).href, fill(guide.ui["crisis"]["emergency_short"], number=site.crisis.emergency_number))
        folder = zensical_site / guide.address_prefix
        pages = [path for path in every_page(folder) if guide.address_prefix or not path.relative_to(folder).parts[0] == "es"]
        assert pages, folder
        for path in pages:
            text = path.read_text(encoding="utf-8")
            bar = CRISIS_BAR.search(text)
            assert bar, f"{path.relative_to(zensical_site)}: no crisis bar"
            shown = visible_text(bar.group(1))
            assert first.name in shown and guide.ui["crisis"]["need_help"] in shown, (path, shown)
            for href, label in [*calls, emergency]:
                assert f'<a href="{html.escape(href)}" class="guide-crisis-bar__way">{html.escape(label)}</a>' \
                    in bar.group(1), (path, href, label)
        crisis_page = visible_text((folder / site.crisis_page / "index.html").read_text(encoding="utf-8"))
        for line in site.crisis.lines:
            assert line.name in crisis_page, line.name


@pytest.mark.parametrize("language", ["", "es/"])
def test_the_service_worker_lists_every_page(zensical_site, language):
    """Each language's worker (sw.js, es/sw.js) lists that language's pages (as with MkDocs)."""
    worker = (zensical_site / language / SERVICE_WORKER).read_text(encoding="utf-8")
    files = [url for url, _digest in json.loads(re.search(r"const FILES = (\[.*?\]);", worker, re.S).group(1))]
    for path in page_paths(zensical_site / language):
        if path.startswith(("handout/", "es/")):
            continue  # the printable handout is linked from no page, so not precached; es/ has its own worker
        if path.startswith("worksheets/"):  # kept on first use, like their PDFs
            assert path.removesuffix("index.html") not in files, language + path
            continue
        assert (path.removesuffix("index.html") or "./") in files, language + path
    assert "search.json" in files  # Zensical's search index, cached for offline search
    assert not [url for url in files if url.startswith(("es/", "../"))]


def test_no_page_loads_anything_from_another_origin(zensical_site):
    for path in every_page(zensical_site):
        remote = [url for url in loaded_urls(path) if REMOTE.match(url)]
        assert not remote, f"{path.relative_to(zensical_site)} loads {remote}"
    for css in zensical_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css


def test_every_internal_link_and_anchor_resolves(zensical_site):
    problems = broken_links(zensical_site)
    assert not problems, "\n".join(problems)


def test_the_pdfs_are_made_from_the_zensical_build_too(built_site, zensical_site):
    def pdfs(site_dir: Path) -> set[str]:
        return {p.relative_to(site_dir).as_posix() for p in (site_dir / "downloads").rglob("*.pdf")}

    assert pdfs(zensical_site) == pdfs(built_site) and len(pdfs(zensical_site)) >= 6
    assert all((zensical_site / p).read_bytes().startswith(b"%PDF") for p in pdfs(zensical_site))


def test_search_differs_zensical_indexes_into_its_own_search_json(zensical_site):
    """Not the same as MkDocs: no search/search_index.json; Zensical's search.json (its own format,
    read by its own search script) holds the same words, so the help page is found by them."""
    assert not (zensical_site / "search" / "search_index.json").exists()
    index = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))
    help_text = " ".join(json.dumps(item).lower() for item in index["items"]
                         if item["location"].startswith("when-to-get-help/"))
    for word in ("suicidal", "panic", "scared", "emergency", "overdose"):
        assert word in help_text, f"searching for {word!r} would not find the help page"


def test_the_site_name_and_page_titles_are_escaped_once(zensical_site):
    """Zensical prints the site's name and a page's title unescaped and cannot take escaped Markup:
    the adapter escapes them itself, and no value is escaped twice."""
    for path in every_page(zensical_site):
        text = path.read_text(encoding="utf-8")
        assert "&amp;amp;" not in text and "&amp;lt;" not in text and "&amp;quot;" not in text, path


def test_the_offline_copy_builds_with_zensical(tmp_path):
    """`offline --engine zensical`: pages as files (about.html) for file://, no service worker, nothing remote."""
    result = run_cli("offline", "--engine", "zensical", "--out", str(tmp_path / "guide.zip"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "guide.zip") as archive:
        archive.extractall(tmp_path / "unzipped")
    bundle = next((tmp_path / "unzipped").iterdir())
    assert (bundle / "index.html").is_file() and (bundle / "plan.html").is_file() and (bundle / "README.txt").is_file()
    assert not (bundle / SERVICE_WORKER).exists()
    for path in every_page(bundle):
        assert not [url for url in loaded_urls(path) if REMOTE.match(url)], path
        assert CSP_META.search(path.read_text(encoding="utf-8")), path


def test_an_unknown_engine_is_refused_by_name():
    result = run_cli("site", "--engine", "hugo", "--out", "unused")
    assert result.returncode == 2 and "invalid choice: 'hugo'" in result.stderr


def test_a_failed_zensical_build_keeps_the_last_good_site(project_copy):
    site = project_copy / "site"
    build = ("--root", str(project_copy), "site", "--engine", "zensical", "--no-pdf", "--out", str(site))
    assert run_cli(*build).returncode == 0
    before = (site / "index.html").read_text(encoding="utf-8")
    page = project_copy / "content/pages/index.yml"
    page.write_text(page.read_text(encoding="utf-8").replace("order: 0", "order: first"), encoding="utf-8")

    result = run_cli(*build)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/pages/index.yml:5:1: order: expected a whole number" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == before
    assert not list(project_copy.glob(".site.*"))


def test_a_zensical_build_error_is_reported_and_keeps_the_last_good_site(project_copy):
    """A template Zensical cannot render: its message, no traceback of ours, the old site in place."""
    site = project_copy / "site"
    build = ("--root", str(project_copy), "site", "--engine", "zensical", "--no-pdf", "--out", str(site))
    assert run_cli(*build).returncode == 0
    override = project_copy / "templates/overrides/main.html"
    ours = override.read_text(encoding="utf-8")
    assert "{% block header %}" in ours  # the block every page renders, where the fault goes
    override.write_text(ours.replace("{% block header %}", "{% block header %}{{ config.extra.guide.nope.nope }}"), encoding="utf-8")
    result = run_cli(*build)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "main.html" in result.stderr and "last good site" in result.stderr
    assert (site / "index.html").is_file() and not list(project_copy.glob(".site.*"))
