"""A file-system fault (a full disk, a folder that may not be written, a file that cannot be read)
as one line that names the path and says what to do, at most MAX_LINE characters: what the
command line prints (cli.py), and what the MkDocs process prints instead of a traceback
(engines/mkdocs/plugin.py). Anything else unexpected is one line too, with its kind."""

from __future__ import annotations

import errno
import re
import shutil
import sys

MAX_LINE = 300
ADVICE = {
    errno.ENOSPC: "the disk is full: free some space, or build onto another disk",
    errno.EDQUOT: "the disk quota is used up: free some space, or build onto another disk",
    errno.EACCES: "check that you may read and write there",
    errno.EPERM: "check that you may read and write there",
    errno.EROFS: "the disk is read-only: build onto another one",
    errno.ENOENT: "check that it exists",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder, not a file",
}
GENERIC = "check that the folder exists, that you may write to it and that the disk has room"
_ERRNO = re.compile(r"\[Errno (\d+)\] ([^:]+)")


def _shortened(path: str, room: int) -> str:
    """``path`` in at most ``room`` characters: its start (the folder named) and end (the file), the
    middle left out."""
    if len(path) <= room:
        return path
    keep = max(room - 1, 8)
    head = keep * 3 // 5
    return path[:head] + "…" + path[-(keep - head):]


def fault_line(exc: BaseException, after: str = "") -> str:
    """``error: <path>: <what>; <what to do>`` for an OSError (a copy's many errors: the first),
    else ``error: <kind>: <message>``; ``after`` is added (the last good output is unchanged, ...)."""
    path, number, what = None, None, None
    if isinstance(exc, shutil.Error) and exc.args and isinstance(exc.args[0], list) and exc.args[0]:
        source, target, why = exc.args[0][0]
        found = _ERRNO.search(str(why))
        path, number, what = str(target), int(found.group(1)) if found else None, found.group(2) if found else str(why)
        more = len(exc.args[0]) - 1
        after = (f" (and {more} more)" if more else "") + after
    elif isinstance(exc, OSError):
        number, what = exc.errno, exc.strerror or str(exc)
        names = [str(name) for name in (exc.filename, exc.filename2) if name is not None]
        path = names[-1] if number in (errno.ENOSPC, errno.EDQUOT) and names else (names[0] if names else None)
    if what is None:
        message = " ".join(str(exc).split()) or "no message"
        line = f"error: {type(exc).__name__}: {message}"
        return (line[: MAX_LINE - len(after) - 1] + "…" if len(line) + len(after) > MAX_LINE else line) + after
    advice = ADVICE.get(number, GENERIC)
    fixed = f"error: : {what}; {advice}{after}"
    room = MAX_LINE - len(fixed)
    if path is None:
        return f"error: {what}; {advice}{after}"[:MAX_LINE]
    return f"error: {_shortened(path, room)}: {what}; {advice}{after}"[:MAX_LINE]


def one_line_excepthook(kind, exc, traceback) -> None:
    """For ``sys.excepthook`` in a process whose faults are ours to word (the MkDocs build)."""
    if isinstance(exc, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, traceback)
        return
    print(fault_line(exc), file=sys.stderr)
