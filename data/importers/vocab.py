"""The words exports use for school years, trinn, kjønn, subjects and fylker, mapped to canonical codes."""

from __future__ import annotations

import re
import unicodedata

from data.schema import make_period

_PERIOD_FORMS = [
    re.compile(r"^(\d{4})\s*[-/–]\s*(\d{4})$"),  # 2014-2015, 2014/2015
    re.compile(r"^(\d{4})\s*[-/–]\s*(\d{2})$"),  # 2014-15
    re.compile(r"^(\d{4})(\d{4})$"),  # 20142015 (Udir API SkoleAarID)
    re.compile(r"^(?:skoleåret|skoleår)\s+(\d{4})\s*[-/–]\s*(\d{2,4})$", re.IGNORECASE),
]


def parse_period(text: str) -> str | None:
    """'2014-2015', '2014-15', '2014/15', '20142015' -> '2014-15'; None when not a school year."""
    s = str(text).strip()
    for rx in _PERIOD_FORMS:
        m = rx.match(s)
        if m:
            start = int(m.group(1))
            end = m.group(2)
            end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
            if end_year != start + 1 or not 1990 <= start <= 2100:
                return None
            return make_period(start)
    return None


def parse_trinn(text: str) -> int | None:
    """'Trinn 5', '5. årstrinn', '8. trinn', '10' -> int; None otherwise."""
    s = str(text).strip().lower()
    m = re.match(r"^(?:trinn\s*(\d{1,2})|(\d{1,2})\.?\s*(?:års)?trinn|(\d{1,2}))$", s)
    if not m:
        return None
    value = int(next(g for g in m.groups() if g))
    return value if 1 <= value <= 13 else None


KJONN = {
    "begge kjønn": "alle", "alle kjønn": "alle", "alle": "alle", "totalt": "alle", "begge": "alle",
    "jenter": "jenter", "jente": "jenter", "kvinner": "jenter",
    "gutter": "gutter", "gutt": "gutter", "menn": "gutter",
}
SUBJECTS = {"engelsk": "engelsk", "lesing": "lesing", "regning": "regning"}
EIERFORM_ALL = {"alle eierformer"}
EIERFORM_WORDS = {"alle eierformer", "offentlig", "privat", "offentlige", "private"}


def parse_kjonn(text: str) -> str | None:
    return KJONN.get(str(text).strip().lower())


# Fylke numbers by name, per regional structure (SSB Klass 104). Names before ' - ' (Sami forms) and a
# trailing '(2020 - 2023)' are ignored when matching.
_FYLKER_BEFORE_2020 = {
    "østfold": "01", "akershus": "02", "oslo": "03", "hedmark": "04", "oppland": "05", "buskerud": "06",
    "vestfold": "07", "telemark": "08", "aust-agder": "09", "vest-agder": "10", "rogaland": "11",
    "hordaland": "12", "sogn og fjordane": "14", "møre og romsdal": "15", "sør-trøndelag": "16",
    "nord-trøndelag": "17", "nordland": "18", "troms": "19", "finnmark": "20", "trøndelag": "50",
}
_FYLKER_2020 = {
    "oslo": "03", "rogaland": "11", "møre og romsdal": "15", "nordland": "18", "viken": "30",
    "innlandet": "34", "vestfold og telemark": "38", "agder": "42", "vestland": "46", "trøndelag": "50",
    "troms og finnmark": "54",
}
_FYLKER_2024 = {
    "oslo": "03", "rogaland": "11", "møre og romsdal": "15", "nordland": "18", "østfold": "31",
    "akershus": "32", "buskerud": "33", "innlandet": "34", "vestfold": "39", "telemark": "40", "agder": "42",
    "vestland": "46", "trøndelag": "50", "troms": "55", "finnmark": "56",
}


def fylke_code(name: str, period_start: int | None) -> str | None:
    """Fylke number for a name as written in an export, in the structure of the school year."""
    key = re.sub(r"\s*\(\d{4}\s*-\s*\d{4}\)\s*$", "", str(name).strip())
    key = key.split(" - ")[0].strip().lower()
    year = period_start if period_start is not None else 2024
    tables = [_FYLKER_2024, _FYLKER_2020, _FYLKER_BEFORE_2020]
    if year < 2020:
        tables = [_FYLKER_BEFORE_2020, _FYLKER_2020, _FYLKER_2024]
    elif year < 2024:
        tables = [_FYLKER_2020, _FYLKER_2024, _FYLKER_BEFORE_2020]
    for table in tables:
        if key in table:
            return table[key]
    return None


def normalise_name(name: str) -> str:
    """Case-, space- and Unicode-normalised name for matching ('Auglend  Skole ' == 'auglend skole')."""
    s = unicodedata.normalize("NFC", str(name)).strip().casefold()
    return re.sub(r"\s+", " ", s)


def slug(name: str) -> str:
    """A stable id fragment from a name: normalised, spaces to '-'."""
    return normalise_name(name).replace(" ", "-")


def zfill_code(text, width: int) -> str:
    """Numbers whose leading zeros Excel dropped: 101 -> '0101'; '' stays ''."""
    s = str(text).strip() if text is not None else ""
    if s.endswith(".0") and s[:-2].isdigit():
        s = s[:-2]
    return s.zfill(width) if s.isdigit() else s


def schema_start_year(period: str) -> int:
    """'2020-21' -> 2020."""
    return int(str(period)[:4])
