"""A Content-Security-Policy for each built page: scripts from the site's own origin only.

The theme puts a few small inline scripts in every page; rather than allow inline script in
general, we allow exactly those by their SHA-256 hashes, computed from the finished HTML. Pure
text in, text out, so any site engine's output can be passed through it.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
EXECUTABLE_TYPES = ("", "text/javascript", "module", "application/javascript")

BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],  # the theme sets style attributes from its script
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-src": ["'none'"],
}


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for every inline script the browser would run."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = re.search(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I)
        if kind and kind.group(1).lower() not in EXECUTABLE_TYPES:
            continue  # data blocks such as application/json are not run, so need no hash
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def policy_for(html: str) -> str:
    policy = {name: list(sources) for name, sources in BASE_POLICY.items()}
    policy["script-src"] += inline_script_hashes(html)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def add_csp(html: str) -> str:
    """Insert the policy as the first element of <head>, before any script can run."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        return html
    return html[: head.end()] + "\n    " + meta + html[head.end():]
