"""Only regular files are read from content, clinic and template folders, and each can be read.

Opening a named pipe (FIFO) waits for a writer forever, a device can be read without end, and a
socket cannot be read at all; none belongs in content. So before anything is opened, the folders
are walked (without following a link) and every entry that is neither a regular file, a folder nor
a symbolic link (refused where it is read, read.py and yaml_reader.py) is an error named at its
path; so is a folder that cannot be listed or a file that cannot be read (a folder listed as
empty would otherwise surface far away, as a template's error). ``load_yaml`` checks the kind of
each file again before it opens it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..problems import Problem, display_path

KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
         stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder", stat.S_IFLNK: "a symbolic link"}
MAX_ENTRIES = 100_000  # far more than any content or clinic folder holds; a walk stops there


def not_a_file(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, in words, when it is not a regular file; None when it is."""
    if stat.S_ISREG(mode):
        return None
    return KINDS.get(stat.S_IFMT(mode), "not a regular file")


def problem(path: Path, kind: str, root: Path | None = None) -> Problem:
    return Problem(display_path(path, root), 1, 1, "", f"this is {kind}, not a regular file; content and clinic folders "
                                                       "may hold only files and folders, so nothing was read from it: "
                                                       "remove it")


def unusable_files(folder: Path, root: Path | None = None) -> list[Problem]:
    """A problem for each named pipe, socket or device under ``folder``, and each folder or file in
    it that cannot be read (hidden folders such as .git are not walked: nothing in them is read)."""
    problems: list[Problem] = []
    pending, seen = [folder], 0
    while pending and seen < MAX_ENTRIES:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except FileNotFoundError:
            continue  # a missing folder is reported by what needs it
        except OSError as exc:
            problems.append(_unreadable(current, "folder", exc.strerror, root))
            continue
        for entry in entries:
            seen += 1
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue
            if stat.S_ISDIR(mode):
                if not entry.name.startswith("."):
                    pending.append(Path(entry.path))
            elif stat.S_ISREG(mode):
                if not os.access(entry.path, os.R_OK):
                    problems.append(_unreadable(Path(entry.path), "file", os.strerror(errno.EACCES), root))
            elif not stat.S_ISLNK(mode):
                problems.append(problem(Path(entry.path), not_a_file(mode), root))
    return sorted(problems)


def _unreadable(path: Path, kind: str, why: str | None, root: Path | None) -> Problem:
    return Problem(display_path(path, root), 1, 1, "", f"this {kind} cannot be read ({(why or 'error').lower()}); "
                                                       f"give the build permission to read it, or remove it")
