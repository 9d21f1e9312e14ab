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
from ui.auth import active_principal

log = logging.getLogger(__name__)
T = TypeVar("T")

KOMMUNE_PARAM = "kommune"  # query param and the picker widget's key
CHOSEN_KEY = "valgt_kommune"  # session-state key holding the choice itself
FROM_WIDGET_KEY = "valgt_kommune_fra_velger"  # set by the picker's on_change for the next run
DEFAULT_KOMMUNE = "7290"  # the spread showcase in the demo; falls back to the first kommune


@st.cache_data(show_spinner=False, max_entries=4)
def kommune_options(token: str) -> pd.DataFrame:
    """Current kommuner (id, name, fylke) for the picker; ``token`` invalidates on new data."""
    cur = data.current_kommuner()
    return cur[["kommune_id", "kommune_name", "fylke_id", "fylke_name"]].astype(str).reset_index(drop=True)


def scoped_kommune_options(token: str) -> pd.DataFrame:
    """``kommune_options`` limited to the kommuner the person using the app may see."""
    options = kommune_options(token)
    principal = active_principal()
    if principal.is_admin:
        return options
    return options[options["kommune_id"].map(principal.kommune_allowed)].reset_index(drop=True)


def data_token() -> str:
    """Cache key of the active data (changes after an import) and of the session's language.

    Cached results hold Norwegian texts (figure titles, table headers, labels), so a bokmål and a
    nynorsk session must not share them: the language is part of the key.
    """
    from data.language import active_language

    return f"{data.dataset_token()}|{active_language()}"


def kommune_picker() -> str | None:
    """Render the sidebar kommune picker; return the chosen kommune id (kept in the query params)."""
    options = scoped_kommune_options(data_token())  # only the kommuner in the person's scope (also via links)
    if options.empty:
        st.sidebar.warning(t("app.no_kommuner"))
        return None
    ids = options["kommune_id"].tolist()
    names = dict(zip(ids, options["kommune_name"]))
    # The choice is kept under its own key; the widget reports changes (on_change). The link wins when
    # it names another kommune and the widget did not just change: a shared link, or Back/Forward in
    # the browser, which restores an older link. The widget's state is set from the choice on every
    # run, so a re-created widget (a page switch under load) comes back on the chosen kommune.
    from_widget = st.session_state.pop(FROM_WIDGET_KEY, False)
    wanted = st.query_params.get(KOMMUNE_PARAM)
    chosen = st.session_state.get(CHOSEN_KEY)

    def remember() -> None:
        st.session_state[CHOSEN_KEY] = st.session_state[KOMMUNE_PARAM]
        st.session_state[FROM_WIDGET_KEY] = True

    label, fmt = t("app.kommune"), (lambda k: f"{names.get(k, k)} ({k})")
    from_link = wanted if wanted in names else (DEFAULT_KOMMUNE if DEFAULT_KOMMUNE in names else ids[0])
    if chosen is None:
        # The session's first run: the widget starts on the link's kommune. A browser that reconnects to a
        # new server session (a restarted or failed-over replica) sends its widget's value with this run,
        # and that value wins: the user's last choice is not lost to the link it had not yet updated.
        value = st.sidebar.selectbox(label, ids, index=ids.index(from_link), key=KOMMUNE_PARAM, format_func=fmt,
                                     help=_picker_help(from_link), on_change=remember)
        st.session_state[CHOSEN_KEY] = value if value in names else from_link
    else:
        if chosen not in names or (not from_widget and wanted in names and wanted != chosen):
            chosen = from_link
            st.session_state[CHOSEN_KEY] = chosen
        st.session_state[KOMMUNE_PARAM] = chosen
        st.sidebar.selectbox(label, ids, key=KOMMUNE_PARAM, format_func=fmt, help=_picker_help(chosen),
                             on_change=remember)
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
    chosen = st.session_state.get(CHOSEN_KEY) or st.query_params.get(KOMMUNE_PARAM)
    return chosen if chosen and active_principal().kommune_allowed(chosen) else None


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
