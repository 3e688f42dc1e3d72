"""The handout PDF's own steps, called by pdfs.py's ``_handout`` on the page Chromium prints:
where each part starts (for the contents' page numbers), and bookmarks named as the headings are.

Chromium names each bookmark after its heading as laid out, so a heading that wraps onto two lines
loses the space at the break ("treatment:a patient guide"). Both steps therefore compare headings
without their white space, and the bookmarks get the headings' own words back.
"""

from __future__ import annotations

import io
import re

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

# Every heading's words as the reader sees them: without the permalink sign, spaces normalised.
_HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => {
    const copy = h.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach(link => link.remove());
    return copy.textContent.replace(/\\s+/g, ' ').trim();
})"""
# Each contents entry's target (an id) and the words of the h1 that starts it.
_TARGETS = """() => Object.fromEntries([...document.querySelectorAll('.guide-handout__pageno')].map(span => {
    const target = document.getElementById(span.dataset.target);
    const heading = target.matches('h1') ? target : target.querySelector('h1');
    const copy = heading.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach(link => link.remove());
    return [copy.textContent, span.dataset.target];
}))"""


def squash(text: str) -> str:
    return re.sub(r"[\s\u00b6]+", "", text)


def start_pages(pdf: bytes, page) -> dict[str, int]:
    """The page number (from 1) on which each part of the contents starts, from the top-level bookmarks."""
    targets = {squash(title): target for title, target in page.evaluate(_TARGETS).items()}
    reader = PdfReader(io.BytesIO(pdf))
    numbers: dict[str, int] = {}
    for entry in (e for e in reader.outline if not isinstance(e, list)):  # top level: the h1 of each part
        target = targets.get(squash(entry.title))
        if target and target not in numbers:
            numbers[target] = reader.get_destination_page_number(entry) + 1
    return numbers


def bookmarks_as_headings(pdf: bytes, page) -> bytes:
    """The PDF with each bookmark named exactly as its heading reads."""
    words = {squash(text): text for text in page.evaluate(_HEADINGS)}
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    outlines = writer.root_object.get("/Outlines")
    if outlines is None:
        return pdf
    stack = [outlines.get_object().get("/First")]
    while stack:
        item = stack.pop()
        while item is not None:
            entry: DictionaryObject = item.get_object()
            title = str(entry.get("/Title", ""))
            if squash(title) in words and words[squash(title)] != title:
                entry[NameObject("/Title")] = TextStringObject(words[squash(title)])
            stack.append(entry.get("/First"))
            item = entry.get("/Next")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
