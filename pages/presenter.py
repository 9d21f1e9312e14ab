"""Presenter: the utfordringsbilde full-screen, one message per screen, arrows to move (?steg=N)."""

from __future__ import annotations

from html import escape

import streamlit as st

import data
from present import exploration_charts as xc
from present.presenter import build_screens, chosen_indicators, clamp_step
from present.strings import t
from ui.exploration_data import schools
from ui.findings_widgets import md_escape
from ui.spine_data import live_findings, spine, yearly
from ui.state import page_kommune

STEP_PARAM = "steg"

# Large type, no sidebar or toolbar, little padding: the screen is for the room, not the operator.
CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] >
  [data-testid="stElementContainer"]:has([data-testid="stAlertContentInfo"]) { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1rem 2.5rem 1rem 2.5rem !important; max-width: 100% !important; }
h1.presenter-title { font-size: clamp(30px, 3vw, 56px) !important; font-weight: 700; padding: 0; margin: 0 0 .2em 0; }
p.presenter-sentence { font-size: clamp(22px, 2vw, 38px) !important; margin: 0 0 .3em 0; line-height: 1.3; }
p.presenter-note, div.presenter-note { font-size: clamp(16px, 1.2vw, 22px) !important; color: #444; }
[data-testid="stMarkdownContainer"] li { font-size: clamp(22px, 1.9vw, 34px) !important; line-height: 1.35; }
</style>
"""

# Arrow keys (and PageUp/PageDown, as a clicker sends them) press the page's own buttons.
KEYS_JS = """
<script>
(function () {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  if (doc.__presenterKeys) return;
  doc.__presenterKeys = true;
  function press(label) {
    const b = Array.from(doc.querySelectorAll('button')).find(x => x.innerText.trim() === label);
    if (b && !b.disabled) b.click();
  }
  doc.addEventListener('keydown', function (e) {
    const tag = (e.target && e.target.tagName) || '';
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(tag) || e.target.isContentEditable) return;
    if (!doc.location.pathname.endsWith('/presenter')) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') { press(NEXT); e.preventDefault(); }
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') { press(PREV); e.preventDefault(); }
  });
})();
</script>
"""


def school_part(token: str, kommune_id: str, info: dict, spine_rows, periods: list[str]):
    """The indicator for the schools screen (the first surely worse one, else grunnskolepoeng)."""
    picks = chosen_indicators(spine_rows)
    row = spine_rows.iloc[picks[0] if picks else 0]
    res = schools(token, kommune_id, info["kommune_name"], info["fylke_id"], str(row["indicator"]), str(row["subject"]),
                  int(row["trinn"]), "alle", tuple(periods))
    comp = res["schools"]
    fig = xc.schools_figure(comp, res["refs"], str(row["indicator"]), "") if len(comp) > 1 else None
    return row, comp, fig


def go_to(step: int) -> None:
    st.query_params[STEP_PARAM] = str(step)


kommune_id, info, token = page_kommune()
st.markdown(CSS, unsafe_allow_html=True)
spine_rows, periods = spine(token, kommune_id, "nasjonalt")
school = school_part(token, kommune_id, info, spine_rows, periods) if not spine_rows.empty else None
screens = build_screens(info["kommune_name"], spine_rows, yearly(token, kommune_id), periods, school,
                        live_findings(kommune_id))
step = clamp_step(st.query_params.get(STEP_PARAM, "1"), len(screens))
if st.query_params.get(STEP_PARAM) != str(step):
    st.query_params[STEP_PARAM] = str(step)
screen = screens[step - 1]

prev_col, count_col, next_col, exit_col = st.columns([1, 1, 1, 2], vertical_alignment="center")
prev_col.button(t("presenter.prev"), on_click=go_to, args=(step - 1,), disabled=step <= 1, key="presenter_prev")
count_col.markdown(f'<div class="presenter-note">{t("presenter.step", step=step, total=len(screens))}</div>',
                   unsafe_allow_html=True)
next_col.button(t("presenter.next"), on_click=go_to, args=(step + 1,), disabled=step >= len(screens),
                key="presenter_next")
exit_col.page_link("pages/oversikt.py", label=t("presenter.exit"), icon="↩")

st.html(KEYS_JS.replace("NEXT", repr(t("presenter.next"))).replace("PREV", repr(t("presenter.prev"))),
        unsafe_allow_javascript=True)

# Names and findings come from files and users: HTML-escaped in our markup, Markdown-escaped in lists.
st.markdown(f'<h1 class="presenter-title">{escape(screen.title)}</h1>', unsafe_allow_html=True)
st.markdown(f'<p class="presenter-sentence" id="presenter-sentence">{escape(screen.sentence)}</p>',
            unsafe_allow_html=True)
if screen.figure is not None:
    st.plotly_chart(screen.figure, width="stretch", key=f"presenter_fig_{screen.key}",
                    theme=None, config={"displayModeBar": False})
for item in screen.items:
    st.markdown("- " + md_escape(item))
if screen.note:
    st.markdown(f'<p class="presenter-note">{escape(screen.note)}</p>', unsafe_allow_html=True)
link = f"presenter?kommune={kommune_id}&{STEP_PARAM}={step}"
footer = f'<a href="{escape(link)}" target="_self">{escape(t("presenter.link"))}</a> · {escape(t("presenter.keys"))}'
if data.dataset_info().is_demo:
    footer += " · " + escape(t("presenter.demo"))
st.markdown(f'<p class="presenter-note">{footer}</p>', unsafe_allow_html=True)
