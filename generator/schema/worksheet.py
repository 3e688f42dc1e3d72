"""A worksheet: ``content/worksheets/<id>.yml``, a list of fields drawn for a pen (see generator/fields/).

The field tag is ``type``, as for page blocks, so errors are reported the same way for both.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from ..fields import WorksheetField
from .base import Id, Markdown, Strict, Text


class Worksheet(Strict):
    id: Id = Field(description="Also the file name and the address: /worksheets/<id>/.")
    title: Text
    order: int = Field(description="Position in the list of worksheets; lower comes first.")
    description: Text = Field(description="One sentence for the list of worksheets.")
    when: Text | None = Field(None, description="When to fill it in, e.g. 'One to three days after a session'.")
    intro: Markdown | None = Field(None, description="One or two short sentences printed under the title.")
    last_reviewed: dt.date
    next_review_due: dt.date
    reviewed_by: Text | None = Field(None, description="Who reviewed the worksheet: a role or a name (shown beside the review dates).")
    fields: list[WorksheetField] = Field(min_length=1)
    references: list[Id] = []

    @model_validator(mode="after")
    def _review_order(self) -> "Worksheet":
        if self.next_review_due <= self.last_reviewed:
            raise ValueError("next_review_due must be after last_reviewed")
        return self


