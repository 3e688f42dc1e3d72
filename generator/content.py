"""Load a content folder into one checked ``Guide``: every file validated, every id resolved.

All problems in all files are gathered before anything is raised, so an author sees the whole
list at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .brand import Brand, default_brand
from .clinic import apply_clinic, branded_site
from .errors import ContentError, Problem
from .load import Path_, YamlDocument, YamlLoadError, load_yaml
from .models import (
    ROOT_MODELS,
    ChecklistItem,
    Notice,
    NoticeBlock,
    Page,
    Phase,
    PhasesBlock,
    Practice,
    PracticesBlock,
    Reference,
    Site,
    TherapistFile,
    Worksheet,
)
from .overlay import FOLDERS, load_folder_items
from .validate import validate_document
from .worksheet_content import check_worksheets, load_worksheets

SINGLE_FILES = ("site", "references", "notices", "practices", "phases", "therapist")
PAGE_LINK = re.compile(r"\]\(page:([^)\s#]*)(#[^)\s]*)?\)")


@dataclass(frozen=True)
class Guide:
    """The whole guide's content, checked and with every cross-reference resolved."""

    site: Site
    references: dict[str, Reference]
    notices: dict[str, Notice]
    practices: list[Practice]
    phases: list[Phase]
    therapist: TherapistFile
    pages: list[Page]
    brand: Brand  # the clinic's brand, or ours: name, logo, colours, contact, crisis lines, footer, language
    worksheets: list[Worksheet] = field(default_factory=list)  # content/worksheets/*.yml, in their order

    def page(self, page_id: str) -> Page:
        return next(p for p in self.pages if p.id == page_id)

    def practice(self, practice_id: str) -> Practice:
        return next(p for p in self.practices if p.id == practice_id)

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)

    def worksheet(self, worksheet_id: str) -> Worksheet:
        return next(w for w in self.worksheets if w.id == worksheet_id)


def content_files(content_dir: Path) -> tuple[dict[str, Path], list[Path], list[Problem]]:
    """The single files by kind, the page files, and problems with the folder's layout."""
    problems: list[Problem] = []
    singles: dict[str, Path] = {}
    if not content_dir.is_dir():
        return {}, [], [Problem(str(content_dir), 1, 1, "", "content folder not found")]
    for path in sorted(content_dir.glob("*.y*ml")):
        kind = path.stem
        if kind in SINGLE_FILES and path.suffix == ".yml":
            singles[kind] = path
        else:
            expected = ", ".join(f"{k}.yml" for k in SINGLE_FILES)
            problems.append(Problem(str(path), 1, 1, "", f"unknown content file; expected one of: {expected}, or a page in pages/"))
    for kind in SINGLE_FILES:
        if kind not in singles:
            problems.append(Problem(str(content_dir / f"{kind}.yml"), 1, 1, "", "required content file is missing"))
    pages = sorted((content_dir / "pages").glob("*.yml"))
    if not pages:
        problems.append(Problem(str(content_dir / "pages"), 1, 1, "", "no page files found (expected pages/*.yml)"))
    return singles, pages, problems


