"""A page of the guide: ``content/pages/<id>.yml``, a list of blocks (see generator/blocks/)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from ..blocks import Block
from .base import Id, Strict, Text


class Page(Strict):
    id: Id = Field(description="Also the page's address: /<id>/ ('index' is the home page).")
    title: Text
    nav_title: Text | None = Field(None, description="A shorter title for the menu.")
    order: int = Field(description="Position in the menu; lower comes first.")
    description: Text = Field(description="One sentence that sums up the page.")
    last_reviewed: dt.date
    next_review_due: dt.date
    reviewed_by: Text | None = Field(None, description="Who reviewed the page: a role or a name (shown beside the review dates).")
    keywords: list[Text] = Field([], description="Words people may search with to find this page, e.g. 'panic' (for the site search).")
    notices: list[Id] = Field([], description="Notices shown at the top of the page, by id.")
    blocks: list[Block] = Field(min_length=1)
    references: list[Id] = []

    @model_validator(mode="after")
    def _review_order(self) -> "Page":
        if self.next_review_due <= self.last_reviewed:
            raise ValueError("next_review_due must be after last_reviewed")
        return self


