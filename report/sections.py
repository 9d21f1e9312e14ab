"""One builder per report section. Each takes the ``ReportContext`` and returns its sections.

``report.model.build_report`` resolves the context once (kommune, window, the pooled and yearly
comparison with the nation, the kept findings) and runs ``SECTION_BUILDERS`` in order. No streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis import uttrekk as u
from analysis.compare import count_classifications
from analysis.overview import benchmark_comparison
from analysis.window import WINDOW_YEARS
from data.catalogue import INDICATORS, UTTREKK_SET, indicator_label
from present.format import count_text, fmt_interval, fmt_number
from present.reform import add_reform_markers
from present.strings import classification_label, t, tr
from present.verdicts import verdict_sentence
from report import charts
from present.window import span_text
from report.document import Bullets, Figure, Paragraph, Section, Subheading, Table
from report.methods import methods_sections
from present.uttrekk_text import explain, kommune_obs, pct, point_table

Key = tuple[str, str, int]

MARK = {"svakere": " ▼", "bedre": " ▲"}
SHORT_NAMES = ("grunnskolepoeng", "np_mestring_1", "eu_stotte_larer", "eu_motivasjon", "eu_mobbing")  # rep.short.*
KIND_HEADINGS = {"styrke": "rep.styrker", "utfordring": "rep.utfordringer"}  # strings-table keys
KIND_PLURALS = ("styrke", "utfordring", "hypotese", "sporsmal", "tiltakside")  # rep.kind_plural.* in the strings
QUESTION_KINDS = ("sporsmal", "hypotese")


def short_label(ind: str, subj: str, trinn: int) -> str:
    """'Nivå 1 les. 5.' — a column name for wide tables (explained in the caption)."""
    name = t(f"rep.short.{ind}") if ind in SHORT_NAMES else ind
    return " ".join(x for x in (name, subj[:3] + "." if subj else "", f"{int(trinn)}.") if x)


@dataclass(frozen=True)
class ReportOptions:
    """What goes in. Defaults: everything, all uttrekk indicators, all the kommune's schools."""

    indicators: tuple[Key, ...] = UTTREKK_SET
    schools: tuple[str, ...] | None = None  # school ids; None = all
    include_indicators: bool = True
    include_schools: bool = True
    include_uttrekk: bool = True
    include_findings: bool = True  # styrker og utfordringer
    include_questions: bool = True  # åpne spørsmål (spørsmål og hypoteser)
    include_checklist: bool = True
    include_methods: bool = True
    include_rejected_findings: bool = False  # status «forkastet»
    window_years: int = WINDOW_YEARS
    include_agreement: bool = True  # felles forståelse, when the kommune has ratings (report.agreement)


@dataclass
class ReportContext:
    """Everything the section builders read, resolved once by ``build_report``."""

    kommune_id: str
    kommune_name: str
    lineage: list[str]
    options: ReportOptions
    figures: pd.DataFrame
    periods: list[str]
    pooled: pd.DataFrame  # the kommune against the nation, window pooled (benchmark_comparison)
    yearly: pd.DataFrame  # the same per school year
    findings: Sequence[Any]
    kept: list[Any]  # findings that go in (not deleted; «forkastet» only when asked for)
    checklist: Sequence[Any]
    uttrekk: u.UttrekkResult | None
    school_names: dict[str, str] = field(default_factory=dict)  # filled by the school section
    agreement: Any = None  # (session, ratings, challenge texts) of ScopedRatings.for_report, or None

    @property
    def keys(self) -> list[Key]:
        return list(self.options.indicators)


# ----------------------------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------------------------


def _num(x: Any, d: int) -> str:
    try:
        xf = float(x)
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(xf) else fmt_number(xf, d)


def _dec(code: str) -> int:
    return INDICATORS[code].decimals if code in INDICATORS else 1


def _present_keys(keys: Sequence[Key], df: pd.DataFrame) -> list[Key]:
    """The keys with any row in ``df``, in ``keys`` order."""
    have = set(zip(df["indicator"].astype(str), df["subject"].astype(str), df["trinn"].astype(int)))
    return [k for k in keys if (k[0], k[1], int(k[2])) in have]


def school_pooled(figures: pd.DataFrame, lineage: list[str], periods: list[str], keys: Sequence[Key],
                  school_ids: Sequence[str] | None) -> pd.DataFrame:
    """Each school's pupils pooled over the window per indicator, with interval and verdict vs the nation
    (``analysis.overview.benchmark_comparison`` at school level)."""
    return benchmark_comparison(figures, {lineage[0]: lineage}, periods, keys, level="skole", school_ids=school_ids)


