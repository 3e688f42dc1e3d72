"""Where compiled templates are kept (generator/caches.py makes the folder)."""

from __future__ import annotations

import types

import jinja2


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
