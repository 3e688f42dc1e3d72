"""What every site engine must be told about the guide, worked out once: the site's name,
description and copyright, the menu, the theme's language, a clinic's logo, favicon and
stylesheet, and ``extra.guide`` (what the theme override, templates/overrides/main.html, shows:
the crisis bar, the help link, a clinic's contact block).

Both adapters call ``site_settings``: MkDocs' plugin sets them on its config object in memory
(engines/mkdocs/plugin.py), the Zensical adapter writes them into the config file it generates
(engines/zensical/build.py). Nothing here imports an engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..guide.guide import Guide
from ..render.layout import BRAND_CSS
from ..render.layout import brand_asset
from ..render.pages import NavEntry, RenderedGuide


@dataclass(frozen=True)
class SiteSettings:
    name: str
    description: str
    copyright: str
    language: str  # the brand's language (BCP 47); theme_language() picks what the theme has
    nav: list  # as mkdocs.yml writes it: {title: path}, or {title: [items]} for a section
    not_in_nav: tuple[str, ...]  # pages built and linked, but not in the menu (the handout)
    theme_files: dict[str, str]  # theme setting (logo, favicon) -> the file's path in the site
    extra_css: tuple[str, ...]  # stylesheets after mkdocs.yml's own, so a clinic's colours win
    guide: dict  # config.extra.guide


def site_settings(guide: Guide, rendered: RenderedGuide) -> SiteSettings:
    site, brand = guide.site, guide.brand
    help_page = guide.help_page
    return SiteSettings(
        name=site.name,
        description=site.description,
        copyright=site.copyright,
        language=site.language,
        nav=[nav_item(entry) for entry in rendered.nav],
        not_in_nav=tuple(rendered.hidden),
        theme_files={key: brand_asset(key, getattr(brand, key)) for key in ("logo", "favicon")
                     if getattr(brand, key) is not None},
        extra_css=(BRAND_CSS,) if BRAND_CSS in rendered.files else (),
        guide={
            "crisis_page": f"{site.crisis_page}/",
            "help_page": {"url": f"{help_page.id}/", "title": help_page.nav_title or help_page.title} if help_page else None,
            "crisis_lines": [{"how": line.how, "href": line.href, "name": line.name} for line in site.crisis.lines],
            "emergency": site.crisis.emergency,
            "ui": guide.ui,  # the interface catalog: the override's words (crisis bar, contact labels)
            # the address as lines: Zensical's template language (MiniJinja) has no splitlines()
            "clinic": {"name": brand.name, "contact": brand.contact.model_dump(exclude_none=True),
                       "links": brand.contact_links(),
                       "address_lines": (brand.contact.address or "").splitlines()} if brand.contact else None,
        },
    )


def nav_item(entry: NavEntry) -> dict:
    """A NavEntry as mkdocs.yml's nav writes it: {title: path}, or {title: [items]} for a section."""
    if entry.children:
        return {entry.title: [nav_item(child) for child in entry.children]}
    return {entry.title: entry.path}


def theme_language(language: str, theme_dirs: Iterable[str | Path]) -> str:
    """The brand's language if the theme has its words, else its main language (pt-BR → pt), else English."""
    folders = [Path(folder) for folder in theme_dirs]
    for candidate in (language, language.split("-")[0]):
        if any((folder / "partials" / "languages" / f"{candidate}.html").is_file() for folder in folders):
            return candidate
    return "en"
