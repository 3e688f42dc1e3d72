"""Compiled templates are kept under each template's name (generator/caches.py), so copies of the
project in different folders share them; an error must still be placed in the copy's own file."""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2
import pytest

from generator.caches import CACHE_ENV, bytecode_cache

TEMPLATE = "{% macro item(x) %}{{ x.name.first }}{% endmacro %}Hello {{ item(person) }}\n"


def _failing_frame(project: Path) -> tuple[str, str]:
    """The template file the error is placed in, by Jinja and by the traceback's innermost template frame."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(project / "templates")), undefined=jinja2.StrictUndefined,
                             bytecode_cache=bytecode_cache(project, "templates"))
    template = env.get_template("page.md.j2")
    with pytest.raises(jinja2.UndefinedError) as raised:
        template.render(person={})
    frames = [frame.filename for frame in traceback.extract_tb(raised.value.__traceback__) if frame.filename.endswith(".j2")]
    return template.filename, frames[-1]


def test_a_second_copy_uses_the_compiled_template_and_places_errors_in_its_own_file(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    copies = [tmp_path / name for name in ("first", "second")]
    for project in copies:
        (project / "templates").mkdir(parents=True)
        (project / "templates" / "page.md.j2").write_text(TEMPLATE, encoding="utf-8")

    for project in copies:
        own = str(project / "templates" / "page.md.j2")
        assert _failing_frame(project) == (own, own)
    assert len([path for path in cache.rglob("*") if path.is_file()]) == 1, "the second copy compiled it again"
