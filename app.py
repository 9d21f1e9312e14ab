"""Utfordringsbilde: navigation, page config and the shared sidebar. No analysis here."""

from __future__ import annotations

import logging
import os

import streamlit as st

import data
from ui import language
from ui.state import kommune_picker
from present.strings import t
from data.findings import DatabaseUnavailable
from ui.findings_health import database_problem_notice
from ui.auth import PRINCIPAL_KEY, current_principal, login_configured, participant_visit, user_banner
from ui.plain import plain
from ui.run_gate import page_run_gate

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("utfordringsbilde")

# The session's language first (bokmål/nynorsk, ?sprak=nn): every text below follows it.
lang = language.resolve()
st.set_page_config(page_title=t("app.title"), page_icon=":material/analytics:", layout="wide")
language.document_setup(lang, sidebar=not login_configured())  # the login screen has no sidebar
if participant_visit():  # a workshop participant's short link: the rating page and nothing else, no login
    st.navigation([st.Page("pages/vurdering.py", title=t("nav.vurdering"), icon=":material/how_to_vote:",
                           url_path="start", default=True, visibility="hidden"),
                   st.Page("pages/vurdering.py", title=t("nav.vurdering"), icon=":material/how_to_vote:",
                           url_path="vurdering")], position="hidden").run()
    st.stop()
principal = current_principal()  # stops here with the login screen when a login is configured and nobody is in
st.session_state[PRINCIPAL_KEY] = principal

# Icons from Material Symbols (shipped with Streamlit), not emoji: no emoji font needed.
# Every page has its own address (/oversikt, /skoler, …). Streamlit serves the default page only at "/"
# (a default page's url_path is ignored), so the start page is a hidden entry that runs Oversikt at "/",
# and the visible Oversikt lives at /oversikt like every other page: a shared link to it never shows
# «Page not found».
START = st.Page("pages/oversikt.py", title=t("nav.oversikt"), icon=":material/dashboard:", default=True,
                url_path="start", visibility="hidden")
PAGES = {
    t("nav.section.tall"): [
        START,
        st.Page("pages/oversikt.py", title=t("nav.oversikt"), icon=":material/dashboard:", url_path="oversikt"),
        st.Page("pages/utvikling.py", title=t("nav.utvikling"), icon=":material/trending_up:", url_path="utvikling"),
        st.Page("pages/skoler.py", title=t("nav.skoler"), icon=":material/school:", url_path="skoler"),
        st.Page("pages/skoleportrett.py", title=t("nav.skoleportrett"), icon=":material/person_book:",
                url_path="skoleportrett"),
        st.Page("pages/sammenlignbare.py", title=t("nav.sammenlignbare"), icon=":material/compare_arrows:",
                url_path="sammenlignbare"),
        st.Page("pages/uttrekk.py", title=t("nav.uttrekk"), icon=":material/help:", url_path="uttrekk"),
    ],
    t("nav.section.funn"): [
        st.Page("pages/funn.py", title=t("nav.funn"), icon=":material/lightbulb:", url_path="funn"),
        st.Page("pages/sjekkliste.py", title=t("nav.sjekkliste"), icon=":material/checklist:", url_path="sjekkliste"),
        st.Page("pages/maal.py", title=t("nav.maal"), icon=":material/flag:", url_path="maal"),
        st.Page("pages/utfordringsbilde.py", title=t("nav.utfordringsbilde"), icon=":material/article:",
                url_path="utfordringsbilde"),
        st.Page("pages/presenter.py", title=t("nav.presenter"), icon=":material/slideshow:", url_path="presenter"),
        st.Page("pages/felles_forstaelse.py", title=t("nav.felles"), icon=":material/groups:",
                url_path="felles-forstaelse"),
        st.Page("pages/vurdering.py", title=t("nav.vurdering"), icon=":material/how_to_vote:", url_path="vurdering"),
        st.Page("pages/statsforvalter.py", title=t("nav.statsforvalter"), icon=":material/map:",
                url_path="statsforvalter"),
    ],
    t("nav.section.data"): [
        st.Page("pages/data.py", title=t("nav.data"), icon=":material/database:", url_path="data"),
        st.Page("pages/admin.py", title=t("nav.admin"), icon=":material/admin_panel_settings:", url_path="admin"),
    ] if principal.is_admin else [],
}
nav = st.navigation({k: v for k, v in PAGES.items() if v}, expanded=True)  # all pages: no English «View N more»

with st.sidebar:
    st.markdown(f"### {t('app.title')}")
    st.caption(t("app.subtitle"))
user_banner(principal)
kommune_picker()
language.language_picker()

info = data.dataset_info()
if info.is_demo and info.sources == ("demo",):
    st.info(t("app.banner_demo"), icon=":material/science:")
elif info.is_demo:
    st.info(t("app.banner_mixed", sources=plain(", ".join(info.sources))), icon=":material/science:")
else:
    st.caption(t("app.banner_real", label=plain(info.label), sources=plain(", ".join(info.sources))))

database_problem_notice()

try:
    with page_run_gate():  # one page run at a time: the room gets its pages in turn (ui/run_gate.py)
        nav.run()
except DatabaseUnavailable:  # the notice above already says what is wrong and offers the backup
    log.warning("Page %s stopped: findings database unavailable", nav.title)
except Exception:  # a clear Norwegian message on screen, the details in the log
    if os.environ.get("UTFORDRINGSBILDE_RAISE") == "1":
        raise
    log.exception("Page %s failed", nav.title)
    st.error(t("app.error"))
