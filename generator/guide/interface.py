"""The interface catalog: every word a patient sees that is not the guide's content (the crisis
bar, "Sources", "Page last reviewed", button labels, PDF titles, the offline and print scripts'
messages), one table per language.

We use YAML string tables, not gettext catalogs: one format, one validator and one overlay for every
word a patient sees (a clinic changes a label the way it changes a page), no compile step, and the
browser scripts read the same table as JSON. The English table, ``content/interface.yml``, is the
reference: sections of keys, each key a plain text, with ``{name}`` fill-ins::

    footer:
      reviewed_by: "Reviewed by {name}"

Another language's table (``content/<lang>/interface.yml``) and a clinic's (``clinics/<n>/content/
interface.yml`` for English, ``clinics/<n>/content/<lang>/interface.yml`` for a language) may only
hold keys the English table has, and only its fill-ins: anything else is an error in that file. A key
the translation lacks is a completeness warning, and the English text is used.

Every text is plain text: templates escape it where they print it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem, display_path
from ..source.yaml_reader import Path_, YamlDocument, YamlLoadError, format_field_path, load_yaml

INTERFACE_FILE = "interface.yml"
ENGLISH = "en"
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
FILL_IN = re.compile(r"\{([^{}]*)\}")
FILL_IN_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

Table = dict  # nested: section -> key -> text (or a deeper section)


@dataclass(frozen=True)
class Interface:
    """One language's table, complete (English fills what a translation lacks), and what was missing."""

    language: str
    table: Table
    warnings: tuple[Problem, ...] = field(default_factory=tuple)


def fill_ins(text: str) -> list[str]:
    """The ``{name}`` fill-ins of a catalog text, in order."""
    return FILL_IN.findall(text)


def fill(text: str, **values: object) -> str:
    """A catalog text with its ``{name}`` fill-ins replaced; a fill-in not given is an error, so a
    template that forgets one fails the build instead of printing braces to a patient."""
    def one(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"the text {text!r} needs the fill-in {{{name}}}; pass it: fill({name}=...)")
        return str(values[name])

    return FILL_IN.sub(one, str(text))


def _flatten(doc: YamlDocument) -> tuple[dict[Path_, str], list[Problem]]:
    """Every text of a table by its key path; problems where the shape is not sections of keys and texts."""
    texts: dict[Path_, str] = {}
    problems: list[Problem] = []

    def walk(value, at: Path_) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if not isinstance(key, str) or not KEY.match(key):
                    problems.append(doc.problem(at + (str(key),), "a key is lower-case letters, digits and _ "
                                                                  "(starting with a letter), e.g. need_help"))
                    continue
                walk(inner, at + (key,))
        elif len(at) < 2:
            problems.append(doc.problem(at, "expected sections of keys, each key with its text "
                                            "(e.g. crisis: {need_help: 'Need help now?'})"))
        elif isinstance(value, str) and value.strip():
            for name in fill_ins(value):
                if not FILL_IN_NAME.match(name):
                    problems.append(doc.problem(at, f"{{{name}}} is not a fill-in: a fill-in is a name in braces, "
                                                    "such as {name}"))
            texts[at] = value.strip()
        else:
            problems.append(doc.problem(at, "expected a text (in quotes if it holds a colon) or a section of keys"))

    if doc.data == {}:
        return texts, problems
    walk(doc.data, ())
    return texts, problems


def _read(path: Path, root: Path | None) -> tuple[YamlDocument | None, dict[Path_, str], list[Problem]]:
    try:
        doc = load_yaml(path, root=root)
    except YamlLoadError as exc:
        return None, {}, exc.problems
    texts, problems = _flatten(doc)
    return doc, texts, problems


def _against_english(doc: YamlDocument, texts: dict[Path_, str], english: dict[Path_, str]) -> list[Problem]:
    """A translation's or a clinic's table: only the English keys, and only their fill-ins."""
    problems = []
    for at, text in texts.items():
        if at not in english:
            problems.append(doc.problem(at, f"unknown key: content/{INTERFACE_FILE} (the English table) has no "
                                            f"{format_field_path(at)}; check its spelling there"))
            continue
        allowed = set(fill_ins(english[at]))
        for name in fill_ins(text):
            if name not in allowed:
                may = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "none"
                problems.append(doc.problem(at, f"unknown fill-in {{{name}}}: this text may use {may} "
                                                "(as the English text does)"))
    return problems


def _nest(texts: dict[Path_, str]) -> Table:
    table: Table = {}
    for at, text in texts.items():
        section = table
        for key in at[:-1]:
            section = section.setdefault(key, {})
        section[at[-1]] = text
    return table


def language_folder(content_dir: Path, language: str) -> Path:
    """Where a language's content lives: ``content/`` for English, ``content/<lang>/`` for the others."""
    return content_dir if language == ENGLISH else content_dir / language


def load_interface(content_dir: Path, language: str, clinic_dir: Path | None = None,
                   root: Path | None = None) -> tuple[Interface | None, list[Problem]]:
    """The table for ``language``: English, then the language's own, then the clinic's, each
    over the last. Returns the Interface (None if there were errors) and the errors."""
    english_path = content_dir / INTERFACE_FILE
    if not english_path.is_file():
        return None, [Problem(display_path(english_path, root), 1, 1, "", "required content file is missing "
                                                                          "(the English interface table)")]
    _, english, problems = _read(english_path, root)
    texts, warnings = dict(english), []
    layers = []
    if language != ENGLISH:
        own = language_folder(content_dir, language) / INTERFACE_FILE
        if own.is_file():
            layers.append(own)
        else:
            warnings.append(Problem(display_path(own, root), 1, 1, "", f"no interface table for {language!r}: every "
                                                                       "interface text is shown in English"))
    if clinic_dir is not None:
        layers.append(language_folder(clinic_dir / "content", language) / INTERFACE_FILE)
    translated: set[Path_] = set()
    for path in layers:
        if not path.is_file():
            continue
        doc, layer, found = _read(path, root)
        found += _against_english(doc, layer, english) if doc is not None else []
        problems += found
        texts.update((at, text) for at, text in layer.items() if at in english)
        translated.update(layer)
    own = language_folder(content_dir, language) / INTERFACE_FILE
    if language != ENGLISH and own.is_file():
        for at in english:
            if at not in translated:
                warnings.append(Problem(display_path(own, root), 1, 1, format_field_path(at),
                                        f"not translated into {language!r} yet; the English text is shown"))
    if problems:
        return None, problems
    return Interface(language, _nest(texts), tuple(warnings)), []


def interface_schema(english: Table) -> dict:
    """A JSON Schema for every interface table, made from the English one: its keys and no others,
    none required (a translation may be partial), so an editor completes the keys as one types."""
    def section(table: Table) -> dict:
        properties = {key: section(value) if isinstance(value, dict) else {"type": "string", "minLength": 1,
                                                                          "description": f"English: {value}"}
                      for key, value in table.items()}
        return {"type": "object", "properties": properties, "additionalProperties": False}

    return section(english)
