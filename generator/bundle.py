"""The offline bundle: the whole site built to open from files (file://), zipped.

A patient can copy it to a USB stick or a laptop, unzip it, and open index.html: every page and
the plan builder work with no server and no network. Part of the thin MkDocs layer only through
``run_mkdocs`` (the build itself, with mkdocs-offline.yml).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .errors import BuildFailed
from .mkdocs_site import run_mkdocs
from .write import write_archive

BUNDLE_FOLDER = "ketamine-integration-guide"
OFFLINE_CONFIG = "mkdocs-offline.yml"
README = """\
Ketamine integration guide, for use with no internet
=====================================================

Open the file index.html in this folder with your web browser (double-click it).
Every page works from here, with no internet. Your plan (the "My plan" page) is saved in
this browser on this computer only. To move it, use "Save a copy to a file" on that page.
"""


def bundle_files(site_dir: Path) -> dict[str, bytes]:
    """Every file of a built site by relative path, plus a short read-me for the patient."""
    files = {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    files["README.txt"] = README.replace("\n", "\r\n").encode("utf-8")  # Windows Notepad users too
    return files


def build_offline_bundle(root: Path, out_zip: Path, clinic_dir: Path | None = None) -> None:
    """Build the file:// site into a scratch folder and zip it to ``out_zip`` (replaced atomically)."""
    scratch = Path(tempfile.mkdtemp(prefix="guide-offline-"))
    try:
        site_dir = scratch / "site"
        if not run_mkdocs(root / OFFLINE_CONFIG, site_dir, clinic_dir):
            raise BuildFailed(f"the offline build failed (see above); {out_zip} is unchanged")
        write_archive(bundle_files(site_dir), out_zip, BUNDLE_FOLDER)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
