"""Load and cross-check the worksheets: one file per worksheet in ``content/worksheets/<id>.yml``.

Worksheets can reuse lists from the rest of the guide (a phase's checklist, the therapist
criteria or questions) by reference instead of copying text; every such reference, and every
reference id, must resolve.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .errors import Problem
from .load import Path_, YamlDocument
from .models import ChecklistField, ChecklistItem, Phase, TableField, TherapistFile, Worksheet

LoadOne = Callable[[Path, type], tuple[YamlDocument | None, Any, list[Problem]]]


def worksheet_files(content_dir: Path) -> list[Path]:
    """The worksheet files; a folder with none is fine (a guide need not have worksheets)."""
    return sorted((content_dir / "worksheets").glob("*.yml"))


def load_worksheets(content_dir: Path, load_one: LoadOne) -> tuple[list[tuple[YamlDocument, Worksheet]], list[Problem]]:
    """Every worksheet file validated, with the problems found; ids must match file names."""
    loaded: list[tuple[YamlDocument, Worksheet]] = []
    problems: list[Problem] = []
    for path in worksheet_files(content_dir):
        doc, sheet, found = load_one(path, Worksheet)
        problems += found
        if sheet is None:
            continue
        if sheet.id != path.stem:
            problems.append(doc.problem(("id",), f"a worksheet's id must match its file name: expected {path.stem!r}"))
        loaded.append((doc, sheet))
    for stray in sorted((content_dir / "worksheets").glob("*.yaml")):
        problems.append(Problem(str(stray), 1, 1, "", "worksheet files end in .yml; rename this file"))
    return loaded, problems


def source_items(source: str, phases: Iterable[Phase], therapist: TherapistFile) -> list[ChecklistItem] | None:
    """The items an ``items_from``/``rows_from`` reference names, or None if it names nothing."""
    kind, _, name = source.partition(":")
    if kind == "therapist":
        return list(getattr(therapist, name))
    return next((list(p.items) for p in phases if p.id == name), None)


def pick_items(items: list[ChecklistItem], only: list[str]) -> list[ChecklistItem]:
    """``items`` limited to ``only`` (in that order), or all of them when ``only`` is empty."""
    if not only:
        return items
    by_id = {item.id: item for item in items}
    return [by_id[i] for i in only]


def check_worksheets(
    loaded: list[tuple[YamlDocument, Worksheet]], phases: list[Phase], therapist: TherapistFile,
    reference_ids: Iterable[str], page_ids: Iterable[str],
) -> list[Problem]:
    """Duplicate ids (worksheets, fields in a worksheet, checklist items) and references that resolve to nothing."""
    from .content import _duplicates, _page_links  # here, not at the top: content.py imports this module
    problems: list[Problem] = list(_duplicates(((s.id, doc, ("id",)) for doc, s in loaded), "worksheet"))
    known_refs, known_pages = set(reference_ids), set(page_ids)
    phase_ids = sorted(p.id for p in phases)
    for doc, sheet in loaded:
        problems += _duplicates(((f.id, doc, ("fields", i, "id")) for i, f in enumerate(sheet.fields)), "field")
        for j, ref in enumerate(sheet.references):
            if ref not in known_refs:
                problems.append(doc.problem(("references", j), f"no reference has the id {ref!r}; expected one of: {', '.join(sorted(known_refs))}"))
        for target, at in _page_links(doc.data):
            if target not in known_pages:
                problems.append(doc.problem(at, f"no page has the id {target!r}; expected one of: {', '.join(sorted(known_pages))}"))
        for i, field in enumerate(sheet.fields):
            at: Path_ = ("fields", i)
            if isinstance(field, ChecklistField):
                problems += _duplicates(((it.id, doc, at + ("items", k, "id")) for k, it in enumerate(field.items)), "item")
                problems += _check_source(doc, at + ("items_from",), field.items_from, field.only, phases, therapist, phase_ids)
            elif isinstance(field, TableField) and field.rows_from:
                problems += _check_source(doc, at + ("rows_from",), field.rows_from, [], phases, therapist, phase_ids)
    return problems


def _check_source(doc: YamlDocument, at: Path_, source: str | None, only: list[str], phases: list[Phase],
                  therapist: TherapistFile, phase_ids: list[str]) -> list[Problem]:
    if source is None:
        return []
    items = source_items(source, phases, therapist)
    if items is None:
        return [doc.problem(at, f"no phase has the id {source.partition(':')[2]!r}; expected one of: {', '.join(phase_ids)}")]
    known = [item.id for item in items]
    only_at = at[:-1] + ("only",)
    return [doc.problem(only_at + (k,), f"{source} has no item {item_id!r}; expected one of: {', '.join(known)}")
            for k, item_id in enumerate(only) if item_id not in known]

