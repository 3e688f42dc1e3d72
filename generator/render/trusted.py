"""The one door past autoescaping: every environment we make escapes what it prints (``&``, ``<``,
``>`` and quotes as HTML entities, which Markdown shows as the same characters), and a fragment
of markup reaches a page only through ``trusted_html`` here, the templates' ``trusted_html`` filter.

What may come through is markup our own code made or checked: a content text typed ``Markdown``
(every one passed the allow-list sanitizer when the guide was loaded, generator/guide/sanitizer.py,
or the build stopped), Markdown our own templates rendered (each part of the handout, placed in
the booklet's page), and text a module of ours wrote from escaped values (the review pack's cells,
the service worker's JSON). A test (tests/unit/test_escaping.py) keeps ``Markup(`` and
``|safe`` out of everything else, so a missing escape cannot hide in a template.
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup


def trusted_html(fragment: str) -> Markup:
    """``fragment`` as markup that is printed as it is. Only for text our renderer made or our
    sanitizer passed (see the module's docstring); anything else is printed escaped instead."""
    if isinstance(fragment, jinja2.Undefined):
        fragment._fail_with_undefined_error()
    if not isinstance(fragment, str):  # a number or a model is never markup: a template's mistake
        raise TypeError(f"trusted_html takes text our code made, not {type(fragment).__name__}")
    return Markup(fragment)
