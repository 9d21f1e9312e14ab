"""Shared app state: the sidebar kommune picker and query-parameter helpers.

State that matters lives in the URL's query params (``?kommune=7290&indikator=...``) so a link
reproduces the view for someone else in the workshop. Session state mirrors it for widgets.
Nothing here holds user data at module level (several app replicas may serve one workshop).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TypeVar

import pandas as pd
import streamlit as st

import data
from data import succession
from present.strings import t

log = logging.getLogger(__name__)
T = TypeVar("T")

KOMMUNE_PARAM = "kommune"  # query param and the picker widget's key
CHOSEN_KEY = "valgt_kommune"  # session-state key holding the choice itself
DEFAULT_KOMMUNE = "7290"  # the spread showcase in the demo; falls back to the first kommune


@st.cache_data(show_spinner=False, max_entries=4)
def kommune_options(token: str) -> pd.DataFrame:
    """Current kommuner (id, name, fylke) for the picker; ``token`` invalidates on new data."""
    cur = data.current_kommuner()
    return cur[["kommune_id", "kommune_name", "fylke_id", "fylke_name"]].astype(str).reset_index(drop=True)


def data_token() -> str:
    """Cache key of the active data (changes after an import)."""
    return data.dataset_token()


def kommune_picker() -> str | None:
    """Render the sidebar kommune picker; return the chosen kommune id (kept in the query params)."""
    options = kommune_options(data_token())
    if options.empty:
        st.sidebar.warning(t("app.no_kommuner"))
        return None
    ids = options["kommune_id"].tolist()
    names = dict(zip(ids, options["kommune_name"]))
    # The choice is kept under its own key; the widget only reports changes (on_change). Its default
    # index is the current choice on every run, so if the browser ever re-creates the widget (a page
    # switch under load), it comes back on the chosen kommune instead of the first in the list.
    chosen = st.session_state.get(CHOSEN_KEY)
    if chosen not in names:
        wanted = st.query_params.get(KOMMUNE_PARAM)
        chosen = wanted if wanted in names else (DEFAULT_KOMMUNE if DEFAULT_KOMMUNE in names else ids[0])
        st.session_state[CHOSEN_KEY] = chosen

    def remember() -> None:
        st.session_state[CHOSEN_KEY] = st.session_state[KOMMUNE_PARAM]

    st.sidebar.selectbox(
        t("app.kommune"),
        ids,
        index=ids.index(chosen),
        key=KOMMUNE_PARAM,
        format_func=lambda k: f"{names.get(k, k)} ({k})",
        help=_picker_help(chosen),
        on_change=remember,
    )
    chosen = st.session_state[CHOSEN_KEY]
    if st.query_params.get(KOMMUNE_PARAM) != chosen:
        st.query_params[KOMMUNE_PARAM] = chosen
    return chosen


def _picker_help(kommune_id: str) -> str:
    """The picker's tooltip, with the full official name (all language forms) where it differs from the
    display name («Guovdageaidnu - Kautokeino» for Kautokeino)."""
    official = succession.official_name(kommune_id)
    if official and official != succession.name(kommune_id):
        return t("app.kommune_help") + " " + t("app.kommune_official", name=official)
    return t("app.kommune_help")


def selected_kommune() -> str | None:
    """The kommune chosen in the sidebar (the picker runs in app.py before every page)."""
    return st.session_state.get(CHOSEN_KEY) or st.query_params.get(KOMMUNE_PARAM)


def page_kommune() -> tuple[str, dict[str, str], str]:
    """The common top of a kommune page: the chosen kommune (the page stops if there is none).

    Returns (kommune_id, kommune_row, data token).
    """
    kommune_id = selected_kommune()
    if not kommune_id:
        st.stop()
    return kommune_id, kommune_row(kommune_id), data_token()


def kommune_row(kommune_id: str) -> dict[str, str]:
    """id, name and fylke of a kommune as a dict (empty names if unknown)."""
    options = kommune_options(data_token())
    hit = options[options["kommune_id"] == str(kommune_id)]
    if hit.empty:
        return {"kommune_id": str(kommune_id), "kommune_name": str(kommune_id), "fylke_id": "", "fylke_name": ""}
    return hit.iloc[0].to_dict()


def param_choice(
    label: str,
    options: Sequence[T],
    param: str,
    *,
    key: str | None = None,
    format_func: Callable[[T], str] = str,
    container=None,
    help: str | None = None,
    to_str: Callable[[T], str] = str,
) -> T:
    """A selectbox whose value is mirrored in query param ``param`` (a shared link restores it)."""
    key = key or f"qp_{param}"
    by_str = {to_str(o): o for o in options}
    wanted = st.query_params.get(param)
    if key not in st.session_state or st.session_state[key] not in options:
        st.session_state[key] = by_str.get(wanted, options[0]) if options else None
    box = container or st
    value = box.selectbox(label, list(options), key=key, format_func=format_func, help=help)
    if value is not None and st.query_params.get(param) != to_str(value):
        st.query_params[param] = to_str(value)
    return value


def param_multi(
    label: str,
    options: Sequence[str],
    param: str,
    *,
    key: str | None = None,
    default: Sequence[str] = (),
    format_func: Callable[[str], str] = str,
    container=None,
    help: str | None = None,
    placeholder: str | None = None,
) -> list[str]:
    """A multiselect mirrored in query param ``param`` as a comma-separated list."""
    key = key or f"qp_{param}"
    if key not in st.session_state:
        raw = st.query_params.get(param)
        chosen = [v for v in raw.split(",") if v in options] if raw else [v for v in default if v in options]
        st.session_state[key] = chosen
    else:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]
    box = container or st
    values = box.multiselect(label, list(options), key=key, format_func=format_func, help=help,
                             placeholder=placeholder or t("common.choose"))
    joined = ",".join(values)
    if (st.query_params.get(param) or "") != joined:
        if joined:
            st.query_params[param] = joined
        elif param in st.query_params:
            del st.query_params[param]
    return values
