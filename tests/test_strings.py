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


# --- nynorsk: the second half of the table -----------------------------------------------------

def test_every_bokmal_key_has_nynorsk():
    """The merge-time check: bokmål keys still missing in NN are listed by name (scripts/missing_nn.py)."""
    from present.strings import missing_nn

    missing = missing_nn()
    assert not missing, (f"{len(missing)} keys have no nynorsk text in present/strings_nn.py "
                         "(run scripts/missing_nn.py):\n" + "\n".join(missing))


def test_nynorsk_has_no_key_bokmal_lacks():
    from present.strings import NN

    extra = sorted(set(NN) - set(NB))
    assert not extra, "keys in NN but not in NB (misspelt?):\n" + "\n".join(extra)


def test_nynorsk_texts_have_the_same_placeholders():
    from present.strings import NN

    bad = [f"{k}: nb {sorted(_fields(NB[k]))} nn {sorted(_fields(NN[k]))}"
           for k in NB if k in NN and _fields(NB[k]) != _fields(NN[k])]
    assert not bad, "placeholders differ between bokmål and nynorsk:\n" + "\n".join(bad)


def test_nynorsk_is_not_a_copy_of_bokmal():
    """A translation, not NB pasted in: most running texts differ, and typical bokmål words are gone."""
    import re

    from present.strings import NN

    long_keys = [k for k in NB if len(NB[k]) > 40]
    same = [k for k in long_keys if NN.get(k) == NB[k]]
    assert len(same) <= len(long_keys) // 20, f"{len(same)} long texts are identical in nb and nn: {same[:10]}"
    bokmal_only = re.compile(r"\b(ikke|hva|hvem|hvor|hvorfor|hvordan|skoler|skolene|elever|tallene|fra|bare|"
                             r"forskjell|noen|mye|flere|velg|navn|skjermet)\b", re.IGNORECASE)
    prose = {k: re.sub(r"\{[^}]*\}", "", v) for k, v in NN.items()}  # placeholders are code, not prose
    hits = [f"{k}: {m.group(0)!r} in {NN[k]!r}" for k in NN for m in [bokmal_only.search(prose[k])] if m]
    assert not hits, "bokmål words in the nynorsk table:\n" + "\n".join(hits)


def test_t_follows_the_active_language_per_context():
    from present.strings import NN, use_language

    with use_language("nn"):
        assert t("nav.skoler") == NN["nav.skoler"] == "Skular"
        assert t("uttrekk.title", kommune="Brekkestad") == "Kvifor er vi trekte ut? Brekkestad"
    assert t("nav.skoler") == NB["nav.skoler"]


def test_language_default_from_environment(monkeypatch):
    from data import language

    monkeypatch.setenv("UTFORDRINGSBILDE_LANG", "nn")
    assert language.default_language() == "nn" and t("nav.skoler") == "Skular"
    monkeypatch.setenv("UTFORDRINGSBILDE_LANG", "xx")
    assert language.default_language() == "nb"
    monkeypatch.delenv("UTFORDRINGSBILDE_LANG")
    assert t("nav.skoler") == "Skoler"


