"""The guide in another language: ``content/<lang>/`` mirrors ``content/`` with the same ids.

For each of our files, the translation's file of the same name (if any) takes its place item by
item: a practice, phase, checklist item, notice or page with one of our ids is shown in the
language; one the translation lacks is a completeness warning naming the file and the id, and
ours (English) is shown instead; one only in the translation is a warning too, and is left out (the
editions never drift apart silently). Other values of a file (site.yml's name, title, crisis
lines; therapist.yml's intro) are taken from the translation where it gives them.
``content/<lang>/references.yml`` adds references, for sources in the language, to the shared list.

Every merged value remembers the file and line it came from, so a later problem in a translated
item points into the translation's file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..problems import Problem, display_path
from ..source.yaml_reader import Path_, YamlDocument, YamlLoadError, load_yaml
from .interface import INTERFACE_FILE
from .overlay import FOLDERS, LIST_FILES, ListCollection, MergedDocument, load_folder_items

ADDED_ONLY = ("references",)  # a translation's references add to ours; none of ours has a translation
NOT_TRANSLATED = ("languages", "language", "crisis_page")  # site.yml settings that are the same in every language


def translate(docs: dict[str, YamlDocument], folders: dict[str, list[tuple[YamlDocument, Any]]], folder: Path,
              language: str, root: Path | None) -> tuple[dict[str, YamlDocument], dict[str, list], list[Problem], list[Problem]]:
    """Our documents and folder items with the translation in ``folder`` merged in.
    Returns (docs, folders, warnings, errors)."""
    warnings: list[Problem] = []
    problems: list[Problem] = []
    docs = dict(docs)
    if not folder.is_dir():
        return docs, folders, [Problem(display_path(folder, root), 1, 1, "", f"no content in {language!r} yet: "
                                                                            "every page is shown in English")], []
    known = {f"{kind}.yml" for kind in docs} | {INTERFACE_FILE}
    for path in sorted(folder.iterdir()):
        if path.is_dir() and path.name in FOLDERS or path.name in known or path.name.startswith(".") or path.suffix == ".md":
            continue
        problems.append(Problem(display_path(path, root), 1, 1, "", "unknown file in a translation; expected one of: "
                                + ", ".join(sorted(known | {f"{f}/" for f in FOLDERS}))))
    for kind, core in docs.items():
        path = folder / f"{kind}.yml"
        if not path.is_file():
            if kind not in ADDED_ONLY:
                warnings.append(Problem(display_path(path, root), 1, 1, "", f"not translated into {language!r} yet: "
                                                                            f"{core.name} is shown in English"))
            continue
        try:
            translation = load_yaml(path, root=root)
        except YamlLoadError as exc:
            problems += exc.problems
            continue
        if not isinstance(translation.data, dict):
            problems.append(translation.problem((), f"expected the same layout as {core.name}"))
            continue
        docs[kind], found = _merge_file(core, translation, kind, language)
        warnings += found
    for name, collection in FOLDERS.items():
        translated, found = load_folder_items(folder / name, collection, root)
        problems += found
        by_id = {item.id: (doc, item) for doc, item in translated}
        ours = {item.id for _, item in folders.get(name, [])}
        for doc, item in folders.get(name, []):
            if item.id not in by_id:
                missing = display_path(folder / name / f"{item.id}.yml", root)
                warnings.append(Problem(missing, 1, 1, "", f"the {collection.what} {item.id!r} is not translated into "
                                                           f"{language!r} yet; the English one ({doc.name}) is shown"))
        for item_id, (doc, _) in by_id.items():
            if item_id not in ours:
                warnings.append(doc.problem(("id",), f"the {collection.what} {item_id!r} is only in {language!r}: "
                                                     "add it to content/ in English too; it is left out until then"))
        folders = {**folders, name: [by_id.get(item.id, (doc, item)) for doc, item in folders.get(name, [])]}
    return docs, folders, warnings, problems


def _merge_file(core: YamlDocument, translation: YamlDocument, kind: str, language: str) -> tuple[MergedDocument, list[Problem]]:
    """Our file with the translation's values and items by id; the warnings for what is missing or extra."""
    data = dict(core.data)
    origins: dict[Path_, tuple[YamlDocument, Path_]] = {(): (core, ())}
    warnings: list[Problem] = []
    lists = {c.key: c for c in LIST_FILES.get(kind, ())}
    for key, value in translation.data.items():
        if key in lists or key in NOT_TRANSLATED:
            if key in NOT_TRANSLATED:
                warnings.append(translation.problem((key,), f"{key} is the same in every language: set it in {core.name}; "
                                                            "this value is ignored"))
            continue
        data[key] = value
        origins[(key,)] = (translation, (key,))
    for key, collection in lists.items():
        merged, inner, found = _merge_list(core, (key,), core.data.get(key) or [], translation, (key,),
                                           translation.data.get(key) or [], collection, language, kind in ADDED_ONLY)
        data[key] = merged
        origins.update(inner)
        warnings += found
    return MergedDocument(path=core.path, name=core.name, data=data, marks=core.marks,
                          literal_blocks=core.literal_blocks, origins=origins), warnings


def _merge_list(core: YamlDocument, core_at: Path_, ours: list, translation: YamlDocument, at: Path_, theirs: list,
                collection: ListCollection, language: str, adds: bool) -> tuple[list, dict, list[Problem]]:
    """One id'd list: each of our items in the translation's words where it has them (recursively
    for lists inside items); with ``adds``, the translation's own items are added after ours."""
    warnings: list[Problem] = []
    theirs_by_id = {item.get("id"): (i, item) for i, item in enumerate(theirs) if isinstance(item, dict)}
    our_ids = {item.get("id") for item in ours if isinstance(item, dict)}
    merged: list = []
    origins: dict[Path_, tuple[YamlDocument, Path_]] = {}
    for i, item in enumerate(ours):
        item_id = item.get("id") if isinstance(item, dict) else None
        here = core_at + (len(merged),)
        if item_id in theirs_by_id and not adds:
            j, translated = theirs_by_id[item_id]
            origins[here] = (translation, at + (j,))
            value = dict(translated)
            for child in collection.children:
                inner, inner_origins, found = _merge_list(core, core_at + (i, child.key), item.get(child.key) or [],
                                                          translation, at + (j, child.key), translated.get(child.key) or [],
                                                          child, language, False)
                value[child.key] = inner
                warnings += found
                origins.update(inner_origins)  # keyed by paths in the merged file: here + (child.key, k, ...)
            merged.append(value)
        else:
            if not adds:
                warnings.append(translation.problem(at, f"the {collection.what} {item_id!r} is not translated into "
                                                        f"{language!r} yet; the English one ({core.where(core_at + (i,))}) "
                                                        "is shown"))
            origins[here] = (core, core_at + (i,))
            merged.append(item)
    for item_id, (j, translated) in theirs_by_id.items():
        if item_id in our_ids:
            continue
        if adds:
            origins[core_at + (len(merged),)] = (translation, at + (j,))
            merged.append(translated)
        else:
            warnings.append(translation.problem(at + (j, "id"), f"the {collection.what} {item_id!r} is only in "
                                                                f"{language!r}: add it in English too; it is left out "
                                                                "until then"))
    return merged, origins, warnings
