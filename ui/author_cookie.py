"""«Hvem skriver?» kept across a reload: the name and role last typed, in a cookie of this browser only.

Without a login the app does not know who is typing. The session keeps the author for every form and page
(``ui.findings_common``); this module also keeps it across a reload or a new tab of the same browser:
a first-party cookie (``SameSite=Strict``, 180 days) written by a one-line script when the author changes,
and read from the request (``st.context.cookies``) when a new session starts. Nothing is stored on the
server. What comes back from the browser is checked like any user text (role from the fixed list, name
cleaned, capped, and refused if it looks like a fødselsnummer). Signed in, the login names the author and
the cookie is neither read nor written.
"""

from __future__ import annotations

import json
from urllib.parse import quote, unquote

import streamlit as st

from data.findings import Author, vocab
from data.findings.validation import NAME_MAX, clean_text
from data.fnr import looks_like_fodselsnummer

COOKIE = "utfordringsbilde_forfatter"
MAX_AGE_S = 180 * 24 * 3600
_WRITTEN = "_author_cookie_written"  # session state: the cookie value this session last wrote


def encode(author: Author) -> str:
    """The cookie value: URL-encoded JSON {"n": name, "r": role} (cookie-safe characters only)."""
    return quote(json.dumps({"n": author.name, "r": author.role}, ensure_ascii=False, separators=(",", ":")), safe="")


def decode(value: object) -> Author | None:
    """The Author in a cookie value, or None when it is missing, malformed or not an acceptable name/role."""
    if not isinstance(value, str) or not value or len(value) > 2000:
        return None
    try:
        data = json.loads(unquote(value))
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    name, role = clean_text(data.get("n"))[:NAME_MAX], data.get("r")
    if not name or role not in vocab.ROLES or looks_like_fodselsnummer(name):
        return None
    return Author(name, role)


def from_browser() -> Author | None:
    """The author this browser remembered (None outside a browser request or without the cookie)."""
    try:
        return decode(st.context.cookies.get(COOKIE))
    except Exception:  # noqa: BLE001 - no request context (bare mode, AppTest): nothing remembered
        return None


def script(author: Author) -> str:
    """The script that stores ``author`` in this browser's cookie (no «<» followed by a letter inside)."""
    value = json.dumps(encode(author))
    return (f"<script>document.cookie = {json.dumps(COOKIE)} + '=' + {value} + "
            f"'; Max-Age={MAX_AGE_S}; Path=/; SameSite=Strict';</script>")


def remember_in_browser(author: Author | None, slot=None) -> None:
    """Write the cookie when this session's author differs from what the browser (or this session) holds.

    ``slot``: a placeholder (``st.empty()``) the caller always draws, so the script's arrival does not move the
    inputs after it (a moved input is redrawn, and focus and anything being typed in it are lost)."""
    if author is None:
        return
    value = encode(author)
    if st.session_state.get(_WRITTEN) == value:
        return
    if _WRITTEN not in st.session_state and from_browser() == author:  # the browser has it already
        st.session_state[_WRITTEN] = value
        return
    st.session_state[_WRITTEN] = value
    (slot if slot is not None else st).html(script(author), unsafe_allow_javascript=True, width="content")
