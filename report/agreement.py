"""Felles forståelse as a report section: who rated, the table challenge × role of mean «hvor viktig»,
agreement per challenge (r_wg with its interval) and the sentences «skoleledere og skoleeier er enige om …».

Not yet wired into ``report.model.build_report`` (the lead decides where it goes); call it with a
session's ratings (``data.findings.ratings.RatingStore.ratings``) and the challenges' texts.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.agreement import agreement_by_item, role_means
from present import agreement_charts as ac
from present.strings import t
from report.document import Bullets, Paragraph, Section, Table

DEFAULT_PAIRS: tuple[tuple[str, str], ...] = (("skoleleder", "skoleeier"), ("laerer", "skoleleder"))


def agreement_section(ratings: pd.DataFrame, labels: dict[str, str],
                      pairs: Sequence[tuple[str, str]] = DEFAULT_PAIRS) -> Section:
    """The section for one rating session (``labels``: finding id -> challenge text, in display order)."""
    df = ratings[ratings["finding_id"].isin(list(labels))]
    sec = Section(t("nav.felles"))
    if df.empty:
        sec.blocks.append(Paragraph(t("felles.no_ratings")))
        return sec
    rated = {f: x for f, x in labels.items() if f in set(df["finding_id"])}
    heat = ac.heatmap_table(role_means(df), rated)
    ag = ac.agreement_table(agreement_by_item(df, "importance"), agreement_by_item(df, "certainty"), rated)
    sentences = [s for a, b in pairs for s in ac.pair_sentences(df, rated, a, b)]
    sec.blocks += [
        Paragraph(t("felles.participants", n=df["participant"].nunique(), m=len(df))),
        Table(list(heat.columns), heat.astype(str).values.tolist(), caption=t("felles.heatmap_title")),
        Table(list(ag.columns), ag.astype(str).values.tolist(), caption=t("felles.agreement_heading")),
        Bullets(sentences),
        Paragraph(t("felles.method"), note=True),
    ]
    return sec


__all__ = ["DEFAULT_PAIRS", "agreement_section"]
