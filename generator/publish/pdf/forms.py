"""Form fields in the worksheets' PDFs, and their answers drawn as a reader should see them.

How a field finds its place: the worksheet templates mark each place where a patient writes, ticks
or circles with ``data-fill`` attributes (templates/components/fill_spot.md.j2): each ruled line, a
date's blank, a box, a table's cell, a square, a number of a scale. Before printing, ``MARK_SPOTS``
puts an empty, invisible link in each such element, covering its box (``https://fill.invalid/<n>``).
Chromium prints each as a link annotation whose rectangle is exactly where that element is on that
paper, and, the PDF being tagged, gives it an element of the structure tree. ``add_fields`` turns
each of those annotations, in place, into the widget of a form field: the same place (kept clear of
the printed rule or frame it sits on), the same structure element (a /Form now, not a /Link), named
from the marks. Nothing is drawn: the widgets are transparent and empty until filled, so the sheet
prints exactly as before.

Text fits the lines it is written on: a ruled line is one single-line field (several lines are
several fields, in order, so Tab goes down the lines); a box or a tall table cell is one field of
several lines. Typed text is never cut off: every text field is auto-sized (its font size 0, which
PDF readers that draw a field themselves, such as pdf.js, poppler and PDFium, shrink until the text
fits), and ``fill_in`` writes answers with their appearance drawn here the same way (a line's text
on its rule at TEXT_SIZE, smaller where that is needed for all of it to fit the line; a box's text
wrapped at its width, smaller until every line fits), so that a reader that does not draw fields
itself shows the whole answer as it was typed. Every drawing is clipped to its field, clear of
every rule.

Field names are hierarchical as PDF means them: ``days.row1.sleep-hours`` is the field
``sleep-hours`` in ``row1`` in ``days``, so every reader and pypdf's ``get_fields`` shows the full
name. In the pack each sheet's fields sit under one named by the sheet's id.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS  # Adobe's Helvetica widths, as pypdf keeps them
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

MARKER = "https://fill.invalid/"

# Run in the page before printing: mark every place to fill in with an invisible link over its
# box, and say what each is and on which sheet. The elements are drawn for a pen and hidden from
# screen readers on the web page (aria-hidden); that is lifted in this print so that Chromium tags
# the links.
MARK_SPOTS = """marker => {
    const spots = [...document.querySelectorAll('.guide-sheet [data-fill]')];
    const placed = spots.map(spot => getComputedStyle(spot).position !== 'static');  // read all, then write
    return spots.map((spot, n) => {
        for (let node = spot; node && !node.classList.contains('guide-sheet'); node = node.parentElement) {
            node.removeAttribute('aria-hidden');
        }
        if (!placed[n]) spot.style.position = 'relative';
        const link = document.createElement('a');
        link.href = marker + n;
        link.style.cssText = 'position: absolute; inset: 0; display: block';
        spot.append(link);
        const data = spot.dataset;
        return {name: data.fill, kind: data.fillKind, label: data.fillLabel, value: data.fillValue ?? null,
                multiline: 'fillMultiline' in data, sheet: spot.closest('.guide-sheet').id};
    });
}"""

KINDS = ("text", "check", "choice")
ON = "/Yes"  # the value of a ticked check box
FIELD_FLAGS = {"multiline": 1 << 12, "no_toggle_to_off": 1 << 14, "radio": 1 << 15}
TEXT_SIZE = 11  # points: the size of typed text, smaller where a place is not that high or the text not that short
AUTO_SIZE = 0  # a field's font size that tells a reader to fit the text to the field (PDF 32000 12.7.4.3)
SMALLER = 0.95  # each try at fitting an answer to its field, this much smaller than the last
LEAST_SIZE = 0.1  # points: a box's tries end here (a box too small for anything)
LEADING = 1.2  # a box's lines of text, apart by this many times the text's size
CLEARANCE = (2.5, 1.0)  # points kept clear between a field and the borders beside it, and the rule under it
HELVETICA = CORE_FONT_METRICS["Helvetica"]


class FormError(ValueError):
    """The marks and the printed PDF do not agree (a place without its link, a name used twice)."""


@dataclass(frozen=True)
class Spot:
    """A place to fill in, as the page marks it (``MARK_SPOTS`` returns one per place, in order)."""

    name: str
    kind: str
    label: str
    value: str | None = None
    multiline: bool = False
    sheet: str = ""  # the id of the sheet it is on


def spots_from(marked: Iterable[Mapping]) -> list[Spot]:
    spots = [Spot(**m) for m in marked]
    for spot in spots:
        if spot.kind not in KINDS or not spot.name or (spot.kind == "choice" and spot.value is None):
            raise FormError(f"the place {spot.name!r} is marked as {spot.kind!r}: expected one of {', '.join(KINDS)}"
                            " (a choice with a value)")
    return spots


# --- the fields ----------------------------------------------------------------------------


def add_fields(writer: PdfWriter, spots: Sequence[Spot], numbers: Iterable[int], in_groups: bool = False) -> None:
    """A form field on each marked place ``numbers`` (indices into ``spots``) of the PDF in ``writer``;
    with ``in_groups`` each under a field named by its sheet's id (the pack)."""
    numbers = list(numbers)
    links = _marker_links(writer)
    missing = [spots[n].name for n in numbers if n not in links]
    if missing:
        raise FormError(f"no printed place was found for the fields {', '.join(missing)}")
    elements = _structure_elements(writer)
    fields = _Fields(writer)
    for n in numbers:
        annotation, page = links[n]
        spot = spots[n]
        fields.widget(annotation, spot if not in_groups else _in_group(spot), page)
        element = elements.get(annotation.get("/StructParent"))
        element = element.get_object() if element is not None else None
        if isinstance(element, DictionaryObject) and element.get("/S") == "/Link":
            element[NameObject("/S")] = NameObject("/Form")  # the link was the field
    for page in writer.pages:
        page[NameObject("/Tabs")] = NameObject("/S")  # Tab goes in the order of the structure (the page's)
    writer.root_object[NameObject("/AcroForm")] = writer._add_object(_acro_form(fields.top, writer))


