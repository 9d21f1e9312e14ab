"""Reusable Streamlit pieces for findings: the store handle, "Legg til funn", finding cards and lists,
history, the stale-edit conflict view, markers on Plotly charts and the small chart of linked data.

Use on a data page (the view's selection as a ``current`` dict: kommune_id, indicator, subject,
trinn, periods, schools)::

    fs = chart_findings(current)                          # findings linked to what the chart shows
    add_finding_markers(fig, fs, y_by_x=dict(zip(periods, kommune_values)))
    st.plotly_chart(fig)
    findings_under_chart(current, fs, key="utvikling")    # list + prefilled "Legg til funn"

Every text a user typed is shown with ``st.text`` (no Markdown, no HTML) or escaped; Plotly hover
texts are HTML-escaped. Nothing user-related is kept at module level: the author and form states
live in ``st.session_state``.
"""

from __future__ import annotations

import html
import logging
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from data.catalogue import INDICATORS, indicator_label
from data.findings import (
    TEXT_MAX,
    Author,
    Finding,
    FindingIn,
    FindingNotFoundError,
    FindingsStore,
    FindingValidationError,
    IndicatorLink,
    StaleVersionError,
    get_store,
    vocab,
)
from data.findings.validation import NAME_MAX
from present.strings import t

log = logging.getLogger(__name__)

# Paul Tol's muted colours: distinct shapes, and never a verdict colour (green/orange/grey) or the
# kommune/fylke colours, so a finding is never read as a result.
KIND_STYLE: dict[str, dict[str, str]] = {
    "styrke": {"symbol": "star", "color": "#332288"},
    "utfordring": {"symbol": "hexagram", "color": "#882255"},
    "hypotese": {"symbol": "diamond-tall", "color": "#AA4499"},
    "sporsmal": {"symbol": "hourglass", "color": "#999933"},
    "tiltakside": {"symbol": "square-x", "color": "#CC6677"},
}
KIND_ICON = {"styrke": "💪", "utfordring": "⚠️", "hypotese": "💡", "sporsmal": "❓", "tiltakside": "🛠️"}
FIELD_KEYS = ("text", "kind", "source", "status", "themes", "indicators", "schools", "periods", "deleted")
AUTHOR_KEY = "funn_author"  # session state: the Author last used in this browser session


# ------------------------------------------------------------------------------------------------
# Store and plain-text helpers
# ------------------------------------------------------------------------------------------------
def _secret_url() -> str | None:
    try:
        url = st.secrets.get("database_url")
    except Exception:  # noqa: BLE001 - no secrets file is the normal case
        return None
    return str(url) if url else None


def findings_store() -> FindingsStore:
    """The findings store: Streamlit secret ``database_url``, else ``DATABASE_URL``, else SQLite."""
    return get_store(_secret_url())


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&$:=])")


