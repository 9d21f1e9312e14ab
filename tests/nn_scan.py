"""Find the user-visible bokmål literals of the data layer and check that nynorsk covers them.

The data layer (``data/``) may not import ``present``, so its messages are written in bokmål and shown
through ``present.strings.tr``, which replaces the phrases of ``present/strings_nn_phrases.py``. This module
collects, with ``ast``, every literal (and every literal part of an f-string) that reaches a user:

- the arguments of the message-carrying calls (``ImportFailure``, ``refuse``, ``report.note``, the error
  classes, ...) and the arguments that are the «what» of a message-building helper;
- assignments to an ``errors[...]`` dict (validation messages per field) and to ``msg``;
- the values of ``SkipReason`` and of named message constants.

``uncovered(fragments)`` returns the fragments that the phrase table does not cover completely: after every
phrase it contains is taken out, a word is left that is not the same in both languages.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FILES = sorted(
    [*(ROOT / "data" / "importers").glob("*.py")]
    + [ROOT / "data" / p for p in ("schema.py", "access.py", "fnr.py")]
    # every findings module, new ones included (models.py raises only programming errors, never shown)
    + [f for f in (ROOT / "data" / "findings").glob("*.py") if f.name != "models.py"]
)

# Calls whose every literal argument is shown to a user.
CARRIERS = {"ImportFailure", "refuse", "note", "SchemaError", "FindingValidationError", "AccessDenied", "_Refusal",
            "DatabaseUnavailable", "_fail", "_bad", "Skip", "ValueError", "LookupError", "PermissionError"}
# Helpers whose n-th positional argument (0-based) is the «what» inside a message.
WHAT_ARGS = {"_check_free_text": 1, "_check_choice": 2, "_number": 1, "_period": 1, "_time": 1, "_parse_time": 1,
             "_check_score": 1}
# ... and the message form around that «what» («Ugyldig {what}: ...»): the field name is translated only in
# its own message, so the form is what must be covered. ``refuse``'s unit (argument 4) likewise.
WHAT_FORM = {"_check_free_text": "{} mangler.", "_check_choice": "Ugyldig {}: ", "_number": "{} mangler.",
             "_period": "Ugyldig {} ", "refuse": " {}. Grensen er ", "_check_score": "{} må være et helt tall fra "}
WHAT_ARGS["refuse"] = 4
# Named constants that are messages or are put into messages.
CONSTANTS = {"JSON_ERRORS", "SUPPORTED_TEXT", "FNR_MESSAGE", "DELIMITERS", "DISCLAIMER", "FORMAT_LABEL", "FORMAT_UNITS",
             "FORMAT_INDICATORS", "SOURCE", "SOURCE_NAME"}
# Assignment targets whose string value is a message.
MESSAGE_NAMES = {"msg", "message", "hint", "what"}

# Words that are the same in bokmål and nynorsk (or codes, units, names of formats and sources).
SAME_WORDS = set("""
og i er på for til med av eller som om at så men når mot inn ut opp per enn under over etter før ved bak
ny nytt nye tal du han ho den det der dei vi kan skal må har
mb byte csv json xlsx xls zip pdf rtf utf le be bom nul ssb udir eu api id fnr nr
skoleporten statistikkbanken klass klasse kommune fylke fylket kommunenummer organisasjonsnummer
skalapoeng trinn status rolle tema funn mål linje linjer kolonne data datasett datasettet
enhetnivaa enhetsnavn indikatornavn organisasjonsnummer kommunekode fylkekode region kontekst
json-stat json-stat2 jsonstat2 windows cr lf sep nasjonalt alle prosent poeng dataset class index size
dimension category value status label word wordpad excel administrator statsforvalter veileder
ugyldig rader rad kolonner celler celle ark felt fag type importert sekund kilde-id null liste objekt
funnet lang loddrett strek sjekkliste semikolon komma ferdig importerte utgangsverdien nedre grense øvre kompetansemiljøet oppfølgingsplanen
eksport-api kommunekontekst nedlasting verdi tabulator arket indikator indikatoren tema temaet teksten notatet målår målverdien ingen land bydel kontekst
""".split())
# Literals that are codes, not text (dict keys, JSON field names, column names of the canonical frame).
CODES = {"file", "format_version", "finding_id", "deleted", "item_key", "evidence", "title", "unit_name", "indicator",
         "period", "kjonn", "subject", "_line", "metadata", "rows", "text", "parentcode", "validfrom"}

_WORD = re.compile(r"[A-Za-zÆØÅæøåÉé][A-Za-zÆØÅæøåÉé0-9\-]*")


def _strings(node: ast.AST) -> list[str]:
    """The literal text parts inside an expression (constants and f-string parts), not nested calls to
    functions that are themselves scanned."""
    out: list[str] = []
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            out.append(n.value)
    return out


def _call_name(node: ast.Call) -> str | None:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _is_log_call(node: ast.Call) -> bool:
    f = node.func
    return isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in ("log", "logger", "logging")


def fragments_in(path: Path) -> list[tuple[int, str]]:
    """(line, fragment) of every user-visible literal in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []

    def add(node: ast.AST) -> None:
        found.extend((getattr(node, "lineno", 0), s) for s in _strings(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and not _is_log_call(node):
            name = _call_name(node)
            what = WHAT_ARGS.get(name, -1)
            if name in CARRIERS:
                for i, a in enumerate([*node.args, *(k.value for k in node.keywords)]):
                    if i != what:
                        add(a)
            if 0 <= what < len(node.args):
                form = WHAT_FORM.get(name, "{}")
                found.extend((node.lineno, form.format(s)) for s in _strings(node.args[what]))
            elif name == "__init__" and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call):
                for a in node.args:  # super().__init__("message") of an error class
                    add(a)
            elif (name == "__init__" and isinstance(node.func, ast.Attribute)
                  and isinstance(node.func.value, ast.Name) and node.func.value.id.endswith("Error")):
                for a in node.args[1:]:  # LookupError.__init__(self, "message")
                    add(a)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) \
                        and target.value.id == "errors":
                    add(node.value)
                elif isinstance(target, ast.Name) and (target.id in CONSTANTS or target.id in MESSAGE_NAMES):
                    for v in node.value.values if isinstance(node.value, ast.Dict) else [node.value]:
                        add(v)  # a table of messages: its values (the keys are codes or English originals)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id in MESSAGE_NAMES:
            add(node.value)
        elif (isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Subscript)
              and isinstance(node.target.value, ast.Attribute) and node.target.value.attr == "units_unknown"):
            add(node.target.slice)  # report.units_unknown[f"Kolonne «{...}»"] += 1
        elif isinstance(node, ast.ClassDef) and node.name == "SkipReason":
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant):
                    add(stmt.value)
    return found


