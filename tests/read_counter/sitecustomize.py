"""Counts the content files a process opens (and every Python process it starts): put this folder
on PYTHONPATH and name a log file in GUIDE_READ_LOG. Python imports ``sitecustomize`` at start-up;
an audit hook (PEP 578) sees every ``open`` (builtins.open, Path.read_text, os.open) and appends the
path of each file under GUIDE_READ_ROOT to the log, one line per open. Used by
tests/site/test_build_reads.py and benchmarks/bench_build.py."""

import os
import sys

_LOG = os.environ.get("GUIDE_READ_LOG")
_ROOT = os.path.realpath(os.environ.get("GUIDE_READ_ROOT", ".")) + os.sep


def _count_opens(event, args):
    if event != "open" or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    mode = args[1] if len(args) > 1 else None
    if isinstance(mode, str) and any(flag in mode for flag in "wax+"):
        return  # written, not read
    if isinstance(args[2] if len(args) > 2 else None, int) and args[2] & (os.O_WRONLY | os.O_RDWR):
        return
    path = os.fsdecode(args[0])
    full = os.path.realpath(path)
    if full.startswith(_ROOT) and os.path.isfile(full):
        with _open_log() as log:
            log.write(full[len(_ROOT):] + "\n")


def _open_log():
    return open(_LOG, "a", encoding="utf-8")  # noqa: SIM115  (its own open is under no watched folder)


if _LOG:
    sys.addaudithook(_count_opens)
