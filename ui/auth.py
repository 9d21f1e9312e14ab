"""Login (Streamlit's built-in OIDC: ``st.login``/``st.user``, Authlib) and the person using the app.

Configured when ``.streamlit/secrets.toml`` has an ``[auth]`` section (``redirect_uri``, ``cookie_secret``,
``client_id``, ``client_secret``, ``server_metadata_url`` of Feide, ID-porten or Entra ID). Then an anonymous
visitor sees only the login button, and a signed-in person without a role sees only that they have no
access yet; their role and scope come from the findings database (Administrasjon page). Without ``[auth]``
the app is a single local user (an administrator) and says so in a banner; ``scripts/serve.py`` then binds
to 127.0.0.1 only.
"""

from __future__ import annotations

import os

import streamlit as st

from data.access import LOCAL_USER, Principal
from data.findings import get_store
from data.findings.access_store import principal_for
from present.strings import t
from ui.plain import plain

PRINCIPAL_KEY = "_principal"  # set by app.py on every run
TEST_PRINCIPAL_KEY = "_test_principal"  # AppTest only (with UTFORDRINGSBILDE_TESTING=1); no widget uses it


def _no_secrets() -> bool:
    """True when there are certainly no secrets: none loaded (or given by a test) and no secrets file on disk.

    Streamlit re-reads the configured paths and raises on every ``st.secrets`` access while no file exists;
    that is the normal case here and cost ≈2 ms a call, several calls a run. Two ``stat`` calls instead."""
    if getattr(st.secrets, "_secrets", None) is not None:  # loaded from a file, or given by AppTest
        return False
    from streamlit import config

    return not any(os.path.exists(path) for path in config.get_option("secrets.files") or [])


def database_url_secret() -> str | None:
    """The findings database URL from Streamlit secrets (``database_url``), if any."""
    if _no_secrets():
        return None
    try:
        url = st.secrets.get("database_url")
    except Exception:  # noqa: BLE001 - no secrets file is the normal case
        return None
    return str(url) if url else None


def login_configured() -> bool:
    if _no_secrets():
        return False
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file: no login
        return False


def _subject() -> tuple[str, str]:
    user = st.user
    subject = str(user.get("sub") or user.get("email") or "")
    name = str(user.get("name") or user.get("email") or subject)
    return subject, name


def participant_visit() -> bool:
    """A workshop participant's short link (``?okt=<code>``) opened, with a login configured, by someone not signed
    in or signed in without a role (a teacher with Feide, say): the app then serves only «Vurder utfordringene»,
    where the session code is the capability and nothing but the participant's own ratings can be read or
    changed (``data.findings.scoped_ratings.ParticipantRatings``). Someone with a role gets the whole app."""
    if not login_configured() or not str(st.query_params.get("okt", "")).strip():
        return False
    if not st.user.get("is_logged_in", False):
        return True
    subject, name = _subject()
    return principal_for(get_store(database_url_secret()), subject, name) is None


def current_principal() -> Principal:
    """The person using the app; stops the script with the login screen when nobody is signed in."""
    if os.environ.get("UTFORDRINGSBILDE_TESTING") == "1" and TEST_PRINCIPAL_KEY in st.session_state:
        return st.session_state[TEST_PRINCIPAL_KEY]
    if not login_configured():
        return LOCAL_USER
    if not st.user.get("is_logged_in", False):
        st.title(t("auth.title"))
        st.write(t("auth.intro"))
        if st.button(t("auth.login"), key="auth_login", type="primary"):
            st.login()
        st.stop()
    subject, name = _subject()
    principal = principal_for(get_store(database_url_secret()), subject, name)
    if principal is None:
        st.title(t("auth.title"))
        st.warning(t("auth.no_role", name=plain(name)))
        st.caption(t("auth.subject", subject=plain(subject)))
        if st.button(t("auth.logout"), key="auth_logout"):
            st.logout()
        st.stop()
    return principal


def active_principal() -> Principal:
    """The principal app.py established for this run (no login configured: the local user)."""
    found = st.session_state.get(PRINCIPAL_KEY)
    if isinstance(found, Principal):
        return found
    if login_configured():
        raise PermissionError(t("auth.denied"))
    return LOCAL_USER


def user_banner(principal: Principal) -> None:
    """Local single-user mode is named on every page; a signed-in person sees who they are and can log out."""
    if principal.local:
        st.sidebar.warning(t("auth.local_banner"))
        return
    st.sidebar.caption(t("auth.signed_in", name=plain(principal.name), role=plain(principal.role)))
    if st.sidebar.button(t("auth.logout"), key="auth_logout_sidebar"):
        st.logout()