def all_fragments() -> list[tuple[str, int, str]]:
    """(file, line, fragment) over ``FILES``, only fragments with at least one word."""
    out = []
    for path in FILES:
        for line, frag in fragments_in(path):
            if _WORD.search(frag) and frag not in CODES and not re.fullmatch(r"[a-z]+_[a-z_]+", frag):
                out.append((str(path.relative_to(ROOT)), line, frag))
    return out


def residue(fragment: str) -> list[str]:
    """The words of ``fragment`` that no nynorsk phrase covers and that differ between the languages."""
    from present.strings import _phrases

    rest = re.sub(r"\{[^}]*\}", "\x00", fragment)  # a str.format placeholder is a value
    for nb, _ in _phrases():
        if nb in rest:
            rest = rest.replace(nb, "\x00")
    return [w for w in _WORD.findall(rest) if w.lower() not in SAME_WORDS and not w.isupper()
            and not any(c.isdigit() for c in w)]


def uncovered(fragments=None) -> list[str]:
    """«file:line: 'fragment' -> words» for every fragment nynorsk does not cover."""
    fragments = all_fragments() if fragments is None else fragments
    out = []
    from present.strings_nn_messages import WHAT_FORMS

    for file, line, frag in fragments:
        left = residue(frag)
        if left and any(not residue(form.format(frag)) for form in WHAT_FORMS):
            continue  # a field name (FNR_MESSAGE.format(what="Et tema")): covered within its messages
        if left:
            out.append(f"{file}:{line}: {frag!r} -> {left}")
    return out
