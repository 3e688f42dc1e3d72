from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import PromptedField


class BoxField(PromptedField):
    """An open, framed space to draw or write in."""

    type: Literal["box"]
    height_mm: int = Field(ge=15, le=220, description="The box's printed height in millimetres, 15 to 220.")
