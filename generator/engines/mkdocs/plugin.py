"""The guide as a MkDocs plugin: it sets the navigation and site-wide values from one rendered
edition of the guide (one language of ours or a clinic's) and hands MkDocs its pages as in-memory
files, so no generated Markdown is written into a folder of hand-written files.

Two ways in:
  - the build driver (generator/build.py) generates every edition once and gives each its own
    plugin object (``GuidePlugin(edition=...)``, a ``SiteEdition``) for an in-process build
    (engines/mkdocs/build.py); the driver then finishes the whole site once. This way imports none
    of the code that makes editions (a kept edition is built without it);
  - ``mkdocs serve`` (and a bare ``mkdocs build``) load the plugin through the hook that mkdocs.yml
    names (hook.py); then the plugin generates every edition itself on every build and reload,
    builds the first as MkDocs' own build and each other into its folder (es/) after it, in the
    same process, so the preview's language switcher works. A bare ``mkdocs build`` is finished
    (generator/publish/finish.py) as the driver finishes it; a preview is not.
"""

from __future__ import annotations

import sys
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from ...caches import bytecode_cache
from ...faults import fault_line, one_line_excepthook
from ...problems import ContentError, Problem
from ...publish.finish import finish_site
from ..site_settings import SiteEdition, SiteSettings, escaped_nav, language_site_url, named_palette, search_language, theme_language
from .serve_port import refuse_busy_port
from .serve_problems import NOT_FOUND, problems_page


class GuidePlugin(BasePlugin):
    def __init__(self, edition: SiteEdition | None = None, project_root: Path | None = None) -> None:
        # Given by the build driver: this edition, generated and checked; None under the hook.
        self.given = edition
        self.edition: SiteEdition | None = edition
        self.others: list[SiteEdition] = []  # under the hook: the editions built after the first, into their folders
        self.project_root = project_root
        self.clinic_dir: Path | None = None
        # Under `mkdocs serve`: no CSP (its live-reload script is inline and changes) and no
        # service worker (it would keep serving the pages of an earlier edit).
        self.serving = False
        self.port_checked = False
        # Under `mkdocs serve`, while the content has problems: they, shown instead of the guide
        # (serve_problems.py), at the addresses of the last good build's pages.
        self.problems: list[Problem] | None = None
        self.page_addresses: list[str] = []

    def on_startup(self, command, dirty) -> None:
        self.serving = command == "serve"
        sys.excepthook = one_line_excepthook  # a full disk or an unreadable file: one line, not a traceback

    @event_priority(100)  # before the theme's search plugin, which reads the language in its own on_config
    def on_config(self, config):
        if self.given is None:
            from ...guide.clinic_choice import resolve_clinic
            from ...pipeline import Project, generate_all
            from ...quality.review import author_notes
            from ..site_settings import site_edition

            self.project_root = Path(config.config_file_path).resolve().parent
            if self.serving and not self.port_checked:  # before the first build: a busy port says so at once
                refuse_busy_port(*config.dev_addr)
                self.port_checked = True
            try:
                self.clinic_dir = resolve_clinic(self.project_root)
                editions = generate_all(Project.at(self.project_root, self.clinic_dir))
            except ContentError as exc:
                if not self.serving:
                    raise PluginError("the guide's content has problems:\n" + exc.report()) from None
                return self._show_problems(config, exc)
            self.problems = None
            for guide, _ in editions:
                for note in author_notes(guide):
                    print(note, file=sys.stderr)  # not MkDocs' logger: --strict would fail the build
            self.edition, *self.others = [site_edition(guide, rendered) for guide, rendered in editions]
        self._configure(config, self.edition.settings)
        return config

    def _configure(self, config, settings: SiteSettings) -> None:
        # The theme prints these without escaping in some places and with `| e` in others; escaped
        # Markup is right in both (escaping Markup again leaves it as it is).
        config.site_name = escape(settings.name)
        config.site_description = escape(settings.description)
        config.copyright = escape(settings.copyright)
        config.theme["language"] = theme_language(settings.language, config.theme.dirs)
        config.site_url = language_site_url(config.site_url, settings.address_prefix)
        config.nav = escaped_nav(settings.nav, escape)  # escape() gives Markup
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
        # After every plugin's on_config: ours runs first, before the offline plugin adds its script.
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
        edition = self.edition
        for path, text in edition.pages.items():
            file = File.generated(config, path, content=text)
            if path in edition.hidden:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # built and linked, but not in the menu
            files.append(file)
        self.page_addresses = [file.dest_uri for file in files.documentation_pages()]
        for path, source in edition.files.items():
            kind = {"abs_src_path": str(source)} if isinstance(source, Path) else {"content": source}
            files.append(File.generated(config, path, **kind))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        # The theme prints a page's front-matter title and description into <title> and <meta>
        # without escaping; a title may hold a clinic's name, so hand it over as escaped Markup.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
                page.meta[key] = escape(page.meta[key])
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

    @event_priority(-110)  # last: after the offline plugin's own (-100), which writes search_index.js
    def on_post_build(self, config) -> None:
        """Under the hook: each other edition into its folder, then (not in a preview) the finishing steps."""
        if self.given is not None or self.problems is not None:
            return
        from .build import build_in_process  # the adapter imports this module

        site_dir = Path(config.site_dir)
        for edition in self.others:
            plugin = GuidePlugin(edition=edition, project_root=self.project_root)
            # The first edition's address, before this build added its own prefix (none: it is the first).
            if not build_in_process(Path(config.config_file_path), plugin, site_dir / edition.address_prefix,
                                    site_url=config.site_url):
                raise PluginError(f"the {edition.language} edition's build failed (see above)")
        if not self.serving:
            prefixes = [edition.address_prefix for edition in [self.edition, *self.others]]
            finish_site(site_dir, self.project_root / "templates", prefixes, offline_copy=_offline_plugin_on(config))


def _drop_remote_polyfills(config) -> None:
    """mkdocs-material's offline plugin adds a script from unpkg.com (iframe-worker, for search
    from file://); no page may load anything from another origin, so it is taken out again."""
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [url for url in polyfills if not url.startswith(("http:", "https:", "//"))]


def _offline_plugin_on(config) -> bool:
    return any(name.split("/")[-1] == "offline" for name in config.plugins)
