"""Our hand-written scripts and styles as they are served: without comments and indentation.

The sources in templates/assets/ keep their comments, which say why the code is as it is; a patient's
phone does not need them. Served as written, the plan's own scripts and styles were 42 KB gzipped,
over their 40 KB budget (issue 22); without comments and indentation they are about 33 KB. rjsmin and
rcssmin (the minifiers webassets and Django's tools use) only take out what a browser skips: they
never rename or reorder, so what runs is the code our Node and browser tests test.

Only files that come from templates/assets/ are changed; files the build makes from the brand or the
content (brand.css) are left as written, and so is anything the theme brings (assets/).

Each file is minified once per content: the result is kept by the SHA-256 of the bytes it was made
from, together with the minifiers' versions and this module's code (``source_key``), so a kept
result is never used for other bytes or by other code. The build driver keeps the results between
builds (publish/finish_kept.py); each language's copy of a file uses the first one's. A file that
already holds its minified bytes is not written again.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping, Sequence
from pathlib import Path

import rcssmin
import rjsmin

OUR_FOLDERS = ("javascripts", "stylesheets")
# What a minified result depends on besides its source's bytes: the minifiers and this code.
_MINIFIERS = f"{rjsmin.__version__}\0{rcssmin.__version__}\0".encode() + Path(__file__).read_bytes()


def minified(path: Path, text: str) -> str:
    """``text`` (the file at ``path``) without what the browser skips."""
    return rjsmin.jsmin(text) if path.suffix == ".js" else rcssmin.cssmin(text)


def source_key(path: Path, data: bytes) -> bytes:
    """What a minified result is kept by: the kind of file, its bytes, the minifiers and this code."""
    return hashlib.sha256(path.suffix.encode() + b"\0" + _MINIFIERS + b"\0" + data).digest()


def minify_our_assets(site_dir: Path, assets_dir: Path, languages: Sequence[str] = ("",),
                      kept: MutableMapping[bytes, bytes] | None = None) -> None:
    """Each .js and .css file of each language's javascripts/ and stylesheets/ that is one of ours
    (the same path under ``assets_dir``), rewritten minified in place. ``kept``: minified bytes by
    ``source_key``, from an earlier build; afterwards it holds this build's (each made once)."""
    found: dict[bytes, bytes] = {}
    for prefix in languages:
        for folder in OUR_FOLDERS:
            served = site_dir / prefix / folder
            for path in sorted(served.rglob("*")) if served.is_dir() else ():
                relative = path.relative_to(site_dir / prefix)
                if path.suffix in (".js", ".css") and (assets_dir / relative).is_file():
                    data = path.read_bytes()
                    key = source_key(path, data)
                    result = found.get(key) or (kept or {}).get(key)
                    if result is None:  # as read_text reads it: any line ending as \n
                        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
                        result = minified(path, text).encode("utf-8")
                    found[key] = result
                    if result != data:
                        path.write_bytes(result)
    if kept is not None:
        kept.clear()
        kept.update(found)