def finding_line(f: Any, school_names: dict[str, str]) -> str:
    """'Text (Bekreftet; kilde: Workshop; gjelder: …)'."""
    parts = [getattr(f, "status_label", getattr(f, "status", ""))]
    src = getattr(f, "source_label", getattr(f, "source", ""))
    if src:
        parts.append(t("rep.source", source=str(src).lower()))
    links = [indicator_label(link.indicator, link.subject or "", link.trinn) if getattr(link, "trinn", None)
             else indicator_label(link.indicator, link.subject or "")
             for link in getattr(f, "indicators", ())]
    links += [school_names.get(s, s) for s in getattr(f, "schools", ())]
    if links:
        parts.append(t("rep.concerns", links=", ".join(links)))
    return f"{f.text} ({'; '.join(p for p in parts if p)})"


def keep_finding(f: Any, options: ReportOptions) -> bool:
    """Whether a finding goes in: never a deleted one; «forkastet» only with ``include_rejected_findings``."""
    if getattr(f, "deleted", False):
        return False
    return options.include_rejected_findings or getattr(f, "status", "") != "forkastet"


def checklist_progress(items: Sequence[Any]) -> dict[str, int]:
    """Counts of checklist items by status (ferdig / pågår / ikke startet) and the total."""
    out = {"ferdig": 0, "pagar": 0, "ikke_startet": 0, "total": len(items)}
    for it in items:
        out[it.status] = out.get(it.status, 0) + 1
    return out


def checklist_progress_text(items: Sequence[Any]) -> str:
    c = checklist_progress(items)
    return t("rep.checklist_progress", done=c["ferdig"], total=c["total"], doing=c["pagar"], todo=c["ikke_startet"])


# ----------------------------------------------------------------------------------------------
# Summary
# ----------------------------------------------------------------------------------------------


def summary_section(ctx: ReportContext) -> list[Section]:
    """«Sammendrag»: the verdict counts over the window, findings by kind, checklist progress."""
    summary = Section(t("rep.summary"))
    if len(ctx.pooled):
        cls = count_classifications(ctx.pooled["classification"])
        summary.blocks.append(Paragraph(t("rep.summary_text", kommune=ctx.kommune_name, svakere=cls.svakere,
                                          bedre=cls.bedre, n=len(ctx.pooled), usikker=cls.usikker,
                                          ingen=cls.ingen_data)))
    if ctx.kept:
        from data.findings.vocab import KINDS

        by_kind: dict[str, int] = {}
        for f in ctx.kept:
            by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
        summary.blocks.append(Paragraph(t("rep.findings_count") + ", ".join(
            count_text(by_kind[k], KINDS[k].lower(),
                       t(f"rep.kind_plural.{k}") if k in KIND_PLURALS else KINDS[k].lower())
            for k in KINDS if k in by_kind) + "."))
    if ctx.checklist and ctx.options.include_checklist:
        summary.blocks.append(Paragraph(t("rep.checklist_line") + checklist_progress_text(ctx.checklist)))
    return [summary]


# ----------------------------------------------------------------------------------------------
# Indicators
# ----------------------------------------------------------------------------------------------


def _pooled_table(pooled: pd.DataFrame, periods: list[str]) -> Table:
    rows = []
    for _, r in pooled.iterrows():
        d = _dec(r["indicator"])
        rows.append([
            indicator_label(r["indicator"], r["subject"], int(r["trinn"])), fmt_interval(r),
            _num(r["n"], 0), t("common.suppressed") if bool(r.get("fylke_suppressed")) else _num(r["fylke_estimate"], d),
            _num(r["nasjonalt_estimate"], d), classification_label(r["classification"]),
        ])
    return Table([t("common.indikator"), t("rep.col.kommune_pooled"), t("ut.col.n"), t("oversikt.col.fylke"),
                  t("common.nasjonalt"), t("oversikt.col.vurdering")], rows,
                 caption=t("rep.pooled_caption", window=span_text(periods)))


