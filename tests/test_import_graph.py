"""The generator's modules import in one direction: no loops between modules or subpackages.

Read from the source with `ast` (every import counts, also one inside a function), so a loop
fails here before it shows up as a half-initialised module. A subpackage counts as one unit:
importing `generator.pages.glossary` runs `generator/pages/__init__.py`, which imports every
page renderer, so anything `pages/` imports may not import `pages/` back.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from support.paths import ROOT

PACKAGE = ROOT / "generator"
SUBPACKAGES = ("pages", "wegwijzer")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The generator modules `path` imports (relative and absolute, at any depth)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                target = f"{module}.{alias.name}"
                found.add(target if target in known else module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in known and m != name}


def module_graph() -> dict[str, set[str]]:
    """Module → the generator modules it imports."""
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path, name, set(paths)) for name, path in paths.items()}


def _unit(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 2 and parts[1] in SUBPACKAGES:
        return f"generator.{parts[1]}"
    return module


def unit_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph with each subpackage folded into one node (its modules and its __init__)."""
    units: dict[str, set[str]] = {}
    for module, targets in graph.items():
        units.setdefault(_unit(module), set()).update(_unit(t) for t in targets)
    for unit, targets in units.items():
        targets.discard(unit)
    return units


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_loop() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_relative_and_function_level_imports() -> None:
    graph = module_graph()
    assert "generator.model" in graph["generator.pages.overview"]  # from ..model import …
    assert "generator.pages.printable" in graph["generator.split_build"]  # inside prerender()


def test_no_import_loop_between_modules() -> None:
    assert cycles(module_graph()) == []


def test_no_import_loop_between_subpackages_and_modules() -> None:
    """pages/ ↔ wegwijzer/, abbreviations → pages/ → …: each such loop is named here."""
    assert cycles(unit_graph(module_graph())) == []


def test_wegwijzer_and_abbreviations_do_not_import_the_page_renderers() -> None:
    units = unit_graph(module_graph())
    assert "generator.pages" not in units["generator.wegwijzer"]
    assert "generator.pages" not in units["generator.abbreviations"]


def test_the_template_environment_has_its_filters_without_the_flowchart() -> None:
    """The 'dot' filter is registered where the environment is made, not as a side effect of
    importing generator.flowchart (a template rendered before that import failed)."""
    code = ("import sys, generator.render as r; env = r.environment(); "
            "assert 'generator.flowchart' not in sys.modules; print(sorted({'dot', 'md_inline', 'dutch_date'} - set(env.filters)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
