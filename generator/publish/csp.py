"""A Content-Security-Policy for each built page: scripts from the site's own origin only.

The theme puts a few small inline scripts in every page, outside its content; rather than allow
inline script in general, we allow exactly those by their SHA-256 hashes, computed from the
finished HTML. Pure text in, text out, so any site engine's output can be passed through it.
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


CONTENT = re.compile(r"<article\b.*?</article>", re.S | re.I)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for the inline scripts of the page's frame (the theme's), never for
    one inside the content (<article>): content may hold no script (generator/guide/markup_check.py
    refuses it), and if one slipped through, the policy would still not let it run."""
    content = [m.span() for m in CONTENT.finditer(html)]
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if any(start <= match.start() < end for start, end in content):
            continue
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
    """Insert the policy as the first element of <head>, before any script can run, and a referrer
    policy: a link followed from the guide tells the other site nothing about the page it was on."""
    meta = (f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">\n    '
            '<meta name="referrer" content="no-referrer">')
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        return html
    return html[: head.end()] + "\n    " + meta + html[head.end():]


def headers_file(pages: list[str]) -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages and hosts like them) with the same policy for
    every page (the theme's scripts of all pages allowed), plus what only a header can say: that no
    other site may frame the guide."""
    policy = {name: list(sources) for name, sources in BASE_POLICY.items()}
    policy["script-src"] += list(dict.fromkeys(h for html in pages for h in inline_script_hashes(html)))
    policy["frame-ancestors"] = ["'none'"]
    csp = "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())
    return ("# Headers for hosts that read a _headers file (written by the generator; see FORKING.md, Hosting).\n"
            f"/*\n  Content-Security-Policy: {csp}\n  Referrer-Policy: no-referrer\n"
            "  X-Content-Type-Options: nosniff\n  Permissions-Policy: interest-cohort=()\n")
