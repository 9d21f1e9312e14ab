"""Streamlit's and Plotly's own English UI texts, and their Norwegian replacements.

Streamlit has no setting for the language of its built-in texts («Skip to main content», «Drag and
drop files here», «Select all», the table toolbar, «Help for …», «Press Enter to apply»); Plotly's
toolbar titles are English too. Where Streamlit offers a parameter we use it; the rest is replaced in
the browser by a small script (``ui.language.document_setup``) that rewrites exactly these texts, in
text and in ``aria-label``/``title``/``placeholder``/``data-title``, so screen readers hear Norwegian too.

``EXACT`` maps a whole English text to a strings-table key; ``PATTERNS`` maps a regular expression
(JavaScript syntax, one group) to a key whose ``{x}`` receives the group. ``ENGLISH_WORDS`` is the list
the browser tests search every page for.
"""

from __future__ import annotations

from present.strings import t

EXACT: dict[str, str] = {
    "Skip to main content": "browser.skip",
    "Choose an option": "browser.choose_one",
    "Choose options": "browser.choose_many",
    "Choose or add an option": "browser.choose_add_one",
    "Choose or add options": "browser.choose_add_many",
    "Add an option": "browser.add_one",
    "Add options": "browser.add_many",
    "No options to select": "browser.no_options",
    "No results": "browser.no_results",
    "Select all": "browser.select_all",
    "Clear all": "browser.clear_all",
    "Clear": "browser.clear",
    "Clear value": "browser.clear",
    "Clear selection": "browser.clear",
    "Download as CSV": "browser.download_csv",
    "Search": "browser.search",
    "Fullscreen": "browser.fullscreen",
    "Close fullscreen": "browser.close_fullscreen",
    "Show/hide columns": "browser.columns",
    "Collapse sidebar": "browser.collapse_sidebar",
    "Expand sidebar": "browser.expand_sidebar",
    "Sidebar": "browser.sidebar",
    "App pages": "browser.app_pages",
    "View less": "browser.view_less",
    "Help": "browser.help",
    "Link to heading": "browser.link_heading",
    "Open": "browser.open",
    "Close": "browser.close",
    "Running...": "browser.running",
    "Stop": "browser.stop",
    "Rerun": "browser.rerun",
    "Connecting": "browser.connecting",
    "Press Enter to apply": "browser.enter_apply",
    "Press Enter to submit form": "browser.enter_submit",
    "Press ⌘+Enter to apply": "browser.ctrl_enter_apply",
    "Press Ctrl+Enter to apply": "browser.ctrl_enter_apply",
    "Press ⌘+Enter to submit form": "browser.ctrl_enter_submit",
    "Press Ctrl+Enter to submit form": "browser.ctrl_enter_submit",
    "Drag and drop a file here": "browser.drop_one",
    "Drag and drop files here": "browser.drop_many",
    "Upload": "browser.upload",
    "Add files": "browser.add_files",
    "Browse files": "browser.upload",
    "Remove file": "browser.remove_file",
    "file upload": "browser.file_input",
    "Delete": "browser.delete",
    "Choose date": "browser.choose_date",
    "Download plot as a PNG": "browser.plot_png",
    "Download plot": "browser.plot_png",
    "Autoscale": "browser.autoscale",
    "Reset axes": "browser.reset_axes",
    "Zoom": "browser.zoom",
    "Zoom in": "browser.zoom_in",
    "Zoom out": "browser.zoom_out",
    "Pan": "browser.pan",
    "Box Select": "browser.box_select",
    "Lasso Select": "browser.lasso_select",
    "Show data": "browser.show_data",
    "Show chart": "browser.show_chart",
    "Page not found": "browser.page_not_found",
    "The page that you have requested does not seem to exist. Running the app's main page.":
        "browser.page_not_found_text",
}

PATTERNS: list[tuple[str, str]] = [
    (r"^Help for (.+)$", "browser.help_for"),
    (r"^You have requested page /(.+), but no corresponding file was found in the app's pages/ directory\. "
     r"Running the app's main page\.$", "browser.page_not_found_named"),
    (r"^View (\d+) more$", "browser.view_more"),
    (r"^Limit (.+) per file$", "browser.per_file"),
    (r"^(.+) per file$", "browser.per_file"),
    (r"^File must be (.+) or smaller\.$", "browser.file_too_big"),
    (r"^(.+) files are not allowed\.$", "browser.file_type"),
]

# What the browser tests look for on every page (whole words, case-sensitive).
ENGLISH_WORDS: tuple[str, ...] = (
    "Upload", "Drag and drop", "per file", "Browse files", "Select all", "Clear all", "Download as CSV", "Search",
    "Fullscreen", "Skip to main content", "Choose an option", "Choose options", "Press Enter", "Help for",
    "Download plot", "Autoscale", "Reset axes", "Zoom", "Pan", "Box Select", "Lasso Select", "Page not found",
    "does not seem to exist", "Running the app", "No results", "Collapse sidebar", "App pages", "Link to heading", "File must be", "None", "NaN", "nan",
)


def replacements() -> dict[str, object]:
    """The table the browser script uses, in the session's language."""
    return {
        "exact": {en: t(key) for en, key in EXACT.items()},
        "patterns": [[rx, t(key, x="$1")] for rx, key in PATTERNS],
    }
