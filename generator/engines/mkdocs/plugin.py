"""The guide as a MkDocs plugin: on every build (and every ``mkdocs serve`` reload) it checks and
renders the content, sets the navigation and site-wide values from it, and hands MkDocs the pages
as in-memory files, so no generated Markdown is written into a folder of hand-written files.
After the build, the engine-neutral steps of generator/publish/finish.py finish the site.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ...faults import fault_line, one_line_excepthook
from ...guide.clinic import resolve_clinic
from ...pipeline import Project, generate
from ...problems import ContentError, Problem
from ...publish.finish import finish_site
from ...quality.review import author_notes
from ...render.environment import bytecode_cache
from ...render.pages import RenderedGuide
from ..site_settings import (LANGUAGE_ENV, escaped_nav, language_site_url, named_palette, search_language, site_settings,
                             theme_language)
from .serve_problems import NOT_FOUND, problems_page


class GuidePlugin(BasePlugin):
    def __init__(self) -> None:
        self.rendered: RenderedGuide | None = None
        self.clinic_dir: Path | None = None
        self.project_root: Path | None = None
        # Under `mkdocs serve`: no CSP (its live-reload script is inline and changes) and no
        # service worker (it would keep serving the pages of an earlier edit).
        self.serving = False
        self.language: str | None = None  # the language built, when the site command names one
        # Under `mkdocs serve`, while the content has problems: they, shown instead of the guide
        # (serve_problems.py), at the addresses of the last good build's pages.
        self.problems: list[Problem] | None = None
        self.page_addresses: list[str] = []

    def on_startup(self, command, dirty) -> None:
        self.serving = command == "serve"
        sys.excepthook = one_line_excepthook  # a full disk or an unreadable file: one line, not a traceback

    def on_config(self, config):
        root = self.project_root = Path(config.config_file_path).resolve().parent
        # One language per MkDocs build: the generator's site command builds each into its folder
        # (GUIDE_LANGUAGE) and finishes the whole site once; without it, the first language alone.
        self.language = os.environ.get(LANGUAGE_ENV) or None
        try:
            self.clinic_dir = resolve_clinic(root)
            guide, self.rendered = generate(Project.at(root, self.clinic_dir), self.language)
        except ContentError as exc:
            if not self.serving:
                raise PluginError("the guide's content has problems:\n" + exc.report()) from None
            return self._show_problems(config, exc)
        self.problems = None
        for note in author_notes(guide):
            print(note, file=sys.stderr)  # not MkDocs' logger: --strict would fail the build
        settings = site_settings(guide, self.rendered)
        # The theme prints these without escaping in some places and with `| e` in others; escaped
        # Markup is right in both (escaping Markup again leaves it as it is).
        config.site_name = Markup(escape(settings.name))
        config.site_description = Markup(escape(settings.description))
        config.copyright = Markup(escape(settings.copyright))
        config.theme["language"] = theme_language(settings.language, config.theme.dirs)
        config.site_url = language_site_url(config.site_url, settings.address_prefix)
        config.nav = escaped_nav(settings.nav, lambda title: Markup(escape(title)))
        config.theme["palette"] = named_palette(config.theme["palette"], settings.palette_names)
        config.extra["alternate"] = settings.alternate
        for name, plugin in config.plugins.items():  # the search's stemmer and stop words in the page's language
            if name.split("/")[-1] == "search":  # "material/search"
                plugin.config["lang"] = [search_language(settings.language)]
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = settings.permalink_title
        config.extra["guide"] = settings.guide  # what the theme override (templates/overrides/main.html) shows
        for key, path in settings.theme_files.items():
            config.theme[key] = path
        config.extra_css.extend(settings.extra_css)  # after guide.css, so the brand's colours win
        return config

    def _show_problems(self, config, exc: ContentError):
        """Under `mkdocs serve`: print the problems, and build a site of the page that lists them
        rather than fail (MkDocs would hold every request until a good save)."""
        print("The guide's content has problems; the preview shows them until they are fixed:\n" + exc.report(),
              file=sys.stderr)
        self.problems = exc.problems
        config.nav = None
        config.theme.static_templates.discard(NOT_FOUND)  # the theme's 404 needs the guide's settings
        return config

    def on_pre_build(self, config) -> None:
        # After every plugin's on_config: ours runs first (hook.py), before the offline plugin adds its script.
        _drop_remote_polyfills(config)

    def on_env(self, env, config, files):
        """The theme's templates are compiled once and kept on disk between builds, like ours."""
        env.bytecode_cache = bytecode_cache(self.project_root, "theme")
        return env

    def on_files(self, files: Files, config) -> Files:
        if self.problems is not None:
            page = problems_page(self.problems)
            return Files([File.generated(config, address, content=page)
                          for address in dict.fromkeys([*self.page_addresses, "index.html", NOT_FOUND])])
        for path, text in self.rendered.pages.items():
            file = File.generated(config, path, content=text)
            if path in self.rendered.hidden:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # built and linked, but not in the menu
            files.append(file)
        self.page_addresses = [file.dest_uri for file in files.documentation_pages()]
        for path, source in self.rendered.files.items():
            kind = {"abs_src_path": str(source)} if isinstance(source, Path) else {"content": source}
            files.append(File.generated(config, path, **kind))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        # The theme prints a page's front-matter title and description into <title> and <meta>
        # without escaping; a title may hold a clinic's name, so hand it over as escaped Markup.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
                page.meta[key] = Markup(escape(page.meta[key]))
        return markdown

    def on_serve(self, server, config, builder):
        if self.clinic_dir is not None:
            server.watch(str(self.clinic_dir))  # rebuild on an edit in the clinic's folder too
        rebuild = server.builder

        def rebuild_or_say_why() -> None:  # MkDocs prints a rebuild's traceback; a file-system fault is one line
            try:
                rebuild()
            except OSError as exc:
                print(fault_line(exc, " (the preview shows the last good build)"), file=sys.stderr)

        server.builder = rebuild_or_say_why
        return server

    def on_post_build(self, config) -> None:
        if not self.serving and self.language is None:
            finish_site(Path(config.site_dir), self.project_root / "templates", offline_copy=_offline_plugin_on(config))


def _drop_remote_polyfills(config) -> None:
    """mkdocs-material's offline plugin adds a script from unpkg.com (iframe-worker, for search
    from file://); no page may load anything from another origin, so it is taken out again."""
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [url for url in polyfills if not url.startswith(("http:", "https:", "//"))]


def _offline_plugin_on(config) -> bool:
    return any(name.split("/")[-1] == "offline" for name in config.plugins)

