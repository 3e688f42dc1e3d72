"""What a clinic leaves out stops at our files' edges: links and citations in OUR content that point
at a page or reference the clinic removed (in any of its layers: for every edition, or for one
language) are taken out of the merged content, never reported as errors in files the clinic must
not edit.

- A link ``[words](page:removed)`` becomes its plain words. A list entry, or a Markdown bullet line,
  that starts with such a link (a "see also" or contents entry) is dropped as a whole.
- A removed reference id is dropped from every ``references:`` list of ours; the claims that lost a
  source are listed in one warning at the clinic's own ``remove:`` line, so the clinic can decide
  whether to replace those items with a source of its own.

The clinic's own files are left as written: a link there to a page it removed is still an error,
in its file, which it can fix. Dropping list entries shifts the positions of those after them, so
a rewritten document keeps, for each value, the file and line it was read from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..problems import Note
from ..source.yaml_reader import Path_, YamlDocument
from .layers import Removal
from .overlay import merged

Ours = Callable[[YamlDocument, Path_], bool]  # whether the value at a path of a document is from our content/


@dataclass
class LeftOut:
    """The rewritten documents (only those that changed), and what was unlinked or lost a source."""

    docs: dict[int, YamlDocument] = field(default_factory=dict)  # by id() of the document they replace
    unlinked: dict[str, list[str]] = field(default_factory=dict)  # page id -> "file:line" of each link made plain
    dropped_entries: dict[str, list[str]] = field(default_factory=dict)  # page id -> list entries dropped
    uncited: dict[str, list[str]] = field(default_factory=dict)  # reference id -> "file:line (what)" of each claim

    def notes(self, pages: dict[str, Removal], references: dict[str, Removal]) -> list[Note]:
        notes = []
        for page_id, removal in pages.items():
            made_plain, dropped = self.unlinked.get(page_id, []), self.dropped_entries.get(page_id, [])
            if made_plain or dropped:
                parts = []
                if made_plain:
                    parts.append(f"links to it in our pages are plain text now ({', '.join(made_plain)})")
                if dropped:
                    parts.append(f"list entries that led to it were left out ({', '.join(dropped)})")
                notes.append(Note("info", removal.doc.problem(removal.at, f"page {page_id!r} is left out: {'; '.join(parts)}")))
        for ref_id, removal in references.items():
            claims = self.uncited.get(ref_id, [])
            if claims:
                notes.append(Note("warning", removal.doc.problem(removal.at, (
                    f"reference {ref_id!r} is left out, so these of our items no longer cite a source for what they say: "
                    f"{'; '.join(claims)}. Check each claim, and replace the item (or its page) in this folder with "
                    "one that cites a source you trust, or leave it out too"))))
        return notes


def _link(page_ids: set[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(i) for i in sorted(page_ids))
    return re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(page:(" + alternatives + r")(?:#[^)\s]*)?\)")


def leave_out(docs: list[YamlDocument], pages: dict[str, Removal], references: dict[str, Removal], ours: Ours) -> LeftOut:
    """Our documents with links to ``pages`` and citations of ``references`` taken out."""
    result = LeftOut()
    link = _link(set(pages)) if pages else None
    for doc in docs:
        rewrite = _Rewrite(doc, link, set(references), ours, result)
        data = rewrite.value(doc.data, ())
        if rewrite.changed:
            result.docs[id(doc)] = merged(doc, data, rewrite.origins)
    return result


@dataclass
class _Rewrite:
    doc: YamlDocument
    link: re.Pattern[str] | None
    references: set[str]
    ours: Ours
    result: LeftOut
    changed: bool = False
    origins: dict[Path_, tuple[YamlDocument, Path_]] = field(default_factory=dict)

    def value(self, data: Any, at: Path_, source: Path_ | None = None) -> Any:
        """``data`` (read at ``source`` in the document, which differs from ``at`` after a drop) rewritten."""
        source = at if source is None else source
        if isinstance(data, dict):
            return {key: self.value(value, at + (key,), source + (key,)) for key, value in data.items()}
        if isinstance(data, list):
            if at and at[-1] == "references" and all(isinstance(v, str) for v in data):
                return self._cite(data, source)
            kept = []
            for i, item in enumerate(data):
                if isinstance(item, str) and self._leads_to_removed(item, source + (i,)):
                    continue
                if len(kept) != i:
                    self.origins[at + (len(kept),)] = (self.doc, source + (i,))
                kept.append(self.value(item, at + (len(kept),), source + (i,)))
            return kept
        if isinstance(data, str) and self.link is not None and self.ours(self.doc, source):
            return self._unlink(data, source)
        return data

    def _where(self, source: Path_) -> str:
        return self.doc.where(source)

    def _leads_to_removed(self, text: str, source: Path_) -> bool:
        if self.link is None or not self.ours(self.doc, source):
            return False
        match = self.link.match(text.lstrip("*_ "))
        if match:
            self.changed = True
            self.result.dropped_entries.setdefault(match.group(2), []).append(self._where(source))
        return bool(match)

    def _unlink(self, text: str, source: Path_) -> str:
        lines = []
        for line in text.split("\n"):
            bullet = re.match(r"\s*(?:[-*+]|\d+\.)\s+", line)
            if bullet and (match := self.link.match(line[bullet.end():].lstrip("*_ "))):
                self.result.dropped_entries.setdefault(match.group(2), []).append(self._where(source))
                self.changed = True
                continue
            lines.append(line)
        text = "\n".join(lines)

        def plain(match: re.Match[str]) -> str:
            self.result.unlinked.setdefault(match.group(2), []).append(self._where(source))
            self.changed = True
            return match.group(1)

        return self.link.sub(plain, text)

    def _cite(self, ids: list[str], source: Path_) -> list[str]:
        kept = []
        for i, ref_id in enumerate(ids):
            if ref_id in self.references and self.ours(self.doc, source + (i,)):
                self.changed = True
                self.result.uncited.setdefault(ref_id, []).append(f"{self._where(source)} ({self._owner(source[:-1])})")
            else:
                kept.append(ref_id)
        return kept

    def _owner(self, item_at: Path_) -> str:
        """What cites: 'page what-to-expect', 'item before-session/eat-light', in words for the warning."""
        value: Any = self.doc.data
        for part in item_at:
            value = value[part]
        item_id = value.get("id") if isinstance(value, dict) else None
        name = value.get("title") or value.get("name") or value.get("text") if isinstance(value, dict) else None
        label = f"{item_id!r}" if item_id else "an item"
        return f"{label}: {name}" if name else label
