"""Colour contrast (WCAG 2.2): a clinic's colours are checked where the theme uses them.

One colour cannot be readable as link text on both a white and a dark page (a colour with 4.5:1 on
white has a relative luminance of at most 0.18; 4.5:1 on the dark background needs at least 0.23),
so the dark scheme's link and hover colours are derived from the brand's (lightened until they
pass), or set in the file.
"""

from __future__ import annotations

from ..schema.brand_file import Colours

WHITE = "#ffffff"
DARK_BACKGROUND = "#1e2129"  # mkdocs-material's slate page: hsl(225deg 15% 14%)
AA_TEXT = 4.5


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(one: str, other: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def lighten_until_readable(colour: str, background: str = DARK_BACKGROUND, target: float = AA_TEXT + 0.5) -> str:
    """``colour`` mixed with white, in small steps, until it reads on ``background``."""
    r, g, b = _rgb(colour)
    for step in range(0, 101, 2):
        t = step / 100
        mixed = "#%02x%02x%02x" % tuple(round(c + (255 - c) * t) for c in (r, g, b))
        if contrast_ratio(mixed, background) >= target:
            return mixed
    return WHITE


def resolve_colours(colours: Colours) -> Colours:
    """The brand's colours with the dark-scheme ones filled in where the file leaves them out."""
    return colours.model_copy(update={
        "link_on_dark": colours.link_on_dark or lighten_until_readable(colours.primary),
        "accent_on_dark": colours.accent_on_dark or lighten_until_readable(colours.accent),
    })


def contrast_problems(colours: Colours) -> list[tuple[str, str]]:
    """(colour key, message) for every place the theme would show a pair below AA (4.5:1)."""
    checks = [
        ("primary", colours.primary, WHITE, "as the header background under white text, and as link text on the white page"),
        ("accent", colours.accent, WHITE, "as the hover colour of links on the white page"),
        ("link_on_dark", colours.link_on_dark, DARK_BACKGROUND, f"as link text on the dark scheme's page ({DARK_BACKGROUND})"),
        ("accent_on_dark", colours.accent_on_dark, DARK_BACKGROUND, f"as the hover colour on the dark scheme's page ({DARK_BACKGROUND})"),
    ]
    problems = []
    for key, colour, background, where in checks:
        ratio = contrast_ratio(colour, background)
        if ratio < AA_TEXT:
            hint = "choose a darker colour" if background == WHITE else "choose a lighter colour"
            problems.append((key, f"{colour} on {background} has a contrast of {ratio:.2f}:1 {where}; "
                                  f"WCAG AA needs at least 4.5:1 ({hint})"))
    return problems
