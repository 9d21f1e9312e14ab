"""Utfordringsbilde: navigation, page config and the shared sidebar. No analysis here."""

from __future__ import annotations

import logging
import os

import streamlit as st

import data
from ui.state import kommune_picker
from present.strings import t

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("utfordringsbilde")

st.set_page_config(page_title=t("app.title"), page_icon="📊", layout="wide")

PAGES = {
    t("nav.section.tall"): [
        st.Page("pages/oversikt.py", title=t("nav.oversikt"), icon="📋", default=True, url_path="oversikt"),
        st.Page("pages/utvikling.py", title=t("nav.utvikling"), icon="📈", url_path="utvikling"),
        st.Page("pages/skoler.py", title=t("nav.skoler"), icon="🏫", url_path="skoler"),
        st.Page("pages/sammenlignbare.py", title=t("nav.sammenlignbare"), icon="🧭", url_path="sammenlignbare"),
        st.Page("pages/uttrekk.py", title=t("nav.uttrekk"), icon="🎯", url_path="uttrekk"),
    ],
    t("nav.section.funn"): [
        st.Page("pages/funn.py", title=t("nav.funn"), icon="🗂️", url_path="funn"),
        st.Page("pages/sjekkliste.py", title=t("nav.sjekkliste"), icon="✅", url_path="sjekkliste"),
        st.Page("pages/utfordringsbilde.py", title=t("nav.utfordringsbilde"), icon="📄", url_path="utfordringsbilde"),
        st.Page("pages/presenter.py", title=t("nav.presenter"), icon="🖥️", url_path="presenter"),
        st.Page("pages/statsforvalter.py", title=t("nav.statsforvalter"), icon="🗺️", url_path="statsforvalter"),
    ],
    t("nav.section.data"): [st.Page("pages/data.py", title=t("nav.data"), icon="🗄️", url_path="data")],
}
nav = st.navigation({k: v for k, v in PAGES.items() if v})

with st.sidebar:
    st.markdown(f"### {t('app.title')}")
    st.caption(t("app.subtitle"))
kommune_picker()

info = data.dataset_info()
if info.is_demo and info.sources == ("demo",):
    st.info(t("app.banner_demo"), icon="🧪")
elif info.is_demo:
    st.info(t("app.banner_mixed", sources=", ".join(info.sources)), icon="🧪")
else:
    st.caption(t("app.banner_real", label=info.label, sources=", ".join(info.sources)))

try:
    nav.run()
except Exception:  # a clear Norwegian message on screen, the details in the log
    if os.environ.get("UTFORDRINGSBILDE_RAISE") == "1":
        raise
    log.exception("Page %s failed", nav.title)
    st.error(t("app.error"))
