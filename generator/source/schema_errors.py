"""Check one loaded YAML document against its schema model, turning every error into a Problem.

Pydantic reports an error's location as a path through the model (with union tags mixed in);
we map it back onto the data so we can point at the line and column, and rephrase its message
as what was expected.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..problems import Problem
from ..schema.base import Id
from .yaml_reader import Path_, YamlDocument, format_field_path


ID_PATTERN = next(m.pattern for m in Id.__metadata__ if getattr(m, "pattern", None))


def validate_document(doc: YamlDocument, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Return the model built from ``doc``, or ``None`` and every problem found in it."""
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), f"expected a mapping of fields at the top of the file, got {_kind(doc.data)}")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_problem(doc, model, error) for error in exc.errors(include_url=False)]


def _problem(doc: YamlDocument, model: type[BaseModel], error: dict[str, Any]) -> Problem:
    loc = tuple(error["loc"])
    at = _data_path(doc.data, loc)
    if error["type"] == "union_tag_invalid":  # point at the tag itself, e.g. a block's `type:`
        at = at + (error["ctx"]["discriminator"].strip("'"),)
    field_info = _field_at(model, loc)
    return doc.problem(at, _expected(error, model, loc, field_info))


def _data_path(data: Any, loc: tuple) -> Path_:
    """Follow pydantic's location through the data, dropping the union tags it inserts."""
    path: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and last:
            current = None  # a missing or unknown field: the path names it, the parent locates it
        else:
            continue  # a union tag or validator name, not a place in the data
        path.append(part)
    return tuple(path)


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold: Optional, Annotated and unions flattened."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg) if t is not type(None)]
    return [annotation]


def _inner_description(annotation: Any) -> str | None:
    """The description of an ``Annotated`` type inside an optional field, e.g. ``Doi | None``."""
    if typing.get_origin(annotation) is typing.Annotated:
        return next((m.description for m in typing.get_args(annotation)[1:] if getattr(m, "description", None)), None)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return next(filter(None, (_inner_description(a) for a in typing.get_args(annotation))), None)
    return None


def _field_at(model: type[BaseModel], loc: tuple) -> tuple[type[BaseModel] | None, Any]:
    """The model that owns the last element of ``loc``, and that field's FieldInfo if it exists."""
    candidates: list[Any] = [model]
    owner, info = None, None
    for part in loc:
        next_candidates: list[Any] = []
        for candidate in candidates:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                if isinstance(part, str) and part in candidate.model_fields:
                    owner, info = candidate, candidate.model_fields[part]
                    next_candidates.extend(_unwrap(info.annotation))
                elif isinstance(part, str):
                    tag_field = candidate.model_fields.get("type")
                    if tag_field is not None and part in typing.get_args(tag_field.annotation):
                        next_candidates.append(candidate)  # the tag of a tagged union
                    else:
                        owner, info = candidate, None
            elif typing.get_origin(candidate) is list and isinstance(part, int):
                next_candidates.extend(_unwrap(typing.get_args(candidate)[0]))
        candidates = next_candidates or candidates
    return owner, info


def _expected(error: dict[str, Any], model: type[BaseModel], loc: tuple, field: tuple) -> str:
    kind, message, value = error["type"], error["msg"], error.get("input")
    owner, info = field
    description = info.description or _inner_description(info.annotation) if info is not None else None
    if kind == "missing":
        return "required field is missing" + (f" ({description})" if description else "")
    if kind == "extra_forbidden":
        allowed = ", ".join(owner.model_fields) if owner is not None else ""
        return f"unknown field; expected one of: {allowed}" if allowed else "unknown field"
    if kind == "string_pattern_mismatch":
        if error["ctx"]["pattern"] == ID_PATTERN:  # what an id may hold, whatever the field says of its use
            use = f" ({description[0].lower() + description[1:].rstrip('.')})" if description else ""
            return f"expected an id: lower-case letters a-z, digits and single hyphens, such as 'my-page'{use} (got {value!r})"
        wanted = description or f"text matching {error['ctx']['pattern']}"
        return f"expected {wanted[0].lower() + wanted[1:]} (got {value!r})"
    if kind in ("too_short",) and isinstance(value, list) and not value:
        return "expected at least one item; this list is empty"
    if kind.startswith("date_"):
        return f"expected a date written YYYY-MM-DD (got {value!r}: {message.split(', ', 1)[-1]})"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = f"at least {error['ctx']['ge']}" if kind == "greater_than_equal" else f"at most {error['ctx']['le']}"
        return f"expected a number {bound} (got {value!r})" + (f": {description}" if description else "")
    if kind == "union_tag_invalid":
        expected = ", ".join(tag.strip("'") for tag in error["ctx"]["expected_tags"].split(", "))
        return f"unknown {error['ctx']['discriminator'].strip(chr(39))} {value if isinstance(value, str) else error['ctx']['tag']!r}; expected one of: {expected}"
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if kind in ("string_type", "int_type", "int_parsing", "bool_type", "bool_parsing", "list_type", "model_type", "dict_type"):
        return f"{_EXPECTED_TYPE.get(kind, message)} (got {_kind(value)})"
    return message


_EXPECTED_TYPE = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list",
    "model_type": "expected a mapping of fields",
    "dict_type": "expected a mapping of fields",
}


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


__all__ = ["validate_document", "format_field_path"]
