"""Every package the generator needs at run time is declared in pyproject.toml and pinned in
requirements.txt: a `pip install .` without extras is enough to check, build and measure a guide.

What the generator needs is read from its code, not written down by hand: every `import` and
`from ... import` in generator/ (by AST, top-level module names; `importlib.import_module("x")` and
`importlib.util.find_spec("x")` with a literal name too), plus the theme mkdocs.yml names, mapped to
the distributions that provide them through importlib.metadata. `make test-install` then installs
the project into a fresh virtual environment without extras and runs `check` and a build."""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import yaml

from helpers import ROOT

GENERATOR = ROOT / "generator"
# Declared, and needed, though generator/ never imports them by name; each with where it is used.
USED_WITHOUT_IMPORT = {
    "mkdocs-material": "the theme mkdocs.yml names (theme: name: material), loaded by MkDocs",
}


def normalized(name: str) -> str:
    """A distribution's name as the package index compares them (PEP 503): PyYAML → pyyaml."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> dict[str, str]:
    """[project].dependencies of pyproject.toml: normalized name → the requirement as written."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {normalized(re.match(r"[A-Za-z0-9._-]+", spec).group()): spec for spec in project["dependencies"]}


def pinned() -> dict[str, str]:
    """requirements.txt: normalized name → its exact version."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[normalized(name)] = version
    return pins


def imported_modules(folder: Path = GENERATOR) -> dict[str, set[str]]:
    """Top-level names of the modules the code in ``folder`` imports, each with the files that do,
    leaving out the standard library and the generator itself."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        where = path.relative_to(folder.parent).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=where)):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in ("import_module", "find_spec")
                  and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                names = [node.args[0].value]
            for name in names:
                top = name.split(".")[0]
                if top and top != "generator" and top not in sys.stdlib_module_names:
                    found.setdefault(top, set()).add(where)
    return found


def theme_distribution() -> str:
    """The distribution that provides the theme mkdocs.yml names (MkDocs finds themes by entry point)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    theme = config["theme"]["name"] if isinstance(config["theme"], dict) else config["theme"]
    (entry,) = importlib.metadata.entry_points(group="mkdocs.themes", name=theme)
    return normalized(entry.dist.name)


@functools.cache
def needed() -> dict[str, set[str]]:
    """Each distribution the generator needs at run time → what needs it (files, or mkdocs.yml)."""
    providers = importlib.metadata.packages_distributions()
    needs: dict[str, set[str]] = {}
    for module, files in imported_modules().items():
        for dist in providers.get(module, [f"<no installed distribution provides `{module}`>"]):
            needs.setdefault(normalized(dist), set()).update(f"{f} imports {module}" for f in files)
    needs.setdefault(theme_distribution(), set()).add("mkdocs.yml names its theme")
    return needs


def test_every_package_the_generator_imports_is_a_declared_dependency():
    undeclared = {dist: uses for dist, uses in needed().items() if dist not in declared()}
    assert not undeclared, "pyproject.toml's [project].dependencies lacks what the generator needs at run time:\n" + "\n".join(
        f"  {dist}: {'; '.join(sorted(uses)[:3])}" for dist, uses in sorted(undeclared.items()))


def test_every_declared_dependency_is_needed_and_pinned():
    needs, pins = needed(), pinned()
    unused = sorted(set(declared()) - set(needs) - set(USED_WITHOUT_IMPORT))
    assert not unused, (f"declared in pyproject.toml but nothing in generator/ imports them: {unused}; remove them, "
                        "or name where they are used in USED_WITHOUT_IMPORT")
    unpinned = sorted(set(declared()) - set(pins))
    assert not unpinned, f"declared in pyproject.toml but not pinned in requirements.txt (make lock): {unpinned}"


def test_the_readability_command_needs_no_extra():
    """`generator readability` is a user command, so textstat is a run-time dependency, at the pinned
    version that works offline (0.7.9 and later download NLTK data at run time)."""
    assert declared()["textstat"] == "textstat==0.7.8" and pinned()["textstat"] == "0.7.8"


def test_the_import_scan_finds_an_undeclared_import(tmp_path):
    """The scan sees every form of import the generator uses, and leaves out the standard library
    and the generator's own modules, so the tests above can fail."""
    (tmp_path / "mod.py").write_text(
        "import os, json\nimport PIL.Image\nfrom babel.dates import format_date\nfrom . import sibling\n"
        "from generator.guide import brand\nimport importlib\nimportlib.util.find_spec('zensical')\n"
        "def later():\n    import textstat\n", encoding="utf-8")
    assert set(imported_modules(tmp_path)) == {"PIL", "babel", "zensical", "textstat"}
