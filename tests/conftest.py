"""Fixtures for every tier (tests/unit, tests/site, tests/browser): a copy of the project to break,
the whole site built once by the real command, served on loopback, and Debian's Chromium.
What tests share besides fixtures is in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_project, run_cli, serve_folder, tree_hash


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per test run by the real command (`mkdocs build --strict`)."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_cli("site", "--out", str(out))
    assert result.returncode == 0, f"site build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory):
    """The example clinic's site (it has a site_url), built from this checkout by the real command;
    our content/ and templates/ hashed around it: (site, hashes before, hashes after)."""
    before = {part: tree_hash(ROOT / part) for part in ("content", "templates")}
    out = tmp_path_factory.mktemp("example") / "site"
    result = run_cli("--clinic", "clinics/example", "site", "--out", str(out))
    assert result.returncode == 0, result.stderr
    after = {part: tree_hash(ROOT / part) for part in ("content", "templates")}
    return out, before, after


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site built once per test run with the second engine: `site --engine zensical`, PDFs included."""
    out = tmp_path_factory.mktemp("built-zensical") / "site"
    result = run_cli("site", "--engine", "zensical", "--out", str(out))
    assert result.returncode == 0, f"Zensical site build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def zensical_url(zensical_site: Path):
    """The Zensical build served over HTTP on loopback."""
    url, server = serve_folder(zensical_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served over HTTP on loopback, as a browser would see it hosted."""
    url, server = serve_folder(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (Playwright cannot download its own browser here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (make test does it for you)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (its own storage) and page for one test."""
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
