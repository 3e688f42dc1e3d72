"""A third language added as TRANSLATING.md says (French, or the next that the guide lacks: its code in site.yml's languages, a
site.yml of its words, the English interface table copied and two texts translated): the checks of
the fast tier pass with it (check and render), the warnings name what is not translated yet, what it
lacks is shown in English, and no word of another translation (Spanish) reaches a French page.
Nothing here names the guide's other languages: whatever they are, they are read from site.yml."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from generator.guide.assemble import load_guides
from helpers import cli

# The new language: the first of these the guide does not have yet, with its words for the stub:
# site.yml's name, title, description, copyright and crisis intro, and two interface texts.
CANDIDATES = {
    "fr": ("Guide d'intégration de la kétamine", "Tirer le meilleur du traitement : un guide pour les patients",
           "Un guide gratuit et simple pour les patients.", "© 2026 Les contributeurs du guide. Code source ouvert.",
           "Si vous pensez à vous faire du mal, demandez de l'aide maintenant.",
           {("crisis", "need_help"): "Besoin d'aide maintenant ?", ("page", "sources"): "Sources citées"}),
    "de": ("Leitfaden zur Ketamin-Integration", "Das Beste aus der Behandlung machen: ein Leitfaden für Patienten",
           "Ein kostenloser, einfacher Leitfaden für Patienten.", "© 2026 Die Mitwirkenden des Leitfadens. Quelloffen.",
           "Wenn Sie daran denken, sich etwas anzutun, holen Sie sich jetzt Hilfe.",
           {("crisis", "need_help"): "Brauchen Sie jetzt Hilfe?", ("page", "sources"): "Zitierte Quellen"}),
    "it": ("Guida all'integrazione della ketamina", "Trarre il meglio dal trattamento: una guida per i pazienti",
           "Una guida gratuita e semplice per i pazienti.", "© 2026 I collaboratori della guida. Codice aperto.",
           "Se pensa di farsi del male, chieda aiuto adesso.",
           {("crisis", "need_help"): "Ha bisogno di aiuto adesso?", ("page", "sources"): "Fonti citate"}),
}


def _add_language(project: Path, start_from: str = "interface.yml") -> str:
    """The stub of TRANSLATING.md's "Adding a language", steps 1 to 3; ``start_from``: the table
    copied. Returns the new language's code."""
    content = project / "content"
    site = content / "site.yml"
    text = site.read_text(encoding="utf-8")
    ours = yaml.safe_load(text)
    NEW = next(code for code in CANDIDATES if code not in ours["languages"])
    languages = ", ".join([*ours["languages"], NEW])
    site.write_text(re.sub(r"(?m)^languages: \[.*\]", f"languages: [{languages}]", text), encoding="utf-8")  # step 1
    lines = "".join(f"    - id: {line['id']}\n      name: {line['name']}\n" for line in ours["crisis"]["lines"])
    (content / NEW).mkdir()
    name, title, description, copyright, intro, _ = CANDIDATES[NEW]
    (content / NEW / "site.yml").write_text(  # step 2
        "# yaml-language-server: $schema=../../schemas/site.schema.json\n"
        f"name: {json.dumps(name)}\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n"
        f"copyright: {json.dumps(copyright)}\ncrisis:\n  intro: {json.dumps(intro)}\n  lines:\n{lines}", encoding="utf-8")
    table = (content / start_from).read_text(encoding="utf-8")  # step 3: the English table, its schema line moved
    table = table.replace("$schema=../schemas/", "$schema=../../schemas/", 1)
    data = yaml.safe_load(table)
    for (section, key), words in CANDIDATES[NEW][-1].items():
        table = table.replace(f'  {key}: "{data[section][key]}"', f'  {key}: "{words}"', 1)
    (content / NEW / "interface.yml").write_text(table, encoding="utf-8")
    return NEW


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-záéíóúñü]{4,}", text.lower()))


def test_a_third_language_checks_and_renders_with_every_gap_named(project_copy):
    NEW = _add_language(project_copy)
    checked = cli("check", cwd=project_copy)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.rstrip().endswith(f", {NEW}; all pages render"), checked.stdout
    stderr = checked.stderr
    assert f"warning: content/{NEW}/pages/about.yml:1:1: the page 'about' is not translated into '{NEW}' yet; " \
           "the English one (content/pages/about.yml) is shown" in stderr
    assert f"warning: content/{NEW}/notices.yml:1:1: not translated into '{NEW}' yet: content/notices.yml is shown " \
           "in English" in stderr
    untranslated = [row for row in stderr.splitlines() if row.startswith(f"warning: content/{NEW}/interface.yml:")]
    assert any(f": crisis.more_ways: the English text, word for word: not translated into '{NEW}' yet?" in row
               for row in untranslated), stderr[-3000:]
    assert not any("crisis.need_help" in row for row in untranslated)  # translated
    assert "the same words as" not in stderr  # started from the English table: nothing copied from a translation
    rendered = cli("render", "--out", "out", cwd=project_copy)
    assert rendered.returncode == 0, rendered.stderr
    assert (project_copy / "out" / NEW / "index.md").is_file()


def test_what_a_new_language_lacks_is_shown_in_english_never_in_another_translation(project_copy):
    NEW = _add_language(project_copy)
    guides = {guide.site.language: guide for guide in load_guides(project_copy / "content")}
    english, new = guides["en"], guides[NEW]  # English: the bottom layer, whatever the languages
    assert new.ui["crisis"]["need_help"] == CANDIDATES[NEW][-1][("crisis", "need_help")]
    assert new.ui["crisis"]["more_ways"] == english.ui["crisis"]["more_ways"]
    assert [p.title for p in new.pages] == [p.title for p in english.pages]
    assert new.notices == english.notices and new.site.crisis.lines[0].how == english.site.crisis.lines[0].how
    assert cli("render", "--out", "out", cwd=project_copy).returncode == 0
    out = project_copy / "out"
    first = next(iter(guides))  # at the root of the site, each other language in its folder
    ours = "\n".join(path.read_text(encoding="utf-8") for path in out.rglob("*.md")
                     if path.relative_to(out).parts[0] not in guides)  # the first language's pages
    others = [out / code for code in guides if code not in (first, NEW)]
    assert others, "the guide has another translation to tell apart from the new one"
    for other in others:
        theirs = "\n".join(path.read_text(encoding="utf-8") for path in other.rglob("*.md"))
        only_theirs = _words(theirs) - _words(ours)  # words of that translation that the first language never shows
        for page in (out / NEW).rglob("*.md"):
            shown = _words(page.read_text(encoding="utf-8")) & only_theirs
            assert not shown, (page.relative_to(out), other.name, sorted(shown)[:10])


def test_a_table_copied_from_another_translation_is_warned_of_text_by_text(project_copy):
    other = next(code for code in yaml.safe_load((project_copy / "content/site.yml").read_text())["languages"][1:])
    NEW = _add_language(project_copy, start_from=f"{other}/interface.yml")
    shutil.copy(project_copy / "content" / other / "interface.yml", project_copy / "content" / NEW / "interface.yml")
    checked = cli("check", cwd=project_copy)
    assert checked.returncode == 0, checked.stderr
    copied = [row for row in checked.stderr.splitlines()
              if row.startswith(f"warning: content/{NEW}/interface.yml:") and f"the same words as content/{other}/interface.yml" in row]
    assert len(copied) > 50, checked.stderr[-2000:]
    assert any(f"crisis.more_ways: the same words as content/{other}/interface.yml ('{other}'): translate it into "
               f"'{NEW}' from the English table" in row for row in copied)
