"""Our hand-written scripts and styles are served without comments; what the build makes from a
clinic's brand, and what the theme brings, are served as written."""

from __future__ import annotations

from helpers import ROOT
from generator.publish.minify import minify_our_assets


def test_only_our_own_scripts_and_styles_are_minified_in_every_language(tmp_path):
    ours = "/* why */\nvar a = 1;   // note\n"
    style = "/* why */\n.plan  {\n  color: red;\n}\n"
    written = {"javascripts/offline.js": ours, "es/javascripts/offline.js": ours, "stylesheets/plan.css": style,
               "stylesheets/brand.css": style, "assets/javascripts/bundle.min.js": ours, "javascripts/clinic.js": ours}
    for path, text in written.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    minify_our_assets(tmp_path, ROOT / "templates" / "assets", ["", "es/"])
    read = {path: (tmp_path / path).read_text(encoding="utf-8") for path in written}
    assert read["javascripts/offline.js"] == read["es/javascripts/offline.js"] == "var a=1;"
    assert read["stylesheets/plan.css"] == ".plan{color:red}"
    for path in ("stylesheets/brand.css", "assets/javascripts/bundle.min.js", "javascripts/clinic.js"):
        assert read[path] == written[path], f"{path} is not ours, and is served as written"


def test_every_stylesheet_of_ours_closes_every_block_it_opens():
    """A block left open swallows every rule after it into (say) @media print, with no error from
    any browser: a merge once did that to the plan's phone styles."""
    import re

    for path in sorted((ROOT / "templates" / "assets" / "stylesheets").glob("*.css")):
        text = re.sub(r'/\*.*?\*/|"[^"]*"|\'[^\']*\'', "", path.read_text(encoding="utf-8"), flags=re.S)
        depth = 0
        for number, line in enumerate(text.splitlines(), 1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{path.name}:{number}: a block closed that was never opened"
        assert depth == 0, f"{path.name}: {depth} block(s) left open at the end"


def test_a_kept_result_is_used_only_for_the_same_bytes_and_an_unchanged_file_is_not_written(tmp_path, monkeypatch):
    """Minified once per content (by the source's hash): the next build uses it for the same file,
    minifies a changed file anew (never the stale result), and leaves a file that is already minified."""
    import os

    from generator.publish import minify

    made = []
    monkeypatch.setattr(minify, "minified", lambda path, text: made.append(path.name) or minify.rjsmin.jsmin(text))
    source = tmp_path / "javascripts" / "offline.js"
    source.parent.mkdir(parents=True)
    kept: dict[bytes, bytes] = {}
    source.write_text("var a = 1;   // note\n", encoding="utf-8")
    minify_our_assets(tmp_path, ROOT / "templates" / "assets", [""], kept)
    assert made == ["offline.js"] and source.read_text(encoding="utf-8") == "var a=1;"
    assert list(kept.values()) == [b"var a=1;"]

    source.write_text("var a = 1;   // note\n", encoding="utf-8")  # the next build: the same source
    minify_our_assets(tmp_path, ROOT / "templates" / "assets", [""], kept)
    assert made == ["offline.js"] and source.read_text(encoding="utf-8") == "var a=1;"

    source.write_text("var b = 2;   // changed\n", encoding="utf-8")
    minify_our_assets(tmp_path, ROOT / "templates" / "assets", [""], kept)
    assert made == ["offline.js", "offline.js"] and source.read_text(encoding="utf-8") == "var b=2;"
    assert list(kept.values()) == [b"var b=2;"]  # only what this build minified is kept

    os.utime(source, ns=(1, 1))
    minify_our_assets(tmp_path, ROOT / "templates" / "assets", [""], kept)
    assert source.stat().st_mtime_ns == 1 and source.read_text(encoding="utf-8") == "var b=2;"
