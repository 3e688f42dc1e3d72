"""A fork with a clinic overlay pulls an upstream change to a core content file without a conflict."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from helpers import read_page
from helpers import ROOT, copy_project, run_cli


def git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                          cwd=repo, capture_output=True, text=True)


def test_an_upstream_content_change_merges_cleanly_into_a_clinic_branch(tmp_path):
    repo = copy_project(tmp_path / "repo")
    assert git(repo, "init", "-q").returncode == 0
    git(repo, "add", "-A")
    assert git(repo, "commit", "-qm", "upstream").returncode == 0

    # The clinic's fork: its own folder and the one-line CLINIC file, nothing else.
    git(repo, "checkout", "-qb", "clinic")
    shutil.copytree(ROOT / "clinics/example", repo / "clinics/example")
    (repo / "CLINIC").write_text("clinics/example\n", encoding="utf-8")
    git(repo, "add", "-A")
    assert git(repo, "commit", "-qm", "our clinic").returncode == 0

    # Upstream improves a practice (which the clinic's overlay also adds to) and a page (which the clinic replaces).
    git(repo, "checkout", "-q", "main")
    practices = repo / "content/practices.yml"
    practices.write_text(practices.read_text(encoding="utf-8").replace(
        "Writing about your session in your own words, for your eyes only.",
        "Writing about your session in your own words, just for you."), encoding="utf-8")
    crisis = repo / "content/pages/crisis.yml"
    crisis.write_text(crisis.read_text(encoding="utf-8").replace("order: 80", "order: 85"), encoding="utf-8")
    git(repo, "commit", "-qam", "upstream: clearer journaling summary")

    git(repo, "checkout", "-q", "clinic")
    merged = git(repo, "merge", "--no-edit", "main")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert "CONFLICT" not in merged.stdout
    assert git(repo, "status", "--porcelain").stdout == ""

    built = run_cli("site", "--out", "site", cwd=repo, env={"GUIDE_CLINIC": ""})  # the CLINIC file decides
    assert built.returncode == 0, built.stderr
    page = read_page(repo / "site/forms-of-integration/index.html")
    assert "Writing about your session in your own words, just for you." in page.joined  # upstream's change
    assert "The clinic's integration circle" in page.joined and page.title.endswith("Example Clinic (fictional)")
