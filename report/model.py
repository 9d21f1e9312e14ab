"""The utfordringsbilde report as a plain document model, built from data, findings and the checklist.

``build_report`` gathers what the user chose (indicators, schools, the uttrekk explanation, styrker and
utfordringer, open questions, checklist status, the methods appendix) into ``Report``: sections of
paragraphs, bullet lists, tables (all cells already formatted text, suppressed figures as «skjermet»)
and Plotly figures. ``report.pdf`` and ``report.docx`` render the same model, so the preview, the PDF
and the DOCX say the same thing. No streamlit import.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go

import data
from analysis import uttrekk as u
from analysis.compare import compare_to_benchmark
from analysis.rounding import apply_benchmark_rounding
from analysis.intervals import pooled_window
from analysis.overview import latest_periods, overview_by_year, overview_pooled
from data.catalogue import INDICATORS, UTTREKK_SET, indicator_label
from report import charts
from report.methods import methods_sections
from report.uttrekk_text import explain, kommune_obs, pct, point_table
from present.format import fmt_interval, fmt_number

Key = tuple[str, str, int]

CLASS_TEXT = {
    "svakere": "Svakere enn nasjonalt",
    "bedre": "Bedre enn nasjonalt",
    "ikke_sikker": "Ikke sikker forskjell",
    "lavere": "Lavere enn nasjonalt",
    "hoyere": "Høyere enn nasjonalt",
    "ingen_data": "Kan ikke vurderes",
}
MARK = {"svakere": " ▼", "bedre": " ▲"}
SHORT_NAMES = {"grunnskolepoeng": "GSP", "np_mestring_1": "Nivå 1", "eu_stotte_larer": "Støtte lærer",
               "eu_motivasjon": "Motivasjon", "eu_mobbing": "Mobbing"}


def short_label(ind: str, subj: str, trinn: int) -> str:
    """'Nivå 1 les. 5.' — a column name for wide tables (explained in the caption)."""
    return " ".join(x for x in (SHORT_NAMES.get(ind, ind), subj[:3] + "." if subj else "", f"{int(trinn)}.") if x)


KIND_HEADINGS = {"styrke": "Styrker", "utfordring": "Utfordringer"}
QUESTION_KINDS = ("sporsmal", "hypotese")


# ----------------------------------------------------------------------------------------------
# Document model
# ----------------------------------------------------------------------------------------------


@dataclass
class Paragraph:
    text: str
    note: bool = False  # smaller, grey (captions, explanations)


@dataclass
class Subheading:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    caption: str = ""


@dataclass
class Figure:
    fig: go.Figure
    caption: str
    png: bytes | None = None

    @property
    def height(self) -> int:
        return int(self.fig.layout.height or 500)


Block = Paragraph | Subheading | Bullets | Table | Figure


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    appendix: bool = False


@dataclass
class Report:
    kommune_id: str
    kommune_name: str
    fylke_name: str
    title: str
    subtitle: str
    source_line: str  # printed on every page
    created: date
    periods: list[str]
    sections: list[Section]

    def figures(self) -> list[Figure]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def headings(self) -> list[str]:
        return [s.title for s in self.sections]

    def plain_text(self) -> str:
        """All text of the report (for tests and search)."""
        out = [self.title, self.subtitle, self.source_line]
        for s in self.sections:
            out.append(s.title)
            for b in s.blocks:
                if isinstance(b, (Paragraph, Subheading)):
                    out.append(b.text)
                elif isinstance(b, Bullets):
                    out.extend(b.items)
                elif isinstance(b, Table):
                    out.append(b.caption)
                    out.append(" | ".join(b.columns))
                    out.extend(" | ".join(r) for r in b.rows)
                elif isinstance(b, Figure):
                    out.append(b.caption)
        return "\n".join(out)


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
    window_years: int = 3


# ----------------------------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------------------------


def _keys_frame(keys: Sequence[Key]) -> pd.DataFrame:
    k = pd.DataFrame(list(keys), columns=["indicator", "subject", "trinn"])
    k["trinn"] = k["trinn"].astype(int)
    k["order"] = range(len(k))
    return k


def _filter_keys(df: pd.DataFrame, keys: Sequence[Key]) -> pd.DataFrame:
    if df.empty:
        return df
    k = _keys_frame(keys)
    out = df.drop(columns=["order"], errors="ignore").merge(k, on=["indicator", "subject", "trinn"], how="inner")
    return out.sort_values(["order"] + (["period"] if "period" in out.columns else [])).reset_index(drop=True)


def _num(x: Any, d: int) -> str:
    try:
        xf = float(x)
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(xf) else fmt_number(xf, d)


def _dec(code: str) -> int:
    return INDICATORS[code].decimals if code in INDICATORS else 1


def school_pooled(figures: pd.DataFrame, lineage: list[str], periods: list[str], keys: Sequence[Key],
                  national: pd.DataFrame, school_ids: Sequence[str] | None) -> pd.DataFrame:
    """Each school's pupils pooled over the window per indicator, with interval and verdict vs the nation."""
    mask = (
        (figures["level"] == "skole") & figures["kommune_id"].isin(lineage) & figures["period"].isin(periods)
        & figures["indicator"].isin({k[0] for k in keys}) & (figures["kjonn"] == "alle")
    )
    rows = figures.loc[mask].copy()
    if rows.empty:
        return pd.DataFrame()
    for col in ("level", "unit_id", "unit_name", "kommune_id", "indicator", "subject", "period"):
        rows[col] = rows[col].astype(str)
    rows["trinn"] = rows["trinn"].astype(int)
    rows = rows.merge(_keys_frame(keys), on=["indicator", "subject", "trinn"], how="inner")
    if school_ids is not None:
        rows = rows[rows["unit_id"].isin(list(school_ids))]
    if rows.empty:
        return pd.DataFrame()
    # The school's latest name.
    names = rows.sort_values("period").groupby("unit_id")["unit_name"].last()
    rows["unit_name"] = rows["unit_id"].map(names)
    pooled = pooled_window(rows.drop(columns=["order"]), periods,
                           by=["level", "unit_id", "unit_name", "indicator", "subject", "trinn", "kjonn"])
    nat = national[["indicator", "subject", "trinn", "nasjonalt_estimate", "nasjonalt_se"]]
    pooled = pooled.merge(nat, on=["indicator", "subject", "trinn"], how="left")
    pooled = compare_to_benchmark(pooled, benchmark_value_col="nasjonalt_estimate", benchmark_se_col="nasjonalt_se")
    pooled = apply_benchmark_rounding(pooled)  # issue 12: no verdict within the published rounding
    return _filter_keys(pooled, keys).sort_values(["unit_name", "order"]).reset_index(drop=True)


