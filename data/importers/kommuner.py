"""Numbers of kommuner, fylker and schools in imported files: format, fylke consistency, orgnr mod-11.

- A kommune number is four digits, and its first two digits are the fylke it belongs to (Svalbard and Jan
  Mayen excepted): a row whose
  kommune number does not belong to the row's fylke refuses the file (a shifted column or a number that
  lost a digit, such as «123» read as 0123, shows up here).
- An organisasjonsnummer is nine digits whose last digit is the mod-11 control digit (Brønnøysund's rule,
  weights 3 2 7 6 5 4 3 2); an 8-digit number is never padded.
- Whether a kommune number existed in a school year is not checked here: Udir republishes earlier years
  under today's numbers, and the national crosswalk (``data/succession.py``) maps every number a file
  uses onto its current kommune when the data are read, so an old or a republished number is both fine.
"""

from __future__ import annotations

import numpy as np

from data.importers.errors import ImportFailure

_ORG_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
#: Svalbard (21xx) and Jan Mayen (22xx) are no fylke: Udir lists Svalbard's school under Troms (og Finnmark).
OUTSIDE_FYLKER = frozenset({"21", "22"})

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