def load_guide(content_dir: Path, clinic_dir: Path | None = None) -> Guide:
    """Load, validate and cross-check the content folder, with a clinic's brand and overlay applied
    when ``clinic_dir`` is given; raise ``ContentError`` listing every problem."""
    singles, page_paths, problems = content_files(content_dir)
    docs: dict[str, YamlDocument] = {}
    models: dict[str, Any] = {}

    for kind, path in singles.items():
        doc, model, found = _load_one(path, ROOT_MODELS[kind])
        problems += found
        if doc is not None:
            docs[kind] = doc
        if model is not None:
            models[kind] = model
    page_docs, found = load_folder_items(page_paths, FOLDERS["pages"], None, _load_one)
    problems += found

    sheet_docs, found = load_worksheets(content_dir, _load_one)
    problems += found

    if problems or len(models) < len(SINGLE_FILES):
        raise ContentError(problems)

    brand = default_brand(models["site"])
    if clinic_dir is not None:
        clinic = apply_clinic(clinic_dir, docs, {"pages": page_docs, "worksheets": sheet_docs}, models["site"],
                              root=content_dir.resolve().parent, load_one=_load_one)
        if clinic.problems:
            raise ContentError(clinic.problems)
        brand, page_docs, sheet_docs = clinic.brand, clinic.folders["pages"], clinic.folders["worksheets"]
        for kind in clinic.changed:
            docs[kind] = clinic.docs[kind]
            models[kind], found = validate_document(docs[kind], ROOT_MODELS[kind])
            problems += found
        if problems:
            raise ContentError(problems)

    guide = Guide(
        site=branded_site(models["site"], brand),
        references={r.id: r for r in models["references"].references},
        notices={n.id: n for n in models["notices"].notices},
        practices=list(models["practices"].practices),
        phases=list(models["phases"].phases),
        therapist=models["therapist"],
        pages=sorted((page for _, page in page_docs), key=lambda p: (p.order, p.id)),
        brand=brand,
        worksheets=sorted((sheet for _, sheet in sheet_docs), key=lambda s: (s.order, s.id)),
    )
    problems += _cross_check(guide, docs, page_docs)
    problems += check_worksheets(sheet_docs, guide.phases, guide.therapist, guide.references, [p.id for p in guide.pages])
    if problems:
        raise ContentError(problems)
    return guide


def _load_one(path: Path, model: type, root: Path | None = None) -> tuple[YamlDocument | None, Any, list[Problem]]:
    try:
        doc = load_yaml(path, root=root or _project_root(path))
    except YamlLoadError as exc:
        return None, None, [exc.problem]
    built, problems = validate_document(doc, model)
    return doc, built, problems


def _project_root(path: Path) -> Path:
    """The folder that holds ``content/``: file names in messages are given relative to it."""
    for parent in path.resolve().parents:
        if parent.name == "content":
            return parent.parent
    return path.resolve().parent


def _duplicates(items: Iterable[tuple[str, YamlDocument, Path_]], what: str) -> Iterator[Problem]:
    seen: dict[str, tuple[YamlDocument, Path_]] = {}
    for item_id, doc, at in items:
        if item_id in seen:
            first_doc, first_at = seen[item_id]
            yield doc.problem(at, f"duplicate {what} id {item_id!r} (first used at {first_doc.where(first_at)})")
        else:
            seen[item_id] = (doc, at)


