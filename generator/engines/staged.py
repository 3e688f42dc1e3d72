"""One way to publish a build: build into a new folder beside the output, then swap it in; on any
failure the last good site stays."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from ..problems import BuildFailed
from ..publish.owned_folders import check_replaceable, publish, staging_dir


def build_and_publish(out_dir: Path, build_into: Callable[[Path], bool]) -> None:
    """``build_into(folder)`` builds the site, and all that goes with it (the PDFs), into an empty
    folder and says whether it succeeded; only then does that folder replace ``out_dir``."""
    check_replaceable(out_dir)  # refuse before spending time on a build we could not publish
    staged = staging_dir(out_dir)
    try:
        if not build_into(staged):
            raise BuildFailed(f"the site build failed (see above); the last good site in {out_dir} is unchanged")
        publish(staged, out_dir)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
