"""Suppression (prikking) on the statistics side: the rules live in ``data.suppression_rules``.

The demo generator and the importers publish figures exactly as the sources do, so the rules sit in
``data/`` (no import runs from ``data/`` up to ``analysis/``); this module re-exports them for code in
``analysis/`` and above. Method, rules and references: docs/methods.md («Suppression»).
"""

from __future__ import annotations

from data.suppression_rules import (
    apply_suppression,
    complementary_suppression,
    reveals_suppressed,
    suppression_threshold,
)

__all__ = ["apply_suppression", "complementary_suppression", "reveals_suppressed", "suppression_threshold"]
