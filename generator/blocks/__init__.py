"""The page block types, one module each; ``BLOCK_TYPES`` finds them all (see base.py)."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Annotated, Union

from pydantic import Field

from .base import PageBlock, Use


def _discover() -> dict[str, type[PageBlock]]:
    found: dict[str, type[PageBlock]] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "base"):
        loaded = importlib.import_module(f"{__name__}.{module}")
        for value in vars(loaded).values():
            if isinstance(value, type) and issubclass(value, PageBlock) and value is not PageBlock \
                    and value.__module__ == loaded.__name__ and "type" in value.model_fields:
                found[value.type_name()] = value
    return found


BLOCK_TYPES: dict[str, type[PageBlock]] = _discover()
Block = Annotated[Union[tuple(BLOCK_TYPES.values())], Field(discriminator="type")]

__all__ = ["BLOCK_TYPES", "Block", "PageBlock", "Use"]
