"""Escaping by default (issue 21 item 1): every Jinja environment the generator makes escapes what it
prints, no template escapes by hand, and markup gets past the escaping through one named door,
``trusted_html`` (generator/render/trusted.py). What the built pages show: tests/site/test_escaped_everywhere.py."""

from __future__ import annotations

import ast
import re

import jinja2
import pytest
from markupsafe import Markup

from generator.render.environment import make_environment
from generator.render.trusted import trusted_html
from helpers import ROOT, english_ui

TEMPLATES = ROOT / "templates"
# Jinja renders these: ours (*.j2) and the theme overrides, which the engines' template languages render.
RENDERED = sorted([*TEMPLATES.rglob("*.j2"), *(TEMPLATES / "overrides").rglob("*.html")])
BY_HAND = re.compile(r"\|\s*(e|escape|forceescape|safe)\b")
# Where markup may be made from text: the one door, and the escaping filters (their output is escaped text).
MARKUP_MADE_IN = {"generator/render/trusted.py", "generator/render/environment.py"}


def test_no_template_escapes_by_hand_or_marks_a_value_safe():
    assert len(RENDERED) > 50
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}" for path in RENDERED
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if BY_HAND.search(line)]
    assert found == [], "autoescape escapes every value; markup goes through trusted_html:\n" + "\n".join(found)


def test_the_grep_of_the_issue_finds_no_e_filter_in_any_file_of_templates():
    """`grep -rn '|e\\b' templates` (and `| e`), as the issue says it: scripts and stylesheets too."""
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted(TEMPLATES.rglob("*")) if path.is_file()
             for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             if re.search(r"\| ?e\b", line)]
    assert found == []


def test_markup_is_made_from_text_only_by_the_one_door_and_the_escaping_filters():
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "generator").rglob("*.py"))
             if path.relative_to(ROOT).as_posix() not in MARKUP_MADE_IN
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "Markup(" in line]
    assert found == [], "mark a fragment as markup with generator.render.trusted.trusted_html"


def _environment_calls():
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "Environment":
                yield path.relative_to(ROOT).as_posix(), node


def test_every_environment_the_generator_makes_escapes():
    calls = list(_environment_calls())
    assert len(calls) >= 4  # pages, the service worker, the clinic scaffold, the review pack
    for where, call in calls:
        setting = next((k.value for k in call.keywords if k.arg == "autoescape"), None)
        assert setting is not None, f"{where}:{call.lineno}: jinja2.Environment without autoescape (it is off by default)"
        if isinstance(setting, ast.Call):  # select_autoescape(...): on by default, off only for named kinds
            default = next((k.value for k in setting.keywords if k.arg == "default"), None)
            assert isinstance(default, ast.Constant) and default.value is True, f"{where}:{call.lineno}"
        else:
            assert isinstance(setting, ast.Constant) and setting.value is True, f"{where}:{call.lineno}"


ENV = make_environment(TEMPLATES, english_ui())
HOSTILE = '<b>x</b>"><img src=x onerror=alert(1)>{{ 7*7 }}&amp;'


@pytest.mark.parametrize("source, shown", [
    ("{{ value }}", "&lt;b&gt;x&lt;/b&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;{{ 7*7 }}&amp;amp;"),
    ('<a title="{{ value }}">', '<a title="&lt;b&gt;x&lt;/b&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;{{ 7*7 }}&amp;amp;">'),
    ("{{ value|plain }}", "&lt;b&gt;x&lt;/b&gt;\"&gt;&lt;img src=x onerror=alert(1)&gt;{{ 7\\*7 }}&amp;amp;"),
    ("{{ 'Call {name}'|fill(name=value) }}", "Call &lt;b&gt;x&lt;/b&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;{{ 7*7 }}&amp;amp;"),
])
def test_a_value_is_printed_escaped_once_whatever_the_filter(source, shown):
    assert ENV.from_string(source).render(value=HOSTILE) == shown


def test_a_catalog_text_filled_in_with_a_link_keeps_the_link_and_escapes_the_rest():
    link = '{% set link %}<a href="#x">{{ name }}</a>{% endset %}{{ text|fill(link=link, other=name) }}'
    shown = ENV.from_string(link).render(text="<i>See</i> {link} & {other}", name="<b>")
    assert shown == '&lt;i&gt;See&lt;/i&gt; <a href="#x">&lt;b&gt;</a> &amp; &lt;b&gt;'


def test_markdown_of_the_content_is_printed_as_it_is_and_only_through_the_door():
    assert ENV.from_string("{{ value|md }}").render(value="**Rest** <br>") == "**Rest** <br>"
    assert ENV.from_string("{{ value|trusted_html }}").render(value="<svg></svg>") == "<svg></svg>"
    assert trusted_html("<p>x</p>") == Markup("<p>x</p>")
    with pytest.raises(TypeError):
        trusted_html(7)  # a number or a model is never markup: a template's mistake, named
    with pytest.raises(jinja2.UndefinedError):
        ENV.from_string("{{ missing|trusted_html }}").render()
