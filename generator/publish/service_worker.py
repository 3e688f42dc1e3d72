"""The service worker that keeps the built site working offline: built site folder in, sw.js out.

Computed after the build from the finished files, so it lists exactly what was built. Its
version is a hash of every file's path and bytes: any change to the site gives a new sw.js, which
the browser installs, precaching the new files into a new cache and deleting the old one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2

SERVICE_WORKER = "sw.js"
# Files the site never needs to work offline: the worker itself, the generator's own marker, and
# source maps (only a developer's tools ever load them; the theme's is larger than its script).
NOT_CACHED = {SERVICE_WORKER, ".guide-generated.json", "_headers"}
NOT_CACHED_SUFFIXES = (".map",)

def site_files(site_dir: Path) -> list[str]:
    """Every file of the built site, as paths relative to its root, in a stable order."""
    return sorted(
        p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file() and p.name not in NOT_CACHED and not p.name.endswith(NOT_CACHED_SUFFIXES)
    )


def precache_urls(files: list[str]) -> list[str]:
    """The URLs to cache, relative to sw.js: each file, and ``folder/`` for each ``folder/index.html``
    too, since that is the address a visitor uses (``./`` for the home page)."""
    urls = []
    for path in files:
        urls.append(path)
        if path == "index.html" or path.endswith("/index.html"):
            urls.append(path[: -len("index.html")] or "./")
    return urls


def build_version(site_dir: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode("utf-8") + b"\0" + (site_dir / path).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def service_worker(site_dir: Path, templates_dir: Path) -> str:
    """The text of sw.js for the site built in ``site_dir`` (from templates/site/sw.js.j2)."""
    files = site_files(site_dir)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir)), undefined=jinja2.StrictUndefined,
                             autoescape=False, keep_trailing_newline=True)
    return env.get_template("site/sw.js.j2").render(version=build_version(site_dir, files), files=precache_urls(files))
