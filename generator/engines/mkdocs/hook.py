"""The file mkdocs.yml names under ``hooks:``: it hands every MkDocs event to one ``GuidePlugin``.

MkDocs loads this file once per process (``mkdocs serve`` keeps it across rebuilds), so the one
plugin object keeps its state between rebuilds. Run MkDocs as ``python -m mkdocs`` from the
project folder (``make serve`` does), or with the project folder on PYTHONPATH (the generator's
own builds set it), so that the ``generator`` package is importable.
"""

from mkdocs.plugins import event_priority

from generator.engines.mkdocs.plugin import GuidePlugin

plugin = GuidePlugin()

on_startup = plugin.on_startup


@event_priority(100)  # before the theme's search plugin, which reads the language in its own on_config
def on_config(config):
    return plugin.on_config(config)


on_pre_build = plugin.on_pre_build
on_env = plugin.on_env
on_files = plugin.on_files
on_page_markdown = plugin.on_page_markdown
on_serve = plugin.on_serve
on_post_build = plugin.on_post_build
