"""The spine chart's numbers: every uttrekk indicator of a kommune against the spread of all kommuner.

Method (the spine chart of Public Health England's *Fingertips* profiles, PHE 2017, «Fingertips
technical guidance: spine charts»): per indicator the distribution of the pooled three-year figures
of all kommuner (nationally, or only the kommuner of the fylke) is summarised by its minimum, 25th and
75th percentiles and maximum (``numpy.percentile``, linear interpolation = Hyndman & Fan 1996 type 7).
The benchmark (national or fylke figure) sits at the centre; every value is placed on a common scale

    position = s · (value − benchmark) / h,   h = max |x − benchmark| over the range and the marks,

where ``s`` is the catalogue direction (+1 higher is better, −1 lower is better; neutral indicators
count as +1), so «better» is always to the right and every position lies in [−1, 1].

The kommune's verdict is the one pooled comparison the app uses everywhere (``analysis.overview``:
pupils pooled over the window by ``analysis.intervals.pooled_window``, the difference from the
benchmark by ``analysis.compare.compare_to_benchmark``; MOVER with the benchmark's own uncertainty).

References
----------
Public Health England (2017). Fingertips: technical guidance, «Spine chart».
Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages. *Am. Stat.* 50(4), 361-365.
Zou, G. Y. & Donner, A. (2008). Construction of confidence limits about effect measures. *Stat. Med.* 27.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.compare import compare_to_benchmark
from analysis.intervals import pooled_window
from analysis.overview import INDICATOR_KEYS, overview_pooled, uttrekk_keys
from data.catalogue import INDICATORS

Benchmark = Literal["nasjonalt", "fylke"]
BENCHMARKS: tuple[str, ...] = ("nasjonalt", "fylke")


def kommune_distribution(figures: pd.DataFrame, periods: list[str], fylke_id: str | None = None) -> pd.DataFrame:
    """Min, 25th and 75th percentiles (type 7) and max of the pooled figures of all kommuner.

    Parameters
    ----------
    figures : the canonical frame.
    periods : the school years pooled (the uttrekk window).
    fylke_id : only the kommuner of this fylke; ``None`` for the whole nation.

    Returns
    -------
    One row per uttrekk indicator (indicator, subject, trinn) with ``range_min``, ``range_q25``,
    ``range_q75``, ``range_max`` and ``range_count`` (kommuner with a published pooled figure).
    Kommuner whose figure is suppressed in every year of the window do not count.
    """
    keys = uttrekk_keys()
    mask = (
        (figures["level"] == "kommune") & figures["period"].isin(periods)
        & figures["indicator"].isin(keys["indicator"].unique()) & (figures["kjonn"] == "alle")
    )
    if fylke_id is not None:
        mask &= figures["fylke_id"] == fylke_id
    rows = figures.loc[mask].copy()
    for col in ("level", "unit_id", "indicator", "subject", "period", "kjonn"):
        rows[col] = rows[col].astype(str)
    rows["trinn"] = rows["trinn"].astype(int)
    rows = rows.merge(keys[INDICATOR_KEYS], on=INDICATOR_KEYS, how="inner")
    pooled = pooled_window(rows, periods, by=["unit_id"] + INDICATOR_KEYS + ["kjonn"])
    pooled = pooled[~pooled["suppressed"] & pooled["estimate"].notna()]
    out = []
    for key, g in pooled.groupby(INDICATOR_KEYS, sort=False):
        v = g["estimate"].to_numpy(float)
        q = np.percentile(v, [0, 25, 75, 100])
        out.append(dict(zip(INDICATOR_KEYS, key), range_min=q[0], range_q25=q[1], range_q75=q[2],
                        range_max=q[3], range_count=len(v)))
    cols = INDICATOR_KEYS + ["range_min", "range_q25", "range_q75", "range_max", "range_count"]
    return pd.DataFrame(out, columns=cols)


def _direction(indicator: str) -> int:
    d = INDICATORS[indicator].direction if indicator in INDICATORS else 0
    return -1 if d < 0 else 1


def _with_verdict(pooled: pd.DataFrame, benchmark: Benchmark) -> pd.DataFrame:
    """The kommune's verdict against the chosen benchmark (the national one is already in ``pooled``)."""
    out = pooled.copy()
    if benchmark == "nasjonalt":
        out["benchmark_value"] = out["nasjonalt_estimate"]
        out["second_value"] = out["fylke_estimate"].where(~out["fylke_suppressed"].fillna(False).astype(bool))
        return out
    out = out.drop(columns=["difference", "diff_lower", "diff_upper", "classification", "classification_label"],
                   errors="ignore")
    out["benchmark_value"] = out["fylke_estimate"]
    out = compare_to_benchmark(out, benchmark_value_col="fylke_estimate", benchmark_lower_col="fylke_lower",
                               benchmark_upper_col="fylke_upper")
    out["second_value"] = out["nasjonalt_estimate"]
    return out


