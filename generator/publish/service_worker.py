"""The service worker that keeps the built site working offline: built site folder in, sw.js out.

Computed after the build from the finished files. It never pins old pages: pages (and every file
whose name does not change with its content) are answered from the network whenever there is one,
and from the cache only when there is none; files whose names carry a content hash (the theme's
``bundle.1a2b3c4d.min.js``) come from the cache, since a new build gives them new names.

Each language has its own worker at its own root (sw.js, es/sw.js: each language's pages load
javascripts/offline.js from their own root, which registers the worker beside it), whose scope is
that language's pages: a patient's first visit downloads the pages of the language they read,
not every language's (each language is a whole site of its own, theme files included). The root
worker's scope holds the other languages' folders too, so a page of a language whose worker is
not installed yet is still kept once opened, and shows the offline page in its language.

The precache of a language is what its pages use, each file once: every page a visitor can reach by following
links from the home page (under the address they use, ``plan/``, never also ``plan/index.html``),
every file those pages load (and the icons their web app manifest names), the search worker and
index, and the search language packs of the site's own languages only. Each file is listed with
the SHA-256 of its bytes: the worker checks every download against it (a deploy still copying
files cannot leave old files in a new cache; the install fails and is tried again on the next
visit) and keeps the files a new build did not change instead of downloading them again. The PDFs are not precached (the worksheet PDFs alone
would double the download); each is kept once a patient has opened it.
"""

from __future__ import annotations

import base64
import html
import hashlib
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2

from .fingerprint import CONTENT_HASHED, STAMP, STAMP_LENGTH, STAMPED

SERVICE_WORKER = "sw.js"
HOME = "index.html"
# Where a theme's search worker looks for its index (MkDocs' search plugin; Zensical).
SEARCH_INDEXES = ("search/search_index.json", "search.json")


_TAG = re.compile(r"<(html|a|link|script|img|source)\b([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_CONFIG = re.compile(r"<script\b[^>]*\bid=[\"']?__config[\"']?[^>]*>(.*?)</script>", re.S | re.I)


@dataclass
class _Links:
    """The links (<a href>) and the files loaded (stylesheets, icons, scripts, images) of one page,
    the page's language, and the theme's configuration block (which names its search worker).
    Read from the start tags alone, with a pattern for a tag and one for its attributes: the pages
    are the engine's own output, and a full HTML parse of every page cost seconds at 150 pages."""

    links: list[str] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)
    lang: str = ""
    config: str = ""

    @classmethod
    def of(cls, text: str) -> "_Links":
        found = cls()
        for tag_match in _TAG.finditer(text):
            tag = tag_match.group(1).lower()
            attrs = {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
                     for m in _ATTRIBUTE.finditer(tag_match.group(2))}
            if tag == "html":
                found.lang = found.lang or attrs.get("lang") or ""
            elif tag == "a" and attrs.get("href"):
                found.links.append(attrs["href"])
            elif tag == "link" and attrs.get("href") and {"stylesheet", "icon", "manifest"} & set((attrs.get("rel") or "").split()):
                found.loads.append(attrs["href"])
            elif tag in ("script", "img", "source") and attrs.get("src"):
                found.loads.append(attrs["src"])
        config = _CONFIG.search(text)
        found.config = config.group(1) if config else ""
        return found


def _local_file(files: set[str], page: str, href: str) -> str | None:
    """The file of the site (``files``: every file's path) that ``href`` on ``page`` points at (a
    folder's index.html), or None for another site, an anchor on the same page, or a file the site
    does not have."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or href.startswith("//"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if path.startswith("../") or path == "..":
        return None
    path = "" if path == "." else path
    for candidate in (path, posixpath.join(path, HOME)):
        if candidate and candidate in files:
            return candidate
    return None


def _is_page(path: str) -> bool:
    return path.endswith(".html")


def page_address(path: str) -> str:
    """The address a visitor uses for a page file: ``plan/`` for plan/index.html, ``./`` for the
    home page; any other file's address is its path."""
    if path == HOME:
        return "./"
    if path.endswith("/" + HOME):
        return path[: -len(HOME)]
    return path


def search_language_packs(site_dir: Path, worker: str, languages: Iterable[str]) -> list[str]:
    """The lunr files the theme's search worker loads for these languages (mkdocs-material's
    rule: a pack per language other than English, the stemmer support with any of them, the
    multi-language pack for more than one, and the word splitters of Japanese, Hindi and Thai)."""
    base = posixpath.join(posixpath.dirname(posixpath.dirname(worker)), "lunr")
    languages = sorted(set(languages))
    wanted = []
    for language in languages:
        if language == "ja":
            wanted.append(f"{base}/tinyseg.js")
        elif language in ("hi", "th"):
            wanted.append(f"{base}/wordcut.js")
        if language != "en":
            wanted.append(f"{base}/min/lunr.{language}.min.js")
    if len(languages) > 1:
        wanted.append(f"{base}/min/lunr.multi.min.js")
    if wanted:
        wanted.insert(0, f"{base}/min/lunr.stemmer.support.min.js")
    return [path for path in wanted if (site_dir / path).is_file()]


def language_folders(site_dir: Path) -> list[str]:
    """The folders, "es/", that hold another language's pages: a folder of the site's top whose
    home page is in the language the folder is named for (the first language is at the top)."""
    found = []
    for home in sorted(site_dir.glob(f"*/{HOME}")):
        lang = _Links.of(home.read_text(encoding="utf-8")).lang.lower()
        folder = home.parent.name.lower()
        if lang and (lang == folder or lang.split("-")[0] == folder.split("-")[0]):
            found.append(f"{home.parent.name}/")
    return found


