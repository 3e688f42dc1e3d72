"""Site engines: each builds the rendered guide into a website, as a thin adapter. MkDocs
(engines/mkdocs) runs our plugin inside its build; Zensical (engines/zensical), which runs no
MkDocs plugin, is handed the pages pre-rendered. What both are told comes from one place
(site_settings.py); what acts on the finished site is in generator/publish.

Each engine's ``build`` module has ``build_site(root, out_dir, clinic_dir, before_publish)`` and
``build_offline_copy(root, out_zip, clinic_dir)``."""

from __future__ import annotations

import importlib
from types import ModuleType

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"


def engine(name: str) -> ModuleType:
    """The ``build`` module of an engine (imported only when a command builds a site)."""
    if name not in ENGINES:
        raise ValueError(f"unknown site engine {name!r}: choose one of {', '.join(ENGINES)}")
    return importlib.import_module(f"{__name__}.{name}.build")
