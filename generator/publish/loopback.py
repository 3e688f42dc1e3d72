"""Serve a built site on a free port of 127.0.0.1, quietly: for printing PDFs and for tests.

Quiet means no request log, and no traceback when a browser drops a connection it no longer
needs (it often does, e.g. when a page is printed before every icon has loaded). The PDF step
serves the site through a filter of its HTML pages (``html_filter``: the page's text and its
address path in, the text served out), so that what it prints is made ready for paper without
copying the site (generator/publish/pdf/print_edition.py). A plain server
otherwise: no compression, no cache headers but the Last-Modified a browser revalidates with.
"""

from __future__ import annotations

import functools
import http.server
import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

HtmlFilter = Callable[[str, str], str]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    html_filter: HtmlFilter | None = None

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        """An HTML page through ``html_filter`` (when there is one); anything else as it is."""
        address = urlsplit(self.path).path
        if self.html_filter is None or not address.endswith(("/", ".html")):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        page = path / "index.html" if path.is_dir() else path
        if not page.is_file():
            return super().send_head()
        if address.endswith("/index.html"):
            address = address[: -len("index.html")]  # the page's address as its links are written from
        body = self.html_filter(page.read_text(encoding="utf-8"), address).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


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


def serve_folder(folder: Path, html_filter: HtmlFilter | None = None,
                 sent: list[tuple[str, int, int]] | None = None) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Start serving ``folder``; returns its base URL and the server (call ``shutdown()`` to stop).
    With ``sent``, each answer's path, status and the bytes written for it are appended there."""
    handler = type("_Handler", (_CountingHandler if sent is not None else _QuietHandler,),
                   {"html_filter": staticmethod(html_filter) if html_filter else None, "sent": sent})
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@contextmanager
def serving(folder: Path, html_filter: HtmlFilter | None = None,
            sent: list[tuple[str, int, int]] | None = None) -> Iterator[str]:
    """Serve ``folder`` for as long as the block runs; yields its base URL."""
    url, server = serve_folder(folder, html_filter, sent)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
