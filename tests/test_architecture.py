"""The package's shape: which layer may import which, no import cycles, modules of a readable size.

These guards read the source with `ast`, never import the modules they judge, and decide a
module's layer by its dotted name only, so they hold for any file layout (`lintcase/engine.py`
or `lintcase/engine/`, `readers/jats.py` or `readers/jats/`) and fail the day an edge or a file
breaks the rules. The last tests feed the same checker a small fake package to prove it bites.
"""
from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "lintcase"

MODULE_MAX_LINES = 300  # any module of the package
KIND_MAX_LINES = 150    # the module a rule names in `check:`: a thin parameterisation of the kit

# A module's layer is the first of these prefixes its dotted name equals or lies under.
LAYERS = {
    "readers": "lintcase.readers", "facts": "lintcase.facts", "checks": "lintcase.checks",
    "formatters": "lintcase.formatters", "engine": "lintcase.engine", "model": "lintcase.model",
    "cli": "lintcase.cli", "runner": "lintcase.runner", "api": "lintcase.api",
    "rulebook": "lintcase.rulebook",
}
# (importing layer, imported layer) pairs that break the layering, with the reason shown.
FORBIDDEN = {
    ("readers", "facts"): "readers build renderings; facts are extracted from them later",
    ("readers", "checks"): "readers never judge",
    ("facts", "readers"): "facts work on the model, whatever rendering it came from",
    ("facts", "checks"): "facts know nothing of the checks that use them",
    ("checks", "readers"): "checks compare the model, never a file format",
    ("formatters", "checks"): "formatters are pure functions of findings",
    ("formatters", "engine"): "formatters are pure functions of findings",
    ("model", "cli"): "the model is the bottom layer",
    ("engine", "cli"): "the engine runs without a command line",
}
# Callers that must reach check kinds through `lintcase.checks.load`, never by name.
KIND_BLIND = ("runner", "cli")


@dataclass(frozen=True)
class Import:
    """One import edge between two modules of the package, and where it is written."""

    source: str
    target: str
    path: Path
    line: int
    scope: str  # "module" (runs at import), "function" (lazy) or "typing" (TYPE_CHECKING only)

    def where(self, root: Path) -> str:
        return f"{self.path.relative_to(root)}:{self.line}"


