from __future__ import annotations

from typing import Literal

from ..schema.base import Markdown, Text
from .base import PageBlock


class PrintBlock(PageBlock):
    """Links to the handout (the whole guide as a PDF, A4 and US Letter) and to the worksheets."""

    type: Literal["print"]
    heading: Text | None = None
    intro: Markdown | None = None

    def prose(self, guide):
        return [self.intro] if self.intro else []