def md_escape(text: str) -> str:
    """Escape Markdown/HTML so user text shows literally inside ``st.markdown``/``st.caption``."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")


def hover_escape(text: str, width: int = 60, max_chars: int = 400) -> str:
    """HTML-escaped, wrapped text for Plotly hover labels (Plotly renders a subset of HTML)."""
    s = str(text)
    if len(s) > max_chars:
        s = s[:max_chars].rstrip() + "…"
    lines = []
    for para in s.split("\n"):
        lines.extend(textwrap.wrap(para, width) or [""])
    return "<br>".join(html.escape(line, quote=True) for line in lines)


def _when(dt) -> str:
    return dt.astimezone().strftime("%d.%m.%Y %H:%M") if dt is not None else ""


def _who(name: str, role: str) -> str:
    return f"{name} ({vocab.ROLES.get(role, role)})"


def link_label(link: IndicatorLink) -> str:
    return indicator_label(link.indicator, link.subject, link.trinn)


def _link_code(link: IndicatorLink) -> str:
    return f"{link.indicator}|{link.subject}|{'' if link.trinn is None else link.trinn}"


def _link_from_code(code: str) -> IndicatorLink:
    ind, subject, trinn = (code.split("|") + ["", ""])[:3]
    return IndicatorLink(ind, subject, int(trinn) if trinn else None)


def indicator_link_options() -> list[str]:
    """Every indicator link a user can pick (indicator alone, and with subject and trinn)."""
    out = []
    for code, ind in INDICATORS.items():
        out.append(_link_code(IndicatorLink(code)))
        for subject in ind.subjects:
            for trinn in ind.trinn:
                out.append(_link_code(IndicatorLink(code, subject, trinn)))
    return out


@st.cache_data(show_spinner=False, max_entries=8)
def _school_names(token: str) -> dict[str, str]:
    import data

    sk = data.load_skoler()
    return dict(zip(sk["school_id"].astype(str), sk["school_name"].astype(str)))


@st.cache_data(show_spinner=False, max_entries=64)
def kommune_schools(token: str, kommune_id: str) -> dict[str, str]:
    """The kommune's schools (id -> name) from the school registry, sorted by name."""
    import data

    sk = data.load_skoler()
    sk = sk[sk["kommune_id"].astype(str) == str(kommune_id)].sort_values("school_name")
    return dict(zip(sk["school_id"].astype(str), sk["school_name"].astype(str)))


@st.cache_data(show_spinner=False, max_entries=8)
def _periods(token: str) -> list[str]:
    import data
    from data.schema import sorted_periods

    return sorted_periods(data.load_dataset()["period"].cat.categories)


def _token() -> str:
    import data

    return data.dataset_token()


def school_name(school_id: str) -> str:
    return _school_names(_token()).get(str(school_id), str(school_id))


# ------------------------------------------------------------------------------------------------
# Author
# ------------------------------------------------------------------------------------------------
def saved_author() -> Author | None:
    """The Author last used in this browser session (None before anyone has typed a name)."""
    a = st.session_state.get(AUTHOR_KEY)
    return a if isinstance(a, Author) else None


def remember_author(author: Author) -> None:
    """Keep ``author`` for this browser session (session state only)."""
    st.session_state[AUTHOR_KEY] = author


_saved_author = saved_author
_remember_author = remember_author


def author_inputs(key: str, container=None) -> Author | None:
    """Name and role inputs (prefilled with the last used); returns an Author or None if incomplete."""
    box = container or st
    saved = _saved_author()
    name_key, role_key = f"{key}_author_name", f"{key}_author_role"
    if name_key not in st.session_state:
        st.session_state[name_key] = saved.name if saved else ""
    if role_key not in st.session_state:
        st.session_state[role_key] = saved.role if saved else "veileder"
    c1, c2 = box.columns(2)
    name = c1.text_input(t("funn.author_name"), key=name_key, max_chars=NAME_MAX)
    role = c2.selectbox(t("funn.author_role"), list(vocab.ROLES), key=role_key,
                        format_func=lambda r: vocab.ROLES[r])
    if not (name or "").strip():
        return None
    return Author(name.strip(), role)


def _need_author(key: str) -> Author | None:
    author = _saved_author()
    if author is None:
        st.warning(t("funn.author_missing"))
    return author


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


# ------------------------------------------------------------------------------------------------
# Cards, edit, conflicts, history
# ------------------------------------------------------------------------------------------------
def _links_text(f: Finding) -> str:
    parts = [link_label(x) for x in f.indicators]
    parts += [school_name(s) for s in f.schools]
    parts += list(f.periods)
    return "; ".join(parts)


def history_view(store: FindingsStore, finding_id: str) -> None:
    """The finding's history, newest first, with who, when, what changed and the texts."""
    entries = store.history(finding_id)
    if not entries:
        st.caption(t("funn.history_empty"))
        return
    field_names = {f: t(f"funn.field.{f}") for f in FIELD_KEYS}
    for e in reversed(entries):
        st.caption(md_escape(t("funn.history_line", when=_when(e.at), action=e.action_label,
                                who=_who(e.actor_name, e.actor_role))))
        changed = [field_names.get(c, c) for c in e.changed_fields if c != "kommune_id"]
        if e.action in ("update", "status") and changed:
            st.caption(md_escape(t("funn.history_changed", fields=", ".join(changed))))
        if e.action in ("create", "update") and e.after and (e.before or {}).get("text") != e.after.get("text"):
            st.text(e.after.get("text", ""))


