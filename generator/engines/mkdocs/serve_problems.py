"""What ``mkdocs serve`` shows while the content has problems: instead of a failed build, after
which MkDocs holds every request until a good save, one page listing the located problems, served
at every address of the last good build (so each open tab shows it, and reloads by itself on the
next good save) and as the 404 page (for any other address). Everything in it is escaped text:
a problem can quote whatever an editor typed."""

from __future__ import annotations

from html import escape

from ...problems import Problem

NOT_FOUND = "404.html"  # MkDocs' serve answers an unknown address with this file of the site

STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: 1rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; color: #8a1c1c; }
li { margin: 0 0 .75rem; overflow-wrap: anywhere; }
code { font-size: .95em; font-weight: bold; }
"""


def problems_page(problems: list[Problem]) -> str:
    """The page that lists the problems: where each is (file:line:column), its field, what was expected."""
    items = "\n".join(
        f"<li><code>{escape(f'{p.file}:{p.line}:{p.column}')}</code>"
        f"{': ' + escape(p.field) if p.field else ''}: {escape(p.message)}</li>"
        for p in problems)
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The guide has {count} to fix</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>The guide has {count} to fix</h1>
<p>The preview shows the guide again as soon as you save a fix; this page reloads by itself.</p>
<ul>
{items}
</ul>
</main>
</body>
</html>
"""
