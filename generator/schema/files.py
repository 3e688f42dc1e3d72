"""Which model checks which content file: ``ROOT_MODELS`` maps each kind of file to its model."""

from __future__ import annotations

from .base import Strict
from .items import NoticesFile, PhasesFile, PracticesFile, ReferencesFile, Site, TherapistFile
from .page import Page
from .worksheet import Worksheet

ROOT_MODELS: dict[str, type[Strict]] = {
    "site": Site,
    "references": ReferencesFile,
    "notices": NoticesFile,
    "practices": PracticesFile,
    "phases": PhasesFile,
    "therapist": TherapistFile,
    "page": Page,
    "worksheet": Worksheet,
}
"""The kinds of content file: ``content/<kind>.yml``, ``content/pages/*.yml`` for pages and
``content/worksheets/*.yml`` for worksheets."""
