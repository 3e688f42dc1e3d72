"""Our hand-written scripts and styles as they are served: without comments and indentation.

The sources in templates/assets/ keep their comments, which say why the code is as it is; a patient's
phone does not need them. Served as written, the plan's own scripts and styles were 42 KB gzipped,
over their 40 KB budget (issue 22); without comments and indentation they are about 33 KB. rjsmin and
rcssmin (the minifiers webassets and Django's tools use) only take out what a browser skips: they
never rename or reorder, so what runs is the code our Node and browser tests test.

Only files that come from templates/assets/ are changed; files the build makes from the brand or the
content (brand.css) are left as written, and so is anything the theme brings (assets/).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import rcssmin
import rjsmin

OUR_FOLDERS = ("javascripts", "stylesheets")


def minified(path: Path, text: str) -> str:
    """``text`` (the file at ``path``) without what the browser skips."""
    return rjsmin.jsmin(text) if path.suffix == ".js" else rcssmin.cssmin(text)


def minify_our_assets(site_dir: Path, assets_dir: Path, languages: Sequence[str] = ("",)) -> None:
    """Each .js and .css file of each language's javascripts/ and stylesheets/ that is one of ours
    (the same path under ``assets_dir``), rewritten minified in place."""
    for prefix in languages:
        for folder in OUR_FOLDERS:
            served = site_dir / prefix / folder
            for path in sorted(served.rglob("*")) if served.is_dir() else ():
                relative = path.relative_to(site_dir / prefix)
                if path.suffix in (".js", ".css") and (assets_dir / relative).is_file():
                    path.write_text(minified(path, path.read_text(encoding="utf-8")), encoding="utf-8")
