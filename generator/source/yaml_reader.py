"""Read YAML files safely, keeping the line and column of every value.

PyYAML's ``compose`` gives a node tree with marks; we turn it into plain Python data and a map
from each value's path (a tuple of keys and indices) to where it stands in the file. Dates stay
strings here so that a bad date becomes a schema error with a position, not a crash.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem, display_path
from ..schema.base import Origin
from .bounds import MAX_LIST_ITEMS, MAX_TEXT_CHARACTERS
from .characters import HIDDEN, hidden_characters
from .files import not_a_file, problem as file_problem

Path_ = tuple[str | int, ...]


class _GuideLoader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp type: dates are checked by the schema."""


_GuideLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# The same rules on libyaml's C parser where PyYAML has it: about ten times faster to compose,
# with the same line and column marks (the benchmark in benchmarks/ showed parsing as the
# largest part of generation).
_GuideComposer = _GuideLoader
if getattr(yaml, "__with_libyaml__", False):

    class _GuideComposer(yaml.CSafeLoader):  # type: ignore[no-redef]
        pass

    _GuideComposer.yaml_implicit_resolvers = _GuideLoader.yaml_implicit_resolvers


@dataclass
class YamlDocument:
    """A loaded file: its data, and where in the file each value came from."""

    path: Path
    name: str
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    literal_blocks: set[Path_] = field(default_factory=set)  # values written with `|`

    def position(self, at: Path_) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``at``, or of its nearest located parent."""
        for end in range(len(at), -1, -1):
            if at[:end] in self.marks:
                return self.marks[at[:end]]
        return (1, 1)

    def origin(self, at: Path_) -> Origin:
        """The file and line of the value at ``at``: what an item built from it remembers."""
        return Origin(self.name, self.position(at)[0])

    def where(self, at: Path_) -> str:
        """``file:line`` of the value at ``at``, for messages that point at a second place."""
        return f"{self.name}:{self.position(at)[0]}"

    def problem(self, at: Path_, message: str, offset: int | None = None) -> Problem:
        """A problem at the value ``at``; ``offset`` into a `|` text block narrows it to its line."""
        line, column = self.position(at)
        if offset is not None and at in self.literal_blocks:
            line, column = line + 1 + self._value(at).count("\n", 0, offset), 1
        return Problem(self.name, line, column, format_field_path(at), message)

    def _value(self, at: Path_):
        value = self.data
        for part in at:
            value = value[part]
        return value


def texts(data: Any, skip: frozenset[str] = frozenset(), at: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text in a document's data, with its path; values under a key in ``skip`` left out."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in skip:
                yield from texts(value, skip, at + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from texts(value, skip, at + (i,))
    elif isinstance(data, str):
        yield at, data


def format_field_path(at: Path_) -> str:
    """``('blocks', 2, 'items', 0)`` becomes ``blocks[2].items[0]``."""
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class YamlLoadError(Exception):
    """A file that cannot be used: ``problem`` is the first thing wrong, ``problems`` all of them."""

    def __init__(self, problem: Problem, *more: Problem):
        self.problem = problem
        self.problems = [problem, *more]
        super().__init__("\n".join(str(p) for p in self.problems))


# Limits that no content file comes near (the largest is about 20 KB, 6 levels deep), so that a
# hostile or broken file is refused at once, in bounded memory, instead of being expanded.
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 50
MAX_NODES = 200_000
ALLOWED_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}


def load_yaml(path: Path, root: Path | None = None) -> YamlDocument:
    """Load one YAML file; raise ``YamlLoadError`` with a located problem if it cannot be read."""
    name = display_path(path, root)
    if path.is_symlink():
        raise YamlLoadError(Problem(name, 1, 1, "", "this is a symbolic link; content files must be regular files "
                                                    "inside the project: copy the file here instead"))
    try:
        status = path.stat()
        if kind := not_a_file(status.st_mode):  # a named pipe would wait for a writer forever: never open one
            raise YamlLoadError(file_problem(path, kind, root))
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise YamlLoadError(Problem(name, 1, 1, "", f"the file is {size:,} bytes, more than any content file needs "
                                                        f"(at most {MAX_FILE_BYTES:,}); split it or remove what is not content"))
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlLoadError(Problem(name, 1, 1, "", f"the file cannot be read: {exc.strerror}")) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlLoadError(
            Problem(name, line, column, "", f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        ) from None
    try:
        node = yaml.compose(text, Loader=_GuideComposer)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "the text cannot be read as YAML"
        if exc.context and exc.context_mark and exc.problem_mark:
            start = exc.context_mark
            what += f" ({exc.context.removeprefix('while ')} that starts at line {start.line + 1}, column {start.column + 1})"
        raise YamlLoadError(Problem(name, line, column, "", f"YAML syntax error: {what}")) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise YamlLoadError(Problem(name, 1, 1, "", f"YAML syntax error: {exc}")) from None
    doc = YamlDocument(path=path, name=name, data=None)
    doc.data = {} if node is None else _Converter(doc).value(node, ())
    hidden = _hidden_characters(doc, text)
    if hidden:
        raise YamlLoadError(*hidden)
    return doc


def _hidden_characters(doc: YamlDocument, text: str) -> list[Problem]:
    """A problem at each bidirectional control or zero-width character (characters.py): where it is
    written, or, written as an escape (\\u202e) in a quoted text, at that text."""
    marks = sorted(doc.marks.items(), key=lambda mark: (mark[1], len(mark[0])))
    positions = [position for _, position in marks]
    problems, placed = [], set()
    for offset, what in hidden_characters(text, 1 if text.startswith("\ufeff") else 0):
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        index = bisect.bisect_right(positions, (line, column)) - 1
        at = marks[index][0] if index >= 0 else ()
        placed.add(at)
        in_comment = text[text.rfind("\n", 0, offset) + 1: offset].lstrip().startswith("#")
        problems.append(Problem(doc.name, line, column, "" if in_comment else format_field_path(at), what))
    for at, value in [*texts(doc.data), *_keys(doc.data)]:
        if at not in placed and HIDDEN.search(value):
            problems += [doc.problem(at, what) for _, what in hidden_characters(value)][:1]
    return problems


def _keys(data: Any, at: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every mapping key, with the path of the value it names."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield at + (key,), key
            yield from _keys(value, at + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _keys(value, at + (i,))


class _Converter:
    """Node tree → plain data with marks, refusing what content never needs: anchors and aliases
    (an alias 'bomb' of ten lines expands to billions of values), tags other than YAML's plain
    types (``!!python/name:``), nesting deeper than MAX_DEPTH and more than MAX_NODES values."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.constructor = _GuideLoader("")
        self.seen: set[int] = set()

    def refuse(self, node: yaml.Node, at: Path_, message: str) -> YamlLoadError:
        return YamlLoadError(Problem(self.doc.name, node.start_mark.line + 1, node.start_mark.column + 1,
                                     format_field_path(at), message))

    def check(self, node: yaml.Node, at: Path_) -> None:
        if id(node) in self.seen:
            raise self.refuse(node, at, "YAML anchors and aliases (& and *) are not supported; write the value out in full")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise self.refuse(node, at, f"the file holds more than {MAX_NODES:,} values, more than any content file needs")
        if len(at) > MAX_DEPTH:
            raise self.refuse(node, at, f"the values are nested more than {MAX_DEPTH} levels deep")
        if node.tag not in ALLOWED_TAGS:
            raise self.refuse(node, at, f"YAML tags such as {node.tag.replace('tag:yaml.org,2002:', '!!')!r} are not "
                                        "supported; remove the tag")

    def scalar(self, node: yaml.Node) -> Any:
        return self.constructor.construct_object(node)

    def value(self, node: yaml.Node, at: Path_) -> Any:
        self.check(node, at)
        doc = self.doc
        doc.marks[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key_at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise YamlLoadError(Problem(doc.name, *key_at, format_field_path(at), "YAML merge keys (<<) are not supported"))
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlLoadError(Problem(doc.name, *key_at, format_field_path(at), "a key must be a plain word, not a list or mapping"))
                self.check(key_node, at)
                key = str(self.scalar(key_node))
                if key in result:
                    raise YamlLoadError(
                        Problem(doc.name, *key_at, format_field_path(at + (key,)), "this key appears twice in the same mapping")
                    )
                result[key] = self.value(value_node, at + (key,))
                # A field's error points at the key that names it, which is where an author looks.
                doc.marks[at + (key,)] = key_at
            return result
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_LIST_ITEMS:
                raise self.refuse(node, at, f"the list has {len(node.value):,} items, more than a list of the guide may have "
                                            f"({MAX_LIST_ITEMS:,}); shorten it, or split it between pages")
            return [self.value(item, at + (i,)) for i, item in enumerate(node.value)]
        if node.style == "|":
            doc.literal_blocks.add(at)
        if len(node.value) > MAX_TEXT_CHARACTERS:
            raise self.refuse(node, at, f"the text has {len(node.value):,} characters, more than a text of the guide may "
                                        f"have ({MAX_TEXT_CHARACTERS:,}); split it into blocks, or between pages")
        return self.scalar(node)
