from __future__ import annotations

from typing import Literal

from ..schema.base import Id
from .base import PageBlock, Use


class NoticeBlock(PageBlock):
    """One of the shared notices (notices.yml), by id, where it belongs on the page."""

    type: Literal["notice"]
    notice: Id

    def prose(self, guide):
        return [guide.notices[self.notice].body]

    def uses(self):
        return [Use("notice", self.notice, ("notice",))]