def test_language_is_per_thread_not_module_state():
    """Two sessions served at once by one process (two threads) keep their own language."""
    import threading

    from data.language import use_language

    seen: dict[str, list[str]] = {"nb": [], "nn": []}
    barrier = threading.Barrier(2)

    def session(lang: str) -> None:
        with use_language(lang):
            for _ in range(50):
                barrier.wait(timeout=5)
                seen[lang].append(t("nav.skoler"))

    threads = [threading.Thread(target=session, args=(lang,)) for lang in ("nb", "nn")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert set(seen["nb"]) == {"Skoler"} and set(seen["nn"]) == {"Skular"}


def test_indicator_and_vocabulary_names_in_nynorsk():
    from data.catalogue import INDICATOR_LABELS_NN, INDICATORS, indicator_label
    from data.findings import vocab
    from data.language import use_language

    assert set(INDICATOR_LABELS_NN) == set(INDICATORS), "every indicator needs a nynorsk name"
    with use_language("nn"):
        assert indicator_label("grunnskolepoeng", "", 10) == "Grunnskulepoeng, 10. trinn"
        assert indicator_label("np_mestring_1", "regning", 5) == "Del på meistringsnivå 1, rekning, 5. trinn"
        assert indicator_label("eu_stotte_larer", "", 7) == "Støtte frå læraren, 7. trinn"
        assert indicator_label("eu_mobbing").startswith("Mobbing på skulen")
        assert vocab.ROLES["veileder"] == "Rettleiar" and vocab.STATUSES["bekreftet"] == "Stadfesta"
        assert list(vocab.KINDS) == ["styrke", "utfordring", "hypotese", "sporsmal", "tiltakside"]
    assert indicator_label("grunnskolepoeng", "", 10) == "Grunnskolepoeng, 10. trinn"
    assert vocab.ROLES["veileder"] == "Veileder"


def test_missing_nn_script_lists_keys(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "missing_nn.py")], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "0 bokmål keys lack nynorsk" in out.stdout


def test_method_texts_of_the_lower_layers_read_in_nynorsk():
    """analysis/ writes its method texts in bokmål; ``tr`` (and ``t`` for inserted values) gives nynorsk."""
    import re

    from analysis import compare, intervals, peers, spread, trends, uttrekk
    from present.strings import tr, use_language

    texts = [intervals.METHOD_TEXT, compare.METHOD_TEXT_DIFFERENCE, compare.METHOD_TEXT_REST,
             spread.METHOD_TEXT_SPREAD, spread.METHOD_TEXT_FUNNEL, spread.METHOD_TEXT_OVERDISPERSION,
             spread.METHOD_TEXT_SHRINKAGE, trends.method_text(), *trends.VERDICT_LABELS.values(),
             *peers.CONTEXT_FEATURES.values(), *uttrekk.PARAM_NOTES.values(), uttrekk.DISCLAIMER,
             *uttrekk.RELIABILITY_LABELS.values(), compare.method_text(), compare.method_text(uncertain_benchmark=True)]
    bokmal_only = re.compile(r"\b(ikke|hva|hvor|hvordan|hvilke[nt]?|skoler|skolene|elever|tall|tallet|tallene|fra|"
                             r"bare|forskjell|noen|mer|andeler|enhet|enheter|regnes|brukes|vises|skjermede|kilden)\b")
    with use_language("nn"):
        left = [f"{bokmal_only.search(tr(x)).group(0)!r} in {tr(x)!r}" for x in texts if bokmal_only.search(tr(x))]
        assert not left, "bokmål left in translated method texts:\n" + "\n".join(left)
        line = t("common.method_line", method=compare.method_text())
        assert line.startswith("Metode for intervalla: Skilnad frå samanlikningstalet")
    assert tr(compare.method_text()) == compare.method_text()  # bokmål: unchanged


def test_no_module_rebinds_the_strings_function_t():
    """A local ``t = …`` (or a parameter ``t``) in a module that uses ``present.strings.t`` turns every
    ``t("key")`` of that scope into a crash (report/word.py once named a table ``t``)."""
    import ast

    from tests.test_layers import ROOT as root, _python_files

    bad = []
    for p in _python_files():  # the application's own modules (the layer test's walk)
        tree = ast.parse(p.read_text(encoding="utf-8"))
        if not any(isinstance(n, ast.ImportFrom) and any(a.name == "t" and a.asname is None for a in n.names)
                   for n in ast.walk(tree)):
            continue
        bad += [f"{p.relative_to(root)}:{n.lineno}" for n in ast.walk(tree)
                if (isinstance(n, ast.Name) and n.id == "t" and isinstance(n.ctx, ast.Store))
                or (isinstance(n, ast.arg) and n.arg == "t")]
    assert not bad, bad
