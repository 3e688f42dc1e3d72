from __future__ import annotations

from typing import Literal

from ..schema.base import Markdown, Text
from .base import PageBlock


class TextBlock(PageBlock):
    """A section of prose, with an optional heading."""

    type: Literal["text"]
    heading: Text | None = None
    body: Markdown

    def prose(self, guide):
        return [self.body]
