"""Every page carries a Content-Security-Policy that runs only the site's own scripts."""

from __future__ import annotations

import re

from helpers import site_pages
from generator.publish.csp import add_csp, inline_script_hashes

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_hashed():
    html = ('<html><head><script>run()</script><script type="application/json">{"a": 1}</script>'
            '<script src="x.js"></script></head></html>')
    assert len(inline_script_hashes(html)) == 1
    policy = CSP_META.search(add_csp(html)).group(1)
    assert "script-src 'self' 'sha256-" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_every_built_page_has_a_policy_before_its_first_script(built_site):
    for html_file in site_pages(built_site):
        html = html_file.read_text(encoding="utf-8")
        match = CSP_META.search(html)
        assert match, f"{html_file} has no Content-Security-Policy"
        assert match.start() < html.index("<script"), f"{html_file}: the policy comes after a script"
        assert "default-src 'self'" in match.group(1)


def test_theme_scripts_run_under_the_policy(page, site_url):
    """Search (a web worker) and the colour switch still work, and Chromium reports no violation."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(site_url)
    page.click("label[for=__palette_1]")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.click(".md-search__input")
    page.keyboard.type("journal")
    page.wait_for_selector(".md-search-result__item")
    assert not [m for m in messages if "Content Security Policy" in m], messages
