"""The Zensical adapter: one rendered edition built by Zensical, the same pages at the same
addresses as the MkDocs build.

Zensical reads mkdocs.yml but runs no MkDocs hook or plugin of ours, and wants ``docs_dir`` and
``site_dir`` inside the config file's folder. So each edition the build driver (generator/build.py)
generated is written into a scratch project: ``docs/`` (the hand-written assets of mkdocs.yml's
docs_dir, every rendered page and a clinic's brand files), ``overrides/`` (our theme overrides) and
a ``mkdocs.yml`` that is ours with what the MkDocs plugin sets in memory written into it, from the
same engine-neutral ``site_settings``. ``zensical build --strict`` (in this process) builds it; then the built folder
moves into the edition's folder of the site, which the driver finishes as after MkDocs.

Each edition (clinic, language, hosted or file://) has its own scratch project in the cache folder
(``.cache/zensical/<edition>/``, or under $GUIDE_CACHE_DIR), so that Zensical's own cache in it
(``.cache/zensical/<edition>/.cache/``) holds that edition's pages and makes its next build
quicker: one project shared by two languages would be rewritten by each in turn, and its cache
would never match. Files are rewritten only when they change, and one build at a time uses each
project (a lock file). Where the cache folder cannot be written, a temporary folder is used and
every build is cold.

Two things differ from MkDocs, and are handled here:
  - Zensical's templates print the site's name, description and copyright and a page's title
    and description without escaping, and it cannot be handed escaped Markup as MkDocs can: those
    values are written into the config and the pages' front matter HTML-escaped; the two theme
    partials that escape the site's name again (``title="{{ config.site_name | e }}"``) are
    copied from the installed theme with that one filter taken out.
  - ``theme.variant: classic``: Zensical's look that keeps mkdocs-material's markup, which our
    stylesheets, overrides and checks are written for.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import html
import importlib.util
import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

from ...caches import cache_dir
from ...problems import BuildFailed
from ..site_settings import SiteEdition, SiteSettings, escaped_nav, language_site_url, named_palette, theme_language

CONFIG = "mkdocs.yml"  # the project's config, which the scratch config is made from
DOCS, OVERRIDES, SITE = "docs", "overrides", "site"
# Theme partials that print ``config.site_name | e``: with the name already escaped, `| e` would
# escape it twice (a clinic called "A & B" would show "A &amp; B" as the logo's tooltip).
ESCAPED_TWICE = {"partials/header.html": "config.site_name | e", "partials/nav.html": "config.site_name | e"}
# Overrides of mkdocs-material's own partials that Zensical's theme does differently: its search is
# a button that opens a dialog its own script draws, so mkdocs-material's search form (fixed for
# keyboard focus in templates/overrides/partials/search.html) would leave Zensical's search dead.
MKDOCS_THEME_ONLY = {"partials/search.html"}
FRONT_MATTER_ESCAPED = re.compile(r"^(title|description): (.*)$", re.M)
# A YAML double-quoted scalar on one line with no escape in it means its text as it stands (most of
# our front matter): read without the YAML parser, which cost 0.06 s CPU per build at 10x.
PLAIN_QUOTED = re.compile(r'"([^"\\]*)"')


class Engine:
    """The build driver's Zensical (generator/build.py): the theme and config are looked up once."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.zensical_dir = _zensical_package()
        self.mkdocs_config = _read_config(self.root / CONFIG)

    def build_edition(self, edition: SiteEdition, target_dir: Path, offline: bool = False) -> bool:
        """One edition with Zensical into the empty folder ``target_dir``; False (with Zensical's
        messages on stderr) if the build failed. Each edition (language, clinic, hosted or file://)
        has a scratch project of its own, so that Zensical's cache in it holds that edition's pages."""
        with _scratch_project(self.root, edition.name + ("-offline" if offline else "")) as project:
            overrides_dir = _write_overrides(self.root / self.mkdocs_config["theme"]["custom_dir"],
                                             self.zensical_dir / "templates", project / OVERRIDES)
            settings = edition.settings
            language = theme_language(settings.language, [overrides_dir, self.zensical_dir / "templates"])
            config = scratch_config(self.mkdocs_config, settings, language, offline)
            _write_if_changed(project / CONFIG, ("# Written by generator/engines/zensical/build.py for each build: edit "
                                                 "mkdocs.yml instead.\n" + yaml.safe_dump(config, sort_keys=False,
                                                                                          allow_unicode=True)).encode())
            _sync_folder(project / DOCS, docs_files(self.root / self.mkdocs_config.get("docs_dir", "docs"), edition))
            shutil.rmtree(project / SITE, ignore_errors=True)
            if not run_zensical(project / CONFIG):
                return False
            target_dir.mkdir(parents=True, exist_ok=True)
            _move_contents(project / SITE, target_dir)
        return True


