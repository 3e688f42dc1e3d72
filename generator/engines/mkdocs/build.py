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
from ...problems import BuildFailed
from ...publish.offline_copy import write_offline_copy
from ..staged import build_and_publish

OFFLINE_CONFIG = "mkdocs-offline.yml"


def run_mkdocs(config_file: Path, site_dir: Path, clinic_dir: Path | None = None) -> bool:
    """``mkdocs build --strict`` with ``config_file`` into ``site_dir``; True if it succeeded.

    The plugin reads the clinic from ``GUIDE_CLINIC``; we always set it ('none' for our own guide),
    so the build uses exactly the clinic the caller resolved. The project folder goes on
    PYTHONPATH so that the hook can import the generator from any working folder."""
    root = str(config_file.resolve().parent)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(config_file), "--site-dir", str(site_dir.resolve())]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", CLINIC_ENV: str(clinic_dir.resolve()) if clinic_dir else NO_CLINIC,
           "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    return subprocess.run(command, env=env).returncode == 0


def build_site(root: Path, out_dir: Path, clinic_dir: Path | None = None,
               before_publish: Callable[[Path], None] | None = None) -> None:
    """``mkdocs build --strict`` into a new folder, then swap it in for ``out_dir``.

    ``before_publish`` gets the built folder to add files made from it (the PDFs) before the swap.
    """
    build_and_publish(out_dir, lambda staged: run_mkdocs(root / "mkdocs.yml", staged, clinic_dir), before_publish)


def build_offline_copy(root: Path, out_zip: Path, clinic_dir: Path | None = None) -> None:
    """Build the file:// site into a scratch folder and zip it, with the PDFs, to ``out_zip``
    (replaced atomically). The PDFs are printed from a hosted build (folder addresses, as
    generator/publish/pdfs.py expects), made first in the same scratch folder."""
    from ...guide.assemble import load_guide
    from ...publish.printing import print_pdfs

    scratch = Path(tempfile.mkdtemp(prefix="guide-offline-"))
    try:
        hosted, site_dir = scratch / "hosted", scratch / "site"
        if not run_mkdocs(root / "mkdocs.yml", hosted, clinic_dir):
            raise BuildFailed(f"the site build for the offline copy's PDFs failed (see above); {out_zip} is unchanged")
        pdfs = print_pdfs(hosted, load_guide(root / "content", clinic_dir), root)
        if not run_mkdocs(root / OFFLINE_CONFIG, site_dir, clinic_dir):
            raise BuildFailed(f"the offline build failed (see above); {out_zip} is unchanged")
        write_offline_copy(site_dir, out_zip, pdfs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
