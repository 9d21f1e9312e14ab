"""Numbers as Norwegian text: decimal comma, a space between thousands. The one formatter.

It sits at the bottom floor so that every layer can use it without an upward import: ``present.format``
(the public face for ``ui/``, ``report/`` and ``pages/``), the method texts of ``analysis/`` and the
importers' messages. No other module turns a decimal point into a comma.
"""

from __future__ import annotations

import math


def fmt_spec(x: float, spec: str = "") -> str:
    """``format(x, spec)`` in Norwegian style: '.' → ',' and the ',' thousands separator → ' '.

    ``fmt_spec(1234.5, ",.1f")`` → '1 234,5'; ``fmt_spec(8.5, "g")`` → '8,5'; ``fmt_spec(0.25)`` → '0,25'
    (the shortest text that reads back as the same float).
    """
    return format(x, spec).replace(",", " ").replace(".", ",")


def fmt_number(x: float | None, decimals: int = 1) -> str:
    """12.345 -> '12,3'; 12345 -> '12 345,0'; None or NaN -> ''."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return fmt_spec(x, f",.{decimals}f")


__all__ = ["fmt_number", "fmt_spec"]
