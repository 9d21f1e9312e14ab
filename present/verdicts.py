"""Verdicts in plain words: one sentence per comparison, no method names (those go in an expander).

«Kommunen ligger sikkert under landet», «Vi kan ikke si at kommunen skiller seg fra landet». The
sentence follows the classification codes of ``analysis.compare`` and the indicator's direction, so
«under» means the value is lower, and for indicators where low is best the sentence says it is better.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis.compare import count_classifications
from present.strings import t

REFERENCES = ("nasjonalt", "fylke", "rest", "peers")
SUBJECTS = ("kommune", "skole")


def verdict_sentence(classification: str, *, reference: str = "nasjonalt", direction: int = 1,
                     subject: str = "kommune", suppressed: bool = False) -> str:
    """The verdict as one plain sentence.

    Parameters
    ----------
    classification : a code of ``analysis.compare.CLASSIFICATIONS``.
    reference : what the unit is compared with (``nasjonalt``, ``fylke``, ``rest``, ``peers``).
    direction : the catalogue direction (+1 higher is better, −1 lower is better, 0 neutral).
    subject : ``kommune`` or ``skole``.
    suppressed : the unit's figure is suppressed (explains why there is no verdict).
    """
    ref = t(f"verdict.ref.{reference}")
    who = t(f"verdict.subject.{subject}")
    code = str(classification)
    if code == "ingen_data":
        return t("verdict.skjermet") if suppressed else t("verdict.ingen_data")
    if code == "ikke_sikker":
        return t("verdict.ikke_sikker", subject_lc=who.lower(), ref=ref)
    if code in ("lavere", "hoyere"):
        return t(f"verdict.{code}", subject=who, ref=ref)
    if code not in ("svakere", "bedre"):
        return t("verdict.ingen_data")
    if direction < 0:
        key = "verdict.above_worse" if code == "svakere" else "verdict.below_better"
    else:
        key = "verdict.below_worse" if code == "svakere" else "verdict.above_better"
    return t(key, subject=who, ref=ref)


def verdict_label(classification: str, reference: str = "nasjonalt") -> str:
    """A short label for legends and tables: «Sikkert svakere enn landet», «Ikke sikker forskjell»."""
    return t(f"verdict.label.{classification}", ref=t(f"verdict.ref.{reference}"))


def verdict_summary(classifications: Iterable[str], reference: str = "nasjonalt") -> str:
    """Every indicator accounted for: how many are surely worse, surely better, uncertain, not assessable
    (counted by ``analysis.compare.count_classifications``, the one rule for every page and the report;
    sure differences of an indicator without a better side, «lavere»/«høyere», are named on their own)."""
    c = count_classifications(list(classifications))
    text = t("verdict.summary", total=c.total, svakere=c.svakere, bedre=c.bedre, usikker=c.ikke_sikker,
             ingen=c.ingen_data, ref=t(f"verdict.ref.{reference}"))
    if c.lavere or c.hoyere:
        text += " " + t("verdict.summary_neutral", lavere=c.lavere, hoyere=c.hoyere, ref=t(f"verdict.ref.{reference}"))
    return text
