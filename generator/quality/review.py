"""Review dates: which pages and worksheets are past their next-review-due date.

An overdue review is a warning, not an error: the page is still the best we have, and a clinic
must be able to publish a fix on a day when some review is late. ``python -m generator check``
and every build print the warnings; neither fails because of them. Each names the file the item
came from: ours, or the clinic's where it replaced ours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..guide.guide import Guide


@dataclass(frozen=True)
class Overdue:
    kind: str  # "page" or "worksheet"
    item_id: str
    source: str  # the content file that holds the date
    next_review_due: dt.date
    days_late: int

    def warning(self) -> str:
        days = f"{self.days_late} day{'s' if self.days_late != 1 else ''}"
        return (f"warning: {self.source}: next_review_due: {self.kind} {self.item_id!r} was due for review on "
                f"{self.next_review_due.isoformat()} ({days} ago); review it against its sources and "
                "set new last_reviewed and next_review_due dates")


def overdue_items(guide: Guide, today: dt.date | None = None) -> list[Overdue]:
    """Pages and worksheets whose next review date is before ``today`` (default: now), most overdue first."""
    today = today or dt.date.today()
    items = [("page", p) for p in guide.pages] + [("worksheet", w) for w in guide.worksheets]
    late = [Overdue(kind, item.id, item.origin.file, item.next_review_due, (today - item.next_review_due).days)
            for kind, item in items if item.next_review_due < today]
    return sorted(late, key=lambda o: (-o.days_late, o.kind, o.item_id))


def author_notes(guide: Guide) -> list[str]:
    """Everything a check or build tells its author without failing: the guide's own notes (what a
    clinic's overlay left out, words for another country), what is incomplete but still builds (an
    untranslated text), then the overdue reviews."""
    return ([str(note) for note in guide.notes] + [f"warning: {problem}" for problem in guide.warnings]
            + [late.warning() for late in overdue_items(guide)])
