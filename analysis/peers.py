"""Comparable kommuner ("sammenlignbare kommuner") and a context-adjusted expected value.

Three pure functions on the kommune context table (``data.load_context()``: one row per current
kommune with ``kommune_id``, ``population``, ``adult_education_share``, ``disability_benefit_share``,
``child_welfare_share``, ``kostra_group``):

- ``kostra_peers``: the other kommuner of the kommune's KOSTRA-like group (SSB's grouping where known).
- ``nearest_peers``: the k nearest kommuner on standardised context features (scikit-learn
  ``StandardScaler`` + ``NearestNeighbors``, Euclidean distance).
- ``expected_value``: the value the kommune's context predicts for an indicator, from a linear
  regression of the indicator on context across all other kommuner (statsmodels), with a 95 %
  prediction interval, so a workshop can see whether a result is lower than its circumstances predict.

Population enters every computation as log(population): its distribution is very skewed (a few large
towns would otherwise dominate both the distances and the regression).

No streamlit import here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import pandas as pd

# Context columns a user may choose from, with their Norwegian labels (shown in the UI and in method text).
CONTEXT_FEATURES: dict[str, str] = {
    "population": "Folketall (log)",
    "adult_education_share": "Andel voksne med høyere utdanning (%)",
    "disability_benefit_share": "Andel uføretrygdede (%)",
    "child_welfare_share": "Andel barn med barnevernstiltak (%)",
}
DEFAULT_FEATURES: tuple[str, ...] = tuple(CONTEXT_FEATURES)
# Features used on the log scale.
LOG_FEATURES: frozenset[str] = frozenset({"population"})


class PeerError(ValueError):
    """Peers or an expected value cannot be computed; the message is Norwegian and user-facing."""


def feature_matrix(context: pd.DataFrame, features: Sequence[str]) -> pd.DataFrame:
    """The context features as a numeric frame indexed by kommune_id, with log(population).

    Rows with a missing or non-positive (for log features) value are dropped.
    """
    features = list(features)
    if not features:
        raise PeerError("Velg minst én kontekstvariabel.")
    unknown = [f for f in features if f not in context.columns]
    if unknown:
        raise PeerError("Kontekstdata mangler variabel: " + ", ".join(unknown) + ".")
    x = context[["kommune_id", *features]].copy()
    x["kommune_id"] = x["kommune_id"].astype(str)
    x = x.drop_duplicates("kommune_id").set_index("kommune_id")
    x = x.apply(pd.to_numeric, errors="coerce").astype(float)
    for f in features:
        if f in LOG_FEATURES:
            x[f] = np.log(x[f].where(x[f] > 0))
    return x.dropna()


def kostra_peers(context: pd.DataFrame, kommune_id: str) -> pd.DataFrame:
    """The other kommuner in the kommune's KOSTRA group: DataFrame(kommune_id, kostra_group).

    Empty when the kommune has no known group. Raises ``PeerError`` if the kommune is not in the
    context table.
    """
    kid = str(kommune_id)
    ctx = context.assign(kommune_id=context["kommune_id"].astype(str))
    own = ctx.loc[ctx["kommune_id"] == kid]
    if own.empty:
        raise PeerError(f"Fant ingen kontekstdata for kommune {kid}.")
    group = own["kostra_group"].iloc[0] if "kostra_group" in ctx.columns else None
    if group is None or pd.isna(group) or str(group) == "":
        return pd.DataFrame({"kommune_id": pd.Series(dtype=str), "kostra_group": pd.Series(dtype=str)})
    out = ctx.loc[(ctx["kostra_group"] == group) & (ctx["kommune_id"] != kid), ["kommune_id", "kostra_group"]]
    return out.sort_values("kommune_id").reset_index(drop=True)


def nearest_peers(
    context: pd.DataFrame, kommune_id: str, features: Sequence[str] = DEFAULT_FEATURES, k: int = 10
) -> pd.DataFrame:
    """The k kommuner nearest to ``kommune_id`` on standardised context: DataFrame(kommune_id, distance, rank).

    Method: each feature (population on the log scale) is standardised to mean 0 and SD 1 across all
    kommuner with complete context (scikit-learn ``StandardScaler``); neighbours are found by Euclidean
    distance in that space (``NearestNeighbors``, brute force). The kommune itself is left out; ``rank``
    runs 1..k from the nearest; ``distance`` is in units of standard deviations.
    """
    from sklearn.neighbors import NearestNeighbors
    from sklearn.preprocessing import StandardScaler

    kid = str(kommune_id)
    x = feature_matrix(context, features)
    if kid not in x.index:
        raise PeerError(f"Kommune {kid} mangler kontekstdata for de valgte variablene.")
    k = int(k)
    if k < 1:
        raise PeerError("Antall sammenlignbare kommuner må være minst 1.")
    k = min(k, len(x) - 1)
    if k < 1:
        raise PeerError("For få kommuner med kontekstdata til å finne sammenlignbare kommuner.")
    z = StandardScaler().fit_transform(x.to_numpy())
    z = np.nan_to_num(z)  # a constant feature scales to 0/0; it then does not separate anyone
    pos = x.index.get_loc(kid)
    nn = NearestNeighbors(n_neighbors=k + 1, algorithm="brute", metric="euclidean").fit(z)
    dist, idx = nn.kneighbors(z[[pos]])
    ids = x.index.to_numpy()[idx[0]]
    out = pd.DataFrame({"kommune_id": ids.astype(str), "distance": dist[0]})
    out = out[out["kommune_id"] != kid].head(k).reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    return out


@dataclass(frozen=True)
class ExpectedValue:
    """A kommune's observed value beside the value its context predicts."""

    observed: float
    expected: float
    pi_lower: float  # 95 % prediction interval for a kommune with this context
    pi_upper: float
    r2: float
    n_kommuner: int  # kommuner the regression was fitted on (the kommune itself left out)
    method: str  # Norwegian, for the caption under the chart
    weighted: bool = False
    tau2: float = float("nan")  # between-kommune residual variance (weighted fit only)
    coefficients: dict[str, float] = field(default_factory=dict)
    # The kommuner the line was fitted on: kommune_id, observed, fitted (for an observed-vs-expected plot).
    fitted: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def position(self) -> str:
        """'lavere' / 'som_forventet' / 'hoyere': observed against the prediction interval."""
        if not np.isfinite(self.observed):
            return "ingen_data"
        if self.observed < self.pi_lower:
            return "lavere"
        if self.observed > self.pi_upper:
            return "hoyere"
        return "som_forventet"


