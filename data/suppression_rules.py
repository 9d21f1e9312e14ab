"""Suppression (prikking) of small groups: the rules every producer of figures applies.

The thresholds come from the one table in ``data.catalogue`` (``suppression_min_n``). This module sits
in ``data/`` because the demo generator (``data.demo``) and the importers publish figures exactly as
the sources do; ``analysis.suppression`` re-exports it for the statistics side. See
docs/methods.md («Suppression») for the rules and their sources.

Rules
-----
- Primary: a figure behind fewer pupils than the source's threshold is not published (marker ``*``).
- Secondary (komplementær prikking): where a parent figure minus its published children would reveal
  the children that are hidden, i.e. the residual ``N_parent − Σ n_published_children`` is between 1 and
  threshold − 1 pupils, the published child with the fewest pupils is suppressed as well, until the
  residual reaches the threshold (or no published child is left, then the parent is suppressed).
  Applied to schools within a kommune and to jenter/gutter within "alle".

References
----------
Hundepool, A., Domingo-Ferrer, J., Franconi, L., Giessing, S., Nordholt, E. S., Spicer, K. and
de Wolf, P.-P. (2012). *Statistical Disclosure Control*. Wiley. The chapters on tabular data: the
threshold (minimum frequency) rule and secondary cell suppression.
Udir's practice in statistikkbanken: figures behind too few pupils are shown as ``*``; for
Elevundersøkelsen since 2023 also the figures from which a suppressed one could be derived.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from data.catalogue import INDICATORS, MARKER_SUPPRESSED, suppression_min_n

_KEYS = ("indicator", "subject", "trinn", "kjonn", "period")


def suppression_threshold(indicator: pd.Series) -> np.ndarray:
    """Per-row smallest publishable n from ``data.catalogue.suppression_min_n`` (vectorised).

    Unknown indicators get the strictest threshold in the table, so they are never under-protected.

    Parameters
    ----------
    indicator : Series
        Indicator codes (categorical or text).

    Returns
    -------
    ndarray
        The threshold per row, as float.
    """
    cat = indicator if isinstance(indicator.dtype, pd.CategoricalDtype) else indicator.astype(str).astype("category")
    strictest = max(suppression_min_n(c) for c in INDICATORS)
    table = np.array([suppression_min_n(str(c)) if str(c) in INDICATORS else strictest
                      for c in cat.cat.categories] + [strictest], dtype=float)
    return table[cat.cat.codes.to_numpy()]


def _clear(out: pd.DataFrame, mask: np.ndarray) -> None:
    """Suppress rows in place: no value, n or sd; marker '*'."""
    if not mask.any():
        return
    for col in ("value", "n", "sd"):
        if col in out.columns:
            out.loc[mask, col] = np.nan
    out["suppressed"] = out["suppressed"].to_numpy(dtype=bool) | mask
    if "marker" in out.columns:
        marker = out["marker"].astype(object).to_numpy().copy()
        marker[mask] = MARKER_SUPPRESSED
        out["marker"] = pd.Categorical(marker)


def apply_suppression(df: pd.DataFrame) -> pd.DataFrame:
    """Primary suppression: rows with ``n`` below the catalogue threshold become suppressed.

    Value, n and sd are cleared and the marker set to ``*``; rows already suppressed stay so.
    Rows with unknown ``n`` are left as they are (the source decided). Returns a copy.

    Parameters
    ----------
    df : DataFrame
        Canonical rows.

    Returns
    -------
    DataFrame
        A copy with ``suppressed``, ``value``, ``n``, ``sd`` and ``marker`` set by the threshold rule.

    References
    ----------
    Hundepool et al. (2012), Statistical Disclosure Control, the threshold rule (see the module docstring).
    """
    out = df.copy()
    if "suppressed" not in out.columns:
        out["suppressed"] = False
    n = out["n"].to_numpy(dtype=float, na_value=np.nan)
    small = np.isfinite(n) & (n < suppression_threshold(out["indicator"]))
    _clear(out, small | out["suppressed"].to_numpy(dtype=bool))
    return out


def reveals_suppressed(parent_n, published_children_n_sum, threshold) -> np.ndarray:
    """True where ``parent − published children`` leaves 1 … threshold−1 pupils (a hidden group shown).

    Parameters
    ----------
    parent_n : array_like
        Pupils behind the parent figure (the kommune, or «alle»).
    published_children_n_sum : array_like
        Pupils behind its published children.
    threshold : array_like
        Smallest publishable n.

    Returns
    -------
    ndarray of bool
    """
    resid = np.asarray(parent_n, dtype=float) - np.asarray(published_children_n_sum, dtype=float)
    return (resid > 0.5) & (resid < np.asarray(threshold, dtype=float))


def _int_codes(*series: pd.Series) -> list[np.ndarray]:
    """Integer codes for several columns over one shared vocabulary (so unit_id and kommune_id agree).

    Works through the categories of categorical columns (no per-row string conversion).
    """
    cats = []
    for ser in series:
        c = ser if isinstance(ser.dtype, pd.CategoricalDtype) else ser.astype(object).astype("category")
        cats.append(c)
    vocab = pd.Index(pd.unique(np.concatenate([np.asarray(c.cat.categories.astype(object), dtype=object)
                                               for c in cats]).astype(str)))
    out = []
    for c in cats:
        table = np.append(vocab.get_indexer(np.asarray(c.cat.categories.astype(object)).astype(str)), -1)
        out.append(table[c.cat.codes.to_numpy()])
    return out


def _vocab(ser: pd.Series) -> list[str]:
    """The shared-vocabulary names behind ``_int_codes`` for a single column."""
    c = ser if isinstance(ser.dtype, pd.CategoricalDtype) else ser.astype(object).astype("category")
    return list(pd.unique(np.asarray(c.cat.categories.astype(object)).astype(str)))


def _secondary(supp: np.ndarray, n_all: np.ndarray, thr_all: np.ndarray, parent_mask: np.ndarray,
               child_mask: np.ndarray, parent_key: list[np.ndarray], child_key: list[np.ndarray]) -> np.ndarray:
    """Secondary suppression for one parent/child relation, updating ``supp`` in place.

    ``parent_key``/``child_key`` are integer-coded arrays over all rows. Returns rows newly suppressed.
    """
    newly = np.zeros(len(supp), dtype=bool)
    if not parent_mask.any() or not child_mask.any():
        return newly
    parent_pos = np.flatnonzero(parent_mask)
    child_pos = np.flatnonzero(child_mask)
    pk = pd.MultiIndex.from_arrays([k[parent_pos] for k in parent_key])
    ck = pd.MultiIndex.from_arrays([k[child_pos] for k in child_key])
    if not pk.is_unique:
        keep = ~pk.duplicated()
        pk, parent_pos = pk[keep], parent_pos[keep]
    gid = pk.get_indexer(ck)
    has_parent = gid >= 0
    child_pos, gid = child_pos[has_parent], gid[has_parent]
    if len(child_pos) == 0:
        return newly
    thr = thr_all[parent_pos]
    p_n = n_all[parent_pos]
    c_n = n_all[child_pos]
    for _ in range(256):
        p_pub = ~supp[parent_pos] & np.isfinite(p_n)
        c_pub = ~supp[child_pos] & np.isfinite(c_n)
        pub_sum = np.bincount(gid, weights=np.where(c_pub, c_n, 0.0), minlength=len(parent_pos))
        bad = p_pub & reveals_suppressed(p_n, pub_sum, thr)
        if not bad.any():
            break
        # For each bad group, the published child with the fewest pupils (ties: first row).
        cand = c_pub & bad[gid]
        groups_done = np.zeros(len(parent_pos), dtype=bool)
        act = np.zeros(len(supp), dtype=bool)
        if cand.any():
            order = np.lexsort((child_pos[cand], c_n[cand], gid[cand]))
            g_sorted = gid[cand][order]
            first = np.r_[True, g_sorted[1:] != g_sorted[:-1]]
            act[child_pos[cand][order][first]] = True
            groups_done[g_sorted[first]] = True
        # Groups that are bad but have no published child left: suppress the parent.
        act[parent_pos[bad & ~groups_done]] = True
        supp |= act
        newly |= act
    return newly


def complementary_suppression(
    df: pd.DataFrame, dimensions: Sequence[str] = ("skole", "kjonn"), primary: bool = True
) -> pd.DataFrame:
    """Secondary suppression so no published difference reveals a hidden figure.

    Method: ``dimensions`` lists the parent/child relations checked: ``"skole"`` (kommune figure vs its
    schools' figures, matched on kommune_id and indicator/subject/trinn/kjønn/period) and ``"kjonn"``
    ("alle" vs "jenter"/"gutter" of the same unit). While ``N_parent − Σ n_published_children`` is
    between 1 and threshold − 1, the published child with the fewest pupils is suppressed (ties: first
    row); if none is left, the parent is. Repeats until stable, since one relation can trigger another.
    Runs ``apply_suppression`` first when ``primary``. Adds ``secondary_suppressed`` (bool). Assumes the
    children together hold all of the parent's pupils; figures whose ``n`` is unknown cannot be checked.

    Parameters
    ----------
    df : DataFrame
        Canonical rows.
    dimensions : sequence of {"skole", "kjonn"}
        The parent/child relations to check.
    primary : bool
        Apply ``apply_suppression`` first.

    Returns
    -------
    DataFrame
        A copy, index reset, with the extra column ``secondary_suppressed``.

    References
    ----------
    Hundepool et al. (2012), Statistical Disclosure Control, secondary cell suppression (see the module
    docstring). docs/methods.md §8.
    """
    out = apply_suppression(df) if primary else df.copy()
    out = out.reset_index(drop=True)
    nrow = len(out)
    const = pd.Series(pd.Categorical(np.zeros(nrow, dtype=np.int8)))
    level_c = out["level"] if "level" in out.columns else const
    kjonn_c = out["kjonn"] if "kjonn" in out.columns else const
    (lev,) = _int_codes(level_c)
    (kjonn,) = _int_codes(kjonn_c)
    lev_names = np.asarray(pd.Index(_vocab(level_c)))
    kj_names = np.asarray(pd.Index(_vocab(kjonn_c)))
    level = np.append(lev_names, "")[lev]
    kjonn_s = np.append(kj_names, "")[kjonn]
    unit, kom = _int_codes(out["unit_id"], out["kommune_id"] if "kommune_id" in out.columns else out["unit_id"])
    base = [_int_codes(out[c])[0] for c in _KEYS if c in out.columns and c != "kjonn"]
    supp = out["suppressed"].to_numpy(dtype=bool).copy()
    n_all = out["n"].to_numpy(dtype=float, na_value=np.nan)
    thr_all = suppression_threshold(out["indicator"])
    newly_all = np.zeros(nrow, dtype=bool)
    for _ in range(32):
        changed = np.zeros(nrow, dtype=bool)
        if "skole" in dimensions:
            changed |= _secondary(supp, n_all, thr_all, level == "kommune", level == "skole",
                                  [unit, kjonn, *base], [kom, kjonn, *base])
        if "kjonn" in dimensions:
            changed |= _secondary(supp, n_all, thr_all, kjonn_s == "alle", np.isin(kjonn_s, ["jenter", "gutter"]),
                                  [lev, unit, *base], [lev, unit, *base])
        newly_all |= changed
        if not changed.any():
            break
    _clear(out, newly_all)
    out["secondary_suppressed"] = newly_all
    return out


__all__ = ["apply_suppression", "complementary_suppression", "reveals_suppressed", "suppression_threshold"]
