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