def expected_value(
    indicator_by_kommune: pd.DataFrame,
    context: pd.DataFrame,
    kommune_id: str,
    features: Sequence[str] = DEFAULT_FEATURES,
    alpha: float = 0.05,
) -> ExpectedValue:
    """Context-adjusted expected value of an indicator for one kommune, with a prediction interval.

    ``indicator_by_kommune``: one row per kommune with ``kommune_id``, ``value`` and optionally ``se``
    (standard error of the kommune's value, e.g. from ``analysis.intervals``); suppressed kommuner
    carry no value and are left out.

    Method: linear regression of the indicator on the chosen context features (population on the log
    scale) across all *other* kommuner (the kommune itself is left out so its own result does not pull
    the prediction), statsmodels; the interval is the (1 - alpha) prediction interval for a new
    observation, ``get_prediction(...).summary_frame(alpha)`` columns ``obs_ci_lower/obs_ci_upper``.

    Weighting: a kommune's value varies around the regression line for two reasons: real differences
    between kommuner (variance tau²) and sampling noise of its pupils (se²). Weighting by n alone would
    treat all variation as sampling noise and let the largest kommuner decide the line. When ``se`` is
    given for every kommune, the fit is therefore weighted least squares with weights 1/(tau² + se²),
    tau² estimated by the method of moments from the unweighted residuals (a feasible-GLS
    meta-regression); the prediction interval then uses the kommune's own tau² + se². Without ``se``
    the fit is ordinary least squares.
    Parameters
    ----------
    indicator_by_kommune : DataFrame
        ``kommune_id``, ``value`` and optionally ``se``.
    context : DataFrame
        One row per kommune (``data.load_context()``).
    kommune_id : str
    features : sequence of str
        Context columns in the regression.
    alpha : float
        1 − the level of the prediction interval.

    Returns
    -------
    ExpectedValue

    References
    ----------
    Prediction interval of a linear regression: statsmodels ``get_prediction(...).summary_frame``
    (``obs_ci_lower``/``obs_ci_upper``). Weighted fit with τ²: Thompson, S. G. and Sharp, S. J. (1999).
    Explaining heterogeneity in meta-analysis: a comparison of methods. Stat Med 18, 2693-2708.
    """
    kid = str(kommune_id)
    features = list(features)
    x = feature_matrix(context, features)
    y = indicator_by_kommune.copy()
    y["kommune_id"] = y["kommune_id"].astype(str)
    y = y.drop_duplicates("kommune_id").set_index("kommune_id")
    if kid not in x.index:
        raise PeerError(f"Kommune {kid} mangler kontekstdata for de valgte variablene.")
    observed = float(y["value"].get(kid, np.nan)) if kid in y.index else float("nan")
    train, has_se = _training_set(x, y, kid, features)
    fit, frame, tau2 = _fit_and_predict(train, x.loc[[kid], features], features,
                                        float(y["se"].get(kid)) if has_se else None, alpha)
    return ExpectedValue(
        observed=observed,
        expected=float(frame["mean"].iloc[0]),
        pi_lower=float(frame["obs_ci_lower"].iloc[0]),
        pi_upper=float(frame["obs_ci_upper"].iloc[0]),
        r2=float(fit.rsquared),
        n_kommuner=int(len(train)),
        method=_expected_method_text(features, len(train), alpha, has_se),
        weighted=has_se,
        tau2=tau2,
        coefficients=dict(zip(["const", *features], map(float, fit.params))),
        fitted=pd.DataFrame({"kommune_id": train.index.astype(str), "observed": train["value"].to_numpy(),
                             "fitted": fit.fittedvalues}),
    )


