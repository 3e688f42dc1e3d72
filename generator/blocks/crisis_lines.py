from __future__ import annotations

from typing import Literal

from .base import PageBlock


class CrisisLinesBlock(PageBlock):
    """The crisis lines in force (ours, or a clinic's from its brand.yml), in full."""

    type: Literal["crisis_lines"]

    def prose(self, guide):
        return [guide.site.crisis.emergency, guide.site.crisis.intro]
