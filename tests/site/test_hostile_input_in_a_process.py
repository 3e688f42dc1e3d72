"""Hostile input that only a real process can be trusted with: a YAML bomb, a huge file or list, a
pipe, socket or device where a file should be. Each is refused by `python -m generator check`, run as
a user runs it, with a located message, quickly, in bounded memory, with no traceback (issues 14, 19).

Moved here from tests/unit/test_hostile_input.py, whose in-process tests stay in the fast tier: each
of these starts a Python process that imports the generator (most of a second of CPU each), which
is what they are about, so they belong to a tier that `make test` runs after the fast one."""

from __future__ import annotations

import shutil

import pytest

from helpers import ROOT, copy_project, run_cli

PAGE = "content/pages/about.yml"
BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def _write(project, relative: str, text: str) -> None:
    (project / relative).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name, text, says", [
    ("alias bomb", BOMB, "PAGE:1:4: b[0]: YAML anchors and aliases (& and *) are not supported"),
    ("deep nesting", "id: about\nblocks: " + "[" * 60 + "]" * 60 + "\n", "nested more than 50 levels deep"),
    ("very deep nesting", "id: about\nblocks: " + "[" * 3000 + "]" * 3000 + "\n", "PAGE:2:1008: YAML syntax error: exceeded maximum nesting depth"),
    ("python tag", "id: !!python/name:os.system about\n", "PAGE:1:5: id: YAML tags such as '!!python/name:os.system' are not supported"),
    ("unknown tag", "id: about\ntitle: !secret About\n", "PAGE:2:8: title: YAML tags such as '!secret' are not supported"),
    ("huge file", "id: about\ndescription: " + "x" * 1_100_000 + "\n", "more than any content file needs"),
])
def test_a_hostile_yaml_file_is_refused_at_once_with_its_place(project, name, text, says):
    _write(project, PAGE, text)
    result = run_cli("--root", str(project), "check", timeout=30)  # a real process: a bomb must not eat this one
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert says.replace("PAGE", PAGE) in result.stderr, result.stderr


# --- files that are not files (issue 19) -------------------------------------------------------------------


def _make_special(path, kind: str) -> None:
    import os
    import socket
    import stat

    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))
    else:  # /dev/zero's numbers: reading it never ends
        try:
            os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))
        except PermissionError:
            pytest.skip("this machine does not let the tests make a device file")


@pytest.mark.parametrize("kind, says", [("fifo", "a named pipe (FIFO)"), ("socket", "a socket"), ("device", "a character device")])
def test_a_pipe_socket_or_device_in_content_is_named_without_being_opened(project, kind, says):
    _make_special(project / "content/pages/evil.yml", kind)
    result = run_cli("--root", str(project), "check", timeout=30)  # a real process: opening a FIFO would hang it
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"content/pages/evil.yml:1:1: this is {says}, not a regular file" in result.stderr, result.stderr


@pytest.mark.parametrize("where", ["content/practices.yml", "brand.yml", "assets/logo.svg", "content/pages/about.yml"])
def test_a_fifo_in_a_clinic_folder_is_called_a_fifo_not_an_unknown_file(project, where):
    shutil.copytree(ROOT / "clinics" / "example", project / "clinics" / "example")
    path = project / "clinics/example" / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    _make_special(path, "fifo")
    result = run_cli("--clinic", "clinics/example", "check", cwd=project, timeout=30)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"clinics/example/{where}:1:1: this is a named pipe (FIFO), not a regular file" in result.stderr, result.stderr
    assert "unknown overlay file" not in result.stderr and "not found" not in result.stderr


# --- bounds before the expensive steps (issue 19) -----------------------------------------------------------


def test_a_list_of_150000_items_is_refused_at_check_at_its_line(project):
    """Under the file size and value count limits, it once took 24 s to build and 11.7 GB to print."""
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nkeywords:", "\nkeywords: [" + ", ".join(["calm"] * 150_000) + "]\nx-keywords:", 1)
                    if "\nkeywords:" in text else text + "keywords: [" + ", ".join(["calm"] * 150_000) + "]\n", encoding="utf-8")
    line = path.read_text(encoding="utf-8").split("\nkeywords: [")[0].count("\n") + 2
    result = run_cli("--root", str(project), "check", timeout=30)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"{PAGE}:{line}:11: keywords: the list has 150,000 items, more than a list of the guide may have (500)"
            in result.stderr), result.stderr