def _finding_line(f: Any, school_names: dict[str, str]) -> str:
    """'Text (Bekreftet; kilde: Workshop; gjelder: …)'."""
    parts = [getattr(f, "status_label", getattr(f, "status", ""))]
    src = getattr(f, "source_label", getattr(f, "source", ""))
    if src:
        parts.append(f"kilde: {str(src).lower()}")
    links = [indicator_label(link.indicator, link.subject or "", link.trinn) if getattr(link, "trinn", None)
             else indicator_label(link.indicator, link.subject or "")
             for link in getattr(f, "indicators", ())]
    links += [school_names.get(s, s) for s in getattr(f, "schools", ())]
    if links:
        parts.append("gjelder: " + ", ".join(links))
    return f"{f.text} ({'; '.join(p for p in parts if p)})"


def _keep_finding(f: Any, options: ReportOptions) -> bool:
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
    return f"{c['ferdig']} av {c['total']} punkter er ferdige, {c['pagar']} pågår og {c['ikke_startet']} er ikke startet."


# ----------------------------------------------------------------------------------------------
# build_report
# ----------------------------------------------------------------------------------------------


def source_line(periods: list[str], created: date) -> str:
    """'Kilde: … Skoleårene …. Laget dd.mm.yyyy.' — printed on every page."""
    info = data.dataset_info()
    src = info.label + (f" ({', '.join(info.sources)})" if info.sources and info.sources != ("demo",) else "")
    window = f"{periods[0]}–{periods[-1]}" if periods else ""
    return f"Kilde: {src}. Skoleår {window}. Laget {created.strftime('%d.%m.%Y')}."