def _in_group(spot: Spot) -> Spot:
    return Spot(f"{spot.sheet}.{spot.name}", spot.kind, spot.label, spot.value, spot.multiline, spot.sheet)


def _marker_links(writer: PdfWriter) -> dict[int, tuple[DictionaryObject, IndirectObject]]:
    """The link annotations the marks printed as, by the number of their place, with their page."""
    found: dict[int, tuple[DictionaryObject, IndirectObject]] = {}
    for page in writer.pages:
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            uri = str((annotation.get("/A") or {}).get("/URI", ""))
            if annotation.get("/Subtype") == "/Link" and uri.startswith(MARKER) and uri[len(MARKER):].isdigit():
                if not isinstance(ref, IndirectObject):
                    raise FormError("Chromium printed a place's link inside the page; expected its own object")
                found.setdefault(int(uri[len(MARKER):]), (annotation, page.indirect_reference))
    return found


def _structure_elements(writer: PdfWriter) -> dict:
    """What the parent tree holds, by key (unread: only the annotations' elements are needed)."""
    tree = writer.root_object.get("/StructTreeRoot")
    nums = tree.get_object()["/ParentTree"].get_object().get("/Nums", []) if tree is not None else []
    return {int(nums[k]): nums[k + 1] for k in range(0, len(nums) - 1, 2)}


