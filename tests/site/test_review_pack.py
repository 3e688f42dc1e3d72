"""The sign-off pack for the UK example edition, made by the real command in a git repository copied
from this project: it lists every page with its sources, the edition's facts with theirs, and, since
the commit the clinic names as signed off, exactly the pages that changed in that edition (not ours
that the clinic replaces, not another language's), as words; and its PDF has the place to sign."""

from __future__ import annotations

import html as html_lib
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.guide.assemble import load_guides
from helpers import ROOT, copy_project, edit, pdf_text, run_cli

CLINIC = "clinics/example"


def _git(project: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           "-c", "commit.gpgsign=false", *args], capture_output=True, text=True, check=True)
    return done.stdout.strip()


class _Pack(HTMLParser):
    """The pack's changes (data-kind, data-id, data-what), items (data-kind, data-id) with their
    references, and its facts' rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.changes: list[dict] = []
        self.items: dict[tuple[str, str], set[str]] = {}
        self.facts: list[str] = []
        self._item: tuple[str, str] | None = None
        self._fact: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li" and "data-what" in attrs:
            self.changes.append(attrs)
        if tag == "section" and "data-kind" in attrs:
            self._item = (attrs["data-kind"], attrs["data-id"])
            self.items[self._item] = set()
        if tag == "li" and "data-reference" in attrs and self._item:
            self.items[self._item].add(attrs["data-reference"])
        if tag == "tr" and "data-fact" in attrs:
            self._fact = []
            self.facts.append("")

    def handle_endtag(self, tag):
        if tag == "section":
            self._item = None
        if tag == "tr" and self._fact is not None:
            self.facts[-1] = " ".join(self._fact)
            self._fact = None

    def handle_data(self, data):
        if self._fact is not None:
            self._fact.append(data.strip())


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding this project; its first commit is the version the clinic signed off."""
    project = copy_project(tmp_path_factory.mktemp("review") / "project")
    shutil.copytree(ROOT / "clinics", project / "clinics")
    shutil.copy2(ROOT / "FORKING.md", project / "FORKING.md")
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "signed off")
    return project, _git(project, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def pack(repository) -> tuple[_Pack, Path, str]:
    project, signed = repository
    edit(project / CLINIC / "brand.yml", 'name: "Example Clinic (fictional)"',
         f'signed_off: "{signed}"\nname: "Example Clinic (fictional)"')
    edit(project / "content/pages/about.yml", "It is not an ad for any clinic", "It is not an advert for any clinic")
    edit(project / CLINIC / "content/pages/crisis.yml", "a trained volunteer will answer", "a trained volunteer answers")
    edit(project / "content/pages/crisis.yml", "a trained person will answer", "a trained person answers")  # ours: the clinic replaces it
    edit(project / "content/es/pages/about.yml", "Código abierto", "Código libre")  # Spanish: not in this edition
    (project / CLINIC / "content/pages.yml").write_text("remove: [does-it-help]\n", encoding="utf-8")
    (project / CLINIC / "content/pages/our-team.yml").write_text(
        "id: our-team\ntitle: Our team\norder: 95\ndescription: Who we are.\nlast_reviewed: 2026-12-01\n"
        "next_review_due: 2027-06-01\nblocks:\n  - type: text\n    body: |\n      We are a small team of doctors and nurses.\n",
        encoding="utf-8")
    out = project / "review-pack"
    result = run_cli("--clinic", CLINIC, "review-pack", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    parsed = _Pack()
    html = (out / "review-pack.html").read_text(encoding="utf-8")
    parsed.feed(html)
    return parsed, out, html


def test_changed_since_names_exactly_the_pages_changed_in_this_edition(pack):
    parsed, _, html = pack
    pages = {(c["data-id"], c["data-what"]) for c in parsed.changes if c["data-kind"] == "page"}
    assert pages == {("about", "changed"), ("crisis", "changed"), ("our-team", "added"), ("does-it-help", "removed")}
    assert {c["data-language"] for c in parsed.changes} == {"en"}
    assert not [c for c in parsed.changes if c["data-kind"] == "worksheet"], parsed.changes
    words = html_lib.unescape(html)
    assert re.search(r"page 'about', en: changed: block \d+ \(text: 'Who wrote it'\) changed", words), "said in words"


def test_the_pack_lists_every_page_and_worksheet_with_the_sources_each_cites(pack, repository):
    parsed, _, _ = pack
    project, _ = repository
    guide = load_guides(project / "content", project / CLINIC)[0]
    for page in guide.pages:
        assert ("page", page.id) in parsed.items, page.id
        assert parsed.items[("page", page.id)] == {r.id for r in guide.page_references(page)}, page.id
    for sheet in guide.worksheets:
        assert parsed.items[("worksheet", sheet.id)] == set(sheet.references), sheet.id
    assert ("page", "our-team") in parsed.items and ("page", "does-it-help") not in parsed.items


def test_the_pack_gives_the_editions_facts_with_their_sources(pack):
    parsed, _, _ = pack
    facts = "\n".join(parsed.facts)
    assert re.search(r"Emergency number 999", facts)
    assert re.search(r"Samaritans.*116 123.*tel:116123.*Contact Samaritans", facts)
    assert re.search(r"Urgent route.*Call 111 \(NHS 111, free, any time\).*111\.nhs\.uk.*tel:111.*call 111 when you need urgent", facts)
    assert re.search(r"watch you after each dose until they say.*SPRAVATO 28 mg nasal spray.*\(UK\)", facts)
    assert re.search(r"together with an antidepressant pill", facts)
    assert "at least 2 hours" not in facts


def test_the_pdf_has_every_part_and_a_place_to_sign(pack):
    _, out, _ = pack
    text = pdf_text(out / "review-pack.pdf")
    for part in ("Clinical sign-off pack", "What changed since the last sign-off", "The edition's facts",
                 "Open warnings", "Before you publish", "Who signs off", "Decision and signature", "Signature", "Date"):
        assert part in text, part
    assert "page 'our-team', en: added" in text


def test_a_signed_off_version_that_does_not_exist_is_said_plainly(repository, tmp_path):
    project, _ = repository
    result = run_cli("--clinic", CLINIC, "review-pack", "--since", "no-such-tag", "--out", str(tmp_path / "pack"), cwd=project)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "'no-such-tag' is not a commit or tag" in result.stderr
    assert "could not be read" in (tmp_path / "pack/review-pack.html").read_text(encoding="utf-8")