def _crawl(site_dir: Path) -> dict[str, str]:
    """The files the guide uses in the language at ``site_dir``'s top (see the module's
    docstring), each with the query its pages load it by (``h=…``, generator/publish/fingerprint.py)
    or ''."""
    if not (site_dir / HOME).is_file():
        return {}
    used: dict[str, str] = {}
    languages: set[str] = set()
    worker = None
    others = tuple(language_folders(site_dir))  # each has its own worker
    files = {path for p in site_dir.rglob("*") if p.is_file()
             if not (path := p.relative_to(site_dir).as_posix()).startswith(others)}
    queue, seen = [HOME], {HOME}
    while queue:
        page = queue.pop(0)
        used[page] = ""
        parsed = _Links.of((site_dir / page).read_text(encoding="utf-8"))
        if parsed.lang:
            languages.add(parsed.lang.split("-")[0].lower())
        for href in parsed.links:
            target = _local_file(files, page, href)
            if target and _is_page(target) and target not in seen:
                seen.add(target)
                queue.append(target)
        for href in parsed.loads:
            target = _local_file(files, page, href)
            if target:
                query = urlsplit(href).query
                used[target] = query if STAMPED.match(query) else used.get(target, "")
        if parsed.config and worker is None:
            try:
                worker = json.loads(parsed.config).get("search")
            except ValueError:
                worker = None
    extra = [path for path in SEARCH_INDEXES if path in files]
    if worker and worker in files:
        extra.append(worker)
        index = site_dir / SEARCH_INDEXES[0]
        if index.is_file():
            try:  # the languages the search worker will load packs for
                languages.update(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])
            except (ValueError, KeyError, TypeError):
                pass
        extra += search_language_packs(site_dir, worker, languages)
    extra += [icon for path in used if path.endswith(".webmanifest") for icon in _manifest_icons(site_dir, path, files)]
    for path in extra:
        used.setdefault(path, "")
    used.pop(SERVICE_WORKER, None)
    return dict(sorted(used.items()))


def _manifest_icons(site_dir: Path, manifest: str, files: set[str]) -> list[str]:
    """The icons a web app manifest names that the site has (a home-screen icon must show offline)."""
    try:
        icons = json.loads((site_dir / manifest).read_text(encoding="utf-8")).get("icons", [])
        found = [_local_file(files, manifest, icon["src"]) for icon in icons]
    except (ValueError, KeyError, TypeError, AttributeError):
        return []
    return [path for path in found if path]


def precache_files(site_dir: Path) -> list[str]:
    """The files of the built site that the guide uses, each once, in a stable order, as paths
    relative to the site's root."""
    return list(_crawl(site_dir))


def integrity(data: bytes) -> str:
    """The Subresource Integrity value of ``data``, which fetch() checks a download against."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def manifest(site_dir: Path) -> list[list[str]]:
    """[address, integrity] for each precached file: a page by the address visitors use, a file
    its pages load by hash (``stylesheets/guide.css?h=…``) by that address."""
    return [[page_address(path) + (f"?{query}" if query else ""), integrity((site_dir / path).read_bytes())]
            for path, query in _crawl(site_dir).items()]


def build_version(entries: list[list[str]]) -> str:
    """A short hash of the precache list: any change to a precached file gives a new sw.js."""
    return hashlib.sha256(json.dumps(entries).encode("utf-8")).hexdigest()[:16]


def precache_size(site_dir: Path) -> tuple[int, int]:
    """(files, bytes) that a first visit downloads into the cache."""
    files = precache_files(site_dir)
    return len(files), sum((site_dir / f).stat().st_size for f in files)


WORDS_BLOCK = re.compile(r'<script type="application/json" id="guide-words">(.*?)</script>', re.S)


def offline_words(site_dir: Path) -> dict[str, dict[str, str]]:
    """The offline page's words in each language of the site, HTML-escaped, by the address prefix
    of that language's pages ("" for the first, "es/"): read from the words block of each language's
    home page (templates/overrides/main.html), which holds the interface catalog's offline texts."""
    found = {}
    for home in [site_dir / HOME, *sorted(site_dir.glob(f"*/{HOME}"))]:
        block = WORDS_BLOCK.search(home.read_text(encoding="utf-8")) if home.is_file() else None
        if block is None:
            continue
        words = json.loads(block.group(1))
        prefix = "" if home.parent == site_dir else f"{home.parent.name}/"
        if prefix and words.get("lang") != home.parent.name:
            continue  # a page's folder, not a language's
        found[prefix] = {key: html.escape(str(value)) for key, value in {"lang": words.get("lang", "en"),
                                                                         **words.get("offline", {})}.items()}
    return found


def service_worker(site_dir: Path, templates_dir: Path) -> str:
    """The text of sw.js for the site built in ``site_dir`` (from templates/site/sw.js.j2)."""
    entries = manifest(site_dir)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir)), undefined=jinja2.StrictUndefined,
                             autoescape=False, keep_trailing_newline=True)
    return env.get_template("site/sw.js.j2").render(
        version=build_version(entries), hashed=CONTENT_HASHED.pattern, stamp=STAMP, stamp_length=STAMP_LENGTH,
        offline_words=json.dumps(offline_words(site_dir), ensure_ascii=False),
        files="[\n" + ",\n".join(json.dumps(entry) for entry in entries) + "\n]")  # one file a line
