from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..schema.base import Markdown, Strict, Text
from .base import PageBlock

LEVELS = ("clinic", "urgent", "crisis", "emergency")


class HelpTier(Strict):
    """One level of help: its signs, and whom to call (filled in from the contact and lines in force)."""

    level: Literal["clinic", "urgent", "crisis", "emergency"] = Field(
        description="Whom to call: 'clinic' (the clinic's phone and after-hours line, when it has them), 'urgent' "
                    "(for a body symptom that is urgent but not an emergency: the clinic's after-hours line and the "
                    "edition's urgent route, urgent_care in site.yml or brand.yml), 'crisis' (the crisis lines in "
                    "force) or 'emergency' (the emergency number in force).")
    title: Text = Field(description="When this applies, in plain words, e.g. 'Call your clinic if'.")
    signs: list[Markdown] = Field(min_length=1, description="The signs, one per item. Never a phone number: those come from the brand.")
    note: Markdown | None = Field(None, description="A short line under the numbers, e.g. what to do if the clinic is closed.")


class HelpTiersBlock(PageBlock):
    """When to get help, the NHS.UK way: levels of help, each a box with its signs and whom to call.
    Numbers are never typed here: they come from the clinic's contact and the crisis lines in force."""

    type: Literal["help_tiers"]
    heading: Text | None = None
    intro: Markdown | None = None
    tiers: list[HelpTier] = Field(min_length=1, max_length=4)

    @model_validator(mode="after")
    def _in_order(self) -> "HelpTiersBlock":
        levels = [tier.level for tier in self.tiers]
        if len(set(levels)) != len(levels) or levels != sorted(levels, key=LEVELS.index):
            raise ValueError("each level at most once, in this order: clinic, urgent, crisis, emergency")
        return self

    def prose(self, guide):
        texts = [self.intro] if self.intro else []
        for tier in self.tiers:
            texts += [*tier.signs, *([tier.note] if tier.note else [])]
        return texts
