"""Output folders: written whole or not at all, and never a file the generator did not write."""

from __future__ import annotations


import pytest

from helpers import cli
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
