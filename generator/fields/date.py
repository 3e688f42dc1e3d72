from __future__ import annotations

from typing import Literal

from .base import PromptedField


class DateField(PromptedField):
    """A short line for a date (or a date and time)."""

    type: Literal["date"]
