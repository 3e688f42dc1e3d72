"""MkDocs hook: the whole of what MkDocs needs from the generator.

On every build (and every ``mkdocs serve`` reload) it checks and renders the content, sets the
navigation and site-wide values from it, and hands MkDocs the pages as in-memory files, so no
generated Markdown is written into a folder of hand-written files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.build import Project, generate
from generator.csp import add_csp
from generator.errors import ContentError
from generator.review import overdue_pages

_rendered_pages: dict[str, str] = {}


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    try:
        guide, rendered = generate(Project.at(root))
    except ContentError as exc:
        raise PluginError("the guide's content has problems:\n" + exc.report()) from None
    for late in overdue_pages(guide):
        print(late.warning(), file=sys.stderr)  # not MkDocs' logger: --strict would fail the build
    _rendered_pages.clear()
    _rendered_pages.update(rendered.pages)
    site = guide.site
    config.site_name = site.name
    config.site_description = site.description
    config.copyright = site.copyright
    config.theme["language"] = site.language
    config.nav = [{entry.title: entry.path} for entry in rendered.nav]
    config.extra["guide"] = {
        "crisis_page": f"{site.crisis_page}/",
        "crisis_lines": [{"how": line.how, "href": line.href, "name": line.name} for line in site.crisis.lines],
        "emergency": site.crisis.emergency,
    }
    return config


def on_files(files: Files, config) -> Files:
    for path, text in _rendered_pages.items():
        files.append(File.generated(config, path, content=text))
    return files


def on_post_page(output: str, page, config) -> str:
    return add_csp(output)
