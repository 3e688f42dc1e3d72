from __future__ import annotations

from typing import Literal

from ..schema.base import Markdown, Text
from .base import PageBlock


class CalloutBlock(PageBlock):
    """A box of text written on the page itself (a notice written once, in place)."""

    type: Literal["callout"]
    style: Literal["info", "tip", "warning", "danger"] = "info"
    title: Text
    body: Markdown

    def prose(self, guide):
        return [self.body]
