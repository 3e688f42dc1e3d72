"""The offline copy's links, pointed at files: a browser opening files cannot open a folder."""

from __future__ import annotations

import pytest

from generator.publish.offline_copy import LinkOutsideCopy, bundle_files, fix_links

FILES = {"index.html", "crisis.html", "worksheets/index.html", "worksheets/sheet.html",
         "downloads/worksheets/sheet-a4.pdf", "stylesheets/guide.css"}


@pytest.mark.parametrize("page, href, expected", [
    ("worksheets/sheet.html", "../crisis/", "../crisis.html"),                 # the crisis bar, as a folder
    ("worksheets/sheet.html", "../../downloads/worksheets/sheet-a4.pdf", "../downloads/worksheets/sheet-a4.pdf"),
    ("index.html", "worksheets/", "worksheets/index.html"),
    ("worksheets/sheet.html", "../crisis/#call", "../crisis.html#call"),
    ("index.html", "/stylesheets/guide.css", "stylesheets/guide.css"),
    ("index.html", "crisis.html", "crisis.html"),                               # already a file: unchanged
    ("index.html", "https://example.org/", "https://example.org/"),
    ("index.html", "#top", "#top"),
])
def test_links_point_at_the_file_they_mean(page, href, expected):
    assert fix_links(page, f'<a href="{href}">x</a>', FILES) == f'<a href="{expected}">x</a>'


def test_a_link_to_nothing_in_the_copy_fails_the_build(tmp_path):
    (tmp_path / "index.html").write_text('<a href="missing/">gone</a>')
    with pytest.raises(LinkOutsideCopy, match="index.html: missing/"):
        bundle_files(tmp_path)
