"""Controls shared by the exploration pages (utvikling, skoler, sammenlignbare), mirrored in query params.

- ``indicator_picker``: indicator, fag, trinn and kjønn (``?indikator=&fag=&trinn=&kjonn=``), offering
  only combinations the data hold for the kommune;
- ``window_picker``: the period window, its last school year and length (``?periode=&vindu=``);
- ``peer_settings``: how comparable kommuner are chosen (``?sammenligning=&k=&kontekst=``); editable on
  the Sammenlignbare page, read (method only editable) elsewhere, so a link reproduces the peers.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import data
from analysis import selection
from analysis.peers import CONTEXT_FEATURES, DEFAULT_FEATURES, DEFAULT_K, PEER_METHODS
from analysis.window import WINDOW_YEARS
from data.catalogue import INDICATORS, indicator_label, indicator_name, subject_label
from ui.state import param_choice, param_multi
from present.strings import t, tr
from present.window import school_years

KJONN_LABEL_KEYS = {"alle": "kjonn.alle", "jenter": "kjonn.jenter", "gutter": "kjonn.gutter"}
MAX_K = 40


@st.cache_data(show_spinner=False, max_entries=32)
def indicator_choices(token: str, kommune_id: str) -> pd.DataFrame:
    """(indicator, subject, trinn, kjonn) combinations with figures for the kommune (any of its numbers)."""
    return selection.indicator_options(data.load_dataset(), data.kommune_lineage(kommune_id))


def indicator_picker(opts: pd.DataFrame, *, with_kjonn: bool = True,
                     indicators: list[str] | None = None) -> tuple[str, str, int, str]:
    """Four selectboxes in one row; returns (indicator, subject, trinn, kjonn)."""
    c1, c2, c3, c4 = st.columns([3, 1.3, 1, 1.2])
    present = set(opts["indicator"])
    order = ["grunnskolepoeng"] + [i for i in INDICATORS if i != "grunnskolepoeng"]
    choices = [i for i in order if i in present and (indicators is None or i in indicators)]
    indicator = param_choice(t("common.indikator"), choices, "indikator", container=c1,
                             format_func=indicator_name)
    o = opts[opts["indicator"] == indicator]
    subjects = sorted(o["subject"].unique())
    subject = param_choice(t("utv.subject"), subjects, "fag", container=c2,
                           format_func=lambda s: subject_label(s) or t("utv.no_subject"))
    o = o[o["subject"] == subject]
    trinns = sorted(int(x) for x in o["trinn"].unique())
    trinn = param_choice(t("utv.trinn"), trinns, "trinn", container=c3, format_func=lambda x: f"{x}. trinn")
    o = o[o["trinn"] == trinn]
    kjonns = [k for k in ("alle", "jenter", "gutter") if k in set(o["kjonn"])]
    if with_kjonn and len(kjonns) > 1:
        kjonn = param_choice(t("utv.kjonn"), kjonns, "kjonn", container=c4,
                             format_func=lambda k: t(KJONN_LABEL_KEYS[k]))
    else:
        kjonn = "alle" if "alle" in kjonns else kjonns[0]
    return indicator, subject, int(trinn), kjonn


def full_label(indicator: str, subject: str, trinn: int, kjonn: str) -> str:
    """'Grunnskolepoeng, 10. trinn, jenter'."""
    base = indicator_label(indicator, subject, trinn)
    return base if kjonn == "alle" else f"{base}, {t(KJONN_LABEL_KEYS[kjonn]).lower()}"


def window_picker(periods: list[str], container=None, default_years: int = WINDOW_YEARS) -> list[str]:
    """Last school year and number of years of the window; returns the window's school years in order."""
    box = container or st
    c1, c2 = box.columns(2)
    ordered = list(periods)
    end = param_choice(t("window.end"), list(reversed(ordered)), "periode", container=c1,
                       help=t("window.end_help"))
    choices = sorted(range(1, WINDOW_YEARS + 1), reverse=default_years == WINDOW_YEARS)
    years = param_choice(t("window.years"), choices, "vindu", container=c2,
                         format_func=lambda y: t("window.years_n", n=y), to_str=str)
    # The calendar window (a year the data lack stays in it; the page's label then says «2 av 3 år» and why).
    return school_years(end, int(years))


def peer_settings(*, editable: bool, container=None) -> tuple[str, tuple[str, ...], int]:
    """(method, features, k) for comparable kommuner, kept in the query params."""
    box = container or st
    method = param_choice(t("peers.method"), list(PEER_METHODS), "sammenligning", container=box,
                          format_func=lambda m: t(f"peers.method.{m}"), help=t("peers.method_help"))
    if editable:
        raw = st.query_params.get("kontekst")
        if raw is not None and not any(f in CONTEXT_FEATURES for f in raw.split(",")):
            del st.query_params["kontekst"]  # nothing usable in the link: fall back to the defaults
        features = tuple(param_multi(t("peers.features"), list(CONTEXT_FEATURES), "kontekst",
                                     default=list(DEFAULT_FEATURES), format_func=lambda f: tr(CONTEXT_FEATURES[f]),
                                     container=box, help=t("peers.features_help")))
        ks = list(range(3, MAX_K + 1))
        if "qp_k" not in st.session_state:
            try:
                wanted = int(st.query_params.get("k", DEFAULT_K))
            except ValueError:
                wanted = DEFAULT_K
            st.session_state["qp_k"] = min(MAX_K, max(3, wanted))
        k = box.select_slider(t("peers.k"), ks, key="qp_k", disabled=method != "knn", help=t("peers.k_help"))
        if st.query_params.get("k") != str(k):
            st.query_params["k"] = str(k)
    else:
        raw = st.query_params.get("kontekst")
        features = tuple(f for f in raw.split(",") if f in CONTEXT_FEATURES) if raw else DEFAULT_FEATURES
        try:
            k = min(MAX_K, max(3, int(st.query_params.get("k", DEFAULT_K))))
        except ValueError:
            k = DEFAULT_K
    return method, tuple(features), int(k)
