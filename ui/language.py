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
    # Also for this script run's context (the fast path of every t() call); the session resolver still
    # answers where this run's context is not set (a fragment rerun on another thread).
    language.set_language(chosen)
    return chosen


def language_picker() -> str:
    """Bokmål/Nynorsk in the sidebar; the choice is kept in the session and in the link."""
    current = resolve()

    def remember() -> None:
        st.session_state[LANG_KEY] = st.session_state[WIDGET_KEY]
        language.set_language(st.session_state[LANG_KEY])

    options = list(language.LANGUAGES)
    st.sidebar.radio(t("app.language"), options, index=options.index(current), key=WIDGET_KEY, horizontal=True,
                     format_func=lambda code: t(f"app.language.{code}"), on_change=remember)
    current = st.session_state[LANG_KEY]
    if current == language.default_language() and LANG_PARAM not in st.query_params:
        return current  # keep plain links plain
    if st.query_params.get(LANG_PARAM) != current:
        st.query_params[LANG_PARAM] = current
    return current


_SCRIPT = r"""<script>
(function() {
  const cfg = __CONFIG__;
  document.documentElement.lang = cfg.lang;
  try {
    Object.defineProperty(window.navigator, "languages", {get: () => cfg.locales, configurable: true});
    Object.defineProperty(window.navigator, "language", {get: () => cfg.locales[0], configurable: true});
  } catch (e) {}
  const patterns = cfg.text.patterns.map(([rx, rep]) => [new RegExp(rx), rep]);
  window.__ubText = {exact: cfg.text.exact, patterns: patterns};
  const ATTRS = ["aria-label", "title", "placeholder", "data-title", "aria-roledescription"];
  const SKIP = "[data-testid=stMarkdownContainer] p, [data-testid=stText], [data-testid=stCode], textarea, input";
  // "150.0MB" -> "150,0 MB": decimal comma and a space before the unit in texts taken from English ones.
  function num(s) { return s.replace(/(\d)\.(\d)/g, "$1,$2").replace(/(\d)([KMGT]?B)\b/g, "$1 $2"); }
  function tr(s) {
    if (!s) return null;
    const k = s.trim();
    if (!k || k.length > 300) return null;
    const d = window.__ubText;
    if (Object.prototype.hasOwnProperty.call(d.exact, k)) return s.replace(k, d.exact[k]);
    for (const [re, rep] of d.patterns) {
      const m = re.exec(k);
      if (m) return s.replace(k, rep.split("$1").join(num(m[1] || "")));
    }
    return null;
  }
  function fixEl(el) {
    for (const a of ATTRS) {
      const v = el.getAttribute(a);
      if (v) { const n = tr(v); if (n !== null && n !== v) el.setAttribute(a, n); }
    }
  }
  function fixText(node) {
    const parent = node.parentElement;
    if (!parent || (parent.closest(SKIP) && !parent.closest("button"))) return;
    let n = tr(node.nodeValue);
    // The tables' hidden cells for screen readers hold raw numbers ("36.3"): read them as "36,3".
    if (n === null && /^-?\d+\.\d+$/.test(node.nodeValue) && parent.closest("[data-testid=stDataFrame]")) {
      n = node.nodeValue.replace(".", ",");
    }
    if (n !== null && n !== node.nodeValue) node.nodeValue = n;
  }
  // Streamlit's sidebar navigation puts section divs between its list and the list items (axe: «list» and
  // «listitem», serious). The links stay in the nav landmark; the broken list semantics are removed.
  const ROLES = [["[data-testid=stSidebarNavItems]", "none"], ["[data-testid=stSidebarNavItems] li", "none"]];
  function fixRoles(root) {
    for (const [sel, role] of ROLES) {
      if (root.matches(sel) && root.getAttribute("role") !== role) root.setAttribute("role", role);
      root.querySelectorAll(sel).forEach((e) => { if (e.getAttribute("role") !== role) e.setAttribute("role", role); });
    }
  }
  function walk(root) {
    if (root.nodeType === 3) { fixText(root); return; }
    if (root.nodeType !== 1 || root.tagName === "SCRIPT" || root.tagName === "STYLE") return;
    fixEl(root);
    fixRoles(root);
    const w = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let node;
    while ((node = w.nextNode())) { if (node.nodeType === 3) fixText(node); else fixEl(node); }
  }
  // History: Streamlit adds a browser-history entry for every change of the link's query parameters
  // (about nine when a page opens). Only a change of page or of kommune is a new view; any other
  // change replaces the current entry, so Back goes back one view.
  if (!window.__ubHistory) {
    window.__ubHistory = true;
    const push = window.history.pushState.bind(window.history);
    const replace = window.history.replaceState.bind(window.history);
    window.history.pushState = function(state, title, url) {
      try {
        const next = new URL(url, window.location.href), cur = new URL(window.location.href);
        const kNext = next.searchParams.get("kommune"), kCur = cur.searchParams.get("kommune");
        const newView = next.pathname !== cur.pathname || (kCur !== null && kNext !== null && kNext !== kCur);
        if (!newView) return replace(state, title, url);
      } catch (e) {}
      return push(state, title, url);
    };
  }
  if (!window.__ubObserver) {
    window.__ubObserver = new MutationObserver((muts) => {
      for (const m of muts) {
        if (m.type === "childList") m.addedNodes.forEach(walk);
        else if (m.type === "characterData") fixText(m.target);
        else if (m.type === "attributes") fixEl(m.target);
      }
    });
    window.__ubObserver.observe(document.documentElement, {subtree: true, childList: true, characterData: true,
      attributes: true, attributeFilter: ATTRS});
  }
  walk(document.body);
})();
</script>"""


