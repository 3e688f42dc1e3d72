"""Review dates: which pages are past their next-review-due date.

An overdue review is a warning, not an error: the page is still the best we have, and a clinic
must be able to publish a fix on a day when some review is late. ``python -m generator check``
and the MkDocs build print the warnings; neither fails because of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .content import Guide


@dataclass(frozen=True)
class Overdue:
    page_id: str
    source: str  # the content file that holds the date
    next_review_due: dt.date
    days_late: int

    def warning(self) -> str:
        days = f"{self.days_late} day{'s' if self.days_late != 1 else ''}"
        return (f"warning: {self.source}: next_review_due: page {self.page_id!r} was due for review on "
                f"{self.next_review_due.isoformat()} ({days} ago); review it against its sources and "
                "set new last_reviewed and next_review_due dates")


def overdue_pages(guide: Guide, today: dt.date | None = None) -> list[Overdue]:
    """Pages whose next review date is before ``today`` (default: the date now), most overdue first."""
    today = today or dt.date.today()
    late = [Overdue(p.id, f"content/pages/{p.id}.yml", p.next_review_due, (today - p.next_review_due).days)
            for p in guide.pages if p.next_review_due < today]
    return sorted(late, key=lambda o: (-o.days_late, o.page_id))