def _cross_check(guide: Guide, docs: dict[str, YamlDocument], page_docs: list[tuple[YamlDocument, Page]]) -> list[Problem]:
    problems: list[Problem] = []
    refs, notices = docs["references"], docs["notices"]
    practices, phases, therapist, site = docs["practices"], docs["phases"], docs["therapist"], docs["site"]

    problems += _duplicates(((r["id"], refs, ("references", i, "id")) for i, r in enumerate(refs.data["references"])), "reference")
    problems += _duplicates(((n["id"], notices, ("notices", i, "id")) for i, n in enumerate(notices.data["notices"])), "notice")
    problems += _duplicates(((p.id, practices, ("practices", i, "id")) for i, p in enumerate(guide.practices)), "practice")
    problems += _duplicates(((p.id, phases, ("phases", i, "id")) for i, p in enumerate(guide.phases)), "phase")
    problems += _duplicates(((p.id, doc, ("id",)) for doc, p in page_docs), "page")
    problems += _duplicates(
        ((line.id, site, ("crisis", "lines", i, "id")) for i, line in enumerate(guide.site.crisis.lines)), "crisis line"
    )
    checklist_items: list[tuple[str, YamlDocument, Path_]] = []
    for i, phase in enumerate(guide.phases):
        checklist_items += [(item.id, phases, ("phases", i, "items", j, "id")) for j, item in enumerate(phase.items)]
    for key in ("criteria", "questions"):
        checklist_items += [(item.id, therapist, (key, j, "id")) for j, item in enumerate(getattr(guide.therapist, key))]
    problems += _duplicates(checklist_items, "checklist item")
    for i, practice in enumerate(guide.practices):
        for part in ("lists", "modalities"):
            entries = getattr(practice, part)
            problems += _duplicates(
                ((e.id, practices, ("practices", i, part, j, "id")) for j, e in enumerate(entries)), part[:-1] if part == "lists" else "modality"
            )

    def need(ids: Iterable[tuple], known: Iterable[str], what: str) -> None:
        """Each use is (id, document, path) or, inside a text, (id, document, path, offset)."""
        known = set(known)
        for item_id, doc, at, *offset in ids:
            if item_id not in known:
                message = f"no {what} has the id {item_id!r}; expected one of: {', '.join(sorted(known))}"
                problems.append(doc.problem(at, message, *offset))

    ref_uses: list[tuple[str, YamlDocument, Path_]] = []
    for i, practice in enumerate(guide.practices):
        ref_uses += [(r, practices, ("practices", i, "references", j)) for j, r in enumerate(practice.references)]
    for i, phase in enumerate(guide.phases):
        ref_uses += _item_refs(phase.items, phases, ("phases", i, "items"))
    for key in ("criteria", "questions"):
        ref_uses += _item_refs(getattr(guide.therapist, key), therapist, (key,))
    notice_uses: list[tuple[str, YamlDocument, Path_]] = []
    practice_uses: list[tuple[str, YamlDocument, Path_]] = []
    phase_uses: list[tuple[str, YamlDocument, Path_]] = []
    for doc, page in page_docs:
        ref_uses += [(r, doc, ("references", j)) for j, r in enumerate(page.references)]
        notice_uses += [(n, doc, ("notices", j)) for j, n in enumerate(page.notices)]
        for b, block in enumerate(page.blocks):
            if isinstance(block, NoticeBlock):
                notice_uses.append((block.notice, doc, ("blocks", b, "notice")))
            elif isinstance(block, PracticesBlock) and block.practices:
                practice_uses += [(p, doc, ("blocks", b, "practices", j)) for j, p in enumerate(block.practices)]
            elif isinstance(block, PhasesBlock) and block.phases:
                phase_uses += [(p, doc, ("blocks", b, "phases", j)) for j, p in enumerate(block.phases)]
    need(ref_uses, guide.references, "reference")
    need(notice_uses, guide.notices, "notice")
    need(practice_uses, (p.id for p in guide.practices), "practice")
    need(phase_uses, (p.id for p in guide.phases), "phase")

    page_ids = [p.id for p in guide.pages]
    link_uses = [(target, doc, at, offset) for doc in [*docs.values(), *(d for d, _ in page_docs)]
                 for target, at, offset in _page_links(doc.data)]
    need(link_uses, page_ids, "page")
    need([(guide.site.crisis_page, site, ("crisis_page",))], page_ids, "page")
    if "index" not in page_ids:
        problems.append(Problem(str(Path(site.path).parent / "pages" / "index.yml"), 1, 1, "", "the home page (id 'index') is missing"))
    return problems


def _item_refs(items: list[ChecklistItem], doc: YamlDocument, at: Path_) -> list[tuple[str, YamlDocument, Path_]]:
    return [(r, doc, at + (i, "references", j)) for i, item in enumerate(items) for j, r in enumerate(item.references)]


def _page_links(data: Any, at: Path_ = ()) -> Iterator[tuple[str, Path_, int]]:
    """Every ``[words](page:id)`` target in any text of a document: the id, the text's path, the offset."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _page_links(value, at + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _page_links(value, at + (i,))
    elif isinstance(data, str):
        for match in PAGE_LINK.finditer(data):
            yield match.group(1), at, match.start(1)
