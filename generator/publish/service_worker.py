"""The service worker that keeps the built site working offline: the site index in, sw.js out.

Computed after the build from the finished files. It never pins old pages: pages (and every file
whose name does not change with its content) are answered from the network whenever there is one,
and from the cache only when there is none; files whose names carry a content hash (the theme's
``bundle.1a2b3c4d.min.js``) come from the cache, since a new build gives them new names.

Each language has its own worker at its own root (sw.js, es/sw.js: each language's pages load
javascripts/offline.js from their own root, which registers the worker beside it), whose scope is
that language's pages: a patient's first visit downloads the pages of the language they read,
not every language's (each language is a whole site of its own, theme files included). The root
worker's scope holds the other languages' folders too, so a page of a language whose worker is
not installed yet is still kept once opened, and shows the offline page in its language. The
languages are the pipeline's (their address prefixes), never read back from the pages.

The precache of a language is what a patient needs offline, each file once: every page of the
language a visitor can reach by following links from its home page (under the address they use,
``plan/``, never also ``plan/index.html``) - the guide's pages, the plan and the help pages -, every
file those pages load (and the icons their web app manifest names), and the search worker, index
and language packs of that language (the theme's first page already downloads the worker and the
index, so listing them costs a revalidation, not a download). The rest is kept on first use, once
opened online: the worksheets (printable forms, like their PDFs; FIRST_USE), the printable handout
(no page links to it), the PDFs. Each precached file is listed with the SHA-256 of its bytes: the
worker checks every download against it (a deploy still copying files cannot leave old files in a
new cache; the install fails and is tried again on the next visit) and keeps the files a new build
did not change instead of downloading them again.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from ..render.layout import WORKSHEETS_DIR
from .fingerprint import CONTENT_HASHED, STAMP, STAMP_LENGTH, STAMPED
from .site_index import HOME, SiteIndex, resolve_in
from ..render.trusted import trusted_html

SERVICE_WORKER = "sw.js"
# Where a theme's search worker looks for its index (MkDocs' search plugin; Zensical).
SEARCH_INDEXES = ("search/search_index.json", "search.json")
# Folders of a language's pages kept on first use, not precached (see the module's docstring).
FIRST_USE = (f"{WORKSHEETS_DIR}/",)
WORDS_BLOCK = "guide-words"  # the interface words every page carries (templates/overrides/main.html)
CONFIG_BLOCK = "__config"  # the theme's configuration block, which names its search worker


def page_address(path: str) -> str:
    """The address a visitor uses for a page file: ``plan/`` for plan/index.html, ``./`` for the
    home page; any other file's address is its path."""
    if path == HOME:
        return "./"
    if path.endswith("/" + HOME):
        return path[: -len(HOME)]
    return path


def search_language_packs(files: set[str], worker: str, languages: Iterable[str]) -> list[str]:
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
    return [path for path in wanted if path in files]


def precache(index: SiteIndex, prefix: str = "") -> dict[str, str]:
    """The files (paths in the site) that the worker of the language at ``prefix`` precaches (see
    the module's docstring), each with the query its pages load it by (``h=…``,
    generator/publish/fingerprint.py) or ''."""
    home = prefix + HOME
    if home not in index.facts:
        return {}
    files = index.files_of(prefix)
    first_use = tuple(prefix + folder for folder in FIRST_USE)
    used: dict[str, str] = {}
    languages: set[str] = set()
    worker = None
    queue, seen = [home], {home}
    while queue:
        page = queue.pop(0)
        used[page] = ""
        facts = index.facts[page]
        if facts.lang:
            languages.add(facts.lang.split("-")[0].lower())
        for ref in facts.references:
            if ref.followed:
                target = resolve_in(files, page, ref.value)
                if target and target.endswith(".html") and target not in seen and not target.startswith(first_use):
                    seen.add(target)
                    queue.append(target)
            elif ref.loads and "apple-touch-icon" not in ref.rel:  # that icon is the manifest's, listed by its address below
                target = resolve_in(files, page, ref.value)
                if target:
                    query = urlsplit(ref.value).query
                    used[target] = query if STAMPED.match(query) else used.get(target, "")
        config = facts.script_by_id(CONFIG_BLOCK)
        if config and worker is None:
            try:
                found = json.loads(config).get("search")
                worker = posixpath.normpath(posixpath.join(posixpath.dirname(page), found)) if isinstance(found, str) else None
            except (ValueError, AttributeError):
                worker = None
    extra = [prefix + path for path in SEARCH_INDEXES if prefix + path in files]
    if worker and worker in files:
        extra.append(worker)
        search_index = prefix + SEARCH_INDEXES[0]
        if search_index in files:
            languages.update(_search_languages(index.data(search_index)))
        extra += search_language_packs(files, worker, languages)
    extra += [icon for path in used if path.endswith(".webmanifest") for icon in _manifest_icons(index, path, files)]
    for path in extra:
        used.setdefault(path, "")
    used.pop(prefix + SERVICE_WORKER, None)
    return dict(sorted(used.items()))


