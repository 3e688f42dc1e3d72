"""A build that fails on bad content keeps the last good site, for our guide and a clinic's."""

from __future__ import annotations

from helpers import run_cli

CLINIC = "clinics/example"


def test_a_failed_site_build_keeps_the_last_good_site(project_copy):
    """Without PDFs (the content's mistake stops the build before them), as the tests below."""
    site = project_copy / "site"
    assert run_cli("--root", str(project_copy), "site", "--no-pdf", "--out", str(site)).returncode == 0
    before = (site / "index.html").read_text(encoding="utf-8")
    page = project_copy / "content/pages/index.yml"
    page.write_text(page.read_text(encoding="utf-8").replace("order: 0", "order: first"), encoding="utf-8")

    result = run_cli("--root", str(project_copy), "site", "--no-pdf", "--out", str(site))

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/pages/index.yml:5:1: order: expected a whole number" in result.stderr
    assert "last good site" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == before
    assert not list(project_copy.glob(".site.*"))  # no half-built folder left behind


def test_a_clinic_mistake_also_stops_the_site_build_and_keeps_the_last_good_site(clinic_project):
    assert run_cli("--clinic", CLINIC, "site", "--no-pdf", "--out", "site", cwd=clinic_project).returncode == 0
    before = (clinic_project / "site/index.html").read_bytes()
    brand = clinic_project / CLINIC / "brand.yml"
    text = brand.read_text(encoding="utf-8")
    assert 'phone: "+44 20 7946 0000"' in text
    brand.write_text(text.replace('phone: "+44 20 7946 0000"', 'phone: "call us on 020 7946 0000"', 1), encoding="utf-8")
    result = run_cli("--clinic", CLINIC, "site", "--no-pdf", "--out", "site", cwd=clinic_project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "clinics/example/brand.yml:" in result.stderr and "contact.phone: expected a phone number" in result.stderr
    assert (clinic_project / "site/index.html").read_bytes() == before


def test_a_mkdocs_warning_fails_the_build_as_mkdocs_build_strict_does(project_copy):
    """A page MkDocs finds outside the menu is a warning, and under --strict a failed build: the
    warning shown as MkDocs shows it, the last good site kept. (The engine used to run
    `mkdocs build --strict --quiet`, whose quiet logger drops warnings before strict mode counts them.)"""
    site = project_copy / "site"
    build = ("--root", str(project_copy), "site", "--no-pdf", "--out", str(site))
    assert run_cli(*build).returncode == 0
    before = (site / "index.html").read_text(encoding="utf-8")
    (project_copy / "templates/assets/stray-notes.md").write_text("# Notes\n", encoding="utf-8")

    result = run_cli(*build)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "WARNING -  " in result.stderr and "stray-notes.md" in result.stderr
    assert "in strict mode" in result.stderr and "last good site" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == before


def test_a_theme_template_error_names_the_template_and_keeps_the_last_good_site(project_copy):
    """An override MkDocs cannot render: where it is, in one line, no traceback, the old site in place."""
    site = project_copy / "site"
    build = ("--root", str(project_copy), "site", "--no-pdf", "--out", str(site))
    assert run_cli(*build).returncode == 0
    before = (site / "index.html").read_text(encoding="utf-8")
    override = project_copy / "templates/overrides/main.html"
    override.write_text(override.read_text(encoding="utf-8").replace(
        "{% block footer %}", "{% block footer %}{{ config.extra.guide.nope.nope }}"), encoding="utf-8")
    assert "nope.nope" in override.read_text(encoding="utf-8")  # the fault is in place

    result = run_cli(*build)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "templates/overrides/main.html:" in result.stderr and "nope" in result.stderr
    assert "last good site" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == before
