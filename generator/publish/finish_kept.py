"""The finishing steps of a build whose built site is what the last build's was: its finished files
written again instead of worked out again.

The finishing steps (finish.py) are a function of the files the engine wrote, the templates they
read (templates/site/, the list of templates/assets/), the languages, whether the site is the
file:// copy, and this code. A build of unchanged content writes the same files, so the build
driver keeps, in the cache folder, every file the steps wrote or changed (the pages, the minified
scripts and styles, the sitemaps, _headers, the service workers) under a key made from all of
those inputs: each file of the built site by the SHA-256 of its bytes (read, never trusted by date:
each build writes a new folder). A build whose key is the last one's writes those files and stops.
Any other build runs the steps (with the pages they read kept: site_index.pages_kept_in, and our
scripts and styles minified before: minify.py) and keeps its result for the next.

What goes wrong here never fails a build: a missing, damaged or foreign cache file means running
the steps; a folder that cannot be written means keeping nothing. Nothing is kept if the steps
removed a file (writing the kept files again could not remove it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from ..caches import keep_pickled

PUBLISH_DIR = Path(__file__).resolve().parent
# The code the finishing steps run (this folder's modules; the service worker's two helpers), and
# the packages they call, known by their files: a build that uses the kept result imports none of it.
CODE = (*sorted(PUBLISH_DIR.glob("*.py")), PUBLISH_DIR.parent / "render" / "layout.py",
        PUBLISH_DIR.parent / "render" / "trusted.py")
PACKAGES = ("jinja2", "markupsafe", "rjsmin", "rcssmin")
FINISHED = "finished.pickle"
MINIFIED = "minified.pickle"  # our scripts and styles minified, by their source's hash (minify.py)


def finish_site_kept(site_dir: Path, templates_dir: Path, languages: Sequence[str], offline_copy: bool,
                     folder: Path) -> None:
    """``finish_site`` over ``site_dir``, or the kept result of the last build in ``folder`` if
    every input is the same (see the module's docstring)."""
    before = _digests(site_dir)
    key = _key(before, templates_dir, languages, offline_copy)
    kept = _load(folder / FINISHED, key)
    if kept is not None:
        for relative, data in kept.items():
            target = site_dir / relative
            try:
                target.write_bytes(data)
            except FileNotFoundError:  # a file in a folder the steps made
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        return
    from .finish import finish_site  # only now: most of what a kept result saves is loading this code
    from .site_index import pages_kept_in

    minified = _load(folder / MINIFIED, MINIFIED.encode()) or {}
    minified_before = dict(minified)
    with pages_kept_in(folder):
        finish_site(site_dir, templates_dir, languages, offline_copy=offline_copy, minified=minified)
    if minified != minified_before:
        keep_pickled(folder / MINIFIED, minified, MINIFIED.encode() + b"\n")
    after = _files(site_dir)
    if not before.keys() <= after.keys():
        return  # a step removed a file: writing files again could not do the same
    changed = {}
    for relative, path in after.items():
        data = path.read_bytes()
        if before.get(relative) != hashlib.sha256(data).digest():
            changed[relative] = data
    keep_pickled(folder / FINISHED, changed, key + b"\n")


def _files(site_dir: Path) -> dict[str, Path]:
    found = {}
    for parent, _, names in os.walk(site_dir):
        relative = os.path.relpath(parent, site_dir).replace(os.sep, "/")
        for name in names:
            found[name if relative == "." else f"{relative}/{name}"] = Path(parent, name)
    return found


def _digests(site_dir: Path) -> dict[str, bytes]:
    """Every file of the site by its path, with the SHA-256 of its bytes."""
    return {relative: hashlib.sha256(path.read_bytes()).digest() for relative, path in sorted(_files(site_dir).items())}


def _key(digests: dict[str, bytes], templates_dir: Path, languages: Sequence[str], offline_copy: bool) -> bytes:
    digest = hashlib.sha256(repr((sys.version, tuple(languages), offline_copy)).encode())
    for path in CODE:
        digest.update(path.read_bytes())
    for package in PACKAGES:  # an install or upgrade replaces the file: its size and time change
        spec = importlib.util.find_spec(package)
        found = os.stat(spec.origin) if spec and spec.origin else None
        digest.update(f"\0{package}\0{found and (found.st_size, found.st_mtime_ns, found.st_ino)}".encode())
    for path in sorted((templates_dir / "site").rglob("*")):
        if path.is_file():
            digest.update(f"\0{path.relative_to(templates_dir).as_posix()}\0".encode() + path.read_bytes())
    assets = templates_dir / "assets"
    digest.update("\0".join(sorted(p.relative_to(assets).as_posix() for p in assets.rglob("*") if p.is_file())).encode())
    for relative, found in digests.items():
        digest.update(f"\0{relative}\0".encode() + found)
    return digest.hexdigest().encode()


def _load(file: Path, key: bytes) -> dict[str, bytes] | None:
    try:
        with open(file, "rb") as kept:
            if kept.readline().rstrip(b"\n") != key:
                return None
            found = pickle.load(kept)
    except Exception:  # none yet, cut short, unreadable: run the steps
        return None
    return found if isinstance(found, dict) else None

