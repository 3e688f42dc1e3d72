"""`mkdocs serve` shows an edit to a YAML file or a template on the next reload, in every language,
and survives a bad edit; `make serve` on a busy port says so in one line."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from urllib.parse import urljoin

import pytest

from helpers import ROOT, edit, fetch, free_port, visible_text, wait_for


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


def test_edits_to_content_the_interface_catalog_and_templates_show_on_the_next_reload(served):
    project, url = served
    page_url = url + "what-is-integration/"
    wait_for(page_url, "What is integration?")

    edit(project / "content/pages/what-is-integration.yml", "title: What is integration?",
          "title: What integration means to you")
    wait_for(page_url, "What integration means to you")

    edit(project / "content/interface.yml", "Page last reviewed:", "This page was last checked:")
    wait_for(page_url, "This page was last checked:")

    edit(project / "templates/components/review_footer.md.j2", "{{ ui.review.next_due }}", "Looked at again by:")
    wait_for(page_url, "Looked at again by:")


def test_a_bad_edit_is_shown_in_the_browser_and_the_terminal_and_the_preview_recovers_once_fixed(served):
    """While the content is broken, every page of the preview answers at once with the located
    problems (MkDocs would hold requests until a good save), and the terminal prints them too."""
    project, url = served
    page_url = url + "what-is-integration/"
    wait_for(page_url, "What is integration?")
    page_file = project / "content/pages/what-is-integration.yml"

    edit(page_file, "order: 10", "order: ten")
    shown = wait_for(page_url, "content/pages/what-is-integration.yml:4:1", seconds=30)
    assert "order: expected a whole number" in visible_text(shown)
    assert "order: expected a whole number" in wait_for(url, "what-is-integration.yml:4:1", seconds=5)  # GET /
    log = (project / "serve.log").read_text()
    assert "content/pages/what-is-integration.yml:4:1: order: expected a whole number" in log
    assert "Traceback" not in log

    edit(page_file, "order: ten", "order: 10")
    edit(page_file, "title: What is integration?", "title: Integration, fixed")
    wait_for(page_url, "Integration, fixed")
    home = fetch(url)
    assert "Ketamine integration: a guide for patients" in home and "what-is-integration.yml" not in home


def test_a_yaml_mistake_is_shown_at_its_line_and_what_was_typed_as_text_never_as_markup(served):
    project, url = served
    wait_for(url, "Ketamine integration: a guide for patients")
    page_file = project / "content/pages/index.yml"
    typed = '<img src=x onerror="alert(1)">'

    edit(page_file, "nav_title: Home", "nav_title: Home\n'" + typed + "': 1")  # a field of that name
    shown = wait_for(url, "content/pages/index.yml:5:1", seconds=30)
    assert typed in visible_text(shown) and "<img" not in shown  # shown as text, never as an element
    assert "Ketamine integration: a guide for patients" not in shown

    edit(page_file, "nav_title: Home\n'" + typed + "': 1", "nav_title: Home\ntitle: [unclosed")  # not YAML
    shown = wait_for(url, "content/pages/index.yml:6", seconds=30)
    assert "Ketamine integration: a guide for patients" not in shown

    edit(page_file, "\ntitle: [unclosed", "")
    wait_for(url, "Ketamine integration: a guide for patients")


def test_the_preview_serves_every_language_and_the_switcher_leads_there(served):
    """The English page's language switcher leads to the Spanish page of the preview, and an edit to
    a Spanish file shows there on the next reload."""
    project, url = served
    page_url = url + "what-is-integration/"
    english = wait_for(page_url, "What is integration?")
    link = re.search(r'<a href="([^"]*)" hreflang="es"[^>]*class="md-select__link"', english)
    assert link, "no link to the Spanish page in the switcher"
    spanish_url = urljoin(page_url, link.group(1))
    assert spanish_url == url + "es/what-is-integration/"
    spanish = wait_for(spanish_url, "¿Qué es la integración?")
    assert '<html lang="es"' in spanish and "livereload" in spanish  # the preview's reload script is in it too

    edit(project / "content/es/pages/what-is-integration.yml", "title: ¿Qué es la integración?",
         "title: ¿Qué significa integrar?")
    wait_for(spanish_url, "¿Qué significa integrar?")
    assert "What is integration?" in fetch(page_url)


@pytest.mark.parametrize("command", [["-m", "generator", "serve", "--port", "{port}"],
                                     ["-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:{port}"]],
                         ids=["make serve", "mkdocs serve"])
def test_a_busy_port_is_one_line_naming_make_port(command):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, *(part.format(port=port) for part in command)], cwd=ROOT,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_CLINIC": "none"},
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    ours = [line for line in result.stderr.splitlines() if "PORT=" in line]
    assert len(ours) == 1 and f"port {port} on 127.0.0.1 is in use" in ours[0], result.stderr
    if "generator" in command:  # before MkDocs starts: that line alone
        assert result.stderr.strip() == ours[0]
