from __future__ import annotations

from typing import Literal

from .base import PromptedField


class CrisisLinesField(PromptedField):
    """The crisis lines and the emergency advice in force (ours, or a clinic's), printed under a prompt."""

    type: Literal["crisis_lines"]

    def printed_texts(self, guide):
        from ..guide.crisis_wording import ways

        crisis = guide.site.crisis
        return [*super().printed_texts(guide), *(line.name for line in crisis.lines),
                *(words for line in crisis.lines for words, _ in ways(line, guide.ui)), crisis.emergency]

    def prose(self, guide):
        return super().printed_texts(guide)
