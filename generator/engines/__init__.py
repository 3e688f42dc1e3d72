"""Site engines: each builds one rendered edition of the guide into a website folder, as a thin
adapter behind one small interface (``SiteEngine``). The build driver (generator/build.py)
generates every edition once and hands each to the engine as a ``SiteEdition`` (site_settings.py); MkDocs (engines/mkdocs) runs in this
process with our plugin given the edition, Zensical (engines/zensical), which runs no MkDocs
plugin, is handed the pages pre-rendered in a scratch project. What both are told comes from one
place (site_settings.py); what acts on the finished site is in generator/publish."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from .site_settings import SiteEdition

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"


class SiteEngine(Protocol):
    """What the build driver needs of an engine; made once per command (its one-time set-up)."""

    def build_edition(self, edition: SiteEdition, target_dir: Path, offline: bool = False) -> bool:
        """Build one edition into ``target_dir`` (empty or new), for a web server, or with
        ``offline`` for file:// (pages as files); False, with the engine's messages shown, if it failed."""


def engine(name: str, root: Path) -> SiteEngine:
    """The engine ``name`` for the project in ``root`` (imported only when a command builds a site)."""
    if name not in ENGINES:
        raise ValueError(f"unknown site engine {name!r}: choose one of {', '.join(ENGINES)}")
    return importlib.import_module(f"{__name__}.{name}.build").Engine(root)