def _conflict_view(store: FindingsStore, f: Finding, key: str) -> bool:
    """Show a pending stale-version conflict for ``f``; True if one was shown."""
    ck = f"{key}_conflict"
    conflict = st.session_state.get(ck)
    if not conflict:
        return False
    current: Finding = conflict["current"]
    st.warning(conflict["message"])
    c1, c2 = st.columns(2)
    with c1:
        theirs = t("funn.conflict_theirs", version=current.version,
                    who=_who(current.updated_by_name, current.updated_by_role))
        st.markdown(f"**{md_escape(theirs)}**")
        st.text(current.text)
    with c2:
        st.markdown(f"**{md_escape(t('funn.conflict_yours'))}**")
        st.text(conflict["yours"].get("text", current.text))
    b1, b2 = st.columns(2)
    if b1.button(t("funn.conflict_keep_mine"), key=f"{key}_keep_mine", type="primary"):
        author = _need_author(key)
        if author is not None:
            try:
                store.update(f.id, current.version, conflict["yours"], author)
            except StaleVersionError as e:  # yet another change in between: show the new conflict
                st.session_state[ck] = {"current": e.current, "yours": e.yours, "message": str(e)}
                st.rerun()
            except FindingValidationError as e:
                st.error(e.message)
                return True
            st.session_state.pop(ck, None)
            st.session_state.pop(f"{key}_editing", None)
            _flash(key, t("funn.updated"))
            st.rerun()
    if b2.button(t("funn.conflict_keep_theirs"), key=f"{key}_keep_theirs"):
        st.session_state.pop(ck, None)
        st.session_state.pop(f"{key}_editing", None)
        _flash(key, t("funn.conflict_discarded"))
        st.rerun()
    return True


