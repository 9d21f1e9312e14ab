"""The UI strings module: one table, no duplicate keys, and every key the code asks for exists.

Static checks with ``ast`` (no page is run): a dict literal silently keeps the last of two equal keys,
and a misspelt key only fails when someone opens that page.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from present.strings import NB, t

ROOT = Path(__file__).resolve().parents[1]
STRINGS = ROOT / "present" / "strings.py"
ACCESSORS = {"t", "ft", "rt"}  # t is the accessor; ft/rt were the old per-module ones
SKIP_DIRS = {".venv", "var", "test-output", "__pycache__", "node_modules"}


def _nb_node() -> ast.Dict:
    tree = ast.parse(STRINGS.read_text(encoding="utf-8"))
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None)
        if isinstance(target, ast.Name) and target.id == "NB":
            assert isinstance(node.value, ast.Dict), "NB must be a dict literal"
            return node.value
    raise AssertionError("NB not found in present/strings.py")


def _python_files() -> list[Path]:
    return [p for p in ROOT.rglob("*.py")
            if not any(part in SKIP_DIRS or part.startswith(".") for part in p.relative_to(ROOT).parts)]


def _accessor_calls():
    """(file, line, first argument node, keyword names or None if **kwargs) of every t/ft/rt call."""
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name not in ACCESSORS:
                continue
            kw = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
            yield path.relative_to(ROOT), node.lineno, node.args[0], kw


def _fields(text: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(text) if f}


def test_nb_has_no_duplicate_keys():
    seen: dict[str, str] = {}
    clashes = []
    for k, v in zip(_nb_node().keys, _nb_node().values):
        assert isinstance(k, ast.Constant) and isinstance(k.value, str), f"line {k.lineno}: key is not a string"
        assert isinstance(v, ast.Constant) and isinstance(v.value, str), f"{k.value}: text is not a string literal"
        if k.value in seen:
            clashes.append(f"{k.value} (line {k.lineno}): {seen[k.value]!r} vs {v.value!r}")
        seen[k.value] = v.value
    assert not clashes, "duplicate keys in NB:\n" + "\n".join(clashes)
    assert len(seen) == len(NB)


def test_strings_module_imports_no_streamlit():
    """``report`` (no streamlit) imports present.strings; it must stay importable without streamlit."""
    tree = ast.parse(STRINGS.read_text(encoding="utf-8"))
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "streamlit" not in imported


def test_every_literal_key_exists_and_gets_its_placeholders():
    calls = list(_accessor_calls())
    assert len(calls) > 300, "the scan found too few t(...) calls; is the regex/AST walk broken?"
    missing, unfilled = [], []
    for path, line, arg, kw in calls:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            if arg.value not in NB:
                missing.append(f"{path}:{line}: {arg.value}")
            elif kw is not None and _fields(NB[arg.value]) - kw:
                unfilled.append(f"{path}:{line}: {arg.value} needs {sorted(_fields(NB[arg.value]) - kw)}")
    assert not missing, "keys used but not in present/strings.py NB:\n" + "\n".join(missing)
    assert not unfilled, "texts whose placeholders are not given:\n" + "\n".join(unfilled)


def test_every_fstring_key_prefix_exists():
    """``t(f"peers.class.{code}")``: at least one key must start with the literal prefix."""
    bad = []
    for path, line, arg, _ in _accessor_calls():
        if isinstance(arg, ast.JoinedStr):
            prefix = arg.values[0].value if arg.values and isinstance(arg.values[0], ast.Constant) else ""
            if not prefix or not any(k.startswith(prefix) for k in NB):
                bad.append(f"{path}:{line}: {prefix!r}")
    assert not bad, "dynamic keys with no matching prefix in NB:\n" + "\n".join(bad)


@pytest.mark.parametrize("key", ["data.too_big", "funn.title", "uttrekk.title", "nav.funn"])
def test_moved_texts_format_through_t(key):
    values = {f: 1 for f in _fields(NB[key])}
    out = t(key, **values)
    assert "{" not in out and out.strip()


def test_missing_key_names_the_key():
    key = "no.such.key"  # a variable, so the static scan above does not count it as used
    with pytest.raises(KeyError, match=key):
        t(key)
