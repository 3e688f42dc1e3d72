"""What changed in an edition's content since the version a clinician signed off, in words.

The signed-off version is a git commit or tag (``signed_off:`` in a clinic's brand.yml, or
``--since``). Its content files are read with git (``git cat-file``, never a checkout), the files
on disk are read as they are now, and each side is merged the way a build merges them: our pages,
worksheets and id'd items, a translation's in its language, then the clinic's overlay (a file with
one of our ids replaces ours, ``remove:`` leaves one out). The edition's items are then compared
by id, so a change to one of our pages that the clinic replaces is not listed, and a change is
named as a reader would: "page 'about', en: changed: block 3 (text: 'Open source')".

The YAML is compared as data, not as text: a comment or a re-wrapped line is not a change.
"""

from __future__ import annotations

import difflib
import json
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ..guide.overlay import LIST_FILES

FOLDER_KINDS = {"pages": "page", "worksheets": "worksheet"}
FACT_KEYS = ("crisis", "urgent_care", "esketamine")  # the edition's facts, in site.yml or a clinic's brand.yml
Snapshot = Mapping[str, object]  # a repository path (content/pages/about.yml) -> its YAML data


class ChangesError(Exception):
    """The signed-off version cannot be read: no git, not a repository, or no such commit or tag."""


@dataclass(frozen=True)
class Change:
    kind: str  # "page", "worksheet", "phase", "checklist item", "practice", "notice", "reference", ... or "fact"
    item_id: str
    language: str
    what: str  # "added", "removed" or "changed"
    parts: tuple[str, ...] = ()  # what changed inside it, in words

    def sentence(self) -> str:
        parts = f": {'; '.join(self.parts)}" if self.parts else ""
        return f"{self.kind} '{self.item_id}', {self.language}: {self.what}{parts}"


# --- reading both sides ------------------------------------------------------------------------------


def _git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True, timeout=60)
    except FileNotFoundError:
        raise ChangesError("git is not installed, so the signed-off version cannot be read") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise ChangesError(message.splitlines()[-1] if message else f"git {args[0]} failed")
    return done.stdout


def repository_root(folder: Path) -> Path:
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except ChangesError:
        raise ChangesError(f"{folder} is not in a git repository, so no signed-off version can be read") from None


def commit_of(root: Path, revision: str) -> str:
    """The commit a revision names (a tag, a branch, a short id), or a clear error."""
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}").decode().strip()
    except ChangesError:
        raise ChangesError(f"{revision!r} is not a commit or tag of the repository at {root}") from None


def snapshot_at(root: Path, revision: str, folders: list[str]) -> dict[str, object]:
    """Every YAML file under ``folders`` (repository paths) as it was at ``revision``, read in one
    ``git cat-file --batch``: each answer is a header line ('<id> blob <size>'), the bytes, a newline."""
    commit = commit_of(root, revision)
    listing = _git(root, "ls-tree", "-r", "-z", "--name-only", commit, "--", *folders).decode("utf-8")
    names = [n for n in listing.split("\0") if n.endswith((".yml", ".yaml"))]
    if not names:
        return {}
    out = _git(root, "cat-file", "--batch", data="".join(f"{commit}:{name}\n" for name in names).encode("utf-8"))
    found: dict[str, object] = {}
    position = 0
    for name in names:
        header_end = out.index(b"\n", position)
        size = int(out[position:header_end].split()[2])
        found[name] = _load(out[header_end + 1:header_end + 1 + size].decode("utf-8", "replace"))
        position = header_end + 1 + size + 1
    return found


def snapshot_now(root: Path, folders: list[str]) -> dict[str, object]:
    found: dict[str, object] = {}
    for folder in folders:
        base = root / folder
        for path in sorted(base.rglob("*.y*ml")) if base.is_dir() else []:
            found[path.relative_to(root).as_posix()] = _load(path.read_text(encoding="utf-8"))
    return found


def _load(text: str) -> object:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return {"(unreadable YAML)": text}


