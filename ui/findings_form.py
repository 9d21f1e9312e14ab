"""The «Legg til funn» form, prefilled with what a page shows (normalised by ``normalise_prefill``)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import streamlit as st

from data.findings import TEXT_MAX, Finding, FindingIn, FindingsStore, FindingValidationError, IndicatorLink, vocab
from present.strings import t, tr
from ui import drafts
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


def _form_options(pre: Mapping[str, Any], store: FindingsStore) -> dict[str, Any]:
    schools = kommune_schools(_token(), pre["kommune_id"])
    try:
        theme_opts = list(dict.fromkeys([*vocab.THEME_SUGGESTIONS, *store.themes_in_use(pre["kommune_id"])]))
    except Exception:  # noqa: BLE001 - the form still works without the suggestions from the database
        log.exception("themes_in_use failed")
        theme_opts = list(vocab.THEME_SUGGESTIONS)
    return {
        "school_names": schools,
        "schools": list(dict.fromkeys([*pre["schools"], *schools])),
        "links": list(dict.fromkeys([*(_link_code(x) for x in pre["indicators"]), *indicator_link_options()])),
        "periods": list(dict.fromkeys([*_periods(_token()), *pre["periods"]])),
        "themes": theme_opts,
    }


def _finding_fields(pre: Mapping[str, Any], opts: Mapping[str, Any], dkey, wkey: str) -> dict[str, Any]:
    """The form's widgets, each started from the draft ``dkey`` (else the prefill) and kept in it."""
    text = st.text_area(t("funn.text"), max_chars=TEXT_MAX, help=t("funn.text_help"), height=110,
                        **drafts.bind(dkey, "text", f"{wkey}_text", pre["text"]))
    c1, c2, c3 = st.columns(3)
    kind = c1.selectbox(t("funn.kind"), list(vocab.KINDS), format_func=lambda k: vocab.KINDS[k],
                        **drafts.bind(dkey, "kind", f"{wkey}_kind", pre["kind"], list(vocab.KINDS)))
    source = c2.selectbox(t("funn.source"), list(vocab.SOURCES), format_func=lambda k: vocab.SOURCES[k],
                          **drafts.bind(dkey, "source", f"{wkey}_source", pre["source"], list(vocab.SOURCES)))
    status = c3.selectbox(t("funn.status"), list(vocab.STATUSES), format_func=lambda k: vocab.STATUSES[k],
                          **drafts.bind(dkey, "status", f"{wkey}_status", pre["status"], list(vocab.STATUSES)))
    themes = st.multiselect(t("funn.themes"), opts["themes"], placeholder=t("funn.choose"), accept_new_options=True,
                            help=t("funn.themes_help"),
                            **drafts.bind(dkey, "themes", f"{wkey}_themes",
                                          [x for x in pre["themes"] if x in opts["themes"]]))
    links = st.multiselect(t("funn.indicators"), opts["links"], placeholder=t("funn.choose"),
                           format_func=lambda c: link_label(_link_from_code(c)),
                           **drafts.bind(dkey, "links", f"{wkey}_links", [_link_code(x) for x in pre["indicators"]],
                                         opts["links"]))
    c4, c5 = st.columns(2)
    names = opts["school_names"]
    schools = c4.multiselect(t("funn.schools"), opts["schools"], placeholder=t("funn.choose"),
                             format_func=lambda s: names.get(s) or school_name(s),
                             **drafts.bind(dkey, "schools", f"{wkey}_schools", pre["schools"], opts["schools"]))
    periods = c5.multiselect(t("funn.periods"), opts["periods"], placeholder=t("funn.choose"),
                             **drafts.bind(dkey, "periods", f"{wkey}_periods", pre["periods"], opts["periods"]))
    return {"text": text, "kind": kind, "source": source, "status": status, "themes": themes, "links": links,
            "schools": schools, "periods": periods}


def add_finding_form(prefill: Mapping[str, Any], *, key: str, ask_author: bool = True,
                     store: FindingsStore | None = None) -> Finding | None:
    """The "Legg til funn" form, prefilled from ``prefill`` (see ``normalise_prefill``).

    What the user types is a draft per kommune and form (``ui.drafts``): it survives a switch of page,
    kommune or indicator and is there when the user comes back. On a validation error the message is
    shown and everything typed stays. On success the draft is cleared and a confirmation shown.
    """
    pre = normalise_prefill(prefill)
    _flash(key)
    if not pre["kommune_id"]:
        st.info(t("funn.no_kommune"))
        return None
    dkey = ("funn", pre["kommune_id"], key)
    nonce = st.session_state.get(f"{key}_nonce", 0)
    wkey = f"{key}_{_prefill_key(pre)}_{nonce}"  # new prefill: fresh widgets, the draft's fields on top
    store = store or findings_store()
    opts = _form_options(pre, store)
    with st.container(border=True):
        drafts.unsaved_note(dkey)  # in a slot of its own: the fields below keep their place
        v = _finding_fields(pre, opts, dkey, wkey)
        author = author_inputs(f"{key}_form", st) if ask_author else _saved_author()
        submitted = st.button(t("funn.save"), type="primary", key=f"{wkey}_save")
    if not submitted:
        return None
    if author is None:
        st.error(t("funn.author_missing"))
        return None
    try:
        f = store.create(FindingIn(pre["kommune_id"], v["text"] or "", v["kind"], source=v["source"],
                                   status=v["status"], themes=tuple(v["themes"]),
                                   indicators=tuple(_link_from_code(c) for c in v["links"]),
                                   schools=tuple(v["schools"]), periods=tuple(v["periods"])), author)
    except FindingValidationError as e:
        st.error(tr(e.message))  # the form keeps everything typed
        return None
    except Exception:  # noqa: BLE001 - never a traceback on screen
        log.exception("create finding failed")
        st.error(t("funn.error"))
        return None
    _remember_author(author)
    drafts.clear(dkey)
    st.session_state[f"{key}_nonce"] = nonce + 1
    _flash(key, t("funn.saved"))
    st.rerun()
    return f  # pragma: no cover - st.rerun() does not return
