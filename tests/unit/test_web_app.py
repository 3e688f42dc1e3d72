"""The web app manifest and its icons, from the brand: ours, and the example clinic's."""

from __future__ import annotations

import io
import json

from PIL import Image

from generator.guide.assemble import load_guide
from generator.render.web_app import MANIFEST, web_app_files
from helpers import ROOT


def manifest_and_files(clinic=None):
    files = web_app_files(load_guide(ROOT / "content", clinic))
    return json.loads(files[MANIFEST]), files


def test_our_manifest_opens_the_plan_with_our_name_colour_and_icons_of_the_sizes_it_says():
    manifest, files = manifest_and_files()
    assert (manifest["name"], manifest["short_name"]) == ("Ketamine Integration Guide", "Integration Guide")  # site.yml
    assert manifest["start_url"] == "plan/" and manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#0b5560"
    for icon in manifest["icons"]:
        size = int(icon["sizes"].split("x")[0])
        picture = Image.open(io.BytesIO(files[icon["src"]]))
        assert (picture.format, picture.size) == ("PNG", (size, size))
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_a_clinics_manifest_has_its_name_colour_and_its_svg_favicon_too():
    manifest, files = manifest_and_files(ROOT / "clinics" / "example")
    brand = load_guide(ROOT / "content", ROOT / "clinics" / "example").brand
    assert (manifest["name"], manifest["short_name"]) == (brand.name, brand.short_name)
    assert manifest["theme_color"] == brand.colours.primary
    assert {"src": "brand/favicon.svg", "sizes": "any", "type": "image/svg+xml"} in manifest["icons"]
    assert Image.open(io.BytesIO(files["brand/icon-192.png"])).getpixel((2, 2))[:3] == tuple(
        int(brand.colours.primary[i:i + 2], 16) for i in (1, 3, 5))