def run_zensical(config_file: Path) -> bool:
    """``zensical build --strict`` in this process (what its command line calls; no second start
    of Python per edition). Zensical writes its messages straight to the process's stdout and
    stderr, from Rust: they are caught at the file descriptors and shown only when the build fails,
    with the error it raises (a template error names the template and line)."""
    import zensical

    with _captured_output() as output, contextlib.chdir(config_file.parent):
        try:
            zensical.build(str(config_file), {"strict": True, "clean": False})
            failure = None
        except RuntimeError as exc:  # "Aborted because --strict flag is set", "undefined value (in main.html:13)"
            failure = str(exc)
    if failure is not None:
        print(f"Zensical: {output.read()}error: {failure}", file=sys.stderr)
    return failure is None


@contextlib.contextmanager
def _captured_output() -> Iterator[io.StringIO]:
    """What anything in this process writes to stdout and stderr meanwhile, Rust code included
    (the file descriptors are pointed at a temporary file), readable after the block."""
    text = io.StringIO()
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with tempfile.TemporaryFile() as caught:
        os.dup2(caught.fileno(), 1)
        os.dup2(caught.fileno(), 2)
        try:
            yield text
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            caught.seek(0)
            text.write(caught.read().decode("utf-8", "replace"))
            text.seek(0)


# --- the scratch project ---------------------------------------------------------------------------


def scratch_config(mkdocs_config: dict, settings: SiteSettings, language: str, offline: bool = False) -> dict:
    """Our mkdocs.yml for Zensical: what the MkDocs plugin sets in memory, written in."""
    config = {key: value for key, value in mkdocs_config.items() if key not in ("hooks", "watch", "INHERIT")}
    theme = config["theme"] = dict(config["theme"])
    theme.update(custom_dir=OVERRIDES, variant="classic", language=language, **settings.theme_files)
    theme["palette"] = named_palette(theme.get("palette", []), settings.palette_names)
    config["markdown_extensions"] = [{"toc": {**ext["toc"], "permalink_title": settings.permalink_title}}
                                     if isinstance(ext, dict) and "toc" in ext else ext
                                     for ext in config.get("markdown_extensions", [])]
    config.update(
        docs_dir=DOCS, site_dir=SITE,
        # Zensical's templates print these three unescaped (see the module's docstring).
        site_name=html.escape(settings.name), site_description=html.escape(settings.description),
        copyright=html.escape(settings.copyright),
        nav=escaped_nav(settings.nav, lambda title: html.escape(title, quote=False)),  # titles in attributes get | e
        not_in_nav="\n".join(f"/{path}" for path in settings.not_in_nav),
        extra_css=[*config.get("extra_css", []), *settings.extra_css],
        extra={**config.get("extra", {}), "guide": settings.guide, "alternate": settings.alternate},
    )
    if config.get("site_url"):
        config["site_url"] = language_site_url(config["site_url"], settings.address_prefix)
    if offline:  # as mkdocs-offline.yml: pages as files (page.html), for file://; the search needs a server
        config.update(use_directory_urls=False, plugins=[{"search": {"enabled": False}}])
    return config


