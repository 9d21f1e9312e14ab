"""Kommune succession: any kommune number valid in a year → today's (2024) number, names, reform events.

The table ``data/reference/kommune_succession.csv`` is derived by ``scripts/build_succession.py`` from FHI's
csdata crosswalk (MIT; numbers from SSB), see ``data/reference/README.md``. Rows
``border,orig_id,first_year,last_year,target_id,weight``: in the calendar years ``first_year..last_year``
the number ``orig_id`` was valid and its area belongs to ``target_id`` on the 2024 (or 2020) border. A
weight below 1 marks a split (Ålesund 1507 → Ålesund 1508 and Haram 1580 at 0.5 each); weights sum to 1
per number and year. Border 0 rows are single reform steps (the number(s) a number became right after
``last_year``), used to date and classify events.

School years: the numbers in use in school year ``2023-24`` are those valid in calendar year 2023 (Udir's
files before 2024-25 carry the 2020 numbers, later files the 2024 numbers). A number not valid in that year
is looked up in the next and then the previous year (a file published just after a reform); a number the
table does not know is taken to be a current number (identity), which is what the demo's fictional
numbers are, except the merger the demo registers with ``register``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

REFERENCE = Path(__file__).resolve().parent / "reference"
CURRENT_BORDER = 2024
_SUFFIX = re.compile(r"\s*\(\s*\d{4}\s*-\s*\d{4}\s*\)\s*$")
_extra: list[pd.DataFrame] = []
_extra_names: list[pd.DataFrame] = []


@dataclass(frozen=True)
class Event:
    """A change in a current kommune's history: the first calendar (school start) year under the new state."""

    year: int
    kind: str  # "sammenslåing", "deling" or "nytt nummer"
    predecessors: tuple[str, ...]  # numbers that ended the year before

    @property
    def period(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}"


def register(rows: pd.DataFrame, names: pd.DataFrame | None = None) -> None:
    """Add succession rows (same columns as the reference table; e.g. the demo's fictional merger) and,
    optionally, their names (columns of ``kommune_names.csv``)."""
    if names is not None:
        _extra_names.append(names.astype({"kommune_id": str}))
        _names.cache_clear()
        _name_index.cache_clear()
        _norwegian_forms.cache_clear()
    need = ["orig_id", "first_year", "last_year", "target_id", "weight"]
    frame = rows.copy()
    if "border" not in frame:
        frame["border"] = CURRENT_BORDER
    _extra.append(frame[["border", *need]].astype({"orig_id": str, "target_id": str}))
    _table.cache_clear()
    _lookup.cache_clear()
    _by_target.cache_clear()


@functools.lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    base = pd.read_csv(REFERENCE / "kommune_succession.csv", dtype={"orig_id": str, "target_id": str})
    return pd.concat([base, *_extra], ignore_index=True).drop_duplicates()


@functools.lru_cache(maxsize=1)
def _names() -> pd.DataFrame:
    base = pd.read_csv(REFERENCE / "kommune_names.csv", dtype={"kommune_id": str, "fylke_id": str})
    return pd.concat([base, *_extra_names], ignore_index=True).drop_duplicates()


@functools.lru_cache(maxsize=1)
def _lookup() -> dict[tuple[int, str], list[tuple[int, int, str, float]]]:
    out: dict[tuple[int, str], list[tuple[int, int, str, float]]] = {}
    for b, o, f, la, t, w in _table()[["border", "orig_id", "first_year", "last_year", "target_id", "weight"]].itertuples(
            index=False):
        out.setdefault((int(b), o), []).append((int(f), int(la), t, float(w)))
    return out


def _year(year_or_period) -> int:
    s = str(year_or_period)
    return int(s[:4])


def successors(kommune_id: str, year_or_period, border: int = CURRENT_BORDER) -> list[tuple[str, float]]:
    """The number(s) on the given border (2024 or 2020) that ``kommune_id`` as valid in that year became.

    ``year_or_period`` is a calendar year or a school year ``2023-24`` (its start year). Returns
    ``[(number, weight), …]`` sorted by number; one entry with weight 1 unless the kommune was later split.
    A number the table does not know (fictional, Svalbard) maps to itself.
    """
    code, year = str(kommune_id).zfill(4), _year(year_or_period)
    spans = _lookup().get((border, code))
    if not spans:
        return [(code, 1.0)]
    for y in (year, year + 1, year - 1):
        hit = sorted((t, w) for f, la, t, w in spans if f <= y <= la)
        if hit:
            return hit
    # Outside the table's years: the nearest known mapping (the latest after, the earliest before).
    edge = max(la for _, la, _, _ in spans) if year > max(la for _, la, _, _ in spans) else \
        min(f for f, _, _, _ in spans)
    return sorted({(t, w) for f, la, t, w in spans if f <= edge <= la})


def validity(kommune_id: str) -> tuple[int, int] | None:
    """(first, last) calendar year in which the number was in use since 1990; None for a number the table
    does not know. Today's numbers run to the table's horizon (2034)."""
    spans = _lookup().get((CURRENT_BORDER, str(kommune_id).zfill(4)))
    if not spans:
        return None
    return min(f for f, _, _, _ in spans), max(la for _, la, _, _ in spans)


def current_id(kommune_id: str, year_or_period) -> str | None:
    """Today's number when the whole kommune went into one kommune; None when it was split."""
    hit = successors(kommune_id, year_or_period)
    return hit[0][0] if len(hit) == 1 else None


def is_split(kommune_id: str, year_or_period) -> bool:
    """True when the kommune as valid in that year was later divided between several of today's kommuner."""
    return len(successors(kommune_id, year_or_period)) > 1


