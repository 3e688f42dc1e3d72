"""The editions of the last build are used again only while none of their inputs changed
(generator/edition_cache.py): an edit to any content, template or clinic file, or a new file,
makes a new key; a damaged or foreign cache file is generated anew, never a failed build."""

from __future__ import annotations

import os
import shutil

import pytest

from helpers import ROOT, copy_project
from generator import edition_cache
from generator.build import generate_editions
from generator.pipeline import Project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(tmp_path / "cache"))
    folder = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "clinics" / "example", folder / "clinics" / "example")
    return Project.at(folder, folder / "clinics" / "example")


@pytest.mark.parametrize("changed", ["content/pages/about.yml", "templates/pages/page.md.j2",
                                     "clinics/example/brand.yml", "content/es/interface.yml"])
def test_an_edit_to_any_input_makes_a_new_key(project, changed):
    key = edition_cache.inputs_key(project)
    assert edition_cache.inputs_key(project) == key
    path = project.root / changed
    stat = path.stat()
    path.write_bytes(path.read_bytes().replace(b"e", b"E", 1))  # same size, one letter changed
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert edition_cache.inputs_key(project) != key


def test_a_new_file_makes_a_new_key(project):
    key = edition_cache.inputs_key(project)
    (project.content_dir / "pages" / "notes.txt").write_text("a note", encoding="utf-8")
    assert edition_cache.inputs_key(project) != key


def test_the_next_build_uses_the_kept_editions_and_an_edit_regenerates_them(project):
    first = generate_editions(project)
    again = generate_editions(project)
    assert [g.site.language for g, _ in again] == [g.site.language for g, _ in first]
    assert again[0][1].pages == first[0][1].pages
    page = project.content_dir / "pages" / "about.yml"
    page.write_text(page.read_text(encoding="utf-8").replace("title: About this guide", "title: About us"),
                    encoding="utf-8")
    assert any("About us" in text for text in generate_editions(project)[0][1].pages.values())


def test_a_damaged_cache_file_is_generated_anew(project):
    generate_editions(project)
    kept = edition_cache.cache_file(project)
    kept.write_bytes(kept.read_bytes()[:200])  # cut short, the key line intact
    assert edition_cache.load(project, edition_cache.inputs_key(project)) is None
    assert generate_editions(project)[0][0].site.language == "en"


def test_a_cache_folder_that_cannot_be_written_means_no_cache(project, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(blocked))
    assert generate_editions(project)[0][0].site.language == "en"
    assert edition_cache.load(project, edition_cache.inputs_key(project)) is None
