"""Peers and the context-adjusted expected value, checked against scikit-learn/statsmodels and closed forms."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler

from analysis import peers
from analysis.peers import PeerError
from analysis.window import last_school_years

FEATURES = list(peers.DEFAULT_FEATURES)


@pytest.fixture(scope="module")
def context() -> pd.DataFrame:
    import data

    return data.load_context()


def _synthetic(n: int = 60, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    ctx = pd.DataFrame(
        {
            "kommune_id": [f"{1000 + i}" for i in range(n)],
            "population": np.exp(rng.normal(8.5, 1.0, n)).round(),
            "adult_education_share": rng.normal(30, 6, n),
            "disability_benefit_share": rng.normal(10, 2, n),
            "child_welfare_share": rng.normal(4.5, 1, n),
            "kostra_group": rng.choice(["KOSTRA-gruppe 1", "KOSTRA-gruppe 2", "KOSTRA-gruppe 3"], n),
        }
    )
    y = 30 + 0.3 * ctx["adult_education_share"] - 0.5 * ctx["disability_benefit_share"] + rng.normal(0, 1.5, n)
    se = rng.uniform(0.3, 3.0, n)
    ind = pd.DataFrame({"kommune_id": ctx["kommune_id"], "value": y + rng.normal(0, 1, n) * se, "se": se})
    return ctx, ind


def test_kostra_peers_are_the_rest_of_the_group(context):
    kid = "7290"
    out = peers.kostra_peers(context, kid)
    group = context.loc[context["kommune_id"] == kid, "kostra_group"].iloc[0]
    expected = set(context.loc[(context["kostra_group"] == group) & (context["kommune_id"] != kid), "kommune_id"])
    assert set(out["kommune_id"]) == expected
    assert kid not in set(out["kommune_id"])
    assert len(out) > 5


def test_kostra_peers_unknown_group_and_unknown_kommune():
    ctx, _ = _synthetic()
    ctx.loc[0, "kostra_group"] = None
    assert peers.kostra_peers(ctx, ctx.loc[0, "kommune_id"]).empty
    with pytest.raises(PeerError, match="kontekstdata"):
        peers.kostra_peers(ctx, "9999")


def test_nearest_peers_match_brute_force_distances(context):
    kid, k = "7290", 8
    out = peers.nearest_peers(context, kid, FEATURES, k)
    # Independent reference: standardise by hand (population SD, as StandardScaler) and sort distances.
    x = context.set_index("kommune_id")[FEATURES].astype(float).copy()
    x["population"] = np.log(x["population"])
    z = (x - x.mean()) / x.std(ddof=0)
    d = np.sqrt(((z - z.loc[kid]) ** 2).sum(axis=1)).drop(kid).sort_values(kind="stable")
    assert list(out["kommune_id"]) == list(d.index[:k])
    np.testing.assert_allclose(out["distance"], d.iloc[:k].to_numpy(), rtol=1e-10)
    assert list(out["rank"]) == list(range(1, k + 1))


def test_nearest_peers_match_sklearn_on_chosen_features(context):
    feats = ["adult_education_share", "child_welfare_share"]
    out = peers.nearest_peers(context, "7190", feats, 5)
    x = context.set_index("kommune_id")[feats].astype(float)
    z = StandardScaler().fit_transform(x)
    dist, idx = NearestNeighbors(n_neighbors=6).fit(z).kneighbors(z[[x.index.get_loc("7190")]])
    ref = [(x.index[i], dd) for i, dd in zip(idx[0], dist[0]) if x.index[i] != "7190"][:5]
    # Same neighbours at the same distances (kommuner at exactly equal distance may come in either order).
    assert set(out["kommune_id"]) == {r[0] for r in ref}
    np.testing.assert_allclose(out["distance"], [r[1] for r in ref], rtol=1e-10)


def test_nearest_peers_k_is_capped_and_validated():
    ctx, _ = _synthetic(n=6)
    assert len(peers.nearest_peers(ctx, ctx.loc[0, "kommune_id"], FEATURES, 50)) == 5
    with pytest.raises(PeerError):
        peers.nearest_peers(ctx, ctx.loc[0, "kommune_id"], FEATURES, 0)
    with pytest.raises(PeerError, match="minst én"):
        peers.nearest_peers(ctx, ctx.loc[0, "kommune_id"], [], 3)
    with pytest.raises(PeerError, match="mangler"):
        peers.nearest_peers(ctx, ctx.loc[0, "kommune_id"], ["no_such_feature"], 3)


def _design(ctx: pd.DataFrame, ids, feats) -> np.ndarray:
    x = ctx.set_index("kommune_id").loc[list(ids), feats].astype(float).copy()
    if "population" in feats:
        x["population"] = np.log(x["population"])
    return np.column_stack([np.ones(len(x)), x.to_numpy()])


def test_expected_value_ols_matches_closed_form_prediction_interval():
    ctx, ind = _synthetic()
    ind = ind.drop(columns="se")
    kid = ctx.loc[7, "kommune_id"]
    res = peers.expected_value(ind, ctx, kid, FEATURES)
    train = ind[ind["kommune_id"] != kid]
    X = _design(ctx, train["kommune_id"], FEATURES)
    y = train["value"].to_numpy()
    beta = np.linalg.solve(X.T @ X, X.T @ y)
    resid = y - X @ beta
    dof = len(y) - X.shape[1]
    s2 = resid @ resid / dof
    x0 = _design(ctx, [kid], FEATURES)[0]
    pred = x0 @ beta
    half = stats.t.ppf(0.975, dof) * np.sqrt(s2 * (1 + x0 @ np.linalg.solve(X.T @ X, x0)))
    assert res.expected == pytest.approx(pred, rel=1e-9)
    assert res.pi_lower == pytest.approx(pred - half, rel=1e-9)
    assert res.pi_upper == pytest.approx(pred + half, rel=1e-9)
    r2 = 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))
    assert res.r2 == pytest.approx(r2, rel=1e-9)
    assert res.n_kommuner == len(ctx) - 1
    assert not res.weighted
    assert res.observed == pytest.approx(float(ind.loc[ind["kommune_id"] == kid, "value"].iloc[0]))
    assert "OLS" in res.method and "prediksjonsintervall" in res.method


def test_expected_value_weighted_matches_statsmodels_wls():
    ctx, ind = _synthetic(seed=3)
    kid = ctx.loc[11, "kommune_id"]
    res = peers.expected_value(ind, ctx, kid, FEATURES)
    train = ind[ind["kommune_id"] != kid]
    X = _design(ctx, train["kommune_id"], FEATURES)
    y = train["value"].to_numpy()
    ols = sm.OLS(y, X).fit()
    tau2 = max(0.0, ols.ssr / ols.df_resid - np.mean(train["se"] ** 2))
    w = 1 / (tau2 + train["se"].to_numpy() ** 2)
    wls = sm.WLS(y, X, weights=w).fit()
    x0 = _design(ctx, [kid], FEATURES)[0]
    se0 = float(ind.loc[ind["kommune_id"] == kid, "se"].iloc[0])
    # Closed form of the WLS prediction interval: a new observation has variance scale·(tau2 + se0²).
    pred = float(x0 @ wls.params)
    var_mean = float(x0 @ wls.cov_params() @ x0)
    var_obs = wls.scale * (tau2 + se0**2)
    half = stats.t.ppf(0.975, wls.df_resid) * np.sqrt(var_mean + var_obs)
    assert res.weighted and res.tau2 == pytest.approx(tau2)
    assert res.expected == pytest.approx(pred, rel=1e-9)
    assert res.pi_lower == pytest.approx(pred - half, rel=1e-9)
    assert res.pi_upper == pytest.approx(pred + half, rel=1e-9)
    assert res.r2 == pytest.approx(wls.rsquared, rel=1e-9)
    assert "WLS" in res.method


def test_expected_value_leaves_the_kommune_out_of_the_fit():
    ctx, ind = _synthetic(seed=5)
    kid = ctx.loc[2, "kommune_id"]
    a = peers.expected_value(ind, ctx, kid, ["adult_education_share"])
    ind2 = ind.copy()
    ind2.loc[ind2["kommune_id"] == kid, "value"] -= 25  # a very low result
    b = peers.expected_value(ind2, ctx, kid, ["adult_education_share"])
    assert b.expected == pytest.approx(a.expected)
    assert b.position == "lavere"


def test_expected_value_errors_are_norwegian():
    ctx, ind = _synthetic(n=5)
    with pytest.raises(PeerError, match="For få kommuner"):
        peers.expected_value(ind, ctx, ctx.loc[0, "kommune_id"], FEATURES)
    with pytest.raises(PeerError, match="mangler kontekstdata"):
        peers.expected_value(ind, ctx, "nope", FEATURES)


def test_expected_value_on_demo_reads_lower_than_context_predicts_for_brekkestad(demo_figures, context):
    import data
    from analysis import selection

    sl = selection.slice_indicator(demo_figures, "grunnskolepoeng", "", 10)
    window = last_school_years(sl["period"].unique())
    kom = selection.all_kommuner(sl, data.load_kommuner(), window)
    kom = kom[~kom["suppressed"]]
    pooled = kom.groupby("unit_id").apply(lambda g: np.average(g["value"], weights=g["n"]), include_groups=False)
    ind = pooled.rename("value").rename_axis("kommune_id").reset_index()
    res = peers.expected_value(ind, context, "7290", FEATURES)
    assert res.n_kommuner > 300
    assert res.pi_lower < res.expected < res.pi_upper
    assert 0.1 < res.r2 < 0.9
    assert res.observed < res.expected
