"""Words of our country left in an edition for another one: when a clinic's country is not ours, every
text that still names one of our country's services or agencies ("988", "FDA", "emergency room") is
listed as a warning with its file and line, so the clinic can replace that item in its folder.

The words are kept in content (``country_words`` in content/site.yml), one list per country, so that
a fork in another country lists its own. Matching is whole words, and case matters ("US", not "us").
Sources are left out: a reference names its publisher, whatever the reader's country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..problems import Note
from ..source.yaml_reader import YamlDocument, texts

SKIPPED_KEYS = frozenset({"id", "href", "url", "doi", "references", "source", "chat"})


def leftover_word_notes(words: Iterable[str], our_country: str, their_country: str,
                        docs: Iterable[YamlDocument]) -> list[Note]:
    """A warning for each of ``words`` (our country's) found in a text of ``docs``, for an edition in another country."""
    words = sorted(set(words), key=len, reverse=True)
    if not words or our_country == their_country:
        return []
    import babel

    names = babel.Locale("en").territories
    ours, theirs = names.get(our_country, our_country), names.get(their_country, their_country)
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(word) for word in words) + r")(?![\w])")
    notes = []
    for doc in docs:
        for at, text in texts(doc.data, SKIPPED_KEYS):
            for match in pattern.finditer(text):
                notes.append(Note("warning", doc.problem(at, (
                    f"{match.group(1)!r} names a service or fact of {ours} ({our_country}), but this edition is for "
                    f"{theirs} ({their_country}); "
                    "replace this item in the clinic's folder with words for its own country"), match.start(1))))
    return notes
