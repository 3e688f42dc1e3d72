"""The web app manifest, so a patient can add the guide to a phone's home screen and open it like
an app, at the plan: its name, short name, colour and icons from the brand (a clinic's, or ours).
The icons are PNGs drawn here with Pillow (already needed by pdfplumber): a clinic's PNG favicon
on a white square, else the brand's initials in white on its main colour; a clinic's SVG favicon
is listed too (``sizes: any``). The theme override links the manifest from every page
(templates/overrides/main.html), the service worker precaches it with the icons, and the
Content-Security-Policy allows it (manifest-src 'self')."""

from __future__ import annotations

import functools
import io
import json

from PIL import Image, ImageDraw, ImageFont

from ..guide.brand import Brand, initials
from ..guide.guide import Guide
from .layout import brand_asset

MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)


def icon_path(size: int) -> str:
    return f"brand/icon-{size}.png"


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def icon(brand: Brand, size: int) -> bytes:
    """A square PNG icon of ``size`` pixels, with room around the mark for a round mask."""
    if brand.favicon is not None and brand.favicon.suffix.lower() == ".png":
        return _framed_icon(brand.favicon.read_bytes(), size)
    return _initials_icon(brand.colours.primary, initials(brand.short_name), size)


# Each icon is drawn once per process for what it shows: every language's edition has the same icons
# (and a rebuild, or a test run, the same again), and an optimized PNG takes a tenth of a second.
@functools.lru_cache(maxsize=16)
def _framed_icon(favicon: bytes, size: int) -> bytes:
    """A clinic's PNG favicon on a white square."""
    square = Image.new("RGBA", (size, size), "#ffffff")
    mark = Image.open(io.BytesIO(favicon)).convert("RGBA")
    mark.thumbnail((size * 3 // 4, size * 3 // 4))
    square.alpha_composite(mark, ((size - mark.width) // 2, (size - mark.height) // 2))
    return _png(square.convert("RGB"))


@functools.lru_cache(maxsize=16)
def _initials_icon(colour: str, letters: str, size: int) -> bytes:
    """The brand's initials in white on its main colour."""
    square = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(square)
    draw.text((size / 2, size / 2), letters, fill="#ffffff", anchor="mm", font=ImageFont.load_default(size=size * 0.4))
    return _png(square)


def web_app_files(guide: Guide) -> dict[str, str | bytes]:
    brand = guide.brand
    files: dict[str, str | bytes] = {icon_path(size): icon(brand, size) for size in ICON_SIZES}
    icons = [{"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png"} for size in ICON_SIZES]
    if brand.favicon is not None and brand.favicon.suffix.lower() == ".svg":
        icons.append({"src": brand_asset("favicon", brand.favicon), "sizes": "any", "type": "image/svg+xml"})
    plan = guide.plan_page
    manifest = {
        "name": brand.name,
        "short_name": brand.short_name,
        "lang": guide.site.language,  # each language's edition has its own manifest
        "start_url": f"{plan.id}/" if plan else "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": brand.colours.primary,
        "icons": icons,
    }
    files[MANIFEST] = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    return files
