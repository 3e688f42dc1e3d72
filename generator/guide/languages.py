"""Our guide in another language, the layer "ours (<lang>)": ``content/<lang>/`` mirrors ``content/``
with the same file names and ids (layers.py merges its lists and folders by id), and here is what a
translation may hold, and what it leaves to ours.

- Its files are ours by name; any other file is an error naming the ones it may hold.
- ``site.yml`` is taken key by key (the "fields" rule): the guide's name, title, description,
  copyright and the crisis section's words (``intro``, ``emergency``; each line's ``name``,
  ``hours``, ``how`` and ``source``, by the line's id). The settings (``languages``, ``country``,
  ``crisis_page``, ``paper``) and the crisis lines' facts (numbers, keywords, chat, languages) are the
  same in every language: a translation that sets one differently is warned, and ours is kept.
  ``country_words`` add to ours (the words of our country in the language, to list for a clinic
  abroad).
- A text a translation lacks is shown in English, never in another translation, with a warning
  naming the file and the key or id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..problems import Problem, display_path
from ..schema.items import Crisis, CrisisLine
from ..source.yaml_reader import Path_, YamlDocument
from .overlay import FOLDERS, MergedDocument, merged

NOT_TRANSLATED = ("languages", "language", "crisis_page", "country", "paper")  # settings, the same in every language
SITE_WORDS = ("name", "short_name", "title", "description", "copyright")  # warned of when a translation lacks one
CRISIS_WORDS = ("intro", "emergency", "emergency_source")  # the crisis section's words and sources, per language
LINE_WORDS = ("name", "hours", "how", "source")  # a crisis line's words, and a source in the language


def unknown_files(folder: Path, known: set[str], root: Path | None) -> list[Problem]:
    """Files in a translation's folder that are not ours by name."""
    problems = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and path.name in FOLDERS or path.name in known or path.name.startswith(".") or path.suffix == ".md":
            continue
        problems.append(Problem(display_path(path, root), 1, 1, "", "unknown file in a translation; expected one of: "
                                + ", ".join(sorted(known | {f"{f}/" for f in FOLDERS}))))
    return problems


def translate_site(core: YamlDocument, translation: YamlDocument, language: str) -> tuple[MergedDocument, list[Problem]]:
    """Our site.yml with a translation's words taken key by key; warnings for what it lacks or may not set."""
    data, origins, warnings = dict(core.data), {}, []
    theirs = translation.data
    for key, value in theirs.items():
        if key in NOT_TRANSLATED:
            if value != core.data.get(key):
                warnings.append(translation.problem((key,), f"{key} is the same in every language: set it in {core.name}; "
                                                            "this value is ignored"))
        elif key == "country_words" and isinstance(value, dict) and isinstance(core.data.get(key), dict):
            data[key], inner = _added_words(core.data[key], value, translation)
            origins.update(inner)
        elif key == "crisis" and isinstance(value, dict) and isinstance(core.data.get(key), dict):
            data[key], inner, found = _crisis_words(core, translation, language)
            origins.update(inner)
            warnings += found
        else:
            data[key] = value
            origins[(key,)] = (translation, (key,))
    for key in SITE_WORDS:
        if key in core.data and key not in theirs:
            warnings.append(translation.problem((), f"{key}: not translated into {language!r} yet; the English one "
                                                    f"({core.where((key,))}) is shown"))
    if "crisis" not in theirs:
        warnings.append(translation.problem((), f"crisis: the crisis section's words are not translated into {language!r} "
                                                f"yet; the English ones ({core.where(('crisis',))}) are shown"))
    return merged(core, data, origins), warnings


def _added_words(ours: dict, theirs: dict, translation: YamlDocument) -> tuple[dict, dict]:
    """Each country's words, ours then the translation's (the "add" rule)."""
    words, origins = {country: list(listed or []) for country, listed in ours.items()}, {}
    for country, listed in theirs.items():
        if not isinstance(listed, list):
            words[country] = listed
            origins[("country_words", country)] = (translation, ("country_words", country))
            continue
        kept = words.setdefault(country, [])
        for j, word in enumerate(listed):
            if word not in kept:
                origins[("country_words", country, len(kept))] = (translation, ("country_words", country, j))
                kept.append(word)
    return words, origins


def _crisis_words(core: YamlDocument, translation: YamlDocument, language: str) -> tuple[dict, dict, list[Problem]]:
    """Our crisis section with the translation's words: its own fields, and each line's by id."""
    ours, theirs = core.data["crisis"], translation.data["crisis"]
    crisis, origins, warnings = dict(ours), {}, []
    for key, value in theirs.items():
        at = ("crisis", key)
        if key in CRISIS_WORDS or key not in Crisis.model_fields:
            crisis[key] = value  # a word, or a key no crisis section has (the schema names it, in the translation's file)
            origins[at] = (translation, at)
        elif key == "lines" and isinstance(value, list):
            crisis["lines"], inner, found = _line_words(core, translation, language)
            origins.update(inner)
            warnings += found
        elif value != ours.get(key):
            warnings.append(_fact(translation, at, core))
    if "intro" in ours and "intro" not in theirs:
        warnings.append(translation.problem(("crisis",), f"intro: not translated into {language!r} yet; the English "
                                                         f"one ({core.where(('crisis', 'intro'))}) is shown"))
    return crisis, origins, warnings


def _line_words(core: YamlDocument, translation: YamlDocument, language: str) -> tuple[list, dict, list[Problem]]:
    ours, theirs = core.data["crisis"].get("lines") or [], translation.data["crisis"]["lines"]
    by_id = {line.get("id"): (j, line) for j, line in enumerate(theirs) if isinstance(line, dict)}
    lines, origins, warnings = [], {}, []
    for i, line in enumerate(ours):
        here: Path_ = ("crisis", "lines", i)
        line_id = line.get("id") if isinstance(line, dict) else None
        if line_id not in by_id:
            warnings.append(translation.problem(("crisis", "lines"), f"the crisis line {line_id!r} is not translated into "
                                                                     f"{language!r} yet; the English one ({core.where(here)}) "
                                                                     "is shown"))
            lines.append(line)
            continue
        j, words = by_id[line_id]
        there: Path_ = ("crisis", "lines", j)
        line = dict(line)
        for key, value in words.items():
            if key in LINE_WORDS or key not in CrisisLine.model_fields:
                line[key] = value
                origins[here + (key,)] = (translation, there + (key,))
            elif value != line.get(key):
                warnings.append(_fact(translation, there + (key,), core))
        lines.append(line)
    for line_id, (j, _) in by_id.items():
        if line_id not in {line.get("id") for line in ours if isinstance(line, dict)}:
            warnings.append(translation.problem(("crisis", "lines", j, "id"), (
                f"the crisis line {line_id!r} is only in {language!r}: a crisis line's facts are the same in every "
                f"language, so add it in {core.name}; it is left out until then")))
    return lines, origins, warnings


def _fact(translation: YamlDocument, at: Path_, core: YamlDocument) -> Problem:
    return translation.problem(at, f"{at[-1]} is a fact of the crisis lines, the same in every language: set it in "
                                   f"{core.name}; this value is ignored")


def identical_texts(texts: dict[Any, str], others: dict[str, dict[Any, str]], english: dict[Any, str]) -> dict[Any, str]:
    """The texts of a translation that are word for word another translation's (and not English's, as
    "PDF" is in every language): most likely copied from that language and not translated yet.
    Returns each such key with the other language's code."""
    found = {}
    for key, text in texts.items():
        if text == english.get(key):
            continue
        for language, table in sorted(others.items()):
            if table.get(key) == text:
                found[key] = language
                break
    return found
