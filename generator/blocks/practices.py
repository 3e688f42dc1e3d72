from __future__ import annotations

from typing import Literal

from ..schema.base import Id, Text
from .base import PageBlock, Use


class PracticesBlock(PageBlock):
    """Practice cards; all practices in their order when ``practices`` is left out."""

    type: Literal["practices"]
    heading: Text | None = None
    practices: list[Id] | None = None

    def shown(self, guide):
        return [guide.practice(p) for p in self.practices] if self.practices else list(guide.practices)

    def prose(self, guide):
        for practice in self.shown(guide):
            yield practice.summary
            yield practice.body
            for item_list in practice.lists:
                yield from item_list.items
            for modality in practice.modalities:
                yield modality.summary

    def uses(self):
        return [Use("practice", p, ("practices", i)) for i, p in enumerate(self.practices or [])]

    def cited(self, guide):
        return [ref for practice in self.shown(guide) for ref in practice.references]
