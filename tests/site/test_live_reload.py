"""`mkdocs serve` shows an edit to a YAML file or a template on the next reload, and survives a bad edit."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from helpers import edit, free_port, wait_for


@pytest.fixture
def served(project_copy):
    port = free_port()
    log = open(project_copy / "serve.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project_copy, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield project_copy, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_edits_to_yaml_and_templates_show_on_the_next_reload(served):
    project, url = served
    page_url = url + "what-is-integration/"
    wait_for(page_url, "What is integration?")

    edit(project / "content/pages/what-is-integration.yml", "title: What is integration?",
          "title: What integration means to you")
    wait_for(page_url, "What integration means to you")

    edit(project / "templates/components/review_footer.md.j2", "Page last reviewed:", "This page was last checked:")
    wait_for(page_url, "This page was last checked:")


def test_a_bad_edit_is_reported_clearly_and_the_preview_recovers_once_fixed(served):
    """While the content is broken MkDocs holds requests (it never serves a half-built site)."""
    project, url = served
    page_url = url + "what-is-integration/"
    wait_for(page_url, "What is integration?")
    page_file = project / "content/pages/what-is-integration.yml"

    edit(page_file, "order: 10", "order: ten")
    deadline = time.monotonic() + 60
    while "order: expected a whole number" not in (project / "serve.log").read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    log = (project / "serve.log").read_text()
    assert "content/pages/what-is-integration.yml:4:1: order: expected a whole number" in log
    assert "Traceback" not in log

    edit(page_file, "order: ten", "order: 10")
    edit(page_file, "title: What is integration?", "title: Integration, fixed")
    wait_for(page_url, "Integration, fixed")
