"""``python -m generator new-clinic FOLDER --name NAME``: a new clinic folder, ready to build.

It holds a brand.yml with every key explained (its languages, ``--languages``, and a footer in the
first of them), example change files (all commented out, so they change nothing until edited) and a
placeholder logo and favicon made from the name's initials, each written from its template in
templates/scaffold/. Values are written as JSON strings, which
are valid double-quoted YAML, so a name with quotes, a colon or a # is kept exactly. A name is one
line of visible text: a line break in it would end the comment it is quoted in and start a live key
(``--name $'Clinic\nsite_url: "https://…"'``), so control characters, line and paragraph separators
and the hidden characters of source/characters.py are refused before anything is written.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import jinja2

from ..guide.brand import OUR_COLOURS, initials
from ..guide.interface import fill, load_interface
from ..guide.layers import ENGLISH
from ..guide.locale import is_known_language
from ..problems import ContentError, Problem
from ..source.characters import hidden_characters
from .owned_folders import create_tree


class ScaffoldError(Exception):
    """The name given cannot be a clinic's name (an existing folder raises FolderExists)."""


SCAFFOLD = {  # file in the new folder: its template in templates/scaffold/
    "brand.yml": "brand.yml.j2",
    "content/README.md": "content/README.md.j2",
    "content/practices.yml": "content/practices.yml.j2",
    "content/pages.yml": "content/pages.yml.j2",
    "assets/logo.svg": "logo.svg.j2",
    "assets/favicon.svg": "logo.svg.j2",
}


def _schema_line(folder: Path, relative_depth: str, kind: str) -> str:
    """The editor hint pointing at our schema, if the folder sits inside this project."""
    schemas = Path.cwd() / "schemas"
    if not schemas.is_dir():
        return ""
    target = os.path.relpath(schemas / f"{kind}.schema.json", (folder / relative_depth).resolve())
    return f"# yaml-language-server: $schema={Path(target).as_posix()}\n"


def clinic_files(folder: Path, name: str, templates_dir: Path, languages: Sequence[str] = (ENGLISH,),
                 content_dir: Path | None = None) -> dict[str, str]:
    """The new folder's files; its footer in the clinic's first language (our interface table for it,
    ``clinic.edition_footer``; English where we have none)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir / "scaffold")), undefined=jinja2.StrictUndefined,
                             # escaped, but for YAML: there every value goes through `yaml` (a JSON scalar)
                             autoescape=jinja2.select_autoescape(disabled_extensions=("yml.j2",), default=True),
                             keep_trailing_newline=True)
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)  # a YAML scalar that reads back exactly
    content_dir = content_dir or templates_dir.parent / "content"
    interface, problems = load_interface(content_dir, languages[0])
    if interface is None:
        raise ContentError(problems)
    values = {"name": name, "folder": folder.as_posix(), "colours": OUR_COLOURS, "colour": OUR_COLOURS.primary,
              "footer": fill(interface.table["clinic"]["edition_footer"], clinic=name), "initials": initials(name),
              "languages": list(languages), "schema_line": lambda depth, kind: _schema_line(folder, depth, kind)}
    return {path: env.get_template(template).render(**values) for path, template in SCAFFOLD.items()}


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a clinic's name, or None: it must be one line of visible text."""
    if not name.strip():
        return "--name is empty; give the clinic's name as patients know it"
    for char in name:
        if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            return (f"--name holds a control character or line break (U+{ord(char):04X}); the name is one line of text, "
                    "as patients see it")
    for _, what in hidden_characters(name):
        return f"--name holds {what}"
    return None


def scaffold_languages(option: str | None) -> list[str]:
    """``--languages es`` or ``--languages en,es``: the codes, each one Babel knows, each once."""
    codes = [code.strip() for code in (option or ENGLISH).split(",") if code.strip()] or [ENGLISH]
    for code in codes:
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Z]{2})?", code) or not is_known_language(code):
            raise ContentError([Problem("--languages", 1, 1, "", f"unknown language {code!r}: use codes Babel knows, "
                                                                 "such as en, es, fr or pt-BR, separated by commas")])
    if len(set(codes)) != len(codes):
        raise ContentError([Problem("--languages", 1, 1, "", "each language once")])
    return codes


def create_clinic(folder: Path, name: str, templates_dir: Path, languages: Sequence[str] = (ENGLISH,),
                  content_dir: Path | None = None) -> None:
    """Create ``folder`` with a brand file and examples; refuse if it already exists or the name is not
    one line of visible text (nothing is written then)."""
    problem = name_problem(name)
    if problem:
        raise ScaffoldError(problem)
    create_tree(clinic_files(folder, name, templates_dir, languages, content_dir), folder)
