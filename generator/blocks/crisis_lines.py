from __future__ import annotations

from typing import Literal

from .base import PageBlock


class CrisisLinesBlock(PageBlock):
    """The crisis lines in force (ours, or a clinic's from its brand.yml), in full."""

    type: Literal["crisis_lines"]

    def prose(self, guide):
        return [guide.site.crisis.emergency, guide.site.crisis.intro]

    def cited(self, guide):
        """Each line's source: the facts shown (number, hours, free) are cited where they are shown."""
        crisis = guide.site.crisis
        return [*(line.source for line in crisis.lines if line.source), *([crisis.emergency_source] if crisis.emergency_source else [])]
