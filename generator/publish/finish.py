"""Steps over a finished site folder, whatever engine built it: pages without blank lines, the
Content-Security-Policy on every page (the 404 page too) and in a _headers file, and each
language's service worker, computed from the files as built."""

from __future__ import annotations

from pathlib import Path

from .compact import drop_blank_lines
from .csp import add_csp, headers_file
from .fingerprint import cache_headers, stamp_assets
from .service_worker import SERVICE_WORKER, language_folders, service_worker

HEADERS = "_headers"


def add_csp_to_pages(site_dir: Path, stamp: bool = True) -> None:
    """The policy in every page, and in a _headers file for hosts that send headers from one;
    on the way, each page loses its blank lines and (``stamp``) names the files it loads by hash."""
    built = []
    for page in sorted(site_dir.rglob("*.html")):
        html = drop_blank_lines(page.read_text(encoding="utf-8"))
        if stamp:
            html = stamp_assets(html, page.relative_to(site_dir).as_posix(), site_dir)
        built.append(html)
        page.write_text(add_csp(html), encoding="utf-8")
    workers = [folder + SERVICE_WORKER for folder in ["", *language_folders(site_dir)]]
    (site_dir / HEADERS).write_text(headers_file(built) + (cache_headers(site_dir, workers) if stamp else ""), encoding="utf-8")


def write_service_worker(site_dir: Path, templates_dir: Path) -> None:
    """Each language's sw.js (sw.js, es/sw.js), last: each lists the files of its language's pages
    and hashes their bytes."""
    for folder in ["", *language_folders(site_dir)]:
        (site_dir / folder / SERVICE_WORKER).write_text(service_worker(site_dir / folder, templates_dir), encoding="utf-8")


def finish_site(site_dir: Path, templates_dir: Path, offline_copy: bool = False) -> None:
    """Make a built site ready to publish: a CSP on every page, then (for a hosted site, not a
    copy opened from files, where no service worker can run) the service worker."""
    add_csp_to_pages(site_dir, stamp=not offline_copy)
    if not offline_copy:
        write_service_worker(site_dir, templates_dir)
