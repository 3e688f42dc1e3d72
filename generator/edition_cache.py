"""The editions of the last build, kept on disk and used again while none of their inputs changed.

Generating every edition (load, check, render) was most of what a rebuild added to the engine's
own work (benchmarks/bench_build.py). Its result depends only on the files it reads (the content,
the templates, a clinic's folder), the generator's own code, the installed packages and the day
(review dates); so the build driver keeps that result in the cache folder (``.cache/editions/``,
or under $GUIDE_CACHE_DIR) under a key made from those inputs, and uses it again while the key is
the same. The key is made from each file's size, modification time and inode (as Python's own
compiled-module cache does), so working it out opens no file; any edit, added or removed file, or
package install makes a new key, and the editions are generated anew.

Two files are kept per guide: the editions as generated (``kind="editions"``: each checked Guide
with its rendering, for the PDFs) and what the site engines are handed (``kind="site"``: each
edition's ``SiteEdition`` and its author's notes, plain data). A build without PDFs reads only the
second, so it imports none of the code that reads, checks and renders content, whose import cost
more than the rest of what it added to the engine's own work at the guide's size.

The cache files are pickles written by this generator into the project's own cache folder (read
only from there, as Python reads its own ``.pyc`` files). Anything wrong with it (missing,
unreadable, from another version) means generating anew; a folder that cannot be written means
no cache, never a failed build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
import sysconfig
from pathlib import Path

from .caches import cache_dir, keep_pickled
from .project import Project

GENERATOR_DIR = Path(__file__).resolve().parent


def inputs_key(project: Project) -> str:
    """A digest of everything generation reads and depends on, from file metadata alone."""
    digest = hashlib.sha256(f"{sys.version}\0{sys.executable}\0{dt.date.today().isoformat()}\n".encode())
    for packages in sorted({sysconfig.get_paths()[kind] for kind in ("purelib", "platlib")}):
        _add_stat(digest, Path(packages))  # an install or upgrade adds and removes folders here
    for folder in (GENERATOR_DIR, project.content_dir, project.templates_dir, project.clinic_dir):
        if folder is None:
            continue
        digest.update(f"{Path(folder).resolve()}\n".encode())
        for path in sorted(Path(folder).rglob("*")):
            # files only: a folder's time changes when Python writes its __pycache__ in it
            if "__pycache__" not in path.parts and not path.is_dir():
                _add_stat(digest, path)
    return digest.hexdigest()


def _add_stat(digest, path: Path) -> None:
    try:
        found = path.stat()
    except OSError:
        return
    digest.update(f"{path}\0{found.st_size}\0{found.st_mtime_ns}\0{found.st_ino}\n".encode())


def cache_file(project: Project, kind: str = "editions") -> Path:
    """One file of each kind per guide (ours, or a clinic's), so that building two does not evict either."""
    where = f"{project.content_dir.resolve()}\0{project.templates_dir.resolve()}\0{project.clinic_dir and project.clinic_dir.resolve()}"
    return cache_dir(project.root) / "editions" / f"{hashlib.sha256(where.encode()).hexdigest()[:16]}.{kind}.pickle"


def load(project: Project, key: str, kind: str = "editions"):
    """What was kept under ``key``, or None."""
    try:
        with open(cache_file(project, kind), "rb") as kept:
            if kept.readline().rstrip(b"\n") != key.encode():
                return None
            return pickle.load(kept)
    except Exception:  # missing, unreadable, cut short, made by another version: generate anew
        return None


def save(project: Project, key: str, editions, kind: str = "editions") -> None:
    """Keep ``editions`` under ``key`` (written whole or not at all); quietly nothing if it cannot be."""
    keep_pickled(cache_file(project, kind), editions, key.encode() + b"\n")
