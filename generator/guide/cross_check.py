"""Cross-references: every id used is defined once, and every id named resolves.

Each page block and worksheet field says which ids it names (``uses``) and checks what only the
whole guide can show (``check``), so a new type brings its own rules. Links between pages,
``[words](page:id)``, are found in every text of every file, worksheets included.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..problems import Problem, display_path
from ..schema.base import PAGE_LINK
from ..source.yaml_reader import Path_, YamlDocument, texts
from .edition_facts import fact_source_problems
from .guide import Guide
from .sanitizer import guide_markup_problems

Use = tuple  # (id, document, path) or (id, document, path, offset into a text)


def page_links(data: Any) -> Iterator[tuple[str, Path_, int]]:
    """Every ``[words](page:id)`` target in any text of a document: the id, the text's path, the offset."""
    for at, text in texts(data):
        for match in PAGE_LINK.finditer(text):
            yield match.group(1), at, match.start(1)


def duplicates(items: Iterable[tuple[str, YamlDocument, Path_]], what: str) -> Iterator[Problem]:
    seen: dict[str, tuple[YamlDocument, Path_]] = {}
    for item_id, doc, at in items:
        if item_id in seen:
            first_doc, first_at = seen[item_id]
            yield doc.problem(at, f"duplicate {what} id {item_id!r} (first used at {first_doc.where(first_at)})")
        else:
            seen[item_id] = (doc, at)


def _unknown(uses: Iterable[Use], known: Iterable[str], what: str) -> Iterator[Problem]:
    known = set(known)
    for item_id, doc, at, *offset in uses:
        if item_id not in known:
            yield doc.problem(at, f"no {what} has the id {item_id!r}; expected one of: {', '.join(sorted(known))}", *offset)


def cross_check(guide: Guide, docs: dict[str, YamlDocument], folders: dict[str, list[tuple[YamlDocument, Any]]],
                interface_docs: Sequence[YamlDocument] = (), brand: YamlDocument | None = None) -> list[Problem]:
    """Every reference between the edition's files; ``interface_docs`` and ``brand`` (a clinic's brand.yml)
    as the build read them, for where each of their texts is."""
    problems: list[Problem] = []
    problems += _duplicate_ids(guide, docs, folders)
    page_docs, sheet_docs = folders["pages"], folders["worksheets"]
    uses: dict[str, list[Use]] = {"reference": [], "notice": [], "practice": [], "phase": [], "page": []}

    practices, phases, therapist = docs["practices"], docs["phases"], docs["therapist"]
    for i, practice in enumerate(guide.practices):
        uses["reference"] += [(r, practices, ("practices", i, "references", j)) for j, r in enumerate(practice.references)]
    for i, phase in enumerate(guide.phases):
        uses["reference"] += _item_refs(phase.items, phases, ("phases", i, "items"))
    for key in ("criteria", "questions"):
        uses["reference"] += _item_refs(getattr(guide.therapist, key), therapist, (key,))
    for doc, page in page_docs:
        uses["reference"] += [(r, doc, ("references", j)) for j, r in enumerate(page.references)]
        uses["notice"] += [(n, doc, ("notices", j)) for j, n in enumerate(page.notices)]
        for b, block in enumerate(page.blocks):
            for use in block.uses():
                uses[use.kind].append((use.id, doc, ("blocks", b, *use.at)))
    for doc, sheet in sheet_docs:
        uses["reference"] += [(r, doc, ("references", j)) for j, r in enumerate(sheet.references)]
        for f, field in enumerate(sheet.fields):
            problems += [doc.problem(("fields", f, *at), message) for at, message in field.check(guide)]
    every_doc = [*docs.values(), *(d for d, _ in page_docs), *(d for d, _ in sheet_docs)]
    for doc in every_doc:
        uses["page"] += [(target, doc, at, offset) for target, at, offset in page_links(doc.data)]
    problems += guide_markup_problems(guide, every_doc, interface_docs, brand)
    uses["page"].append((guide.site.crisis_page, docs["site"], ("crisis_page",)))
    problems += _crisis_sources(guide, docs["site"])
    problems += fact_source_problems(guide.site, guide.references, docs["site"], guide.brand.clinic_dir)
    problems += _crisis_page_lists_lines(guide, page_docs)

    problems += _unknown(uses["reference"], guide.references, "reference")
    problems += _unknown(uses["notice"], guide.notices, "notice")
    problems += _unknown(uses["practice"], (p.id for p in guide.practices), "practice")
    problems += _unknown(uses["phase"], (p.id for p in guide.phases), "phase")
    problems += _unknown(uses["page"], (p.id for p in guide.pages), "page")
    if "index" not in {p.id for p in guide.pages}:
        problems.append(Problem(str(docs["site"].path.parent / "pages" / "index.yml"), 1, 1, "", "the home page (id 'index') is missing"))
    return problems


