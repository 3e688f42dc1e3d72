"""`python -m generator check` reports every edition it checked, each with its own counts: a clinic
whose Spanish folder removes a page sees the Spanish edition one page short and the English one
whole, not the first edition's counts for both."""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import cli

BOTH_LANGUAGES_BRAND = """\
name: "Two-language clinic (fictional)"
languages: [en, es]
"""


def _counts(stdout: str) -> dict[str, str]:
    """The line of each edition in check's output, by its language."""
    return {line.split(":", 1)[0].split()[0]: line for line in stdout.splitlines() if " pages, " in line}


def _pages(project: Path) -> int:
    return len(list((project / "content" / "pages").glob("*.yml")))


def test_check_prints_each_editions_own_counts(project_copy):
    languages = yaml.safe_load((project_copy / "content" / "site.yml").read_text(encoding="utf-8"))["languages"]
    checked = cli("check", cwd=project_copy)
    assert checked.returncode == 0, checked.stderr
    counts = _counts(checked.stdout)
    assert list(counts) == languages, checked.stdout  # one line per edition, the first first
    for language in languages:
        assert counts[language].startswith(f"{language}: {_pages(project_copy)} pages, "), checked.stdout


def test_a_page_a_clinic_removes_in_one_language_is_counted_out_of_that_edition_only(project_copy):
    clinic = project_copy / "clinics" / "both"
    (clinic / "content" / "es").mkdir(parents=True)
    (clinic / "brand.yml").write_text(BOTH_LANGUAGES_BRAND, encoding="utf-8")
    (clinic / "content" / "es" / "pages.yml").write_text("remove: [does-it-help]\n", encoding="utf-8")
    checked = cli("--clinic", str(clinic), "check", cwd=project_copy)
    assert checked.returncode == 0, checked.stderr
    counts = _counts(checked.stdout)
    ours = _pages(project_copy)
    assert counts["en"].startswith(f"en (clinics/both): {ours} pages, "), checked.stdout
    assert counts["es"].startswith(f"es (clinics/both): {ours - 1} pages, "), checked.stdout
