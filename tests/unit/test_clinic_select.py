"""Which clinic a build is for: --clinic, then GUIDE_CLINIC, then the fork's CLINIC file, else our own guide."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.guide.clinic_choice import resolve_clinic
from generator.problems import ContentError


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for name in ("one", "two"):
        (tmp_path / "clinics" / name).mkdir(parents=True)
        (tmp_path / "clinics" / name / "brand.yml").write_text("name: X\n", encoding="utf-8")
    return tmp_path


def test_none_without_a_setting(root):
    assert resolve_clinic(root, environ={}) is None


def test_the_clinic_file_makes_a_forks_default(root):
    (root / "CLINIC").write_text("# our clinic, built by default\n\nclinics/one\n", encoding="utf-8")
    assert resolve_clinic(root, environ={}) == root / "clinics/one"


def test_the_environment_comes_before_the_file_and_none_turns_it_off(root):
    (root / "CLINIC").write_text("clinics/one\n", encoding="utf-8")
    assert resolve_clinic(root, environ={"GUIDE_CLINIC": "clinics/two"}) == root / "clinics/two"
    assert resolve_clinic(root, environ={"GUIDE_CLINIC": "none"}) is None
    assert resolve_clinic(root, environ={"GUIDE_CLINIC": ""}) == root / "clinics/one"  # empty is as if unset


def test_a_missing_clinic_is_a_located_error(root):
    (root / "CLINIC").write_text("# comment\nclinics/three\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        resolve_clinic(root, environ={})
    assert str(caught.value.problems[0]).startswith("CLINIC:2:1: the clinic folder 'clinics/three' named by the CLINIC file was not found")
    with pytest.raises(ContentError) as caught:
        resolve_clinic(root, environ={"GUIDE_CLINIC": "clinics/four"})
    assert "named by the GUIDE_CLINIC environment variable was not found" in str(caught.value.problems[0])