# Focus always visible for keyboard users (WCAG 2.4.7): a thick outline in the theme's blue (5:1 on white).
# Section headings under a page's title are h2 (st.header: no level skipped after the h1, axe
# «heading-order»), drawn at the size the h3 had.
FOCUS_CSS = """<style>
a:focus-visible, button:focus-visible, [role="tab"]:focus-visible, [role="button"]:focus-visible,
summary:focus-visible, input:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #0072B2 !important; outline-offset: 2px !important;
}
[data-baseweb="select"]:focus-within, [data-baseweb="input"]:focus-within, [data-baseweb="textarea"]:focus-within {
  outline: 3px solid #0072B2; outline-offset: 1px;
}
[data-testid="stMainBlockContainer"] h2 { font-size: 1.75rem; }
</style>"""


def build_script(lang: str) -> str:
    """The script tag for ``document_setup`` (no «<» followed by a letter inside: Streamlit's HTML sanitiser
    drops a script whose text looks like markup)."""
    from ui.browser_text import replacements

    config = {"lang": lang, "locales": [BCP47.get(lang, "nb-NO"), lang, "nb", "no"], "text": replacements()}
    return _SCRIPT.replace("__CONFIG__", json.dumps(config, ensure_ascii=False).replace("<", "\\u003c"))


def document_setup(lang: str, sidebar: bool = True) -> None:
    """``<html lang>``, the number locale and Norwegian for Streamlit's/Plotly's own texts, by a script in the page.

    The script runs in the page itself (``st.html`` with JavaScript allowed, not an iframe), sets
    ``document.documentElement.lang``, reports Norwegian as the browser language (read by Streamlit's
    ``NumberColumn(format="localized")``) and rewrites the English UI texts listed in ``ui.browser_text``.
    """
    script = build_script(lang)
    # In the sidebar, out of the page's flow; with a login configured the login screen has no sidebar, so
    # the script goes into the page there.
    with st.sidebar if sidebar else st.container():
        st.html(script, unsafe_allow_javascript=True, width="content")
    st.html(FOCUS_CSS)  # style only: Streamlit puts it outside the page flow
