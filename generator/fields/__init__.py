"""The worksheet field types, one module each; ``FIELD_TYPES`` finds them all (see base.py)."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Annotated, Union

from pydantic import Field

from .base import SheetField


def _discover() -> dict[str, type[SheetField]]:
    found: dict[str, type[SheetField]] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "base"):
        loaded = importlib.import_module(f"{__name__}.{module}")
        for value in vars(loaded).values():
            if isinstance(value, type) and issubclass(value, SheetField) and value.__module__ == loaded.__name__ \
                    and "type" in value.model_fields:
                found[value.type_name()] = value
    return found


FIELD_TYPES: dict[str, type[SheetField]] = _discover()
WorksheetField = Annotated[Union[tuple(FIELD_TYPES.values())], Field(discriminator="type")]

__all__ = ["FIELD_TYPES", "SheetField", "WorksheetField"]
