"""A second language beside the first: content/<lang>/ mirrors content/, and what is missing, extra
or wrong in a translation is reported with the file and id, never silently."""

from __future__ import annotations

import yaml

from helpers import cli, edit, with_spanish_fixture


def test_a_page_missing_in_a_translation_is_a_warning_naming_the_file_and_id(project_copy):
    with_spanish_fixture(project_copy)
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert ("warning: content/es/pages/about.yml:1:1: the page 'about' is not translated into 'es' yet; "
            "the English one (content/pages/about.yml) is shown") in result.stderr
    assert "the page 'forms-of-integration' is not translated into 'es'" not in result.stderr


def test_an_item_missing_or_extra_in_a_translated_file_is_a_warning(project_copy):
    spanish = with_spanish_fixture(project_copy)
    (spanish / "notices.yml").write_text(
        "notices:\n"
        "  - id: not-medical-advice\n    style: info\n    title: No es un consejo médico\n    body: Hable con su equipo.\n"
        "  - id: solo-en-espanol\n    style: info\n    title: Solo aquí\n    body: Texto.\n", encoding="utf-8")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert "warning: content/es/notices.yml:1:1: notices: the notice 'crisis-help' is not translated into 'es'" \
        in result.stderr
    assert ("warning: content/es/notices.yml:6:5: notices[1].id: the notice 'solo-en-espanol' is only in 'es': "
            "add it in English too; it is left out until then") in result.stderr


def test_a_mistake_in_a_translated_page_is_located_in_that_file(project_copy):
    spanish = with_spanish_fixture(project_copy)
    edit(spanish / "pages" / "forms-of-integration.yml", "order: 30", "order: treinta")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert "content/es/pages/forms-of-integration.yml:4:1: order: expected a whole number" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_language_babel_does_not_know_is_a_located_error(project_copy):
    site = project_copy / "content" / "site.yml"
    lines = site.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("languages:"))
    first = yaml.safe_load(site.read_text(encoding="utf-8"))["languages"][0]  # whatever languages the guide has
    lines[line - 1] = f"languages: [{first}, xx]"
    site.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert f"content/site.yml:{line}:{len(first) + 15}: languages[1]: unknown language 'xx'" in result.stderr


def test_a_clinic_names_its_languages_and_the_old_single_language_still_works(project_copy):
    clinic = project_copy / "clinics" / "aqui"
    (clinic / "content" / "es").mkdir(parents=True)
    (clinic / "brand.yml").write_text("name: Clínica Aquí\nlanguage: es\n", encoding="utf-8")
    (clinic / "content" / "es" / "interface.yml").write_text('crisis:\n  more_ways: "Otras formas de pedir ayuda"\n',
                                                             encoding="utf-8")
    result = cli("--clinic", str(clinic), "render", "--out", "out", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    index = (project_copy / "out" / "index.md").read_text(encoding="utf-8")
    assert "Última revisión de esta página:" in index, "the only language, Spanish, is at the root"
    assert not (project_copy / "out" / "es").exists()
