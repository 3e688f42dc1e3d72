"""MkDocs hook: the whole of what MkDocs needs from the generator.

On every build (and every ``mkdocs serve`` reload) it checks and renders the content, sets the
navigation and site-wide values from it, and hands MkDocs the pages as in-memory files, so no
generated Markdown is written into a folder of hand-written files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

# MkDocs loads this file by its path; make the library beside it importable however mkdocs was run.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from markupsafe import Markup, escape  # noqa: E402

from generator.brand import brand_css  # noqa: E402
from generator.build import Project, generate  # noqa: E402
from generator.clinic import resolve_clinic  # noqa: E402
from generator.csp import add_csp  # noqa: E402
from generator.errors import ContentError  # noqa: E402
from generator.offline import SERVICE_WORKER, service_worker  # noqa: E402
from generator.review import overdue_pages  # noqa: E402

_rendered_pages: dict[str, str] = {}
_hidden_pages: set[str] = set()
_brand_files: dict[str, dict] = {}  # site path -> File.generated arguments (a clinic's logo, favicon, colours)
_clinic_dir: list[Path] = []
_serving = False  # under `mkdocs serve` no CSP (see on_post_page) and no service worker (stale pages)


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    try:
        clinic = resolve_clinic(root)
        guide, rendered = generate(Project.at(root, clinic))
    except ContentError as exc:
        raise PluginError("the guide's content has problems:\n" + exc.report()) from None
    for late in overdue_pages(guide):
        print(late.warning(), file=sys.stderr)  # not MkDocs' logger: --strict would fail the build
    _clinic_dir[:] = [clinic] if clinic else []
    _rendered_pages.clear()
    _rendered_pages.update(rendered.pages)
    _hidden_pages.clear()
    _hidden_pages.update(rendered.hidden)
    site = guide.site
    # The theme prints these without escaping in some places and with `| e` in others; escaped
    # Markup is right in both (escaping Markup again leaves it as it is).
    config.site_name = Markup(escape(site.name))
    config.site_description = Markup(escape(site.description))
    config.copyright = Markup(escape(site.copyright))
    config.theme["language"] = _theme_language(site.language, config)
    config.nav = [_nav_item(entry) for entry in rendered.nav]
    config.extra["guide"] = {
        "crisis_page": f"{site.crisis_page}/",
        "crisis_lines": [{"how": line.how, "href": line.href, "name": line.name} for line in site.crisis.lines],
        "emergency": site.crisis.emergency,
        "brand": guide.brand.public_data(),
    }
    _brand_files.clear()
    brand = guide.brand
    for key, path in (("logo", brand.logo), ("favicon", brand.favicon)):
        if path is not None:
            site_path = f"brand/{key}{path.suffix.lower()}"
            config.theme[key] = site_path
            _brand_files[site_path] = {"abs_src_path": str(path)}
    if brand.is_clinic:
        _brand_files["stylesheets/brand.css"] = {"content": brand_css(brand)}
        config.extra_css.append("stylesheets/brand.css")  # after guide.css, so the brand's colours win
    _drop_remote_polyfills(config)
    return config


def _theme_language(language: str, config) -> str:
    """The brand's language if the theme has its words, else its main language (pt-BR → pt), else English."""
    for candidate in (language, language.split("-")[0]):
        if any((Path(folder) / "partials" / "languages" / f"{candidate}.html").is_file() for folder in config.theme.dirs):
            return candidate
    return "en"


def _drop_remote_polyfills(config) -> None:
    """mkdocs-material's offline plugin adds a script from unpkg.com (iframe-worker, for search
    from file://); no page may load anything from another origin, so it is taken out again."""
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [url for url in polyfills if not url.startswith(("http:", "https:", "//"))]


def _offline_plugin_on(config) -> bool:
    return any(name.split("/")[-1] == "offline" for name in config.plugins)


def on_files(files: Files, config) -> Files:
    for path, text in _rendered_pages.items():
        file = File.generated(config, path, content=text)
        if path in _hidden_pages:
            file.inclusion = InclusionLevel.NOT_IN_NAV  # built and linked, but not in the menu
        files.append(file)
    for path, source in _brand_files.items():
        files.append(File.generated(config, path, **source))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    # The theme prints a page's front-matter title and description into <title> and <meta> without
    # escaping; a title may hold a clinic's name, so hand it over as escaped Markup (see on_config).
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
            page.meta[key] = Markup(escape(page.meta[key]))
    return markdown


def on_serve(server, config, builder):
    # `mkdocs serve` rebuilds on an edit in the clinic's folder too, wherever it is.
    for folder in _clinic_dir:
        server.watch(str(folder))
    return server


def on_post_page(output: str, page, config) -> str:
    # `mkdocs serve` adds its own inline live-reload script to each page as it serves it, which
    # no policy written now could allow; the preview goes without, the built site never does.
    return output if _serving else add_csp(output)


def _nav_item(entry) -> dict:
    """A NavEntry as MkDocs' nav wants it: {title: path}, or {title: [items]} for a section."""
    if entry.children:
        return {entry.title: [_nav_item(child) for child in entry.children]}
    return {entry.title: entry.path}


def on_post_build(config) -> None:
    """The service worker, computed from the finished site; not for `mkdocs serve` or file:// builds."""
    if _serving or _offline_plugin_on(config):
        return
    site_dir = Path(config.site_dir)
    (site_dir / SERVICE_WORKER).write_text(service_worker(site_dir), encoding="utf-8")
