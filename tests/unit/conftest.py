"""Fixtures of the fast tier (tests/unit); those every tier shares are in tests/conftest.py.

The two autouse fixtures here are module-scoped on purpose: `make test` runs every tier in one
pytest session, and a session-scoped autouse fixture of this folder would stay in force for the
site and browser tests that run after it in the same process; a module-scoped one is undone at the
end of each module of this folder, and is in force before that module's own fixtures."""

from __future__ import annotations

import pytest

from generator.caches import CACHE_ENV


@pytest.fixture(scope="session")
def shared_template_cache(tmp_path_factory: pytest.TempPathFactory):
    """One cache folder for the whole run of this tier."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module", autouse=True)
def one_template_cache(shared_template_cache):
    """Every test of this tier uses the one cache folder, so that compiled templates (kept under
    each template's name, generator/caches.py) serve every copy of the project the tests make,
    instead of each copy's own empty .cache/ compiling every template again (most of what a test's
    `check` cost). A test that is about the cache folder sets its own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(shared_template_cache))
        yield


@pytest.fixture(scope="module", autouse=True)
def copies_without_the_generators_code():
    """Copies of the project (helpers.copy_project) without generator/: in this tier every command
    runs in this process (helpers.cli), which imports the generator from the checkout, so a copy of
    its code is never read, and copying its hundred files was a third of what making a copy cost
    (about 250 copies a run). The tiers that run `python -m generator` in a copy keep it."""
    import helpers

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(helpers, "PROJECT_PARTS", tuple(part for part in helpers.PROJECT_PARTS if part != "generator"))
        yield