# --- the edition as a build merges it ---------------------------------------------------------------


@dataclass(frozen=True)
class Edition:
    """Where an edition's files are, as repository paths."""

    content: str  # e.g. "content"
    clinic: str | None  # e.g. "clinics/example"
    languages: tuple[str, ...]

    @property
    def folders(self) -> list[str]:
        return [self.content, *([self.clinic] if self.clinic else [])]


def _folder(base: str, language: str) -> str:
    return base if language == "en" else f"{base}/{language}"


def _by_id(items) -> dict[str, dict]:
    return {item["id"]: item for item in items or [] if isinstance(item, dict) and "id" in item}


def effective_items(snapshot: Snapshot, edition: Edition, language: str) -> dict[tuple[str, str], object]:
    """The edition's items in ``language``, keyed by (kind, id), as a build would merge them."""
    items: dict[tuple[str, str], object] = {}
    ours, translation = edition.content, _folder(edition.content, language) if language != "en" else None
    overlay = _folder(f"{edition.clinic}/content", language) if edition.clinic else None
    for folder, kind in FOLDER_KINDS.items():
        found = _folder_items(snapshot, f"{ours}/{folder}")
        if translation:
            translated = _folder_items(snapshot, f"{translation}/{folder}")
            found.update({i: data for i, data in translated.items() if i in found})
        if overlay:
            found.update(_folder_items(snapshot, f"{overlay}/{folder}"))
            removals = snapshot.get(f"{overlay}/{folder}.yml") or {}
            for item_id in (removals.get("remove") or []) if isinstance(removals, dict) else []:
                found.pop(item_id, None)
        items.update({(kind, i): data for i, data in found.items()})
    for file_kind, collections in LIST_FILES.items():
        our_data = snapshot.get(f"{ours}/{file_kind}.yml") or {}
        translated = (snapshot.get(f"{translation}/{file_kind}.yml") or {}) if translation else {}
        changes = (snapshot.get(f"{overlay}/{file_kind}.yml") or {}) if overlay else {}
        for collection in collections:
            merged = _by_id(our_data.get(collection.key) if isinstance(our_data, dict) else None)
            theirs = _by_id(translated.get(collection.key)) if isinstance(translated, dict) else {}
            if file_kind == "references":
                merged.update(theirs)  # a translation's references add to ours
            else:
                merged.update({i: item for i, item in theirs.items() if i in merged})
            overlay_changes = changes.get(collection.key) if isinstance(changes, dict) else None
            merged = _apply_overlay(merged, overlay_changes, collection)
            for item_id, item in merged.items():
                inner = {c.key for c in collection.children}
                items[(collection.what, item_id)] = {k: v for k, v in item.items() if k not in inner}
                for child in collection.children:
                    for child_id, child_item in _by_id(item.get(child.key)).items():
                        items[(child.what, child_id)] = child_item
    site = dict(snapshot.get(f"{ours}/site.yml") or {})
    if translation:
        site.update(snapshot.get(f"{translation}/site.yml") or {})
    brand = (snapshot.get(f"{edition.clinic}/brand.yml") or {}) if edition.clinic else {}
    for key in FACT_KEYS:
        value = brand.get(key) if isinstance(brand, dict) and brand.get(key) is not None else site.get(key)
        if value is not None:
            items[("edition fact", key)] = value
    if isinstance(brand, dict) and brand.get("contact") is not None:
        items[("edition fact", "contact")] = brand["contact"]
    return items


def _folder_items(snapshot: Snapshot, folder: str) -> dict[str, dict]:
    found = {}
    for path, data in snapshot.items():
        pure = PurePosixPath(path)
        if str(pure.parent) == folder and isinstance(data, dict):
            found[str(data.get("id") or pure.stem)] = data
    return found


