"""The build driver: one call builds every edition of a guide (ours, or a clinic's, in each of its
languages). Each edition is loaded, checked and rendered once, in this process, and that one
result is handed to the site engine, the PDFs and the offline copy:

    generate_all ── each edition: engine.build_edition into its folder (es/ after the first)
                 ── finish_site, once over the whole site (CSP, fingerprints, service workers)
                 ── print_all_pdfs, from that built site
                 ── for the offline copy: each edition built again for file://, then zipped

The engine is an adapter (generator/engines): MkDocs builds in this process, Zensical in a scratch
project. What is published replaces the last good output only if all of it worked
(engines/staged.py); the PDF and offline commands build in a scratch folder that is then removed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from . import edition_cache
from .engines import SiteEngine, engine
from .engines.staged import build_and_publish
from .guide.guide import Guide
from .pipeline import Project, generate_all
from .problems import BuildFailed, ContentError
from .publish.finish import finish_site
from .publish.offline_copy import write_offline_copy
from .publish.owned_folders import add_files
from .quality.review import author_notes
from .render.pages import RenderedGuide

Editions = list[tuple[Guide, RenderedGuide]]


def generate_editions(project: Project) -> Editions:
    """Every edition, checked and rendered (``generate_all``), or as the last build left them if
    none of their inputs changed since (edition_cache.py); with the notes for its author (overdue
    reviews) printed. Raises ``ContentError`` listing every problem."""
    key = edition_cache.inputs_key(project)
    editions = edition_cache.load(project, key)
    if editions is None:
        editions = generate_all(project)
        edition_cache.save(project, key, editions)
    for guide, _ in editions:
        for note in author_notes(guide):
            print(note, file=sys.stderr)
    return editions


def build_editions(site_engine: SiteEngine, editions: Editions, site_dir: Path, templates_dir: Path,
                   offline: bool = False) -> bool:
    """Each edition into its folder of ``site_dir`` (the first at its root), then the finishing
    steps once over the whole site, so that they see every language; False if a build failed."""
    for guide, rendered in editions:
        if not site_engine.build_edition(guide, rendered, site_dir / guide.address_prefix, offline):
            return False
    finish_site(site_dir, templates_dir, [guide.address_prefix for guide, _ in editions], offline_copy=offline)
    return True


def print_pdfs(site_dir: Path, editions: Editions, root: Path) -> dict[str, bytes]:
    """Every edition's PDFs, printed from the built site in ``site_dir`` (imported here: a build
    without PDFs need not load the PDF tools)."""
    from .publish.printing import print_all_pdfs

    return print_all_pdfs(site_dir, [guide for guide, _ in editions], root)


def build_site(project: Project, root: Path, engine_name: str, out_dir: Path, pdfs: bool = True) -> None:
    """The whole site into ``out_dir``, with its PDFs (unless ``pdfs`` is false), replacing the last
    good site only if everything worked; raises ``BuildFailed`` (content problems already shown)."""
    site_engine = engine(engine_name, root)

    def build_into(staged: Path) -> bool:
        try:
            editions = generate_editions(project)
        except ContentError as problems:  # shown as the build's own failure: the last good site stays
            print(problems.report(), file=sys.stderr)
            return False
        if not build_editions(site_engine, editions, staged, project.templates_dir):
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
        if not build_editions(site_engine, editions, site_dir, project.templates_dir):
            raise BuildFailed("the site build the PDFs are printed from failed (see above); no PDF was written")
        return print_pdfs(site_dir, editions, root)


def build_offline_copy(project: Project, root: Path, engine_name: str, out_zip: Path) -> None:
    """The site for file:// (pages as files, no service worker), zipped with its PDFs to ``out_zip``
    (replaced atomically). The PDFs are printed from the hosted site (folder addresses, as the PDF
    step expects), built first from the same editions."""
    site_engine = engine(engine_name, root)
    editions = generate_editions(project)
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as scratch:
        hosted, site_dir = Path(scratch) / "hosted", Path(scratch) / "site"
        if not build_editions(site_engine, editions, hosted, project.templates_dir):
            raise BuildFailed(f"the site build for the offline copy's PDFs failed (see above); {out_zip} is unchanged")
        pdfs = print_pdfs(hosted, editions, root)
        if not build_editions(site_engine, editions, site_dir, project.templates_dir, offline=True):
            raise BuildFailed(f"the offline build failed (see above); {out_zip} is unchanged")
        write_offline_copy(site_dir, out_zip, pdfs)
