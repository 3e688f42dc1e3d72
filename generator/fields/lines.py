from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import PromptedField


class LinesField(PromptedField):
    """Ruled lines to write on (at least 8 mm apart when printed)."""

    type: Literal["lines"]
    count: int = Field(ge=1, le=20, description="How many ruled lines, 1 to 20.")
