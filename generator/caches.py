"""Where a build keeps what it can use again (``.cache/`` in the project, or $GUIDE_CACHE_DIR): the
compiled templates (ours and the theme's), the editions of the last build (edition_cache.py), the
Zensical scratch projects. A module of its own, importing no stage of the pipeline, so that a build
whose editions are kept loads none of the code that makes them."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a cache is made: a Zensical build whose editions are kept needs no Jinja
    import jinja2

# The module that defines our templates' filters: compiled templates depend on how they are defined.
ENVIRONMENT = Path(__file__).resolve().parent / "render" / "environment.py"

CACHE_ENV = "GUIDE_CACHE_DIR"


def cache_dir(project_root: Path) -> Path:
    """Where compiled templates are kept: ``$GUIDE_CACHE_DIR``, else ``.cache/`` in the project."""
    return Path(os.environ.get(CACHE_ENV) or project_root / ".cache")


def _fingerprint() -> str:
    """What compiled templates depend on besides their own source: how our filters are defined
    (a filter that takes the context is called differently) and the installed Jinja, MkDocs and
    theme. A change to any of them starts a new cache instead of reusing stale code. A package is
    known by its installed file (size, time, inode: an install or upgrade writes a new one, as
    edition_cache.py notices), not by its version: importlib.metadata cost 0.03 s CPU per build."""
    from importlib.util import find_spec

    digest = hashlib.sha256(ENVIRONMENT.read_bytes())
    for package in ("jinja2", "mkdocs", "material"):
        spec = find_spec(package)
        if spec is not None and spec.origin:
            found = os.stat(spec.origin)
            digest.update(f"{package}\0{spec.origin}\0{found.st_size}\0{found.st_mtime_ns}\0{found.st_ino}\n".encode())
    return digest.hexdigest()[:12]


def bytecode_cache(project_root: Path, name: str) -> jinja2.BytecodeCache | None:
    """An on-disk cache of compiled templates, or None where the folder cannot be made (read-only)."""
    folder = cache_dir(project_root) / f"{name}-{_fingerprint()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.parent.glob(f"{name}-*"):  # caches of an earlier generator or Jinja
            if stale != folder:
                shutil.rmtree(stale, ignore_errors=True)
    except OSError:
        return None
    from .compiled_templates import TemplateBytecodeCache  # imports Jinja: only when a cache is made

    return TemplateBytecodeCache(str(folder))


def keep_pickled(file: Path, value: object, header: bytes = b"") -> bool:
    """``header`` then ``value`` pickled, written to ``file`` whole or not at all (a temporary file
    beside it, then one rename); False, and nothing left behind, if it cannot be (a full disk, a
    folder that cannot be written, a value that cannot be pickled): a cache is never worth a failed build."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.", dir=file.parent)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(header)
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, file)
        return True
    except Exception:
        Path(temporary).unlink(missing_ok=True)
        return False
