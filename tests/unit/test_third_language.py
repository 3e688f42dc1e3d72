"""A third language added as TRANSLATING.md says (here French: its code in site.yml's languages, a
site.yml of its words, the English interface table copied and two texts translated): the checks of
the fast tier pass with it (check and render), the warnings name what is not translated yet, what it
lacks is shown in English, and no word of another translation (Spanish) reaches a French page.
Nothing here names the guide's other languages: whatever they are, they are read from site.yml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator.guide.assemble import load_guides
from helpers import cli

NEW = "fr"
TRANSLATED = {("crisis", "need_help"): "Besoin d'aide maintenant ?", ("page", "sources"): "Sources citées"}


def _add_language(project: Path, start_from: str = "interface.yml") -> None:
    """The stub of TRANSLATING.md's "Adding a language", steps 1 to 3; ``start_from``: the table copied."""
    content = project / "content"
    site = content / "site.yml"
    text = site.read_text(encoding="utf-8")
    ours = yaml.safe_load(text)
    languages = ", ".join([*ours["languages"], NEW])
    site.write_text(re.sub(r"(?m)^languages: \[.*\]", f"languages: [{languages}]", text), encoding="utf-8")  # step 1
    lines = "".join(f"    - id: {line['id']}\n      name: {line['name']}\n" for line in ours["crisis"]["lines"])
    (content / NEW).mkdir()
    (content / NEW / "site.yml").write_text(  # step 2
        "# yaml-language-server: $schema=../../schemas/site.schema.json\n"
        "name: Guide d'intégration de la kétamine\n"
        "title: \"Tirer le meilleur du traitement à la kétamine : un guide pour les patients\"\n"
        "description: Un guide gratuit et simple pour les patients.\n"
        "copyright: \"© 2026 Les contributeurs du guide. Code source ouvert.\"\n"
        "crisis:\n  intro: |\n    Si vous pensez à vous faire du mal, demandez de l'aide maintenant.\n"
        f"  lines:\n{lines}", encoding="utf-8")
    table = (content / start_from).read_text(encoding="utf-8")  # step 3: the English table, its schema line moved
    table = table.replace("$schema=../schemas/", "$schema=../../schemas/", 1)
    data = yaml.safe_load(table)
    for (section, key), words in TRANSLATED.items():
        table = table.replace(f'  {key}: "{data[section][key]}"', f'  {key}: "{words}"', 1)
    (content / NEW / "interface.yml").write_text(table, encoding="utf-8")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-záéíóúñü]{4,}", text.lower()))


def test_a_third_language_checks_and_renders_with_every_gap_named(project_copy):
    _add_language(project_copy)
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
    _add_language(project_copy)
    guides = {guide.site.language: guide for guide in load_guides(project_copy / "content")}
    english, new = guides["en"], guides[NEW]
    assert new.ui["crisis"]["need_help"] == TRANSLATED[("crisis", "need_help")]
    assert new.ui["crisis"]["more_ways"] == english.ui["crisis"]["more_ways"]
    assert [p.title for p in new.pages] == [p.title for p in english.pages]
    assert new.notices == english.notices and new.site.crisis.lines[0].how == english.site.crisis.lines[0].how
    assert cli("render", "--out", "out", cwd=project_copy).returncode == 0
    out = project_copy / "out"
    ours = "\n".join(path.read_text(encoding="utf-8") for path in out.glob("*.md"))  # the first language's pages
    others = [folder for folder in out.iterdir() if folder.is_dir() and folder.name not in (NEW, "worksheets")]
    assert others, "the guide has another translation to tell apart from the new one"
    for other in others:
        theirs = "\n".join(path.read_text(encoding="utf-8") for path in other.rglob("*.md"))
        only_theirs = _words(theirs) - _words(ours)  # words of that translation that the first language never shows
        for page in (out / NEW).rglob("*.md"):
            shown = _words(page.read_text(encoding="utf-8")) & only_theirs
            assert not shown, (page.relative_to(out), other.name, sorted(shown)[:10])


def test_a_table_copied_from_another_translation_is_warned_of_text_by_text(project_copy):
    other = next(code for code in yaml.safe_load((project_copy / "content/site.yml").read_text())["languages"][1:])
    _add_language(project_copy, start_from=f"{other}/interface.yml")
    shutil.copy(project_copy / "content" / other / "interface.yml", project_copy / "content" / NEW / "interface.yml")
    checked = cli("check", cwd=project_copy)
    assert checked.returncode == 0, checked.stderr
    copied = [row for row in checked.stderr.splitlines()
              if row.startswith(f"warning: content/{NEW}/interface.yml:") and f"the same words as content/{other}/interface.yml" in row]
    assert len(copied) > 50, checked.stderr[-2000:]
    assert any(f"crisis.more_ways: the same words as content/{other}/interface.yml ('{other}'): translate it into "
               f"'{NEW}' from the English table" in row for row in copied)
