"""The «Legg til funn» form, prefilled with what a page shows (normalised by ``normalise_prefill``)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import streamlit as st

from data.findings import TEXT_MAX, Finding, FindingIn, FindingsStore, FindingValidationError, IndicatorLink, vocab
from present.strings import t
from ui.findings_common import (
    _link_code, _link_from_code, _periods, _remember_author, _saved_author, _token, author_inputs,
    findings_store, indicator_link_options, kommune_schools, link_label, school_name,
)

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------------------------
# Prefill and the "Legg til funn" form
# ------------------------------------------------------------------------------------------------
def normalise_prefill(prefill: Mapping[str, Any]) -> dict[str, Any]:
    """Accept what a page has on screen and return form defaults.

    Keys understood: kommune_id, indicator (+ subject, trinn) or indicators (IndicatorLinks/dicts),
    school/schools, period/periods (or window), kind, source, status, themes, text.
    """
    p = dict(prefill or {})
    links: list[IndicatorLink] = []
    for item in p.get("indicators") or []:
        if isinstance(item, IndicatorLink):
            links.append(item)
        elif isinstance(item, Mapping):
            links.append(IndicatorLink(str(item.get("indicator")), str(item.get("subject") or ""), item.get("trinn")))
    if p.get("indicator"):
        trinn = p.get("trinn")
        links.insert(0, IndicatorLink(str(p["indicator"]), str(p.get("subject") or ""),
                                      int(trinn) if trinn not in (None, "") else None))
    schools = [str(s) for s in (p.get("schools") or [])]
    if p.get("school"):
        schools.insert(0, str(p["school"]))
    periods = [str(x) for x in (p.get("periods") or p.get("window") or [])]
    if p.get("period"):
        periods.insert(0, str(p["period"]))
    return {
        "kommune_id": str(p.get("kommune_id") or ""),
        "indicators": list(dict.fromkeys(links)),
        "schools": list(dict.fromkeys(schools)),
        "periods": list(dict.fromkeys(periods)),
        "kind": p.get("kind") if p.get("kind") in vocab.KINDS else "utfordring",
        "source": p.get("source") if p.get("source") in vocab.SOURCES else vocab.DEFAULT_SOURCE,
        "status": p.get("status") if p.get("status") in vocab.STATUSES else vocab.DEFAULT_STATUS,
        "themes": [str(x) for x in p.get("themes") or []],
        "text": str(p.get("text") or ""),
    }


def _prefill_key(pre: Mapping[str, Any]) -> str:
    import hashlib

    raw = repr((pre["kommune_id"], [_link_code(x) for x in pre["indicators"]], pre["schools"], pre["periods"]))
    return hashlib.sha1(raw.encode()).hexdigest()[:8]


def _flash(key: str, message: str | None = None) -> None:
    """Show (and clear) a message kept over a rerun; with ``message`` store it instead."""
    fk = f"{key}_flash"
    if message is not None:
        st.session_state[fk] = message
    elif st.session_state.get(fk):
        st.success(st.session_state.pop(fk))


def add_finding_form(prefill: Mapping[str, Any], *, key: str, ask_author: bool = True,
                     store: FindingsStore | None = None) -> Finding | None:
    """The "Legg til funn" form, prefilled from ``prefill`` (see ``normalise_prefill``).

    On a validation error the message is shown and everything typed stays in the form. On success
    the form is emptied and the new finding returned (after a rerun it shows a confirmation).
    """
    pre = normalise_prefill(prefill)
    _flash(key)
    if not pre["kommune_id"]:
        st.info(t("funn.no_kommune"))
        return None
    nonce = st.session_state.get(f"{key}_nonce", 0)
    fkey = f"{key}_{_prefill_key(pre)}_{nonce}"
    store = store or findings_store()
    schools = kommune_schools(_token(), pre["kommune_id"])
    school_opts = list(dict.fromkeys([*pre["schools"], *schools]))
    link_opts = list(dict.fromkeys([*(_link_code(x) for x in pre["indicators"]), *indicator_link_options()]))
    period_opts = list(dict.fromkeys([*_periods(_token()), *pre["periods"]]))
    try:
        theme_opts = list(dict.fromkeys([*vocab.THEME_SUGGESTIONS, *store.themes_in_use(pre["kommune_id"])]))
    except Exception:  # noqa: BLE001 - the form still works without the suggestions from the database
        log.exception("themes_in_use failed")
        theme_opts = list(vocab.THEME_SUGGESTIONS)
    with st.form(fkey, clear_on_submit=False):
        text = st.text_area(t("funn.text"), value=pre["text"], max_chars=TEXT_MAX, key=f"{fkey}_text",
                            help=t("funn.text_help"), height=110)
        c1, c2, c3 = st.columns(3)
        kind = c1.selectbox(t("funn.kind"), list(vocab.KINDS), index=list(vocab.KINDS).index(pre["kind"]),
                            format_func=lambda k: vocab.KINDS[k], key=f"{fkey}_kind")
        source = c2.selectbox(t("funn.source"), list(vocab.SOURCES), index=list(vocab.SOURCES).index(pre["source"]),
                              format_func=lambda k: vocab.SOURCES[k], key=f"{fkey}_source")
        status = c3.selectbox(t("funn.status"), list(vocab.STATUSES),
                              index=list(vocab.STATUSES).index(pre["status"]),
                              format_func=lambda k: vocab.STATUSES[k], key=f"{fkey}_status")
        themes = st.multiselect(t("funn.themes"), theme_opts, default=[x for x in pre["themes"] if x in theme_opts],
                                placeholder=t("funn.choose"),
                                accept_new_options=True, help=t("funn.themes_help"), key=f"{fkey}_themes")
        links = st.multiselect(t("funn.indicators"), link_opts, default=[_link_code(x) for x in pre["indicators"]],
                               placeholder=t("funn.choose"),
                               format_func=lambda c: link_label(_link_from_code(c)), key=f"{fkey}_links")
        c4, c5 = st.columns(2)
        chosen_schools = c4.multiselect(t("funn.schools"), school_opts, default=pre["schools"],
                                        placeholder=t("funn.choose"),
                                        format_func=lambda s: schools.get(s) or school_name(s),
                                        key=f"{fkey}_schools")
        periods = c5.multiselect(t("funn.periods"), period_opts, default=pre["periods"], key=f"{fkey}_periods",
                                 placeholder=t("funn.choose"))
        author = author_inputs(f"{key}_form", st) if ask_author else _saved_author()
        submitted = st.form_submit_button(t("funn.save"), type="primary")
    if not submitted:
        return None
    if author is None:
        st.error(t("funn.author_missing"))
        return None
    try:
        f = store.create(FindingIn(pre["kommune_id"], text or "", kind, source=source, status=status,
                                   themes=tuple(themes), indicators=tuple(_link_from_code(c) for c in links),
                                   schools=tuple(chosen_schools), periods=tuple(periods)), author)
    except FindingValidationError as e:
        st.error(e.message)  # the form keeps everything typed
        return None
    except Exception:  # noqa: BLE001 - never a traceback on screen
        log.exception("create finding failed")
        st.error(t("funn.error"))
        return None
    _remember_author(author)
    st.session_state[f"{key}_nonce"] = nonce + 1
    _flash(key, t("funn.saved"))
    st.rerun()
    return f  # pragma: no cover - st.rerun() does not return
