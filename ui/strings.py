"""All user-visible text, bokmål first. Pages call ``t("key", **values)``; nothing is spelt out in pages.

Nynorsk or English can be added as further dictionaries with the same keys; a missing key in another
language falls back to bokmål. Keys are grouped by page with a prefix.
"""

from __future__ import annotations

import os

DEFAULT_LANGUAGE = "nb"

NB: dict[str, str] = {
    # --- app shell ---------------------------------------------------------------------------
    "app.title": "Utfordringsbilde",
    "app.subtitle": "Analyseverktøy for forfasen i oppfølgingsordningen",
    "app.kommune": "Kommune",
    "app.kommune_help": "Skriv navn eller kommunenummer for å søke. Valget følger med i lenken (URL).",
    "app.banner_demo": (
        "**Demodata.** Alle kommuner, skoler og tall her er oppdiktet og laget ved simulering av enkeltelever. "
        "De ligner ekte data i størrelse og usikkerhet, men handler ikke om noen virkelig kommune. "
        "Ekte tall legges inn på siden «Data»."
    ),
    "app.banner_mixed": (
        "**Demodata og importerte data.** Oppdiktede demokommuner vises sammen med importerte tall ({sources})."
    ),
    "app.banner_real": "**Datakilde:** {label} ({sources}).",
    "app.error": "Noe gikk galt på denne siden. Feilen er logget. Prøv igjen, eller velg en annen kommune.",
    "app.no_kommuner": "Datasettet har ingen kommuner ennå. Last inn data på siden «Data».",
    "nav.oversikt": "Oversikt",
    "nav.section.tall": "Tallene",
    "nav.section.funn": "Funn og utfordringsbilde",
    "nav.section.data": "Data",
    # --- shared chart/table texts -------------------------------------------------------------
    "common.kommune": "Kommune",
    "common.fylke": "Fylke",
    "common.nasjonalt": "Nasjonalt",
    "common.skole": "Skole",
    "common.skoleaar": "Skoleår",
    "common.indikator": "Indikator",
    "common.verdi": "Verdi",
    "common.n": "Antall elever (n)",
    "common.interval": "95 % intervall",
    "common.method": "Metode",
    "common.suppressed": "skjermet",
    "common.no_data": "ingen data",
    "common.n_unknown": "n ukjent",
    "common.table_view": "Tabellvisning",
    "common.source_line": "Kilde: {source}. Uttrekk laget {date}.",
    "common.download_csv": "Last ned CSV",
    "common.download_xlsx": "Last ned Excel",
    "common.large_uncertainty": "stor usikkerhet",
    "class.svakere": "Svakere enn nasjonalt",
    "class.bedre": "Bedre enn nasjonalt",
    "class.ikke_sikker": "Ikke sikker forskjell",
    "class.lavere": "Lavere enn nasjonalt",
    "class.hoyere": "Høyere enn nasjonalt",
    "class.ingen_data": "Kan ikke vurderes",
    # --- Oversikt -----------------------------------------------------------------------------
    "oversikt.title": "Oversikt: {kommune}",
    "oversikt.intro": (
        "Indikatorene som brukes i uttrekket til oppfølgingsordningen, for de tre siste skoleårene "
        "({first}–{last}). Hvert tall har et 95 % konfidensintervall. «Svakere» eller «bedre» enn nasjonalt "
        "står bare der intervallet ikke dekker det nasjonale tallet; ellers står det «ikke sikker forskjell»."
    ),
    "oversikt.pooled_title": "Tre år samlet ({first}–{last})",
    "oversikt.pooled_help": (
        "Elevene fra de tre årene er slått sammen til ett tall. Det gir et stødigere anslag enn hvert år for seg, "
        "særlig i små kommuner."
    ),
    "oversikt.yearly_title": "År for år",
    "oversikt.chart_title": "Kommunen mot fylket og landet, med 95 % intervall",
    "oversikt.methods": "Metoder: {methods}.",
    "oversikt.col.kommune": "Kommunen",
    "oversikt.col.kommune_ci": "Kommunen, 95 % intervall",
    "oversikt.col.fylke": "Fylket",
    "oversikt.col.nasjonalt": "Nasjonalt",
    "oversikt.col.vurdering": "Vurdering mot nasjonalt",
    "oversikt.col.direction": "Best er",
    "oversikt.higher_better": "høyt",
    "oversikt.lower_better": "lavt",
    "oversikt.summary": "Samlet for tre år: {svakere} svakere, {bedre} bedre og {usikker} uten sikker forskjell fra landet ({ingen} kan ikke vurderes).",
    "oversikt.suppressed_note": "«skjermet» betyr at tallet ikke er offentlig fordi for få elever står bak (under {min_n}).",
    # --- exploration pages (utvikling, skoler, sammenlignbare) and shared download texts ---------
    "common.method_line": "Metode for intervallene: {method}.",
    "kjonn.alle": "Alle",
    "kjonn.jenter": "Jenter",
    "kjonn.gutter": "Gutter",
    "nav.utvikling": "Utvikling over tid",
    "nav.skoler": "Skoler",
    "nav.sammenlignbare": "Sammenlignbare kommuner",
    "utv.title": "Utvikling over tid: {kommune}",
    "utv.intro": (
        "Velg indikator, trinn og fag. Linjene viser kommunen, fylket, landet og de sammenlignbare kommunene "
        "skoleår for skoleår. Det fargede båndet rundt kommunens linje er et 95 % intervall: så mye kan tallet "
        "variere bare fordi det er få elever. Skjermede år vises som hull i linjen med et kryss nederst, aldri som null."
    ),
    "utv.no_data": "Det finnes ingen tall for denne kommunen i datasettet.",
    "utv.no_kommune_data": "Kommunen har ingen tall for {label}.",
    "utv.subject": "Fag",
    "utv.no_subject": "(ingen fag)",
    "utv.trinn": "Trinn",
    "utv.kjonn": "Kjønn",
    "utv.schools": "Skoler i kommunen som egne linjer",
    "utv.schools_help": "Velg en eller flere skoler for å se dem ved siden av kommunen. Små skoler har brede intervaller.",
    "utv.peers_expander": "Sammenlignbare kommuner",
    "utv.peers_series": "Sammenlignbare kommuner",
    "utv.peers_count": "{count} av {total} kommuner med publiserte tall",
    "utv.peers_list": "Med i sammenligningen: {names}.",
    "utv.peers_link": "Velg sammenlignbare kommuner og se hvor like de er",
    "utv.pooled_title": "Tre år samlet ({window})",
    "utv.pooled_help": "Elevene fra årene {years} slått sammen: {n} elever. Tallet i parentes er et 95 % intervall.",
    "utv.pooled_caption": (
        "Tre år samlet gir et stødigere tall enn hvert år for seg, fordi flere elever står bak. "
        "Det er også slik uttrekket til oppfølgingsordningen ser på resultatene."
    ),
    "utv.pooled_line": "Kommunen, tre år samlet",
    "utv.trend_line": "**Utvikling:** {verdict}. Endring per år: {slope} {unit} (95 % intervall {lower} til {upper}).",
    "utv.trend_pending": "Trendberegningen er ikke tilgjengelig ennå.",
    "utv.merged_note": (
        "Kommunen er slått sammen av flere tidligere kommuner. For årene før sammenslåingen er tallene for "
        "de gamle kommunenumrene ({parts}) regnet sammen, vektet med antall elever."
    ),
    "utv.chart_title": "{label}",
    "utv.suppressed_caption": (
        "Kryss nederst i figuren: tallet er skjermet (færre enn {min_n} elever) og vises ikke. "
        "Hull i linjen betyr at tallet mangler eller er skjermet."
    ),
    "utv.col.series": "Linje",
    "utv.col.lower": "Nedre grense (95 %)",
    "utv.col.upper": "Øvre grense (95 %)",
    "utv.col.note": "Merknad",
    "utv.note_suppressed": "skjermet (færre enn {min_n} elever)",
    "utv.note_combined": "regnet sammen fra tidligere kommunenumre {parts}",
    "peers.method": "Hvordan velges sammenlignbare kommuner?",
    "peers.method.knn": "Nærmeste naboer på kontekst",
    "peers.method.kostra": "KOSTRA-gruppe",
    "peers.none": "Ingen sammenlignbare kommuner er valgt.",
}

LANGUAGES: dict[str, dict[str, str]] = {"nb": NB}


def t(key: str, **values: object) -> str:
    """The text for ``key`` in the active language, formatted with ``values``."""
    lang = os.environ.get("UTFORDRINGSBILDE_LANG", DEFAULT_LANGUAGE)
    text = LANGUAGES.get(lang, NB).get(key) or NB.get(key)
    if text is None:
        raise KeyError(f"Missing UI string: {key}")
    return text.format(**values) if values else text
