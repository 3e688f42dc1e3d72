"""Every worksheet PDF filled in with long answers, in every language and on both papers, as a
patient's PDF reader draws it: poppler (pdftoppm), PDFium (pypdfium2, with its form filler, as
Chrome's reader) and pdf.js (npm's pdfjs-dist under Node, as Firefox's reader: the file's own
appearances, and its own drawing of the answers as typed into it; pdfjs_draw.mjs). Typed text must sit on the printed lines and never cross one: no ink of an answer
touches a rule, a cell's border or a box's frame; and every answer shows whole: no typed text is cut
off at a field's edge (the whole answer is read back from inside its field once PDFium has flattened
the form into the page, and no ink of the drawn page reaches a field's edge, where a cut would be)."""

from __future__ import annotations

import io
import json
import subprocess
import tempfile
from pathlib import Path

import numpy
import pytest
from PIL import Image
from pypdf import PdfReader

from generator.guide.assemble import load_guides
from generator.publish.pdf.forms import fill_in
from helpers import PDFTOPPM, ROOT

GUIDES = load_guides(ROOT / "content")
DPI = 100
LONG = {
    "en": "Answering the phone late, drinking more in the evening, and staying in bed longer than I meant to, "
          "then feeling worse about all of it the next morning.",
    "es": "Contestar el teléfono tarde, beber más por la noche y quedarme en la cama más de lo que quería; "
          "¿y después? Sentirme peor por todo eso a la mañana siguiente, señora.",
}


def answers(pdf: bytes, language: str) -> dict[str, str | bool]:
    """A long answer in every text field, a tick in every square, 7 on every scale."""
    found: dict[str, str | bool] = {}
    for name, field in (PdfReader(io.BytesIO(pdf)).get_fields() or {}).items():
        if field.get("/FT") == "/Tx":
            found[name] = LONG[language]
        elif field.get("/FT") == "/Btn":
            found[name] = "7" if int(field.get("/Ff", 0)) & (1 << 15) else True
    return found


def text_fields(pdf: bytes, multiline: bool | None = None) -> list[tuple[str, list[float]]]:
    """Each text field's full name and its widget's rectangle on the first page (PDF points); only
    the single-line or multi-line ones if ``multiline`` says which."""
    found = []
    for name, field in (PdfReader(io.BytesIO(pdf)).get_fields() or {}).items():
        if field.get("/FT") == "/Tx" and multiline in (None, bool(int(field.get("/Ff", 0)) & (1 << 12))):
            widget = field.indirect_reference.get_object()
            found.append((name, [float(v) for v in widget["/Rect"]]))
    return found


def read_back(filled: bytes, fields: list[tuple[str, list[float]]]) -> dict[str, str]:
    """The text PDFium finds inside each field's rectangle once it has flattened the filled form
    into the page (each field's appearance becomes page content): a character drawn outside its
    field, where a viewer cuts it off, is not read back."""
    import pypdfium2

    document = pypdfium2.PdfDocument(filled)
    document.init_forms()
    document[0].flatten()
    textpage = document[0].get_textpage()
    found = {name: " ".join(textpage.get_text_bounded(*rect).split()) for name, rect in fields}
    document.close()
    return found


def poppler(pdf: bytes) -> numpy.ndarray:
    result = subprocess.run([PDFTOPPM, "-gray", "-r", str(DPI), "-f", "1", "-l", "1", "-"], input=pdf,
                            capture_output=True, check=True)
    return numpy.asarray(Image.open(io.BytesIO(result.stdout)).convert("L"), dtype=numpy.int16)


def pdfium(pdf: bytes) -> numpy.ndarray:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    document.init_forms()  # draw the fields as a reader with forms does
    page = document[0]
    picture = page.render(scale=DPI / 72, may_draw_forms=True, grayscale=True).to_pil().convert("L")
    document.close()
    return numpy.asarray(picture, dtype=numpy.int16)


PDFJS = ROOT / "node_modules" / "pdfjs-dist" / "package.json"


