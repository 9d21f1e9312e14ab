"""The language picker (bokmål/nynorsk) and what the browser must know about the language.

The choice is per session: it lives in ``st.session_state`` and in the link (``?sprak=nn``), with the
default from ``UTFORDRINGSBILDE_LANG``. ``install()`` tells ``data.language`` how to read it, so
``t()``, the indicator names and the findings vocabulary all follow the session, also in fragments.

``document_setup()`` runs a tiny script in the page itself (not in an iframe) that sets
``<html lang="nb|nn">`` and reports Norwegian as the browser language to Streamlit's table cells,
so ``NumberColumn(format="localized")`` shows a decimal comma and a thousands space.
"""

from __future__ import annotations

import json

import streamlit as st

from data import language
from present.strings import t

LANG_PARAM = "sprak"  # query parameter: ?sprak=nn
LANG_KEY = "ub_sprak"  # session state: the chosen language
WIDGET_KEY = "ub_sprak_widget"
BCP47 = {"nb": "nb-NO", "nn": "nn-NO"}


def _session_language() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return st.session_state.get(LANG_KEY)


def install() -> None:
    """Let ``data.language`` read the session's choice (idempotent; holds no session data)."""
    language.register_session_resolver(_session_language)


def resolve() -> str:
    """The session's language: its earlier choice, else ``?sprak=``, else the environment default."""
    install()
    chosen = language.normalise(st.session_state.get(LANG_KEY))
    if chosen is None:
        chosen = language.normalise(st.query_params.get(LANG_PARAM)) or language.default_language()
        st.session_state[LANG_KEY] = chosen
    return chosen


def language_picker() -> str:
    """Bokmål/Nynorsk in the sidebar; the choice is kept in the session and in the link."""
    current = resolve()

    def remember() -> None:
        st.session_state[LANG_KEY] = st.session_state[WIDGET_KEY]

    options = list(language.LANGUAGES)
    st.sidebar.radio(t("app.language"), options, index=options.index(current), key=WIDGET_KEY, horizontal=True,
                     format_func=lambda code: t(f"app.language.{code}"), on_change=remember)
    current = st.session_state[LANG_KEY]
    if current == language.default_language() and LANG_PARAM not in st.query_params:
        return current  # keep plain links plain
    if st.query_params.get(LANG_PARAM) != current:
        st.query_params[LANG_PARAM] = current
    return current


def document_setup(lang: str) -> None:
    """``<html lang>`` and the number locale of the page, set by a script in the page itself."""
    code = json.dumps(BCP47.get(lang, "nb-NO"))
    short = json.dumps(lang)
    script = f"""<script>
(function() {{
  const langs = [{code}, {short}, "nb", "no"];
  document.documentElement.lang = {short};
  try {{
    Object.defineProperty(window.navigator, "languages", {{get: () => langs, configurable: true}});
    Object.defineProperty(window.navigator, "language", {{get: () => langs[0], configurable: true}});
  }} catch (e) {{}}
}})();
</script>"""
    st.html(script, unsafe_allow_javascript=True, width="content")
