"""Statsforvalter: several kommuner at once — uttrekk indicators with intervals and verdicts, the spread
signal, findings by kind and checklist progress in one sortable table; one PDF per kommune as a zip."""

from __future__ import annotations

import logging
import math

import pandas as pd
import streamlit as st

import data
from analysis import uttrekk as u
from analysis.compare import count_classifications
from analysis.window import last_school_years
from data.catalogue import UTTREKK_SET, indicator_label
from data.findings import vocab
from report import ReportOptions, batch_zip
from report.model import MARK, checklist_progress, short_label
from ui import findings_widgets as fw
from ui.goals_data import goals_table
from present.format import fmt_interval
from ui.state import data_token, param_choice, param_multi, selected_kommune
from ui.state import scoped_kommune_options as kommune_options
from present.strings import t
from ui.tables import show_table

log = logging.getLogger(__name__)


# Shared, not copied: st.cache_data would unpickle the ~14 MB result on every run of every session.
@st.cache_resource(show_spinner=False, max_entries=2)
def uttrekk_model(token: str) -> u.UttrekkResult:
    return u.compute(data.load_dataset())


@st.cache_data(show_spinner=False, max_entries=16)
def indicator_table(token: str, kommune_ids: tuple[str, ...]) -> pd.DataFrame:
    figures = data.load_dataset()
    periods = last_school_years(figures["period"].unique())
    return u.kommuner_indicator_table(figures, {k: data.kommune_lineage(k) for k in kommune_ids}, periods)


@st.cache_data(show_spinner=False, max_entries=16)
def numbers_table(token: str, kommune_ids: tuple[str, ...]) -> pd.DataFrame:
    """One row per kommune: the uttrekk model's share, rank, spread and status, and each uttrekk
    indicator with its interval and flag (cached: depends only on the data and the kommune list)."""
    res = uttrekk_model(token)
    tab = indicator_table(token, tuple(sorted(kommune_ids)))
    opts = kommune_options(token)
    names = dict(zip(opts["kommune_id"], opts["kommune_name"]))
    kommuner = res.kommuner.set_index(res.kommuner["kommune_id"].astype(str))
    # Partial real data can hold no uttrekk indicator at all: an empty table without columns.
    groups = tab.groupby("kommune_id") if "kommune_id" in tab.columns else []
    by_kommune = {str(k): g.set_index(["indicator", "subject", "trinn"]) for k, g in groups}
    rows = []
    for kid in kommune_ids:
        row = {t("sf.col.kommune"): f"{names.get(kid, kid)} ({kid})"}
        if kid in kommuner.index:
            k = kommuner.loc[kid]
            row[t("sf.col.share")] = None if pd.isna(k["share"]) else round(float(k["share"]), 1)
            row[t("sf.col.rank")] = None if pd.isna(k["rank"]) else int(k["rank"])
            row[t("sf.col.spread")] = None if pd.isna(k["spread"]) else round(float(k["spread"]), 1)
            row[t("sf.col.signal")] = t("sf.yes") if bool(k["spread_signal"]) else t("sf.no")
            row[t("sf.col.status")] = (t("sf.status.level") if bool(k["drawn_level"])
                                       else t("sf.status.spread") if bool(k["drawn_spread"]) else "–")
        mine = by_kommune.get(kid)
        row[t("sf.col.svakere")] = 0 if mine is None else count_classifications(mine["classification"]).svakere
        for key in UTTREKK_SET:
            hit = None if mine is None or key not in mine.index else mine.loc[[key]]
            row[short_label(*key)] = cell(hit.reset_index().iloc[0]) if hit is not None and len(hit) else t("common.no_data")
        rows.append(row)
    return pd.DataFrame(rows)


def cell(r) -> str:
    """'42,3 (40,1–44,5) ▼': the pooled figure with its interval and the mark of its verdict."""
    text = fmt_interval(r)
    return text if bool(r["suppressed"]) or pd.isna(r["estimate"]) else text + MARK.get(str(r["classification"]), "")


st.title(t("sf.title"))
st.caption(t("sf.intro"))
token = data_token()
options = kommune_options(token)
names = dict(zip(options["kommune_id"], options["kommune_name"]))
current = selected_kommune()
# Mode, fylke, list and sorting live in the link (?utvalg=fylke&fylke=…&sorter=…), so it reproduces the view.
mode = param_choice(t("sf.mode"), ["fylke", "list"], "utvalg", key="sf_mode", format_func=lambda m: t(f"sf.mode.{m}"))
if mode == "fylke":
    fylker = options.drop_duplicates("fylke_id").sort_values("fylke_name")
    fylke_ids = fylker["fylke_id"].tolist()
    own = options.loc[options["kommune_id"] == current, "fylke_id"]
    if "fylke" not in st.query_params and len(own):  # the chosen kommune's fylke first
        fylke_ids = [own.iloc[0]] + [f for f in fylke_ids if f != own.iloc[0]]
    fy = param_choice(t("sf.fylke"), fylke_ids, "fylke", key="sf_fylke",
                      format_func=dict(zip(fylker["fylke_id"], fylker["fylke_name"])).get)
    ids = options.loc[options["fylke_id"] == fy, "kommune_id"].tolist()
