"""The interface catalog (content/interface.yml and each language's): a bad key or fill-in is a
located error in the file that holds it, a missing text is a warning naming it and the English
text is shown, and a clinic's table changes a label."""

from __future__ import annotations

from pathlib import Path

from helpers import cli, edit


def _spanish(project: Path, table: str) -> None:
    """The project's site in Spanish, with ``table`` as its Spanish interface table."""
    edit(project / "content" / "site.yml", "language: en", "language: es")
    (project / "content" / "es").mkdir(exist_ok=True)
    (project / "content" / "es" / "interface.yml").write_text(table, encoding="utf-8")


def _rendered(project: Path) -> str:
    result = cli("render", "--out", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    return (project / "out" / "index.md").read_text(encoding="utf-8")


def test_an_unknown_key_in_a_translation_is_a_located_error(project_copy):
    _spanish(project_copy, "crisis:\n  need_help: \"¿Necesita ayuda ahora?\"\n  mas_formas: \"Más formas\"\n")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert ("content/es/interface.yml:3:3: crisis.mas_formas: unknown key: content/interface.yml "
            "(the English table) has no crisis.mas_formas") in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_fill_in_in_a_translation_is_a_located_error(project_copy):
    _spanish(project_copy, "review:\n  brief: \"Revisada el {fecha}. Próxima revisión: {due}.\"\n")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert ("content/es/interface.yml:2:3: review.brief: unknown fill-in {fecha}: this text may use "
            "{date}, {due} (as the English text does)") in result.stderr


def test_a_bad_shape_is_a_located_error(project_copy):
    table = project_copy / "content" / "interface.yml"
    edit(table, '  more_ways: "More ways to get help"', "  more_ways: [More, ways]")
    line = table.read_text(encoding="utf-8").splitlines().index("  more_ways: [More, ways]") + 1
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert f"content/interface.yml:{line}:3: crisis.more_ways: expected a text" in result.stderr


def test_a_missing_translation_is_a_warning_and_the_english_text_is_shown(project_copy):
    _spanish(project_copy, "crisis:\n  need_help: \"¿Necesita ayuda ahora?\"\n")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert ("warning: content/es/interface.yml:1:1: crisis.more_ways: not translated into 'es' yet; "
            "the English text is shown") in result.stderr
    assert "crisis.need_help: not translated" not in result.stderr


def test_a_clinic_changes_a_label_from_its_folder(project_copy):
    clinic = project_copy / "clinics" / "here"
    clinic.mkdir(parents=True)
    (clinic / "brand.yml").write_text("name: Here Clinic\n", encoding="utf-8")
    (clinic / "content").mkdir()
    (clinic / "content" / "interface.yml").write_text("review:\n  last_reviewed: \"Checked by our team on:\"\n",
                                                      encoding="utf-8")
    result = cli("--clinic", str(clinic), "render", "--out", "out", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    page = (project_copy / "out" / "index.md").read_text(encoding="utf-8")
    assert "<strong>Checked by our team on:</strong>" in page and "Page last reviewed:" not in page


def test_pages_show_the_catalog_texts(project_copy):
    edit(project_copy / "content" / "interface.yml", '  last_reviewed: "Page last reviewed:"',
         '  last_reviewed: "Checked on:"')
    assert "<strong>Checked on:</strong>" in _rendered(project_copy)
