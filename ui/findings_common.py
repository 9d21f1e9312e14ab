"""Shared pieces of the findings widgets: the store handle, escaping of user text, indicator links,
cached lookups (school names, school years) and the author kept in the browser session.

Nothing user-related is kept at module level: the author lives in ``st.session_state`` (and, across a
reload, in a cookie of the user's own browser: ``ui.author_cookie``).
"""

from __future__ import annotations

import html
import logging
import textwrap

import streamlit as st

from data.catalogue import INDICATORS, indicator_label
from data.findings import Author, IndicatorLink, get_store, vocab
from data.access import AUTHOR_ROLE
from data.findings.scoped import ScopedStore
from data.findings.validation import NAME_MAX
from present.strings import t
from ui import author_cookie
from ui.auth import active_principal, database_url_secret
from ui.plain import plain


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
KIND_ICON = {"styrke": ":material/thumb_up:", "utfordring": ":material/warning:", "hypotese": ":material/lightbulb:",
             "sporsmal": ":material/help:", "tiltakside": ":material/build:"}
FIELD_KEYS = ("text", "kind", "source", "status", "themes", "indicators", "schools", "periods", "deleted")
AUTHOR_KEY = "funn_author"  # session state: the Author last used in this browser session


# ------------------------------------------------------------------------------------------------
# Store and plain-text helpers
# ------------------------------------------------------------------------------------------------
_secret_url = database_url_secret  # kept for callers of the old name


def findings_store() -> ScopedStore:
    """The findings store (Streamlit secret ``database_url``, else ``DATABASE_URL``, else SQLite) as the
    person using the app may use it: every read, write and export checked against their scope."""
    return ScopedStore(get_store(_secret_url()), active_principal())


def md_escape(text: str) -> str:
    """Escape Markdown/HTML so user text shows literally inside ``st.markdown``/``st.caption``."""
    return plain(text).replace("\n", "  \n")


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
    """The Author last used in this browser session, else the one this browser remembered across a reload
    (``ui.author_cookie``); None before anyone has typed a name."""
    a = st.session_state.get(AUTHOR_KEY)
    if isinstance(a, Author):
        return a
    remembered = author_cookie.from_browser() if active_principal().local else None
    if remembered is not None:
        st.session_state[AUTHOR_KEY] = remembered
    return remembered


def remember_author(author: Author) -> None:
    """Keep ``author`` for this browser session (session state only)."""
    st.session_state[AUTHOR_KEY] = author


_saved_author = saved_author
_remember_author = remember_author


def author_inputs(key: str, container=None, in_form: bool = False) -> Author | None:
    """Name and role inputs; returns an Author or None if the name is missing.

    One author per browser session: the inputs start from the last name and role typed anywhere (this
    page, another page, another form) and every change is remembered at once, not only on save. Signed
    in, the author is the signed-in person: shown, not asked (the store writes it anyway).
    """
    box = container or st
    principal = active_principal()
    if not principal.local:
        box.caption(t("funn.author_signed_in", name=plain(principal.name)))
        return Author(principal.name[:NAME_MAX], AUTHOR_ROLE.get(principal.role, "veileder"))
    saved = _saved_author()
    name_key, role_key = f"{key}_author_name", f"{key}_author_role"
    if saved is not None:  # typed in another form since this one was drawn: follow it
        if st.session_state.get(name_key) != saved.name:
            st.session_state[name_key] = saved.name
        if st.session_state.get(role_key) != saved.role:
            st.session_state[role_key] = saved.role
    st.session_state.setdefault(name_key, "")
    st.session_state.setdefault(role_key, "veileder")

    def keep() -> None:
        name = (st.session_state.get(name_key) or "").strip()
        if name:
            _remember_author(Author(name, st.session_state.get(role_key) or "veileder"))

    author_cookie.remember_in_browser(saved, box.empty())  # kept across a reload of this browser, too
    c1, c2 = box.columns(2)
    on_change = None if in_form else keep  # inside st.form only the submit button may have a callback
    name = c1.text_input(t("funn.author_name"), key=name_key, max_chars=NAME_MAX, on_change=on_change)
    role = c2.selectbox(t("funn.author_role"), list(vocab.ROLES), key=role_key,
                        format_func=lambda r: vocab.ROLES[r], on_change=on_change)
    if not (name or "").strip():
        return None
    if in_form:
        _remember_author(Author(name.strip(), role))
    return Author(name.strip(), role)


def _need_author(key: str) -> Author | None:
    principal = active_principal()
    if not principal.local:  # signed in: the author is the signed-in person
        return Author(principal.name[:NAME_MAX], AUTHOR_ROLE.get(principal.role, "veileder"))
    author = _saved_author()
    if author is None:
        st.warning(t("funn.author_missing"))
    return author
