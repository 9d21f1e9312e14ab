"""Felles forståelse: the heatmap challenge × role of mean «hvor viktig», its table view, the
agreement table and the plain sentences «skoleledere og skoleeier er enige om …, uenige om …»."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.agreement import role_pair
from data.findings.vocab import RATING_ROLES
from present.charts import base_layout
from present.format import fmt_number
from present.strings import t, verbatim

LABEL_CHARS = 60


def short(text: str, n: int = LABEL_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _roles(means: pd.DataFrame) -> list[str]:
    present = set(means["role"])
    return [r for r in RATING_ROLES if r in present]


def heatmap_grid(means: pd.DataFrame, order: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mean, n) as challenge × role frames in ``order`` and ``RATING_ROLES`` order."""
    roles = _roles(means)
    mean = means.pivot(index="finding_id", columns="role", values="mean").reindex(index=order, columns=roles)
    n = means.pivot(index="finding_id", columns="role", values="n").reindex(index=order, columns=roles)
    return mean, n.fillna(0).astype(int)


def heatmap_figure(means: pd.DataFrame, labels: dict[str, str], title: str) -> go.Figure:
    """Heatmap of mean importance (1–5, colour-blind-safe sequential scale), the mean and n in each cell;
    a cell no one of that role rated stays empty."""
    order = list(labels)
    mean, n = heatmap_grid(means, order)
    ylab = [html.escape(short(labels[f])) for f in order]  # user text: no HTML in tick labels
    xlab = [RATING_ROLES[r] for r in mean.columns]
    text = [[("" if not np.isfinite(v) else f"{fmt_number(v, 1)} (n = {k})") for v, k in zip(row_m, row_n)]
            for row_m, row_n in zip(mean.to_numpy(float), n.to_numpy())]
    hover = [[html.escape(t("felles.heatmap_hover", challenge=verbatim(short(labels[f], 120)), role=RATING_ROLES[r],
                             mean=fmt_number(mean.loc[f, r], 1) if np.isfinite(mean.loc[f, r]) else "–",
                             n=int(n.loc[f, r]))).replace("&lt;br&gt;", "<br>") for r in mean.columns]
             for f in order]
    fig = go.Figure(go.Heatmap(z=mean.to_numpy(float), x=xlab, y=ylab, zmin=1, zmax=5, colorscale="Viridis",
                               text=text, texttemplate="%{text}", hovertext=hover, hoverinfo="text",
                               colorbar={"title": {"text": t("felles.heatmap_colorbar")}}, xgap=2, ygap=2))
    fig = base_layout(fig, title=title, height=max(320, 140 + 48 * len(order)))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False)
    fig.update_layout(margin={"l": 20, "r": 20, "t": 90, "b": 20})
    return fig


def heatmap_table(means: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The table view of the heatmap: one row per challenge, «snitt (n = k)» per role."""
    order = list(labels)
    mean, n = heatmap_grid(means, order)
    out = {t("felles.col.challenge"): [labels[f] for f in order]}
    for r in mean.columns:
        out[RATING_ROLES[r]] = [f"{fmt_number(m, 1)} (n = {k})" if np.isfinite(m) else "–"
                                for m, k in zip(mean[r].to_numpy(float), n[r].to_numpy())]
    return pd.DataFrame(out)


def agreement_table(ag_imp: pd.DataFrame, ag_cert: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Per challenge: n, mean importance, mean certainty, SD and r_wg of importance with its interval and band."""
    imp = ag_imp.set_index("finding_id")
    cert = ag_cert.set_index("finding_id")
    rows = []
    for f in [x for x in labels if x in imp.index]:
        r = imp.loc[f]
        rw = "–" if not np.isfinite(r["rwg"]) else (
            f"{fmt_number(r['rwg'], 2)} ({fmt_number(r['rwg_lower'], 2)}–{fmt_number(r['rwg_upper'], 2)})")
        rows.append({t("felles.col.challenge"): labels[f], t("felles.col.n"): int(r["n"]),
                     t("felles.col.mean_importance"): fmt_number(r["mean"], 1),
                     t("felles.col.mean_certainty"): fmt_number(cert.loc[f, "mean"], 1) if f in cert.index else "–",
                     t("felles.col.sd"): fmt_number(r["sd"], 2) if np.isfinite(r["sd"]) else "–",
                     t("felles.col.rwg"): rw, t("felles.col.band"): t(f"felles.band.{r['band']}")})
    return pd.DataFrame(rows)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def pair_sentences(ratings: pd.DataFrame, labels: dict[str, str], role_a: str, role_b: str) -> list[str]:
    """«Skoleledere og skoleeier er enige om: …», «… uenige om: …» (and who has not rated what), plain text."""
    pair = role_pair(ratings, role_a, role_b)
    a, b = _cap(t(f"felles.role_plural.{role_a}")), t(f"felles.role_plural.{role_b}")
    out = []
    for verdict in ("enige", "uenige"):
        items = [f"«{short(labels[f])}»" for f in pair.loc[pair["verdict"] == verdict, "finding_id"] if f in labels]
        out.append(t(f"felles.pair_{verdict}", a=a, b=b, items="; ".join(items)) if items
                   else t(f"felles.pair_none_{verdict}", a=a, b=b))
    unknown = [f"«{short(labels[f])}»" for f in labels if f not in set(pair["finding_id"]) or
               f in set(pair.loc[pair["verdict"] == "ukjent", "finding_id"])]
    if unknown:
        out.append(t("felles.pair_unknown", items="; ".join(unknown)))
    return out


__all__ = ["agreement_table", "heatmap_figure", "heatmap_grid", "heatmap_table", "pair_sentences", "short"]
