"""Builds that never trip over each other: two at once into one folder both succeed and leave
nothing beside it; an output folder whose files git tracks (our schemas/) is never replaced."""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import OUR_GUIDE, ROOT, run_cli, tree_hash


def test_two_builds_at_once_into_one_folder_both_succeed(tmp_path):
    out = tmp_path / "site"
    env = {**os.environ, **OUR_GUIDE}
    builds = [subprocess.Popen([sys.executable, "-m", "generator", "site", "--no-pdf", "--out", str(out)],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(2)]
    results = [(build.wait(timeout=600), build.stderr.read()) for build in builds]
    assert [code for code, _ in results] == [0, 0], [err for _, err in results]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging, old tree or lock left
    assert (out / "index.html").is_file() and (out / "sw.js").is_file() and (out / ".guide-generated.json").is_file()


def test_a_site_is_never_built_over_the_tracked_schemas_folder(project_copy):
    subprocess.run(["git", "init", "-q", str(project_copy)], check=True)
    subprocess.run(["git", "-C", str(project_copy), "add", "schemas"], check=True)
    before = tree_hash(project_copy / "schemas")
    result = run_cli("--root", str(project_copy), "site", "--no-pdf", "--out", "schemas", cwd=project_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "git tracks files here that this output would delete" in result.stderr
    assert tree_hash(project_copy / "schemas") == before
    assert [p.name for p in project_copy.iterdir() if p.name.startswith(".schemas")] == []
    result = run_cli("--root", str(project_copy), "schema", "--out", "schemas", cwd=project_copy)
    assert result.returncode == 0, result.stderr  # `make schema` still rewrites it
