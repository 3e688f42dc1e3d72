"""Build the guide with Zensical: the same pages at the same addresses as the MkDocs build.

Zensical reads mkdocs.yml but runs no MkDocs hook or plugin of ours, and wants ``docs_dir`` and
``site_dir`` inside the config file's folder. So the library generates the guide here, in this
process, and writes a scratch project: ``docs/`` (the hand-written assets of mkdocs.yml's docs_dir,
every rendered page and a clinic's brand files), ``overrides/`` (our theme overrides) and a
``mkdocs.yml`` that is ours with what the MkDocs plugin sets in memory written into it, from the
same engine-neutral ``site_settings``. ``zensical build --strict`` builds it; then the built folder
moves into the staging folder and ``finish_site`` adds the CSP and the service worker, as after
MkDocs.

The scratch project lives in the cache folder (``.cache/zensical/``, or under $GUIDE_CACHE_DIR),
so that Zensical's own cache (``.cache/zensical/.cache/``) makes the next build quicker; files
are rewritten only when they change, and one build at a time uses it (a lock file). Where the
cache folder cannot be written, a temporary folder is used and every build is cold.

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
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from ...guide.guide import Guide
from ...pipeline import Project, generate_all
from ...problems import BuildFailed
from ...publish.finish import finish_site
from ...publish.offline_copy import write_offline_copy
from ...quality.review import author_notes
from ...render.environment import cache_dir
from ...render.pages import RenderedGuide
from ..site_settings import SiteSettings, escaped_nav, language_site_url, named_palette, site_settings, theme_language
from ..staged import build_and_publish

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


def build_site(root: Path, out_dir: Path, clinic_dir: Path | None = None,
               before_publish: Callable[[Path], None] | None = None) -> None:
    """Generate the guide, build it with Zensical into a new folder, finish it, run
    ``before_publish`` (the PDFs) on it, then swap it in for ``out_dir``; a failure at any point
    leaves the last good site in place. Raises ``ContentError`` for content problems."""
    editions = _generate(root, clinic_dir)
    build_and_publish(out_dir, lambda staged: build_editions(root, editions, staged), before_publish)


def build_offline_copy(root: Path, out_zip: Path, clinic_dir: Path | None = None) -> None:
    """The site for file:// (no directory URLs, no service worker), zipped with its PDFs to
    ``out_zip``. The PDFs are printed from a hosted build (folder addresses, as the PDF step
    expects), made first in the same scratch folder, as the MkDocs engine does."""
    from ...publish.printing import print_all_pdfs

    editions = _generate(root, clinic_dir)
    scratch = Path(tempfile.mkdtemp(prefix="guide-offline-"))
    try:
        hosted, site_dir = scratch / "hosted", scratch / "site"
        hosted.mkdir()
        site_dir.mkdir()
        if not build_editions(root, editions, hosted):
            raise BuildFailed(f"the site build for the offline copy's PDFs failed (see above); {out_zip} is unchanged")
        pdfs = print_all_pdfs(hosted, [guide for guide, _ in editions], root)
        if not build_editions(root, editions, site_dir, offline=True):
            raise BuildFailed(f"the offline build failed (see above); {out_zip} is unchanged")
        write_offline_copy(site_dir, out_zip, pdfs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def build_editions(root: Path, editions: list[tuple[Guide, RenderedGuide]], site_dir: Path, offline: bool = False) -> bool:
    """Every language with Zensical, the first into ``site_dir``, each other into ``site_dir/<code>/``;
    then the finishing steps once over the whole site. False if a build failed."""
    for guide, rendered in editions:
        target = site_dir / guide.address_prefix
        target.mkdir(parents=True, exist_ok=True)
        if not build_into(root, guide, rendered, target, offline):
            return False
    finish_site(site_dir, root / "templates", offline_copy=offline)
    return True


def build_into(root: Path, guide: Guide, rendered: RenderedGuide, site_dir: Path, offline: bool = False) -> bool:
    """Build one language of the rendered guide with Zensical into the empty folder ``site_dir``;
    False (with Zensical's messages on stderr) if the build failed."""
    zensical_dir = _zensical_package()
    root = root.resolve()
    mkdocs_config = _read_config(root / CONFIG)
    with _scratch_project(root) as project:
        overrides_dir = _write_overrides(root / mkdocs_config["theme"]["custom_dir"], zensical_dir / "templates",
                                         project / OVERRIDES)
        settings = site_settings(guide, rendered)
        language = theme_language(settings.language, [overrides_dir, zensical_dir / "templates"])
        config = scratch_config(mkdocs_config, settings, language, offline)
        _write_if_changed(project / CONFIG, ("# Written by generator/engines/zensical/build.py for each build: edit "
                                             "mkdocs.yml instead.\n" + yaml.safe_dump(config, sort_keys=False,
                                                                                     allow_unicode=True)).encode())
        _sync_folder(project / DOCS, docs_files(root / mkdocs_config.get("docs_dir", "docs"), rendered))
        shutil.rmtree(project / SITE, ignore_errors=True)
        if not run_zensical(project / CONFIG):
            return False
        _move_contents(project / SITE, site_dir)
    return True


def run_zensical(config_file: Path) -> bool:
    """``zensical build --strict``; its messages are shown only when it fails, and of a Python
    traceback (how it reports a template error) only the last line, which names the template."""
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config_file)],
                            cwd=config_file.parent, capture_output=True, text=True)
    if result.returncode != 0:
        errors = result.stderr
        if "Traceback (most recent call last)" in errors:
            errors = [line for line in errors.splitlines() if line.strip()][-1] + "\n"
        print(f"Zensical: {result.stdout}{errors}", file=sys.stderr, end="")
    return result.returncode == 0


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


def docs_files(assets_dir: Path, rendered: RenderedGuide) -> dict[str, bytes]:
    """Every file of the docs folder: the hand-written assets, the pages, a clinic's brand files."""
    files = {p.relative_to(assets_dir).as_posix(): p.read_bytes() for p in sorted(assets_dir.rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts}
    for path, source in rendered.files.items():
        files[path] = source.read_bytes() if isinstance(source, Path) else source if isinstance(source, bytes) else source.encode("utf-8")
    for path, text in rendered.pages.items():
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
        value = yaml.safe_load(match.group(2))
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
def _scratch_project(root: Path) -> Iterator[Path]:
    """The scratch project folder in the cache folder, held by this build alone; a temporary one
    where the cache folder cannot be written."""
    folder = cache_dir(root) / "zensical"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder.parent / "zensical.lock", "w")
    except OSError:
        with tempfile.TemporaryDirectory(prefix="guide-zensical-") as scratch:
            yield Path(scratch)
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield folder


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


def _generate(root: Path, clinic_dir: Path | None) -> list[tuple[Guide, RenderedGuide]]:
    editions = generate_all(Project.at(root, clinic_dir))
    for guide, _ in editions:
        for note in author_notes(guide):
            print(note, file=sys.stderr)
    return editions


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
