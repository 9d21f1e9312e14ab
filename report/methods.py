"""The methods appendix of the report: short, plain-bokmål explanations of every method it uses."""

from __future__ import annotations

from analysis import uttrekk as u
from analysis.compare import method_text as compare_method_text
from analysis.intervals import METHOD_TEXT as INTERVAL_METHOD_TEXT
from data.catalogue import ELEVUNDERSOKELSEN, GRUNNSKOLEPOENG, NASJONALE_PROVER, SUPPRESSION_MIN_N, \
    SUPPRESSION_MIN_N_OVERRIDES
from present.format import fmt_number
from present.strings import t


def _offsets_text(params: u.UttrekkParams) -> str:
    from data.catalogue import indicator_label

    parts = []
    for (ind, trinn), off in params.absolute_offsets:
        label = indicator_label(ind, "", trinn) if trinn is not None else indicator_label(ind)
        parts.append(f"{label}: {fmt_number(off, 2 if off < 1 else 1)}")
    return "; ".join(parts)


def methods_sections(params: u.UttrekkParams) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of the appendix."""
    return [
        ("Vedlegg: metoder", [
            "Usikkerhet. Et tall for en skole eller kommune bygger på et lite antall elever. Hadde andre elever gått "
            "på trinnet, ville tallet blitt et annet. Et 95 % konfidensintervall viser hvor mye tallet kunne variert "
            "av slike grunner. Vi sier at en forskjell er sikker bare når hele intervallet ligger på én side av "
            "tallet det sammenlignes med.",
            INTERVAL_METHOD_TEXT,
            "Tre år samlet: elevene fra de publiserte årene i vinduet slås sammen (antall elever og antall med "
            "mestringsnivå 1 for andeler; elevvektet gjennomsnitt og samlet standardavvik for gjennomsnitt) før "
            "intervallet regnes ut. Skjermede år er ikke med.",
            "Sammenligning med landet: " + compare_method_text(uncertain_benchmark=True),
            "Skjerming: tall bak for få elever er ikke offentlige og står som «skjermet» i tabellene og som kryss i "
            f"figurene, aldri som tall. Grensene er under {SUPPRESSION_MIN_N[NASJONALE_PROVER]} elever for nasjonale "
            f"prøver, under {SUPPRESSION_MIN_N[GRUNNSKOLEPOENG]} for grunnskolepoeng og under "
            f"{SUPPRESSION_MIN_N[ELEVUNDERSOKELSEN]} svar for Elevundersøkelsen "
            f"(under {SUPPRESSION_MIN_N_OVERRIDES.get('eu_mobbing', 30)} for mobbing).",
        ]),
        ("Vedlegg: modellen for uttrekket", [
            u.DISCLAIMER,
            u.PARAM_NOTES["national"] + " Et tall på feil side av landsgjennomsnittet gir 1 risikopoeng, et tall bak "
            "den absolutte grensen gir 3. Hvert tall kan gi 3 poeng; andelen er oppnådde poeng delt på mulige poeng.",
            u.PARAM_NOTES["absolute"] + " Brukte avstander fra landsgjennomsnittet: " + _offsets_text(params) + ".",
            u.PARAM_NOTES["weights"],
            u.PARAM_NOTES["window"] + " " + u.PARAM_NOTES["suppressed"],
            u.PARAM_NOTES["spread"] + f" Brukt grense: {fmt_number(params.spread_cutoff, 0)} prosentpoeng. "
            + u.PARAM_NOTES["top"],
            "Hvor sikkert et risikopoeng er: poenget regnes som sikkert når hele 95 %-intervallet til tallet ligger "
            "bak grensen som ga poenget. Går intervallet over landsgjennomsnittet, kan poenget skyldes tilfeldig "
            "variasjon mellom elevkull.",
            "Hva om: en skoles tall erstattes med kommunens tall for samme indikator, trinn og år. Kommunens eget tall "
            "flyttes like mye som skolens andel av elevene tilsier. Så regnes andeler, plass og spredning på nytt, mens "
            "de andre kommunene og skolene i landet står som før.",
            indicator_set_text(params),
            t("stat.bootstrap.long"),
            t("stat.rtm.short"),
        ]),
        ("Vedlegg: usikkerhet, avrunding og mange sammenligninger", [
            t("stat.rounding.long"),
            t("stat.multiplicity.long"),
            t("stat.persistent.long"),
            t("stat.large_uncertainty.long"),
            t("stat.funnel.long"),
            t("stat.icc.long"),
            t("stat.shrinkage.long"),
        ]),
    ]


def indicator_set_text(params: u.UttrekkParams) -> str:
    """Which indicator set the model used, and the published set for the current round (issue 12)."""
    from present.uncertainty import indicator_set_line

    return indicator_set_line(params.indicators) + " " + t("stat.indicator_set.long")
