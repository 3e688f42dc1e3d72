"""Where a build keeps what it can use again (``.cache/`` in the project, or $GUIDE_CACHE_DIR): the
compiled templates (ours and the theme's), the editions of the last build (edition_cache.py), the
Zensical scratch projects. A module of its own, importing no stage of the pipeline, so that a build
whose editions are kept loads none of the code that makes them."""

from __future__ import annotations

import hashlib
import os
import shutil
import types
from pathlib import Path

import jinja2

# The module that defines our templates' filters: compiled templates depend on how they are defined.
ENVIRONMENT = Path(__file__).resolve().parent / "render" / "environment.py"

CACHE_ENV = "GUIDE_CACHE_DIR"


def cache_dir(project_root: Path) -> Path:
    """Where compiled templates are kept: ``$GUIDE_CACHE_DIR``, else ``.cache/`` in the project."""
    return Path(os.environ.get(CACHE_ENV) or project_root / ".cache")


def _fingerprint() -> str:
    """What compiled templates depend on besides their own source: how our filters are defined
    (a filter that takes the context is called differently) and the versions of Jinja, MkDocs
    and the theme. A change to any of them starts a new cache instead of reusing stale code."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(ENVIRONMENT.read_bytes())
    for package in ("jinja2", "mkdocs", "mkdocs-material"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            pass
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
    return TemplateBytecodeCache(str(folder))


class TemplateBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept under each template's name, not its absolute path: Jinja checks the
    source's checksum before it uses one, so an edited template is compiled anew wherever it is,
    and a copy of the project elsewhere (a moved checkout, a fork beside ours, the tests' copies of
    the project) uses what was compiled instead of compiling every template again. Compiled code
    names the file it was compiled from, which is where Jinja places an error (``Template.filename``,
    the frames of a traceback): code compiled from another copy is given this copy's file."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(name)

    def get_bucket(self, environment, name, filename, source):
        bucket = super().get_bucket(environment, name, filename, source)
        if bucket.code is not None and filename and bucket.code.co_filename != filename:
            bucket.code = _refiled(bucket.code, filename)
        return bucket


def _refiled(code: types.CodeType, filename: str) -> types.CodeType:
    """``code`` and the functions inside it (a template's blocks and macros) as if compiled from ``filename``."""
    consts = tuple(_refiled(const, filename) if isinstance(const, types.CodeType) else const for const in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)
