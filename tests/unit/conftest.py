"""Fixtures of the fast tier (tests/unit); those every tier shares are in tests/conftest.py."""

from __future__ import annotations

import pytest

from generator.caches import CACHE_ENV


@pytest.fixture(scope="session", autouse=True)
def one_template_cache(tmp_path_factory: pytest.TempPathFactory):
    """One cache folder for the whole run, so that compiled templates (kept under each template's
    name, generator/caches.py) serve every copy of the project the tests make, instead of each
    copy's own empty .cache/ compiling every template again (most of what a test's `check` cost).
    A test that is about the cache folder sets its own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("cache")))
        yield
