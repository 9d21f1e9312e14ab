"""Drafts: what a user has typed but not saved, kept in the session across page and kommune switches.

Streamlit forgets a widget's value as soon as the widget is not drawn (another page, another kommune),
and a widget inside ``st.form`` does not even send its value until the form is submitted. So the
finding and checklist forms are plain widgets whose every change is copied (``on_change``) into a draft
under a key of the user's choosing, e.g. ``("funn", kommune_id, "skoler_add")``. When the form is
drawn again, its widgets start from the draft. Saving clears the draft. Nothing is kept at module level:
drafts live in ``st.session_state`` of the user's own session.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import streamlit as st

from present.strings import t

DRAFTS_KEY = "ub_drafts"


def _all() -> dict[Hashable, dict[str, Any]]:
    return st.session_state.setdefault(DRAFTS_KEY, {})


def get(dkey: Hashable) -> dict[str, Any]:
    """The fields of draft ``dkey`` the user has changed (empty if none)."""
    return dict(_all().get(dkey, {}))


def _keep(dkey: Hashable, field: str, widget_key: str) -> None:
    _all().setdefault(dkey, {})[field] = st.session_state.get(widget_key)


def bind(dkey: Hashable, field: str, widget_key: str, default: Any, options: list | None = None) -> dict[str, Any]:
    """Widget keyword arguments that start the widget from the draft (else ``default``) and keep changes.

    Use instead of ``value=``/``index=``/``default=``: ``st.text_area(label, **bind(...))``.
    """
    if widget_key not in st.session_state:
        value = _all().get(dkey, {}).get(field, default)
        if options is not None:  # a stale draft must not hold values the widget no longer offers
            if isinstance(value, (list, tuple)):
                value = [v for v in value if v in options]
            elif value not in options:
                value = default
        st.session_state[widget_key] = value
    return {"key": widget_key, "on_change": _keep, "args": (dkey, field, widget_key)}


def clear(dkey: Hashable) -> None:
    """Forget draft ``dkey`` (after it was saved, or the user cancelled)."""
    _all().pop(dkey, None)


def unsaved(dkey: Hashable) -> bool:
    """Whether draft ``dkey`` holds anything the user changed."""
    return bool(_all().get(dkey))


def put(dkey: Hashable, values: dict[str, Any]) -> None:
    """Replace draft ``dkey`` (e.g. to put a user's own version back after a conflict)."""
    _all()[dkey] = dict(values)


def unsaved_note(dkey: Hashable) -> None:
    """«Not saved yet» above a draft's form, in a slot that is drawn whether or not there is a note: the fields
    after it keep their place when it appears with the first change (a moved field is redrawn by the browser,
    and the focus and anything being typed in it at that moment are lost)."""
    slot = st.empty()
    if unsaved(dkey):
        slot.caption(t("funn.draft_kept"))
