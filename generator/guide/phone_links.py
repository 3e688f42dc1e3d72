"""The one place a ``tel:`` or ``sms:`` link is made, from a number as people write it ("+44 20 7946
0000", "13 11 14", "988"): its digits, a leading + kept, nothing else. The crisis lines' ways, the
emergency number, the urgent route, a clinic's phone and after-hours line, and the sign-off pack all
come here, so a number dials the same way wherever it is shown.
"""

from __future__ import annotations

import re
import urllib.parse


def phone_href(number: str, text: bool = False, body: str | None = None) -> str:
    """A ``tel:`` link to call ``number``, or with ``text`` an ``sms:`` link to text it; ``body``
    is the first message already typed in (RFC 5724), such as a service's keyword ("SHOUT")."""
    digits = re.sub(r"[^0-9]", "", number)
    href = f"{'sms' if text else 'tel'}:{'+' if number.strip().startswith('+') else ''}{digits}"
    return f"{href}?body={urllib.parse.quote(body)}" if text and body else href
