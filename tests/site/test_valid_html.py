"""Every built page is valid HTML by the W3C Nu HTML Checker (vnu), the checker of the HTML standard:
our guide in both languages with each engine, and the example clinic's edition.

The checker (`vnu-jar`, pinned in package.json; `make vnu` installs it into node_modules/, and Java
where `java` is missing) runs once per site over all its pages. Our own markup must have no error.
What the checker reports in markup that is not ours to change here is listed below by message,
markup and page, each with the reason; an entry that no longer matches anything fails the test (or,
for work in flight on another branch, warns), so the list only shrinks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest

from helpers import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EVERY_PAGE = r".*\.html"
# A page in any language: plan/index.html, es/plan/index.html, pt-BR/plan/index.html.
IN_ANY_LANGUAGE = r"(?:[a-z]{2,3}(?:-[A-Za-z0-9]+)?/)?"


@dataclass(frozen=True)
class Known:
    """Errors the checker reports that our markup does not cause, or that another branch fixes."""

    message: str  # a regular expression the checker's message matches
    markup: str  # text in the markup the checker quotes (its "extract")
    pages: str  # a regular expression the page's path in the site matches in full
    why: str
    engines: frozenset[str] = frozenset({"mkdocs", "zensical"})
    in_flight: str | None = None  # the issue whose work, on another branch, removes it

    def covers(self, error: dict, page: str, engine: str) -> bool:
        return (engine in self.engines and re.search(self.message, error["message"]) is not None
                and self.markup in error.get("extract", "") and re.fullmatch(self.pages, page) is not None)


KNOWN = (
    # The theme's own markup, which our overrides cannot reach.
    Known(r"^Attribute “autocomplete” is only allowed when the input type is", '<input class="md-toggle" data-md-toggle=',
          EVERY_PAGE,
          "mkdocs-material's (and Zensical's) base.html writes the menu's and search's toggle check boxes, with "
          "autocomplete=\"off\", straight after <body>, outside any block, so an override cannot change them; only "
          "a copy of the whole base template (every page's frame) could, which we will not fork. The attribute is "
          "deliberate: it keeps Firefox from reopening the menu or search on a reload."),
    Known(r"^The “aria-hidden” attribute must not be used on any “label” element", '<label class="md-overlay" for="__drawer" aria-hidden="true">',
          EVERY_PAGE,
          "Zensical's base.html writes the overlay behind the open menu with aria-hidden, outside any block (as for "
          "the toggles above). It is a click target with no text that screen readers are meant to skip.",
          engines=frozenset({"zensical"})),
    # fixed by issue 18 work: the handout repeats each part's sources (ref-…) and gives two worksheets'
    # fields of the same name one id (field-…); the booklet being rewritten prints sources once.
    Known(r"^Duplicate ID “(?:ref|field)-[a-z0-9-]+”\.$", ' id="', IN_ANY_LANGUAGE + r"handout/index\.html",
          "the handout's sources, repeated per part, and worksheet fields of one name", in_flight="issue 18"),
)

# A page with two faults: the checker has to report both, so a run that checks nothing cannot pass.
FAULTY_PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Faulty</title></head>'
               '<body><p id="twice">one</p><p id="twice">two</p><label tabindex="">no number</label></body></html>')


def nu_check(pages: list[Path]) -> list[dict]:
    """The checker's errors for ``pages``, as it reports them (JSON: url, lastLine, message, extract)."""
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `make vnu` (make test does it for you)")
    if shutil.which("java") is None:
        pytest.fail("java is missing: run `make vnu`, which installs Debian's default-jre-headless")
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--exit-zero-always",
                             *map(str, pages)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr or result.stdout
    report = result.stderr or result.stdout  # the JSON report, after anything Java itself prints
    return json.loads(report[report.index('{"version"'):])["messages"]


@pytest.mark.parametrize("engine, site_fixture", [
    ("mkdocs", "built_site"),
    ("zensical", "zensical_site"),
    ("mkdocs", "example_site"),
], ids=["our guide, mkdocs", "our guide, zensical", "example clinic"])
def test_every_page_is_valid_html(engine, site_fixture, request, tmp_path):
    site = request.getfixturevalue(site_fixture)
    site = site[0] if isinstance(site, tuple) else site  # example_site: (site, hashes before, after)
    pages = sorted(site.rglob("*.html"))
    faulty = tmp_path / "faulty.html"
    faulty.write_text(FAULTY_PAGE, encoding="utf-8")

    by_page: dict[str, list[dict]] = {}
    for error in nu_check([faulty, *pages]):
        path = Path(unquote(error.get("url", "").removeprefix("file:")))
        by_page.setdefault(path.relative_to(site).as_posix() if path.is_relative_to(site) else path.name, []).append(error)

    found = {e["message"] for e in by_page.pop("faulty.html", [])}
    assert "Duplicate ID “twice”." in found and any("tabindex" in m for m in found), f"the checker missed known faults: {found}"
    assert set(by_page) <= {p.relative_to(site).as_posix() for p in pages}, f"errors for files not checked: {set(by_page)}"

    used: set[Known] = set()
    ours = []
    for page, errors in sorted(by_page.items()):
        for error in errors:
            known = next((k for k in KNOWN if k.covers(error, page, engine)), None)
            if known is None:
                ours.append(f"{page}:{error.get('lastLine', '?')}: {error['message']}\n    {error.get('extract', '').strip()}")
            else:
                used.add(known)
    assert not ours, f"{len(ours)} HTML errors in our markup ({site_fixture}):\n" + "\n".join(ours[:40])

    # The theme's exemptions hold on every site; the others only where their pages are.
    for known in KNOWN:
        if known in used or engine not in known.engines:
            continue
        if not any(re.fullmatch(known.pages, p.relative_to(site).as_posix()) for p in pages):
            continue
        if known.in_flight:
            warnings.warn(f"the Nu checker no longer reports {known.message!r} on {known.pages}: "
                          f"remove its entry from KNOWN in {Path(__file__).name} ({known.in_flight})")
        else:
            pytest.fail(f"the Nu checker no longer reports {known.message!r}: remove its entry from KNOWN ({known.why})")


def test_both_languages_are_checked(built_site):
    """The guide's second language is in the site the checker reads (its pages under /es/)."""
    assert (built_site / "index.html").exists() and any((built_site / "es").rglob("index.html"))
