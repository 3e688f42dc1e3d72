"""The file mkdocs.yml names under ``hooks:``, for ``mkdocs serve`` (``make serve``): it hands
every MkDocs event to one ``GuidePlugin``, which then generates the guide itself (plugin.py). The
generator's own builds leave the hook out and give MkDocs a plugin object per edition instead
(build.py).

MkDocs loads this file once per process (``mkdocs serve`` keeps it across rebuilds), so the one
plugin object keeps its state between rebuilds. Run MkDocs as ``python -m mkdocs`` from the
project folder (``make serve`` does), or with the project folder on PYTHONPATH, so that the
``generator`` package is importable.
"""

from generator.engines.mkdocs.plugin import GuidePlugin

plugin = GuidePlugin()

on_startup = plugin.on_startup
on_config = plugin.on_config  # first (event_priority 100): before the theme's search plugin reads the language
on_pre_build = plugin.on_pre_build
on_env = plugin.on_env
on_files = plugin.on_files
on_page_markdown = plugin.on_page_markdown
on_serve = plugin.on_serve
on_post_build = plugin.on_post_build  # last: the other editions, then the finishing steps
