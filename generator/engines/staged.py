"""One way for every engine to publish a build: build into a new folder beside the output, add the
files made from the built site (the PDFs), then swap it in; on any failure the last good site stays."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from ..problems import BuildFailed
from ..publish.owned_folders import check_replaceable, publish, staging_dir


def build_and_publish(out_dir: Path, build_into: Callable[[Path], bool],
                      before_publish: Callable[[Path], None] | None = None) -> None:
    """``build_into(folder)`` builds the site into an empty folder and says whether it succeeded;
    ``before_publish`` gets the built folder to add files made from it before the swap."""
    check_replaceable(out_dir)  # refuse before spending time on a build we could not publish
    staged = staging_dir(out_dir)
    try:
        if not build_into(staged):
            raise BuildFailed(f"the site build failed (see above); the last good site in {out_dir} is unchanged")
        if before_publish is not None:
            before_publish(staged)
        publish(staged, out_dir)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
