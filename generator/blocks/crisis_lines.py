from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..schema.base import Markdown, Text
from .base import PageBlock


class CrisisLinesBlock(PageBlock):
    """The crisis lines in force (ours, or a clinic's from its brand.yml), each way to reach them a
    full-width button: in full, as on the crisis page; or, with a title, as a box of help at the top
    of a page, its words first, then the emergency number's button and each line's."""

    type: Literal["crisis_lines"]
    title: Text | None = Field(None, description="The box's heading, e.g. 'If someone is in danger right now'. "
                                                 "Without it, the lines are shown in full with the crisis intro.")
    body: Markdown | None = Field(None, description="With a title: the words before the buttons. Write "
                                                    "{emergency_number} for the number, never the number itself.")

    @model_validator(mode="after")
    def _box_has_title(self) -> "CrisisLinesBlock":
        if self.body and not self.title:
            raise ValueError("body is the words of a box of help: give the box a title too")
        return self

    def prose(self, guide):
        if self.title:
            return [self.body] if self.body else []
        return [guide.site.crisis.emergency, guide.site.crisis.intro]

    def cited(self, guide):
        """Each line's source: the facts shown (number, hours, free) are cited where they are shown."""
        crisis = guide.site.crisis
        return [*(line.source for line in crisis.lines if line.source), *([crisis.emergency_source] if crisis.emergency_source else [])]
