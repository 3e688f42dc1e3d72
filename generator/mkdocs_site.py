"""Build the whole site with MkDocs into a staging folder, and publish it only if the build passed.

Part of the thin MkDocs layer: it runs the ``mkdocs`` command and knows nothing else about it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .clinic import CLINIC_ENV, NO_CLINIC
from .errors import BuildFailed
from .write import check_replaceable, publish, staging_dir


def build_site(root: Path, out_dir: Path, clinic_dir: Path | None = None) -> None:
    """``mkdocs build --strict`` into a new folder, then swap it in for ``out_dir``.

    The hook reads the clinic from ``GUIDE_CLINIC``; we always set it ('none' for our own guide), so the build
    uses exactly the clinic the caller resolved."""
    check_replaceable(out_dir)  # refuse before spending time on a build we could not publish
    staged = staging_dir(out_dir)
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                   "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staged.resolve())]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", CLINIC_ENV: str(clinic_dir.resolve()) if clinic_dir else NO_CLINIC}
        if subprocess.run(command, env=env).returncode != 0:
            raise BuildFailed(f"the site build failed (see above); the last good site in {out_dir} is unchanged")
        publish(staged, out_dir)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
