from __future__ import annotations

from typing import Literal

from ..schema.base import Text
from .base import PageBlock


class ClinicTherapyBlock(PageBlock):
    """The clinic's integration-therapy offer and referrals (from its brand.yml); empty without a clinic."""

    type: Literal["clinic_therapy"]
    heading: Text | None = None

    def prose(self, guide):
        therapy = guide.brand.integration_therapy  # a clinic's own words
        return [therapy.description] if therapy and therapy.description else []
