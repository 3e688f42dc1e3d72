"""The command line: ``python -m generator check|render|readability|schema|site|pdf|offline|serve``.

A thin layer: it parses arguments, calls the library, and turns known failures into a clear
message on stderr and exit status 1, never a traceback. Each command imports what it needs when it
runs: a site build whose editions are kept loads none of the code that makes them (build.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .build import build_offline_copy, build_pdfs, build_site
from .engines import DEFAULT_ENGINE, ENGINES
from .faults import fault_line
from .guide.clinic_choice import CLINIC_ENV, NO_CLINIC, resolve_clinic
from .problems import BuildFailed, ContentError, display_path
from .project import Project
from .publish.owned_folders import OwnershipError, write_tree


def _project(args: argparse.Namespace) -> Project:
    root = Path(args.root)
    return Project(
        content_dir=Path(args.content) if args.content else root / "content",
        templates_dir=Path(args.templates) if args.templates else root / "templates",
        clinic_dir=resolve_clinic(root, option=args.clinic),
    )


def _generate_all(project: Project) -> list:
    """Every edition checked and rendered, with the notes for its author printed."""
    from .pipeline import generate_all
    from .quality.review import author_notes

    editions = generate_all(project)
    for guide, _ in editions:
        for note in author_notes(guide):
            print(note, file=sys.stderr)
    return editions


def cmd_check(args: argparse.Namespace) -> int:
    project = _project(args)
    editions = _generate_all(project)
    clinic = f" ({display_path(project.clinic_dir)})" if project.clinic_dir else ""
    for guide, _ in editions:  # each edition's own: a clinic may remove or add items in one language only
        print(f"{guide.site.language}{clinic}: {len(guide.pages)} pages, {len(guide.practices)} practices, "
              f"{len(guide.phases)} phases, {len(guide.worksheets)} worksheets, {len(guide.references)} references")
    languages = ", ".join(g.site.language for g, _ in editions)
    print(f"ok{f' for {display_path(project.clinic_dir)}' if project.clinic_dir else ''}: "
          f"in {languages}; all pages render")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    editions = _generate_all(_project(args))
    pages = {guide.address_prefix + path: text for guide, rendered in editions
             for path, text in rendered.pages.items()}  # each language after the first in <code>/
    write_tree(pages, Path(args.out))
    print(f"wrote {len(pages)} pages to {args.out}")
    return 0


def cmd_readability(args: argparse.Namespace) -> int:
    from .pipeline import generate_all
    from .quality.readability import EASE_TARGET, ease, ease_table, grades, table, translated_prose

    editions = generate_all(_project(args))
    found = grades(editions[0][0]) if editions[0][0].site.language == "en" else []
    if found:
        print(table(found))
    for guide, _ in editions:
        if guide.site.language == "es":
            spanish = [ease(prose) for prose in translated_prose(guide)]
            print(f"\nes: Fernández-Huerta reading ease (target {EASE_TARGET:g} or more), Szigriszt-Pazos beside it; "
                  "pages still in English are not measured")
            print(ease_table(spanish) if spanish else "(no page translated yet)")
            found += spanish
    for problem in (p for g in found for p in g.problems()):
        print(f"error: {problem}", file=sys.stderr)
    return 1 if any(g.too_hard for g in found) else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .pipeline import json_schemas

    files = json_schemas(Path(args.content) if args.content else Path(args.root) / "content")
    write_tree(files, Path(args.out))
    print(f"wrote {len(files)} JSON Schema files to {args.out}")
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    project = _project(args)
    build_site(project, Path(args.root), args.engine, Path(args.out), pdfs=not args.no_pdf)
    clinic = project.clinic_dir
    print(f"built the site{f' for {display_path(clinic)}' if clinic else ''} with {args.engine} into {args.out}"
          + ("" if args.no_pdf else " (with its PDFs in downloads/)"))
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    files = build_pdfs(_project(args), Path(args.root), args.engine)
    write_tree({path.replace("downloads/", "", 1): pdf for path, pdf in files.items()}, Path(args.out))  # es/worksheets/...
    print(f"wrote {len(files)} PDFs to {args.out}")
    return 0


def cmd_offline(args: argparse.Namespace) -> int:
    build_offline_copy(_project(args), Path(args.root), args.engine, Path(args.out))
    print(f"wrote the offline bundle to {args.out}: unzip it and open index.html")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """`mkdocs serve` of the project (every language, rebuilt on each edit), after making sure the
    port is free: MkDocs would build the whole site first and then stop with a traceback."""
    from .engines.mkdocs.serve_port import busy_port_message

    message = busy_port_message(args.host, args.port)
    if message is not None:
        print(message, file=sys.stderr)
        return 1
    root = Path(args.root).resolve()
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    if args.clinic is not None:  # the preview's plugin chooses the clinic as `mkdocs serve` does: from GUIDE_CLINIC
        environ[CLINIC_ENV] = str(resolve_clinic(root, option=args.clinic) or NO_CLINIC)
    os.execve(sys.executable, [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(root / "mkdocs.yml"),
                               "--dev-addr", f"{args.host}:{args.port}"], environ)


def cmd_new_clinic(args: argparse.Namespace) -> int:
    from .publish.clinic_scaffold import ScaffoldError, create_clinic, scaffold_languages

    folder = Path(args.folder)
    project = _project(args)
    try:
        create_clinic(folder, args.name, project.templates_dir, scaffold_languages(args.languages), project.content_dir)
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"created {folder}: edit {folder / 'brand.yml'}, then build with\n"
          f"    GUIDE_CLINIC={folder} make build")
    return 0


def cmd_review_pack(args: argparse.Namespace) -> int:
    """The sign-off pack for our guide or a clinic's edition (generator/review/): HTML and PDF."""
    import html as html_lib

    from .pipeline import generate_all
    from .review import build_pack, print_pack, render_html
    from .review.changes import ChangesError

    project = _project(args)
    guides = [guide for guide, _ in generate_all(project)]
    try:
        pack = build_pack(guides, Path(args.root), project.content_dir, project.clinic_dir, since=args.since)
    except ChangesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    page = render_html(pack, project.templates_dir)
    files = {"review-pack.html": page,
             "review-pack.pdf": print_pack(page, guides[0].brand.paper, html_lib.escape(pack.edition))}
    write_tree(files, Path(args.out))
    if pack.changes_error:
        print(f"warning: {pack.changes_error}; the pack lists no changes", file=sys.stderr)
    print(f"wrote the sign-off pack for {pack.edition} ({len(pack.changes)} changes since "
          f"{pack.since or 'no signed-off version'}) to {args.out}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m generator", description="Build the ketamine integration guide.")
    main.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    main.add_argument("--content", help="the content folder (default: ROOT/content)")
    main.add_argument("--templates", help="the templates folder (default: ROOT/templates)")
    main.add_argument("--clinic", help="a clinic folder whose brand and content overlay to apply "
                                       "(default: $GUIDE_CLINIC, else the folder named in ROOT/CLINIC; 'none' for our own guide)")
    commands = main.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every content file and render every page, writing nothing").set_defaults(func=cmd_check)
    render = commands.add_parser("render", help="write the guide's Markdown pages into a folder the generator owns")
    render.add_argument("--out", required=True, help="the output folder (created, or replaced if the generator made it)")
    render.set_defaults(func=cmd_render)
    commands.add_parser(
        "readability", help="print the US school grade (Flesch-Kincaid) of every page; exit 1 if a page is above 8 or a passage above 12"
    ).set_defaults(func=cmd_readability)
    schema = commands.add_parser("schema", help="write the JSON Schema files that editors use to check the YAML")
    schema.add_argument("--out", default="schemas", help="the output folder (default: schemas)")
    schema.set_defaults(func=cmd_schema)
    site = commands.add_parser("site", help="build the whole site (with MkDocs, or Zensical), replacing the last good one only on success")
    site.add_argument("--out", default="site", help="the site folder (default: site)")
    site.add_argument("--no-pdf", action="store_true", help="skip the PDFs (quicker; their links will not work)")
    _engine_option(site)
    site.set_defaults(func=cmd_site)
    pdf = commands.add_parser("pdf", help="print the worksheets, the pack of worksheets and the handout to PDF files")
    pdf.add_argument("--out", default="pdf", help="the folder for the PDFs (default: pdf)")
    _engine_option(pdf)
    pdf.set_defaults(func=cmd_pdf)
    offline = commands.add_parser("offline", help="build the site for use from files (file://, a USB stick) into a zip")
    offline.add_argument("--out", default="dist/guide-offline.zip", help="the zip file (default: dist/guide-offline.zip)")
    _engine_option(offline)
    offline.set_defaults(func=cmd_offline)
    review = commands.add_parser("review-pack", help="write the sign-off pack (HTML and PDF) for the clinician who "
                                                     "approves the edition: every claim and its sources, the facts, "
                                                     "what changed since the version last signed off")
    review.add_argument("--out", default="review-pack", help="the output folder (default: review-pack)")
    review.add_argument("--since", help="the commit or tag last signed off (default: signed_off in the clinic's brand.yml)")
    review.set_defaults(func=cmd_review_pack)
    serve = commands.add_parser("serve", help="a live preview of every language on http://HOST:PORT, rebuilt on every edit (make serve PORT=8001)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    serve.set_defaults(func=cmd_serve)
    new_clinic = commands.add_parser("new-clinic", help="create a clinic folder: a commented brand.yml, example overlay files, a placeholder logo")
    new_clinic.add_argument("folder", help="the new folder, e.g. clinics/my-clinic (it must not exist yet)")
    new_clinic.add_argument("--name", required=True, help="the clinic's name as patients know it")
    new_clinic.add_argument("--languages", help="the clinic's languages, the first at its site's root, e.g. es or en,es "
                                                "(default: en); its footer is written in the first")
    new_clinic.set_defaults(func=cmd_new_clinic)
    return main


def _engine_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE,
                         help=f"the site engine (default: {DEFAULT_ENGINE}; zensical is mkdocs-material's successor)")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
    except OwnershipError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
    except OSError as exc:  # a read-only folder, a full disk, a missing parent: say which and what to do
        print(fault_line(exc, " (the last good output is unchanged)"), file=sys.stderr)
    except Exception as exc:  # anything else: one line, never a traceback
        print(fault_line(exc, " (an unexpected error: please report it)"), file=sys.stderr)
    return 1