def _yearly_table(yearly: pd.DataFrame, periods: list[str]) -> Table:
    rows = []
    for _, g in yearly.groupby("order", sort=True):
        r0 = g.iloc[0]
        cells = {str(r["period"]): fmt_interval(r) for _, r in g.iterrows()}
        rows.append([indicator_label(r0["indicator"], r0["subject"], int(r0["trinn"]))]
                    + [cells.get(p, t("common.no_data")) for p in periods])
    return Table([t("common.indikator")] + periods, rows, caption=t("rep.yearly_caption"))


def _yearly_figures(yearly: pd.DataFrame, keys: list[Key], kommune_id: str) -> list[Figure]:
    parts = charts.chunks(_present_keys(keys, yearly))
    out = []
    for i, part in enumerate(parts):
        fig = charts.indicator_years_figure(yearly, part, t("rep.yearly_figure_title"))
        reforms = add_reform_markers(fig, kommune_id, panels=True)  # a merger/split inside the window
        out.append(Figure(fig, t("rep.yearly_figure") + (f" ({i + 1} {t('rep.of')} {len(parts)})" if len(parts) > 1
                                                         else "") + t("rep.cross_suppressed")
                          + "".join(f" {label}." for label in reforms)))
    return out


def indicator_section(ctx: ReportContext) -> list[Section]:
    """«Indikatorene»: the window pooled against fylke and nation, year by year, and the small multiples."""
    if not (ctx.options.include_indicators and ctx.keys):
        return []
    sec = Section(t("rep.indicators"))
    sec.blocks.append(Paragraph(t("rep.indicators_intro")))
    if len(ctx.pooled):
        sec.blocks.append(_pooled_table(ctx.pooled, ctx.periods))
    if len(ctx.yearly):
        sec.blocks.append(_yearly_table(ctx.yearly, ctx.periods))
        sec.blocks.extend(_yearly_figures(ctx.yearly, ctx.keys, ctx.kommune_id))
    else:
        sec.blocks.append(Paragraph(t("rep.indicators_none")))
    return [sec]


# ----------------------------------------------------------------------------------------------
# Schools
# ----------------------------------------------------------------------------------------------


def _school_tables(sp: pd.DataFrame, keys: list[Key]) -> list[Table]:
    """One row per school, one column per indicator (short names, explained below the table)."""
    cells: dict[tuple[str, Key], str] = {}
    for _, r in sp.iterrows():
        k = (str(r["indicator"]), str(r["subject"]), int(r["trinn"]))
        cells[(str(r["unit_id"]), k)] = fmt_interval(r) + MARK.get(str(r["classification"]), "")
    order = sp.drop_duplicates("unit_id").sort_values("unit_name")
    tables = []
    for part in charts.chunks(keys, 6):
        rows = [[str(name)] + [cells.get((sid, k), "–") for k in part]
                for sid, name in zip(order["unit_id"], order["unit_name"])]
        tables.append(Table(
            [t("common.skole")] + [short_label(*k) for k in part], rows,
            caption=t("rep.schools_caption") + " "
                    + "; ".join(f"{short_label(*k)} = {indicator_label(*k)}" for k in part) + "."))
    return tables


def school_section(ctx: ReportContext) -> list[Section]:
    """«Skolene»: each school's window pooled against the nation, as tables and small multiples."""
    if not (ctx.options.include_schools and ctx.keys):
        return []
    sec = Section(t("uttrekk.tab.schools"))
    sp = school_pooled(ctx.figures, ctx.lineage, ctx.periods, ctx.keys, ctx.options.schools)
    if sp.empty:
        sec.blocks.append(Paragraph(t("rep.schools_none")))
        return [sec]
    ctx.school_names = dict(zip(sp["unit_id"], sp["unit_name"]))
    sec.blocks.append(Paragraph(t("rep.schools_intro")))
    present = _present_keys(ctx.keys, sp)
    sec.blocks.extend(_school_tables(sp, present))
    parts = charts.school_chunks(present, sp["unit_id"].nunique())
    for i, part in enumerate(parts):
        fig = charts.schools_figure(sp, part, t("rep.schools_figure_title"))
        sec.blocks.append(Figure(fig, t("rep.schools_figure") + (f" ({i + 1} {t('rep.of')} {len(parts)})"
                                                                  if len(parts) > 1 else "")
                                 + t("rep.schools_figure_note")))
    return [sec]


# ----------------------------------------------------------------------------------------------
# Uttrekk
# ----------------------------------------------------------------------------------------------


