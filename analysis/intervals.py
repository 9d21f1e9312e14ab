"""Confidence intervals for published figures (DESIGN §3).

Methods
-------
- Shares (andeler, stored as percent 0-100 with ``n`` pupils): the Wilson score interval
  (Wilson 1927; Newcombe 1998) on ``successes = round(value / 100 * n)``; the exact
  Clopper-Pearson interval (beta quantiles) is available as ``share_method="clopper_pearson"``.
- Means (skalapoeng, grunnskolepoeng, survey indices): the t interval ``mean ± t(1-a/2, n-1) · sd / sqrt(n)``
  with the pupil-level SD from the source where given (Elevundersøkelsen in statistikkbanken), otherwise
  the catalogue's national standard SD (``data.catalogue.Indicator.default_sd``), and the text says so.
- Several school years (the three-year uttrekk window): ``pooled_window`` pools the pupils of the
  published years (successes and n for shares; n-weighted mean and pooled within+between-year SD for
  means) and then applies the same intervals.

``add_intervals`` works on any mix of indicators in the canonical long format and is vectorised over
the categorical ``indicator`` column, so the whole national frame takes well under a second.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.distributions import norm_isf, t_isf
from data.catalogue import INDICATORS, get_indicator
from data.numbers import fmt_spec
from data.schema import sorted_periods

# Columns added by ``add_intervals`` (and returned by ``pooled_window``).
INTERVAL_COLUMNS: tuple[str, ...] = (
    "estimate", "lower", "upper", "halfwidth", "se", "ci_method", "sd_used", "sd_source",
    "large_uncertainty", "no_interval_reason",
)

SHARE_METHODS = ("wilson", "clopper_pearson")

# Reasons for no interval (user-visible, Norwegian).
REASON_SUPPRESSED = "Skjermet"
REASON_NO_VALUE = "Ingen verdi"
REASON_N_UNKNOWN = "n ukjent"
REASON_N_TOO_SMALL = "For få elever til intervall (n < 2)"
REASON_SD_UNKNOWN = "Standardavvik ukjent"
REASON_UNKNOWN_INDICATOR = "Ukjent indikator"

SD_SOURCE_SOURCE = "kilde"
SD_SOURCE_DEFAULT = "standard"

# What each indicator's national standard SD is called in the method text.
_DEFAULT_SD_NOUN: dict[str, str] = {
    "np_skalapoeng": "skalapoeng",
    "grunnskolepoeng": "grunnskolepoeng",
    "np_skalapoeng_avgiver": "skalapoeng",
    "np_mestring_snitt": "mestringsnivå",
}

METHOD_TEXT = (
    "Andeler: 95 % Wilson-intervall (score-intervall) fra antall elever og andelen. "
    "Gjennomsnitt: 95 % t-intervall fra antall elever og standardavviket på elevnivå; "
    "der kilden ikke oppgir standardavvik, brukes et nasjonalt standardavvik, og det står i teksten. "
    "Der Udirs statistikkbank oppgir «Usikkerhet» for skalapoeng, brukes Udirs eget intervall "
    "(skalapoeng ± usikkerhet) i stedet for intervallet fra antall elever."
)
# Udir's published «Usikkerhet» (canonical ``udir_margin``) as the interval; the page's method line says so.
METHOD_UDIR_MARGIN = "Udirs usikkerhet (±), brukt i stedet for intervall fra antall elever"
METHOD_UDIR_MARGIN_POOLED = "Udirs usikkerhet (±), samlet over årene som √Σ(nᵢ/N)²·uᵢ²"


def _conf_pct(conf: float) -> str:
    pct = 100 * conf
    return fmt_spec(pct, ".0f") if abs(pct - round(pct)) < 1e-9 else fmt_spec(pct, ".1f")


def _num_no(x: float) -> str:
    """Number in Norwegian style (decimal comma, no trailing zeros)."""
    return fmt_spec(x, "g")


def _check_conf(conf: float) -> None:
    if not 0 < conf < 1:
        raise ValueError(f"Konfidensnivået må være mellom 0 og 1, fikk {conf!r}.")


# ---------------------------------------------------------------------------------------------
# Elementary intervals (vectorised)
# ---------------------------------------------------------------------------------------------

def wilson_interval(successes, n, conf: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a binomial proportion (Wilson 1927), on the 0..1 scale.

    ``centre = (p + z²/2n) / (1 + z²/n)``, ``half = z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n)``,
    clipped to [0, 1] against floating-point error. Vectorised; ``n <= 0`` or NaN give NaN.
    Agrees with ``statsmodels.stats.proportion.proportion_confint(method="wilson")``.
    """
    _check_conf(conf)
    x = np.asarray(successes, dtype=float)
    nn = np.asarray(n, dtype=float)
    z = norm_isf((1 - conf) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        ok = nn > 0
        nsafe = np.where(ok, nn, np.nan)
        p = x / nsafe
        z2 = z * z
        denom = 1 + z2 / nsafe
        centre = (p + z2 / (2 * nsafe)) / denom
        half = z * np.sqrt(p * (1 - p) / nsafe + z2 / (4 * nsafe * nsafe)) / denom
    lower = np.clip(centre - half, 0.0, 1.0)
    upper = np.clip(centre + half, 0.0, 1.0)
    return lower, upper


def clopper_pearson_interval(successes, n, conf: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Exact Clopper-Pearson interval (Clopper & Pearson 1934) from beta quantiles, 0..1 scale.

    ``lower = Beta(a/2; x, n-x+1)`` (0 when x = 0), ``upper = Beta(1-a/2; x+1, n-x)`` (1 when x = n).
    Agrees with ``statsmodels.stats.proportion.proportion_confint(method="beta")``.
    """
    from scipy import stats  # only here: importing scipy.stats costs ≈1 s (analysis.distributions)

    _check_conf(conf)
    x = np.asarray(successes, dtype=float)
    nn = np.asarray(n, dtype=float)
    a2 = (1 - conf) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        ok = (nn > 0) & np.isfinite(x)
        lower = np.where(x <= 0, 0.0, stats.beta.ppf(a2, np.where(x > 0, x, 1), nn - x + 1))
        upper = np.where(x >= nn, 1.0, stats.beta.isf(a2, x + 1, np.where(nn - x > 0, nn - x, 1)))
    lower = np.where(ok, lower, np.nan)
    upper = np.where(ok, upper, np.nan)
    return lower, upper


def _t_quantile(df_, conf: float) -> np.ndarray:
    """t quantile t(1 - a/2, df), computed once per distinct df (fast on large frames)."""
    d = np.asarray(df_, dtype=float)
    out = np.full(d.shape, np.nan)
    ok = np.isfinite(d) & (d >= 1)
    if ok.any():
        uniq, inv = np.unique(d[ok], return_inverse=True)
        out[ok] = t_isf((1 - conf) / 2, uniq)[inv]
    return out


def mean_interval(mean, sd, n, conf: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """t interval for a mean: ``mean ± t(1-a/2, n-1) · sd / sqrt(n)`` (Student 1908).

    Exact for normally distributed pupils. ``n < 2`` or unknown SD give NaN.
    Agrees with ``scipy.stats.t.interval(conf, n-1, loc=mean, scale=sd/sqrt(n))``.
    """
    _check_conf(conf)
    m = np.asarray(mean, dtype=float)
    s = np.asarray(sd, dtype=float)
    nn = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ok = nn >= 2
        se = s / np.sqrt(np.where(ok, nn, np.nan))
        t = _t_quantile(np.where(ok, nn - 1, np.nan), conf)
        half = t * se
    return m - half, m + half


# ---------------------------------------------------------------------------------------------
# Catalogue lookups, vectorised through categories
# ---------------------------------------------------------------------------------------------

def _indicator_codes(ind: pd.Series) -> tuple[np.ndarray, list[str]]:
    if isinstance(ind.dtype, pd.CategoricalDtype):
        return ind.cat.codes.to_numpy(), [str(c) for c in ind.cat.categories]
    # As ``astype(str).astype("category")`` would code them (sorted, NaN -1), without building the categorical.
    codes, uniques = pd.factorize(ind.astype(str), sort=True)
    return codes, [str(c) for c in uniques]


def catalogue_lookup(ind: pd.Series, attribute: str, default=np.nan) -> np.ndarray:
    """Per-row catalogue attribute (e.g. ``"direction"``) for an ``indicator`` column, vectorised."""
    codes, cats = _indicator_codes(ind)
    table = np.array(
        [getattr(INDICATORS[c], attribute) if c in INDICATORS else default for c in cats] + [default],
        dtype=object,
    )
    return table[codes]  # code -1 (NaN) picks the trailing default


def _catalogue_arrays(ind: pd.Series) -> dict[str, np.ndarray]:
    codes, cats = _indicator_codes(ind)
    known = np.array([c in INDICATORS for c in cats] + [False])
    is_share = np.array([c in INDICATORS and INDICATORS[c].kind == "share" for c in cats] + [False])
    default_sd = np.array(
        [(INDICATORS[c].default_sd if c in INDICATORS and INDICATORS[c].default_sd else np.nan) for c in cats]
        + [np.nan], dtype=float)
    lu = np.array([INDICATORS[c].large_uncertainty_halfwidth if c in INDICATORS else np.nan for c in cats]
                  + [np.nan], dtype=float)
    return {
        "codes": codes, "cats": cats, "known": known[codes], "is_share": is_share[codes],
        "default_sd": default_sd[codes], "large_hw": lu[codes],
    }


def _default_sd_text(code: str, conf: float) -> str:
    ind = INDICATORS[code]
    noun = _DEFAULT_SD_NOUN.get(code, ind.label.lower())
    return f"{_conf_pct(conf)} % t-intervall (SD = {_num_no(ind.default_sd)}, nasjonal standard for {noun})"


# ---------------------------------------------------------------------------------------------
# add_intervals
# ---------------------------------------------------------------------------------------------

REASON_TEXTS: tuple[str, ...] = ("", REASON_UNKNOWN_INDICATOR, REASON_SUPPRESSED, REASON_NO_VALUE, REASON_N_UNKNOWN,
                                 REASON_N_TOO_SMALL, REASON_SD_UNKNOWN)


def _reason_codes(known, suppressed, value, n, is_share, sd_used) -> np.ndarray:
    """Index into ``REASON_TEXTS`` of why a row gets no interval (0: it gets one); first match wins."""
    conditions = [
        ~known,
        suppressed,
        ~np.isfinite(value),
        ~np.isfinite(n) | (n <= 0),
        ~is_share & (n < 2),
        ~is_share & ~np.isfinite(sd_used),
    ]
    return np.select(conditions, list(range(1, len(conditions) + 1)), default=0).astype(np.int8)


def _limits(value, n, sd_used, ok, is_share, conf: float, share_method: str, margin=None):
    """(lower, upper, se) for the rows in ``ok``: Wilson/Clopper–Pearson for shares, t for means, and
    Udir's own ``value ± margin`` (``se = margin / z``) for means where ``margin`` is given."""
    nrow = len(value)
    lower, upper, se = np.full(nrow, np.nan), np.full(nrow, np.nan), np.full(nrow, np.nan)
    z = norm_isf((1 - conf) / 2)
    sh = ok & is_share
    if sh.any():
        nn = n[sh]
        x = np.clip(np.round(value[sh] / 100 * nn), 0, nn)
        fn = wilson_interval if share_method == "wilson" else clopper_pearson_interval
        lo, hi = fn(x, nn, conf)
        lower[sh], upper[sh] = 100 * lo, 100 * hi
        se[sh] = 100 * (hi - lo) / (2 * z)
    use_margin = ok & ~is_share & np.isfinite(margin) if margin is not None else np.zeros(nrow, dtype=bool)
    if use_margin.any():
        lower[use_margin] = value[use_margin] - margin[use_margin]
        upper[use_margin] = value[use_margin] + margin[use_margin]
        se[use_margin] = margin[use_margin] / z
    mn = ok & ~is_share & ~use_margin
    if mn.any():
        lower[mn], upper[mn] = mean_interval(value[mn], sd_used[mn], n[mn], conf)
        se[mn] = sd_used[mn] / np.sqrt(n[mn])
    # A rounded published share can sit a hair outside the interval of its rounded count; keep the
    # published estimate inside its own interval.
    return np.where(ok, np.fmin(lower, value), np.nan), np.where(ok, np.fmax(upper, value), np.nan), se


def _method_texts(cat: dict, ok, is_share, have_sd, conf: float, share_method: str,
                  use_margin=None, pooled=None) -> pd.Categorical:
    """The method text per row as a categorical: one code per (share | mean+source SD | mean+default SD
    per indicator | Udir's margin, single year or pooled)."""
    pct = _conf_pct(conf)
    share_text = f"{pct} % Wilson-intervall" if share_method == "wilson" else f"{pct} % Clopper-Pearson-intervall (eksakt)"
    texts = ["", share_text, f"{pct} % t-intervall (elevnivå-SD fra kilden)"]
    cats = cat["cats"]
    default_text_code = np.zeros(len(cats) + 1, dtype=np.int16)
    for i, c in enumerate(cats):
        if c in INDICATORS and INDICATORS[c].kind == "mean" and INDICATORS[c].default_sd:
            texts.append(_default_sd_text(c, conf))
            default_text_code[i] = len(texts) - 1
    method_code = np.where(
        ~ok, 0,
        np.where(is_share, 1, np.where(have_sd, 2, default_text_code[cat["codes"]]))).astype(np.int16)
    if use_margin is not None and use_margin.any():
        texts += [METHOD_UDIR_MARGIN, METHOD_UDIR_MARGIN_POOLED]
        method_code = np.where(use_margin, np.where(pooled, len(texts) - 1, len(texts) - 2), method_code)
    return pd.Categorical.from_codes(method_code.astype(np.int16), categories=_unique_categories(texts))


def add_intervals(df: pd.DataFrame, conf: float = 0.95, share_method: str = "wilson") -> pd.DataFrame:
    """Return a copy of canonical rows with an interval for every published figure.

    Adds ``estimate`` (= value), ``lower``, ``upper`` and ``halfwidth`` in the value's unit (percent for
    shares), ``se``, ``ci_method`` (Norwegian method text), ``sd_used`` and ``sd_source`` ("kilde" or
    "standard"; empty for shares), ``large_uncertainty`` (halfwidth above the catalogue's
    ``large_uncertainty_halfwidth``) and ``no_interval_reason`` ("" when there is an interval).

    Shares: Wilson (default) or Clopper-Pearson on ``successes = round(value/100·n)``; ``se`` is the
    interval-implied standard error ``(upper - lower) / (2 z)`` (never 0, also at 0 % or 100 %).
    Means: t interval with df = n - 1 and ``se = sd/sqrt(n)``, SD from the source's ``sd`` column where
    given, else the catalogue's national standard SD. Means with Udir's published «Usikkerhet»
    (``udir_margin``) use Udir's own interval ``value ± udir_margin`` instead (``se = udir_margin / z``), and
    ``ci_method`` names it («Udirs usikkerhet (±)»). Suppressed rows, rows without value, rows with
    unknown ``n`` (or n < 2 for means) get NaN intervals and a reason.

    References: Wilson, E. B. (1927), JASA 22, 209–212; Clopper, C. J. & Pearson, E. S. (1934),
    Biometrika 26, 404–413; as ``statsmodels.stats.proportion.proportion_confint``.
    """
    _check_conf(conf)
    if share_method not in SHARE_METHODS:
        raise ValueError(f"Ukjent metode for andeler: {share_method!r} (velg {', '.join(SHARE_METHODS)}).")
    out = df
    nrow = len(out)
    cat = _catalogue_arrays(out["indicator"])
    value = out["value"].to_numpy(dtype=float, na_value=np.nan)
    n = out["n"].to_numpy(dtype=float, na_value=np.nan)
    sd_src = out["sd"].to_numpy(dtype=float, na_value=np.nan) if "sd" in out.columns else np.full(nrow, np.nan)
    suppressed = (out["suppressed"].to_numpy(dtype=bool, na_value=False) if "suppressed" in out.columns
                  else np.zeros(nrow, dtype=bool))
    is_share = cat["is_share"]
    have_sd = np.isfinite(sd_src) & (sd_src >= 0)
    sd_used = np.where(is_share, np.nan, np.where(have_sd, sd_src, cat["default_sd"]))
    margin = (out["udir_margin"].to_numpy(dtype=float, na_value=np.nan) if "udir_margin" in out.columns
              else np.full(nrow, np.nan))
    # Udir's own ± half-width wins over the pupil-count interval where the source gives it (means only).
    use_margin = cat["known"] & ~is_share & ~suppressed & np.isfinite(value) & np.isfinite(margin) & (margin >= 0)
    reason_code = _reason_codes(cat["known"], suppressed, value, n, is_share, sd_used)
    reason_code = np.where(use_margin, 0, reason_code).astype(np.int8)
    ok = reason_code == 0
    lower, upper, se = _limits(value, n, sd_used, ok, is_share, conf, share_method, np.where(use_margin, margin, np.nan))
    halfwidth = (upper - lower) / 2
    sd_source_code = np.where(ok & ~is_share & ~use_margin, np.where(have_sd, 1, 2), 0).astype(np.int8)
    pooled = (out["periods_used"].to_numpy(dtype=float, na_value=0) > 1) if "periods_used" in out.columns \
        else np.zeros(nrow, dtype=bool)

    # A new frame with the interval columns (replaced in place where ``df`` has them already), built in one step.
    cols = {c: out[c] for c in out.columns}
    cols["estimate"] = np.where(suppressed, np.nan, value)
    cols["lower"] = lower
    cols["upper"] = upper
    cols["halfwidth"] = halfwidth
    cols["se"] = np.where(ok, se, np.nan)
    cols["ci_method"] = _method_texts(cat, ok, is_share, have_sd, conf, share_method, use_margin, pooled)
    cols["sd_used"] = np.where(ok & ~use_margin, sd_used, np.nan)
    cols["sd_source"] = pd.Categorical.from_codes(sd_source_code, categories=["", SD_SOURCE_SOURCE, SD_SOURCE_DEFAULT])
    cols["large_uncertainty"] = ok & (halfwidth > cat["large_hw"])
    cols["no_interval_reason"] = pd.Categorical.from_codes(reason_code, categories=list(REASON_TEXTS))
    return pd.DataFrame(cols, index=out.index)


def _unique_categories(texts: list[str]) -> list[str]:
    """Categories must be unique; the default-SD texts are unique per indicator, so this only guards."""
    seen: dict[str, int] = {}
    res = []
    for t in texts:
        if t in seen:
            seen[t] += 1
            t = t + " " * seen[t]
        else:
            seen[t] = 0
        res.append(t)
    return res


# ---------------------------------------------------------------------------------------------
# Pooling several school years
# ---------------------------------------------------------------------------------------------

POOL_BY_DEFAULT: tuple[str, ...] = ("level", "unit_id", "indicator", "subject", "trinn", "kjonn")
_CARRY_COLUMNS = ("unit_name", "kommune_id", "fylke_id", "unit_of_measure", "source")


def window_label(periods: Sequence[str]) -> str:
    """'2021-22–2023-24' for consecutive school years, '2021-22, 2023-24' with a gap (a range never claims a
    year that is not there). The label of a pooled row; pages and the report write windows with
    ``present.window.span_text`` («2021-22 og 2023-24»)."""
    ps = sorted_periods(periods)
    if len(ps) <= 1:
        return "".join(ps)
    starts = [int(str(p)[:4]) for p in ps]
    if starts == list(range(starts[0], starts[0] + len(starts))):
        return f"{ps[0]}–{ps[-1]}"
    return ", ".join(ps)


def _pool_sums(sub: pd.DataFrame, wanted_sorted: list[str]) -> pd.DataFrame:
    """Per row, the sums ``pooled_window`` adds up: published/suppressed year, pupils, successes (shares),
    Σx and Σx² (means; Σx² = (n−1)s² + n·m²), a missing-SD flag and the year's bit in a used-years mask."""
    cat = _catalogue_arrays(sub["indicator"])
    value = sub["value"].to_numpy(dtype=float, na_value=np.nan)
    n = sub["n"].to_numpy(dtype=float, na_value=np.nan)
    sd = sub["sd"].to_numpy(dtype=float, na_value=np.nan) if "sd" in sub.columns else np.full(len(sub), np.nan)
    margin = (sub["udir_margin"].to_numpy(dtype=float, na_value=np.nan) if "udir_margin" in sub.columns
              else np.full(len(sub), np.nan))
    supp = sub["suppressed"].to_numpy(dtype=bool, na_value=False)
    pub = ~supp & np.isfinite(value) & np.isfinite(n) & (n > 0)
    is_share = cat["is_share"]
    succ = np.where(is_share, np.round(value / 100 * n), np.nan)
    year_pos = sub["period"].astype(str).map({p: i for i, p in enumerate(wanted_sorted)}).to_numpy(dtype=float)
    return pd.DataFrame({
        "pub": pub.astype(int),
        "supp": supp.astype(int),
        "N": np.where(pub, n, 0.0),
        "succ": np.where(pub & is_share, succ, 0.0),
        "s1": np.where(pub & ~is_share, n * value, 0.0),
        "s2": np.where(pub & ~is_share, (n - 1) * sd ** 2 + n * value ** 2, 0.0),
        "sd_missing": (pub & ~is_share & ~np.isfinite(sd)).astype(int),
        # Udir's ± per year (u_i): the pooled mean Σ n_i m_i / N has half-width √Σ (n_i/N)² u_i².
        "m2": np.where(pub & ~is_share & np.isfinite(margin), (n * margin) ** 2, 0.0),
        "m_missing": (pub & ~is_share & ~np.isfinite(margin)).astype(int),
        "mask": np.where(pub, np.exp2(year_pos), 0.0),
        "pos": year_pos,
    }, index=sub.index)


_SUM_COLUMNS = ("pub", "supp", "N", "succ", "s1", "s2", "sd_missing", "mask", "m2", "m_missing")


def _pooled_figures(res: pd.DataFrame, label: str, wanted_sorted: list[str]) -> pd.DataFrame:
    """Canonical figures from the per-group sums: value, n, pooled SD, suppression and the years used."""
    res_ind = res["indicator"].astype(str) if "indicator" in res.columns else pd.Series([""] * len(res))
    share_row = res_ind.map(lambda c: c in INDICATORS and INDICATORS[c].kind == "share").to_numpy(bool)
    N = res["N"].to_numpy(float)
    has = res["pub"].to_numpy() > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        share_val = 100 * res["succ"].to_numpy() / N
        mean_val = res["s1"].to_numpy() / N
        ss = res["s2"].to_numpy() - N * mean_val ** 2
        pooled_sd = np.sqrt(np.clip(ss, 0, None) / (N - 1))
    pooled_sd = np.where((res["sd_missing"].to_numpy() == 0) & (N >= 2) & ~share_row, pooled_sd, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        pooled_margin = np.sqrt(res["m2"].to_numpy()) / N
    masks = res["mask"].to_numpy().astype(np.int64)
    texts = {m: ", ".join(p for i, p in enumerate(wanted_sorted) if m >> i & 1) for m in np.unique(masks)}
    # One frame at the end (a dict keeps a column's place when it is replaced, and appends new ones): column
    # by column assignment cost ≈0.2 ms a column on these small frames.
    cols = {c: res[c] for c in res.columns if c not in _SUM_COLUMNS}
    cols["value"] = np.where(has, np.where(share_row, share_val, mean_val), np.nan)
    cols["n"] = np.where(has, N, np.nan)
    cols["sd"] = np.where(has, pooled_sd, np.nan)
    cols["udir_margin"] = np.where(has & ~share_row & (res["m_missing"].to_numpy() == 0), pooled_margin, np.nan)
    cols["suppressed"] = ~has
    cols["marker"] = np.where(has, "", "*")
    cols["period"] = label
    cols["periods_used"] = res["pub"].astype("int64")
    cols["periods_suppressed"] = res["supp"].astype("int64")
    cols["periods_used_list"] = [texts[m] for m in masks]
    return pd.DataFrame(cols, index=res.index)


def pooled_window(df: pd.DataFrame, periods: list[str], by: list[str] | None = None,
                  conf: float = 0.95, share_method: str = "wilson") -> pd.DataFrame:
    """Pool the pupils of several school years (e.g. the three-year uttrekk window) per unit and figure.

    Method: only published years are used. Shares: successes ``Σ round(v_i/100·n_i)`` over ``Σ n_i``.
    Means: the n-weighted mean ``Σ n_i m_i / Σ n_i``; where every used year has a source SD the pooled
    pupil-level SD comes from the total sum of squares
    ``Σ[(n_i-1)s_i² + n_i(m_i - m̄)²] / (N - 1)`` (within + between years), otherwise ``sd`` is left
    empty so the catalogue's national SD is used. Where every used year carries Udir's «Usikkerhet» ``u_i``
    (``udir_margin``, the ± half-width of Udir's 95 % interval), the pooled half-width is
    ``√Σ (n_i/N)² u_i²``: the variance of a fixed-weight mean of independent yearly estimates,
    ``Var(Σ w_i m_i) = Σ w_i² se_i²`` with ``se_i = u_i / z`` (Kish 1965, *Survey Sampling*, §3.3 on
    combining independent strata). Returns one row per group with ``period`` set to the
    window label, ``n`` = pooled pupils, ``periods_used``/``periods_suppressed`` (counts) and
    ``periods_used_list``, plus every interval column of ``add_intervals``. Groups with no published
    year are returned suppressed (no value, reason "Skjermet").
    """
    by = list(by) if by is not None else [c for c in POOL_BY_DEFAULT if c in df.columns]
    wanted = {str(p) for p in periods}
    sub = df[df["period"].astype(str).isin(wanted)]
    label = window_label(list(wanted)) if wanted else ""
    if sub.empty:
        res = sub.head(0).copy()
        for c in ("periods_used", "periods_suppressed"):
            res[c] = pd.Series(dtype="int64")
        res["periods_used_list"] = pd.Series(dtype=object)
        return add_intervals(res, conf=conf, share_method=share_method)

    wanted_sorted = sorted_periods(wanted)
    sums = _pool_sums(sub, wanted_sorted)
    carry = [c for c in _CARRY_COLUMNS if c in sub.columns and c not in by]
    # Carry descriptive columns from the latest year (e.g. the kommune number after a merger).
    w = pd.concat([sums, sub[[*by, *carry]]], axis=1).sort_values("pos", kind="stable")
    g = w.groupby(by, observed=True, sort=True, dropna=False)
    parts = [g[list(_SUM_COLUMNS)].sum()] + ([g[carry].last()] if carry else [])
    agg = pd.concat(parts, axis=1) if len(parts) > 1 else parts[0]
    res = _pooled_figures(agg.reset_index(), label, wanted_sorted)
    return add_intervals(res, conf=conf, share_method=share_method)


__all__ = [
    "INTERVAL_COLUMNS", "METHOD_TEXT", "add_intervals", "catalogue_lookup", "clopper_pearson_interval",
    "get_indicator", "mean_interval", "pooled_window", "wilson_interval", "window_label",
]
