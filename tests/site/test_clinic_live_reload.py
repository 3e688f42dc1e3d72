"""`make serve` for a clinic shows an edit to its brand.yml on the next reload."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from helpers import ROOT
from helpers import edit, free_port, wait_for


def test_an_edit_to_the_clinics_brand_shows_on_the_next_reload(project_copy):
    shutil.copytree(ROOT / "clinics/example", project_copy / "clinics/example")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_CLINIC": "clinics/example"}
    with open(project_copy / "serve.log", "w") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project_copy, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            url = f"http://127.0.0.1:{port}/crisis/"
            wait_for(url, "Example Clinic (fictional)")
            edit(project_copy / "clinics/example/brand.yml", 'hours: "Monday to Friday, 9 am to 5 pm"',
                  'hours: "Every day, 8 am to 8 pm"')
            wait_for(url, "Every day, 8 am to 8 pm")
        finally:
            server.terminate()
            server.wait(timeout=20)
