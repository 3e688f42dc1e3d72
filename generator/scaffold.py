"""``python -m generator new-clinic FOLDER --name NAME``: a new clinic folder, ready to build.

It holds a brand.yml with every key explained, example overlay files (all commented out, so they
change nothing until edited) and a placeholder logo and favicon made from the name's initials.
Values are written as JSON strings, which are valid double-quoted YAML, so a name with quotes, a
colon or a # is kept exactly.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .brand import OUR_COLOURS
from .write import FolderExists, create_tree

ScaffoldError = FolderExists


def _q(text: str) -> str:
    """A YAML scalar that reads back as exactly ``text``."""
    return json.dumps(text, ensure_ascii=False)


def initials(name: str) -> str:
    letters = [word[0] for word in name.split() if word[:1].isalpha()]
    return "".join(letters[:2]).upper() or "+"


def placeholder_logo(name: str, colour: str = OUR_COLOURS.primary) -> str:
    """A square SVG with the name's initials: a light tile that reads on the coloured header."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" '
        f'aria-label={quoteattr(name)}>\n'
        '  <rect width="64" height="64" rx="12" fill="#ffffff"/>\n'
        f'  <text x="32" y="42" font-family="sans-serif" font-size="26" font-weight="700" '
        f'text-anchor="middle" fill="{colour}">{escape(initials(name))}</text>\n'
        "</svg>\n"
    )


def _schema_line(folder: Path, relative_depth: str, kind: str) -> str:
    """The editor hint pointing at our schema, if the folder sits inside this project."""
    schemas = Path.cwd() / "schemas"
    if not schemas.is_dir():
        return ""
    target = os.path.relpath(schemas / f"{kind}.schema.json", (folder / relative_depth).resolve())
    return f"# yaml-language-server: $schema={Path(target).as_posix()}\n"


def brand_yml(folder: Path, name: str) -> str:
    footer = f"{name}: our edition of the open-source Ketamine Integration Guide."
    return _schema_line(folder, ".", "brand") + f"""\
# The brand of {name}'s edition of the guide: the ONE file you edit to make the guide yours.
# Your own pages, and changes to ours, go in content/ beside this file (see README.md there).
# Lines starting with # are notes; remove the # in front of a key to use it.
# Put text in "double quotes" if it holds a colon (:), a # or a quote ("like \\"this\\"").
# Check your changes:   python -m generator --clinic {folder.as_posix()} check
# See the site:         GUIDE_CLINIC={folder.as_posix()} make serve

# Your clinic's name as patients know it: the site's name, shown in the header and the browser tab.
name: {_q(name)}

# A shorter name for tight spaces, such as a calendar entry. Default: the name above.
short_name: {_q(name)}

# Your logo (shown on the coloured header, about 24 px high: a light logo reads best) and the small
# icon browsers show in the tab. Files inside this folder: .svg, .png, .ico, .jpg or .webp.
logo: assets/logo.svg
favicon: assets/favicon.svg

# Your colours, as # and six hex digits.
#   primary: the header's background (under white text) and the colour of links.
#   accent:  the colour of a link under the mouse pointer or keyboard focus.
# Both must be dark enough to read on white (WCAG AA, 4.5:1): the build tells you if one is not.
# Dark mode uses lighter versions worked out for you; to choose them, set link_on_dark and accent_on_dark.
colours:
  primary: {_q(OUR_COLOURS.primary)}
  accent: {_q(OUR_COLOURS.accent)}

# How patients reach you: shown at the foot of every page and in the plan builder.
# Leave out any line you do not want to show. The phone number may start with + and a country code.
# contact:
#   phone: "+1 555 010 0000"
#   email: "hello@your-clinic.example"
#   address: |
#     1 Main Street
#     Springfield
#   hours: "Monday to Friday, 9 am to 5 pm"
#   website: "https://your-clinic.example"

# Crisis lines for YOUR country. Default: ours, for the US (988 Suicide & Crisis Lifeline; 911).
# Outside the US you must set this: the crisis bar on every page and the "Get help now" page use it.
# The build then lists every text of ours that still names 988 or 911, so you can replace it in
# content/. See clinics/example/brand.yml for a full example (the UK).
# crisis:
#   heading: "Get help now"
#   intro: |
#     If you are thinking about hurting yourself, or you feel you cannot stay safe, please reach out now.
#   emergency: "If you are in immediate danger, call 999 or go to the nearest emergency department."
#   lines:
#     - id: samaritans
#       name: "Samaritans"
#       how: "Call 116 123"
#       href: "tel:116123"
#       hours: "24/7, free"

# Integration therapy: whether you offer it yourselves, and whom you refer patients to.
# Shown on the "Finding a therapist" page.
# integration_therapy:
#   offered: true
#   description: |
#     Our therapists offer integration sessions one to three days after each treatment. Ask at reception.
#   referrals:
#     - name: "A therapist you trust"
#       description: "Somatic and IFS-informed integration therapy"
#       phone: "+1 555 010 0001"
#       website: "https://therapist.example"

# The line at the foot of every page.
footer: {_q(footer)}

# The site's language, as a code such as "en", "fr" or "pt-BR" (our text is in English; translate
# our pages in content/ if you change it).
language: "en"
"""


OVERLAY_README = """\
# {name}: changes to our content

Files here change our content (the `content/` folder at the top of the project) by id, without
editing it, so that pulling our updates never conflicts with your changes.

- `practices.yml`, `notices.yml`, `references.yml`, `phases.yml` (and a phase's checklist
  items), `therapist.yml` (criteria and questions): each mirrors our file of the same name, with
  `add:` (new items), `replace:` (one of ours, by id, written out in full) and `remove:` (ids).
- `pages/<id>.yml`: a page of your own, or, with the id of one of ours, your version of it.
- `pages.yml`: `remove: [ids]` leaves out some of our pages.

The example files here are commented out; remove the `#` in front of the lines you want.
FORKING.md at the top of the project explains it all, and `clinics/example/` shows each kind.
"""


def practices_example(folder: Path) -> str:
    return _schema_line(folder, "content", "overlay-practices") + """\
# Changes to our practices (content/practices.yml), by id. Remove the # in front of lines to use them.
# practices:
#   add:
#     - id: our-integration-group
#       name: Our integration group
#       summary: A small group that meets every Thursday evening at the clinic to share and listen.
#       how_often: Weekly
#       minutes: {low: 60, high: 90}
#       body: |
#         Hearing how others work with their sessions can help with your own. Ask at reception to join.
#   remove: [creative-expression]
"""


def pages_example(folder: Path) -> str:
    return _schema_line(folder, "content", "overlay-pages") + """\
# Our pages (content/pages/) to leave out, by id. Remove the # to use it.
# remove: [does-it-help]
"""


def clinic_files(folder: Path, name: str) -> dict[str, str]:
    logo = placeholder_logo(name)
    return {
        "brand.yml": brand_yml(folder, name),
        "content/README.md": OVERLAY_README.format(name=name),
        "content/practices.yml": practices_example(folder),
        "content/pages.yml": pages_example(folder),
        "assets/logo.svg": logo,
        "assets/favicon.svg": logo,
    }


def create_clinic(folder: Path, name: str) -> None:
    """Create ``folder`` with a brand file and examples; refuse if it already exists."""
    create_tree(clinic_files(folder, name), folder)