def _crisis_page_lists_lines(guide: Guide, page_docs: list[tuple[YamlDocument, Any]]) -> Iterator[Problem]:
    """The crisis page lists the crisis lines: as it may not be left out, it may not be emptied of them."""
    for doc, page in page_docs:
        if page.id == guide.site.crisis_page and not any(block.type == "crisis_lines" for block in page.blocks):
            yield doc.problem(("blocks",), "the crisis page must list the crisis lines: add a block `- type: crisis_lines` "
                                           "(it shows the lines in force, ours or the clinic's brand.yml)")


def _crisis_sources(guide: Guide, site: YamlDocument) -> Iterator[Problem]:
    """Each crisis line's sources are references of the guide: ours, or ones the clinic adds in its
    folder. ``site`` is the edition's site settings, whose crisis section remembers the file it came
    from (a clinic's brand.yml, or ours)."""
    crisis = site.data["crisis"]  # the facts as written (a worded line carries its language's source)
    named = [(("crisis", "emergency_source"), crisis.get("emergency_source"))]
    for i, (line, worded) in enumerate(zip(crisis["lines"], guide.site.crisis.lines)):
        named.append((("crisis", "lines", i, "source"), line.get("source")))
        option = worded.option(guide.site.language)  # cited in its language's edition only
        if option is not None:
            j = worded.language_options.index(option)
            named.append((("crisis", "lines", i, "language_options", j, "source"), option.source))
    unknown = [(at, source) for at, source in named if source and source not in guide.references]
    if guide.brand.is_clinic:
        folder = display_path(guide.brand.clinic_dir / "content" / "references.yml")
        add_to = f"{folder} (references: add:), which every edition of the clinic reads"
    else:
        add_to = "content/references.yml"
    for at, source in unknown:
        yield site.problem(at, f"no reference has the id {source!r}; add it to {add_to}")


def _duplicate_ids(guide: Guide, docs: dict[str, YamlDocument], folders) -> Iterator[Problem]:
    refs, notices, site = docs["references"], docs["notices"], docs["site"]
    practices, phases, therapist = docs["practices"], docs["phases"], docs["therapist"]
    yield from duplicates(((r["id"], refs, ("references", i, "id")) for i, r in enumerate(refs.data["references"])), "reference")
    yield from duplicates(((n["id"], notices, ("notices", i, "id")) for i, n in enumerate(notices.data["notices"])), "notice")
    yield from duplicates(((p.id, practices, ("practices", i, "id")) for i, p in enumerate(guide.practices)), "practice")
    yield from duplicates(((p.id, phases, ("phases", i, "id")) for i, p in enumerate(guide.phases)), "phase")
    yield from duplicates(((p.id, doc, ("id",)) for doc, p in folders["pages"]), "page")
    yield from duplicates(((s.id, doc, ("id",)) for doc, s in folders["worksheets"]), "worksheet")
    yield from duplicates(((line.id, site, ("crisis", "lines", i, "id")) for i, line in enumerate(guide.site.crisis.lines)), "crisis line")
    items: list[tuple[str, YamlDocument, Path_]] = []
    for i, phase in enumerate(guide.phases):
        items += [(item.id, phases, ("phases", i, "items", j, "id")) for j, item in enumerate(phase.items)]
    for key in ("criteria", "questions"):
        items += [(item.id, therapist, (key, j, "id")) for j, item in enumerate(getattr(guide.therapist, key))]
    yield from duplicates(items, "checklist item")
    for i, practice in enumerate(guide.practices):
        for part, what in (("lists", "list"), ("modalities", "modality")):
            yield from duplicates(((e.id, practices, ("practices", i, part, j, "id")) for j, e in enumerate(getattr(practice, part))), what)
    for doc, sheet in folders["worksheets"]:
        yield from duplicates(((f.id, doc, ("fields", i, "id")) for i, f in enumerate(sheet.fields)), "field")
        for i, f in enumerate(sheet.fields):
            own_items = getattr(f, "items", None) or []
            yield from duplicates(((item.id, doc, ("fields", i, "items", k, "id")) for k, item in enumerate(own_items)), "item")


def _item_refs(items, doc: YamlDocument, at: Path_) -> list[Use]:
    return [(r, doc, at + (i, "references", j)) for i, item in enumerate(items) for j, r in enumerate(item.references)]
