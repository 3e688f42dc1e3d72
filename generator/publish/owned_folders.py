"""The only module that writes to disk: owned output folders, replaced whole or not at all.

A folder we write carries a marker file listing every file we put there. We replace a folder
only if it is ours and holds nothing we did not write, and we do it by building the new tree
beside it and swapping, so a failure at any point leaves the last good output in place.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

MARKER = ".guide-generated.json"


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
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()} - {MARKER}


def check_replaceable(out_dir: Path) -> None:
    """Raise ``OwnershipError`` unless ``out_dir`` is absent, or ours with only our files in it."""
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


def staging_dir(out_dir: Path) -> Path:
    """A new empty folder beside ``out_dir`` (same file system, so the swap is a rename)."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))


def publish(staged: Path, out_dir: Path) -> None:
    """Mark ``staged`` as ours and swap it in for ``out_dir``; the old tree is removed last."""
    check_replaceable(out_dir)
    files = sorted(_files_in(staged))
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
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


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
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
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
