from __future__ import annotations

from typing import Literal

from .base import PromptedField


class CrisisLinesField(PromptedField):
    """The crisis lines and the emergency advice in force (ours, or a clinic's), printed under a prompt."""

    type: Literal["crisis_lines"]

    def printed_texts(self, guide):
        crisis = guide.site.crisis
        return [*super().printed_texts(guide), *(f"{line.how}: {line.name}" for line in crisis.lines), crisis.emergency]

    def prose(self, guide):
        return super().printed_texts(guide)