class _Fields:
    """The form's field tree, made as widgets are added: a node for each part of a dotted name."""

    def __init__(self, writer: PdfWriter):
        self.writer = writer
        self.top = ArrayObject()
        self.nodes: dict[str, DictionaryObject] = {}
        self.terminal: set[str] = set()
        self.drawings: dict[tuple, IndirectObject] = {}  # a box's or a number's states, shared by all of one size

    def node(self, name: str) -> DictionaryObject:
        if name in self.terminal:
            raise FormError(f"the field {name!r} is also used as the start of another field's name")
        if name not in self.nodes:
            parent, _, part = name.rpartition(".")
            node = DictionaryObject({NameObject("/T"): TextStringObject(part), NameObject("/Kids"): ArrayObject()})
            self.writer._add_object(node)
            self._attach(node, parent)
            self.nodes[name] = node
        return self.nodes[name]

    def _attach(self, obj: DictionaryObject, parent: str) -> None:
        if parent:
            above = self.node(parent)
            obj[NameObject("/Parent")] = above.indirect_reference
            above["/Kids"].append(obj.indirect_reference)
        else:
            self.top.append(obj.indirect_reference)

    def widget(self, annotation: DictionaryObject, spot: Spot, page_ref: IndirectObject) -> None:
        """Turn a marker's link annotation into the widget of the field ``spot`` names."""
        for key in ("/A", "/Border", "/H"):
            annotation.pop(key, None)
        if spot.kind in ("text", "choice"):
            _clear_of_rules(annotation)
        rect = [float(v) for v in annotation["/Rect"]]
        width, height = rect[2] - rect[0], rect[3] - rect[1]
        annotation.update({
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/F"): NumberObject(4),  # printed (when filled in)
            NameObject("/P"): page_ref,
            NameObject("/MK"): DictionaryObject(),  # no border, no background: nothing is drawn on the sheet
        })
        if spot.kind == "choice":
            group = self.node(spot.name)
            if "/FT" not in group:
                group.update({
                    NameObject("/FT"): NameObject("/Btn"),
                    NameObject("/Ff"): NumberObject(FIELD_FLAGS["radio"] | FIELD_FLAGS["no_toggle_to_off"]),
                    NameObject("/V"): NameObject("/Off"),
                    NameObject("/TU"): TextStringObject(spot.label),
                })
            on = NameObject("/" + _name_part(spot.value))
            annotation.update({
                NameObject("/Parent"): group.indirect_reference,
                NameObject("/AS"): NameObject("/Off"),
                NameObject("/DA"): TextStringObject("/ZaDb 0 Tf 0 g"),
                NameObject("/AP"): self._states(on, _ring(width, height), width, height),
            })
            annotation["/MK"][NameObject("/CA")] = TextStringObject("l")
            group["/Kids"].append(annotation.indirect_reference)
            return
        if spot.name in self.nodes or spot.name in self.terminal:
            raise FormError(f"two places on the sheet are both named {spot.name!r}")
        self.terminal.add(spot.name)
        parent, _, part = spot.name.rpartition(".")
        annotation.update({NameObject("/T"): TextStringObject(part), NameObject("/TU"): TextStringObject(spot.label)})
        if spot.kind == "check":
            annotation.update({
                NameObject("/FT"): NameObject("/Btn"),
                NameObject("/V"): NameObject("/Off"),
                NameObject("/AS"): NameObject("/Off"),
                NameObject("/DA"): TextStringObject("/ZaDb 0 Tf 0 g"),
                NameObject("/AP"): self._states(NameObject(ON), _tick(width, height), width, height),
            })
            annotation["/MK"][NameObject("/CA")] = TextStringObject("4")
        else:
            annotation.update({
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/Ff"): NumberObject(FIELD_FLAGS["multiline"] if spot.multiline else 0),
                NameObject("/DA"): TextStringObject(f"/Helv {AUTO_SIZE} Tf 0 g"),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): _stream(self.writer, b"/Tx BMC\nEMC\n", width, height)}),
            })
        self._attach(annotation, parent)

    def _states(self, on: NameObject, drawing: bytes, width: float, height: float) -> DictionaryObject:
        """The appearances of a box or a number, ticked or circled and not. A reader switches
        between them (/AS) and never rewrites them, so boxes of one size share theirs."""
        def shared(content: bytes) -> IndirectObject:
            key = (content, round(width, 2), round(height, 2))
            if key not in self.drawings:
                self.drawings[key] = _stream(self.writer, content, width, height)
            return self.drawings[key]

        return DictionaryObject({NameObject("/N"): DictionaryObject({on: shared(drawing), NameObject("/Off"): shared(b"")})})


def text_size(height: float, multiline: bool) -> float:
    """The size of typed text in a field of that height: TEXT_SIZE, or less where a line is lower."""
    return TEXT_SIZE if multiline else min(TEXT_SIZE, round((height - 2) / 1.3, 1))


def _clear_of_rules(annotation: DictionaryObject) -> None:
    """The field's rectangle, moved in from the box it covers (``CLEARANCE``), so that nothing typed
    reaches the rule under a line, a cell's borders or a box's frame, even where a long answer is
    cut at the field's edge."""
    x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
    across, down = CLEARANCE
    annotation[NameObject("/Rect")] = ArrayObject(FloatObject(round(v, 2)) for v in (
        x0 + across, y0 + down, x1 - across, y1 - down))


