"""Fixtures for every tier (tests/unit, tests/site, tests/browser): a copy of the project to break,
the whole site built once by the real command, served on loopback, and Debian's Chromium.
What tests share besides fixtures is in helpers.py."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_project, run_cli, serve_folder, tree_hash


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def clinic_project(tmp_path: Path) -> Path:
    """A copy of the project with the example clinic (clinics/example) in it, to change or break."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "clinics/example", project / "clinics/example")
    return project


def _built_once(tmp_path_factory: pytest.TempPathFactory, name: str, *args: str) -> tuple[Path, dict]:
    """A site built by the real command ``generator ARGS --out <folder>`` once per test run, however many
    pytest-xdist workers share the run: the first worker to ask builds it while the others wait on a
    file lock, then all read the same folder (no test changes a shared site). Returns the folder and
    the hashes of our content/ and templates/ before and after the build."""
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # each worker has its own folder inside the run's
        shared = shared.parent
    folder, record = shared / name, shared / f"{name}.json"
    with FileLock(shared / f"{name}.lock"):
        if not record.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            before = {part: tree_hash(ROOT / part) for part in ("content", "templates")}
            result = run_cli(*args, "--out", str(folder / "site"))
            assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
            after = {part: tree_hash(ROOT / part) for part in ("content", "templates")}
            record.write_text(json.dumps({"before": before, "after": after}), encoding="utf-8")
    return folder / "site", json.loads(record.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per test run by the real command (`mkdocs build --strict`)."""
    return _built_once(tmp_path_factory, "built", "site")[0]


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory):
    """The example clinic's site (it has a site_url), built from this checkout by the real command;
    our content/ and templates/ hashed around it: (site, hashes before, hashes after)."""
    site, hashes = _built_once(tmp_path_factory, "example", "--clinic", "clinics/example", "site")
    return site, hashes["before"], hashes["after"]


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site built once per test run with the second engine: `site --engine zensical`, PDFs included."""
    return _built_once(tmp_path_factory, "built-zensical", "site", "--engine", "zensical")[0]


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
