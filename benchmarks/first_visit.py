"""What a patient's first visit downloads, as the network carries it: measured in Chromium.

    .venv/bin/python benchmarks/first_visit.py              # builds the site (no PDFs) into a temporary folder
    .venv/bin/python benchmarks/first_visit.py site/        # a site built before

For each language it opens the language's home page in a new browser profile, served by a plain
server (generator/publish/loopback.py: no compression, no cache headers), waits until the
service worker has kept what it keeps and the network is quiet, and prints two figures:

  browser  the bytes Chromium received, from the Chrome DevTools Protocol: the encodedDataLength
           of each Network.loadingFinished (headers included) of the page, its workers and the
           service worker (each attached as it starts, before it can fetch anything);
  server   the bytes the server wrote (status lines, headers and bodies).

Chromium reports the main script of a worker (sw.js, the theme's search worker) with its headers
only, so the browser figure misses their bodies; the server's figure has everything, and is the
one the budget is measured against (tests/browser/test_offline.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.publish.loopback import serving  # noqa: E402

BUDGET = 1_300_000  # bytes a first visit may carry (issue 24)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@dataclass
class Visit:
    browser_bytes: int = 0  # from CDP: encodedDataLength of every finished load, headers included
    server_bytes: int = 0  # what the server wrote
    loads: list[tuple[str, str, int]] = field(default_factory=list)  # (target type, url, bytes) from CDP
    sent: list[tuple[str, int, int]] = field(default_factory=list)  # (path, status, bytes) of each answer of the server

    @property
    def requests(self) -> int:
        return len(self.sent)

    def downloaded(self) -> list[str]:
        """The paths the server sent whole (200), once per time it sent them."""
        return [path for path, status, _ in self.sent if status == 200]


class _Network:
    """CDP Network events of a page and of every target it starts (workers, the service worker),
    each attached as it starts and held until its Network domain is on."""

    def __init__(self, cdp) -> None:
        self.cdp = cdp
        self.sessions: dict[str, str] = {}  # session -> target type
        self.urls: dict[tuple[str, str], str] = {}
        self.finished: dict[tuple[str, str], int] = {}
        self.pending: set[tuple[str, str]] = set()
        self.last_event = time.monotonic()
        self._id = 0
        cdp.on("Network.requestWillBeSent", lambda event: self._event("page", "Network.requestWillBeSent", event))
        cdp.on("Network.loadingFinished", lambda event: self._event("page", "Network.loadingFinished", event))
        cdp.on("Network.loadingFailed", lambda event: self._event("page", "Network.loadingFailed", event))
        cdp.on("Target.attachedToTarget", self._attached)
        cdp.on("Target.receivedMessageFromTarget", self._message)
        cdp.send("Network.enable")
        cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})

    def _send(self, session: str, method: str, params: dict | None = None) -> None:
        self._id += 1
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": json.dumps(
            {"id": self._id, "method": method, "params": params or {}})})

    def _attached(self, event: dict) -> None:
        session = event["sessionId"]
        self.sessions[session] = event["targetInfo"]["type"]
        self._send(session, "Network.enable")
        self._send(session, "Runtime.runIfWaitingForDebugger")

    def _message(self, event: dict) -> None:
        message = json.loads(event["message"])
        if "method" in message:
            self._event(event["sessionId"], message["method"], message.get("params", {}))

    def _event(self, session: str, method: str, params: dict) -> None:
        key = (session, params.get("requestId", ""))
        self.last_event = time.monotonic()
        if method == "Network.requestWillBeSent":
            self.urls[key] = params["request"]["url"]
            self.pending.add(key)
        elif method == "Network.loadingFinished":
            self.finished[key] = int(params["encodedDataLength"])
            self.pending.discard(key)
        elif method == "Network.loadingFailed":
            self.pending.discard(key)

    def loads(self) -> list[tuple[str, str, int]]:
        return [(self.sessions.get(session, "page"), self.urls.get((session, request), "?"), size)
                for (session, request), size in self.finished.items()]


def first_visit(browser, site: Path, language: str = "") -> Visit:
    """The first visit of ``language``'s home page ("" or "es/") of the built ``site`` in a new
    browser profile, until its service worker has kept what it keeps and the network is quiet."""
    visit = Visit()
    with serving(site, visit.sent) as url:
        context = browser.new_context()
        try:
            tab = context.new_page()
            network = _Network(context.new_cdp_session(tab))
            tab.goto(url + language)
            tab.evaluate("async () => { await navigator.serviceWorker.ready; }")
            for _ in range(300):
                if tab.evaluate("async () => !!navigator.serviceWorker.controller && (await caches.keys()).length === 1"):
                    break
                tab.wait_for_timeout(100)
            else:
                raise AssertionError("the service worker never took the page")
            for _ in range(100):  # the network quiet for half a second
                if not network.pending and time.monotonic() - network.last_event > 0.5:
                    break
                tab.wait_for_timeout(100)
            visit.loads = network.loads()
        finally:
            context.close()
    visit.browser_bytes = sum(size for _, _, size in visit.loads)
    visit.server_bytes = sum(size for _, _, size in visit.sent)
    return visit


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="first-visit-") as tmp:
        if len(sys.argv) > 1:
            site = Path(sys.argv[1])
        else:
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "generator", "site", "--no-pdf", "--out", str(site)], cwd=ROOT,
                           check=True, capture_output=True)
        prefixes = [""] + sorted(f"{p.parent.name}/" for p in site.glob("*/sw.js"))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            print(f"{'language':>8} {'requests':>9} {'browser (CDP)':>14} {'server':>11}  budget {BUDGET:,}")
            for prefix in prefixes:
                visit = first_visit(browser, site, prefix)
                print(f"{prefix or '(first)':>8} {visit.requests:>9} {visit.browser_bytes:>14,} {visit.server_bytes:>11,}"
                      f"  {'within' if visit.server_bytes <= BUDGET else 'OVER'}")
            browser.close()
    print("(bytes a first visit of the language's home page carries on a plain server, until its service worker\n"
          " has kept what it keeps; browser: CDP encodedDataLength of the page, its workers and the service worker,\n"
          " which misses the bodies of the workers' main scripts; server: all it wrote)")


if __name__ == "__main__":
    main()
