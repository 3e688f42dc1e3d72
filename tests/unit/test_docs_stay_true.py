"""The guides for people (README, FORKING, TRANSLATING) stay true to the repository: every file
path they name exists, every `make` target they name is in the Makefile, every link within them
leads somewhere, and every measured figure comes with the command that prints it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT

DOCS = ("README.md", "FORKING.md", "TRANSLATING.md")
# Paths that are examples of what a user creates, or what a command writes, not files of the
# repository; each, and everything under it, is let through.
NOT_IN_THE_REPOSITORY = {
    "clinics/my-clinic": "the clinic a reader makes with new-clinic (FORKING.md's running example)",
    "clinics/NAME": "a clinic's folder, by any name",
    "content/en": "an English folder a translator may add for English only words (FORKING.md)",
    "content/fr": "a new language's folder (TRANSLATING.md's example)",
    "content/pages/x.yml": "an error message's file, made up to show its form",
    ".venv": "made by make (the pinned packages)",
    "node_modules": "made by make vnu",
    "site": "what make build writes",
    "pdf": "what make pdf writes",
    "dist": "what make offline writes",
    "build": "what generator render writes in the README's example",
    ".cache": "the compiled templates a build keeps",
    "CLINIC": "the file a fork writes to choose its clinic",
}
# Text that names a number with a unit but is a limit or a target, not a measurement.
LIMIT = re.compile(r"\b(?:over|under|at most|at least|up to|budget is|target|limit|within)\s*$|(?:<=|≤)\s*$")
FIGURE = re.compile(r"(?<![\w.-])\d+(?:\.\d+)? ?(?:s|ms|KiB|KB|MB|x|%)(?![\w/])")
# The commands that print figures, each as the docs name it.
FIGURE_COMMANDS = re.compile(r"`(?:make (?:bench|bench-pdf|readability|test|test-fast)\b[^`]*"
                             r"|[^`]*benchmarks/\w+\.py[^`]*)`|benchmarks/\w+\.py")


def measured(text: str) -> list[str]:
    """The times and sizes in ``text`` that are measurements (not limits such as "files over 1 MB")."""
    return [m.group(0) for m in FIGURE.finditer(text) if not LIMIT.search(text[max(0, m.start() - 20):m.start()])]


def top_level() -> set[str]:
    """The names at the top of the repository: what a repository path starts with."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    return {path.split("/")[0] for path in tracked} | {name.split("/")[0] for name in NOT_IN_THE_REPOSITORY}


def named_paths(text: str) -> list[tuple[int, str]]:
    """(line, path) for every repository path the text names: in code, in a link or in prose, a
    path that starts with a name at the top of the repository (content/..., generator/...,
    .github/..., mkdocs.yml); `file:line:column` suffixes and trailing punctuation left off."""
    tops = "|".join(re.escape(name) for name in sorted(top_level(), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w/.<>$=-])((?:{tops})(?:/[^\s`'\"()\[\],;|]*)?)(?![\w.-]*\()")
    files = {name for name in top_level() if not (ROOT / name).is_dir()}
    found = []
    for match in pattern.finditer(text):
        path = re.sub(r"(?::\d+)+$", "", match.group(1).rstrip(".:")).rstrip(".:")
        if "/" in path or path in files:  # a bare word such as "site" or "content" is prose
            found.append((text.count("\n", 0, match.start()) + 1, path))
    return found


def path_exists(path: str) -> bool:
    if any(path == example or path.startswith(example + "/") for example in NOT_IN_THE_REPOSITORY):
        return True
    if re.search(r"[<{*]", path):  # a pattern (content/<lang>/, tests/js/*.test.js): what is fixed must exist
        fixed = re.split(r"[<{]", path)[0]
        return any(ROOT.glob(fixed)) if "*" in fixed else (ROOT / fixed).exists() or any(ROOT.glob(fixed + "*"))
    return (ROOT / path).exists()


def code_of(text: str) -> list[tuple[int, str]]:
    """(line, code) for every code span and every line of an indented code block."""
    found = [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in re.finditer(r"`([^`\n]+)`", text)]
    found += [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.startswith("    ")]
    return found


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {target for line in re.findall(r"^([\w./$() -]+):(?!=)", text, re.MULTILINE) for target in line.split()}


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_a_guide_names_exists(doc):
    missing = [f"{doc}:{line}: {path}" for line, path in named_paths((ROOT / doc).read_text(encoding="utf-8"))
               if not path_exists(path)]
    assert not missing, "paths that do not exist (fix the text, or list an example in NOT_IN_THE_REPOSITORY):\n" + "\n".join(missing)


@pytest.mark.parametrize("doc", DOCS)
def test_every_make_target_a_guide_names_exists(doc):
    targets = make_targets()
    unknown = [f"{doc}:{line}: make {target}" for line, code in code_of((ROOT / doc).read_text(encoding="utf-8"))
               for target in re.findall(r"(?:^|[\s;&|(])make ((?:[\w.-]+(?: |$))+)", code) for target in target.split()
               if target not in targets]
    assert not unknown, "make targets the Makefile does not have:\n" + "\n".join(unknown)


@pytest.mark.parametrize("doc", DOCS)
def test_every_link_within_the_repository_leads_somewhere(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    anchors = {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
               for heading in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}
    broken = []
    for line, target in ((text.count("\n", 0, m.start()) + 1, m.group(1)) for m in re.finditer(r"\]\(([^)\s]+)\)", text)):
        if re.match(r"[a-z]+:", target):  # https:, mailto:, and the guide's own page: links in examples
            continue
        path, _, anchor = target.partition("#")
        if path and not (ROOT / path).exists():
            broken.append(f"{doc}:{line}: {target}")
        elif not path and anchor not in anchors:
            broken.append(f"{doc}:{line}: {target} (no such heading)")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("doc", DOCS)
def test_every_measured_figure_names_the_command_that_prints_it(doc):
    """A section that gives a time or a size names, somewhere in it, the command that printed it
    (`make bench`, benchmarks/plan_size.py...), so a reader can measure it again."""
    sections = re.split(r"^(?=#+ )", (ROOT / doc).read_text(encoding="utf-8"), flags=re.MULTILINE)
    unsourced = []
    for section in sections:
        figures = measured(section)
        if figures and not FIGURE_COMMANDS.search(section):
            unsourced.append(f"{section.splitlines()[0]}: {', '.join(figures[:5])}")
    assert not unsourced, "figures with no command that prints them:\n" + "\n".join(unsourced)


def test_the_checks_find_what_is_wrong():
    """Each check above can fail: a made-up path, target, anchor and figure are each found."""
    text = ("See tests/quality.py and `generator/nowhere.py`, run `make no-such-target`, read [this](#nowhere).\n\n"
            "## Speed\n\nIt builds in 0.86 s; files over 1 MB are refused.\n")
    assert [path for _, path in named_paths(text) if not path_exists(path)] == ["tests/quality.py", "generator/nowhere.py"]
    assert [t for _, code in code_of(text) for t in re.findall(r"make ([\w.-]+)", code)] == ["no-such-target"]
    assert "no-such-target" not in make_targets() and {"test", "test-fast", "vnu", "test-install"} <= make_targets()
    assert measured(text) == ["0.86 s"] and not FIGURE_COMMANDS.search(text)
