"""What the finish step does to each page's text: blank lines dropped where they show nothing, and
the files a page loads addressed by their content."""

from __future__ import annotations

import hashlib

from generator.publish.compact import drop_blank_lines
from generator.publish.fingerprint import stamp_assets


def test_blank_lines_go_except_where_whitespace_shows():
    html = ("<div>\n    \n  <p>Hello\n\n   there</p>\n\n</div>\n<pre>a\n\n  b</pre>\n \n"
            "<textarea>one\n\ntwo</textarea><script>let a = 1;\n\nlet b = 2;</script>")
    assert drop_blank_lines(html) == ("<div>\n  <p>Hello\n   there</p>\n</div>\n<pre>a\n\n  b</pre>\n"
                                      "<textarea>one\n\ntwo</textarea><script>let a = 1;\n\nlet b = 2;</script>")


def test_files_a_page_loads_are_addressed_by_their_content(tmp_path):
    (tmp_path / "stylesheets").mkdir()
    (tmp_path / "stylesheets" / "guide.css").write_text("body{}")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "main.1234abcd.min.css").write_text("x")
    stamp = hashlib.sha256(b"body{}").hexdigest()[:12]
    html = ('<link rel="stylesheet" href="../stylesheets/guide.css"><link rel="stylesheet" href="../assets/main.1234abcd.min.css">'
            '<link rel="prev" href="../about/"><a href="../stylesheets/guide.css">read it</a>'
            '<script src="../missing.js"></script><img src="https://example.org/x.png">')
    assert stamp_assets(html, "plan/index.html", tmp_path) == html.replace(
        'href="../stylesheets/guide.css">', f'href="../stylesheets/guide.css?h={stamp}">', 1)


def test_the_headers_file_keeps_files_named_by_content_for_a_year_and_never_sw_js(tmp_path):
    from helpers import ROOT
    from generator.publish.finish import finish_site

    (tmp_path / "index.html").write_text('<html><head><link rel="stylesheet" href="stylesheets/guide.css">'
                                         '<script src="assets/javascripts/bundle.1234abcd.min.js"></script></head></html>')
    for path in ("stylesheets/guide.css", "assets/javascripts/bundle.1234abcd.min.js", "assets/javascripts/lunr/x.js"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("/* */")
    finish_site(tmp_path, ROOT / "templates")
    rules: dict[str, list[str]] = {}
    for line in (tmp_path / "_headers").read_text().splitlines():
        if line.startswith("/"):
            assert line not in rules, f"{line} twice"  # a host joins a header set twice
            rules[line] = []
        elif line.startswith("  "):
            rules[list(rules)[-1]].append(line.strip())
    forever = "Cache-Control: public, max-age=31536000, immutable"
    assert rules["/sw.js"] == ["Cache-Control: no-cache"]
    assert rules["/stylesheets/*"] == [forever] and rules["/assets/javascripts/bundle.1234abcd.min.js"] == [forever]
    assert not [h for h in rules["/*"] if h.startswith("Cache-Control")]
    assert "/assets/javascripts/lunr/x.js" not in rules  # not named by its content
    served = (tmp_path / "stylesheets/guide.css").read_bytes()  # minified: the stamp names what is served
    assert f'href="stylesheets/guide.css?h={hashlib.sha256(served).hexdigest()[:12]}"' in (tmp_path / "index.html").read_text()
