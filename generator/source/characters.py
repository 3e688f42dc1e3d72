"""Characters no text of the guide may hold: bidirectional controls and invisible zero-width ones.

A bidirectional control changes the order in which the text after it is shown: "call \u202e889\u202c
now" shows "call 988 now" while the text (what a search, a screen reader or a tel: link reads) says
889. A zero-width character hides inside a word or a number ("9\u200b88") so that two texts that
look the same differ. Neither is ever needed in our languages' prose, so each is an error at its
file, line and column.

Two joiners have a real use, and are let through there only:
- U+200D ZERO WIDTH JOINER between two emoji makes one emoji of them (👩 + ⚕ is a health worker);
  content holds no emoji today, but a clinic's texts could, and the joiner cannot hide a digit there.
- U+200C and U+200D between two letters of a script whose letters join (Arabic, the Indic
  scripts, Syriac, Mongolian...) choose a letter's shape: Persian or Hindi is misspelt without them.
A byte-order mark (U+FEFF) at the very start of a file is the file's encoding mark, not text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
HIDDEN = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}]")
JOINERS = "\u200c\u200d"
JOINING_SCRIPTS = ("ARABIC", "SYRIAC", "NKO", "MONGOLIAN", "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA",
                   "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA", "MYANMAR", "KHMER", "TIBETAN")
EMOJI_PARTS = "\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"  # the emoji style selector, skin tones


def _emoji(char: str) -> bool:
    code = ord(char)
    return 0x1F000 <= code <= 0x1FAFF or 0x2300 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF


def _joining_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM" and unicodedata.name(char, "").startswith(JOINING_SCRIPTS)


def _joins(text: str, at: int) -> bool:
    """Whether the joiner at ``at`` joins two emoji or two letters of a joining script."""
    before = at - 1
    while before >= 0 and text[before] in EMOJI_PARTS:
        before -= 1
    if before < 0 or at + 1 >= len(text):
        return False
    left, right = text[before], text[at + 1]
    if text[at] == "\u200d" and _emoji(left) and _emoji(right):
        return True
    return _joining_letter(text[at - 1]) and _joining_letter(right)


def hidden_characters(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """(offset, description) of each bidirectional control or zero-width character in ``text`` that
    is not a joiner doing its job; ``start`` skips a leading byte-order mark."""
    for match in HIDDEN.finditer(text, start):
        char, at = match.group(), match.start()
        if char in JOINERS and _joins(text, at):
            continue
        kind = ("a bidirectional control, which changes the order text is shown in (\"call \\u202e889\" shows 988)"
                if char in BIDI_CONTROLS else "an invisible zero-width character")
        yield at, f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed').lower()}) is {kind}; remove it"
