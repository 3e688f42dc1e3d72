"""The help page of each edition the build makes, as a reader meets it: every red-flag sign sits in
its group (clinic the same day, urgent help, crisis line, emergency), no sign sits in a group that
would under-triage it, and each group offers that edition's own numbers as tap-to-call links: ours
(US), the UK example's (NHS 111, Samaritans, 999) and the Australian example's (healthdirect,
Lifeline, 000). The crisis page and the box at the top of the help page offer each way to reach
each crisis line and the emergency number as a button, in every edition and language, a clinic
that publishes in Spanish only among them. Built by the real command (without PDFs, which these
checks do not read)."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from generator.guide.assemble import load_guides
from helpers import ROOT, copy_project, run_cli, visible_text

EDITIONS = {"us": None, "uk": "clinics/example", "au": "clinics/example-au"}
LEVELS = ("clinic", "urgent", "crisis", "emergency")

# Each sign by its meaning (a pattern of the words a reader sees), in the group it must be in.
SIGNS = {
    "en": {
        "clinic": {"blood in the urine, with your own doctor too": r"blood in your urine.*own doctor",
                   "bladder or urine trouble": r"bladder or urine trouble",
                   "lower-tummy (bladder) pain": r"pain low in your tummy.*bladder",
                   "mania or hypomania": r"high or wired.*less sleep.*(race|racing).*(money|risks)",
                   "psychosis after the session": r"(see or hear things|hear things).*(suspicious)",
                   "maybe pregnant": r"might be pregnant",
                   "low mood not easing, with a timeframe": r"more anxious.*by the next day"},
        "urgent": {"fever with side or back pain": r"fever.*(side|lower back)",
                   "blood in the urine, clinic closed": r"blood in your urine.*can't reach your clinic",
                   "a body symptom getting worse": r"getting worse.*can't reach your clinic"},
        "crisis": {"thoughts of suicide or self-harm": r"thoughts of suicide"},
        "emergency": {"can't keep safe right now": r"may not be able to keep yourself safe",
                      "a plan and the means": r"plan to end your life.*means",
                      "having taken something": r"taken something to harm",
                      "confusion getting worse or lasting": r"confused.*(getting worse|still there hours)",
                      "a fall with a head injury": r"fallen and hit their head",
                      "a pounding heartbeat": r"pounding.*heartbeat",
                      "drowsy after benzodiazepines": r"drowsy after mixing.*Benzodiazepines",
                      "very drowsy and vomiting": r"very drowsy and being sick",
                      "unable to pass urine": r"can't pass urine at all",
                      "clots or a lot of blood": r"clots or a lot of blood",
                      "mania or psychosis, unsafe": r"(high|wired|out of touch).*not safe"},
    },
    "es": {
        "clinic": {"sangre en la orina, y su médico": r"sangre en la orina.*su médico",
                   "problemas de vejiga u orina": r"problemas de vejiga u orina",
                   "dolor en la parte baja de la barriga": r"parte baja de la barriga.*vejiga",
                   "manía": r"eufórico.*dormir.*(rápido).*(dinero|arriesgue)",
                   "psicosis": r"(ve u oye cosas).*desconfía",
                   "embarazo": r"embarazada",
                   "ánimo que no mejora": r"ansioso.*al día siguiente"},
        "urgent": {"fiebre con dolor en el costado": r"fiebre.*(costado|espalda)",
                   "sangre en la orina, clínica cerrada": r"sangre en la orina.*no logra hablar con su clínica"},
        "crisis": {"pensamientos de suicidio": r"pensamientos de suicidio"},
        "emergency": {"no puede mantenerse a salvo": r"no pueda mantenerse a salvo",
                      "un plan y los medios": r"plan para quitarse la vida.*medios",
                      "tomó algo": r"tomó algo para hacerse daño",
                      "confusión": r"confundido.*(empeora|horas después)",
                      "caída con golpe en la cabeza": r"se golpeó la cabeza",
                      "benzodiazepinas": r"mezclar la ketamina.*benzodiazepinas",
                      "no puede orinar": r"no puede orinar nada",
                      "coágulos": r"coágulos o mucha sangre"},
    },
}
# Signs that must not sit in a group below their own: a reader stops at the first group that fits.
NOT_IN = {"en": {"clinic": [r"keep yourself safe", r"clots", r"can't pass urine"],
                 "urgent": [r"keep yourself safe", r"clots"],
                 "crisis": [r"keep yourself safe", r"plan to end your life", r"taken something"]},
          "es": {"clinic": [r"mantenerse a salvo", r"coágulos"],
                 "crisis": [r"mantenerse a salvo", r"quitarse la vida"]}}

# Each edition's numbers, by group: every one must be a tap-to-call (or web) link in that group.
NUMBERS = {
    "us": {"crisis": ["tel:988"], "emergency": ["tel:911"]},
    "uk": {"clinic": ["tel:+442079460000", "tel:+442079460002"], "urgent": ["tel:+442079460002", "tel:111", "https://111.nhs.uk/"],
           "crisis": ["tel:116123"], "emergency": ["tel:999"]},
    "au": {"urgent": ["tel:1800022222"], "crisis": ["tel:131114"], "emergency": ["tel:000"]},
}
URGENT_WORDS = {"us": "Go to an urgent care center", "uk": "NHS 111", "au": "healthdirect"}


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {}
    for name, clinic in EDITIONS.items():
        out = tmp_path_factory.mktemp(f"help-{name}") / "site"
        result = run_cli(*(["--clinic", clinic] if clinic else []), "site", "--no-pdf", "--out", str(out))
        assert result.returncode == 0, result.stderr
        built[name] = out
    return built


def tiers(page: Path) -> dict[str, tuple[list[str], list[str], str]]:
    """Each group of the help page: (its signs as a reader sees them, its links, all its visible text)."""
    text = page.read_text(encoding="utf-8")
    found = {}
    for level in LEVELS:
        match = re.search(rf'<section[^>]*\bid="tier-{level}"[^>]*>(.*?)</section>', text, re.S)
        if not match:
            continue
        body = match.group(1)
        signs_part = body.split('class="guide-tier__call"', 1)[0]
        signs = [visible_text(li) for li in re.findall(r"<li>(.*?)</li>", signs_part, re.S)]
        links = [html_lib.unescape(href) for href in re.findall(r'href="([^"]+)"', body)]
        found[level] = (signs, links, visible_text(body))
    return found


def _sign_in(signs: list[str], pattern: str) -> bool:
    return any(re.search(pattern, sign, re.I | re.S) for sign in signs)


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_sign_sits_in_its_group_and_not_below_it(editions, edition):
    groups = tiers(editions[edition] / "when-to-get-help" / "index.html")
    assert list(groups) == list(LEVELS), f"{edition}: the groups are {list(groups)}"
    for level, signs in SIGNS["en"].items():
        missing = [name for name, pattern in signs.items() if not _sign_in(groups[level][0], pattern)]
        assert not missing, f"{edition}: the {level} group lacks {missing}: {groups[level][0]}"
    for level, patterns in NOT_IN["en"].items():
        wrong = [p for p in patterns if _sign_in(groups[level][0], p)]
        assert not wrong, f"{edition}: the {level} group holds a more urgent sign: {wrong}"


def test_each_sign_sits_in_its_group_in_spanish(editions):
    groups = tiers(editions["us"] / "es" / "when-to-get-help" / "index.html")
    assert list(groups) == list(LEVELS)
    for level, signs in SIGNS["es"].items():
        missing = [name for name, pattern in signs.items() if not _sign_in(groups[level][0], pattern)]
        assert not missing, f"es: the {level} group lacks {missing}: {groups[level][0]}"
    for level, patterns in NOT_IN["es"].items():
        assert not [p for p in patterns if _sign_in(groups[level][0], p)], f"es: {level}"
    assert "Llame al 911" in groups["emergency"][2] and "tel:911" in groups["emergency"][1]
    assert "tel:988" in groups["crisis"][1]
    assert "centro de atención urgente" in groups["urgent"][2]


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_group_offers_the_editions_own_numbers_as_links(editions, edition):
    groups = tiers(editions[edition] / "when-to-get-help" / "index.html")
    for level, links in NUMBERS[edition].items():
        missing = [link for link in links if link not in groups[level][1]]
        assert not missing, f"{edition}: the {level} group has no link {missing}; it has {groups[level][1]}"
    assert URGENT_WORDS[edition] in groups["urgent"][2], groups["urgent"][2]
    others = {link for name, numbers in NUMBERS.items() if name != edition for ls in numbers.values() for link in ls}
    everywhere = {link for _, links, _ in groups.values() for link in links}
    assert not (everywhere & others - {link for ls in NUMBERS[edition].values() for link in ls}), \
        f"{edition} offers another edition's number: {everywhere & others}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_clinic_group_sends_a_worse_mood_to_the_crisis_line_and_a_worse_body_to_urgent_help(editions, edition):
    clinic = tiers(editions[edition] / "when-to-get-help" / "index.html")["clinic"][2]
    assert re.search(r"mood.{0,40}worse.{0,60}crisis line", clinic, re.I), clinic
    assert re.search(r"body symptom.{0,40}worse.{0,60}urgent help", clinic, re.I), clinic


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_esketamine_observation_rule_is_the_editions_own(editions, edition):
    text = visible_text((editions[edition] / "your-session" / "index.html").read_text(encoding="utf-8"))
    if edition == "us":
        assert "at least 2 hours after each dose" in text
    else:
        assert "until they say you are well enough to leave" in text and "2 hours" not in text
    expect = visible_text((editions[edition] / "what-to-expect" / "index.html").read_text(encoding="utf-8"))
    assert ("on its own or with an antidepressant pill" in expect) == (edition == "us"), edition


# A clinic in the US that publishes in Spanish only, made here: our 988 Lifeline with its facts for
# Spanish (a key to press, a keyword to text), and a service that only takes texts, the Crisis Text
# Line (text HOME to 741741; its sources are in tests/unit/test_crisis_facts.py).
SPANISH_ONLY = "clinics/esperanza"
SPANISH_ONLY_BRAND = """\
name: "Clínica Esperanza (ficticia)"
languages: [es]
country: US
crisis:
  emergency_number: "911"
  lines:
    - id: lifeline-988
      name: "988 Lifeline"
      number: "988"
      texts: true
      chat: https://988lifeline.org/chat
      hours: "24/7"
      free: true
      languages: [en, es]
      language_options:
        - language: es
          press: "2"
          keyword: AYUDA
          source: lifeline-988-what-to-expect
      source: lifeline-988
    - id: crisis-text-line
      name: "Crisis Text Line"
      texts: "741741"
      keyword: HOME
      hours: "24/7"
      free: true
