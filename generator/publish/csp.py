"""A Content-Security-Policy for each built page: scripts from the site's own origin only.

The theme puts a few small inline scripts in every page, outside its content; rather than allow
inline script in general, we allow exactly those by their SHA-256 hashes, computed from the
finished HTML's inline scripts as the site index read them (site_index.py), so any site engine's
output can be passed through it.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

from .site_index import Edit, PageFacts, apply_edits, page_facts

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


def script_hashes(facts: PageFacts) -> list[str]:
    """CSP source expressions for the inline scripts of the page's frame (the theme's), never for
    one inside the content (<article>): content may hold no script (generator/guide/markup_check.py
    refuses it), and if one slipped through, the policy would still not let it run. Data blocks
    (application/json) are not run, so need no hash."""
    hashes = []
    for script in facts.scripts:
        if script.in_content or not script.executable:
            continue
        digest = hashlib.sha256(script.body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def inline_script_hashes(html: str) -> list[str]:
    return script_hashes(page_facts(html))


def _policy(hashes: Iterable[str], extra: dict[str, list[str]] | None = None) -> str:
    policy = {name: list(sources) for name, sources in BASE_POLICY.items()}
    policy["script-src"] += list(dict.fromkeys(hashes))
    policy.update(extra or {})
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def csp_edit(facts: PageFacts) -> Edit | None:
    """The policy as the first element of <head>, before any script can run, and a referrer
    policy: a link followed from the guide tells the other site nothing about the page it was on."""
    if facts.head_end is None:
        return None
    meta = (f'\n    <meta http-equiv="Content-Security-Policy" content="{_policy(script_hashes(facts))}">\n    '
            '<meta name="referrer" content="no-referrer">')
    return Edit(facts.head_end, facts.head_end, meta)


def add_csp(html: str) -> str:
    facts = page_facts(html)
    edit = csp_edit(facts)
    return apply_edits(html, facts, [edit] if edit else [])[0]


def headers_file(pages: Iterable[PageFacts]) -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages and hosts like them) with the same policy for
    every page (the theme's scripts of all pages allowed), plus what only a header can say: that no
    other site may frame the guide."""
    csp = _policy((h for facts in pages for h in script_hashes(facts)), {"frame-ancestors": ["'none'"]})
    return ("# Headers for hosts that read a _headers file (written by the generator; see FORKING.md, Hosting).\n"
            f"/*\n  Content-Security-Policy: {csp}\n  Referrer-Policy: no-referrer\n"
            "  X-Content-Type-Options: nosniff\n  Permissions-Policy: interest-cohort=()\n")
