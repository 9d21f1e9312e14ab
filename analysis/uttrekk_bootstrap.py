"""How sure is the uttrekk? A parametric bootstrap of the whole published rule (issue 12, item 3).

Method
------
Every counted, published figure in the window (school and kommune level) is redrawn from its
sampling distribution around the published value: shares as ``Binomial(n, p̂)/n``, means as
``Normal(x̂, σ/√n)`` with σ the figure's own pupil-level SD (else the catalogue's), and the draw is put
back on the published decimal grid (``analysis.rounding.on_grid``). The national limits are kept
fixed (national figures rest on every pupil in the country). Risk points, school and kommune shares,
the kommune ranking, the national top group of schools, each kommune's spread and both selection
routes are then recomputed exactly as ``analysis.uttrekk.compute`` does, for every replicate at once
(numpy arrays of replicates × figures; sums by sparse matrix products; ranks by ``scipy.stats.rankdata``).

From the replicates, per kommune: a percentile interval for its share of possible risk points and for
its rank, and P(drawn) (on level, on spread, either). Per figure, the probability that it gives risk
points, so the audit runs both ways: points given that may not hold, and points not given that may.

Limitations (said on the page): school and kommune figures are drawn independently (a kommune figure
is not rebuilt from its schools, since suppressed schools are unknown); figures without n are kept
fixed; the plug-in bootstrap is centred on the observed values, so P(drawn) is the probability that
the same rule would select the kommune again on a fresh draw of pupils like the observed ones, not
the probability that its «true» level is among the 30 highest.

References
----------
Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap, ch. 6 (parametric bootstrap)
and ch. 13 (percentile intervals).
Goldstein, H. & Spiegelhalter, D. J. (1996). League tables and their limitations: statistical issues in
comparisons of institutional performance. JRSS A 159, 385–443 (intervals for ranks by simulation).
Hall, P. & Miller, H. (2009). Using the bootstrap to quantify the authority of an empirical ranking.
Annals of Statistics 37, 3929–3959 (the bootstrap of ranks is inconsistent at ties; read rank
intervals as approximate).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import rankdata

from analysis.rounding import on_grid
from analysis.uttrekk import UttrekkResult
from data.catalogue import INDICATORS


@dataclass
class BootstrapResult:
    """Per-kommune and per-figure summaries of ``bootstrap_uttrekk``."""

    kommuner: pd.DataFrame
    figures: pd.DataFrame
    replicates: int
    conf: float
    seed: int


def _figure_arrays(obs: pd.DataFrame) -> dict:
    ind = obs["indicator"].astype(str)
    kind = ind.map(lambda c: INDICATORS[c].kind if c in INDICATORS else "mean").to_numpy()
    dec = ind.map(lambda c: INDICATORS[c].decimals if c in INDICATORS else 1).to_numpy(float)
    dsd = ind.map(lambda c: (INDICATORS[c].default_sd if c in INDICATORS else None) or np.nan).to_numpy(float)
    value = obs["value"].to_numpy(dtype=float, na_value=np.nan)
    n = obs["n"].to_numpy(dtype=float, na_value=np.nan)
    sd = obs["sd"].to_numpy(dtype=float, na_value=np.nan)
    sd = np.where(np.isfinite(sd), sd, dsd)
    published = (obs["raw_points"].notna() & obs["gap"].notna()).to_numpy()
    value = np.where(published, value, np.nan)
    drawable = published & np.isfinite(n) & (n > 0) & np.isfinite(value)
    share = drawable & (kind == "share")
    mean = drawable & (kind == "mean") & np.isfinite(sd)
    return {
        "value": value, "n": np.where(np.isfinite(n), n, 0).astype(np.int64), "sd": sd, "dec": dec,
        "share": share, "mean": mean, "published": published,
        "direction": obs["direction"].to_numpy(float), "weight": obs["weight"].to_numpy(float),
        "national": on_grid(obs["national"].to_numpy(float), dec),
        "absolute": on_grid(obs["absolute"].to_numpy(float), dec),
        "counted": obs["counted"].to_numpy(bool), "scale": 10.0 ** dec,
    }


def _ordered(a: dict) -> tuple[dict, np.ndarray]:
    """Reorder the figure arrays as shares, means, fixed; precompute the draw constants."""
    code = np.where(a["share"], 0, np.where(a["mean"], 1, 2))
    order = np.argsort(code, kind="stable")
    out = {k: (v[order] if isinstance(v, np.ndarray) else v) for k, v in a.items()}
    ns, nm = int(a["share"].sum()), int(a["mean"].sum())
    out["n_share"], out["n_mean"] = ns, nm
    out["scaled"] = out["value"] * out["scale"]
    out["p"] = np.clip(out["value"][:ns] / 100, 0, 1)
    out["share_step"] = 100 * out["scale"][:ns] / out["n"][:ns]
    sl = slice(ns, ns + nm)
    out["mean_step"] = out["scale"][sl] * out["sd"][sl] / np.sqrt(out["n"][sl])
    out["thr_abs"], out["thr_nat"] = _thresholds(out)
    return out, order


def _draw(a: dict, b: int, rng: np.random.Generator) -> np.ndarray:
    """b × m redrawn values in units of the published grid (value·10^decimals), unrounded.

    Figures are ordered shares, then means, then fixed (``_figure_arrays``), so each kind is a block
    of columns; fixed figures (no n, suppressed) keep their value (NaN for unpublished: no points).
    """
    ns, nm = a["n_share"], a["n_mean"]
    vals = np.empty((b, len(a["value"])))
    if ns:
        vals[:, :ns] = rng.binomial(a["n"][:ns], a["p"], size=(b, ns)) * a["share_step"]
    if nm:
        sl = slice(ns, ns + nm)
        vals[:, sl] = rng.standard_normal((b, nm)) * a["mean_step"] + a["scaled"][sl]
    vals[:, ns + nm:] = a["scaled"][ns + nm:]
    return vals


def _thresholds(a: dict) -> tuple[np.ndarray, np.ndarray]:
    """Scaled thresholds equivalent to comparing ``on_grid(value)`` with the on-grid limits.

    With s = value·10^d ≥ 0 and an on-grid limit L (an integer in grid units), round-half-up gives
    ``round(s) < L ⟺ s < L − ½`` and ``round(s) > L ⟺ s ≥ L + ½``; the 1e-9 matches the snapping of
    ``analysis.rounding.on_grid``. Returned as «beyond» thresholds in the unfavourable direction
    multiplied by the direction, so ``d·s < t`` means beyond.
    """
    d = a["direction"]
    out = []
    for lim in (a["absolute"], a["national"]):
        grid = np.round(lim * a["scale"])
        out.append(np.where(d > 0, grid - 0.5 - 1e-9, -(grid + 0.5 - 1e-9)))
    return out[0], out[1]


def _raw_points(vals: np.ndarray, a: dict) -> np.ndarray:
    """0/1/3 risk points per replicate and figure (beyond the absolute limit implies beyond the national)."""
    dv = vals * a["direction"]
    pts = (dv < a["thr_nat"]).astype(np.int8)
    pts += 2 * (dv < a["thr_abs"]).astype(np.int8)
    return pts


def _membership(ids: np.ndarray, order: pd.Index) -> sparse.csr_matrix:
    col = order.get_indexer(ids)
    ok = col >= 0
    rows = np.flatnonzero(ok)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, col[ok])), shape=(len(ids), len(order)))


def _spread_and_top(sch_share: np.ndarray, sch_kom: np.ndarray, kom_index: pd.Index, params) -> tuple:
    """Per replicate: each kommune's spread of ranked school shares and whether it has a top school."""
    b, s = sch_share.shape
    ranks = rankdata(-sch_share, method="min", axis=1)
    top_n = math.ceil(params.top_share * s) if s else 0
    top = (ranks <= top_n) & (sch_share > 0)
    order = np.argsort(sch_kom, kind="stable")
    kom_sorted = sch_kom[order]
    starts = np.flatnonzero(np.r_[True, kom_sorted[1:] != kom_sorted[:-1]]) if s else np.array([], int)
    spread = np.full((b, len(kom_index)), np.nan)
    has_top = np.zeros((b, len(kom_index)), bool)
    if s == 0:
        return spread, has_top
    sh = sch_share[:, order]
    counts = np.diff(np.r_[starts, s])
    if params.spread_statistic == "sd":
        sums = np.add.reduceat(sh, starts, axis=1)
        sq = np.add.reduceat(sh ** 2, starts, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            stat = np.sqrt(np.clip((sq - sums ** 2 / counts) / (counts - 1), 0, None))
    else:
        stat = np.maximum.reduceat(sh, starts, axis=1) - np.minimum.reduceat(sh, starts, axis=1)
    stat = np.where(counts >= 2, stat, np.nan)
    cols = kom_index.get_indexer(kom_sorted[starts])
    ok = cols >= 0
    spread[:, cols[ok]] = stat[:, ok]
    has_top[:, cols[ok]] = np.maximum.reduceat(top[:, order], starts, axis=1)[:, ok]
    return spread, has_top


def _select(kshare: np.ndarray, spread: np.ndarray, has_top: np.ndarray, params) -> tuple:
    """Rank and both selection routes per replicate (the rule of ``analysis.uttrekk.compute``)."""
    rank = rankdata(-kshare, method="min", axis=1)
    level = rank <= params.n_level
    cand = (np.nan_to_num(spread, nan=-np.inf) >= params.spread_cutoff) & has_top & ~level
    key = np.where(cand, spread, -np.inf)
    order = rankdata(-key, method="ordinal", axis=1)
    chosen = cand & (order <= params.n_spread)
    return rank, level, chosen


def _replicate_block(a, b, rng, obs_kom, obs_sch, m_kom, m_sch, kom_possible, sch_possible,
                     kom_ranked, sch_kom, kom_index, params):
    """One block of b replicates: raw points per figure, kommune shares, ranks and selection."""
    vals = _draw(a, b, rng)
    raw = _raw_points(vals, a)
    pts = raw * np.where(a["counted"], a["weight"], 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        kshare = 100 * (m_kom.T @ pts[:, obs_kom].T).T / kom_possible
        sshare = 100 * (m_sch.T @ pts[:, obs_sch].T).T / sch_possible
    rank_r = np.full(kshare.shape, np.nan)
    rank, level, _ = _select(kshare[:, kom_ranked], np.zeros((b, int(kom_ranked.sum()))),
                             np.zeros((b, int(kom_ranked.sum())), bool), params)
    rank_r[:, kom_ranked] = rank
    level_all = np.zeros(kshare.shape, bool)
    level_all[:, kom_ranked] = level
    spread, has_top = _spread_and_top(sshare, sch_kom, kom_index, params)
    cand = (np.nan_to_num(spread, nan=-np.inf) >= params.spread_cutoff) & has_top & ~level_all
    key = np.where(cand, spread, -np.inf)
    chosen = cand & (rankdata(-key, method="ordinal", axis=1) <= params.n_spread)
    return raw, kshare, rank_r, level_all, chosen


def bootstrap_uttrekk(result: UttrekkResult, replicates: int = 500, conf: float = 0.95, seed: int = 20241,
                      block: int = 100) -> BootstrapResult:
    """Parametric bootstrap of the whole uttrekk rule (see the module docstring for the method).

    Parameters
    ----------
    result : ``analysis.uttrekk.compute`` output (its ``obs``, ``schools``, ``kommuner``, ``params``).
    replicates : number of bootstrap replicates (≥ 500 recommended; 500 take a few seconds on the demo).
    conf : level of the percentile intervals.
    seed : random seed (the result is reproducible per data, parameters and seed).
    block : replicates per vectorised block (memory ≈ block × figures × 8 bytes × a few arrays).

    Returns
    -------
    BootstrapResult with ``kommuner`` (kommune_id, kommune_name, share, share_lower, share_median,
    share_upper, rank, rank_lower, rank_upper, p_drawn_level, p_drawn_spread, p_drawn, drawn) and
    ``figures`` (the window's figures with ``p_points`` = P(≥ 1 risk point), ``p_3`` = P(3 points),
    ``given`` and ``doubt`` = P(the other outcome): 1 − p_points when points were given, p_points
    when not).
    """
    params = result.params
    obs = result.obs.reset_index(drop=True)
    kom = result.kommuner.reset_index(drop=True)
    sch = result.schools[result.schools["ranked"]].reset_index(drop=True)
    kom_index = pd.Index(kom["kommune_id"].astype(str))
    sch_index = pd.Index(sch["school_id"].astype(str))
    a, order = _ordered(_figure_arrays(obs))
    obs = obs.iloc[order].reset_index(drop=True)
    level = obs["level"].astype(str).to_numpy()
    obs_kom = np.flatnonzero(level == "kommune")
    obs_sch = np.flatnonzero(level == "skole")
    m_kom = _membership(obs["unit_id"].astype(str).to_numpy()[obs_kom], kom_index)
    m_sch = _membership(obs["unit_id"].astype(str).to_numpy()[obs_sch], sch_index)
    kom_possible = kom["possible"].to_numpy(float)
    sch_possible = sch["possible"].to_numpy(float)
    kom_ranked = kom["ranked"].to_numpy(bool)
    sch_kom = sch["kommune_id"].astype(str).to_numpy()
    rng = np.random.default_rng(seed)
    shares, ranks, lev, spr = [], [], [], []
    given = np.zeros(len(obs))
    three = np.zeros(len(obs))
    done = 0
    while done < replicates:
        b = min(block, replicates - done)
        raw, kshare, rank, level_b, chosen = _replicate_block(
            a, b, rng, obs_kom, obs_sch, m_kom, m_sch, kom_possible, sch_possible, kom_ranked, sch_kom,
            kom_index, params)
        given += (raw > 0).sum(axis=0)
        three += (raw == 3).sum(axis=0)
        shares.append(kshare)
        ranks.append(rank)
        lev.append(level_b)
        spr.append(chosen)
        done += b
    return BootstrapResult(
        _kommune_summary(kom, np.vstack(shares), np.vstack(ranks), np.vstack(lev), np.vstack(spr), conf),
        _figure_summary(obs, given / replicates, three / replicates), replicates, conf, seed)


def _kommune_summary(kom, shares, ranks, level, spread, conf) -> pd.DataFrame:
    q = [(1 - conf) / 2, 0.5, 1 - (1 - conf) / 2]
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # unranked kommuner: all-NaN columns, NaN result
        sq = np.nanquantile(shares, q, axis=0) if shares.size else np.empty((3, 0))
        rq = np.nanquantile(ranks, [q[0], q[2]], axis=0, method="inverted_cdf") if ranks.size else np.empty((2, 0))
    drawn = (kom["drawn_level"] | kom["drawn_spread"]).to_numpy(bool)
    return pd.DataFrame({
        "kommune_id": kom["kommune_id"].astype(str).to_numpy(),
        "kommune_name": kom["kommune_name"].astype(str).to_numpy(),
        "share": kom["share"].to_numpy(float),
        "share_lower": sq[0], "share_median": sq[1], "share_upper": sq[2],
        "rank": kom["rank"].to_numpy(float),
        "rank_lower": np.where(kom["ranked"], rq[0], np.nan),
        "rank_upper": np.where(kom["ranked"], rq[1], np.nan),
        "p_drawn_level": level.mean(axis=0),
        "p_drawn_spread": spread.mean(axis=0),
        "p_drawn": (level | spread).mean(axis=0),
        "drawn": drawn,
    })


def _figure_summary(obs: pd.DataFrame, p_points: np.ndarray, p_three: np.ndarray) -> pd.DataFrame:
    cols = ["level", "unit_id", "unit_name", "kommune_id", "indicator", "subject", "trinn", "period", "value",
            "n", "national", "absolute", "raw_points"]
    out = obs[cols].copy()
    out["p_points"] = p_points
    out["p_3"] = p_three
    out["given"] = out["raw_points"] > 0
    out["doubt"] = np.where(out["given"], 1 - p_points, p_points)
    published = obs["gap"].notna().to_numpy()
    return out[published].reset_index(drop=True)


def audit(figures: pd.DataFrame, threshold: float = 0.2) -> dict:
    """Both directions of the audit: how many points given / not given have doubt ≥ ``threshold``.

    ``doubt`` is the bootstrap probability of the other outcome (points given → none; none → points).
    The default 0,2 («one in five») marks figures whose outcome could well have been the other;
    0,025 would match a 95 % interval that reaches the limit. Returns counts and the two tables.
    """
    given = figures[figures["given"]]
    not_given = figures[~figures["given"]]
    g_doubt = given[given["doubt"] >= threshold]
    n_doubt = not_given[not_given["doubt"] >= threshold]
    return {"n_given": int(len(given)), "n_given_doubtful": int(len(g_doubt)),
            "n_not_given": int(len(not_given)), "n_not_given_doubtful": int(len(n_doubt)),
            "given_doubtful": g_doubt.sort_values("doubt", ascending=False),
            "not_given_doubtful": n_doubt.sort_values("doubt", ascending=False)}


__all__ = ["BootstrapResult", "audit", "bootstrap_uttrekk"]
