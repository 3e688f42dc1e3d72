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
        return [t for t in (self.title, self.body) if t]

    def prose(self, guide):
        return [self.body]
