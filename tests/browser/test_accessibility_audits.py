"""The axe rules Lighthouse's accessibility score is made of, on the pages it was measured on, on
a phone and a desktop. tests/browser/test_quality_site.py runs axe's WCAG rules on every page;
Lighthouse adds axe's best-practice rules (a dialog needs a name; a <label> may not be made a
button), which is how the site scored 96 while that test passed. benchmarks/lighthouse.py runs
Lighthouse itself."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = ["", "what-is-integration/", "worksheets/safety-plan/", "plan/"]
VIEWPORTS = {"mobile": {"width": 412, "height": 823}, "desktop": {"width": 1350, "height": 940}}
# Lighthouse 12's accessibility audits (each is the axe rule of the same name).
LIGHTHOUSE_RULES = """accesskeys aria-allowed-attr aria-allowed-role aria-command-name aria-conditional-attr
aria-deprecated-role aria-dialog-name aria-hidden-body aria-hidden-focus aria-input-field-name aria-meter-name
aria-progressbar-name aria-prohibited-attr aria-required-attr aria-required-children aria-required-parent
aria-roles aria-text aria-toggle-field-name aria-tooltip-name aria-treeitem-name aria-valid-attr-value
aria-valid-attr button-name bypass color-contrast definition-list dlitem document-title duplicate-id-aria
empty-heading form-field-multiple-labels frame-title heading-order html-has-lang html-lang-valid
html-xml-lang-mismatch identical-links-same-purpose image-alt image-redundant-alt input-button-name
input-image-alt label-content-name-mismatch label landmark-one-main link-in-text-block link-name list
listitem meta-refresh meta-viewport object-alt select-name skip-link tabindex table-duplicate-name
table-fake-caption target-size td-has-header td-headers-attr th-has-data-cells valid-lang video-caption""".split()


@pytest.mark.parametrize("device", VIEWPORTS)
def test_no_lighthouse_accessibility_audit_fails(browser, site_url, device):
    context = browser.new_context(viewport=VIEWPORTS[device], is_mobile=device == "mobile", has_touch=device == "mobile")
    tab = context.new_page()
    axe = Axe()
    problems = []
    try:
        for path in PAGES:
            tab.goto(site_url + path)
            result = axe.run(tab, options={"resultTypes": ["violations"],
                                           "runOnly": {"type": "rule", "values": LIGHTHOUSE_RULES}})
            for violation in result.response["violations"]:
                targets = "; ".join(", ".join(map(str, node["target"])) for node in violation["nodes"][:5])
                problems.append(f"/{path} [{device}]: {violation['id']}: {violation['help']}: {targets}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
