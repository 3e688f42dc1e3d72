"""A clinic's mistakes in brand.yml or its overlay: each a located message and exit 1, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import cli

CLINIC = "clinics/example"


@dataclass
class Mistake:
    file: str  # inside the clinic folder
    old: str
    new: str
    line_of: str  # text on the line the message must point at
    says: str


MISTAKES = {
    "primary colour too light for white header text": Mistake(
        "brand.yml", 'primary: "#5b2a86"', 'primary: "#7fa7d9"', 'primary: "#',
        "colours.primary: #7fa7d9 on #ffffff has a contrast of 2.49:1 as the header background under white text"),
    "accent colour too light on white": Mistake(
        "brand.yml", 'accent: "#8a1c4a"', 'accent: "#f0a0c0"', 'accent: "#',
        "colours.accent: #f0a0c0 on #ffffff has a contrast of"),
    "dark-scheme link colour too dark": Mistake(
        "brand.yml", 'accent: "#8a1c4a"', 'accent: "#8a1c4a"\n  link_on_dark: "#334455"', "link_on_dark:",
        "colours.link_on_dark: #334455 on #1e2129 has a contrast of"),
    "colour that is not a colour": Mistake(
        "brand.yml", 'primary: "#5b2a86"', 'primary: "purple"', 'primary: "purple"',
        "colours.primary: expected a colour written as # and six hex digits"),
    "missing logo file": Mistake(
        "brand.yml", "logo: assets/logo.svg", "logo: assets/our-logo.svg", "logo:",
        "logo: logo file not found: clinics/example/assets/our-logo.svg"),
    "logo outside the clinic folder": Mistake(
        "brand.yml", "favicon: assets/favicon.svg", "favicon: ../../mkdocs.svg", "favicon:",
        "favicon: expected a file inside the clinic folder, e.g. 'assets/logo.svg'"),
    "malformed phone number": Mistake(
        "brand.yml", 'phone: "+44 20 7946 0000"', 'phone: "call us on 020 7946 0000"', "phone:",
        "contact.phone: expected a phone number"),
    "malformed email": Mistake(
        "brand.yml", 'email: "hello@example.org"', 'email: "hello at example.org"', "email:",
        "contact.email: expected an email address"),
    "malformed URL": Mistake(
        "brand.yml", 'website: "https://example.org"', 'website: "www.example.org"', "website:",
        "contact.website: expected a full https:// address"),
    "unknown key": Mistake(
        "brand.yml", 'short_name: "Example Clinic"', 'short_name: "Example Clinic"\ncolour: "#5b2a86"', "colour:",
        "colour: unknown field; expected one of: name, short_name, logo, favicon, colours"),
    "referral nobody can reach": Mistake(
        "brand.yml", '      phone: "+44 20 7946 0001"\n      website: "https://example.org/integration"\n', "",
        '- name: "Example Integration Practice',
        "integration_therapy.referrals[0]: a referral needs a phone, email or website"),
    "crisis line with a number nobody can dial": Mistake(
        "brand.yml", 'number: "116 123"', 'number: "one one six"', 'number: "one one six"',
        "crisis.lines[0].number: expected the number to call: a phone number as people dial it"),
    "crisis line nobody can reach": Mistake(
        "brand.yml", '      number: "116 123"\n', '', '- id: samaritans',
        "crisis.lines[0]: a crisis line needs a number to call, a number to text (texts) or a chat address"),
    "country written as people say it, not as ISO 3166 does": Mistake(
        "brand.yml", 'country: "GB"', 'country: "UK"', "country:",
        "country: expected a country as its two-letter ISO 3166 code in capitals, such as 'US', 'GB' or 'AU' (got 'UK'); "
        "did you mean 'GB' (United Kingdom)?"),
    "country in small letters": Mistake(
        "brand.yml", 'country: "GB"', 'country: "gb"', "country:", "(got 'gb'); did you mean 'GB' (United Kingdom)?"),
    "a region that is not a country": Mistake(
        "brand.yml", 'country: "GB"', 'country: "EU"', "country:", "(got 'EU')"),
    "paper size nobody sells": Mistake(
        "brand.yml", 'country: "GB"', 'country: "GB"\npaper: "A5"', 'paper: "A5"',
        "paper: expected paper size for printing from the browser, and the PDF listed first: 'a4' or 'letter'"),
    "replacing an id we do not have": Mistake(
        "content/therapist.yml", "    - id: ask-cost", "    - id: ask-costs", "- id: ask-costs",
        "questions.replace[0].id: no therapist question has the id 'ask-costs' to replace"),
    "adding an id we already have": Mistake(
        "content/practices.yml", "    - id: example-integration-circle", "    - id: journaling", "- id: journaling",
        "practices.add[0].id: a practice with the id 'journaling' already exists (content/practices.yml:38)"),
    "removing an id we do not have": Mistake(
        "content/therapist.yml", "remove: [ask-experience]", "remove: [ask-experiences]", "remove:",
        "questions.remove[0]: no therapist question has the id 'ask-experiences' to remove"),
    "changing the items of a phase we do not have": Mistake(
        "content/phases.yml", "    days-after:", "    day-after:", "day-after:",
        "phases.items.day-after: no phase has the id 'day-after'"),
    "removing a page we do not have": Mistake(
        "content/pages.yml", "# remove: [does-it-help]", "remove: [does-it-hlep]", "remove:",
        "remove[0]: no page has the id 'does-it-hlep' to remove"),
    "a clinic's item citing a source nobody has": Mistake(
        "content/phases.yml", "references: [samaritans]", "references: [samaritan]", "references: [samaritan]",
        "phases.items.days-after.replace[0].references[0]: no reference has the id 'samaritan'"),
    "a clinic's text linking to a page nobody has": Mistake(
        "content/notices.yml", "(page:crisis)", "(page:crises)", "page:crises",
        "notices.replace[0].body: no page has the id 'crises'"),
    "crisis line citing a reference nobody has": Mistake(
        "brand.yml", "      source: samaritans", "      source: samaritans-uk", "source: samaritans-uk",
        "crisis.lines[0].source: no reference has the id 'samaritans-uk'"),
    "emergency number citing a reference nobody has": Mistake(
        "brand.yml", '  emergency_number: "999"', '  emergency_number: "999"\n  emergency_source: nhs-999',
        "emergency_source:", "crisis.emergency_source: no reference has the id 'nhs-999'"),
    "a field the overlay does not know": Mistake(
        "content/practices.yml", "  add:", "  append:", "append:",
        "practices.append: unknown field; expected one of: add, replace, remove"),
}


def _break(project: Path, mistake: Mistake) -> int:
    path = project / CLINIC / mistake.file
    text = path.read_text(encoding="utf-8")
    assert mistake.old in text, f"fixture text not found in {mistake.file}: {mistake.old!r}"
    broken = text.replace(mistake.old, mistake.new, 1)
    path.write_text(broken, encoding="utf-8")
    return next(i for i, row in enumerate(broken.splitlines(), 1) if mistake.line_of in row)


@pytest.mark.parametrize("name", MISTAKES)
def test_a_clinic_mistake_is_named_with_its_file_line_and_key(name, clinic_project):
    mistake = MISTAKES[name]
    line = _break(clinic_project, mistake)
    result = cli("--clinic", CLINIC, "check", cwd=clinic_project)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    located = [row for row in result.stderr.splitlines() if row.startswith(f"{CLINIC}/{mistake.file}:{line}:")]
    assert located and mistake.says in located[0], result.stderr


def test_our_crisis_numbers_left_in_a_text_are_named_for_a_clinic_with_other_lines(clinic_project):
    """Our texts name the lines through {crisis_line} and {emergency_number}; one that names 988 or 911
    itself would send a patient abroad to a number that does not work there."""
    (clinic_project / CLINIC / "content/notices.yml").unlink()
    notices = clinic_project / "content/notices.yml"
    notices.write_text(notices.read_text(encoding="utf-8").replace("**{crisis_line}**", "Call or text 988")
                       .replace("call {emergency_number}", "call 911"), encoding="utf-8")
    result = cli("--clinic", CLINIC, "check", cwd=clinic_project)
    assert result.returncode == 1
    assert "content/notices.yml:7:1: notices[0].body: this text tells patients to use 988, a crisis number of our US guide" \
        in result.stderr
    assert "content/notices.yml:7:1: notices[0].body: this text tells patients to use 911" in result.stderr


def test_an_unknown_overlay_file_is_named(clinic_project):
    (clinic_project / CLINIC / "content/site.yml").write_text("name: X\n", encoding="utf-8")
    result = cli("--clinic", CLINIC, "check", cwd=clinic_project)
    assert result.returncode == 1
    assert f"{CLINIC}/content/site.yml:1:1: unknown overlay file" in result.stderr
    assert "set in brand.yml" in result.stderr


def test_a_missing_brand_file_is_named(clinic_project):
    (clinic_project / "clinics/empty").mkdir()
    result = cli("--clinic", "clinics/empty", "check", cwd=clinic_project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--clinic:1:1: the clinic folder 'clinics/empty' named by --clinic has no brand.yml" in result.stderr