def _acro_form(fields: ArrayObject, writer: PdfWriter) -> DictionaryObject:
    """The form: its fields, and the two standard fonts its text and boxes use (not embedded)."""

    def font(base: str, encoding: bool) -> IndirectObject:
        entry = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                  NameObject("/BaseFont"): NameObject(base)})
        if encoding:
            entry[NameObject("/Encoding")] = NameObject("/WinAnsiEncoding")
        return writer._add_object(entry)

    return DictionaryObject({
        NameObject("/Fields"): fields,
        NameObject("/DA"): TextStringObject(f"/Helv {TEXT_SIZE} Tf 0 g"),
        NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject({
            NameObject("/Helv"): font("/Helvetica", True),
            NameObject("/ZaDb"): font("/ZapfDingbats", False),
        })}),
    })


def _stream(writer: PdfWriter, content: bytes, width: float, height: float, resources: DictionaryObject | None = None
            ) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(round(width, 2)), FloatObject(round(height, 2))]),
        NameObject("/Resources"): resources if resources is not None else DictionaryObject(),
    })
    stream.set_data(content)
    return writer._add_object(stream)


def _name_part(value: str) -> str:
    """A value as a PDF name's characters (letters, digits, - and _ kept; others dropped)."""
    return re.sub(r"[^A-Za-z0-9_-]", "", value) or "on"


def _tick(width: float, height: float) -> bytes:
    """A tick drawn in a box of that size: three points, a round pen."""
    side = min(width, height)
    x, y = (width - side) / 2, (height - side) / 2
    points = [(0.2, 0.52), (0.42, 0.27), (0.82, 0.78)]
    path = " ".join(f"{x + side * px:.2f} {y + side * py:.2f} {op}" for (px, py), op in zip(points, ("m", "l", "l")))
    return f"q 0 G {max(1.0, side * 0.12):.2f} w 1 J 1 j {path} S Q\n".encode()


def _ring(width: float, height: float) -> bytes:
    """A ring around the number, as a pen circles it: an ellipse inside the box, clear of its edges."""
    pen = 1.2
    cx, cy, rx, ry = width / 2, height / 2, width / 2 - pen - 1, height / 2 - pen - 1
    k = 0.5523  # four Bézier curves make an ellipse
    curve = [
        f"{cx + rx:.2f} {cy:.2f} m",
        f"{cx + rx:.2f} {cy + k * ry:.2f} {cx + k * rx:.2f} {cy + ry:.2f} {cx:.2f} {cy + ry:.2f} c",
        f"{cx - k * rx:.2f} {cy + ry:.2f} {cx - rx:.2f} {cy + k * ry:.2f} {cx - rx:.2f} {cy:.2f} c",
        f"{cx - rx:.2f} {cy - k * ry:.2f} {cx - k * rx:.2f} {cy - ry:.2f} {cx:.2f} {cy - ry:.2f} c",
        f"{cx + k * rx:.2f} {cy - ry:.2f} {cx + rx:.2f} {cy - k * ry:.2f} {cx + rx:.2f} {cy:.2f} c",
    ]
    return f"q 0 G {pen} w {' '.join(curve)} S Q\n".encode()


# --- answers -------------------------------------------------------------------------------


