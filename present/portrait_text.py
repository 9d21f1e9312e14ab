"""Skoleportrett as text: the table of a school's figures and the plain sentences that read it.

Shared by the page (``pages/skoleportrett.py``) and the one-page PDF (``report/portrait.py``). The
sentences never present a small or uncertain difference as the school's doing: only a difference whose
95 % interval excludes 0 is called a difference, and even then the text says the numbers do not tell why.
"""

from __future__ import annotations

import math

import pandas as pd

from data.catalogue import indicator_label
from present.window import span_text
from present.format import decimals_for, fmt_number
from present.strings import classification_label, t, verbatim

_SURE = ("svakere", "bedre", "lavere", "hoyere")


def _finite(x) -> bool:
    try:
        return x is not None and math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def _with_interval(est, lo, hi, d: int) -> str:
    if not _finite(est):
        return t("common.no_data")
    if not (_finite(lo) and _finite(hi)):
        return fmt_number(est, d)
    return f"{fmt_number(est, d)} ({fmt_number(lo, d)}–{fmt_number(hi, d)})"


def verdict(row) -> str:
    """The plain sentence for one indicator row of ``analysis.portrait.school_portrait``."""
    if bool(row["suppressed"]):
        return t("portrett.verdict.suppressed")
    cert = str(row["certainty"])
    if cert == "ingen_data":
        return t("portrett.verdict.ingen_data", reason=str(row.get("rest_reason") or t("common.no_data")))
    if cert == "sikker" and str(row["classification"]) in _SURE:
        return t(f"portrett.verdict.{row['classification']}")
    return t(f"portrett.verdict.{cert}")


def row_cells(row) -> dict[str, str]:
    """Formatted cells of one row; a suppressed school figure is printed as «skjermet», never as a number."""
    d = decimals_for(str(row["indicator"]))
    supp = bool(row["suppressed"])
    share = row["spread_share"]
    n = row["n"]
    return {
        t("portrett.col.indicator"): indicator_label(str(row["indicator"]), str(row["subject"]), int(row["trinn"])),
        t("portrett.col.school"): t("common.suppressed") if supp else _with_interval(
            row["estimate"], row["lower"], row["upper"], d),
        t("common.n"): t("common.suppressed") if supp or not _finite(n) else fmt_number(n, 0),
        t("portrett.col.rest"): _with_interval(row["rest_estimate"], row["rest_lower"], row["rest_upper"], d),
        t("portrett.col.difference"): "–" if supp else _with_interval(
            row["difference"], row["diff_lower"], row["diff_upper"], d),
        t("portrett.col.certainty"): t(f"portrett.certainty.{row['certainty']}"),
        t("portrett.col.class"): classification_label(row["classification"], "rest"),
        t("portrett.col.spread"): "–" if supp or not _finite(share) else f"{fmt_number(100 * share, 0)} %",
    }


def portrait_table(p: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """(the table as text cells, the suppressed mask) for the page and the PDF."""
    rows = [row_cells(r) for _, r in p.iterrows()]
    cols = list(row_cells(p.iloc[0]).keys()) if len(p) else [t("portrett.col.indicator")]
    return pd.DataFrame(rows, columns=cols), p["suppressed"].astype(bool).reset_index(drop=True)


def verdict_groups(p: pd.DataFrame) -> list[str]:
    """Each distinct verdict sentence once, with the indicators it applies to (plain text)."""
    groups: dict[str, list[str]] = {}
    for _, r in p.iterrows():
        groups.setdefault(verdict(r), []).append(
            indicator_label(str(r["indicator"]), str(r["subject"]), int(r["trinn"])))
    return [t("portrett.verdict_group", sentence=s, labels="; ".join(labels)) for s, labels in groups.items()]


def summary(p: pd.DataFrame, school: str) -> str:
    cert = p["certainty"].astype(str)
    return t("portrett.summary", school=school, n=len(p), sikker=int((cert == "sikker").sum()),
             usikker=int(cert.isin(["usikker", "stor_usikkerhet"]).sum()), ingen=int((cert == "ingen_data").sum()))


def spread_sentences(p: pd.DataFrame) -> list[str]:
    """One sentence per indicator where the school's share of the between-school spread is known,
    largest share first; empty when none is known."""
    ok = p[~p["suppressed"].astype(bool) & p["spread_share"].map(_finite)]
    out = []
    for _, r in ok.sort_values("spread_share", ascending=False).iterrows():
        out.append(t("portrett.spread_sentence",
                     label=indicator_label(str(r["indicator"]), str(r["subject"]), int(r["trinn"])),
                     share=fmt_number(100 * r["spread_share"], 0),
                     icc=fmt_number(100 * r["icc"], 0) if _finite(r["icc"]) else "–"))
    return out


def windows_text(p: pd.DataFrame) -> str:
    """The window(s) of the rows, e.g. «2022-23–2024-25»."""
    labels = list(dict.fromkeys(span_text(list(w)) for w in p["window"] if len(w)))
    return ", ".join(labels) if labels else t("common.no_data")


def _cut(text: str, max_chars: int | None) -> str:
    text = " ".join(str(text).split())
    return text if not max_chars or len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def finding_lines(findings, limit: int, max_chars: int | None = None) -> list[str]:
    """«Utfordring: text» per finding (plain text, cut to ``max_chars``), at most ``limit`` and a
    «… og N til» line."""
    lines = [t("portrett.finding_line", kind=f.kind_label, text=verbatim(_cut(f.text, max_chars))) for f in findings[:limit]]
    if len(findings) > limit:
        lines.append(t("portrett.more", n=len(findings) - limit))
    return lines


__all__ = ["finding_lines", "portrait_table", "row_cells", "spread_sentences", "summary", "verdict",
           "verdict_groups", "windows_text"]