def _edit_form(store: FindingsStore, f: Finding, key: str) -> None:
    """Inline edit form; the version the user started from is kept from when 'Rediger' was pressed."""
    started_from = st.session_state.get(f"{key}_editing", f.version)
    ekey = f"{key}_edit_{started_from}"
    theme_opts = list(dict.fromkeys([*f.themes, *vocab.THEME_SUGGESTIONS, *store.themes_in_use(f.kommune_id)]))
    schools = kommune_schools(_token(), f.kommune_id)
    school_opts = list(dict.fromkeys([*f.schools, *schools]))
    link_opts = list(dict.fromkeys([*(_link_code(x) for x in f.indicators), *indicator_link_options()]))
    period_opts = list(dict.fromkeys([*_periods(_token()), *f.periods]))
    with st.form(ekey):
        text = st.text_area(t("funn.text"), value=f.text, max_chars=TEXT_MAX, key=f"{ekey}_text", height=110)
        c1, c2, c3 = st.columns(3)
        kind = c1.selectbox(t("funn.kind"), list(vocab.KINDS), index=list(vocab.KINDS).index(f.kind),
                            format_func=lambda k: vocab.KINDS[k], key=f"{ekey}_kind")
        source = c2.selectbox(t("funn.source"), list(vocab.SOURCES), index=list(vocab.SOURCES).index(f.source),
                              format_func=lambda k: vocab.SOURCES[k], key=f"{ekey}_source")
        status = c3.selectbox(t("funn.status"), list(vocab.STATUSES), index=list(vocab.STATUSES).index(f.status),
                              format_func=lambda k: vocab.STATUSES[k], key=f"{ekey}_status")
        themes = st.multiselect(t("funn.themes"), theme_opts, default=list(f.themes), accept_new_options=True,
                                placeholder=t("funn.choose"),
                                key=f"{ekey}_themes")
        links = st.multiselect(t("funn.indicators"), link_opts, default=[_link_code(x) for x in f.indicators],
                               placeholder=t("funn.choose"),
                               format_func=lambda c: link_label(_link_from_code(c)), key=f"{ekey}_links")
        c4, c5 = st.columns(2)
        chosen_schools = c4.multiselect(t("funn.schools"), school_opts, default=list(f.schools),
                                        placeholder=t("funn.choose"),
                                        format_func=lambda s: schools.get(s) or school_name(s), key=f"{ekey}_schools")
        periods = c5.multiselect(t("funn.periods"), period_opts, default=list(f.periods), key=f"{ekey}_periods",
                                 placeholder=t("funn.choose"))
        s1, s2 = st.columns(2)
        save = s1.form_submit_button(t("funn.save_edit"), type="primary")
        cancel = s2.form_submit_button(t("funn.cancel"))
    if cancel:
        st.session_state.pop(f"{key}_editing", None)
        st.rerun()
    if not save:
        return
    author = _need_author(key)
    if author is None:
        return
    changes = {"text": text or "", "kind": kind, "source": source, "status": status, "themes": list(themes),
               "indicators": [_link_from_code(c) for c in links], "schools": list(chosen_schools),
               "periods": list(periods)}
    try:
        store.update(f.id, started_from, changes, author)
    except FindingValidationError as e:
        st.error(e.message)  # the form keeps everything typed
        return
    except StaleVersionError as e:
        st.session_state[f"{key}_conflict"] = {"current": e.current, "yours": e.yours, "message": str(e)}
        st.rerun()
    except FindingNotFoundError:
        st.error(t("funn.not_found"))
        return
    st.session_state.pop(f"{key}_editing", None)
    _flash(key, t("funn.updated"))
    st.rerun()


def finding_card(f: Finding, *, key: str, store: FindingsStore | None = None, editable: bool = True,
                 show_chart: bool = True, compact: bool = False) -> None:
    """One finding: kind, status, plain text, links, author; edit/delete/restore and history."""
    store = store or findings_store()
    key = f"{key}_{f.id}"
    with st.container(border=True):
        _flash(key)
        has_chart = show_chart and bool(f.indicators) and not compact
        body, chart = st.columns([3, 2]) if has_chart else (st.container(), None)
        with body:
            st.markdown(f"**{KIND_ICON.get(f.kind, '')} {md_escape(f.kind_label)}** · {md_escape(f.status_label)}"
                        + (f" · {md_escape(', '.join(f.themes))}" if f.themes else ""))
            st.text(f.text, width="stretch")
            if not compact:
                meta = t("funn.meta", kind=f.kind_label, status=f.status_label, source=f.source_label,
                          author=_who(f.author_name, f.author_role), created=_when(f.created_at), version=f.version)
                if f.version > 1:
                    meta += " · " + t("funn.meta_updated", when=_when(f.updated_at),
                                       who=_who(f.updated_by_name, f.updated_by_role))
                st.caption(md_escape(meta))
                if f.indicators or f.schools or f.periods:
                    st.caption(md_escape(t("funn.links", links=_links_text(f))))
        if chart is not None:
            with chart:
                finding_chart(f, key=f"{key}_chart")
        if compact or not editable:
            return
        if _conflict_view(store, f, key):
            return
        if st.session_state.get(f"{key}_editing") is not None and not f.deleted:
            _edit_form(store, f, key)
        b1, b2, b3 = st.columns([1, 1, 4])
        if not f.deleted:
            if st.session_state.get(f"{key}_editing") is None and b1.button(t("funn.edit"), key=f"{key}_btn_edit"):
                st.session_state[f"{key}_editing"] = f.version  # the version the user starts from
                st.rerun()
            if b2.button(t("funn.delete"), key=f"{key}_btn_delete"):
                _simple_action(store.delete, f, key, t("funn.deleted"))
        elif b1.button(t("funn.restore"), key=f"{key}_btn_restore"):
            _simple_action(store.restore, f, key, t("funn.restored"))
        with b3.expander(t("funn.history")):
            history_view(store, f.id)


