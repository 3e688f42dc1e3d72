"""Serve a built site on a free port of 127.0.0.1, quietly: for printing PDFs and for tests.

Quiet means no request log, and no traceback when a browser drops a connection it no longer
needs (it often does, e.g. when a page is printed before every icon has loaded).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that went away mid-answer; nothing to report


def serve_folder(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Start serving ``folder``; returns its base URL and the server (call ``shutdown()`` to stop)."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve ``folder`` for as long as the block runs; yields its base URL."""
    url, server = serve_folder(folder)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
