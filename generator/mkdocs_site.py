"""Build the whole site with MkDocs into a staging folder, and publish it only if the build passed.

Part of the thin MkDocs layer: it runs the ``mkdocs`` command and knows nothing else about it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .clinic import CLINIC_ENV, NO_CLINIC
from .errors import BuildFailed
from .write import check_replaceable, publish, staging_dir


def run_mkdocs(config_file: Path, site_dir: Path, clinic_dir: Path | None = None) -> bool:
    """``mkdocs build --strict`` with ``config_file`` into ``site_dir``; True if it succeeded.

    The hook reads the clinic from ``GUIDE_CLINIC``; we always set it ('none' for our own guide), so
    the build uses exactly the clinic the caller resolved."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(config_file), "--site-dir", str(site_dir.resolve())]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", CLINIC_ENV: str(clinic_dir.resolve()) if clinic_dir else NO_CLINIC}
    return subprocess.run(command, env=env).returncode == 0


def build_site(root: Path, out_dir: Path, clinic_dir: Path | None = None,
               before_publish: Callable[[Path], None] | None = None) -> None:
    """``mkdocs build --strict`` into a new folder, then swap it in for ``out_dir``.

    ``before_publish`` gets the built folder to add files made from it (the PDFs) before the swap.
    """
    check_replaceable(out_dir)  # refuse before spending time on a build we could not publish
    staged = staging_dir(out_dir)
    try:
        if not run_mkdocs(root / "mkdocs.yml", staged, clinic_dir):
            raise BuildFailed(f"the site build failed (see above); the last good site in {out_dir} is unchanged")
        if before_publish is not None:
            before_publish(staged)
        publish(staged, out_dir)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
