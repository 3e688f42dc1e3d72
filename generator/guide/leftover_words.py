"""Words of our country left in an edition for another one: when a clinic's country is not ours, every
text that still names one of our country's services or agencies ("988", "FDA", "emergency room") is
listed as a warning with its file and line, so the clinic can replace that item in its folder.

The words are kept in content (``country_words`` in content/site.yml), one list per country, so that
a fork in another country lists its own; a translation adds the same words as its language says them
(``country_words`` in content/es/site.yml: "Estados Unidos", "sala de emergencias"), and an edition
in that language is checked for both (what is not translated yet is shown in English). Matching is whole words, and case matters ("US", not "us").
Sources are left out: a reference names its publisher, whatever the reader's country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..problems import Note
from ..source.yaml_reader import YamlDocument, texts

SKIPPED_KEYS = frozenset({"id", "href", "url", "doi", "references", "source", "chat"})


def leftover_word_notes(words: Iterable[str], our_country: str, their_country: str,
                        docs: Iterable[YamlDocument], folder: str = "the clinic's folder") -> list[Note]:
    """A warning for each of ``words`` (our country's) found in a text of ``docs``, for an edition in
    another country; ``folder``: where the clinic replaces an item for this edition."""
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
                    f"replace this item in {folder} with words for its own country"), match.start(1))))
    return notes
