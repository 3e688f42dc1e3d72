"""A clinic leaves out one of our pages or references with one line in its own folder: our pages that
linked to or cited it still build, and the clinic is told, in its own file, what changed."""

from __future__ import annotations

from pathlib import Path

from helpers import cli

CLINIC = "clinics/example"


def _render(project: Path) -> tuple[object, Path]:
    out = project / "build" / "pages"
    return cli("--clinic", CLINIC, "render", "--out", str(out), cwd=project), out


def test_leaving_out_a_page_unlinks_it_from_our_pages(clinic_project):
    (clinic_project / CLINIC / "content/pages.yml").write_text("remove: [does-it-help]\n", encoding="utf-8")
    result, out = _render(clinic_project)
    assert result.returncode == 0, result.stderr
    assert not (out / "does-it-help.md").exists()
    home = (out / "index.md").read_text(encoding="utf-8")
    assert "What to expect" in home and "Does integration help?" not in home  # its contents entry is dropped
    what_is = (out / "what-is-integration.md").read_text(encoding="utf-8")
    assert "See Does integration help?." in what_is and "does-it-help" not in what_is  # the words stay, unlinked
    info = [row for row in result.stderr.splitlines() if row.startswith("info: ")]
    assert len(info) == 1, result.stderr
    assert info[0].startswith(f"info: {CLINIC}/content/pages.yml:1:10: remove[0]: page 'does-it-help' is left out")
    assert "content/pages/what-is-integration.yml:" in info[0] and "content/pages/index.yml:" in info[0]


def test_a_clinics_own_link_to_a_page_it_left_out_is_still_its_error(clinic_project):
    (clinic_project / CLINIC / "content/pages.yml").write_text("remove: [does-it-help]\n", encoding="utf-8")
    notices = clinic_project / CLINIC / "content/notices.yml"
    notices.write_text(notices.read_text(encoding="utf-8").replace("(page:crisis)", "(page:does-it-help)"), encoding="utf-8")
    result = cli("--clinic", CLINIC, "check", cwd=clinic_project)
    assert result.returncode == 1
    assert f"{CLINIC}/content/notices.yml:" in result.stderr
    assert "no page has the id 'does-it-help'" in result.stderr
    assert "content/pages/" not in result.stderr  # nothing in our files


def test_the_home_page_cannot_be_left_out(clinic_project):
    (clinic_project / CLINIC / "content/pages.yml").write_text("remove: [does-it-help, index]\n", encoding="utf-8")
    result = cli("--clinic", CLINIC, "check", cwd=clinic_project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{CLINIC}/content/pages.yml:1:24: remove[1]: the page 'index' cannot be left out" in result.stderr


def test_leaving_out_a_reference_drops_its_citations_with_a_warning_in_the_clinics_file(clinic_project):
    references = clinic_project / CLINIC / "content/references.yml"
    references.write_text(references.read_text(encoding="utf-8") + "  remove: [spravato-rems]\n", encoding="utf-8")
    line = len(references.read_text(encoding="utf-8").splitlines())
    result, out = _render(clinic_project)
    assert result.returncode == 0, result.stderr
    page = (out / "what-to-expect.md").read_text(encoding="utf-8")
    assert "Esketamine nasal spray has its own safety rules" in page  # the page is still there...
    assert "spravatorems.com" not in page  # ...without the source
    warnings = [row for row in result.stderr.splitlines() if row.startswith("warning: ") and "spravato-rems" in row]
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith(f"warning: {CLINIC}/content/references.yml:{line}:")
    assert "content/pages/what-to-expect.yml:" in warnings[0] and "What to expect" in warnings[0]
