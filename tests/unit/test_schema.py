"""The JSON Schema files editors use match the models, and every content file points at its own."""

from __future__ import annotations

import json

from helpers import ROOT
from generator.pipeline import json_schemas


def test_committed_schemas_are_up_to_date():
    for name, text in json_schemas(ROOT / "content").items():
        committed = ROOT / "schemas" / name
        assert committed.is_file() and committed.read_text(encoding="utf-8") == text, \
            f"schemas/{name} is stale: run `make schema`"


def test_every_content_file_names_its_schema_for_the_editor():
    for path in sorted((ROOT / "content").rglob("*.yml")):
        kind = {"pages": "page", "worksheets": "worksheet"}.get(path.parent.name, path.stem)
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first_line.split("$schema=", 1)[1]).resolve()
        assert schema == ROOT / "schemas" / f"{kind}.schema.json", path


def test_the_schema_rejects_what_the_validator_rejects():
    page = json.loads((ROOT / "schemas/page.schema.json").read_text(encoding="utf-8"))
    assert page["additionalProperties"] is False
    assert set(page["required"]) >= {"id", "title", "last_reviewed", "next_review_due", "blocks"}
