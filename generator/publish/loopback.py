"""Serve a built site on a free port of 127.0.0.1, quietly: for printing PDFs and for tests.

Quiet means no request log, and no traceback when a browser drops a connection it no longer
needs (it often does, e.g. when a page is printed before every icon has loaded). A plain server:
no compression, no cache headers but the Last-Modified a browser revalidates with.
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


class _CountingHandler(_QuietHandler):
    """Records each answer in the list ``sent``: its path, its status and the bytes written for it
    (status line, headers and body): what the network carries from the server."""

    sent: list[tuple[str, int, int]]

    def setup(self) -> None:
        super().setup()
        handler, stream = self, self.wfile
        self.written, self.status = 0, 0

        class Counted:
            def write(self, data: bytes) -> int:
                handler.written += len(data)
                return stream.write(data)

            def __getattr__(self, name: str):
                return getattr(stream, name)

        self.wfile = Counted()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

    def finish(self) -> None:
        super().finish()
        if self.written:
            self.sent.append((getattr(self, "path", "?"), self.status, self.written))


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that went away mid-answer; nothing to report


def serve_folder(folder: Path, sent: list[tuple[str, int, int]] | None = None) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Start serving ``folder``; returns its base URL and the server (call ``shutdown()`` to stop).
    With ``sent``, each answer's path, status and the bytes written for it are appended there."""
    handler = _QuietHandler
    if sent is not None:
        handler = type("Counting", (_CountingHandler,), {"sent": sent})
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@contextmanager
def serving(folder: Path, sent: list[tuple[str, int, int]] | None = None) -> Iterator[str]:
    """Serve ``folder`` for as long as the block runs; yields its base URL."""
    url, server = serve_folder(folder, sent)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
