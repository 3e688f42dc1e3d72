"""The command line: ``python -m generator check|render|schema|site``.

A thin layer: it parses arguments, calls the library, and turns known failures into a clear
message on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import Project, generate, json_schemas
from .clinic import resolve_clinic
from .scaffold import ScaffoldError, create_clinic
from .errors import BuildFailed, ContentError, display_path
from .write import OwnershipError, write_tree


def _project(args: argparse.Namespace) -> Project:
    root = Path(args.root)
    return Project(
        content_dir=Path(args.content) if args.content else root / "content",
        templates_dir=Path(args.templates) if args.templates else root / "templates",
        clinic_dir=resolve_clinic(root, option=args.clinic),
    )


def cmd_check(args: argparse.Namespace) -> int:
    project = _project(args)
    guide, rendered = generate(project)
    print(f"ok{f' for {display_path(project.clinic_dir)}' if project.clinic_dir else ''}: {len(guide.pages)} pages, {len(guide.practices)} practices, {len(guide.phases)} phases, "
          f"{len(guide.references)} references; all pages render")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    _, rendered = generate(_project(args))
    write_tree(rendered.pages, Path(args.out))
    print(f"wrote {len(rendered.pages)} pages to {args.out}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    files = json_schemas()
    write_tree(files, Path(args.out))
    print(f"wrote {len(files)} JSON Schema files to {args.out}")
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    from .mkdocs_site import build_site  # the one command that needs the site engine

    clinic = resolve_clinic(Path(args.root), option=args.clinic)
    build_site(Path(args.root), Path(args.out), clinic)
    print(f"built the site{f' for {display_path(clinic)}' if clinic else ''} into {args.out}")
    return 0


def cmd_new_clinic(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    create_clinic(folder, args.name)
    print(f"created {folder}: edit {folder / 'brand.yml'}, then build with\n"
          f"    GUIDE_CLINIC={folder} make build")
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
    schema = commands.add_parser("schema", help="write the JSON Schema files that editors use to check the YAML")
    schema.add_argument("--out", default="schemas", help="the output folder (default: schemas)")
    schema.set_defaults(func=cmd_schema)
    site = commands.add_parser("site", help="build the whole site with MkDocs, replacing the last good one only on success")
    site.add_argument("--out", default="site", help="the site folder (default: site)")
    site.set_defaults(func=cmd_site)
    new_clinic = commands.add_parser("new-clinic", help="create a clinic folder: a commented brand.yml, example overlay files, a placeholder logo")
    new_clinic.add_argument("folder", help="the new folder, e.g. clinics/my-clinic (it must not exist yet)")
    new_clinic.add_argument("--name", required=True, help="the clinic's name as patients know it")
    new_clinic.set_defaults(func=cmd_new_clinic)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
    except OwnershipError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except (BuildFailed, ScaffoldError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    return 1
