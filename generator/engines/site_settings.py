"""What every site engine must be told about the guide, worked out once: the site's name,
description and copyright, the menu, the theme's language, a clinic's logo, favicon and
stylesheet, and ``extra.guide`` (what the theme override, templates/overrides/main.html, shows:
the header's help control, the crisis bar, a clinic's contact block).

The build driver hands each engine a ``SiteEdition``: those settings with the edition's rendered
files, worked out once per edition (``site_edition``). MkDocs' plugin sets the settings on its
config object in memory (engines/mkdocs/plugin.py), the Zensical adapter writes them into the
config file it generates (engines/zensical/build.py). A ``SiteEdition`` is plain data: the driver
keeps it between builds (generator/edition_cache.py) and a build of unchanged content hands it over
without importing the code that made it, so this module imports none of that code until
``site_settings`` is called. Nothing here imports an engine.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..render.layout import BRAND_CSS, brand_asset

if TYPE_CHECKING:
    from ..guide.guide import Guide
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
    alternate: list[dict]  # extra.alternate: each language's name, lang and root (relative to this one's)
    palette_names: dict[str, str]  # colour scheme -> its switch's label (the switch leads to the other scheme)
    permalink_title: str  # the tooltip of each heading's link (the toc extension's permalink_title)
    address_prefix: str  # where this language's pages are in the site: "" for the first, "es/"


@dataclass(frozen=True)
class SiteEdition:
    """One edition as a site engine builds it: what the engine is told, and the files it is handed."""

    settings: SiteSettings
    pages: dict[str, str]  # Markdown by path in the site
    hidden: tuple[str, ...]  # pages built but not in the menu (the handout)
    files: dict[str, str | bytes | Path]  # other files of the site: text, bytes, or a file to copy
    name: str  # which edition among all a project builds: its clinic and its language ("ours-en")

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def address_prefix(self) -> str:
        return self.settings.address_prefix


def site_edition(guide: Guide, rendered: RenderedGuide) -> SiteEdition:
    """What an engine needs of an edition, from the checked guide and its rendering."""
    clinic = guide.brand.clinic_dir
    owner = "ours" if clinic is None else f"{clinic.name}-{hashlib.sha256(str(clinic.resolve()).encode()).hexdigest()[:8]}"
    return SiteEdition(settings=site_settings(guide, rendered), pages=rendered.pages, hidden=tuple(rendered.hidden),
                       files=rendered.files, name=f"{owner}-{guide.site.language}")


def site_settings(guide: Guide, rendered: RenderedGuide) -> SiteSettings:
    from ..guide.crisis_wording import theme_crisis  # only when an edition is made, not when a kept one is built
    from jinja2.utils import htmlsafe_json_dumps

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
        guide=escaped_values({
            # the header's title on phones (templates/overrides/main.html), when shorter than the name
            "short_name": brand.short_name if brand.short_name != site.name else None,
            "crisis_page": f"{site.crisis_page}/",
            # where the header's help control leads: the page that says when to get help, else the crisis page
            "help_page": f"{help_page.id}/" if help_page else f"{site.crisis_page}/",
            "crisis": theme_crisis(site.crisis, guide.ui),  # the crisis bar: each line's ways, ready
            "lang": site.language,
            "ui": guide.ui,  # the interface catalog: the override's words (crisis bar, contact labels)
            # the address as lines: Zensical's template language (MiniJinja) has no splitlines()
            "clinic": {"name": brand.name, "contact": brand.contact.model_dump(exclude_none=True),
                       "links": brand.contact_links(),
                       "address_lines": (brand.contact.address or "").splitlines()} if brand.contact else None,
        }) | {
            # the words our scripts show (main.html's guide-words block), as they are: JSON made safe
            # for a <script> element (<, >, & and ' as \u escapes), read by keyboard.js and sw.js
            "words": str(htmlsafe_json_dumps({"lang": site.language, "menu": guide.ui["page"]["menu"],
                                              "offline": guide.ui["offline"]}, sort_keys=True)),
        },
        alternate=escaped_values(alternates(site.languages, site.language)),
        palette_names={"default": guide.ui["page"]["colours_dark"], "slate": guide.ui["page"]["colours_light"]},
        permalink_title=guide.ui["page"]["permalink"],
        address_prefix=guide.address_prefix,
    )


def language_site_url(site_url: str | None, prefix: str) -> str | None:
    """The address a language's pages are published at, from the site's (the engine's
    ``site_url``): https://example.org/guide/es/ for Spanish; it makes the canonical links, the
    sitemap and the not-found page's links of that language's build."""
    if not site_url:
        return site_url
    return site_url.rstrip("/") + "/" + prefix


def search_language(language: str) -> str:
    """The search's language (lunr's stemmer and stop words): the main language, "pt" for pt-BR."""
    return language.split("-")[0]


def alternates(languages: list[str], current: str) -> list[dict]:
    """The language switcher's entries (mkdocs-material's ``extra.alternate``): each language in its
    own words, and its root relative to the current language's (the first is at the site's root,
    each other at <code>/). The theme override (partials/alternate.html) links each to the same page."""
    from babel import Locale

    here = "" if current == languages[0] else "../"
    entries = []
    for language in languages:
        root = "" if language == current else here + ("" if language == languages[0] else f"{language}/")
        name = Locale.parse(language.replace("-", "_")).get_display_name(language.replace("-", "_"))
        entries.append({"name": name[:1].upper() + name[1:], "link": root, "lang": language})
    return entries if len(languages) > 1 else []


def named_palette(palette: list[dict], names: dict[str, str]) -> list[dict]:
    """The theme's colour schemes with their switches labelled in the site's language, escaped: both
    themes print the label into attributes as it is, and a clinic's interface texts may hold < or "."""
    return [{**scheme, "toggle": {**scheme["toggle"], "name": html.escape(names.get(scheme.get("scheme"), scheme["toggle"]["name"]))}}
            if "toggle" in scheme else scheme for scheme in palette]


def escaped_values(value):
    """``value`` with every text in it HTML-escaped (a dict's keys left as they are). What the theme
    overrides print (``extra.guide``, ``extra.alternate``) is handed over escaped, once, here: both
    engines' theme templates print values as they are (MkDocs' Jinja environment and Zensical's
    MiniJinja do not autoescape, and are not ours to set), so the overrides hold no ``| e``."""
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, dict):
        return {key: escaped_values(inner) for key, inner in value.items()}
    if isinstance(value, (list, tuple)):
        return [escaped_values(inner) for inner in value]
    return value


def escaped_nav(nav: list, escape) -> list:
    """``nav`` with every title passed through ``escape``: both themes print a menu entry's title into
    the page as it is, and a title may hold < (a page's title, an interface text of a clinic)."""
    return [{escape(title): escaped_nav(value, escape) if isinstance(value, list) else value
             for title, value in item.items()} for item in nav]


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