def _simple_action(action: Callable, f: Finding, key: str, done: str) -> None:
    author = _need_author(key)
    if author is None:
        return
    try:
        action(f.id, f.version, author)
    except StaleVersionError as e:
        st.session_state[f"{key}_conflict"] = {"current": e.current, "yours": e.yours, "message": str(e)}
        st.rerun()
    except FindingNotFoundError:
        st.error(t("funn.not_found"))
        return
    _flash(key, done)
    st.rerun()


def findings_list(findings: Sequence[Finding], *, key: str, store: FindingsStore | None = None,
                  editable: bool = True, show_chart: bool = True, compact: bool = False,
                  empty_text: str | None = None) -> None:
    """Cards for ``findings`` (in the given order)."""
    if not findings:
        st.caption(empty_text or t("funn.none"))
        return
    for f in findings:
        finding_card(f, key=key, store=store, editable=editable, show_chart=show_chart, compact=compact)


# ------------------------------------------------------------------------------------------------
# Charts
# ------------------------------------------------------------------------------------------------
def add_finding_markers(
    fig: go.Figure,
    findings: Sequence[Finding],
    *,
    y_by_x: Mapping[Any, float] | Callable[[Any], float | None] | None = None,
    x_of: Callable[[Finding], Sequence[Any]] | None = None,
    x_values: Sequence[Any] | None = None,
    fallback_x: Any = None,
    row: int | None = None,
    col: int | None = None,
    showlegend: bool = True,
    horizontal: bool = False,
) -> go.Figure:
    """Add findings as markers (one trace per kind, text on hover) to a Plotly figure.

    - ``x_of(finding)``: the x positions of a finding (default: its school years);
    - ``x_values``: the x positions the chart shows (others are dropped; default: keep all);
    - ``fallback_x``: where a finding without a usable x goes (e.g. the last school year); None: left out;
    - ``y_by_x``: the y of a marker at x (a dict or function; e.g. the kommune's value). Where it gives
      no number, the marker sits on the top edge of the plot (an overlaying 0..1 axis);
    - ``row``/``col``: the subplot of a figure made with ``make_subplots`` (markers without a y are
      then left out, since the top-edge axis belongs to the whole figure);
    - ``horizontal``: the chart's categories are on the y axis (dot-and-whisker per school): the
      positions from ``x_of`` become y and the values from ``y_by_x`` become x.
    """
    cell = {"row": row, "col": col} if row is not None else {}
    x_of = x_of or (lambda f: list(f.periods))
    shown = set(x_values) if x_values is not None else None

    def y_at(x):
        if y_by_x is None:
            return None
        v = y_by_x(x) if callable(y_by_x) else y_by_x.get(x)
        try:
            v = float(v)
        except (TypeError, ValueError):
            return None
        return None if v != v else v

    by_kind: dict[str, dict[str, list]] = {}
    for f in findings:
        xs = [x for x in x_of(f) if shown is None or x in shown]
        if not xs and fallback_x is not None:
            xs = [fallback_x]
        for x in xs:
            y = y_at(x)
            d = by_kind.setdefault(f.kind, {"x": [], "y": [], "x_top": [], "hover": [], "hover_top": []})
            hover = (f"<b>{html.escape(f.kind_label)}</b> ({html.escape(f.status_label)})<br>"
                     f"{hover_escape(f.text)}<br><i>{html.escape(_who(f.author_name, f.author_role))}</i>")
            if y is None:
                d["x_top"].append(x)
                d["hover_top"].append(hover)
            else:
                d["x"].append(x)
                d["y"].append(y)
                d["hover"].append(hover)
    used_top = False
    for kind in vocab.KINDS:
        d = by_kind.get(kind)
        if not d:
            continue
        style = KIND_STYLE[kind]
        marker = {"symbol": style["symbol"], "size": 18, "color": style["color"],
                  "line": {"width": 2, "color": "white"}}
        name = t("funn.marker_legend", kind=vocab.KINDS[kind])
        if d["x"]:
            xs, ys = (d["y"], d["x"]) if horizontal else (d["x"], d["y"])
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers", marker=marker, name=name,
                                     legendgroup=f"funn_{kind}", hovertext=d["hover"], showlegend=showlegend,
                                     hovertemplate="%{hovertext}<extra></extra>"), **cell)
        if d["x_top"] and not cell and not horizontal:
            used_top = True
            fig.add_trace(go.Scatter(x=d["x_top"], y=[0.96] * len(d["x_top"]), yaxis="y8", mode="markers",
                                     marker=marker, name=name, legendgroup=f"funn_{kind}",
                                     showlegend=not d["x"], hovertext=d["hover_top"],
                                     hovertemplate="%{hovertext}<extra></extra>"))
    if used_top:
        fig.update_layout(yaxis8={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True})
    return fig