"""
CALL_BUTTON = re.compile(r'<a class="guide-call guide-call--(\w+)" href="([^"]+)">')


@pytest.fixture(scope="module")
def spanish_only(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the project, its site) of the Spanish-only clinic, built by the real command."""
    project = copy_project(tmp_path_factory.mktemp("spanish-only") / "project")
    (project / SPANISH_ONLY).mkdir(parents=True)
    (project / SPANISH_ONLY / "brand.yml").write_text(SPANISH_ONLY_BRAND, encoding="utf-8")
    out = project.parent / "site"
    result = run_cli("--clinic", SPANISH_ONLY, "site", "--no-pdf", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    return project, out


def _dialled(number: str) -> str:
    return ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


def expected_calls(guide) -> tuple[str, dict[str, list[str]]]:
    """The emergency number's link, and each crisis line's links (call, text with its keyword, chat),
    worked out here from the edition's facts as the patient's phone needs them."""
    crisis = guide.site.crisis
    lines = {}
    for line in crisis.lines:
        links = [f"tel:{_dialled(line.number)}"] if line.number else []
        if line.texts:
            texted = _dialled(line.number if line.texts is True else line.texts)
            links.append(f"sms:{texted}" + (f"?body={line.keyword}" if line.keyword else ""))
        links += [str(line.chat)] if line.chat else []
        lines[line.name] = links
    return f"tel:{crisis.emergency_number}", lines


def _editions(editions, spanish_only):
    """(name, the edition's Guide, its folder in the built site) for every edition and language."""
    project, spanish_site = spanish_only
    found = []
    for name, clinic in EDITIONS.items():
        for guide in load_guides(ROOT / "content", ROOT / clinic if clinic else None):
            found.append((f"{name}/{guide.site.language}", guide, editions[name] / guide.address_prefix))
    [guide] = load_guides(project / "content", project / SPANISH_ONLY)
    found.append(("spanish-only/es", guide, spanish_site))
    return found


def _article(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[text.index('<article class="md-content__inner'):text.index("</article>")]


def _buttons(html: str) -> list[tuple[str, str]]:
    return [(kind, html_lib.unescape(href)) for kind, href in CALL_BUTTON.findall(html)]


def test_the_crisis_page_and_the_help_pages_top_box_call_every_line_and_the_emergency_number(editions, spanish_only):
    checked = []
    for name, guide, folder in _editions(editions, spanish_only):
        emergency, lines = expected_calls(guide)
        assert lines and all(lines.values()), name
        crisis_page = _article(folder / guide.site.crisis_page / "index.html")
        help_page = _article(folder / guide.help_page.id / "index.html")
        top = re.match(r'<article[^>]*>\s*<h1[^>]*>.*?</h1>\s*(<section[^>]*class="guide-help-now"[^>]*>.*?</section>)', help_page, re.S)
        assert top, f"{name}: the help page does not open with its box of help"
        box = top.group(1)
        assert guide.site.crisis.emergency_number in visible_text(box.split("guide-calls", 1)[0]), \
            f"{name}: the help page's box does not name the emergency number in its words"
        for where, html in (("crisis page", crisis_page), ("help page's top box", box)):
            buttons = _buttons(html)
            assert ("emergency", emergency) in buttons, f"{name}: the {where} has no button to call {emergency}: {buttons}"
            for line, links in lines.items():
                missing = [link for link in links if link not in {href for _, href in buttons}]
                assert not missing, f"{name}: the {where} has no button for {line}: {missing}; it has {buttons}"
            assert " · <a" not in html.split('class="guide-crisis__lines"', 1)[-1].split("</ul>", 1)[0]
        checked.append(name)
    assert checked == ["us/en", "us/es", "uk/en", "au/en", "spanish-only/es"]


def test_a_spanish_only_clinics_text_only_line_is_an_sms_link_with_its_keyword(spanish_only):
    _, site = spanish_only
    crisis = _article(site / "crisis" / "index.html")
    assert ("text", "sms:741741?body=HOME") in _buttons(crisis)
    assert "Envíe HOME por mensaje de texto al 741741" in visible_text(crisis)
    assert ("text", "sms:988?body=AYUDA") in _buttons(crisis) and ("call", "tel:988") in _buttons(crisis)
    assert "tel:741741" not in crisis  # it takes no calls
    bar = (site / "index.html").read_text(encoding="utf-8").split('<aside class="guide-crisis-bar"', 1)[1].split("</aside>", 1)[0]
    links = {html_lib.unescape(href): text for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', bar)}
    assert links.get("tel:988") == "Llame al 988 y oprima 2", links
    assert "sms:988?body=AYUDA" in links and "tel:911" in links, links
