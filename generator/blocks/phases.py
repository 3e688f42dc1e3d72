from __future__ import annotations

from typing import Literal

from ..schema.base import Id, Text
from .base import PageBlock, Use, item_references, item_texts


class PhasesBlock(PageBlock):
    """Phase checklists; all phases in their order when ``phases`` is left out."""

    type: Literal["phases"]
    heading: Text | None = None
    phases: list[Id] | None = None

    def shown(self, guide):
        return [guide.phase(p) for p in self.phases] if self.phases else list(guide.phases)

    def prose(self, guide):
        for phase in self.shown(guide):
            yield phase.intro
            yield from item_texts(phase.items)

    def uses(self):
        return [Use("phase", p, ("phases", i)) for i, p in enumerate(self.phases or [])]

    def cited(self, guide):
        return [ref for phase in self.shown(guide) for ref in item_references(phase.items)]
