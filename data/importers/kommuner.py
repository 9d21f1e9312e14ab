"""Numbers of kommuner, fylker and schools in imported files: format, fylke consistency, orgnr mod-11.

- A kommune number is four digits, and its first two digits are the fylke it belongs to (Svalbard and Jan
  Mayen excepted): a row whose
  kommune number does not belong to the row's fylke refuses the file (a shifted column or a number that
  lost a digit, such as «123» read as 0123, shows up here).
- An organisasjonsnummer is nine digits whose last digit is the mod-11 control digit (Brønnøysund's rule,
  weights 3 2 7 6 5 4 3 2); an 8-digit number is never padded.
- Whether a kommune number existed in a school year needs the national crosswalk (``data/succession.py``,
  being built in issue 11). ``KOMMUNE_VALID_IN_PERIOD`` is the hook: a function (kommune_id, period) ->
  bool, or None while no crosswalk is available; readers call ``kommune_unknown_in_period``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from data.importers.errors import ImportFailure

_ORG_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
#: Svalbard (21xx) and Jan Mayen (22xx) are no fylke: Udir lists Svalbard's school under Troms (og Finnmark).
OUTSIDE_FYLKER = frozenset({"21", "22"})

#: Hook for the national crosswalk: (kommune_id, period "2024-25") -> whether the number was valid then.
KOMMUNE_VALID_IN_PERIOD: Callable[[str, str], bool] | None = None


def orgnr_valid(text: object) -> bool:
    """Nine digits with a valid mod-11 control digit."""
    s = str(text)
    if len(s) != 9 or not s.isdigit():
        return False
    rest = sum(w * int(d) for w, d in zip(_ORG_WEIGHTS, s[:8])) % 11
    control = 0 if rest == 0 else 11 - rest
    return control != 10 and control == int(s[8])


def check_fylke_of_kommune(file_name: str, kommune: np.ndarray, fylke: np.ndarray, rows: np.ndarray,
                           lines: np.ndarray) -> None:
    """Refuse rows whose four-digit kommune number does not start with the row's fylke number."""
    kom = np.asarray(kommune, dtype=object)
    fyl = np.asarray(fylke, dtype=object)
    given = rows & ~np.isin(fyl, ["", "00", "0"])
    if not given.any():
        return
    prefix = np.array([str(k)[:2] for k in kom], dtype=object)
    bad = given & (prefix != fyl) & ~np.isin(prefix, list(OUTSIDE_FYLKER))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ImportFailure(file_name, f"Kommunenummer {kom[i]} hører ikke til fylke {fyl[i]} (de to første sifrene "
                            f"i kommunenummeret er fylket). {int(bad.sum())} rader er berørt; ingenting er importert. "
                            "Kontroller at kolonnene ikke er forskjøvet og at numrene har fire sifre.", int(lines[i]))


def kommune_unknown_in_period(kommune_ids: np.ndarray, periods: np.ndarray) -> np.ndarray | None:
    """Mask of (kommune, period) pairs the crosswalk says did not exist; None when no crosswalk is hooked in."""
    hook = KOMMUNE_VALID_IN_PERIOD
    if hook is None:
        return None
    pairs = {(str(k), str(p)) for k, p in zip(kommune_ids, periods)}
    valid = {pair: bool(hook(*pair)) for pair in pairs}
    return np.array([not valid[(str(k), str(p))] for k, p in zip(kommune_ids, periods)], dtype=bool)
