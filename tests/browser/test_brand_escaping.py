"""A brand whose values hold & < > quotes, accents and non-Latin script shows them as text everywhere."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers import read_page, script_json
from plan_page import download_calendar, open_site_plan
from helpers import ROOT, copy_project, run_cli, serve_folder, site_pages

NAME = 'Clínica <Ñandú> & "Sons" 心'
FOOTER = "© 2026 <b>Ñandú</b> & 'Sons' 心: all rights kept"
HOURS = 'Mon–Fri <9 & >5> "late" 夜'
BRAND = f"""\
name: {json.dumps(NAME, ensure_ascii=False)}
logo: assets/logo.svg
contact:
  phone: "+34 600 000 000"
  email: "hola@example.org"
  hours: {json.dumps(HOURS, ensure_ascii=False)}
  address: |
    Calle <Mayor> & 1
    Ciudad "Ñ" 市
crisis:
  intro: "Llame <ahora> & hable con alguien 心."
  emergency: "Emergency <now>: call 112 & stay \\"safe\\" 心"
  emergency_number: "112"
  lines:
    - id: line-one
      name: "Línea <Uno> & \\"Dos\\" 心"
      how: "Call 024 <free> & 24/7"
      href: "tel:024"
integration_therapy:
  offered: false
  referrals:
    - name: "Terapia <Ñ> & \\"Co\\" 心"
      description: "Somática <b>bold</b> & más"
      website: "https://example.org/?a=1&b=<2>"
footer: {json.dumps(FOOTER, ensure_ascii=False)}
"""


# Both engines: Zensical's templates print the site's name and page titles unescaped, and the
# adapter escapes them once (generator/engines/zensical/build.py). Its PDFs are the MkDocs build's
# code path (tests/site/test_engines.py), so they are skipped here.
ENGINES = {"mkdocs": [], "zensical": ["--engine", "zensical", "--no-pdf"]}


@pytest.fixture(scope="module", params=list(ENGINES))
def odd_site(tmp_path_factory, request):
    project = copy_project(tmp_path_factory.mktemp("odd") / "project")
    created = run_cli("new-clinic", "clinics/odd", "--name", NAME, cwd=project)
    assert created.returncode == 0, created.stderr
    (project / "clinics/odd/brand.yml").write_text(BRAND, encoding="utf-8")
    # Our texts that name the US crisis numbers must be replaced for other crisis lines: borrow the example's.
    shutil.copytree(ROOT / "clinics/example/content", project / "clinics/odd/content", dirs_exist_ok=True)
    built = run_cli("--clinic", "clinics/odd", "site", *ENGINES[request.param], "--out", "site", cwd=project)
    assert built.returncode == 0, built.stderr
    return project / "site"


def test_every_value_is_text_on_every_page_never_markup(odd_site):
    for path in site_pages(odd_site):
        html = path.read_text(encoding="utf-8")
        page = read_page(path)
        where = path.relative_to(odd_site)
        assert page.title.endswith(f" - {NAME}"), (where, page.title)
        # The crisis bar names the first line on every page (its ways are buttons, "Emergency: 112" one of
        # them); the emergency sentence and the line's own words are on the crisis page (below).
        for text in (NAME, FOOTER, HOURS, "Calle <Mayor> & 1", 'Línea <Uno> & "Dos" 心'):
            assert text in page.joined, (where, text)
        assert not {"ñandú", "mayor", "now", "free", "uno", "ahora", "ñ"} & page.tags, where  # no value became an element
        assert "<Ñandú>" not in html and "<b>Ñandú" not in html, where
        assert "&amp;amp;" not in html and "&amp;lt;" not in html and "&amp;#" not in html, where  # not escaped twice
        assert NAME in page.attributes, where  # the logo link's title and aria-label, read back as the name


def test_markdown_content_shows_the_values_as_text(odd_site):
    page = read_page(odd_site / "finding-a-therapist/index.html")
    assert f"Integration therapy at {NAME}" in page.joined
    assert f"{NAME} does not offer integration therapy itself." in page.joined
    assert 'Terapia <Ñ> & "Co" 心' in page.joined and ": Somática <b>bold</b> & más" in page.joined
    assert "https://example.org/?a=1&b=<2>" in page.attributes
    crisis = read_page(odd_site / "crisis/index.html")
    assert "Llame <ahora> & hable con alguien 心." in crisis.joined
    assert 'Emergency <now>: call 112 & stay "safe" 心' in crisis.joined


def test_the_json_for_scripts_holds_the_exact_values_and_no_markup(odd_site):
    html = (odd_site / "plan" / "index.html").read_text(encoding="utf-8")
    raw = script_json(html, "guide-brand")
    assert "<" not in raw and ">" not in raw and "&" not in raw  # cannot close the script element
    assert json.loads(raw)["short_name"] == NAME  # no short_name set: the name


def test_the_browser_shows_the_name_as_text(odd_site, browser):
    url, server = serve_folder(odd_site)
    try:
        page = browser.new_page()
        page.goto(url)
        assert page.title().endswith(f" - {NAME}")
        assert page.inner_text(".md-header__topic .md-ellipsis") == NAME
        assert page.inner_text(".guide-clinic__name") == NAME
        assert page.eval_on_selector_all(".guide-clinic *", "els => els.map(e => e.tagName)").count("B") == 0
        page.close()
    finally:
        server.shutdown()


def test_the_plan_shows_the_values_as_text_and_the_calendar_carries_them_escaped(odd_site, browser):
    """The plan (the clinic's phone and hours, its print) and its .ics file, where , ; and \\ are escaped."""
    import icalendar

    with open_site_plan(browser, odd_site) as tab:
        clinic = tab.locator("#plan-help .plan-clinic")  # in the safety plan, beside the crisis lines
        assert clinic.inner_text().startswith(f"{NAME}: +34 600 000 000 ({HOURS})")
        assert clinic.locator("b").count() == 0
        tab.click("a[href='#plan-step-people']")  # the therapist appointment: a date for the calendar
        tab.fill("#plan-therapist-next", "2026-12-03T14:30")
        calendar = icalendar.Calendar.from_ical(download_calendar(tab))
        assert str(calendar["X-WR-CALNAME"]) == f"My integration plan ({NAME})"  # no short name: the name
