"""A preview whose port is taken says so in one line, naming make's ``PORT=``, before any build:
MkDocs itself would build the whole site first and then stop with a traceback."""

from __future__ import annotations

import errno
import socket
import sys


def busy_port_message(host: str, port: int) -> str | None:
    """Why the preview cannot listen on ``host:port`` (in use, or not an address of this machine),
    or None if it can. The test binds as MkDocs' server does (SO_REUSEADDR), then lets go."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return (f"error: port {port} on {host} is in use (another preview or server?): stop it, or preview on "
                    f"another port: make serve PORT={port + 1}")
        return f"error: cannot listen on {host}:{port} ({exc.strerror or exc}): choose another port, e.g. make serve PORT={port + 1}"
    return None


def refuse_busy_port(host: str, port: int) -> None:
    """Stop the preview with that one line (and no traceback) if it cannot listen."""
    message = busy_port_message(host, port)
    if message is not None:
        print(message, file=sys.stderr)
        raise SystemExit(1)
