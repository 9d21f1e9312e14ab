"""The active UI language (bokmål ``nb`` or nynorsk ``nn``), per user session, not per process.

The lowest layer holds it so every layer can pick its texts without importing upwards: the strings
table (``present.strings.t``), the indicator names in ``data.catalogue`` and the findings vocabulary.

Resolution order, first hit wins:

1. an explicit choice for the current context (``use_language("nn")`` or ``set_language``), a
   ``contextvars.ContextVar``: the report builder, the CLI and tests use it, and it never leaks to
   another thread or session;
2. the session's choice, read through a resolver the UI registers (``register_session_resolver``):
   Streamlit serves many sessions from one process, so the choice lives in each session's state;
3. the default from the environment variable ``UTFORDRINGSBILDE_LANG`` (``nb`` when unset or unknown).
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Callable, Iterator, Mapping

LANGUAGES: tuple[str, ...] = ("nb", "nn")
DEFAULT_LANGUAGE = "nb"
ENV_VAR = "UTFORDRINGSBILDE_LANG"

_explicit: contextvars.ContextVar[str | None] = contextvars.ContextVar("utfordringsbilde_language", default=None)
_session_resolver: Callable[[], str | None] | None = None


def normalise(lang: object) -> str | None:
    """'nn', 'NN', 'nno', 'nynorsk' -> 'nn'; 'nb', 'nob', 'no', 'bokmål' -> 'nb'; anything else None."""
    if not isinstance(lang, str):
        return None
    s = lang.strip().lower().replace("_", "-").split("-")[0]
    if s in ("nn", "nno", "nynorsk"):
        return "nn"
    if s in ("nb", "nob", "no", "bokmal", "bokmål"):
        return "nb"
    return None


def default_language() -> str:
    """The default from ``UTFORDRINGSBILDE_LANG`` (``nb`` when unset or unknown)."""
    return normalise(os.environ.get(ENV_VAR)) or DEFAULT_LANGUAGE


def register_session_resolver(resolver: Callable[[], str | None] | None) -> None:
    """Let the UI tell which language the current session chose (returns None outside a session)."""
    global _session_resolver
    _session_resolver = resolver


def active_language() -> str:
    """The language texts are produced in right now (see the module docstring for the order)."""
    explicit = _explicit.get()
    if explicit:
        return explicit
    if _session_resolver is not None:
        try:
            chosen = normalise(_session_resolver())
        except Exception:  # no session (a worker thread, a test): fall back to the default
            chosen = None
        if chosen:
            return chosen
    return default_language()


def set_language(lang: str | None) -> contextvars.Token:
    """Fix the language for the current context; ``None`` clears it. Returns the token for ``reset``."""
    return _explicit.set(normalise(lang) if lang is not None else None)


@contextlib.contextmanager
def use_language(lang: str) -> Iterator[str]:
    """``with use_language("nn"): ...`` produces every text inside in nynorsk."""
    norm = normalise(lang)
    if norm is None:
        raise ValueError(f"Ukjent språk: {lang!r}. Kjente: {', '.join(LANGUAGES)}")
    token = _explicit.set(norm)
    try:
        yield norm
    finally:
        _explicit.reset(token)


def pick(nb: str, nn: str | None) -> str:
    """``nn`` when nynorsk is active and a nynorsk text exists, else ``nb``."""
    return nn if nn and active_language() == "nn" else nb


class Labels(Mapping[str, str]):
    """A fixed code -> label table in both languages; lookups answer in the active language.

    Behaves like the plain ``dict`` it replaces (same keys, same order, ``in``, ``get``, ``items``),
    so stored codes stay the keys and every caller that shows ``LABELS[code]`` follows the session.
    """

    def __init__(self, nb: dict[str, str], nn: dict[str, str]):
        missing = set(nb) - set(nn)
        if missing or set(nn) - set(nb):
            raise ValueError(f"nb and nn labels differ: {sorted(missing ^ (set(nn) - set(nb)))}")
        self.nb, self.nn = dict(nb), dict(nn)

    def __getitem__(self, code: str) -> str:
        return pick(self.nb[code], self.nn.get(code))

    def __iter__(self) -> Iterator[str]:
        return iter(self.nb)

    def __len__(self) -> int:
        return len(self.nb)

    def __repr__(self) -> str:
        return f"Labels({self.nb!r})"
