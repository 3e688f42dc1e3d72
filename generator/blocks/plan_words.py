"""The plan builder's words: everything its script shows comes from plan.yml, through a JSON data
block in the page. "{name}" in a text is a fill-in the script supplies; each text lists the ones it
can use (in its description and the schema), and any other is an error rather than a stray brace."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from ..schema.base import Strict

FILL_IN = re.compile(r"\{([^{}]*)\}")


def words(description: str, *fill_ins: str):
    if fill_ins:
        description += " Fill-ins: " + ", ".join(f"{{{name}}}" for name in fill_ins) + "."
    return Field(description=description, json_schema_extra={"fill_ins": list(fill_ins)})


class Words(Strict):
    @field_validator("*")
    @classmethod
    def _known_fill_ins(cls, value, info: ValidationInfo):
        if isinstance(value, str):
            allowed = (cls.model_fields[info.field_name].json_schema_extra or {}).get("fill_ins", [])
            unknown = [name for name in FILL_IN.findall(value) if name not in allowed]
            if unknown:
                can = ", ".join(f"{{{name}}}" for name in allowed) or "none"
                raise ValueError(f"{{{unknown[0]}}} is not filled in here (this text's fill-ins: {can})")
        return value


def words_in(model: BaseModel, skip: frozenset[str] = frozenset()) -> list[str]:
    """The sentences of a words model, for the readability check: a {fill-in} read as 'it'; file
    names, ids and the fields named in ``skip`` (wording we may not change) left out."""
    found = []
    for name, value in model:
        if name in skip or name.endswith("_file") or name in ("type", "references"):
            continue
        if isinstance(value, str):
            found.append(re.sub(r"\{[a-z_]+\}", "it", value))
        elif isinstance(value, list):
            found += [re.sub(r"\{[a-z_]+\}", "it", v) for v in value if isinstance(v, str)]
        elif isinstance(value, BaseModel):
            found += words_in(value, skip)
    return found