def _search_languages(data: bytes) -> list[str]:
    """The languages the search worker will load packs for: the search index's ``config.lang``,
    read without parsing the whole index (MkDocs writes its config first)."""
    text = data.decode("utf-8", errors="replace")
    found = text.find('"config"')
    try:
        start = text.index("{", found) if found >= 0 else -1
        config = json.JSONDecoder().raw_decode(text, start)[0] if start >= 0 else json.loads(text)["config"]
        languages = config["lang"]
    except (ValueError, KeyError, TypeError):
        return []
    return [language for language in languages if isinstance(language, str)] if isinstance(languages, list) else []


def _manifest_icons(index: SiteIndex, manifest_path: str, files: set[str]) -> list[str]:
    """The icons a web app manifest names that the site has (a home-screen icon must show offline)."""
    try:
        icons = json.loads(index.data(manifest_path)).get("icons", [])
        found = [resolve_in(files, manifest_path, icon["src"]) for icon in icons]
    except (ValueError, KeyError, TypeError, AttributeError):
        return []
    return [path for path in found if path]


def integrity(digest: bytes) -> str:
    """The Subresource Integrity value of a file of this SHA-256, which fetch() checks a download against."""
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def manifest(index: SiteIndex, prefix: str = "") -> list[list[str]]:
    """[address, integrity] for each precached file, relative to the language's root: a page by
    the address visitors use, a file its pages load by hash (``stylesheets/guide.css?h=…``) by that
    address."""
    return [[page_address(path[len(prefix):]) + (f"?{query}" if query else ""), integrity(index.digest(path))]
            for path, query in precache(index, prefix).items()]


def build_version(entries: list[list[str]]) -> str:
    """A short hash of the precache list: any change to a precached file gives a new sw.js."""
    return hashlib.sha256(json.dumps(entries).encode("utf-8")).hexdigest()[:16]


def offline_words(index: SiteIndex, prefix: str = "") -> dict[str, dict[str, str]]:
    """The offline page's words, HTML-escaped, for each language whose pages the worker of the
    language at ``prefix`` may answer, by their address prefix relative to that worker ("" for its
    own, "es/" for Spanish under the root worker): the words block of each language's home page
    (templates/overrides/main.html), which holds the interface catalog's offline texts."""
    found = {}
    for other in index.languages:
        if not other.startswith(prefix):
            continue
        facts = index.facts.get(other + HOME)
        block = facts.data_block(WORDS_BLOCK) if facts else None
        if block is None:
            continue
        try:
            words = json.loads(block)
        except ValueError:
            continue
        found[other[len(prefix):]] = {key: html.escape(str(value)) for key, value in
                                      {"lang": words.get("lang") or facts.lang or "en", **words.get("offline", {})}.items()}
    return found


def service_worker(index: SiteIndex, templates_dir: Path, prefix: str = "") -> str:
    """The text of the sw.js of the language at ``prefix`` (from templates/site/sw.js.j2)."""
    entries = manifest(index, prefix)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir)), undefined=jinja2.StrictUndefined,
                             autoescape=True, keep_trailing_newline=True)
    # The words and the file list are JSON written here (the words HTML-escaped), printed as they are.
    return env.get_template("site/sw.js.j2").render(
        version=build_version(entries), hashed=CONTENT_HASHED.pattern, stamp=STAMP, stamp_length=STAMP_LENGTH,
        offline_words=trusted_html(json.dumps(offline_words(index, prefix), ensure_ascii=False)),
        files=trusted_html("[\n" + ",\n".join(json.dumps(entry) for entry in entries) + "\n]"))  # one file a line


_FILES = re.compile(r"const FILES = (\[.*?\]);", re.S)


def precache_files(site_dir: Path) -> list[str]:
    """The files a built site's sw.js (at ``site_dir``) precaches, as paths relative to
    ``site_dir``: what a benchmark of a built site measures (benchmarks/plan_size.py)."""
    entries = json.loads(_FILES.search((site_dir / SERVICE_WORKER).read_text(encoding="utf-8")).group(1))
    paths = []
    for address, _ in entries:
        path = address.split("?")[0]
        paths.append(HOME if path == "./" else path + HOME if path.endswith("/") else path)
    return paths
