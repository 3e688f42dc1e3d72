"""`new-clinic` makes a clinic folder that builds at once, keeps any name exactly, and never overwrites."""

from __future__ import annotations

import re

import yaml

from helpers import cli, copy_project, read_page, run_cli

NAME = 'St. Mary\'s: "Calm" Clinic # 2 & <Co> 心'


def test_the_scaffold_builds_a_branded_site(tmp_path):
    project = copy_project(tmp_path / "project")
    created = run_cli("new-clinic", "clinics/my-clinic", "--name", NAME, cwd=project)
    assert created.returncode == 0, created.stderr
    assert "GUIDE_CLINIC=clinics/my-clinic make build" in created.stdout
    folder = project / "clinics/my-clinic"
    brand_text = (folder / "brand.yml").read_text(encoding="utf-8")
    brand = yaml.safe_load(brand_text)
    assert brand["name"] == NAME  # quoted so that : # " & read back exactly
    assert brand["languages"] == ["en"] and "language" not in brand  # the key the code reads, not the old one
    assert brand_text.startswith("# yaml-language-server: $schema=../../schemas/brand.schema.json")
    commented_keys = {"contact", "crisis", "integration_therapy"}
    for key in ("name", "short_name", "logo", "favicon", "colours", "footer", "languages", *commented_keys):
        assert re.search(rf"^#? ?{key}:", brand_text, re.M), key
    lines = brand_text.splitlines()
    for number, line in enumerate(lines):  # every key that is set has a note above it (or shares one)
        if re.match(r"^[a-z_]+:", line):
            above = next(row for row in reversed(lines[:number]) if not re.match(r"^([a-z_]+:|  )", row))
            assert above.startswith("# "), line
    logo = (folder / "assets/logo.svg").read_text(encoding="utf-8")
    assert "&lt;Co&gt;" in logo and "<Co>" not in logo and ">SM<" in logo

    built = run_cli("site", "--out", "site", cwd=project, env={"GUIDE_CLINIC": "clinics/my-clinic"})
    assert built.returncode == 0, built.stderr
    home = read_page(project / "site/index.html")
    assert home.title.endswith(f" - {NAME}") and NAME in home.joined
    assert (project / "site/brand/logo.svg").is_file()


def test_the_scaffold_writes_the_clinics_languages_and_a_footer_in_the_first(tmp_path):
    """`--languages es,en`: Spanish at the root, its footer in Spanish; the folder checks at once."""
    project = copy_project(tmp_path / "project")
    created = cli("new-clinic", "clinics/aqui", "--name", "Clínica Aquí", "--languages", "es,en", cwd=project)
    assert created.returncode == 0, created.stderr
    brand = yaml.safe_load((project / "clinics/aqui/brand.yml").read_text(encoding="utf-8"))
    assert brand["languages"] == ["es", "en"] and "language" not in brand
    spanish = yaml.safe_load((project / "content/es/interface.yml").read_text(encoding="utf-8"))["clinic"]["edition_footer"]
    assert brand["footer"] == spanish.replace("{clinic}", "Clínica Aquí") and "nuestra edición" in brand["footer"]
    checked = cli("--clinic", "clinics/aqui", "check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert "in es, en" in checked.stdout
    wrong = cli("new-clinic", "clinics/other", "--name", "Other", "--languages", "es,xx", cwd=project)
    assert wrong.returncode == 1 and "--languages:1:1: unknown language 'xx'" in wrong.stderr
    assert not (project / "clinics/other").exists()


def test_the_scaffold_refuses_an_existing_folder_and_changes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = project / "clinics/taken"
    folder.mkdir(parents=True)
    (folder / "brand.yml").write_text("name: Mine\n", encoding="utf-8")
    result = run_cli("new-clinic", "clinics/taken", "--name", "Other", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "clinics/taken: already exists" in result.stderr
    assert (folder / "brand.yml").read_text(encoding="utf-8") == "name: Mine\n"
    assert sorted(p.name for p in folder.iterdir()) == ["brand.yml"]
