"""The ``Guide``: the whole guide's content, checked, merged with a clinic's overlay and brand,
every cross-reference resolved. Everything after this stage (rendering, printing, quality checks)
reads only the Guide; every item in it knows the file it came from (``item.origin``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Note, Problem
from ..schema.items import Notice, Phase, Practice, Reference, Site, TherapistFile
from ..schema.page import Page
from ..schema.worksheet import Worksheet
from .brand import Brand


@dataclass(frozen=True)
class Guide:
    site: Site  # our site settings with the brand's name, crisis lines, footer and language
    references: dict[str, Reference]
    notices: dict[str, Notice]
    practices: list[Practice]
    phases: list[Phase]
    therapist: TherapistFile
    pages: list[Page]  # in menu order
    brand: Brand  # the clinic's brand, or ours: name, logo, colours, contact, integration therapy
    worksheets: list[Worksheet] = field(default_factory=list)  # in their order
    locale: str = "en_US"  # the Babel locale of dates and numbers (guide/locale.py)
    notes: list[Note] = field(default_factory=list)  # warnings and info lines for the author; the build goes on
    ui: dict = field(default_factory=dict)  # the interface catalog of the site's language (guide/interface.py)
    warnings: tuple[Problem, ...] = ()  # what is incomplete but still builds (an untranslated text)
    # Where each item came from: what it is ("page", "notice", "interface text", ...) -> its id -> the
    # layer, file and line, and what that layer did (guide/layers.py), left-out items included.
    provenance: dict = field(default_factory=dict)

    @property
    def address_prefix(self) -> str:
        """Where this language's pages are in the site: "" for the first language, "es/" for another."""
        return "" if self.site.language == self.site.languages[0] else f"{self.site.language}/"

    def practice(self, practice_id: str) -> Practice:
        return next(p for p in self.practices if p.id == practice_id)

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)

    def worksheet(self, worksheet_id: str) -> Worksheet:
        return next(w for w in self.worksheets if w.id == worksheet_id)

    @property
    def help_page(self) -> Page | None:
        """The page that says when to get help (the first with a ``help_tiers`` block), if there is one."""
        return next((p for p in self.pages if any(b.type == "help_tiers" for b in p.blocks)), None)

    @property
    def plan_page(self) -> Page | None:
        """The page with the plan builder (the first with a ``plan_builder`` block), if there is one."""
        return next((p for p in self.pages if any(b.type == "plan_builder" for b in p.blocks)), None)

    def page_references(self, page: Page) -> list[Reference]:
        """The page's own references, then those of the practices and checklist items it shows, then
        the sources of the edition's facts its words name (the urgent route, the esketamine label)."""
        ids = [*page.references, *(ref for block in page.blocks for ref in block.cited(self)), *self.fact_sources(page)]
        return [self.references[i] for i in dict.fromkeys(ids)]

    def fact_sources(self, page: Page) -> list[str]:
        """The sources of the edition facts whose fill-ins (``{urgent_care}``, ``{esketamine_watch}``)
        are in the page's words, or the help tiers it shows: this edition's, whichever country's."""
        words = " ".join([page.model_dump_json(), *(str(text) for block in page.blocks for text in block.prose(self) if text)])
        found = []
        if "{urgent_care}" in words or any(getattr(b, "type", "") == "help_tiers" and any(t.level == "urgent" for t in b.tiers)
                                           for b in page.blocks):
            found.append(self.site.urgent_care.source)
        if "{esketamine_" in words:
            found.append(self.site.esketamine.source)
        return found
