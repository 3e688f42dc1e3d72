"""The build driver: one call builds every edition of a guide (ours, or a clinic's, in each of its
languages). Each edition is loaded, checked and rendered once, in this process, and that one
result is handed to the site engine, the PDFs and the offline copy:

    generate_all ── each edition (a SiteEdition): engine.build_edition into its folder (es/ after the first)
                 ── finish_site, once over the whole site (CSP, fingerprints, service workers)
                 ── print_all_pdfs, from that built site
                 ── for the offline copy: each edition built again for file://, then zipped

The engine is an adapter (generator/engines): MkDocs builds in this process, Zensical in a scratch
project. What is published replaces the last good output only if all of it worked
(engines/staged.py); the PDF and offline commands build in a scratch folder that is then removed.

Editions whose inputs did not change since the last build are used again (edition_cache.py). A site
build without PDFs needs only what the engines are handed (``site_editions``), so it loads none of
the code that reads, checks and renders content; that code is imported when an edition is made.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from typing import TYPE_CHECKING

from . import edition_cache
from .caches import cache_dir
from .engines import SiteEngine, engine
from .engines.site_settings import SiteEdition
from .engines.staged import build_and_publish
from .problems import BuildFailed, ContentError
from .project import Project
from .publish.finish_kept import finish_site_kept
from .publish.owned_folders import add_files

if TYPE_CHECKING:
    from .guide.guide import Guide
    from .render.pages import RenderedGuide

    Editions = list[tuple[Guide, RenderedGuide]]


def generate_editions(project: Project) -> Editions:
    """Every edition, checked and rendered (``generate_all``), or as the last build left them if
    none of their inputs changed since (edition_cache.py); with the notes for its author (overdue
    reviews) printed. Raises ``ContentError`` listing every problem."""
    key = edition_cache.inputs_key(project)
    editions = edition_cache.load(project, key)
    if editions is None:
        editions, kept = _generate(project, key)
    else:
        kept = edition_cache.load(project, key, "site") or _keep_site_editions(project, key, editions)
    _print_notes(kept)
    return editions


def site_editions(project: Project) -> list[SiteEdition]:
    """What the site engines are handed of every edition (``SiteEdition``), kept by the last build
    if none of the inputs changed (then nothing that makes editions is imported), else generated;
    with the notes for its author printed. Raises ``ContentError`` listing every problem."""
    key = edition_cache.inputs_key(project)
    kept = edition_cache.load(project, key, "site")
    if kept is None:
        _, kept = _generate(project, key)
    _print_notes(kept)
    return [edition for edition, _ in kept]


def _generate(project: Project, key: str):
    """Every edition generated, and kept under ``key`` as generated and as the engines get it."""
    from .pipeline import generate_all

    editions = generate_all(project)
    edition_cache.save(project, key, editions)
    return editions, _keep_site_editions(project, key, editions)


def _keep_site_editions(project: Project, key: str, editions: Editions) -> list[tuple[SiteEdition, list[str]]]:
    """Each edition as the engines get it, with its notes for the author (overdue reviews: the
    key holds the day), kept under ``key``."""
    from .quality.review import author_notes

    kept = [(site_edition, author_notes(guide)) for site_edition, (guide, _) in zip(for_engines(editions), editions)]
    edition_cache.save(project, key, kept, "site")
    return kept


def _print_notes(kept: list[tuple[SiteEdition, list[str]]]) -> None:
    for _, notes in kept:
        for note in notes:
            print(note, file=sys.stderr)


def for_engines(editions: Editions) -> list[SiteEdition]:
    """Each generated edition as the site engines get it."""
    from .engines.site_settings import site_edition

    return [site_edition(guide, rendered) for guide, rendered in editions]


def build_editions(site_engine: SiteEngine, editions: list[SiteEdition], site_dir: Path, project: Project,
                   offline: bool = False) -> bool:
    """Each edition into its folder of ``site_dir`` (the first at its root), then the finishing
    steps once over the whole site, so that they see every language (what they wrote in the last
    build kept in the cache folder, and used again if the built site is the same:
    publish/finish_kept.py); False if a build failed."""
    for edition in editions:
        if not site_engine.build_edition(edition, site_dir / edition.address_prefix, offline):
            return False
    finish_site_kept(site_dir, project.templates_dir, [edition.address_prefix for edition in editions], offline,
                     cache_dir(project.root) / ("site-index-offline" if offline else "site-index"))
    return True


def print_pdfs(site_dir: Path, editions: Editions, root: Path) -> dict[str, bytes]:
    """Every edition's PDFs, printed from the built site in ``site_dir`` (imported here: a build
    without PDFs need not load the PDF tools)."""
    from .publish.pdf import print_all_pdfs

    return print_all_pdfs(site_dir, [guide for guide, _ in editions], root)


def build_site(project: Project, root: Path, engine_name: str, out_dir: Path, pdfs: bool = True) -> None:
    """The whole site into ``out_dir``, with its PDFs (unless ``pdfs`` is false), replacing the last
    good site only if everything worked; raises ``BuildFailed`` (content problems already shown)."""
    site_engine = engine(engine_name, root)

    def build_into(staged: Path) -> bool:
        try:  # the PDFs need each checked guide; the site alone, what the engines are handed
            editions = generate_editions(project) if pdfs else None
            site = for_engines(editions) if pdfs else site_editions(project)
        except ContentError as problems:  # shown as the build's own failure: the last good site stays
            print(problems.report(), file=sys.stderr)
            return False
        if not build_editions(site_engine, site, staged, project):
            return False
        if pdfs:
            add_files(staged, print_pdfs(staged, editions, root))
        return True

    build_and_publish(out_dir, build_into)


def build_pdfs(project: Project, root: Path, engine_name: str) -> dict[str, bytes]:
    """Every PDF by its path in the site (``downloads/...``, ``es/downloads/...``), printed from a
    site built for them in a scratch folder, which is then removed."""
    site_engine = engine(engine_name, root)
    editions = generate_editions(project)
    with tempfile.TemporaryDirectory(prefix="guide-pdf-") as scratch:
        site_dir = Path(scratch) / "site"
        if not build_editions(site_engine, for_engines(editions), site_dir, project):
            raise BuildFailed("the site build the PDFs are printed from failed (see above); no PDF was written")
        return print_pdfs(site_dir, editions, root)


def build_offline_copy(project: Project, root: Path, engine_name: str, out_zip: Path) -> None:
    """The site for file:// (pages as files, no service worker), zipped with its PDFs to ``out_zip``
    (replaced atomically). The PDFs are printed from the hosted site (folder addresses, as the PDF
    step expects), built first from the same editions."""
    from .publish.offline_copy import write_offline_copy

    site_engine = engine(engine_name, root)
    editions = generate_editions(project)
    site = for_engines(editions)
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as scratch:
        hosted, site_dir = Path(scratch) / "hosted", Path(scratch) / "site"
        if not build_editions(site_engine, site, hosted, project):
            raise BuildFailed(f"the site build for the offline copy's PDFs failed (see above); {out_zip} is unchanged")
        pdfs = print_pdfs(hosted, editions, root)
        if not build_editions(site_engine, site, site_dir, project, offline=True):
            raise BuildFailed(f"the offline build failed (see above); {out_zip} is unchanged")
        write_offline_copy(site_dir, out_zip, pdfs)