@functools.lru_cache(maxsize=1)
def _by_target() -> dict[str, list[tuple[str, int, int, float]]]:
    """Today's number -> [(orig, first, last, weight)] on the current border; built once."""
    out: dict[str, list[tuple[str, int, int, float]]] = {}
    for (border, orig), spans in _lookup().items():
        if border == CURRENT_BORDER:
            for f, la, t, w in spans:
                out.setdefault(t, []).append((orig, f, la, w))
    return out


def predecessors(current: str, year_or_period) -> list[tuple[str, float]]:
    """Numbers valid in that year whose area (share ``weight``) is in today's kommune ``current``."""
    year = _year(year_or_period)
    out = {(orig, w) for orig, f, la, w in _by_target().get(str(current), []) if f <= year <= la}
    return sorted(out) or [(str(current), 1.0)]


def events(current: str) -> list[Event]:
    """Mergers, splits and renumberings in the history of today's kommune ``current`` (oldest first).

    An event is dated to the first year after one or more predecessor numbers ended. ``deling`` when an
    ended number was divided between several numbers at that reform, ``sammenslåing`` when several
    numbers ended together, otherwise ``nytt nummer``.
    """
    ends: dict[int, list[tuple[str, float]]] = {}
    for orig, f, la, w in _by_target().get(str(current), []):
        if orig != current:
            ends.setdefault(la + 1, []).append((orig, w))
    out = []
    for year, ended in sorted(ends.items()):
        origs = tuple(sorted({o for o, _ in ended}))
        # Divided at this reform: the master table's next step (border 0) names several numbers.
        split = any(len(successors(o, year - 1, border=0)) > 1 for o in origs)
        kind = "deling" if split else ("sammenslåing" if len(origs) > 1 else "nytt nummer")
        out.append(Event(year, kind, origs))
    return out


def from_split(current: str) -> bool:
    """True when today's kommune came out of a split (Ålesund 1508 and Haram 1580 in 2024)."""
    return any(e.kind == "deling" for e in events(current))


def clean_name(name: str) -> str:
    """Display form of a name from a file: no «(2020 - 2023)» suffix, the Norwegian form of a multi-language
    name («Troms og Finnmark - Romsa ja Finnmárku - Tromssa ja Finmarkku (2020 - 2023)» → «Troms og Finnmark»).

    Known Sami-first kommune names («Guovdageaidnu - Kautokeino») come out in their Norwegian form.
    """
    text = _SUFFIX.sub("", str(name)).strip()
    if " - " not in text:
        return text
    parts = [p.strip() for p in text.split(" - ")]
    known = _norwegian_forms()
    return next((p for p in parts if p in known), parts[0])


@functools.lru_cache(maxsize=1)
def _norwegian_forms() -> frozenset[str]:
    names = _names()
    multi = names[names["official_name"].astype(str).str.contains(" - ")]
    return frozenset(multi["name"].astype(str))


def name(kommune_id: str, year_or_period=None) -> str | None:
    """Display name (Norwegian form, no period suffix) of a number; as valid in that year if given."""
    row = _name_row(str(kommune_id).zfill(4), year_or_period)
    return None if row is None else str(row["name"])


def official_name(kommune_id: str, year_or_period=None) -> str | None:
    """The full official name (all language forms), for table views and tooltips."""
    row = _name_row(str(kommune_id).zfill(4), year_or_period)
    return None if row is None else str(row["official_name"])


def fylke_of(kommune_id: str) -> tuple[str, str] | None:
    """(fylke number, fylke name) of today's kommune."""
    row = _name_row(str(kommune_id).zfill(4), None)
    return None if row is None else (str(row["fylke_id"]).zfill(2), str(row["fylke_name"]))


@functools.lru_cache(maxsize=1)
def _name_index() -> dict[str, list[dict]]:
    """kommune_id -> its name rows (dicts), oldest first; built once."""
    out: dict[str, list[dict]] = {}
    for row in _names().sort_values(["kommune_id", "first_year"]).to_dict("records"):
        out.setdefault(str(row["kommune_id"]), []).append(row)
    return out


def _name_row(code: str, year_or_period):
    rows = _name_index().get(code)
    if not rows:
        return None
    last = lambda r: 9999 if pd.isna(r["last_year"]) else r["last_year"]  # noqa: E731
    if year_or_period is not None:
        y = _year(year_or_period)
        hit = [r for r in rows if r["first_year"] <= y <= last(r)]
        if hit:
            return hit[-1]
    return max(rows, key=last)


def current_kommuner() -> pd.DataFrame:
    """Today's kommuner: kommune_id, name, official_name, fylke_id, fylke_name."""
    names = _names()
    cur = names[names["last_year"].isna()]
    return cur[["kommune_id", "name", "official_name", "fylke_id", "fylke_name"]].reset_index(drop=True)


def renumber(kommune_ids: pd.Series, periods: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Vectorised ``current_id`` over (number, school year) pairs: (today's number or "" for a split, is_split).

    Work is done once per distinct pair, so a million-row frame costs a few thousand look-ups.
    """
    pairs = pd.DataFrame({"k": kommune_ids.astype(str).to_numpy(), "p": periods.astype(str).to_numpy()})
    uniq = pairs.drop_duplicates()
    mapped = {(k, p): successors(k, p) for k, p in uniq.itertuples(index=False) if k}
    cur = [("" if not k else (m[0][0] if len(m := mapped[(k, p)]) == 1 else "")) for k, p in
           pairs.itertuples(index=False)]
    split = [bool(k) and len(mapped[(k, p)]) > 1 for k, p in pairs.itertuples(index=False)]
    return pd.Series(cur, index=kommune_ids.index), pd.Series(split, index=kommune_ids.index)