def chart_findings(current: Mapping[str, Any], *, kommune_level: bool = True,
                   store: FindingsStore | None = None) -> list[Finding]:
    """Live findings linked to what a chart shows (``current``: kommune_id, indicator, subject,
    trinn and optionally schools); empty (and logged) if the database cannot be read."""
    kommune_id = current.get("kommune_id")
    if not kommune_id or not current.get("indicator"):
        return []
    try:
        store = store or findings_store()
        trinn = current.get("trinn")
        return store.linked_findings(str(kommune_id), str(current["indicator"]),
                                     subject=current.get("subject"),
                                     trinn=int(trinn) if trinn not in (None, "") else None,
                                     school_ids=[str(s) for s in current.get("schools") or []],
                                     kommune_level=kommune_level)
    except Exception:  # noqa: BLE001 - the data page must still work
        log.exception("chart_findings failed")
        return []


def findings_under_chart(current: Mapping[str, Any], findings: Sequence[Finding], *, key: str) -> None:
    """Under a chart: the linked findings (read-only cards) and a prefilled "Legg til funn"."""
    st.markdown(f"**{t('funn.linked_heading', n=len(findings))}**")
    if findings:
        findings_list(findings, key=f"{key}_linked", editable=False, show_chart=False, compact=True)
    else:
        st.caption(t("funn.linked_none"))
    with st.expander(t("funn.add_for"), icon="📝"):
        try:
            add_finding_form(current, key=f"{key}_add")
        except Exception:  # noqa: BLE001
            log.exception("add_finding_form failed")
            st.error(t("funn.db_error"))
    try:
        st.page_link("pages/funn.py", label=t("funn.open_page"), icon="🗂️")
    except Exception:  # noqa: BLE001 - page_link needs the page registered in st.navigation
        pass


@st.cache_data(show_spinner=False, max_entries=256)
def linked_series(token: str, kommune_id: str, indicator: str, subject: str, trinn: int | None,
                  schools: tuple[str, ...]) -> tuple[pd.DataFrame, str, int | None]:
    """Kommune (and linked schools') figures with intervals, plus the national figure, for a small chart.

    Returns (rows with period/unit/estimate/lower/upper/ci_method/suppressed/level, subject, trinn);
    a link without subject/trinn uses the first one with data for the kommune.
    """
    import data
    from analysis.intervals import add_intervals

    df = data.load_dataset()
    sl = df[(df["indicator"] == indicator) & (df["kjonn"] == "alle")]
    own = sl[(sl["kommune_id"] == kommune_id) & (sl["level"] == "kommune")]
    if not subject:
        subs = [s for s in INDICATORS[indicator].subjects if s in set(own["subject"].astype(str))]
        subject = subs[0] if subs else ""
    if trinn is None:
        tr = sorted(int(x) for x in own.loc[own["subject"] == subject, "trinn"].dropna().unique())
        trinn = tr[0] if tr else None
    if trinn is None:
        return pd.DataFrame(), subject, None
    sl = sl[(sl["subject"] == subject) & (sl["trinn"] == trinn)]
    rows = sl[((sl["level"] == "kommune") & (sl["unit_id"] == kommune_id))
              | ((sl["level"] == "skole") & (sl["unit_id"].isin(list(schools))))
              | (sl["level"] == "nasjonalt")]
    out = add_intervals(rows.copy())
    cols = ["level", "unit_id", "unit_name", "period", "estimate", "lower", "upper", "ci_method", "suppressed"]
    out = out[cols].astype({"level": str, "unit_id": str, "unit_name": str, "period": str})
    return out.sort_values(["level", "unit_id", "period"]).reset_index(drop=True), subject, trinn


