from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import Field, model_validator

from ..schema.base import Id, Strict, Text
from .base import ItemSource, PromptedField, check_source, guide_list


class TableColumn(Strict):
    heading: Text
    key: Id | None = Field(None, description="The column's name in form fields (the PDFs' and the plan's), the same "
                                             "in every language (default: made from the heading).")
    tick: bool = Field(False, description="true: each cell holds an empty square to tick.")
    narrow: bool = Field(False, description="true: a narrow column, e.g. for a tick, a number or a date.")


class TableField(PromptedField):
    """A small table: a row label down the left, columns to write or tick in."""

    type: Literal["table"]
    row_heading: Text | None = Field(None, description="The heading over the row labels.")
    columns: list[TableColumn] = Field(min_length=1, max_length=6)
    rows: list[Text] = Field([], description="The row labels, one per row.")
    rows_from: ItemSource | None = None
    blank_rows: int = Field(0, ge=0, le=15, description="Extra rows with no label, to fill in.")
    row_height_mm: int = Field(9, ge=8, le=60, description="Each row's printed height in millimetres (8 or more).")

    @model_validator(mode="after")
    def _has_rows(self) -> "TableField":
        if not (self.rows or self.rows_from or self.blank_rows):
            raise ValueError("a table needs rows, rows_from or blank_rows")
        keys = [column.key for column in self.columns if column.key]
        if len(keys) != len(set(keys)):
            raise ValueError("each column's key must differ from the others'")
        return self

    @property
    def column_keys(self) -> list[str]:
        """A name for each column, its ``key`` or else from its heading ('Sleep (hours)' → 'sleep-hours'),
        unique in the table: the last part of the names of its cells' form fields in the PDFs and the plan."""
        keys: list[str] = []
        for number, column in enumerate(self.columns, start=1):
            if column.key:
                keys.append(column.key)
                continue
            plain = unicodedata.normalize("NFKD", column.heading).encode("ascii", "ignore").decode().lower()
            key = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or f"column{number}"
            keys.append(key if key not in keys else f"{key}-{number}")
        return keys

    def shown(self, guide):
        reused = guide_list(guide, self.rows_from) or [] if self.rows_from else []
        return [*self.rows, *(item.text for item in reused)]

    def printed_texts(self, guide):
        return [*super().printed_texts(guide), *self.shown(guide), *(c.heading for c in self.columns),
                *([self.row_heading] if self.row_heading else [])]

    def prose(self, guide):
        return super().printed_texts(guide)

    def check(self, guide):
        return check_source(guide, "rows_from", self.rows_from)
