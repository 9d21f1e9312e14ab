"""The fødselsnummer guard: does a text hold something that looks like a Norwegian national identity number?

Used for findings (``data/findings/validation.py``) and for imported names and file names
(``data/importers/checks.py``). Before matching, the text is normalised so that tricks do not hide a
number: zero-width characters, soft hyphens and word joiners are removed, and the digits may be
separated by spaces (also NBSP and newlines), dots, hyphens and dashes (also ``--``), slashes or
underscores, in the groupings people write: 11 digits, 6 + 5, ``dd.mm.yy nnnnn``, ``dd mm yy nnnnn``,
6 + 3 + 2. A match counts when the first six digits are a plausible date (fødselsnummer, D-nummer with
day + 40, H-nummer with month + 40, synthetic numbers with month + 80) or the two control digits are
valid (the mod-11 rule of Skatteetaten).
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
_SEP = r"(?:[\s.\-_/\u00a0\u2010-\u2015\u2212]{1,3})?"
_FNR_RE = re.compile(rf"(?<!\d)(\d{{2}}){_SEP}(\d{{2}}){_SEP}(\d{{2}}){_SEP}(\d{{3}}){_SEP}(\d{{2}})(?!\d)")
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def checksum_ok(digits: str) -> bool:
    d = [int(c) for c in digits]
    k1 = 11 - sum(w * x for w, x in zip(_W1, d[:9])) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10 or k1 != d[9]:
        return False
    k2 = 11 - sum(w * x for w, x in zip(_W2, d[:10])) % 11
    k2 = 0 if k2 == 11 else k2
    return k2 != 10 and k2 == d[10]


def date_plausible(digits: str) -> bool:
    day, month = int(digits[0:2]), int(digits[2:4])
    if day > 40:  # D-nummer: day + 40
        day -= 40
    if month > 80:  # synthetic/test numbers: month + 80
        month -= 80
    elif month > 40:  # H-nummer: month + 40
        month -= 40
    return 1 <= day <= 31 and 1 <= month <= 12


def looks_like_fodselsnummer(text: str) -> bool:
    """True when ``text`` holds an 11-digit number (in any of the groupings above) that could be a person's."""
    s = _INVISIBLE.sub("", str(text or ""))
    for m in _FNR_RE.finditer(s):
        digits = "".join(m.groups())
        if date_plausible(digits) or checksum_ok(digits):
            return True
    return False
