// Draws the first page of PDFs with pdf.js (npm's pdfjs-dist, Firefox's PDF reader), as PNGs, for
// tests/site/test_filled_worksheets.py. One run draws several, to start Node once:
//
//   node tests/site/pdfjs_draw.mjs '{"scale": 1.39, "draws": [{"pdf": "a.pdf", "png": "a.png", "typed": null}, ...]}'
//
// A draw with "typed" (an answer for every text field, by its full name) draws the fields as pdf.js
// does once a patient has typed into them (its own appearance, from its annotation storage, as it
// prints a filled form); without, as the file's own appearance streams are drawn (opening a filled
// PDF). The standard fonts are pdf.js's own (Helvetica's metrics), as in Firefox.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AnnotationMode, getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const { scale, draws } = JSON.parse(process.argv[2]);
const standardFontDataUrl = fileURLToPath(new URL("../../node_modules/pdfjs-dist/standard_fonts/", import.meta.url));

for (const { pdf, png, typed } of draws) {
  const document = await getDocument({ data: new Uint8Array(readFileSync(pdf)), standardFontDataUrl, verbosity: 0 }).promise;
  const page = await document.getPage(1);
  if (typed) {
    for (const annotation of await page.getAnnotations()) {
      if (annotation.fieldType === "Tx" && annotation.fieldName in typed) {
        document.annotationStorage.setValue(annotation.id, { value: typed[annotation.fieldName] });
      }
    }
  }
  const viewport = page.getViewport({ scale });
  const { canvas, context } = document.canvasFactory.create(viewport.width, viewport.height);
  context.fillStyle = "white";
  context.fillRect(0, 0, viewport.width, viewport.height);
  await page.render({ canvasContext: context, canvas, viewport, annotationMode: AnnotationMode.ENABLE_STORAGE }).promise;
  writeFileSync(png, canvas.toBuffer("image/png"));
  await document.destroy();
}
