from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..schema.base import Text
from .base import PromptedField


class ScaleField(PromptedField):
    """A 0 to 10 scale of numbered boxes to circle one, with words at each end."""

    type: Literal["scale"]
    low_label: Text = Field(description="What 0 means, e.g. 'Very low'.")
    high_label: Text = Field(description="What 10 means, e.g. 'Very good'.")

    def printed_texts(self, guide):
        return [*super().printed_texts(guide), self.low_label, self.high_label]

    def prose(self, guide):
        return super().printed_texts(guide)
