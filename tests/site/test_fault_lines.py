"""A file-system fault is one line naming the path, in check, site, pdf, offline and serve (issue 19).

Unreadable files are made with chmod; as root (which reads anything) the command runs without the
capabilities that let it (setpriv). A full disk is a 1 MB tmpfs, filled: mounting one needs root,
so those tests are skipped where the tests do not run as root (say so, never pass quietly).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from helpers import OUR_GUIDE, ROOT, free_port, wait_for

MAX_LINE = 300


def run(project: Path, *args: str, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """``python -m generator ARGS`` as a user runs it; as root, without the power to read any file."""
    command = [sys.executable, "-m", "generator", *args]
    return subprocess.run(_unprivileged(command), cwd=project, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **OUR_GUIDE, **(env or {})})


def _unprivileged(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: root reads an unreadable file")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]


def assert_one_line(result, names: str) -> str:
    """No traceback, every line short, and one of them names ``names``; returns that line."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert all(len(line) <= MAX_LINE for line in lines), [len(line) for line in lines]
    named = [line for line in lines if names in line]
    assert named, result.stderr
    return named[0]


@contextmanager
def unreadable(path: Path):
    mode = path.stat().st_mode
    path.chmod(0)
    try:
        yield path
    finally:
        path.chmod(mode)


@pytest.mark.parametrize("part, command", [
    ("content/worksheets", ["check"]),
    ("content/pages/about.yml", ["check"]),
    ("templates/blocks/text.md.j2", ["check"]),
    ("templates/components", ["check"]),
    ("templates/assets/stylesheets/guide.css", ["site", "--no-pdf", "--out", "site"]),
    ("templates/assets/stylesheets/guide.css", ["site", "--engine", "zensical", "--no-pdf", "--out", "site"]),
])
def test_an_unreadable_file_or_folder_is_named_in_one_line(project_copy, part, command):
    with unreadable(project_copy / part):
        result = run(project_copy, *command)
    line = assert_one_line(result, f"{part}:1:1: this ")
    assert "cannot be read (permission denied)" in line
    assert "StopIteration" not in result.stderr and "template variable" not in result.stderr


def test_mkdocs_serve_names_an_unreadable_stylesheet_and_keeps_serving(project_copy):
    port = free_port()
    log_path = project_copy / "serve.log"
    with unreadable(project_copy / "templates/assets/stylesheets/guide.css"), open(log_path, "w") as log:
        server = subprocess.Popen(_unprivileged([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]),
                                  cwd=project_copy, stdout=log, stderr=subprocess.STDOUT,
                                  env={**os.environ, **OUR_GUIDE})
        try:
            wait_for(f"http://127.0.0.1:{port}/", "guide.css", seconds=90)  # the preview lists the problem
        finally:
            server.terminate()
            server.wait(timeout=20)
    text = log_path.read_text()
    assert "templates/assets/stylesheets/guide.css:1:1: this file cannot be read" in text and "Traceback" not in text, text


# --- a full disk ------------------------------------------------------------------------------------------


@contextmanager
def full_disk(folder: Path):
    """``folder`` as a 1 MB disk of its own, full."""
    folder.mkdir(parents=True)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)]).returncode:
        pytest.skip("a full disk is a small tmpfs here, and mounting one needs root")
    try:
        subprocess.run(["dd", "if=/dev/zero", f"of={folder / 'fill'}", "bs=4k", "count=1000"], capture_output=True)
        assert shutil.disk_usage(folder).free < 64 * 1024
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode:
            # A browser may still be closing its files there: detached now, freed once they are closed.
            subprocess.run(["umount", "--lazy", str(folder)], check=True)


@pytest.mark.parametrize("command", [
    ["check"],  # writes nothing: a full disk does not stop it
    ["render", "--out", "FULL/md"],
    ["schema", "--out", "FULL/schemas"],
    ["site", "--no-pdf", "--out", "FULL/site"],
    ["site", "--engine", "zensical", "--no-pdf", "--out", "FULL/site"],
    ["offline", "--out", "FULL/guide.zip"],
])
def test_a_full_output_disk_is_named_in_one_line(project_copy, tmp_path, command):
    shutil.copy2(ROOT / "mkdocs-offline.yml", project_copy)  # the offline build's config (not in a copy's parts)
    with full_disk(tmp_path / "full") as full:
        result = run(project_copy, *[part.replace("FULL", str(full)) for part in command])
    if command == ["check"]:
        assert result.returncode == 0, result.stderr
        return
    line = assert_one_line(result, "No space left on device; the disk is full")
    assert f"error: {full}/" in line


@pytest.mark.parametrize("command", [["pdf", "--out", "pdf"], ["site", "--out", "site"]])
def test_a_full_temporary_disk_is_named_in_one_line(project_copy, tmp_path, command):
    with full_disk(tmp_path / "full") as full:
        result = run(project_copy, *command, env={"TMPDIR": str(full)})
    line = assert_one_line(result, f"the PDFs cannot be printed: the temporary folder {full} has 0 KB free")
    assert "set TMPDIR" in line
