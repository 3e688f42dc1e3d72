"""The offline copy: the whole site built to open from files (file://), zipped.

A patient can copy it to a USB stick or a laptop, unzip it, and open index.html: every page and
the plan builder work with no server and no network. The engine builds the site for file://
(generator/engines/mkdocs/build.py); this turns the built folder into the zip.
"""

from __future__ import annotations

from pathlib import Path

from .owned_folders import write_archive

BUNDLE_FOLDER = "ketamine-integration-guide"
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


def write_offline_copy(site_dir: Path, out_zip: Path) -> None:
    """Zip the file:// build in ``site_dir`` to ``out_zip`` (replaced atomically)."""
    write_archive(bundle_files(site_dir), out_zip, BUNDLE_FOLDER)
