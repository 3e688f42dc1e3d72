from __future__ import annotations

from typing import Literal

from ..schema.base import Markdown, Text
from .base import SheetField


class NoteField(SheetField):
    """A short printed note with no space to write, e.g. 'Rest first.'"""

    type: Literal["note"]
    title: Text | None = None
    body: Markdown

    def printed_texts(self, guide):
        return [self.title] if self.title else []  # the body is Markdown: checked as prose, and by its example

    def prose(self, guide):
        return [self.body]
