"""The generator's import graph, measured (a figure, not a test): how many modules, the longest
chain of module-level imports between them (lazy imports inside functions and TYPE_CHECKING blocks
left out), any cycle, and the largest modules.

    python3 benchmarks/import_depth.py [PROJECT_FOLDER]
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for path in (root / "generator").rglob("*.py"):
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:  # module level only
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - (node.level - 1)] if node.level else []
            target = ".".join(base + ([node.module] if node.module else [])) if node.level else (node.module or "")
            found |= {t for t in [target, *(f"{target}.{a.name}" for a in node.names)] if t in known}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
    return found - {name}


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    known = modules(root)
    graph = {name: imports(name, path, known) for name, path in known.items()}

    def chain(name: str, seen: tuple = ()) -> list[str]:
        longest = max((chain(dep, seen + (name,)) for dep in graph[name] if dep not in seen), key=len, default=[])
        return [name, *longest]

    def cycle() -> list[str] | None:
        state: dict[str, int] = {}

        def visit(name: str, path: list[str]) -> list[str] | None:
            state[name] = 1
            for dep in graph[name]:
                if state.get(dep) == 1:
                    return path + [dep]
                if not state.get(dep) and (found := visit(dep, path + [dep])):
                    return found
            state[name] = 2
            return None

        return next((found for name in graph if not state.get(name) and (found := visit(name, [name]))), None)

    longest = max((chain(name) for name in graph), key=len)
    print(f"modules: {len(graph)}")
    print(f"longest import chain: {len(longest)} modules: {' -> '.join(longest)}")
    print(f"import cycle: {' -> '.join(cycle() or []) or 'none'}")
    sizes = sorted(((len(p.read_text(encoding='utf-8').splitlines()), n) for n, p in known.items()), reverse=True)[:3]
    print("largest modules: " + ", ".join(f"{n} ({lines} lines)" for lines, n in sizes))


if __name__ == "__main__":
    main()
