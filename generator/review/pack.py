"""The sign-off pack: one document for the clinician who signs an edition off, modelled on NHS
clinical-safety practice for health IT (DCB0129/DCB0160: a hazard log, and a safety case a named
clinician signs). It holds, for each language of the edition:

- every page's and worksheet's words as the patient reads them, with the sources each cites and
  its review dates;
- the edition's facts (crisis lines, emergency number, urgent route, esketamine label rules, the
  clinic's contact), each with its source;
- what changed in the content since the version last signed off (``signed_off:`` in brand.yml,
  or ``--since``), in words (changes.py);
- the open warnings of the build; FORKING.md's "Before you publish" checklist; a place to sign.

Written as HTML with no outside resource, and printed to PDF with Chromium (the same browser the
guide's PDFs are printed with).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import markdown as markdown_lib

from ..guide.crisis_wording import crisis_fill_ins, ways
from ..guide.edition_facts import edition_fill_ins, edition_values, urgent_sentence
from ..guide.guide import Guide
from ..guide.phone_links import phone_href
from ..quality.review import author_notes
from ..schema.items import Reference
from .changes import Change, ChangesError, Edition, changes_since
from ..render.trusted import trusted_html

TEMPLATE = "review/pack.html.j2"
CHECKLIST_HEADING = "## Before you publish"
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class Block:
    name: str
    texts: tuple[str, ...]  # safe HTML, one per passage
    sources: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Item:
    kind: str  # "page" or "worksheet"
    id: str
    title: str
    file: str
    last_reviewed: dt.date
    next_review_due: dt.date
    reviewed_by: str | None
    blocks: tuple[Block, ...]
    sources: tuple[Reference, ...]


@dataclass(frozen=True)
class Fact:
    name: str
    says: str
    file: str
    source: Reference | None
    link: str | None = None  # tel:, sms: or https:// where the fact is a way to reach someone


@dataclass(frozen=True)
class Language:
    code: str
    items: tuple[Item, ...]
    facts: tuple[Fact, ...]
    warnings: tuple[str, ...]


@dataclass
class ReviewPack:
    edition: str
    clinic: str | None
    colour: str  # the edition's primary colour (its brand's, or ours), for headings and links
    made: dt.datetime
    version: str  # the commit the pack was made from, and whether files differ from it
    since: str | None
    since_commit: str | None
    changes: list[Change] = field(default_factory=list)
    changes_error: str | None = None
    languages: list[Language] = field(default_factory=list)
    checklist: list[str] = field(default_factory=list)  # safe HTML, one per item


def build_pack(guides: list[Guide], root: Path, content_dir: Path, clinic_dir: Path | None,
               since: str | None = None, now: dt.datetime | None = None) -> ReviewPack:
    """The pack for the edition whose guides (one per language, the first first) are ``guides``;
    ``since`` (a commit or tag) overrides the clinic's ``signed_off``."""
    first = guides[0]
    since = since or _signed_off(clinic_dir)
    pack = ReviewPack(edition=first.site.name, clinic=_relative(clinic_dir, root) if clinic_dir else None,
                      colour=first.brand.colours.primary, made=now or dt.datetime.now().astimezone(), version=_version(root), since=since, since_commit=None)
    pack.languages = [_language(guide, root, clinic_dir) for guide in guides]
    if since:
        edition = Edition(_relative(content_dir, root), _relative(clinic_dir, root) if clinic_dir else None,
                          tuple(g.site.language for g in guides))
        try:
            from .changes import commit_of, repository_root
            pack.since_commit = commit_of(repository_root(root), since)
            pack.changes = changes_since(root, since, edition)
        except ChangesError as exc:
            pack.changes_error = str(exc)
    pack.checklist = _checklist(root / "FORKING.md")
    return pack


def render_html(pack: ReviewPack, templates_dir: Path) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir.resolve())), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["trusted_html"] = trusted_html  # the texts and checklist items this module made HTML of, escaped
    return env.get_template(TEMPLATE).render(pack=pack)


# --- the edition's words -----------------------------------------------------------------------------


def _language(guide: Guide, root: Path, clinic_dir: Path | None) -> Language:
    items = [_page(guide, page) for page in guide.pages]
    items += [_worksheet(guide, sheet) for sheet in guide.worksheets]
    return Language(guide.site.language, tuple(items), tuple(_facts(guide, clinic_dir, root)),
                    tuple(dict.fromkeys(author_notes(guide))))


def _words(guide: Guide, text: str) -> str:
    """A content text as the patient reads it (fill-ins filled), as safe HTML: the text is escaped
    before Markdown makes its lists and emphasis, so no markup in a file reaches the pack, and links
    are kept as their words."""
    filled = edition_fill_ins(crisis_fill_ins(str(text), guide.site.crisis), guide.site, guide.ui)
    return markdown_lib.markdown(html.escape(MARKDOWN_LINK.sub(r"\1", filled), quote=False))


