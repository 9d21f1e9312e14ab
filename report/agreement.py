"""Felles forståelse as a report section: who rated, the table challenge × role of mean «hvor viktig»,
agreement per challenge (r_wg with its interval) and the sentences «skoleledere og skoleeier er enige om …».

``build_report(..., agreement=ScopedRatings.for_report(kommune))`` puts ``report_agreement_section`` after the
open questions (``report.sections.agreement_sections``): the session it speaks of, the sentences «… er enige om
…, uenige om …» first, then the tables. ``agreement_section`` is the same for any session's ratings
(``data.findings.ratings.RatingStore.ratings``) and the challenges' texts.
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
        Bullets(sentences) if sentences else Paragraph(t("rep.felles.no_pairs")),
        Paragraph(t("felles.method"), note=True),
    ]
    return sec


def report_agreement_section(session, ratings: pd.DataFrame, labels: dict[str, str],
                             pairs: Sequence[tuple[str, str]] = DEFAULT_PAIRS) -> Section:
    """The utfordringsbilde's section: which session (title, open or closed, date), who agrees on what, the
    table of means by role and the agreement r_wg with its bootstrap interval per challenge."""
    roles = set(ratings.loc[ratings["finding_id"].isin(list(labels)), "role"])
    sec = agreement_section(ratings, labels, [(a, b) for a, b in pairs if {a, b} <= roles])  # pairs who both rated
    created = getattr(session, "created_at", None)
    state = t("rep.felles.open") if getattr(session, "is_open", False) else t("rep.felles.closed")
    intro = t("rep.felles.session", title=str(getattr(session, "title", "")), state=state,
              date=created.astimezone().strftime("%d.%m.%Y") if created is not None else "")
    sec.blocks.insert(0, Paragraph(intro))
    lead = [i for i, b in enumerate(sec.blocks) if isinstance(b, Bullets)
            or (isinstance(b, Paragraph) and b.text == t("rep.felles.no_pairs"))]
    if lead:  # the sentences before the tables: the report says first who agrees on what
        sec.blocks.insert(2, sec.blocks.pop(lead[0]))
        sec.blocks.insert(2, Paragraph(t("rep.felles.lead")))
    return sec


__all__ = ["DEFAULT_PAIRS", "agreement_section", "report_agreement_section"]
