from __future__ import annotations

from typing import Literal

from ..schema.base import Markdown, Text
from .base import PageBlock, item_references, item_texts


class TherapistCriteriaBlock(PageBlock):
    """The checklist of what to look for in an integration therapist (therapist.yml)."""

    type: Literal["therapist_criteria"]
    heading: Text | None = None
    intro: Markdown | None = None

    def prose(self, guide):
        return [*([self.intro] if self.intro else []), *item_texts(guide.therapist.criteria)]

    def cited(self, guide):
        return item_references(guide.therapist.criteria)
