"""The only module that writes to disk: owned output folders, replaced whole or not at all.

A folder we write carries a marker file listing every file we put there. We replace a folder
only if it is ours and holds nothing we did not write, and we do it by building the new tree
beside it and swapping, so a failure at any point leaves the last good output in place.

Builds into one folder may run at once (two terminals, an editor's task and `make build`): each
stages in a folder of its own (named with its process id), and the check and the swap happen
under a lock on ``.<name>.lock`` beside the output, so one waits for the other and the last to
finish wins. Whoever holds the lock also removes what a killed build left beside the output.
A file that git tracks is never deleted: an output that would drop one (``site --out schemas``,
where `generator schema` keeps our tracked JSON Schemas) is refused.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no lock; builds there should not run at once
    fcntl = None

MARKER = ".guide-generated.json"
STALE_SECONDS = 24 * 3600  # a staging folder with no process id (an older generator's) counts as left behind after this


class OwnershipError(Exception):
    """The output folder holds files this generator did not write; we refuse to touch it."""


def owned_files(folder: Path) -> set[str]:
    """The files the marker in ``folder`` says we wrote; raise if the folder is not ours."""
    marker = folder / MARKER
    if not marker.is_file():
        raise OwnershipError(
            f"{folder}: this folder was not written by the generator (no {MARKER}); "
            "choose an empty or new folder, so that no file of yours is replaced"
        )
    try:
        return set(json.loads(marker.read_text(encoding="utf-8"))["files"])
    except (ValueError, KeyError, TypeError) as exc:
        raise OwnershipError(f"{marker}: the marker file is damaged ({exc}); move the folder aside") from None


def _files_in(folder: Path) -> set[str]:
    """Every file and symbolic link in ``folder``, by relative path (one os.walk: a third of
    rglob's time, and a build walks its output and staging folders three times)."""
    found = set()
    for parent, folders, names in os.walk(folder):
        relative = os.path.relpath(parent, folder).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        found.update(prefix + name for name in names)
        found.update(prefix + name for name in folders if os.path.islink(os.path.join(parent, name)))
    return found - {MARKER}


def check_replaceable(out_dir: Path) -> None:
    """Raise ``OwnershipError`` unless ``out_dir`` is absent, or ours with only our files in it
    (looked at under the output's lock, so never halfway through another build's swap)."""
    with output_lock(out_dir):
        _check_replaceable(out_dir)


def _check_replaceable(out_dir: Path) -> None:
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise OwnershipError(f"{out_dir}: exists and is not a folder")
    if not any(out_dir.iterdir()):
        return
    extra = sorted(_files_in(out_dir) - owned_files(out_dir))
    if extra:
        shown = ", ".join(extra[:5]) + (f" and {len(extra) - 5} more" if len(extra) > 5 else "")
        raise OwnershipError(f"{out_dir}: holds files the generator did not write ({shown}); move them out first")


def tracked_files(folder: Path) -> set[str]:
    """The files in ``folder`` that git tracks (relative paths); none outside a git work tree."""
    if not folder.is_dir() or not any((parent / ".git").exists() for parent in (folder.resolve(), *folder.resolve().parents)):
        return set()  # not in a git work tree: no need to ask git
    try:
        found = subprocess.run(["git", "-C", str(folder), "ls-files", "-z", "--", "."],
                               capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return set()
    return {path for path in found.stdout.decode("utf-8", "replace").split("\0") if path} if found.returncode == 0 else set()


def check_keeps_tracked(out_dir: Path, new_files: Iterable[str]) -> None:
    """Raise ``OwnershipError`` if writing ``new_files`` as ``out_dir`` would delete a tracked file."""
    lost = sorted(tracked_files(out_dir) - set(new_files) - {MARKER})
    if lost:
        shown = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
        raise OwnershipError(f"{out_dir}: git tracks files here that this output would delete ({shown}); "
                             "choose another folder")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_left_behind(out_dir: Path) -> None:
    """Remove what builds that were killed left beside ``out_dir`` (called with the lock held):
    every old tree (only the lock's holder makes one, and removes it before letting go) and
    every staging folder whose process has ended."""
    pattern = re.compile(rf"^\.{re.escape(out_dir.name)}\.(old|new)-(?:(\d+)-)?")
    for entry in out_dir.parent.iterdir():
        found = pattern.match(entry.name)
        if not found or not entry.is_dir() or entry.is_symlink():
            continue
        kind, pid = found.group(1), found.group(2)
        if kind == "new":
            if pid is not None and (int(pid) == os.getpid() or _process_alive(int(pid))):
                continue
            if pid is None and time.time() - entry.stat().st_mtime < STALE_SECONDS:
                continue
        shutil.rmtree(entry, ignore_errors=True)


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold the lock on ``out_dir`` (waiting for another build to let go of it); the lock file is
    removed when the last holder lets go, so nothing is left beside the output."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    lock = out_dir.parent / f".{out_dir.name}.lock"
    while True:
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if os.stat(lock).st_ino == os.fstat(handle).st_ino:
                break  # still the lock file: another holder did not remove it in the meantime
        except FileNotFoundError:
            pass
        os.close(handle)
    try:
        _remove_left_behind(out_dir)
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(lock)
        os.close(handle)


def staging_dir(out_dir: Path) -> Path:
    """A new empty folder beside ``out_dir`` (same file system, so the swap is a rename), named
    with this process's id so that a later build knows whether it was left behind."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-{os.getpid()}-", dir=out_dir.parent))


def publish(staged: Path, out_dir: Path) -> None:
    """Mark ``staged`` as ours and swap it in for ``out_dir``; the old tree is removed last.
    Under the output's lock: another build's swap waits for this one to finish."""
    files = sorted(_files_in(staged))
    with output_lock(out_dir):
        _check_replaceable(out_dir)
        check_keeps_tracked(out_dir, files)
        with _named(staged / MARKER):
            (staged / MARKER).write_text(json.dumps({"files": files}, indent=0), encoding="utf-8")
        old = None
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
            os.rename(out_dir, old / "tree")
        try:
            os.rename(staged, out_dir)
        except OSError:
            if old is not None:
                os.rename(old / "tree", out_dir)
                old.rmdir()
            raise
        if old is not None:
            shutil.rmtree(old)


def add_files(staged: Path, files: Mapping[str, str | bytes]) -> None:
    """Write ``files`` (relative path to content) into a staging folder, before it is published."""
    for relative, content in files.items():
        target = staged / relative
        with _named(target):
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")


@contextlib.contextmanager
def _named(path: Path):
    """A write's error names the file written: a full disk fails in write(), which names none."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
        raise


def write_tree(files: Mapping[str, str | bytes], out_dir: Path) -> None:
    """Write ``files`` (relative path to content) as the whole of ``out_dir``, atomically."""
    check_replaceable(out_dir)
    staged = staging_dir(out_dir)
    try:
        add_files(staged, files)
        publish(staged, out_dir)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise


def write_archive(files: Mapping[str, bytes], out_zip: Path, folder: str) -> None:
    """Write ``files`` into a zip at ``out_zip``, all inside one top ``folder``, atomically.

    The zip carries our marker; an existing file at ``out_zip`` is replaced only if it is a zip
    that carries it too, so no file of anyone else's is ever overwritten.
    """
    if out_zip.exists():
        try:
            with zipfile.ZipFile(out_zip) as existing:
                ours = f"{folder}/{MARKER}" in existing.namelist()
        except (zipfile.BadZipFile, OSError):
            ours = False
        if not ours:
            raise OwnershipError(f"{out_zip}: this file was not written by the generator; choose another name")
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out_zip.name}.", dir=out_zip.parent)
    os.close(handle)
    try:
        with _named(Path(temporary)), zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for relative in sorted(files):
                archive.writestr(f"{folder}/{relative}", files[relative])
            archive.writestr(f"{folder}/{MARKER}", json.dumps({"files": sorted(files)}, indent=0))
        os.replace(temporary, out_zip)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class FolderExists(OwnershipError):
    """The folder to create already exists with something in it."""


def create_tree(files: Mapping[str, str | bytes], out_dir: Path) -> None:
    """Write ``files`` as a new folder ``out_dir`` that then belongs to the user (no marker file).

    Refuses if ``out_dir`` exists and is not empty; the folder appears whole or not at all.
    """
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise FolderExists(f"{out_dir}: already exists; choose a new folder name (nothing was changed)")
    staged = staging_dir(out_dir)
    try:
        add_files(staged, files)
        if out_dir.exists():
            out_dir.rmdir()  # empty, checked above
        os.rename(staged, out_dir)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
