"""Steps over a finished site folder, whatever engine built it, all reading one site index
(site_index.py: each page parsed once): pages without blank lines, the files they load addressed
by their content, the Content-Security-Policy on every page (the not-found pages too) and in a
_headers file, each page's languages in the sitemaps (not in the pages: sitemaps.py), and each
language's service worker. Each page is read once and written once."""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from pathlib import Path

from .csp import csp_edit, headers_file
from .fingerprint import cache_headers, stamp_edits
from .minify import minify_our_assets
from .service_worker import SERVICE_WORKER, service_worker
from .site_index import SiteIndex, apply_edits, index_site
from .sitemaps import add_language_links

HEADERS = "_headers"


def finish_pages(index: SiteIndex, stamp: bool = True) -> None:
    """Every page (compacted as the index read it) (``stamp``) naming the files it loads by hash,
    with its policy first in <head>; written once, and the index updated to the written text."""
    for page in index.pages:
        text, facts = index.texts[page], index.facts[page]
        edits = []
        if stamp:
            edits += stamp_edits(index, page, facts)
        policy = csp_edit(facts)
        if policy is not None:
            edits.append(policy)
        text, facts = apply_edits(text, facts, edits)
        (index.site_dir / page).write_text(text, encoding="utf-8")
        index.update(page, text, facts)


def write_headers(index: SiteIndex, stamp: bool = True) -> None:
    """The policy of every page, and (``stamp``) the cache rules, in a _headers file for hosts that
    send headers from one."""
    workers = [prefix + SERVICE_WORKER for prefix in index.languages]
    text = headers_file(index.facts.values()) + (cache_headers(index, workers) if stamp else "")
    (index.site_dir / HEADERS).write_text(text, encoding="utf-8")
    index.files.add(HEADERS)


def write_service_workers(index: SiteIndex, templates_dir: Path) -> None:
    """Each language's sw.js (sw.js, es/sw.js), last: each lists the files of its language's pages
    and hashes their bytes."""
    for prefix in index.languages:
        (index.site_dir / prefix / SERVICE_WORKER).write_text(service_worker(index, templates_dir, prefix), encoding="utf-8")


def finish_site(site_dir: Path, templates_dir: Path, languages: Sequence[str] = ("",),
                offline_copy: bool = False, minified: MutableMapping[bytes, bytes] | None = None) -> SiteIndex:
    """Make a built site ready to publish: our scripts and styles minified, compact pages, content stamps and a CSP on every page,
    then (for a hosted site, not a copy opened from files, where no service worker can run) the
    cache rules, each page's languages in the sitemaps, and the service workers. ``languages``: the address prefixes of the site's
    languages, from the pipeline ("" for the first, at the top; "es/"). ``minified``: our scripts
    and styles minified before, by their source's hash (minify.py). Returns the site's index."""
    minify_our_assets(site_dir, templates_dir / "assets", languages, minified)
    index = index_site(site_dir, languages, compact=True)
    finish_pages(index, stamp=not offline_copy)
    write_headers(index, stamp=not offline_copy)
    if not offline_copy:
        add_language_links(index)
        write_service_workers(index, templates_dir)
    return index