def _uttrekk_school_blocks(ctx: ReportContext, res: u.UttrekkResult) -> list:
    sch = res.kommune_schools(ctx.kommune_id)
    if ctx.options.schools is not None:
        sch = sch[sch["school_id"].isin(list(ctx.options.schools))]
    if not len(sch):
        return []
    krow = res.kommune_row(ctx.kommune_id)
    fig = charts.school_shares_figure(sch, float(krow["share"]) if krow is not None else float("nan"),
                                      res.top_threshold, t("uttrekk.schools_chart"))
    return [
        Figure(fig, t("rep.shares_figure")),
        Table([t("common.skole"), t("uttrekk.col.points"), t("uttrekk.col.possible"), t("uttrekk.col.share"),
               t("uttrekk.col.suppressed"), t("rep.col.top")],
              [[r["school_name"], _num(r["points"], 0), _num(r["possible"], 0), pct(r["share"]),
                str(int(r["n_suppressed"])), t("uttrekk.yes") if bool(r["top"]) else t("uttrekk.no")]
               for _, r in sch.iterrows()]),
    ]


_BOOT_CACHE: list[tuple[u.UttrekkResult, object]] = []  # the last bootstrap, reused across a batch of reports


def _bootstrap_paragraphs(res: u.UttrekkResult, kommune_id: str) -> list[str]:
    """Issue 12: interval for the share and rank, P(drawn) and the two-way audit (``analysis.uttrekk_bootstrap``)."""
    from analysis.bootstrap_store import cached_bootstrap
    from analysis.uttrekk_bootstrap import audit
    from present.uncertainty import audit_sentence, bootstrap_summary

    hit = next((b for r, b in _BOOT_CACHE if r is res), None)
    if hit is None:
        hit = cached_bootstrap(res, replicates=500)  # on disk per inputs and code: a new process reads it
        _BOOT_CACHE[:] = [(res, hit)]
    row = hit.kommuner[hit.kommuner["kommune_id"] == str(kommune_id)]
    if row.empty:
        return []
    figs = hit.figures[(hit.figures["level"] == "kommune") & (hit.figures["unit_id"] == str(kommune_id))]
    return [bootstrap_summary(row.iloc[0]), audit_sentence(audit(figs)), t("stat.bootstrap.short", reps=hit.replicates)]


def uttrekk_section(ctx: ReportContext) -> list[Section]:
    """«Hvorfor er kommunen trukket ut?»: the selection model explained (``present.uttrekk_text``)."""
    if not ctx.options.include_uttrekk:
        return []
    res = ctx.uttrekk if ctx.uttrekk is not None else u.compute(ctx.figures)
    ex = explain(res, ctx.kommune_id, ctx.kommune_name)
    sec = Section(t("ub.inc.uttrekk_title"))
    sec.blocks.append(Paragraph(tr(u.DISCLAIMER), note=True))
    sec.blocks.extend(Paragraph(part) for part in (ex.headline, *ex.level, *ex.spread))
    sec.blocks.extend(_uttrekk_school_blocks(ctx, res))
    sec.blocks.append(Subheading(t("rep.reliability")))
    sec.blocks.extend(Paragraph(part) for part in ex.reliability)
    sec.blocks.extend(Paragraph(part) for part in _bootstrap_paragraphs(res, ctx.kommune_id))
    pt = point_table(res, kommune_obs(res, ctx.kommune_id))
    if len(pt):
        sec.blocks.append(Table(list(pt.columns), pt.astype(str).values.tolist(),
                                caption=t("rep.points_caption")))
    sec.blocks.extend(Paragraph(part) for part in (*ex.drivers, *ex.stability))
    if ex.what_if:
        sec.blocks.append(Subheading(t("uttrekk.tab.whatif")))
        sec.blocks.append(Bullets(list(ex.what_if)))
    return [sec]


# ----------------------------------------------------------------------------------------------
# Findings, questions, checklist, methods
# ----------------------------------------------------------------------------------------------


def findings_section(ctx: ReportContext) -> list[Section]:
    """«Styrker og utfordringer»: the kept findings of those two kinds."""
    if not ctx.options.include_findings:
        return []
    sec = Section(t("funn.tab_side"))
    any_found = False
    for kind, heading in KIND_HEADINGS.items():
        items = [f for f in ctx.kept if f.kind == kind]
        sec.blocks.append(Subheading(t(heading)))
        if items:
            any_found = True
            sec.blocks.append(Bullets([finding_line(f, ctx.school_names) + supporting_figures(f, ctx.pooled)
                                       for f in items]))
        else:
            sec.blocks.append(Paragraph(t("rep.none_of_kind", kind=t(heading).lower()), note=True))
    if not any_found:
        sec.blocks.append(Paragraph(t("rep.findings_where"), note=True))
    return [sec]