def fill_in(pdf: bytes, answers: Mapping[str, str | bool]) -> bytes:
    """The worksheet ``pdf`` with ``answers`` (by each field's full name) written in, each with its
    appearance drawn here: text on its line, or wrapped in its box; True ticks a square; a
    number ("7") circles that number of a scale. A name the form does not have is an error."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    fields = dict(_terminal_fields(writer.root_object["/AcroForm"]["/Fields"]))
    unknown = sorted(set(answers) - set(fields))
    if unknown:
        raise FormError(f"the form has no field named {', '.join(unknown)}")
    helvetica = writer.root_object["/AcroForm"]["/DR"]["/Font"].raw_get("/Helv")
    for name, value in answers.items():
        field = fields[name]
        if field.get("/FT") == "/Tx":
            field[NameObject("/V")] = TextStringObject(str(value))
            for widget in _widgets(field):
                _draw_text(writer, widget, str(value), bool(int(field.get("/Ff", 0)) & FIELD_FLAGS["multiline"]), helvetica)
        elif "/Kids" in field and field["/Kids"]:  # a choice: the widget whose state is that value
            state = NameObject("/" + _name_part(str(value)))
            field[NameObject("/V")] = state
            for widget in _widgets(field):
                widget[NameObject("/AS")] = state if state in widget["/AP"]["/N"] else NameObject("/Off")
        else:
            state = NameObject(ON if value else "/Off")
            field[NameObject("/V")] = state
            field[NameObject("/AS")] = state
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _terminal_fields(fields: Iterable, prefix: str = "") -> Iterable[tuple[str, DictionaryObject]]:
    for ref in fields:
        field = ref.get_object()
        name = prefix + str(field.get("/T", ""))
        if "/FT" in field:
            yield name, field
        else:
            yield from _terminal_fields(field.get("/Kids") or [], name + ".")


def _widgets(field: DictionaryObject) -> list[DictionaryObject]:
    kids = [kid.get_object() for kid in field.get("/Kids") or []]
    return [kid for kid in kids if kid.get("/Subtype") == "/Widget"] or [field]


def _draw_text(writer: PdfWriter, widget: DictionaryObject, text: str, multiline: bool, font: IndirectObject) -> None:
    """The appearance of ``text`` in a text field, all of it, clipped to the field: on a line, the
    text's baseline a quarter of the field's height above its foot (as handwriting sits on a rule),
    at the size that fits its whole length (``fitted``); in a box, wrapped at its width, one line
    every LEADING times the size from its top, at the size at which every line fits."""
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    width, height = x1 - x0, y1 - y0
    pad = 2.0
    size, lines = fitted(text, width - 2 * pad, height - 2 * pad, multiline)
    if multiline:
        top = height - pad - _ascent(size)
        baselines = [top - k * size * LEADING for k in range(len(lines))]
    else:
        baselines = [max(height * 0.25, _descent(size) + 0.5)]
    shown = "".join(f"BT /Helv {size:.2f} Tf 0 g {pad:.2f} {y:.2f} Td ({_pdf_string(line)}) Tj ET\n"
                    for line, y in zip(lines, baselines) if line)
    content = f"/Tx BMC q 0 0 {width:.2f} {height:.2f} re W n\n{shown}Q EMC\n".encode("latin-1")
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): font})})
    widget[NameObject("/AP")] = DictionaryObject({NameObject("/N"): _stream(writer, content, width, height, resources)})


def fitted(text: str, width: float, height: float, multiline: bool) -> tuple[float, list[str]]:
    """The size (points) and lines of ``text`` drawn whole in a space ``width`` by ``height``:
    TEXT_SIZE where it fits, else the largest size that does (a step of SMALLER at a time). On one
    line the text is one line (its line breaks as spaces) and the size fits its length and the
    line's height; in a box it wraps, and every line fits, the last descender included."""
    size = text_size(height + 4, multiline)  # the field's own height (its padding added back)
    if not multiline:
        line = " ".join(text.split())
        whole = _width(line, 1)
        return (min(size, width / whole * 0.999) if whole > 0 else size), [line]  # a hair under, for rounding
    while True:
        lines = wrapped(text, size, width)
        needed = _ascent(size) + (len(lines) - 1) * size * LEADING + _descent(size)
        if needed <= height or size < LEAST_SIZE:
            return size, lines
        size *= SMALLER


def wrapped(text: str, size: float, width: float) -> list[str]:
    """``text`` in lines no wider than ``width`` at ``size`` in Helvetica, broken between words
    (a word wider than the line, between letters); its own line breaks kept."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            while _width(word, size) > width:  # a word longer than the line: as much as fits, then the rest
                cut = max(1, next((k for k in range(len(word), 0, -1) if _width(word[:k], size) <= width), 1))
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:cut])
                word = word[cut:]
            candidate = f"{line} {word}" if line else word
            if line and _width(candidate, size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _width(text: str, size: float) -> float:
    widths = HELVETICA.character_widths
    return sum(widths.get(c, widths["default"]) for c in text) * size / 1000


def _ascent(size: float) -> float:
    return HELVETICA.font_descriptor.ascent * size / 1000


def _descent(size: float) -> float:
    return -HELVETICA.font_descriptor.descent * size / 1000


def _pdf_string(text: str) -> str:
    """Text as the body of a PDF literal string in the form's Helvetica (WinAnsi: Latin letters,
    accents, ¿ and ¡; any other character as '?')."""
    encoded = text.encode("cp1252", errors="replace").decode("latin-1")
    return encoded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
