"""The MkDocs adapter: one rendered edition built by ``mkdocs build --strict``, in this process.

``build_in_process`` does what MkDocs' command line does for ``mkdocs build --strict
--config-file CONFIG --site-dir DIR`` (mkdocs/__main__.py's build_command: load the config,
on_startup, build, on_shutdown), with one difference: mkdocs.yml's hook is left out and our plugin
object, holding the edition already rendered, is put in its place. Several builds run in one
process (each language; the file:// copy after the hosted site), so nothing may carry over from
one to the next:
  - the config, the theme and its Jinja environment are made anew by each ``load_config`` and
    ``build``; our plugin is a new object per build;
  - MkDocs keeps the plugins that have an ``on_startup`` (the theme's search plugin) in a cache
    shared by every config of the process, for ``mkdocs serve``; each build gets its own;
  - strict mode counts warnings with a logging handler that ``build`` adds to the ``mkdocs``
    logger and removes again; ``mkdocs_messages`` shows warnings and errors as the command line
    does and, unlike ``--quiet``, lets every warning reach that counter, so a warning fails the
    build (``mkdocs build --strict --quiet`` passes with warnings: the quiet logger drops them).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.base import get_schema
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from ..site_settings import SiteEdition
from .plugin import GuidePlugin

CONFIG = "mkdocs.yml"
OFFLINE_CONFIG = "mkdocs-offline.yml"  # the site for file://: mkdocs-material's offline plugin, no directory URLs


class Engine:
    """The build driver's MkDocs (generator/build.py)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()  # the project folder, which holds mkdocs.yml

    def build_edition(self, edition: SiteEdition, target_dir: Path, offline: bool = False) -> bool:
        """One edition into the empty folder ``target_dir``; False (MkDocs' messages shown) if it failed."""
        plugin = GuidePlugin(edition=edition, project_root=self.root)
        with mkdocs_messages():
            return build_in_process(self.root / (OFFLINE_CONFIG if offline else CONFIG), plugin, target_dir)


def build_in_process(config_file: Path, plugin: GuidePlugin, site_dir: Path, site_url: str | None = None) -> bool:
    """``mkdocs build --strict`` of ``config_file`` into ``site_dir`` with ``plugin`` in place of the
    hook; True if it succeeded. ``site_url`` replaces the config's (a preview's address)."""
    with own_plugin_objects():
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True, hooks=[], site_url=site_url)
            config.plugins["guide"] = plugin
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except Abort as exc:  # a strict-mode warning, a build error or a config error: already logged
            print("\n" + exc.format_message(), file=sys.stderr)
            return False
        except jinja2.TemplateError as exc:  # in the theme or our overrides: where, not a traceback
            print(f"error: {theme_template_error(exc)}", file=sys.stderr)
            return False
    return True


@contextlib.contextmanager
def own_plugin_objects() -> Iterator[None]:
    """A build with plugin objects of its own: MkDocs' cache of plugin objects (shared by every
    config in the process, kept for ``mkdocs serve``) is emptied for it and put back after."""
    cache = dict(get_schema(MkDocsConfig))["plugins"].plugin_cache
    kept = dict(cache)
    cache.clear()
    try:
        yield
    finally:
        cache.clear()
        cache.update(kept)


@contextlib.contextmanager
def mkdocs_messages() -> Iterator[None]:
    """MkDocs' warnings and errors on stderr as its command line shows them (``WARNING -  ...``),
    its progress lines not; the ``mkdocs`` logger as it was afterwards."""
    logger = logging.getLogger("mkdocs")
    saved = logger.level, logger.propagate
    shown = logging.StreamHandler(sys.stderr)
    shown.setLevel(logging.WARNING)
    shown.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.setLevel(logging.WARNING)  # every warning reaches strict mode's counter (``--quiet`` would drop them)
    logger.propagate = False
    logger.addHandler(shown)
    try:
        yield
    finally:
        logger.removeHandler(shown)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def theme_template_error(exc: jinja2.TemplateError) -> str:
    """``file:line: message`` of an error in a theme template (Jinja maps its frames to template lines)."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}: {exc.message}"
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename.endswith(".html")]
    where = f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else ""
    return f"{where}{type(exc).__name__}: {exc}"
