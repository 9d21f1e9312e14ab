"""User- and file-supplied strings shown as plain text inside Streamlit's Markdown elements.

``st.info``, ``st.caption``, ``st.error`` and ``st.markdown`` read their text as Markdown: a file named
``![x](https://…)`` would make every page fetch a remote image, ``**`` or ``:red[…]`` would style it, and
``$…$`` would become math. ``plain`` escapes every character Markdown (CommonMark, Streamlit's colour and
icon directives, math) gives meaning to, so the text shows exactly as written.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:=^&\"'])")


def plain(text: object) -> str:
    """``text`` escaped for Markdown: rendered character for character, never as links, images or styling."""
    s = "" if text is None else str(text)
    return _SPECIAL.sub(r"\\\1", s)