def build_report(
    kommune_id: str,
    options: ReportOptions = ReportOptions(),
    *,
    findings: Sequence[Any] = (),
    checklist: Sequence[Any] = (),
    figures: pd.DataFrame | None = None,
    uttrekk: u.UttrekkResult | None = None,
    created: date | None = None,
) -> Report:
    """Build the report model for one kommune.

    ``findings`` are ``data.findings.Finding`` objects (or anything with the same attributes) of the
    kommune; ``checklist`` its ``ChecklistItem`` list. ``figures`` and ``uttrekk`` default to the
    active dataset and the model with default parameters (pass them in when building many reports).
    """
    kommune_id = str(kommune_id)
    created = created or date.today()
    figures = data.load_dataset() if figures is None else figures
    reg = data.load_kommuner()
    hit = reg[reg["kommune_id"].astype(str) == kommune_id]
    if hit.empty:
        raise KeyError(f"Ukjent kommune: {kommune_id}")
    krow = hit.iloc[0]
    kname, fylke_id, fylke_name = str(krow["kommune_name"]), str(krow["fylke_id"]), str(krow["fylke_name"])
    lineage = data.kommune_lineage(kommune_id)
    periods = latest_periods(figures, options.window_years)
    keys = list(options.indicators)
    report = Report(
        kommune_id=kommune_id, kommune_name=kname, fylke_name=fylke_name,
        title=f"Utfordringsbilde for {kname}",
        subtitle=f"Kommunenummer {kommune_id}, {fylke_name}. Skoleårene {periods[0]}–{periods[-1]}.",
        source_line=source_line(periods, created), created=created, periods=periods, sections=[],
    )
    pooled = _filter_keys(overview_pooled(figures, lineage, fylke_id, periods), keys)
    yearly = _filter_keys(overview_by_year(figures, lineage, fylke_id, periods), keys)
    school_names: dict[str, str] = {}

    # --- summary ---
    summary = Section("Sammendrag")
    if len(pooled):
        cls = pooled["classification"].astype(str).value_counts()
        summary.blocks.append(Paragraph(
            f"Tre år samlet er {kname} svakere enn landet på {int(cls.get('svakere', 0))} og bedre på "
            f"{int(cls.get('bedre', 0))} av {len(pooled)} valgte indikatorer. For {int(cls.get('ikke_sikker', 0))} "
            f"er forskjellen fra landet ikke sikker, og {int(cls.get('ingen_data', 0))} kan ikke vurderes "
            "(skjermet eller uten tall)."))
    kept = [f for f in findings if _keep_finding(f, options)]
    if kept:
        by_kind: dict[str, int] = {}
        for f in kept:
            by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
        from data.findings.vocab import KINDS
        summary.blocks.append(Paragraph("Registrerte funn: " + ", ".join(
            f"{by_kind[k]} {KINDS[k].lower()}" for k in KINDS if k in by_kind) + "."))
    if checklist and options.include_checklist:
        summary.blocks.append(Paragraph("Sjekklisten for forfasen: " + checklist_progress_text(checklist)))
    report.sections.append(summary)

    # --- indicators ---
    if options.include_indicators and keys:
        sec = Section("Indikatorene")
        sec.blocks.append(Paragraph(
            "Kommunens tall for hver valgt indikator med 95 % konfidensintervall. «Svakere» eller «bedre» enn "
            "nasjonalt står bare der intervallet ikke dekker landets tall. Tre år samlet betyr at elevene fra "
            "de tre skoleårene er slått sammen til ett tall."))
        if len(pooled):
            rows = []
            for _, r in pooled.iterrows():
                d = _dec(r["indicator"])
                rows.append([
                    indicator_label(r["indicator"], r["subject"], int(r["trinn"])), fmt_interval(r),
                    _num(r["n"], 0), "skjermet" if bool(r.get("fylke_suppressed")) else _num(r["fylke_estimate"], d),
                    _num(r["nasjonalt_estimate"], d), CLASS_TEXT.get(str(r["classification"]), ""),
                ])
            sec.blocks.append(Table(
                ["Indikator", "Kommunen, tre år (95 % intervall)", "Elever (n)", "Fylket", "Nasjonalt",
                 "Vurdering mot nasjonalt"], rows, caption=f"Tre år samlet, {periods[0]}–{periods[-1]}."))
        if len(yearly):
            rows = []
            for key, g in yearly.groupby("order", sort=True):
                r0 = g.iloc[0]
                cells = {str(r["period"]): fmt_interval(r) for _, r in g.iterrows()}
                rows.append([indicator_label(r0["indicator"], r0["subject"], int(r0["trinn"]))]
                            + [cells.get(p, "ingen data") for p in periods])
            sec.blocks.append(Table(["Indikator"] + periods, rows, caption="År for år (95 % intervall)."))
            present = [k for k in keys if ((yearly["indicator"] == k[0]) & (yearly["subject"] == k[1])
                                           & (yearly["trinn"] == k[2])).any()]
            for i, part in enumerate(charts.chunks(present)):
                fig = charts.indicator_years_figure(yearly, part, "Kommunen år for år mot landet, med 95 % intervall")
                n_parts = len(charts.chunks(present))
                sec.blocks.append(Figure(fig, "Figur: indikatorene år for år"
                                         + (f" ({i + 1} av {n_parts})" if n_parts > 1 else "")
                                         + ". Kryss betyr skjermet tall."))
        else:
            sec.blocks.append(Paragraph("Ingen tall for de valgte indikatorene i disse skoleårene."))
        report.sections.append(sec)

    # --- schools ---
    if options.include_schools and keys:
        sec = Section("Skolene")
        nat = pooled[["indicator", "subject", "trinn", "nasjonalt_estimate", "nasjonalt_se"]] if len(pooled) else \
            pd.DataFrame(columns=["indicator", "subject", "trinn", "nasjonalt_estimate", "nasjonalt_se"])
        sp = school_pooled(figures, lineage, periods, keys, nat, options.schools)
        if len(sp):
            school_names = dict(zip(sp["unit_id"], sp["unit_name"]))
            sec.blocks.append(Paragraph(
                "Hver skoles elever fra de tre skoleårene samlet, med 95 % intervall, sammenlignet med landet. "
                "Små skoler har brede intervaller: der står det oftest «ikke sikker forskjell»."))
            # One row per school, one column per indicator (short names, explained below the table).
            present_keys = [k for k in keys if ((sp["indicator"] == k[0]) & (sp["subject"] == k[1])
                                                & (sp["trinn"] == k[2])).any()]
            cells: dict[tuple[str, Key], str] = {}
            for _, r in sp.iterrows():
                k = (str(r["indicator"]), str(r["subject"]), int(r["trinn"]))
                cells[(str(r["unit_id"]), k)] = fmt_interval(r) + MARK.get(str(r["classification"]), "")
            order = sp.drop_duplicates("unit_id").sort_values("unit_name")
            for part in charts.chunks(present_keys, 6):
                rows = [[str(name)] + [cells.get((sid, k), "–") for k in part]
                        for sid, name in zip(order["unit_id"], order["unit_name"])]
                sec.blocks.append(Table(
                    ["Skole"] + [short_label(*k) for k in part], rows,
                    caption="Tre år samlet, 95 % intervall i parentes. ▼ svakere og ▲ bedre enn landet (intervallet "
                            "dekker ikke landets tall); uten tegn: ikke sikker forskjell. – : skolen har ikke trinnet. "
                            + "; ".join(f"{short_label(*k)} = {indicator_label(*k)}" for k in part) + "."))
            present = [k for k in keys if ((sp["indicator"] == k[0]) & (sp["subject"] == k[1])
                                           & (sp["trinn"] == k[2])).any()]
            parts = charts.school_chunks(present, sp["unit_id"].nunique())
            for i, part in enumerate(parts):
                fig = charts.schools_figure(sp, part, "Skolene, tre år samlet, med 95 % intervall")
                sec.blocks.append(Figure(fig, "Figur: skolene" + (f" ({i + 1} av {len(parts)})" if len(parts) > 1 else "")
                                         + ". Stiplet linje er landet. Kryss betyr skjermet tall."))
        else:
            sec.blocks.append(Paragraph("Ingen skoletall for de valgte indikatorene og skolene."))
        report.sections.append(sec)

    # --- uttrekk ---
    if options.include_uttrekk:
        res = uttrekk if uttrekk is not None else u.compute(figures)
        ex = explain(res, kommune_id, kname)
        sec = Section("Hvorfor er kommunen trukket ut?")
        sec.blocks.append(Paragraph(u.DISCLAIMER, note=True))
        for part in (ex.headline, *ex.level, *ex.spread):
            sec.blocks.append(Paragraph(part))
        sch = res.kommune_schools(kommune_id)
        if options.schools is not None:
            sch = sch[sch["school_id"].isin(list(options.schools))]
        if len(sch):
            krow_u = res.kommune_row(kommune_id)
            fig = charts.school_shares_figure(
                sch, float(krow_u["share"]) if krow_u is not None else float("nan"), res.top_threshold,
                "Andel av mulige risikopoeng per skole")
            sec.blocks.append(Figure(fig, "Figur: skolenes andel risikopoeng. Oransje: blant de 25 % skolene i landet "
                                          "med høyest andel."))
            sec.blocks.append(Table(
                ["Skole", "Risikopoeng", "Mulige poeng", "Andel", "Skjermede tall", "Blant de 25 % høyeste i landet"],
                [[r["school_name"], _num(r["points"], 0), _num(r["possible"], 0), pct(r["share"]),
                  str(int(r["n_suppressed"])), "ja" if bool(r["top"]) else "nei"] for _, r in sch.iterrows()]))
        sec.blocks.append(Subheading("Hvor sikre er risikopoengene?"))
        for part in ex.reliability:
            sec.blocks.append(Paragraph(part))
        pt = point_table(res, kommune_obs(res, kommune_id))
        if len(pt):
            sec.blocks.append(Table(list(pt.columns), pt.astype(str).values.tolist(),
                                    caption="Kommunens tall som gir risikopoeng, og om poenget holder når "
                                            "usikkerheten er tatt med."))
        for part in (*ex.drivers, *ex.stability):
            sec.blocks.append(Paragraph(part))
        if ex.what_if:
            sec.blocks.append(Subheading("Hva om?"))
            sec.blocks.append(Bullets(list(ex.what_if)))
        report.sections.append(sec)

    # --- findings ---
    if options.include_findings:
        sec = Section("Styrker og utfordringer")
        any_found = False
        for kind, heading in KIND_HEADINGS.items():
            items = [f for f in kept if f.kind == kind]
            sec.blocks.append(Subheading(heading))
            if items:
                any_found = True
                sec.blocks.append(Bullets([_finding_line(f, school_names) for f in items]))
            else:
                sec.blocks.append(Paragraph(f"Ingen {heading.lower()} er registrert ennå.", note=True))
        if not any_found:
            sec.blocks.append(Paragraph("Funn registreres på siden «Funn».", note=True))
        report.sections.append(sec)
    if options.include_questions:
        sec = Section("Åpne spørsmål")
        items = [f for f in kept if f.kind in QUESTION_KINDS]
        if items:
            sec.blocks.append(Bullets([
                ("Hypotese: " if f.kind == "hypotese" else "") + _finding_line(f, school_names) for f in items]))
        else:
            sec.blocks.append(Paragraph("Ingen åpne spørsmål eller hypoteser er registrert.", note=True))
        report.sections.append(sec)

    # --- checklist ---
    if options.include_checklist:
        sec = Section("Sjekkliste for forfasen")
        if checklist:
            from data.findings.vocab import ROLES
            sec.blocks.append(Paragraph(checklist_progress_text(checklist)))
            texts = {getattr(f, "id", ""): f.text for f in findings}
            rows = []
            for it in checklist:
                ev = [texts.get(e, "") for e in it.evidence]
                ev_text = "; ".join(t[:80] + ("…" if len(t) > 80 else "") for t in ev if t)
                rows.append([it.label, it.status_label, ROLES.get(it.responsible_role, it.responsible_role or ""),
                             it.due_date.strftime("%d.%m.%Y") if it.due_date else "", ev_text])
            sec.blocks.append(Table(["Punkt", "Status", "Ansvarlig", "Frist", "Belegg (funn)"], rows))
        else:
            sec.blocks.append(Paragraph("Sjekklisten er ikke fylt ut.", note=True))
        report.sections.append(sec)

    # --- methods appendix ---
    if options.include_methods:
        for title, paragraphs in methods_sections(uttrekk.params if uttrekk is not None else u.UttrekkParams()):
            report.sections.append(Section(title, [Paragraph(p) for p in paragraphs], appendix=True))
    return report
