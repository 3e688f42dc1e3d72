"""The GitHub Pages workflow a fork publishes with: valid YAML, building with `make build` and uploading site/."""

from __future__ import annotations

import yaml

from helpers import ROOT


def test_the_pages_workflow_builds_and_publishes_the_site():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "main" in triggers["push"]["branches"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}

    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "") for step in build]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    make = next(step for step in build if "run" in step)
    assert make["run"].strip() == "make build"
    # An unset repository variable is empty, which falls back to the CLINIC file (see generator/clinic.py).
    # GUIDE_ENGINE picks the site engine (make's ENGINE); unset, MkDocs.
    assert make["env"] == {"GUIDE_CLINIC": "${{ vars.GUIDE_CLINIC }}", "ENGINE": "${{ vars.GUIDE_ENGINE || 'mkdocs' }}"}
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert build.index(make) < build.index(upload)

    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
