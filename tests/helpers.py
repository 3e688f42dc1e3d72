"""What the tests share, in one place: the project's paths, the command line (in this process, or
as a user runs it), a built page read as a reader sees it, Markdown as the site renders it, a local
server and Debian's Chromium, and a live `mkdocs serve` to watch."""

from __future__ import annotations

import contextlib
import hashlib
import html as html_lib
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown as markdown_lib

from generator.publish.loopback import serve_folder

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
# Everything of the project a build reads; tests that change files work on a copy of these.
PROJECT_PARTS = ("content", "templates", "generator", "schemas", "mkdocs.yml")
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "toc"]
OUR_GUIDE = {"NO_MKDOCS_2_WARNING": "1", "GUIDE_CLINIC": "none"}


# --- the command line -----------------------------------------------------------------------------


def run_cli(*args: str, cwd: Path = ROOT, timeout: int = 300, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m generator ARGS`` the way a user does, in a new process, capturing its output.

    Our own guide unless a test says otherwise (``env={"GUIDE_CLINIC": ...}`` or ``--clinic``), so a
    fork's CLINIC file or a GUIDE_CLINIC in the shell does not change what the tests check."""
    env = {**os.environ, **OUR_GUIDE, **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Result:
    """The same command line called in this process (much quicker), with its output captured.
    For the commands that need no site engine and no browser: check, render, schema, readability,
    new-clinic. A command that prints with Chromium (site, pdf, offline, review-pack) goes through
    run_cli: Playwright's sync API refuses to start in a process whose tests already run it (the
    browser tests' session Chromium, in the same pytest worker)."""
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    changes = {**OUR_GUIDE, **(env or {})}
    saved = {key: os.environ.get(key) for key in changes}
    os.environ.update(changes)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(cwd or ROOT):
            code = main(list(args))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return Result(code, out.getvalue(), err.getvalue())


def copy_project(dest: Path) -> Path:
    """A copy of the project's inputs in ``dest``, safe to break."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# --- pages as a reader sees them --------------------------------------------------------------------


class PageText(HTMLParser):
    """A page's visible text, its <title>, every element's name and attributes: the one HTML parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.title = ""
        self.tags: set[str] = set()
        self.attributes: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.elements.append((tag, dict(attrs)))
        self.attributes += [value for _, value in attrs if value]
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data):
        if "title" in self._in:
            self.title += data
        elif not {"script", "style"} & set(self._in):
            self.text.append(data)

    @property
    def joined(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text))


def parse_html(html: str) -> PageText:
    parser = PageText()
    parser.feed(html)
    return parser


def read_page(path: Path) -> PageText:
    return parse_html(path.read_text(encoding="utf-8"))


def visible_text(html: str) -> str:
    """The text a reader sees, spaces normalised, no space before punctuation."""
    text = re.sub(r"\s+", " ", html_lib.unescape(" ".join(parse_html(html).text)))
    return re.sub(r" ([.,:;!?)])", r"\1", text).strip()


def markdown_html(text: str) -> str:
    """Markdown as the site's Markdown extensions turn it into HTML."""
    return markdown_lib.markdown(str(text), extensions=MARKDOWN_EXTENSIONS)


def render_macro(template: str, macro: str, *args, **kwargs) -> str:
    """Call one component macro (templates/components/) and turn its Markdown into HTML, its page
    links resolved as on a page at the site's root."""
    from generator.render.environment import make_environment, resolve_page_links

    env = make_environment(ROOT / "templates", english_ui())
    return markdown_html(resolve_page_links(str(getattr(env.get_template(f"components/{template}").module, macro)(*args, **kwargs))))


def english_ui() -> dict:
    """The English interface catalog (content/interface.yml), as templates see it."""
    from generator.guide.interface import load_interface

    interface, problems = load_interface(ROOT / "content", "en")
    assert interface is not None, problems
    return interface.table


def script_json(html: str, element_id: str) -> str:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert match, f"no JSON block #{element_id}"
    return match.group(1)


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site except the 404 page."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


# --- a live `mkdocs serve` ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    """What a live server (another process, rebuilding after an edit) serves at ``url`` once it shows
    ``text``. A bounded poll: what it serves is all a reader sees of it, and no event says when it changed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if text in body:
            return body
        time.sleep(0.2)
    raise AssertionError(f"{url} did not show {text!r} within {seconds} s")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page_text(pdf_page) -> str:
    """One PDF page's text, lines kept, as a reader reads it: ligatures (ﬁ, ﬀ) as their letters.
    Which fonts the machine has decides whether Chromium sets ligatures."""
    import unicodedata

    return unicodedata.normalize("NFKC", pdf_page.extract_text() or "")


def pdf_text(source) -> str:
    """The text of every page of a PDF (a reader or a path), ligatures as letters, spaces normalised."""
    from pypdf import PdfReader

    reader = source if hasattr(source, "pages") else PdfReader(source)
    return " ".join(" ".join(page_text(page) for page in reader.pages).split())


PDFTOPPM = "/usr/bin/pdftoppm"


def pdf_picture(pdf: bytes, dpi: int = 40) -> tuple[int, int, bytes]:
    """The first page of a PDF as a grey picture (width, height, one byte a pixel), drawn by
    poppler's pdftoppm: another renderer than Chromium's, as a patient's PDF reader is; form
    fields are drawn as their appearance says."""
    if not Path(PDFTOPPM).exists():
        raise AssertionError(f"{PDFTOPPM} is missing: run `make browser` (Debian's poppler-utils)")
    result = subprocess.run([PDFTOPPM, "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-"], input=pdf,
                            capture_output=True, check=True)
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", result.stdout)
    width, height = int(match.group(1)), int(match.group(2))
    return width, height, result.stdout[match.end():match.end() + width * height]


def pictures_differ(a: tuple[int, int, bytes], b: tuple[int, int, bytes], tolerance: int = 64) -> float:
    """The share of pixels that differ by more than ``tolerance`` (of 255); 1.0 if the sizes differ."""
    if a[:2] != b[:2]:
        return 1.0
    return sum(abs(x - y) > tolerance for x, y in zip(a[2], b[2])) / len(a[2])


def with_spanish_fixture(project: Path) -> Path:
    """``project`` with the tiny Spanish edition of tests/fixtures/es (site.yml and one page) in
    place of content/es/; its Spanish content folder."""
    fixture = ROOT / "tests" / "fixtures" / "es"
    spanish = project / "content" / "es"
    shutil.copy(fixture / "site.yml", spanish / "site.yml")
    shutil.copytree(fixture / "pages", spanish / "pages", dirs_exist_ok=True)
    for stray in (spanish / "pages").glob("*.yml"):
        if not (fixture / "pages" / stray.name).exists():
            stray.unlink()  # the fixture alone, whatever content/es/ holds by now
    return spanish