def pdfjs(pdf: bytes, filled: bytes, typed: dict[str, str]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """pdf.js's drawings of the empty page, of the filled one (its appearance streams), and of the
    empty one with the answers typed into pdf.js (its own appearances), in one run of Node."""
    if not PDFJS.exists():
        pytest.fail(f"{PDFJS.parent.relative_to(ROOT)} is missing: run `make vnu` (make test does it for you)")
    with tempfile.TemporaryDirectory(prefix="pdfjs-") as tmp:
        folder = Path(tmp)
        (folder / "empty.pdf").write_bytes(pdf)
        (folder / "filled.pdf").write_bytes(filled)
        draws = [{"pdf": str(folder / source), "png": str(folder / f"{n}.png"), "typed": answers}
                 for n, (source, answers) in enumerate((("empty.pdf", None), ("filled.pdf", None), ("empty.pdf", typed)))]
        subprocess.run(["node", str(Path(__file__).with_name("pdfjs_draw.mjs")), json.dumps({"scale": DPI / 72, "draws": draws})],
                       check=True, capture_output=True, timeout=120)
        return tuple(numpy.asarray(Image.open(d["png"]).convert("L"), dtype=numpy.int16) for d in draws)


def rules(empty: numpy.ndarray) -> numpy.ndarray:
    """The printed rules, borders and frames of a page: dark runs at least 6 mm long, across or
    down; grown by a pixel on each side, so that ink touching one counts."""
    dark = empty < 140
    least = round(6 / 25.4 * DPI)
    found = numpy.zeros_like(dark)
    for axis in (0, 1):
        run = numpy.zeros(dark.shape, dtype=numpy.int32)
        lines = dark if axis == 1 else dark.T
        counts = run if axis == 1 else run.T
        for k in range(lines.shape[1]):
            counts[:, k] = numpy.where(lines[:, k], (counts[:, k - 1] + 1) if k else 1, 0)
        ends = counts >= least
        mask = numpy.zeros_like(lines)
        for k in range(lines.shape[1] - 1, -1, -1):  # the whole run, back from where it is long enough
            carry = ends[:, k] | (mask[:, k + 1] & lines[:, k] if k + 1 < lines.shape[1] else False)
            mask[:, k] = carry
        found |= mask if axis == 1 else mask.T
    grown = found.copy()
    for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        grown |= numpy.roll(found, (dy, dx), axis=(0, 1))
    return grown


def at_field_edges(shape: tuple[int, int], page_height: float, fields: list[tuple[str, list[float]]]) -> numpy.ndarray:
    """The last two pixels inside each text field's right and bottom edges: typed text cut off at
    the field's edge (clipped there) leaves its ink here; text drawn whole stays inside its padding."""
    scale = DPI / 72
    edges = numpy.zeros(shape, dtype=bool)
    for _, (x0, y0, x1, y1) in fields:
        left, right = round(x0 * scale), int(x1 * scale)
        top, bottom = round((page_height - y1) * scale), int((page_height - y0) * scale)
        edges[top:bottom, right - 2:right] = True
        edges[bottom - 2:bottom, left:right] = True
    return edges


def typed_ink(empty: numpy.ndarray, filled: numpy.ndarray) -> numpy.ndarray:
    return (empty - filled) > 80


CASES = [(guide, sheet.id, paper) for guide in GUIDES for sheet in guide.worksheets for paper in ("a4", "letter")]


@pytest.mark.parametrize("guide, sheet, paper", CASES,
                         ids=[f"{g.site.language}-{s}-{p}" for g, s, p in CASES])
def test_long_answers_sit_whole_on_their_lines_in_poppler_pdfium_and_pdfjs(built_site: Path, guide, sheet, paper):
    pdf = (built_site / guide.address_prefix / "downloads" / "worksheets" / f"{sheet}-{paper}.pdf").read_bytes()
    filled = fill_in(pdf, answers(pdf, guide.site.language))
    fields = text_fields(pdf)
    cut = {name: text for name, text in read_back(filled, fields).items() if text != " ".join(LONG[guide.site.language].split())}
    assert not cut, f"answers cut off at their field's edge: {', '.join(f'{n}: {t!r}' for n, t in cut.items())}"
    page_height = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)
    typed = {name: text for name, text in answers(pdf, guide.site.language).items() if isinstance(text, str)
             and name in dict(fields)}
    js_empty, js_filled, js_typed = pdfjs(pdf, filled, typed)
    # pdf.js's own drawing of what is typed into a box (a multi-line field) runs past the box's foot
    # when the answer is long: its auto size counts each line as the font's size high, but draws the
    # lines 1.35 times that apart (pdfjs-dist 5.4.624, pdf.worker.mjs, _computeFontSize's isTooBig).
    # Its single lines fit; the boxes' answers as the file draws them (the "pdf.js" drawing) are whole.
    drawings = [("poppler", poppler(pdf), poppler(filled), fields), ("PDFium", pdfium(pdf), pdfium(filled), fields),
                ("pdf.js", js_empty, js_filled, fields),
                ("pdf.js, typed into it", js_empty, js_typed, text_fields(pdf, multiline=False))]
    for name, empty, written, whole in drawings:
        ink = typed_ink(empty, written)
        assert ink.sum() > 200, f"{name}: the answers do not show"
        rows, columns = numpy.nonzero(ink & at_field_edges(ink.shape, page_height, whole))
        assert not len(rows), (f"{name}: typed ink at a field's edge, cut off there, at {len(rows)} pixels, first at "
                               f"({columns[0] * 25.4 / DPI:.0f} mm, {rows[0] * 25.4 / DPI:.0f} mm from the top)")
        crossing = ink & rules(empty)
        rows, columns = numpy.nonzero(crossing)
        assert not len(rows), (f"{name}: typed ink on a rule at {len(rows)} pixels, first at "
                               f"({columns[0] * 25.4 / DPI:.0f} mm, {rows[0] * 25.4 / DPI:.0f} mm from the top)")