def spine_table(figures: pd.DataFrame, kommune_ids: list[str], fylke_id: str, periods: list[str],
                benchmark: Benchmark = "nasjonalt", *, pooled: pd.DataFrame | None = None,
                distribution: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per uttrekk indicator: the spine chart's range, marks, verdict and standardised positions.

    Parameters
    ----------
    figures : the canonical frame.
    kommune_ids : the kommune's numbers (current first, then old numbers of a merger).
    fylke_id : the kommune's fylke.
    periods : the window pooled (the last three school years).
    benchmark : ``"nasjonalt"`` (range of all kommuner, centred on the national figure) or ``"fylke"``
        (range of the fylke's kommuner, centred on the fylke figure, verdict against the fylke).
    pooled, distribution : optional, already computed for exactly these arguments:
        ``overview_pooled(figures, kommune_ids, fylke_id, periods)`` and
        ``kommune_distribution(figures, periods, fylke_id if benchmark == "fylke" else None)``
        (callers that cache them per data version; the national distribution is the same for every kommune).

    Returns
    -------
    The columns of ``overview_pooled`` (``estimate``, ``lower``, ``upper``, ``n``, ``suppressed``,
    ``classification`` ...) plus ``benchmark``, ``benchmark_value``, ``second_value`` (the fylke when the
    benchmark is national, else the nation), ``direction`` (+1/−1), the range columns of
    ``kommune_distribution`` and positions ``pos_worst``, ``pos_q_worst``, ``pos_q_best``, ``pos_best``,
    ``pos_kommune``, ``pos_second`` on the common scale (better to the right, within [−1, 1]).
    """
    if benchmark not in BENCHMARKS:
        raise ValueError(f"Ukjent sammenligning: {benchmark!r} (velg {', '.join(BENCHMARKS)}).")
    if pooled is None:
        pooled = overview_pooled(figures, kommune_ids, fylke_id, periods)
    if pooled.empty:
        return pooled
    out = _with_verdict(pooled, benchmark)
    dist = distribution if distribution is not None else kommune_distribution(
        figures, periods, fylke_id if benchmark == "fylke" else None)
    out = out.merge(dist, on=INDICATOR_KEYS, how="left")
    out["benchmark"] = benchmark
    out["direction"] = [_direction(str(i)) for i in out["indicator"]]
    return add_positions(out).sort_values("order").reset_index(drop=True)


def add_positions(out: pd.DataFrame) -> pd.DataFrame:
    """Standardised positions (see the module docstring); NaN where a value is missing."""
    out = out.copy()
    b = out["benchmark_value"].to_numpy(float)
    s = out["direction"].to_numpy(float)
    cols = ["range_min", "range_max", "estimate", "second_value"]
    dev = np.column_stack([np.abs(out[c].to_numpy(float) - b) for c in cols])
    h = np.nanmax(np.where(np.isfinite(dev), dev, np.nan), axis=1) if len(out) else np.array([])
    h = np.where(np.isfinite(h) & (h > 0), h, 1.0)

    def pos(col: str) -> np.ndarray:
        return s * (out[col].to_numpy(float) - b) / h

    p_min, p_max = pos("range_min"), pos("range_max")
    p_q25, p_q75 = pos("range_q25"), pos("range_q75")
    out["pos_worst"] = np.fmin(p_min, p_max)
    out["pos_best"] = np.fmax(p_min, p_max)
    out["pos_q_worst"] = np.fmin(p_q25, p_q75)
    out["pos_q_best"] = np.fmax(p_q25, p_q75)
    out["pos_kommune"] = np.where(out["suppressed"].to_numpy(bool), np.nan, pos("estimate"))
    out["pos_second"] = pos("second_value")
    out["scale_halfwidth"] = h
    return out
