"""The layer rules of docs/architecture.md, enforced on the source with ``ast`` (nothing is imported).

Every ``.py`` file of the application (not ``.venv``, ``var``, ``tests``) is parsed; every import in it,
at module level or inside a function (a lazy import still runs), counts, except those under
``if TYPE_CHECKING:`` (never executed). Two checks:

- no import runs up or across a floor (``FORBIDDEN``);
- no import cycle between modules (lazy imports included: they hide cycles, they do not remove them).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP_DIRS = {".venv", "var", "tests", "test-output", "__pycache__", "node_modules"}

# Top-level package (or third-party module) a floor must never import. The floors, top to bottom:
# app.py/pages/scripts -> report/ and ui/ (siblings, neither imports the other) -> present/ -> analysis/
# -> data/. Streamlit only in ui/, pages/ and app.py (report/ renders PDF/DOCX in batch, without it).
FORBIDDEN: dict[str, set[str]] = {
    "data": {"analysis", "present", "ui", "report", "pages", "app", "streamlit"},
    "analysis": {"streamlit", "present", "ui", "report", "pages", "app"},
    "present": {"streamlit", "ui", "report", "pages", "app"},
    "report": {"streamlit", "ui", "pages", "app"},
    "ui": {"report", "pages", "app"},
    "pages": {"pages", "app"},  # pages are run by st.navigation, never imported
}


def _python_files() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py")
                  if not any(part in SKIP_DIRS or part.startswith(".") for part in p.relative_to(ROOT).parts))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[int, str, list[str]]]:
    """(line, imported module, names imported from it) of every executed import in ``tree``."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import: resolve against this module's package
                pkg = module.split(".") if is_package else module.split(".")[:-1]
                pkg = pkg[: len(pkg) - (node.level - 1)]
                base = ".".join([*pkg, base] if base else pkg)
            yield node.lineno, base, [a.name for a in node.names]
        stack.extend(ast.iter_child_nodes(node))


@lru_cache(maxsize=1)
def _graph() -> tuple[dict[str, set[str]], list[tuple[str, int, str]]]:
    """Module graph between the application's own modules, and every (module, line, import) seen."""
    files = {_module_name(p): p for p in _python_files()}
    edges: dict[str, set[str]] = {m: set() for m in files}
    seen: list[tuple[str, int, str]] = []
    for mod, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, target, names in _imports(tree, mod, path.name == "__init__.py"):
            seen.append((mod, line, target))
            # ``from pkg import sub`` imports the submodule pkg.sub when there is one.
            subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in files]
            for t in subs or ([target] if target in files else []):
                if t != mod:
                    edges[mod].add(t)
            seen.extend((mod, line, s) for s in subs)
    return edges, seen


def _floor(module: str) -> str:
    return module.split(".")[0]


def test_the_walk_sees_the_whole_application():
    mods = {_module_name(p) for p in _python_files()}
    assert {"app", "data.findings.store", "analysis.compare", "present.strings", "ui.state"} <= mods
    assert not any(m.startswith("tests") for m in mods)
    _, seen = _graph()
    assert ("data.demo", "data.suppression_rules") in {(m, t) for m, _, t in seen}


@pytest.mark.parametrize("floor", sorted(FORBIDDEN))
def test_no_import_runs_up_a_floor(floor):
    _, seen = _graph()
    bad = [f"{m} (line {line}) imports {t}" for m, line, t in seen
           if _floor(m) == floor and _floor(t) in FORBIDDEN[floor]]
    assert not bad, f"{floor}/ imports from a floor above or beside it:\n" + "\n".join(bad)


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(edges.get(nxt, ())))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    comp.append(m)
                    if m == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_modules():
    edges, _ = _graph()
    cycles = _cycles(edges)
    assert not cycles, "Import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)
