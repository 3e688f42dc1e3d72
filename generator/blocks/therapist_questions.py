from __future__ import annotations

from typing import Literal

from ..schema.base import Markdown, Text
from .base import PageBlock, item_references, item_texts


class TherapistQuestionsBlock(PageBlock):
    """The questions to ask a possible integration therapist (therapist.yml)."""

    type: Literal["therapist_questions"]
    heading: Text | None = None
    intro: Markdown | None = None

    def prose(self, guide):
        return [*([self.intro] if self.intro else []), *item_texts(guide.therapist.questions)]

    def cited(self, guide):
        return item_references(guide.therapist.questions)