def _apply_overlay(merged: dict[str, dict], changes, collection) -> dict[str, dict]:
    if not isinstance(changes, dict):
        return merged
    merged = dict(merged)
    for item_id in changes.get("remove") or []:
        merged.pop(item_id, None)
    for item in (changes.get("replace") or []) + (changes.get("add") or []):
        if isinstance(item, dict) and "id" in item:
            merged[item["id"]] = item
    for child in collection.children:  # phases: {items: {phase-id: {add/replace/remove}}}
        by_parent = changes.get(child.key) or {}
        for parent_id, child_changes in by_parent.items() if isinstance(by_parent, dict) else ():
            if parent_id in merged:
                parent = dict(merged[parent_id])
                parent[child.key] = list(_apply_overlay(_by_id(parent.get(child.key)), child_changes, child).values())
                merged[parent_id] = parent
    return merged


# --- comparing ----------------------------------------------------------------------------------------


def changes_since(root: Path, revision: str, edition: Edition) -> list[Change]:
    """Every item of ``edition`` added, removed or changed since ``revision``, pages first."""
    repo = repository_root(root)
    prefix = root.resolve().relative_to(repo.resolve())
    where = (lambda part: (PurePosixPath(prefix.as_posix()) / part).as_posix()) if prefix.parts else str
    located = Edition(where(edition.content), where(edition.clinic) if edition.clinic else None, edition.languages)
    before, after = snapshot_at(repo, revision, located.folders), snapshot_now(repo, located.folders)
    found: list[Change] = []
    for language in edition.languages:
        old, new = effective_items(before, located, language), effective_items(after, located, language)
        for key in sorted(set(old) | set(new), key=_order):
            kind, item_id = key
            if key not in old:
                found.append(Change(kind, item_id, language, "added"))
            elif key not in new:
                found.append(Change(kind, item_id, language, "removed"))
            elif old[key] != new[key]:
                found.append(Change(kind, item_id, language, "changed", tuple(_parts(kind, old[key], new[key]))))
    return found


def _order(key: tuple[str, str]) -> tuple[int, str, str]:
    ranks = {"page": 0, "worksheet": 1, "edition fact": 2}
    return ranks.get(key[0], 3), key[0], key[1]


def _parts(kind: str, old, new) -> Iterator[str]:
    """What changed inside an item, in words: its fields, and its blocks or worksheet fields."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        yield "its value"
        return
    listed = {"page": "blocks", "worksheet": "fields"}.get(kind)
    for name in sorted(set(old) | set(new), key=lambda n: (n == listed, n)):
        if name == listed or old.get(name) == new.get(name):
            continue
        yield f"{name.replace('_', ' ')} {'added' if name not in old else 'removed' if name not in new else 'changed'}"
    if listed:
        yield from _list_parts(listed, old.get(listed) or [], new.get(listed) or [])


def _list_parts(listed: str, old: list, new: list) -> Iterator[str]:
    if listed == "fields":  # worksheet fields have ids
        old_ids, new_ids = _by_id(old), _by_id(new)
        for field_id in dict.fromkeys([*old_ids, *new_ids]):
            if field_id not in old_ids:
                yield f"field '{field_id}' added"
            elif field_id not in new_ids:
                yield f"field '{field_id}' removed"
            elif old_ids[field_id] != new_ids[field_id]:
                yield f"field '{field_id}' changed"
        return
    # Page blocks have no ids: matched by content (difflib), so one block put in does not mark every
    # later one changed; each named by its place in the new page and its heading.
    keys = lambda blocks: [json.dumps(b, sort_keys=True, default=str) for b in blocks]
    matcher = difflib.SequenceMatcher(a=keys(old), b=keys(new), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            yield f"block {j1 + k + 1} ({_block_name(new[j1 + k])}) changed"
        for k in range(j1 + paired, j2):
            yield f"block {k + 1} ({_block_name(new[k])}) added"
        for k in range(i1 + paired, i2):
            yield f"block {k + 1} of before ({_block_name(old[k])}) removed"


def _block_name(block) -> str:
    if not isinstance(block, dict):
        return "?"
    label = block.get("heading") or block.get("title")
    return f"{block.get('type', '?')}: '{label}'" if label else str(block.get("type", "?"))
