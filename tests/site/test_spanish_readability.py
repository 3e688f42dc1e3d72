"""`generator readability` on a Spanish edition: every page of the guide measured, the Spanish ones
by Fernández-Huerta (target 70 or more), and a hard passage named at its file and page.

Moved here from tests/unit/test_languages.py: it measures the reading ease of every page of the
whole guide twice (about 2.5 CPU seconds, a fifth of the fast tier's budget), so it runs in the
tier after the fast one; `make test` runs both."""

from __future__ import annotations

from helpers import cli, edit, with_spanish_fixture


def test_readability_scores_spanish_pages_with_fernandez_huerta(project_copy):
    spanish = with_spanish_fixture(project_copy)
    result = cli("readability", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert "Fernández-Huerta" in result.stdout and "Szigriszt-Pazos" in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.split()[:2] == ["page", "forms-of-integration"])
    assert row.split()[-1] == "ok"
    edit(spanish / "pages" / "forms-of-integration.yml", "Hay muchas formas de integrar.",
         "La integración psicoterapéutica posterior constituye, indudablemente, una metodología "
         "interdisciplinaria extraordinariamente heterogénea, caracterizada por procedimientos "
         "fenomenológicos, hermenéuticos, psicodinámicos y neurofisiológicos complementarios.")
    result = cli("readability", cwd=project_copy)
    assert result.returncode == 1
    assert "content/es/pages/forms-of-integration.yml: page 'forms-of-integration': a passage has a reading ease" \
        in result.stderr
