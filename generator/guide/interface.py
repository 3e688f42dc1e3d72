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
interface.yml`` for every edition, ``clinics/<n>/content/<lang>/interface.yml`` for one language) may
only hold keys the English table has, and only its fill-ins: anything else is an error in that file.
The tables are layered like the rest of an edition (layers.py), key by key: a key the translation
lacks is a completeness warning, and the English text is shown (never another translation's); a text
word for word another translation's is a warning too (copied, not yet translated).

Every text is plain text: templates escape it where they print it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem, display_path
from ..source.yaml_reader import Path_, YamlDocument, format_field_path
from .languages import identical_texts
from .layers import ENGLISH, Layer, Provenance, edition_layers  # ENGLISH: also the pipeline's, from here

INTERFACE_FILE = "interface.yml"
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
FILL_IN = re.compile(r"\{([^{}]*)\}")
FILL_IN_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
WORD = re.compile(r"[^\W\d_]*[a-zà-ÿ]{2}")  # a word to translate, not a code such as "A4" or "PDF"

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


def _read(path: Path, sources) -> tuple[YamlDocument | None, dict[Path_, str], list[Problem]]:
    doc, problems = sources.yaml(path)
    if doc is None:
        return None, {}, problems
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


def load_interface(content_dir: Path, language: str, clinic_dir: Path | None = None,
                   root: Path | None = None) -> tuple[Interface | None, list[Problem]]:
    """The table for ``language``, layered as an edition's stack (layers.py): English, the language's
    own, the clinic's, the clinic's for the language. Returns the Interface (None if there were
    errors) and the errors."""
    from .sources import Sources

    layers = edition_layers(content_dir, clinic_dir, language)
    interface, problems, _ = layered_interface(layers, language, Sources(root))
    return interface, problems


def layered_interface(layers: list[Layer], language: str, sources, others: dict[str, Path] | None = None,
                      first_language: str | None = None) -> tuple[Interface | None, list[Problem], dict[str, Provenance]]:
    """The interface table of one edition: each layer's table over the ones below, key by key (the
    "fields" rule), each text with its provenance. ``others``: the other translations' tables by
    language, to warn of a text copied from one; ``first_language``: the clinic's, whose words its
    tables for every edition are taken to be in. Returns the Interface (None on errors), the
    errors, and each key's provenance."""
    english_path = layers[0].folder / INTERFACE_FILE
    root = sources.root
    if not english_path.is_file():
        return None, [Problem(display_path(english_path, root), 1, 1, "", "required content file is missing "
                                                                          "(the English interface table)")], {}
    english_doc, english, problems = _read(english_path, sources)
    texts, warnings = dict(english), []
    provenance = {format_field_path(at): Provenance(layers[0].name, english_doc.origin(at), "ours") for at in english}
    given: dict[Layer, tuple[YamlDocument, dict[Path_, str]]] = {}
    for layer in layers[1:]:
        path = layer.folder / INTERFACE_FILE
        if not path.is_file():
            if layer.is_translation:
                warnings.append(Problem(display_path(path, root), 1, 1, "", f"no interface table for {language!r}: "
                                                                            "every interface text is shown in English"))
            continue
        doc, layer_texts, found = _read(path, sources)
        found += _against_english(doc, layer_texts, english) if doc is not None else []
        problems += found
        if doc is None:
            continue
        given[layer] = (doc, layer_texts)
        change = "translated" if layer.is_translation else "changed"
        for at, text in layer_texts.items():
            if at in english:
                texts[at] = text
                provenance[format_field_path(at)] = Provenance(layer.name, doc.origin(at), change)
    warnings += _incomplete(layers, given, english, language, others or {}, first_language, sources)
    if problems:
        return None, problems, {}
    return Interface(language, _nest(texts), tuple(warnings)), [], provenance


def _incomplete(layers: list[Layer], given: dict, english: dict[Path_, str], language: str,
                others: dict[str, Path], first_language: str | None, sources) -> list[Problem]:
    """Warnings for what is not in the edition's language: a key its translation lacks (English is
    shown), a text word for word another translation's, a clinic's text for every edition left
    unworded in a language other than the clinic's first."""
    warnings = []
    root = sources.root
    for layer, (doc, texts) in given.items():
        if layer.is_translation:
            for at in english:
                if at not in texts:
                    warnings.append(Problem(display_path(doc.path, root), 1, 1, format_field_path(at),
                                            f"not translated into {language!r} yet; the English text is shown"))
                elif texts[at] == english[at] and WORD.search(texts[at]):
                    warnings.append(doc.problem(at, f"the English text, word for word: not translated into {language!r} "
                                                    "yet? (a text that is the same in both languages may stay)"))
            tables = {}
            for other, path in others.items():
                if other != language and path.is_file():
                    other_doc, other_texts, found = _read(path, sources)
                    if other_doc is not None and not found:
                        tables[other] = other_texts
            for at, other in identical_texts(texts, tables, english).items():
                warnings.append(doc.problem(at, f"the same words as {display_path(others[other], root)} ({other!r}): "
                                                f"translate it into {language!r} from the English table "
                                                f"(content/{INTERFACE_FILE}: {english[at]!r})"))
    clinic_all = next((layer for layer in given if layer.is_clinic and layer.language is None), None)
    if clinic_all is not None and first_language is not None and language != first_language:
        doc, texts = given[clinic_all]
        own = next((t for layer, (_, t) in given.items() if layer.is_clinic and layer.language == language), {})
        for at in texts:
            if at not in own:
                warnings.append(doc.problem(at, (
                    f"this text is for every edition, so the {language!r} edition shows it as written here; to word it "
                    f"in {language!r}, set it in {display_path(clinic_all.folder / language / INTERFACE_FILE, root)}")))
    return warnings


def interface_schema(english: Table) -> dict:
    """A JSON Schema for every interface table, made from the English one: its keys and no others,
    none required (a translation may be partial), so an editor completes the keys as one types."""
    def section(table: Table) -> dict:
        properties = {key: section(value) if isinstance(value, dict) else {"type": "string", "minLength": 1,
                                                                          "description": f"English: {value}"}
                      for key, value in table.items()}
        return {"type": "object", "properties": properties, "additionalProperties": False}

    return section(english)