def finding_figure(f: Finding) -> go.Figure | None:
    """A small chart of the data a finding links to (its first indicator link): the kommune and linked
    schools with 95 % intervals, the national line, and the finding's school years marked."""
    from present.charts import PALETTE, base_layout, error_bars

    link = f.indicators[0]
    try:
        rows, subject, trinn = linked_series(_token(), f.kommune_id, link.indicator, link.subject, link.trinn,
                                             tuple(f.schools))
    except Exception:  # noqa: BLE001
        log.exception("linked_series failed")
        return None
    if rows.empty or rows.loc[rows["level"] != "nasjonalt", "estimate"].notna().sum() == 0:
        return None
    fig = go.Figure()
    nat = rows[rows["level"] == "nasjonalt"]
    if not nat.empty:
        fig.add_trace(go.Scatter(x=nat["period"], y=nat["estimate"], mode="lines", name=t("funn.chart_national"),
                                 line={"color": PALETTE["nasjonalt"], "dash": "dash", "width": 2}))
    colors = [PALETTE["kommune"], *PALETTE["extra"]]
    for i, (uid, g) in enumerate(rows[rows["level"] != "nasjonalt"].groupby(["level", "unit_id"], sort=False)):
        g = g[g["estimate"].notna()]
        if g.empty:
            continue
        ok = g["lower"].notna()
        fig.add_trace(go.Scatter(
            x=g["period"], y=g["estimate"], mode="lines+markers", name=str(g["unit_name"].iloc[0]),
            line={"color": colors[i % len(colors)], "width": 3},
            error_y=error_bars(g["lower"].where(ok, g["estimate"]), g["upper"].where(ok, g["estimate"]),
                               g["estimate"]),
            hovertemplate="%{x}: %{y:.1f}<extra>" + html.escape(str(g["unit_name"].iloc[0])) + "</extra>"))
    for p in f.periods:
        if p in set(rows["period"]):
            fig.add_vrect(x0=p, x1=p, line={"color": KIND_STYLE.get(f.kind, {}).get("color", "#999"), "width": 6},
                          opacity=0.35)
    base_layout(fig, title=link_label(IndicatorLink(link.indicator, subject, trinn)), height=260)
    fig.update_layout(font={"size": 12}, title={"font": {"size": 13}}, margin={"l": 40, "r": 10, "t": 40, "b": 50},
                      showlegend=False)
    fig.update_xaxes(tickangle=-45, tickfont={"size": 10})
    methods = sorted({m for m in rows["ci_method"].dropna().astype(str) if m})
    fig.update_layout(meta={"methods": methods})
    return fig


def finding_chart(f: Finding, *, key: str) -> None:
    """Draw ``finding_figure`` with the interval method underneath (or a short note if no data)."""
    fig = finding_figure(f) if f.indicators else None
    if fig is None:
        st.caption(t("funn.chart_none"))
        return
    st.plotly_chart(fig, width="stretch", key=key, config={"displayModeBar": False})
    methods = (fig.layout.meta or {}).get("methods") or []
    if methods:
        st.caption(md_escape(t("funn.chart_method", methods="; ".join(methods))))
