"""The sign-off pack (`python -m generator review-pack`): pack.py gathers it, changes.py says
what changed since the version last signed off, print.py prints it with Chromium."""

from .pack import ReviewPack, build_pack, render_html
from .print import print_pack

__all__ = ["ReviewPack", "build_pack", "print_pack", "render_html"]
