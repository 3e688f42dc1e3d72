"""Output folders: written whole or not at all, and never a file the generator did not write."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, cli
from generator.publish.owned_folders import MARKER, OwnershipError, write_tree


def test_writes_a_new_folder_with_a_marker(tmp_path):
    out = tmp_path / "out"
    write_tree({"a.md": "A", "sub/b.md": "B"}, out)
    assert (out / "a.md").read_text() == "A" and (out / "sub/b.md").read_text() == "B"
    assert (out / MARKER).is_file()


def test_replaces_its_own_folder_whole(tmp_path):
    out = tmp_path / "out"
    write_tree({"a.md": "A", "old.md": "gone"}, out)
    write_tree({"a.md": "A2"}, out)
    assert (out / "a.md").read_text() == "A2" and not (out / "old.md").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder left behind


def test_refuses_a_folder_of_hand_written_files(tmp_path):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "mine.md").write_text("my own notes")
    with pytest.raises(OwnershipError, match="not written by the generator"):
        write_tree({"a.md": "A"}, out)
    assert (out / "mine.md").read_text() == "my own notes" and not (out / "a.md").exists()


def test_refuses_its_own_folder_once_someone_added_a_file(tmp_path):
    out = tmp_path / "out"
    write_tree({"a.md": "A"}, out)
    (out / "added-by-hand.txt").write_text("keep me")
    with pytest.raises(OwnershipError, match="added-by-hand.txt"):
        write_tree({"a.md": "A2"}, out)
    assert (out / "added-by-hand.txt").read_text() == "keep me" and (out / "a.md").read_text() == "A"


def test_a_failure_while_writing_leaves_the_last_output(tmp_path):
    out = tmp_path / "out"
    write_tree({"a.md": "A"}, out)
    with pytest.raises(TypeError):
        write_tree({"a.md": "A2", "b.md": None}, out)  # the second file cannot be written
    assert (out / "a.md").read_text() == "A"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_cli_refuses_to_render_into_a_folder_of_other_files(project_copy):
    docs = project_copy / "my-docs"
    docs.mkdir()
    (docs / "notes.md").write_text("mine")
    result = cli("--root", str(project_copy), "render", "--out", str(docs))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not written by the generator" in result.stderr
    assert [p.name for p in docs.iterdir()] == ["notes.md"]


def _write_many(out: str, writer: int, times: int) -> str:
    """One of several processes writing the same folder again and again; returns its errors."""
    files = {f"part{n}/file{i}.md": f"writer {writer}, round {{}}" for n in range(2) for i in range(3)}
    try:
        for round_ in range(times):
            write_tree({path: text.format(round_) for path, text in files.items()}, Path(out))
    except Exception as exc:  # noqa: BLE001 - reported to the test
        return f"{type(exc).__name__}: {exc}"
    return ""


def test_writers_into_one_folder_at_once_all_succeed_and_leave_nothing_behind(tmp_path):
    out = tmp_path / "out"
    with multiprocessing.get_context("fork").Pool(3) as pool:
        errors = pool.starmap(_write_many, [(str(out), writer, 60) for writer in range(3)])
    assert errors == ["", "", ""]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    texts = {p.read_text() for p in out.rglob("*.md")}
    assert len(list(out.rglob("*.md"))) == 6 and len({t.split(",")[0] for t in texts}) == 1  # one writer's tree, whole


def test_what_killed_builds_left_beside_the_folder_is_removed(tmp_path):
    out = tmp_path / "out"
    write_tree({"a.md": "A"}, out)
    (tmp_path / ".out.old-x1y2z3" / "tree").mkdir(parents=True)   # a whole previous site, once
    (tmp_path / ".out.old-x1y2z3" / "tree" / "index.html").write_text("old")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / f".out.new-{dead.stdout.strip()}-abc").mkdir()      # a build that was killed
    (tmp_path / ".out.new-1-def").mkdir()                           # a build still running (pid 1 is alive)
    write_tree({"a.md": "A2"}, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.new-1-def", "out"]


def _git_tracked_folder(root: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    folder = root / "schemas"
    write_tree({"page.schema.json": "{}", "site.schema.json": "{}"}, folder)
    subprocess.run(["git", "-C", str(root), "add", "schemas"], check=True)
    return folder


def test_a_folder_git_tracks_is_never_replaced_by_other_output(tmp_path):
    schemas = _git_tracked_folder(tmp_path)
    result = cli("--root", str(ROOT), "render", "--out", str(schemas))
    assert result.returncode == 1 and "git tracks files here that this output would delete" in result.stderr
    assert "page.schema.json" in result.stderr
    assert sorted(p.name for p in schemas.iterdir()) == [MARKER, "page.schema.json", "site.schema.json"]
    write_tree({"page.schema.json": '{"new": 1}', "site.schema.json": "{}", "brand.schema.json": "{}"}, schemas)
    assert (schemas / "page.schema.json").read_text() == '{"new": 1}'  # the same files again, as `schema` writes them
