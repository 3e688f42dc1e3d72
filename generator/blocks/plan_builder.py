from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import PageBlock


class PlanBuilderBlock(PageBlock):
    """The personal plan builder: a form drawn from the practices, phases, therapist criteria and
    crisis lines, saved on the patient's device only."""

    type: Literal["plan_builder"]
    sessions: int = Field(6, ge=1, le=12, description="How many sessions the plan has room for.")
    support_people: int = Field(3, ge=1, le=6, description="How many support people the plan has room for.")
    # Its words are the practices, phases and criteria, measured on their own pages: no prose here.
