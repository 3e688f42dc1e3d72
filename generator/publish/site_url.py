"""Where the guide is published, for the PDFs: their links to the site and their QR codes.

A clinic sets it as ``site_url`` in its brand.yml (on ``Brand``); else the ``site_url`` of the site
engine's configuration (mkdocs.yml) counts; else there is none, and the PDFs carry no QR code and
no link to the site. Read here, in the PDF step, so the generator's core never reads mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..guide.brand import Brand, with_slash


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as ``!ENV`` or ``!!python/name:``; none of them matters here."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def engine_site_url(config_file: Path) -> str | None:
    """The ``site_url`` of a mkdocs.yml, if it has an http(s) one."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError):
        return None
    url = config.get("site_url") if isinstance(config, dict) else None
    return with_slash(url.strip()) if isinstance(url, str) and url.strip().startswith(("https://", "http://")) else None


def published_site_url(brand: Brand, config_file: Path) -> str | None:
    """The clinic's own address first, then the engine's, then none."""
    return brand.site_url or engine_site_url(config_file)