def supporting_figures(f: Any, pooled: pd.DataFrame) -> str:
    """The figures behind a finding's linked indicators: « Tallene: grunnskolepoeng 40,4 mot 42,6 i landet,
    kommunen ligger sikkert under landet.» (empty when the finding links no indicator in the report)."""
    parts = []
    for link in getattr(f, "indicators", ()):
        for _, r in pooled.iterrows():
            if link.matches(str(r["indicator"]), str(r["subject"]), int(r["trinn"])):
                d = _dec(r["indicator"])
                sentence = verdict_sentence(str(r["classification"]), direction=INDICATORS[str(r["indicator"])].direction,
                                            suppressed=bool(r["suppressed"]))
                value = t("common.suppressed") if bool(r["suppressed"]) else _num(r["estimate"], d)
                parts.append(t("rep.supporting_part",
                               indicator=indicator_label(r["indicator"], r["subject"], int(r["trinn"])).lower(),
                               value=value, national=_num(r["nasjonalt_estimate"], d),
                               sentence=sentence[0].lower() + sentence[1:]))
    return (" " + t("rep.supporting", parts=" ".join(parts))) if parts else ""


def questions_section(ctx: ReportContext) -> list[Section]:
    """«Åpne spørsmål»: questions and hypotheses."""
    if not ctx.options.include_questions:
        return []
    sec = Section(t("rep.questions"))
    items = [f for f in ctx.kept if f.kind in QUESTION_KINDS]
    if items:
        sec.blocks.append(Bullets([(t("rep.hypothesis") if f.kind == "hypotese" else "") + finding_line(f, ctx.school_names)
                                   for f in items]))
    else:
        sec.blocks.append(Paragraph(t("rep.questions_none"), note=True))
    return [sec]


def checklist_section(ctx: ReportContext) -> list[Section]:
    """«Sjekkliste for forfasen»: progress and one row per item with its evidence."""
    if not ctx.options.include_checklist:
        return []
    sec = Section(t("nav.sjekkliste"))
    if not ctx.checklist:
        sec.blocks.append(Paragraph(t("rep.checklist_empty"), note=True))
        return [sec]
    from data.findings.vocab import ROLES

    sec.blocks.append(Paragraph(checklist_progress_text(ctx.checklist)))
    texts = {getattr(f, "id", ""): f.text for f in ctx.findings}
    rows = []
    for it in ctx.checklist:
        ev = [texts.get(e, "") for e in it.evidence]
        ev_text = "; ".join(x[:80] + ("…" if len(x) > 80 else "") for x in ev if x)
        rows.append([it.label, it.status_label, ROLES.get(it.responsible_role, it.responsible_role or ""),
                     it.due_date.strftime("%d.%m.%Y") if it.due_date else "", getattr(it, "note", "") or "", ev_text])
    sec.blocks.append(Table([t("sjekkliste.col.item"), t("sjekkliste.status"), t("sjekkliste.role"),
                             t("sjekkliste.due"), t("sjekkliste.note"), t("sjekkliste.evidence")], rows))
    return [sec]


def methods_appendix(ctx: ReportContext) -> list[Section]:
    """The methods appendix (``report.methods``)."""
    if not ctx.options.include_methods:
        return []
    params = ctx.uttrekk.params if ctx.uttrekk is not None else u.UttrekkParams()
    return [Section(tr(title), [Paragraph(tr(p)) for p in paragraphs], appendix=True)
            for title, paragraphs in methods_sections(params)]


# Executive part first (what the utfordringsbilde is about: the verdicts, styrker and utfordringer with the
# figures behind them, the open questions), then the figures, the checklist and the methods.
def agreement_sections(ctx: ReportContext) -> list[Section]:
    """«Felles forståelse»: who agrees on which challenge (``report.agreement``), when there are ratings."""
    if not ctx.options.include_agreement or ctx.agreement is None:
        return []
    from report.agreement import report_agreement_section

    return [report_agreement_section(*ctx.agreement)]


SECTION_BUILDERS: tuple[Callable[[ReportContext], list[Section]], ...] = (
    summary_section, findings_section, questions_section, agreement_sections, indicator_section, school_section, uttrekk_section,
    checklist_section, methods_appendix,
)
