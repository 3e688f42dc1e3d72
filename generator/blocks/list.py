from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..schema.base import Markdown, Text
from .base import PageBlock


class ListBlock(PageBlock):
    """A bulleted (or numbered) list, with an optional heading and introduction."""

    type: Literal["list"]
    heading: Text | None = None
    intro: Markdown | None = None
    items: list[Markdown] = Field(min_length=1)
    numbered: bool = False

    def prose(self, guide):
        return [t for t in (self.intro, *self.items) if t]
