"""What the active data hold for a kommune's uttrekk indicators, and which export brings what is missing.

For each uttrekk indicator (``data.catalogue.UTTREKK_SET``): the school years with a kommune figure
(published or suppressed) for the kommune (any of its numbers), a stand-in the imported data can show
instead (skalapoeng from nasjonale prøver where the mestringsnivå shares are missing), and the key of the
one-line hint naming the statistikkbank report and the choice to make there (``present/strings.py``,
``coverage.export.*``). Streamlit-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from data.catalogue import UTTREKK_SET
from data.schema import sorted_periods

# Figures that can stand in for a missing uttrekk indicator (same subject and trinn).
STAND_INS: dict[str, str] = {"np_mestring_1": "np_skalapoeng"}


def possible_keys() -> list[tuple[str, str, int]]:
    """Every (indicator, subject, trinn) ``shown_keys`` can return: the uttrekk set, then each stand-in."""
    return list(UTTREKK_SET) + [(STAND_INS[i], s, t) for i, s, t in UTTREKK_SET if i in STAND_INS]


@dataclass(frozen=True)
class Coverage:
    """One uttrekk indicator for one kommune."""

    indicator: str
    subject: str
    trinn: int
    periods: tuple[str, ...]  # school years with a kommune figure (published or suppressed)
    stand_in: str | None  # indicator code shown instead, when this one is missing and the stand-in is not
    stand_in_periods: tuple[str, ...]

    @property
    def present(self) -> bool:
        return bool(self.periods)

    @property
    def export_key(self) -> str:
        """Key of the hint naming the export that brings this indicator."""
        if self.indicator == "np_mestring_1":
            return "coverage.export.np_mestring_5" if self.trinn == 5 else "coverage.export.np_mestring_8"
        if self.indicator.startswith("eu_"):
            return "coverage.export.eu_mobbing" if self.indicator == "eu_mobbing" else "coverage.export.eu_index"
        return f"coverage.export.{self.indicator}"


def _periods(kom: pd.DataFrame, indicator: str, subject: str, trinn: int) -> tuple[str, ...]:
    sel = kom[(kom["indicator"] == indicator) & (kom["subject"] == subject) & (kom["trinn"] == trinn)]
    has = sel[sel["value"].notna() | sel["suppressed"]]
    return tuple(sorted_periods(has["period"].unique()))


def uttrekk_coverage(figures: pd.DataFrame, kommune_ids: Sequence[str]) -> list[Coverage]:
    """Coverage of every uttrekk indicator for the kommune (``kommune_ids``: its number and predecessors)."""
    ids = [str(k) for k in kommune_ids]
    mask = (figures["level"] == "kommune").to_numpy() & figures["unit_id"].isin(ids).to_numpy() & \
        (figures["kjonn"] == "alle").to_numpy()
    kom = figures.loc[mask, ["indicator", "subject", "trinn", "period", "value", "suppressed"]].copy()
    for col in ("indicator", "subject", "period"):
        kom[col] = kom[col].astype(str)
    kom = kom[kom["trinn"].notna()]
    kom["trinn"] = kom["trinn"].astype(int)
    out = []
    for indicator, subject, trinn in UTTREKK_SET:
        periods = _periods(kom, indicator, subject, trinn)
        stand_in, stand_periods = None, ()
        if not periods and indicator in STAND_INS:
            found = _periods(kom, STAND_INS[indicator], subject, trinn)
            if found:
                stand_in, stand_periods = STAND_INS[indicator], found
        out.append(Coverage(indicator, subject, trinn, periods, stand_in, stand_periods))
    return out


def import_summary(figures: pd.DataFrame) -> dict[str, object]:
    """What a set of imported figures makes possible: kommuner, schools, school years, indicators, and how
    many of the uttrekk indicators they hold for at least one kommune (for the Data page's save message)."""
    kom = figures[figures["level"] == "kommune"]
    sch = figures[figures["level"] == "skole"]
    keys = {(str(i), str(s), int(t)) for i, s, t in kom[["indicator", "subject", "trinn"]].dropna().itertuples(
        index=False)}
    return {
        "kommuner": int(kom["unit_id"].nunique()), "skoler": int(sch["unit_id"].nunique()),
        "periods": sorted_periods(figures["period"].astype(str).unique()),
        "indicators": sorted(figures["indicator"].astype(str).unique()),
        "uttrekk_present": sum(1 for k in UTTREKK_SET if k in keys), "uttrekk_total": len(UTTREKK_SET),
        "has_n": bool(figures["n"].notna().any()),
    }


def shown_keys(coverage: Sequence[Coverage]) -> list[tuple[str, str, int]]:
    """(indicator, subject, trinn) to show, in uttrekk order: each uttrekk indicator, or its stand-in."""
    return [((c.stand_in or c.indicator), c.subject, c.trinn) for c in coverage]
