"""Offline use: the service worker on the hosted site, and the zip that opens from files."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT, run_cli, serve_folder, site_pages
from generator.publish.service_worker import precache_urls, service_worker

TEMPLATES = ROOT / "templates"


def worker_files(sw_text: str) -> list[str]:
    return json.loads(re.search(r"const FILES = (\[.*?\]);", sw_text, re.S).group(1))


def test_precache_lists_each_page_by_the_address_a_visitor_uses():
    urls = precache_urls(["index.html", "plan/index.html", "assets/app.js"])
    assert urls == ["index.html", "./", "plan/index.html", "plan/", "assets/app.js"]


def test_the_version_changes_with_any_file_and_only_then(tmp_path):
    (tmp_path / "index.html").write_text("one")
    first = service_worker(tmp_path, TEMPLATES)
    assert service_worker(tmp_path, TEMPLATES) == first
    (tmp_path / "index.html").write_text("two")
    assert service_worker(tmp_path, TEMPLATES) != first


def test_the_built_site_has_a_worker_listing_every_file(built_site):
    sw = (built_site / "sw.js").read_text(encoding="utf-8")
    files = worker_files(sw)
    for page in site_pages(built_site):
        assert page.relative_to(built_site).as_posix() in files
    assert "plan/" in files and "javascripts/plan/page.js" in files and "javascripts/plan/format.js" in files
    assert "stylesheets/plan.css" in files
    assert "sw.js" not in files and not [f for f in files if f.endswith(".map")]


def test_after_one_visit_the_site_works_with_no_network(browser, site_url):
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(site_url + "plan/")
        tab.evaluate("async () => { await navigator.serviceWorker.ready; }")
        tab.fill("#plan-action", "Walk after dinner")
        tab.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('saved')")
        context.set_offline(True)
        tab.reload()
        assert tab.input_value("#plan-action") == "Walk after dinner"
        assert tab.is_visible("#plan-toolbar")
        tab.goto(site_url + "phases/")
        assert "Session day" in tab.text_content("h2#day-of-session")
        tab.goto(site_url)
        assert tab.locator("h1").count() == 1
    finally:
        context.close()


def test_a_new_build_replaces_the_old_cache(browser, built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    url, server = serve_folder(site)
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url)
        tab.evaluate("async () => { await navigator.serviceWorker.ready; }")
        old_caches = tab.evaluate("() => caches.keys()")
        assert len(old_caches) == 1
        page = site / "phases" / "index.html"  # a new build: changed words, so a new sw.js
        page.write_text(page.read_text(encoding="utf-8").replace("Session day", "Session day (new)"), encoding="utf-8")
        (site / "sw.js").write_text(service_worker(site, TEMPLATES), encoding="utf-8")
        tab.evaluate("async () => { const r = await navigator.serviceWorker.ready; await r.update(); }")
        for _ in range(100):  # the new worker installs (precaching the new build), then drops the old cache
            caches = tab.evaluate("() => caches.keys()")
            if len(caches) == 1 and caches != old_caches:
                break
            tab.wait_for_timeout(100)
        assert len(caches) == 1 and caches != old_caches, caches
        context.set_offline(True)
        tab.goto(url + "phases/")
        assert "Session day (new)" in tab.text_content("h2#day-of-session")
    finally:
        context.close()
        server.shutdown()


@pytest.fixture(scope="module")
def offline_bundle(tmp_path_factory) -> Path:
    """`python -m generator offline`, the command behind `make offline`, unzipped as a patient would."""
    out = tmp_path_factory.mktemp("bundle")
    result = run_cli("offline", "--out", str(out / "guide-offline.zip"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out / "guide-offline.zip") as archive:
        archive.extractall(out / "usb")
    return out / "usb" / "ketamine-integration-guide"


def test_the_bundle_loads_nothing_from_another_origin(offline_bundle):
    assert (offline_bundle / "README.txt").exists() and (offline_bundle / "index.html").exists()
    for page in site_pages(offline_bundle):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""<(script|link)[^>]+(src|href)=["']?(https?:)?//""", html), page


def test_the_bundle_opened_from_files_shows_the_plan_builder_and_it_saves(browser, offline_bundle):
    context = browser.new_context()
    try:
        tab = context.new_page()
        problems: list[str] = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: problems.append(str(e)))
        tab.goto((offline_bundle / "plan.html").as_uri())
        tab.wait_for_selector("#plan-toolbar:not([hidden])")
        tab.fill("#plan-action", "Walk after dinner")
        tab.check("#plan-check-rest")
        tab.wait_for_function("() => document.querySelector('#plan-status').textContent.includes('saved')")
        tab.reload()
        assert tab.input_value("#plan-action") == "Walk after dinner" and tab.is_checked("#plan-check-rest")
        tab.click("a[href='phases.html']")
        assert "Session day" in tab.text_content("h2#day-of-session")
        assert problems == []
    finally:
        context.close()


def test_the_bundle_never_overwrites_a_file_it_did_not_write(tmp_path):
    mine = tmp_path / "guide-offline.zip"
    mine.write_text("my own notes")
    result = run_cli("offline", "--out", str(mine))
    assert result.returncode == 1 and "not written by the generator" in result.stderr
    assert mine.read_text() == "my own notes"