else:
    ids = param_multi(t("sf.kommuner"), options["kommune_id"].tolist(), "kommuner", key="sf_list",
                      default=[current] if current in names else [], format_func=lambda k: f"{names.get(k, k)} ({k})")
if not ids:
    st.info(t("sf.none"))
    st.stop()

with st.spinner(t("sf.computing")):
    res = uttrekk_model(token)
    numbers = numbers_table(token, tuple(ids))
try:
    store = fw.findings_store()
except Exception:  # noqa: BLE001
    log.exception("findings store unavailable")
    store = None

rows = []
for kid in ids:
    row = {}
    if store is not None:
        try:
            fs = store.list_findings(kid)
            for kind, label in vocab.KINDS.items():
                row[label] = sum(1 for f in fs if f.kind == kind)
            prog = checklist_progress(store.checklist(kid))
            row[t("sf.col.checklist")] = t("sf.checklist_done", done=prog["ferdig"], total=prog["total"])
        except Exception:  # noqa: BLE001
            log.exception("findings for %s", kid)
    rows.append(row)
# Figures (cached per data version and kommune list) beside the live findings counts.
table = pd.concat([numbers.reset_index(drop=True), pd.DataFrame(rows)], axis=1)
sortable = [c for c in (t("sf.col.share"), t("sf.col.rank"), t("sf.col.spread"), t("sf.col.svakere"),
                        t("sf.col.kommune")) if c in table.columns]
c1, c2 = st.columns([3, 1])
sort_by = param_choice(t("sf.sort"), sortable, "sorter", key="sf_sort", container=c1)
natural = sort_by not in (t("sf.col.rank"), t("sf.col.kommune"))  # largest first, except rank and name
if st.session_state.get("sf_sort_prev", sort_by) != sort_by:
    st.query_params.pop("synkende", None)  # a new sort column starts in its natural direction
st.session_state["sf_sort_prev"] = sort_by
wanted = st.query_params.get("synkende")
descending = c2.toggle(t("sf.descending"), value=natural if wanted is None else wanted == "1", key=f"sf_desc_{sort_by}")
if descending != natural:
    st.query_params["synkende"] = "1" if descending else "0"
else:
    st.query_params.pop("synkende", None)
table = table.sort_values(sort_by, ascending=not descending, na_position="last")
# The whole table (no inner scroll box), the kommune column pinned left so it stays when scrolling sideways.
show_table(table, hide_index=True, width="stretch", height=38 * (len(table) + 1) + 4, key="sf_table",
           column_config={t("sf.col.kommune"): st.column_config.TextColumn(pinned=True)})
st.caption(t("sf.legend") + " " + "; ".join(f"{short_label(*k)} = {indicator_label(*k)}" for k in UTTREKK_SET))

# --- goals for gjennomføringsfasen per kommune (ui/goals_data.goals_table) --------------------------
st.header(t("maal.sf.heading"))
try:
    goals_tab = goals_table(token, ids, names)
    if goals_tab.empty:
        st.caption(t("maal.sf.none"))
    else:
        st.dataframe(goals_tab, hide_index=True, width="stretch")
except Exception:  # noqa: BLE001 - the rest of the page stays usable
    log.exception("goals table failed")
    st.error(t("maal.db_error"))

# --- batch export ---------------------------------------------------------------------------------
st.header(t("sf.batch"))
st.caption(t("sf.batch_confirm", n=len(ids), minutes=max(1, math.ceil(len(ids) * 5 / 60))))
if st.button(t("sf.batch"), key="sf_batch", type="primary"):
    bar = st.progress(0.0, text=t("sf.starting"))
    blob, errors = batch_zip(
        ids, options=ReportOptions(), figures=data.load_dataset(), uttrekk=res,
        findings_for=(store.list_findings if store else (lambda k: ())),
        checklist_for=(store.checklist if store else (lambda k: ())),
        agreement_for=(store.ratings().for_report if store else (lambda k: None)),
        progress=lambda frac, text: bar.progress(min(frac, 1.0), text=text))
    st.session_state["sf_zip"] = (tuple(ids), blob)
    if errors:
        st.warning(t("sf.batch_errors") + "\n\n" + "\n".join(f"- {e}" for e in errors))
saved = st.session_state.get("sf_zip")
if saved and saved[0] == tuple(ids):
    st.download_button(t("sf.download_zip"), saved[1], file_name="utfordringsbilder.zip", mime="application/zip",
                       key="sf_download")
