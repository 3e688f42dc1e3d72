"""Shared fixtures: the real CLI, a real site build, a local web server and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.local_server import serve_folder  # noqa: F401  (tests import it from here)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
# Everything of the project a build reads; tests that change files work on a copy of these.
PROJECT_PARTS = ("content", "templates", "generator", "schemas", "mkdocs.yml")


def run_cli(*args: str, cwd: Path = ROOT, timeout: int = 300, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m generator ARGS`` the way a user does, capturing its output.

    Our own guide unless a test says otherwise (``env={"GUIDE_CLINIC": ...}`` or ``--clinic``), so a
    fork's CLINIC file or a GUIDE_CLINIC in the shell does not change what the tests check."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_CLINIC": "none", **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def copy_project(dest: Path) -> Path:
    """A copy of the project's inputs in ``dest``, safe to break."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


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


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site except the 404 page."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")
