from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..schema.base import Id
from .base import ItemSource, PromptedField, WorksheetItem, check_source, guide_list


class ChecklistField(PromptedField):
    """Empty squares to tick: its own items, or a list reused from the guide (optionally only some)."""

    type: Literal["checklist"]
    items: list[WorksheetItem] = []
    items_from: ItemSource | None = None
    only: list[Id] = Field([], description="With items_from: show only these item ids, in this order.")

    @model_validator(mode="after")
    def _one_source(self) -> "ChecklistField":
        if bool(self.items) == bool(self.items_from):
            raise ValueError("a checklist needs either items or items_from (one of the two)")
        if self.only and not self.items_from:
            raise ValueError("only can be used with items_from")
        return self

    def shown(self, guide):
        if not self.items_from:
            return list(self.items)
        items = guide_list(guide, self.items_from) or []
        if not self.only:
            return items
        by_id = {item.id: item for item in items}
        return [by_id[i] for i in self.only if i in by_id]

    def printed_texts(self, guide):
        return [*super().printed_texts(guide), *(item.text for item in self.shown(guide))]

    def prose(self, guide):
        return [*super().printed_texts(guide), *(item.text for item in self.items)]

    def check(self, guide):
        return check_source(guide, "items_from", self.items_from, self.only)