def _page(guide: Guide, page) -> Item:
    blocks = [Block(f"notice: {guide.notices[n].title}", (_words(guide, guide.notices[n].body),)) for n in page.notices]
    for number, block in enumerate(page.blocks, start=1):
        label = getattr(block, "heading", None) or getattr(block, "title", None)
        if block.type == "help_tiers":
            texts = [*([_words(guide, block.intro)] if block.intro else []), *(_tier_words(guide, t) for t in block.tiers)]
        elif block.type == "plan_builder":  # the plan's screens: words of a tool, shown by its script, not claims
            texts = []
        else:
            texts = [_words(guide, text) for text in block.prose(guide) if text]
        sources = [guide.references[r] for r in dict.fromkeys(block.cited(guide))]
        blocks.append(Block(f"{number}. {block.type}" + (f": {label}" if label else ""), tuple(texts), tuple(sources)))
    return Item("page", page.id, page.title, page.origin.file, page.last_reviewed, page.next_review_due,
                page.reviewed_by, tuple(blocks), tuple(guide.page_references(page)))


def _tier_words(guide: Guide, tier) -> str:
    signs = "".join(f"<li>{_words(guide, sign).removeprefix('<p>').removesuffix('</p>')}</li>" for sign in tier.signs)
    note = _words(guide, tier.note) if tier.note else ""
    return f"<p><strong>{html.escape(tier.title)}</strong> ({html.escape(tier.level)})</p><ul>{signs}</ul>{note}"


def _worksheet(guide: Guide, sheet) -> Item:
    blocks = [Block("intro", tuple(_words(guide, t) for t in (sheet.when, sheet.intro) if t))]
    for field_ in sheet.fields:
        texts = tuple(_words(guide, t) for t in field_.printed_texts(guide) if t)
        blocks.append(Block(f"{field_.id} ({field_.type})", texts))
    return Item("worksheet", sheet.id, sheet.title, sheet.origin.file, sheet.last_reviewed, sheet.next_review_due,
                sheet.reviewed_by, tuple(blocks), tuple(guide.references[r] for r in sheet.references))


def _facts(guide: Guide, clinic_dir: Path | None, root: Path) -> list[Fact]:
    """The facts in force, each with the file that sets it and its source."""
    site, refs = guide.site, guide.references
    brand = _brand_keys(clinic_dir)
    where = lambda key: f"{_relative(clinic_dir, root)}/brand.yml" if key in brand else "content/site.yml"
    crisis = site.crisis
    facts = [Fact("Emergency number", f"{crisis.emergency_number}: {crisis.emergency}", where("crisis"),
                  refs.get(crisis.emergency_source) if crisis.emergency_source else None, phone_href(crisis.emergency_number))]
    for line in crisis.lines:
        reach = " · ".join(words for words, _ in ways(line, guide.ui)) or line.how or ""
        facts.append(Fact(f"Crisis line: {line.name}", f"{reach} ({line.hours})" if line.hours else reach, where("crisis"),
                          refs.get(line.source) if line.source else None, line.href))
    urgent = site.urgent_care
    facts.append(Fact("Urgent route (a body symptom, not an emergency)",
                      urgent_sentence(urgent) + (f"; online: {urgent.online}" if urgent.online else ""),
                      where("urgent_care"), refs.get(urgent.source),
                      phone_href(urgent.number) if urgent.number else urgent.online))
    values = edition_values(site, guide.ui)
    facts.append(Fact("Esketamine: how long the staff watch you", f"the staff watch you {values['esketamine_watch']}",
                      where("esketamine"), refs.get(site.esketamine.source)))
    facts.append(Fact("Esketamine: how it is given", f"it is given {values['esketamine_use']}", where("esketamine"),
                      refs.get(site.esketamine.source)))
    contact = guide.brand.contact
    if contact:
        for label, phone, hours in (("Clinic phone", contact.phone, contact.hours),
                                    ("Clinic after-hours line", contact.after_hours_phone, contact.after_hours)):
            if phone:
                facts.append(Fact(label, f"{phone}" + (f" ({hours})" if hours else ""), where("contact"), None,
                                  phone_href(phone)))
    return facts


def _brand_keys(clinic_dir: Path | None) -> set[str]:
    if clinic_dir is None:
        return set()
    import yaml

    try:
        data = yaml.safe_load((clinic_dir / "brand.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return set()
    return set(data) if isinstance(data, dict) else set()


def _signed_off(clinic_dir: Path | None) -> str | None:
    if clinic_dir is None:
        return None
    from ..schema.brand_file import BrandFile
    import yaml

    data = yaml.safe_load((clinic_dir / "brand.yml").read_text(encoding="utf-8")) or {}
    return BrandFile.model_validate(data).signed_off if isinstance(data, dict) else None


def _checklist(forking: Path) -> list[str]:
    """FORKING.md's "Before you publish" checklist, one item per bullet, as safe HTML."""
    if not forking.is_file():
        return []
    text = forking.read_text(encoding="utf-8")
    start = text.find(CHECKLIST_HEADING)
    if start < 0:
        return []
    section = text[start:].split("\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    items, current = [], None
    for line in section.splitlines():
        if line.startswith("- "):
            current = [line[2:]]
            items.append(current)
        elif current is not None and line.startswith("  ") and line.strip():
            current.append(line.strip())
        elif not line.strip():
            current = None
    return [markdown_lib.markdown(html.escape(" ".join(parts), quote=False)).removeprefix("<p>").removesuffix("</p>")
            for parts in items]


def _version(root: Path) -> str:
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=30)
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return "not a git repository"
    if head.returncode != 0:
        return "not a git repository"
    return head.stdout.strip() + (" (with changes not yet committed)" if dirty.stdout.strip() else "")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
