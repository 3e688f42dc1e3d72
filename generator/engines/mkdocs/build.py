"""Run ``mkdocs build --strict`` into a staging folder, and publish it only if the build passed;
and the file:// build for the offline copy. It runs the ``mkdocs`` command and knows nothing else
about MkDocs (the plugin does the rest, inside that process)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ...guide.clinic import CLINIC_ENV, NO_CLINIC
from ...problems import BuildFailed, ContentError
from ...publish.offline_copy import write_offline_copy
from ...publish.finish import finish_site
from ..site_settings import LANGUAGE_ENV, address_prefix, site_languages
from ..staged import build_and_publish

OFFLINE_CONFIG = "mkdocs-offline.yml"


def run_mkdocs(config_file: Path, site_dir: Path, clinic_dir: Path | None = None, language: str | None = None) -> bool:
    """``mkdocs build --strict`` with ``config_file`` into ``site_dir``; True if it succeeded.

    The plugin reads the clinic from ``GUIDE_CLINIC``; we always set it ('none' for our own guide),
    so the build uses exactly the clinic the caller resolved. The project folder goes on
    PYTHONPATH so that the hook can import the generator from any working folder."""
    root = str(config_file.resolve().parent)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(config_file), "--site-dir", str(site_dir.resolve())]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", CLINIC_ENV: str(clinic_dir.resolve()) if clinic_dir else NO_CLINIC,
           "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    if language is not None:
        env[LANGUAGE_ENV] = language  # this language only, and the site is finished by the caller
    return subprocess.run(command, env=env).returncode == 0


def build_site(root: Path, out_dir: Path, clinic_dir: Path | None = None,
               before_publish: Callable[[Path], None] | None = None) -> None:
    """``mkdocs build --strict`` into a new folder, then swap it in for ``out_dir``.

    ``before_publish`` gets the built folder to add files made from it (the PDFs) before the swap.
    """
    build_and_publish(out_dir, lambda staged: build_languages(root, "mkdocs.yml", staged, clinic_dir), before_publish)


def build_languages(root: Path, config: str, site_dir: Path, clinic_dir: Path | None, offline: bool = False) -> bool:
    """Every language of the guide, one ``mkdocs build`` each: the first into ``site_dir``, each
    other into ``site_dir/<code>/``; then the finishing steps (CSP, service worker) once over the
    whole site, so that they see every language."""
    try:
        languages = site_languages(root, clinic_dir)
    except ContentError as problems:  # reported as the build's own would be; the caller keeps the last good site
        print(problems.report(), file=sys.stderr)
        return False
    for language in languages:
        if not run_mkdocs(root / config, site_dir / address_prefix(languages, language), clinic_dir, language):
            return False
    finish_site(site_dir, root / "templates", [address_prefix(languages, language) for language in languages],
                offline_copy=offline)
    return True


def build_offline_copy(root: Path, out_zip: Path, clinic_dir: Path | None = None) -> None:
    """Build the file:// site into a scratch folder and zip it, with the PDFs, to ``out_zip``
    (replaced atomically). The PDFs are printed from a hosted build (folder addresses, as
    generator/publish/pdfs.py expects), made first in the same scratch folder."""
    from ...guide.assemble import load_guides
    from ...publish.printing import print_all_pdfs

    scratch = Path(tempfile.mkdtemp(prefix="guide-offline-"))
    try:
        hosted, site_dir = scratch / "hosted", scratch / "site"
        if not build_languages(root, "mkdocs.yml", hosted, clinic_dir):
            raise BuildFailed(f"the site build for the offline copy's PDFs failed (see above); {out_zip} is unchanged")
        pdfs = print_all_pdfs(hosted, load_guides(root / "content", clinic_dir), root)
        if not build_languages(root, OFFLINE_CONFIG, site_dir, clinic_dir, offline=True):
            raise BuildFailed(f"the offline build failed (see above); {out_zip} is unchanged")
        write_offline_copy(site_dir, out_zip, pdfs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