def docs_files(assets_dir: Path, edition: SiteEdition) -> dict[str, bytes]:
    """Every file of the docs folder: the hand-written assets, the pages, a clinic's brand files."""
    files = {p.relative_to(assets_dir).as_posix(): p.read_bytes() for p in sorted(assets_dir.rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts}
    for path, source in edition.files.items():
        files[path] = source.read_bytes() if isinstance(source, Path) else source if isinstance(source, bytes) else source.encode("utf-8")
    for path, text in edition.pages.items():
        files[path] = escape_front_matter(text).encode("utf-8")
    return files


def escape_front_matter(markdown: str) -> str:
    """A page's front-matter title and description HTML-escaped (Zensical prints them as they are)."""
    if not markdown.startswith("---\n"):
        return markdown
    end = markdown.find("\n---\n", 3)
    if end < 0:
        return markdown

    def escaped(match: re.Match) -> str:
        quoted = PLAIN_QUOTED.fullmatch(match.group(2))
        value = quoted.group(1) if quoted else yaml.safe_load(match.group(2))
        if not isinstance(value, str):
            return match.group(0)
        return f"{match.group(1)}: {json.dumps(html.escape(value), ensure_ascii=False)}"

    return FRONT_MATTER_ESCAPED.sub(escaped, markdown[:end]) + markdown[end:]


def _write_overrides(ours: Path, theme: Path, dest: Path) -> Path:
    """Our theme overrides but those of MKDOCS_THEME_ONLY, plus the partials of ESCAPED_TWICE
    without the second escape."""
    files = {p.relative_to(ours).as_posix(): p.read_bytes() for p in sorted(ours.rglob("*")) if p.is_file()}
    files = {path: data for path, data in files.items() if path not in MKDOCS_THEME_ONLY}
    for partial, filtered in ESCAPED_TWICE.items():
        text = files[partial].decode("utf-8") if partial in files else (theme / partial).read_text(encoding="utf-8")
        if filtered not in text:
            raise BuildFailed(f"{theme / partial}: expected {{{{ {filtered} }}}} in this Zensical version's template; "
                              "update ESCAPED_TWICE in generator/engines/zensical/build.py")
        files[partial] = text.replace(filtered, filtered.removesuffix(" | e")).encode("utf-8")
    _sync_folder(dest, files)
    return dest


@contextlib.contextmanager
def _scratch_project(root: Path, key: str) -> Iterator[Path]:
    """The edition's scratch project folder in the cache folder (.cache/zensical/<key>/), held by
    this build alone; a temporary one where the cache folder cannot be written."""
    base = cache_dir(root) / "zensical"
    folder = base / key
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(base / f"{key}.lock", "w")
    except OSError:
        with tempfile.TemporaryDirectory(prefix="guide-zensical-") as scratch:
            yield Path(scratch)
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        _remove_shared_project(base)
        yield folder


def _remove_shared_project(base: Path) -> None:
    """What an older generator left in .cache/zensical/: one project shared by every language."""
    if (base / CONFIG).is_file():
        for name in (DOCS, OVERRIDES, SITE, ".cache"):
            shutil.rmtree(base / name, ignore_errors=True)
        (base / CONFIG).unlink(missing_ok=True)


def _sync_folder(folder: Path, files: dict[str, bytes]) -> None:
    """Make ``folder`` hold exactly ``files``, writing only those that changed (so Zensical's cache
    sees the others as they were) and removing any other file."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(folder.rglob("*"), reverse=True):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() or path.is_symlink():
            if relative not in files:
                path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for relative, data in files.items():
        _write_if_changed(folder / relative, data)


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _move_contents(source: Path, dest: Path) -> None:
    """The built site into the (empty) staging folder: a rename on the same file system."""
    try:
        os.rename(source, dest)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.ENOTEMPTY, errno.EEXIST):
            raise
        shutil.copytree(source, dest, dirs_exist_ok=True)
        shutil.rmtree(source)


# --- helpers ---------------------------------------------------------------------------------------


def _zensical_package() -> Path:
    spec = importlib.util.find_spec("zensical")
    if spec is None or not spec.submodule_search_locations:
        raise BuildFailed("Zensical is not installed: run `make build ENGINE=zensical`, which installs the pinned "
                          "packages of requirements.txt, or `.venv/bin/pip install -r requirements.txt`")
    return Path(next(iter(spec.submodule_search_locations)))


def _read_config(path: Path) -> dict:
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BuildFailed(f"{path}: cannot be read for the Zensical build: {exc}") from None
    if not isinstance(config, dict) or not isinstance(config.get("theme"), dict) or "custom_dir" not in config["theme"]:
        raise BuildFailed(f"{path}: the Zensical build needs theme: with custom_dir: (our theme overrides)")
    return config
