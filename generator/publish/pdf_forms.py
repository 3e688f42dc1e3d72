"""Form fields in the worksheets' PDFs (the pack is pdf_pack.py; the low-level writing pdf_objects.py).

Chromium prints the sheets; this module only adds to its PDFs, with pypdf at the level of PDF
objects. How a field finds its place: the worksheet templates mark each place where a patient
writes, ticks or circles with ``data-fill`` attributes (templates/components/fill_spot.md.j2).
Before printing, ``MARK_SPOTS`` puts an empty, invisible link in each such element, covering its
box (``https://fill.invalid/<n>``). Chromium prints each as a link annotation whose rectangle is
exactly where that element is on that paper, and, the PDF being tagged, gives it an element of
the structure tree. ``fillable`` turns each of those annotations, in place, into the widget of a
form field: same rectangle, same structure element (a /Form now, not a /Link), named from the
marks. Nothing is drawn: the widgets are transparent and empty until filled, so the sheet prints
exactly as before.

Field names are hierarchical as PDF means them: ``days.row1.sleep-hours`` is the field
``sleep-hours`` in ``row1`` in ``days``, so every reader and pypdf's ``get_fields`` shows the
full name. In the pack each sheet's fields sit under one named by the sheet's id.

Writing: a worksheet's fields and every PDF's metadata go in one incremental update (ISO 32000-1,
7.5.6): Chromium's bytes stay as they are, followed by the new and changed objects only, so no
PDF is parsed and written out whole a second time (the handout's 0.37 s full pass is gone).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pypdf import PdfReader
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


from .pdf_objects import TEXT_SIZE, FormError, Update, acro_form, structure_parents

MARKER = "https://fill.invalid/"

# Run in the page before printing: mark every place to fill in with an invisible link over its
# box, and say what each is. The elements are drawn for a pen and hidden from screen readers on
# the web page (aria-hidden); that is lifted in this print so that Chromium tags the links.
MARK_SPOTS = """marker => [...document.querySelectorAll('.guide-sheet [data-fill]')].map((spot, n) => {
    for (let node = spot; node && !node.classList.contains('guide-sheet'); node = node.parentElement) {
        node.removeAttribute('aria-hidden');
    }
    if (getComputedStyle(spot).position === 'static') spot.style.position = 'relative';
    const link = document.createElement('a');
    link.href = marker + n;
    link.style.cssText = 'position: absolute; inset: 0; display: block';
    spot.append(link);
    const data = spot.dataset;
    return {name: data.fill, kind: data.fillKind, label: data.fillLabel, value: data.fillValue ?? null,
            multiline: 'fillMultiline' in data};
})"""

KINDS = ("text", "check", "choice")
ON = "/Yes"  # the value of a ticked check box
FIELD_FLAGS = {"multiline": 1 << 12, "no_toggle_to_off": 1 << 14, "radio": 1 << 15}



@dataclass(frozen=True)
class Spot:
    """A place to fill in, as the page marks it (``MARK_SPOTS`` returns one per place, in order)."""

    name: str
    kind: str
    label: str
    value: str | None = None
    multiline: bool = False


def spots_from(marked: Iterable[Mapping]) -> list[Spot]:
    spots = [Spot(**m) for m in marked]
    for spot in spots:
        if spot.kind not in KINDS or not spot.name or (spot.kind == "choice" and spot.value is None):
            raise FormError(f"the place {spot.name!r} is marked as {spot.kind!r}: expected one of {', '.join(KINDS)}"
                            " (a choice with a value)")
    return spots


# --- the fields ----------------------------------------------------------------------------


def fillable(pdf: bytes | PdfReader, spots: list[Spot], info: Mapping[str, str], lang: str) -> bytes:
    """A printed worksheet (one page) with a form field on each marked place, and its metadata."""
    update = Update(pdf)
    if not spots:
        update.set_metadata(info, lang)
        return update.write()
    page = update.reader.pages[0]
    links = _marker_links(page, len(spots))
    missing = [spots[n].name for n in range(len(spots)) if n not in links]
    if missing:
        raise FormError(f"no printed place was found for the fields {', '.join(missing)}")
    structure = structure_parents(update.reader)
    fields = _Fields(update)
    for n, spot in enumerate(spots):
        widget = update.changed(links[n])
        fields.widget(widget, spot, page.indirect_reference)
        element = structure.get(widget.get("/StructParent"))
        element = element.get_object() if element is not None else None
        if isinstance(element, DictionaryObject) and element.get("/S") == "/Link":
            update.changed(element)[NameObject("/S")] = NameObject("/Form")  # the link was the field
    catalog = update.catalog
    catalog[NameObject("/AcroForm")] = update.add(acro_form(fields.top, update.add))
    update.set_metadata(info, lang)
    return update.write()


def _marker_links(page, count: int) -> dict[int, DictionaryObject]:
    """The link annotations the marks printed as, by the number of their place."""
    found: dict[int, DictionaryObject] = {}
    for ref in page.get("/Annots") or []:
        annotation = ref.get_object()
        uri = str((annotation.get("/A") or {}).get("/URI", ""))
        if annotation.get("/Subtype") == "/Link" and uri.startswith(MARKER) and uri[len(MARKER):].isdigit():
            if not isinstance(ref, IndirectObject):
                raise FormError("Chromium printed a place's link inside the page; expected its own object")
            number = int(uri[len(MARKER):])
            if number < count:
                found.setdefault(number, annotation)
    return found


class _Fields:
    """The form's field tree, made as widgets are added: a node for each part of a dotted name."""

    def __init__(self, update: Update):
        self.update = update
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
            self.update.add(node)
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
            size = TEXT_SIZE if spot.multiline else min(TEXT_SIZE, round(height * 0.6, 1))
            annotation.update({
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/Ff"): NumberObject(FIELD_FLAGS["multiline"] if spot.multiline else 0),
                NameObject("/DA"): TextStringObject(f"/Helv {size:g} Tf 0 g"),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): self._stream(b"/Tx BMC\nEMC\n", width, height)}),
            })
        self._attach(annotation, parent)

    def _states(self, on: NameObject, drawing: bytes, width: float, height: float) -> DictionaryObject:
        """The appearances of a box or a number, ticked or circled and not. A reader switches
        between them (/AS) and never rewrites them, so boxes of one size share theirs."""
        def shared(content: bytes) -> IndirectObject:
            key = (content, round(width, 2), round(height, 2))
            if key not in self.drawings:
                self.drawings[key] = self._stream(content, width, height)
            return self.drawings[key]

        return DictionaryObject({NameObject("/N"): DictionaryObject({on: shared(drawing), NameObject("/Off"): shared(b"")})})

    def _stream(self, content: bytes, width: float, height: float) -> IndirectObject:
        stream = DecodedStreamObject()
        stream.update({
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]),
            NameObject("/Resources"): DictionaryObject(),
        })
        stream.set_data(content)
        return self.update.add(stream)


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
    """A ring around the number, as a pen circles it: an ellipse inside the box."""
    pen = 1.2
    cx, cy, rx, ry = width / 2, height / 2, width / 2 - pen, height / 2 - pen
    k = 0.5523  # four Bézier curves make an ellipse
    curve = [
        f"{cx + rx:.2f} {cy:.2f} m",
        f"{cx + rx:.2f} {cy + k * ry:.2f} {cx + k * rx:.2f} {cy + ry:.2f} {cx:.2f} {cy + ry:.2f} c",
        f"{cx - k * rx:.2f} {cy + ry:.2f} {cx - rx:.2f} {cy + k * ry:.2f} {cx - rx:.2f} {cy:.2f} c",
        f"{cx - rx:.2f} {cy - k * ry:.2f} {cx - k * rx:.2f} {cy - ry:.2f} {cx:.2f} {cy - ry:.2f} c",
        f"{cx + k * rx:.2f} {cy - ry:.2f} {cx + rx:.2f} {cy - k * ry:.2f} {cx + rx:.2f} {cy:.2f} c",
    ]
    return f"q 0 G {pen} w {' '.join(curve)} S Q\n".encode()
