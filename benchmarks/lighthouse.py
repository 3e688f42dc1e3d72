"""Lighthouse scores of a built site: the home page, a guide page, a worksheet and the plan, on a
phone (Lighthouse's default, throttled) and on a desktop, served on loopback two ways: as a plain
server does (no compression, no cache headers) and as a host set up as FORKING.md's "Hosting"
says (gzip, long caching for files named by their content). Prints a table, and every audit that
cost accessibility points. Not a test: Lighthouse needs npm and takes about 20 s a run.

Usage:
    .venv/bin/python benchmarks/lighthouse.py [built site folder] [--plain | --host]

Lighthouse 12 (`npm i -E lighthouse@12.2.3` in a scratch folder; 13 needs Node 22): set
LIGHTHOUSE to its command (e.g. /tmp/lh/node_modules/.bin/lighthouse), else `npx -y
lighthouse@12.2.3` is used. Chromium: CHROME_PATH (default /usr/bin/chromium).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "guide page": "what-is-integration/", "worksheet": "worksheets/safety-plan/", "plan": "plan/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
CONTENT_NAMED = re.compile(r"\.[0-9a-f]{8,}(\.min)?\.[a-z0-9]+$")


class PlainHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class HostHandler(PlainHandler):
    """gzip for text, and the cache headers FORKING.md recommends (as the _headers file says)."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not self.path.split("?")[0].endswith("/") and os.path.isdir(self.translate_path(self.path)):
            return super().send_head()  # the redirect to the folder's address
        if not os.path.isfile(path):
            return super().send_head()
        body = Path(path).read_bytes()
        request_path = self.path.split("#")[0]
        named = CONTENT_NAMED.search(request_path.split("?")[0]) or "?h=" in request_path
        if path.endswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            encoded = True
        else:
            encoded = False
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if named else "no-cache")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(site: Path, handler) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def lighthouse(url: str, desktop: bool) -> dict:
    command = shlex.split(os.environ.get("LIGHTHOUSE", "npx -y lighthouse@12.2.3"))
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "report.json"
        command += [url, "--output=json", f"--output-path={out}", "--quiet",
                    "--only-categories=" + ",".join(CATEGORIES),
                    "--chrome-flags=--headless --no-sandbox --disable-gpu"]
        if desktop:
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    site = Path(args[0]) if args else ROOT / "site"
    if not (site / "index.html").is_file():
        sys.exit(f"{site}: no built site (run `make build` first)")
    ways = [("plain server", PlainHandler), ("host (gzip, caching)", HostHandler)]
    if "--plain" in sys.argv:
        ways = ways[:1]
    if "--host" in sys.argv:
        ways = ways[1:]
    lost: dict[str, set[str]] = {}
    print(f"{'served by':22} {'page':11} {'device':8} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES))
    for way, handler in ways:
        base, server = serve(site, handler)
        try:
            for name, path in PAGES.items():
                for desktop in (False, True):
                    report = lighthouse(base + path, desktop)
                    scores = [round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES]
                    device = "desktop" if desktop else "mobile"
                    print(f"{way:22} {name:11} {device:8} " + " ".join(f"{s:>13}" for s in scores), flush=True)
                    for ref in report["categories"]["accessibility"]["auditRefs"]:
                        audit = report["audits"][ref["id"]]
                        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                            lost.setdefault(f"{ref['id']}: {audit['title']}", set()).add(f"{name} ({device})")
        finally:
            server.shutdown()
    for audit, where in sorted(lost.items()):
        print(f"accessibility: {audit}: {', '.join(sorted(where))}")
    if not lost:
        print("accessibility: no audit failed")


if __name__ == "__main__":
    main()
