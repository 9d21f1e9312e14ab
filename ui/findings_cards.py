"""Finding cards and lists: text as plain text, edit with optimistic concurrency (the stale-edit
conflict view keeps both texts), history, delete and restore."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from data.findings import (
    TEXT_MAX, Finding, FindingNotFoundError, FindingsStore, FindingValidationError, StaleVersionError, vocab,
)
from present.strings import t, tr
from ui import drafts
from ui.findings_common import (
    FIELD_KEYS, KIND_ICON, _link_code, _link_from_code, _need_author, _periods, _remember_author, _saved_author,
    _token, _when, _who, author_inputs, findings_store, indicator_link_options, kommune_schools, link_label,
    md_escape, school_name,
)
from ui.findings_charts import finding_chart
from ui.findings_form import _flash

log = logging.getLogger(__name__)


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
        line = t("funn.history_line", when=_when(e.at), action=e.action_label, who=_who(e.actor_name, e.actor_role))
        if e.imported:  # history that came with a JSON import: kept, and marked as such
            line += " " + t("funn.history_imported", provenance=e.imported)
        st.caption(md_escape(line))
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
    st.warning(tr(conflict["message"]))
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
                st.error(tr(e.message))
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


def _edit_fields(f: Finding, store: FindingsStore, dkey, ekey: str) -> dict[str, Any]:
    """The edit widgets, started from the draft ``dkey`` (else the saved finding) and kept in it."""
    theme_opts = list(dict.fromkeys([*f.themes, *vocab.THEME_SUGGESTIONS, *store.themes_in_use(f.kommune_id)]))
    schools = kommune_schools(_token(), f.kommune_id)
    school_opts = list(dict.fromkeys([*f.schools, *schools]))
    link_opts = list(dict.fromkeys([*(_link_code(x) for x in f.indicators), *indicator_link_options()]))
    period_opts = list(dict.fromkeys([*_periods(_token()), *f.periods]))
    text = st.text_area(t("funn.text"), max_chars=TEXT_MAX, height=110,
                        **drafts.bind(dkey, "text", f"{ekey}_text", f.text))
    c1, c2, c3 = st.columns(3)
    kind = c1.selectbox(t("funn.kind"), list(vocab.KINDS), format_func=lambda k: vocab.KINDS[k],
                        **drafts.bind(dkey, "kind", f"{ekey}_kind", f.kind, list(vocab.KINDS)))
    source = c2.selectbox(t("funn.source"), list(vocab.SOURCES), format_func=lambda k: vocab.SOURCES[k],
                          **drafts.bind(dkey, "source", f"{ekey}_source", f.source, list(vocab.SOURCES)))
    status = c3.selectbox(t("funn.status"), list(vocab.STATUSES), format_func=lambda k: vocab.STATUSES[k],
                          **drafts.bind(dkey, "status", f"{ekey}_status", f.status, list(vocab.STATUSES)))
    themes = st.multiselect(t("funn.themes"), theme_opts, accept_new_options=True, placeholder=t("funn.choose"),
                            **drafts.bind(dkey, "themes", f"{ekey}_themes", list(f.themes)))
    links = st.multiselect(t("funn.indicators"), link_opts, placeholder=t("funn.choose"),
                           format_func=lambda c: link_label(_link_from_code(c)),
                           **drafts.bind(dkey, "links", f"{ekey}_links", [_link_code(x) for x in f.indicators],
                                         link_opts))
    c4, c5 = st.columns(2)
    chosen_schools = c4.multiselect(t("funn.schools"), school_opts, placeholder=t("funn.choose"),
                                    format_func=lambda s: schools.get(s) or school_name(s),
                                    **drafts.bind(dkey, "schools", f"{ekey}_schools", list(f.schools), school_opts))
    periods = c5.multiselect(t("funn.periods"), period_opts, placeholder=t("funn.choose"),
                             **drafts.bind(dkey, "periods", f"{ekey}_periods", list(f.periods), period_opts))
    return {"text": text or "", "kind": kind, "source": source, "status": status, "themes": list(themes),
            "indicators": [_link_from_code(c) for c in links], "schools": list(chosen_schools),
            "periods": list(periods)}


def _edit_form(store: FindingsStore, f: Finding, key: str) -> None:
    """Inline edit; the version the user started from is kept from when 'Rediger' was pressed.

    What is typed is a draft (``ui.drafts``): it is still there after a switch of page or kommune. The
    author's name is asked for right here when the session has none yet.
    """
    started_from = st.session_state.get(f"{key}_editing", f.version)
    dkey = ("funn_edit", f.id, started_from)
    ekey = f"{key}_edit_{started_from}"
    with st.container(border=True):
        drafts.unsaved_note(dkey)  # in a slot of its own: the fields below keep their place
        changes = _edit_fields(f, store, dkey, ekey)
        author = _saved_author()
        if author is None:
            st.caption(t("funn.author_here"))
            author = author_inputs(f"{key}_edit_author")
        s1, s2 = st.columns(2)
        save = s1.button(t("funn.save_edit"), type="primary", key=f"{ekey}_save")
        cancel = s2.button(t("funn.cancel"), key=f"{ekey}_cancel")
    if cancel:
        drafts.clear(dkey)
        st.session_state.pop(f"{key}_editing", None)
        st.rerun()
    if not save:
        return
    if author is None:
        st.warning(t("funn.author_missing"))
        return
    _remember_author(author)
    try:
        store.update(f.id, started_from, changes, author)
    except FindingValidationError as e:
        st.error(tr(e.message))  # the form keeps everything typed
        return
    except StaleVersionError as e:
        st.session_state[f"{key}_conflict"] = {"current": e.current, "yours": e.yours, "message": str(e)}
        drafts.clear(dkey)  # «yours» is kept in the conflict view, beside the saved version
        st.rerun()
    except FindingNotFoundError:
        st.error(t("funn.not_found"))
        return
    drafts.clear(dkey)
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
