"""Every edition is one stack of layers: ours (English), ours in its language, the clinic's changes for
every edition (clinics/<n>/content/), the clinic's for that language (clinics/<n>/content/<lang>/).
A clinic's change shows in every edition it publishes, in whichever language; a change that matches
nothing, or a file that applies to no edition, is an error naming its file, its line and the folder
it belongs in; never silence."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from generator.guide.assemble import load_guides
from generator.render.environment import make_environment
from helpers import cli

# A clinic in Mexico that publishes in Spanish only. Its crisis line is Mexico's national line, the
# Línea de la Vida: 800 911 2000, free, 24 hours a day (El Universal, 24 Dec 2025, citing CONASAMA,
# the URL below); 911 is Mexico's emergency number too.
MEXICO_BRAND = """\
name: "Clínica del Valle (ficticia)"
languages: [es]
country: MX
crisis:
  emergency_number: "911"
  lines:
    - id: linea-de-la-vida
      name: "Línea de la Vida"
      number: "800 911 2000"
      hours: "24/7"
      free: true
      source: linea-de-la-vida
"""
MEXICO_CHANGES = {
    "pages.yml": "remove: [does-it-help]\n",
    "notices.yml": """\
        notices:
          replace:
            - id: day-of-safety
              style: warning
              title: El día de su sesión en nuestra clínica
              body: |
                Quédese en la clínica al menos dos horas después de la dosis. No maneje ese día.
        """,
    "references.yml": """\
        references:
          add:
            - id: linea-de-la-vida
              authors: El Universal
              year: 2025
              title: "Promueven la Línea de la Vida tras presentar encuesta sobre consumo de drogas; así puedes pedir ayuda"
              source: El Universal
              url: https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/
        """,
}


def _clinic(project: Path, brand: str, files: dict[str, str], name: str = "mx") -> Path:
    """A clinic folder in the project: its brand.yml, and each file (a path inside content/) as written."""
    clinic = project / "clinics" / name
    (clinic / "content").mkdir(parents=True)
    (clinic / "brand.yml").write_text(brand, encoding="utf-8")
    for relative, text in files.items():
        path = clinic / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return clinic


def _line_of(path: Path, text: str) -> int:
    return next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in row)


@pytest.mark.parametrize("folder", ["", "es/"])
def test_a_spanish_only_clinics_changes_are_in_effect_wherever_it_puts_them(project_copy, folder):
    """The trial: content/ (every edition) or content/es/ (the only edition) are the same edition."""
    clinic = _clinic(project_copy, MEXICO_BRAND, {folder + name: text for name, text in MEXICO_CHANGES.items()})
    checked = cli("--clinic", str(clinic), "check", cwd=project_copy)
    assert checked.returncode == 0, checked.stderr
    ours = len(list((project_copy / "content" / "pages").glob("*.yml")))
    assert f": {ours - 1} pages," in checked.stdout and "in es;" in checked.stdout
    rendered = cli("--clinic", str(clinic), "render", "--out", "out", cwd=project_copy)
    assert rendered.returncode == 0, rendered.stderr
    out = project_copy / "out"
    assert not (out / "does-it-help.md").exists() and not (out / "es").exists()  # Spanish alone, at the root
    assert "does-it-help" not in (out / "index.md").read_text(encoding="utf-8")
    phases = (out / "phases.md").read_text(encoding="utf-8")  # the page that shows the day-of-safety notice
    assert "El día de su sesión en nuestra clínica" in phases and "Cuídese el día de la sesión" not in phases
    crisis = (out / "crisis.md").read_text(encoding="utf-8")
    assert "Llame al 800 911 2000" in crisis and 'href="tel:8009112000"' in crisis
    assert "eluniversal.com.mx" in crisis and "988" not in crisis  # the line's source, cited; no US line
    assert f"info: {clinic.relative_to(project_copy)}/content/{folder}pages.yml:1:10: remove[0]: page 'does-it-help'" \
        in checked.stderr


def test_a_mexican_edition_prints_on_letter_and_lists_the_letter_pdf_first(project_copy):
    clinic = _clinic(project_copy, MEXICO_BRAND, MEXICO_CHANGES)
    (guide,) = load_guides(project_copy / "content", clinic)
    assert (guide.brand.country, guide.brand.paper) == ("MX", "letter")
    assert cli("--clinic", str(clinic), "render", "--out", "out", cwd=project_copy).returncode == 0
    sheet = (project_copy / "out" / "worksheets" / "safety-plan.md").read_text(encoding="utf-8")
    assert sheet.index("safety-plan-letter.pdf") < sheet.index("safety-plan-a4.pdf")
    css = make_environment(project_copy / "templates", guide.ui).get_template("site/brand.css.j2").render(brand=guide.brand)
    assert "size: letter;" in css  # what the browser prints on


def test_each_item_remembers_the_layer_it_came_from(project_copy):
    clinic = _clinic(project_copy, MEXICO_BRAND.replace("languages: [es]", "languages: [es, en]"), {
        **MEXICO_CHANGES,
        "en/notices.yml": MEXICO_CHANGES["notices.yml"].replace("El día de su sesión en nuestra clínica",
                                                                 "Your session day at our clinic"),
    })
    spanish, english = load_guides(project_copy / "content", clinic)
    notice, page = "notice", "page"
    assert spanish.provenance[notice]["day-of-safety"].layer == "the clinic"
    assert spanish.provenance[notice]["day-of-safety"].origin.file == f"{clinic.relative_to(project_copy)}/content/notices.yml"
    assert english.provenance[notice]["day-of-safety"].layer == "the clinic (en)"
    assert english.notices["day-of-safety"].title == "Your session day at our clinic"
    assert spanish.provenance[page]["does-it-help"].change == "removed"
    assert spanish.provenance[page]["index"].layer == "ours (es)" and english.provenance[page]["index"].layer == "ours"
    assert spanish.provenance["reference"]["linea-de-la-vida"].change == "added"
    assert spanish.provenance["interface text"]["crisis.need_help"].layer == "ours (es)"


def test_a_clinics_change_for_every_edition_is_flagged_where_it_is_not_in_the_editions_language(project_copy):
    """A clinic in English and Spanish writes its notice once, in English: the Spanish edition shows it
    as written, with a warning naming where to word it in Spanish; written there, the warning goes."""
    brand = MEXICO_BRAND.replace("languages: [es]", "languages: [en, es]").replace("country: MX", "country: US")
    brand = brand[:brand.index("crisis:")]
    notice = MEXICO_CHANGES["notices.yml"].replace("El día de su sesión en nuestra clínica", "Your session day with us")
    phases = "phases:\n  items:\n    before-session:\n      add:\n        - id: bring-a-friend\n          text: Bring a friend\n"
    clinic = _clinic(project_copy, brand, {"notices.yml": notice, "phases.yml": phases})
    result = cli("--clinic", str(clinic), "check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    where = clinic.relative_to(project_copy)
    assert (f"warning: {where}/content/phases.yml:5:11: phases.items.before-session.add[0].id: the checklist item "
            f"'bring-a-friend' is for every edition") in result.stderr
    assert f"replace it in {where}/content/es/phases.yml (phases: items: before-session: replace:)" in result.stderr
    assert (f"warning: {where}/content/notices.yml:3:7: notices.replace[0].id: the notice 'day-of-safety' is for every "
            "edition, so the 'es' edition shows it as written here") in result.stderr
    assert f"replace it in {where}/content/es/notices.yml (notices: replace:)" in result.stderr
    (clinic / "content" / "es").mkdir()
    (clinic / "content" / "es" / "notices.yml").write_text(textwrap.dedent(MEXICO_CHANGES["notices.yml"]), encoding="utf-8")
    (clinic / "content" / "es" / "phases.yml").write_text(
        phases.replace("add:", "replace:").replace("Bring a friend", "Venga con alguien"), encoding="utf-8")
    result = cli("--clinic", str(clinic), "check", cwd=project_copy)
    assert result.returncode == 0 and "is for every edition" not in result.stderr, result.stderr
    english, spanish = load_guides(project_copy / "content", clinic)
    assert english.notices["day-of-safety"].title == "Your session day with us"
    assert spanish.notices["day-of-safety"].title == "El día de su sesión en nuestra clínica"
    assert spanish.phase("before-session").items[-1].text == "Venga con alguien"
    assert english.phase("before-session").items[-1].text == "Bring a friend"


# Changes that match nothing, in any layer of a clinic: (file inside content/, its text, the text on the
# line the message must point at, what it must say).
MATCHING_NOTHING = {
    "a page to remove we do not have": (
        "pages.yml", "remove: [does-it-hlep]\n", "remove:", "remove[0]: no page has the id 'does-it-hlep' to remove"),
    "a page to remove, for one language": (
        "es/pages.yml", "remove: [does-it-hlep]\n", "remove:", "remove[0]: no page has the id 'does-it-hlep' to remove"),
    "a notice to replace we do not have": (
        "es/notices.yml", MEXICO_CHANGES["notices.yml"].replace("day-of-safety", "day-of-safty"), "day-of-safty",
        "notices.replace[0].id: no notice has the id 'day-of-safty' to replace"),
    "checklist items of a phase we do not have": (
        "phases.yml", "phases:\n  items:\n    day-after:\n      remove: [x]\n", "day-after:",
        "phases.items.day-after: no phase has the id 'day-after'"),
    "a reference added twice, once by us": (
        "references.yml", MEXICO_CHANGES["references.yml"].replace("linea-de-la-vida", "lifeline-988"), "- id: lifeline-988",
        "references.add[0].id: a reference with the id 'lifeline-988' already exists (content/references.yml:"),
}


@pytest.mark.parametrize("name", MATCHING_NOTHING)
def test_a_change_that_matches_nothing_is_a_located_error_in_any_layer(project_copy, name):
    file, text, line_of, says = MATCHING_NOTHING[name]
    clinic = _clinic(project_copy, MEXICO_BRAND, {**MEXICO_CHANGES, file: text})
    result = cli("--clinic", str(clinic), "check", cwd=project_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = _line_of(clinic / "content" / file, line_of)
    located = [row for row in result.stderr.splitlines()
               if row.startswith(f"{clinic.relative_to(project_copy)}/content/{file}:{line}:")]
    assert located and says in located[0], result.stderr


def test_a_language_layer_cannot_change_what_the_clinic_removed_for_every_edition(project_copy):
    clinic = _clinic(project_copy, MEXICO_BRAND, {
        **MEXICO_CHANGES, "pages.yml": "remove: [does-it-help, about]\n", "es/pages.yml": "remove: [about]\n"})
    result = cli("--clinic", str(clinic), "check", cwd=project_copy)
    assert result.returncode == 1
    assert (f"{clinic.relative_to(project_copy)}/content/es/pages.yml:1:10: remove[0]: no page has the id 'about' to "
            "remove") in result.stderr


# Files a clinic may put where no edition reads them: (path inside content/, what the message must say).
NO_EDITION = {
    "a folder for a language it does not publish": (
        "en/notices.yml", "content/en:1:1: changes for the 'en' edition, but brand.yml's languages are es: nothing in "
                          "this folder is shown"),
    "another one": ("pt-BR/pages.yml", "content/pt-BR:1:1: changes for the 'pt-BR' edition"),
    "a page for one language inside pages/": ("pages/es/about.yml", "content/pages/es:1:1: a page for one language goes in"),
    "a page outside pages/": ("about.yml", "content/about.yml:1:1: unknown overlay file: about is one of our pages; "
                                           "your version of it goes in"),
    "a worksheet outside worksheets/, in a language folder": (
        "es/safety-plan.yml", "content/es/safety-plan.yml:1:1: unknown overlay file: safety-plan is one of our worksheets"),
    "a language folder inside a language folder": ("es/es/notices.yml", "content/es/es:1:1: a language's folder goes directly in"),
    "a file of no kind": ("notas.txt", "content/notas.txt:1:1: unknown overlay file; expected one of:"),
    "site settings in content/": ("site.yml", "content/site.yml:1:1: unknown overlay file: the site's name, crisis lines "
                                              "and languages are set in brand.yml"),
}


@pytest.mark.parametrize("name", NO_EDITION)
def test_a_clinic_file_no_edition_reads_is_a_located_error_naming_where_it_belongs(project_copy, name):
    file, says = NO_EDITION[name]
    clinic = _clinic(project_copy, MEXICO_BRAND, {**MEXICO_CHANGES, file: "remove: []\n"})
    result = cli("--clinic", str(clinic), "check", cwd=project_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{clinic.relative_to(project_copy)}/{says}" in result.stderr, result.stderr
    if "brand.yml's languages are" in says:  # where it may go instead
        assert f"{clinic.relative_to(project_copy)}/content/es/ (the 'es' edition)" in result.stderr


@pytest.mark.parametrize(("country", "languages", "paper"), [
    ("CO", "[es, en]", "letter"), ("PH", "[en]", "letter"), ("CL", "[es]", "letter"), ("AR", "[es]", "a4"),
    ("FR", "[fr]", "a4"), ("BR", "[pt-BR, en]", "a4"), ("CA", "[fr, en]", "letter")])
def test_any_country_and_set_of_languages_builds_every_edition_with_the_clinics_changes(project_copy, country, languages,
                                                                                     paper):
    """Not only Mexico in Spanish: the same changes, in content/, are in every edition of any clinic."""
    brand = MEXICO_BRAND.replace("languages: [es]", f"languages: {languages}").replace("country: MX", f"country: {country}")
    clinic = _clinic(project_copy, brand, MEXICO_CHANGES)
    guides = load_guides(project_copy / "content", clinic)
    assert [g.site.language for g in guides] == yaml.safe_load(f"x: {languages}")["x"]
    for guide in guides:
        assert "does-it-help" not in {p.id for p in guide.pages}
        assert guide.notices["day-of-safety"].title == "El día de su sesión en nuestra clínica"
        assert "linea-de-la-vida" in guide.references and guide.brand.paper == paper
        assert guide.site.crisis.lines[0].href == "tel:8009112000"


def test_a_build_reads_each_file_once_whatever_its_number_of_editions(project_copy, monkeypatch):
    """Every edition shares what it has in common with the others (our English content, the clinic's
    content/ and brand.yml): each file is opened once per build, and brand.yml never again later."""
    import generator.source.read as read
    import generator.source.yaml_reader as yaml_reader
    from collections import Counter

    clinic = _clinic(project_copy, MEXICO_BRAND.replace("languages: [es]", "languages: [es, en]"),
                     {**MEXICO_CHANGES, "es/notices.yml": MEXICO_CHANGES["notices.yml"]})
    opened: Counter = Counter()
    real = yaml_reader.load_yaml

    def counting(path, root=None):
        opened[Path(path).resolve()] += 1
        return real(path, root=root)

    monkeypatch.setattr(yaml_reader, "load_yaml", counting)
    monkeypatch.setattr(read, "load_yaml", counting)
    guides = load_guides(project_copy / "content", clinic)
    assert len(guides) == 2
    assert opened[(clinic / "brand.yml").resolve()] == 1
    assert opened[(project_copy / "content" / "pages" / "index.yml").resolve()] == 1
    assert opened[(clinic / "content" / "notices.yml").resolve()] == 1
    assert max(opened.values()) == 1, [str(path) for path, count in opened.items() if count > 1]