def modules(root: Path, package: str = PACKAGE) -> dict[str, Path]:
    """Every module of the package under `root`, by dotted name (a package by its __init__)."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _nearest_module(name: str, known) -> str | None:
    """`name` if it is a module of the package, else its longest dotted prefix that is one."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in known:
            return candidate
        parts.pop()
    return None


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool, known) -> list[str]:
    """The package modules an import statement loads (`from X import sub` loads X.sub)."""
    if isinstance(node, ast.Import):
        return [t for a in node.names if (t := _nearest_module(a.name, known))]
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[:len(base) - node.level + 1]
        origin = ".".join(base + ([node.module] if node.module else []))
    else:
        origin = node.module or ""
    found = []
    for alias in node.names:
        sub = f"{origin}.{alias.name}"
        found.append(sub if sub in known else _nearest_module(origin, known))
    return [t for t in found if t]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(module: str, path: Path, known) -> list[Import]:
    """Every import in one module, those inside functions and TYPE_CHECKING blocks included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    found: list[Import] = []

    def visit(node: ast.AST, scope: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                inner = "function" if scope == "module" else scope
            elif isinstance(child, ast.If) and _is_type_checking(child.test) and scope == "module":
                for stmt in child.body:
                    visit(ast.Module(body=[stmt], type_ignores=[]), "typing")
                for stmt in child.orelse:
                    visit(ast.Module(body=[stmt], type_ignores=[]), scope)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for target in dict.fromkeys(_targets(child, module, is_package, known)):
                    if target != module:
                        found.append(Import(module, target, path, child.lineno, scope))
            visit(child, inner)

    visit(tree, "module")
    return found


def all_imports(root: Path, package: str = PACKAGE) -> list[Import]:
    known = modules(root, package)
    return [i for name, path in known.items() for i in imports_of(name, path, known)]


def layer_of(module: str) -> str | None:
    for name, prefix in LAYERS.items():
        if module == prefix or module.startswith(prefix + "."):
            return name
    return None


def is_check_kind(module: str, kind_names) -> bool:
    """A module of lintcase.checks that a rule can name (or lies inside one), not the kit."""
    parts = module.split(".")
    return parts[:2] == [PACKAGE, "checks"] and len(parts) > 2 and parts[2] in kind_names


def layering_violations(imports: list[Import], kind_names, root: Path) -> list[str]:
    """One line per forbidden edge: file, line, the edge and the rule it breaks."""
    out = []
    for i in imports:
        src, dst = layer_of(i.source), layer_of(i.target)
        reason = FORBIDDEN.get((src, dst))
        if reason is None and src in KIND_BLIND and is_check_kind(i.target, kind_names):
            reason = f"the {src} reaches check kinds only through lintcase.checks.load"
        if reason:
            out.append(f"{i.where(root)}: {i.source} ({src}) imports {i.target} ({dst or 'kind'})"
                       f"{' [' + i.scope + ']' if i.scope != 'module' else ''}: {reason}")
    return out


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (no recursion limit on a deep import chain)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            step = next(edges, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph.get(step, ())))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def _graph(imports: list[Import], scopes) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for i in imports:
        if i.scope in scopes:
            graph.setdefault(i.source, set()).add(i.target)
            graph.setdefault(i.target, set())
    return graph


def _path(graph: dict[str, set[str]], start: str, goal: str, members) -> list[str] | None:
    """The shortest import path from start to goal through `members`, by breadth-first search."""
    came_from = {start: None}
    queue = [start]
    for node in queue:
        for nxt in sorted(graph[node] & members):
            if nxt == goal:
                path = [node]
                while came_from[path[-1]] is not None:
                    path.append(came_from[path[-1]])
                return path[::-1] + [goal]
            if nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    return None


def _cycle_through(component: list[str], graph: dict[str, set[str]]) -> list[str]:
    """One concrete cycle inside a strongly connected component."""
    return _path(graph, component[0], component[0], set(component)) or component


def import_cycles(imports: list[Import]) -> list[str]:
    """Cycles among imports that run when a module is imported, each printed as a path."""
    graph = _graph(imports, {"module"})
    return sorted(" -> ".join(_cycle_through(c, graph))
                  for c in strongly_connected(graph) if len(c) > 1)


def lazy_cycles(imports: list[Import], root: Path) -> list[str]:
    """Cycles that function-level imports close: harmless at import time, a smell all the same.

    One entry per lazy import whose target leads back to its source: the import, then the
    shortest cycle it closes.
    """
    graph = _graph(imports, {"module", "function"})
    out = []
    for component in strongly_connected(graph):
        members = set(component)
        for i in imports:
            if i.scope == "function" and i.source in members and i.target in members:
                back = _path(graph, i.target, i.source, members)
                out.append(f"{i.where(root)}: {i.source} -> {' -> '.join(back)}")
    return out


def oversized(root: Path, kind_names, package: str = PACKAGE) -> tuple[list[str], list[str]]:
    """Modules over MODULE_MAX_LINES, and check-kind modules over KIND_MAX_LINES."""
    too_long, kinds_too_long = [], []
    for name, path in modules(root, package).items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        where = path.relative_to(root)
        if lines > MODULE_MAX_LINES:
            too_long.append(f"{where}: {lines} lines > {MODULE_MAX_LINES}")
        if name.count(".") == 2 and is_check_kind(name, kind_names) and lines > KIND_MAX_LINES:
            kinds_too_long.append(f"{where}: {lines} lines > {KIND_MAX_LINES} (check kind)")
    return too_long, kinds_too_long


def _kind_names():
    from lintcase import checks
    return checks.KIND_NAMES


IMPORTS = all_imports(ROOT)


def test_the_checker_sees_the_package():
    """A guard that parsed nothing would pass forever: it must see the layers it judges."""
    seen = {layer_of(m) for m in modules(ROOT)}
    assert {"readers", "facts", "checks", "formatters", "cli", "runner"} <= seen
    assert len(IMPORTS) > 100


def test_layers_import_only_downwards():
    bad = layering_violations(IMPORTS, _kind_names(), ROOT)
    assert not bad, "forbidden imports:\n" + "\n".join(bad)


def test_no_import_cycles():
    cycles = import_cycles(IMPORTS)
    assert not cycles, "import cycles (module level):\n" + "\n".join(cycles)


def test_lazy_imports_that_close_a_cycle_are_listed():
    """The soft list: reported as warnings, never a failure."""
    for cycle in lazy_cycles(IMPORTS, ROOT):
        warnings.warn(f"a function-level import closes a cycle: {cycle}", stacklevel=1)


def test_modules_are_at_most_300_lines():
    too_long, _ = oversized(ROOT, _kind_names())
    assert not too_long, "modules too long:\n" + "\n".join(too_long)


def test_check_kinds_are_at_most_150_lines():
    _, too_long = oversized(ROOT, _kind_names())
    assert not too_long, "check kinds too long:\n" + "\n".join(too_long)


# --- the guards have teeth: a fake package that breaks every rule ---------------------------

FAKE = {
    "__init__.py": "",
    "model.py": "def f():\n    from .cli import main\n",
    "cli.py": "from . import engine\nfrom .checks import fancy\n",
    "engine/__init__.py": "",
    "engine/run.py": "import lintcase.cli\n",
    "runner.py": "from .checks.fancy import run\nfrom . import checks\n",
    "readers/__init__.py": "from .one import read\n",
    "readers/one.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                      "    from ..checks import Hit\ndef read():\n    from ..facts.words import keys\n",
    "facts/__init__.py": "",
    "facts/words.py": "from . import ring\n",
    "facts/ring.py": "from .words import keys\n",
    "checks/__init__.py": "KIND_NAMES = ('fancy',)\n",
    "checks/kit.py": "from ..readers import one\n",
    "checks/fancy.py": "from . import kit\n" + "x = 1\n" * 200,
    "formatters/__init__.py": "from ..engine import run\nfrom .text import show\n",
    "formatters/text.py": "from . import NAMES\n",  # a package's shared names: a cycle too
    "lazy_a.py": "from . import lazy_b\n",
    "lazy_b.py": "def f():\n    from . import lazy_a\n",
    "big.py": "x = 1\n" * 301,
}


@pytest.fixture
def fake(tmp_path):
    for name, text in FAKE.items():
        path = tmp_path / PACKAGE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_a_forbidden_import_is_reported_with_file_and_line(fake):
    bad = "\n".join(layering_violations(all_imports(fake), ("fancy",), fake))
    for expected in (
        "lintcase/model.py:2: lintcase.model (model) imports lintcase.cli (cli) [function]",
        "lintcase/engine/run.py:1: lintcase.engine.run (engine) imports lintcase.cli (cli)",
        "lintcase/cli.py:2: lintcase.cli (cli) imports lintcase.checks.fancy",
        "lintcase/runner.py:1: lintcase.runner (runner) imports lintcase.checks.fancy",
        "lintcase/readers/one.py:3: lintcase.readers.one (readers) imports lintcase.checks "
        "(checks) [typing]",
        "lintcase/readers/one.py:5: lintcase.readers.one (readers) imports lintcase.facts.words",
        "lintcase/checks/kit.py:1: lintcase.checks.kit (checks) imports lintcase.readers.one",
        "lintcase/formatters/__init__.py:1: lintcase.formatters (formatters) imports "
        "lintcase.engine.run (engine)",
    ):
        assert expected in bad
    # the package itself and its kit are not check kinds
    assert "lintcase/runner.py:2" not in bad and "lintcase/cli.py:1" not in bad
    assert bad.count("\n") == 7


def test_a_cycle_is_reported_and_a_lazy_one_only_softly(fake):
    imports = all_imports(fake)
    assert import_cycles(imports) == [
        "lintcase.facts.ring -> lintcase.facts.words -> lintcase.facts.ring",
        "lintcase.formatters -> lintcase.formatters.text -> lintcase.formatters"]
    assert lazy_cycles(imports, fake) == [
        "lintcase/lazy_b.py:2: lintcase.lazy_b -> lintcase.lazy_a -> lintcase.lazy_b"]


def test_sizes_are_reported(fake):
    too_long, kinds = oversized(fake, ("fancy",))
    assert too_long == [f"lintcase/big.py: 301 lines > {MODULE_MAX_LINES}"]
    assert kinds == [f"lintcase/checks/fancy.py: 201 lines > {KIND_MAX_LINES} (check kind)"]


def test_tarjan_finds_every_component():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": {"e"}, "e": {"d"}, "f": set()}
    assert sorted(strongly_connected(graph)) == [["a", "b", "c"], ["d", "e"], ["f"]]
    assert _cycle_through(["a", "b", "c"], graph) == ["a", "b", "c", "a"]