def _training_set(x: pd.DataFrame, y: pd.DataFrame, kid: str, features: list[str]) -> tuple[pd.DataFrame, bool]:
    """The other kommuner with a value (and whether every one, and the kommune, has a usable ``se``)."""
    has_se = "se" in y.columns
    cols = ["value", "se"] if has_se else ["value"]
    train = x.join(y[cols], how="inner").drop(index=kid, errors="ignore")
    train = train[np.isfinite(train["value"])]
    if has_se:
        se_ok = np.isfinite(train["se"]) & (train["se"] > 0)
        has_se = bool(se_ok.all()) and np.isfinite(y["se"].get(kid, np.nan))
    min_n = len(features) + 3
    if len(train) < min_n:
        raise PeerError(
            f"For få kommuner med tall ({len(train)}) til å beregne forventet verdi; trenger minst {min_n}."
        )
    return train, has_se


def _fit_and_predict(train: pd.DataFrame, target_x: pd.DataFrame, features: list[str], target_se: float | None,
                     alpha: float):
    """(fit, prediction summary frame, tau²): OLS, or feasible-GLS WLS with 1/(tau² + se²) when ``target_se``."""
    import statsmodels.api as sm

    exog = sm.add_constant(train[features].to_numpy(), has_constant="add")
    endog = train["value"].to_numpy()
    target = sm.add_constant(target_x.to_numpy(), has_constant="add")
    ols = sm.OLS(endog, exog).fit()
    if target_se is None:
        return ols, ols.get_prediction(target).summary_frame(alpha=alpha), float("nan")
    se2 = train["se"].to_numpy() ** 2
    # Method of moments: mean squared residual (df-corrected) minus the mean sampling variance.
    tau2 = max(0.0, float(ols.ssr / ols.df_resid - se2.mean()))
    fit = sm.WLS(endog, exog, weights=1.0 / (tau2 + se2)).fit()
    w_target = 1.0 / (tau2 + target_se ** 2)
    return fit, fit.get_prediction(target, weights=np.array([w_target])).summary_frame(alpha=alpha), tau2


def _expected_method_text(features: list[str], n_train: int, alpha: float, weighted: bool) -> str:
    labels = ", ".join(CONTEXT_FEATURES.get(f, f).lower() for f in features)
    level = round(100 * (1 - alpha))
    if weighted:
        return (
            f"Forventet verdi fra vektet lineær regresjon (WLS, statsmodels) av indikatoren på {labels} "
            f"over {n_train} andre kommuner; vekt 1/(τ² + se²), der τ² er variasjonen mellom kommuner "
            f"som konteksten ikke forklarer og se er kommunens usikkerhet fra antall elever. "
            f"{level} % prediksjonsintervall for en kommune med denne konteksten."
        )
    return (
        f"Forventet verdi fra lineær regresjon (OLS, statsmodels) av indikatoren på {labels} "
        f"over {n_train} andre kommuner. {level} % prediksjonsintervall for en kommune med denne konteksten."
    )


PEER_METHODS: tuple[str, ...] = ("knn", "kostra")
DEFAULT_K = 10


def resolve_peers(
    context: pd.DataFrame, kommune_id: str, method: str = "knn",
    features: Sequence[str] = DEFAULT_FEATURES, k: int = DEFAULT_K,
) -> pd.DataFrame:
    """The chosen peers: DataFrame(kommune_id, distance, rank, kostra_group), nearest first.

    ``method="knn"``: ``nearest_peers``; ``method="kostra"``: ``kostra_peers``, with the distance on the
    same standardised scale as ``nearest_peers`` (so both lists say how near each peer is) and rank by it.
    """
    if method not in PEER_METHODS:
        raise PeerError(f"Ukjent metode for sammenlignbare kommuner: {method!r}.")
    groups = context.assign(kommune_id=context["kommune_id"].astype(str)).set_index("kommune_id")
    if method == "knn":
        out = nearest_peers(context, kommune_id, features, k)
    else:
        members = kostra_peers(context, kommune_id)
        out = members[["kommune_id"]].copy()
        x = feature_matrix(context, features)
        if str(kommune_id) in x.index and len(x) > 1:
            from sklearn.preprocessing import StandardScaler

            z = pd.DataFrame(np.nan_to_num(StandardScaler().fit_transform(x.to_numpy())), index=x.index)
            own = z.loc[str(kommune_id)].to_numpy()
            dist = np.sqrt(((z - own) ** 2).sum(axis=1))
            out["distance"] = out["kommune_id"].map(dist).astype(float)
        else:
            out["distance"] = np.nan
        out = out.sort_values(["distance", "kommune_id"], na_position="last", kind="stable").reset_index(drop=True)
        out["rank"] = np.arange(1, len(out) + 1)
    out["kostra_group"] = out["kommune_id"].map(groups["kostra_group"]) if "kostra_group" in groups else None
    return out.reset_index(drop=True)
