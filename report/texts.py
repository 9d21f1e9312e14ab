"""Bokmål texts of the pages «Hvorfor er vi trukket ut?», «Sjekkliste», «Utfordringsbilde» and «Statsforvalter».

Kept beside the report (which says the same things on paper). ``rt(key, **values)`` formats a text;
the lead may merge these keys into ``ui/strings.py`` later without changing the pages' wording.
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- uttrekk ---
    "uttrekk.nav": "Hvorfor er vi trukket ut?",
    "uttrekk.title": "Hvorfor er vi trukket ut? {kommune}",
    "uttrekk.intro": (
        "Udir trekker ut kommuner til oppfølgingsordningen ut fra risikopoeng på noen få indikatorer over tre "
        "skoleår. Her regner vi ut det samme for kommunen og for alle andre kommuner, og viser hvor sikre "
        "poengene er."
    ),
    "uttrekk.params": "Innstillinger for modellen (det Udir ikke har publisert)",
    "uttrekk.params_help": "Endre innstillingene for å se hvor mye resultatet avhenger av dem.",
    "uttrekk.end_period": "Siste skoleår i vinduet",
    "uttrekk.suppressed": "Skjermede tall",
    "uttrekk.suppressed.exclude": "Teller ikke (standard)",
    "uttrekk.suppressed.possible_zero": "Teller som mulige poeng uten risikopoeng",
    "uttrekk.spread_stat": "Mål på spredning mellom skolene",
    "uttrekk.spread_stat.range": "Høyeste minus laveste andel (standard)",
    "uttrekk.spread_stat.sd": "Standardavvik av skolenes andeler",
    "uttrekk.cutoff": "Grense for stor spredning (prosentpoeng)",
    "uttrekk.top_share": "Andel av skolene i landet som regnes som «høyest» (%)",
    "uttrekk.n_level": "Antall kommuner som trekkes ut på nivå",
    "uttrekk.n_spread": "Høyst antall kommuner som trekkes ut på spredning",
    "uttrekk.offsets": "Absolutt nedre grense: avstand fra landsgjennomsnittet",
    "uttrekk.reset": "Tilbake til standard",
    "uttrekk.metric.share": "Andel av mulige risikopoeng",
    "uttrekk.metric.rank": "Plass blant kommunene",
    "uttrekk.metric.spread": "Spredning mellom skolene",
    "uttrekk.metric.status": "Utfall i modellen",
    "uttrekk.status.level": "Trukket ut på nivå",
    "uttrekk.status.spread": "Trukket ut på spredning",
    "uttrekk.status.none": "Ikke trukket ut",
    "uttrekk.rank_of": "av {n}",
    "uttrekk.tab.explain": "Forklaring",
    "uttrekk.tab.points": "Risikopoengene og hvor sikre de er",
    "uttrekk.tab.schools": "Skolene",
    "uttrekk.tab.whatif": "Hva om?",
    "uttrekk.tab.stability": "År for år",
    "uttrekk.tab.all": "Alle kommuner",
    "uttrekk.points_caption": "Kommunens tall som gir risikopoeng. «Ikke sikker forskjell» betyr at intervallet går over grensen.",
    "uttrekk.no_points": "Ingen av kommunens tall gir risikopoeng i vinduet.",
    "uttrekk.schools_chart": "Andel av mulige risikopoeng per skole",
    "uttrekk.school_points": "Risikopoeng for én skole",
    "uttrekk.whatif_intro": (
        "Hva om én skole hadde hatt andre resultater? Velg en skole. Vi setter skolens tall lik kommunens "
        "(eller landets) tall og regner alt på nytt."
    ),
    "uttrekk.whatif_school": "Skole",
    "uttrekk.whatif_target": "Sett skolens tall lik",
    "uttrekk.whatif_target.kommune": "kommunens nivå",
    "uttrekk.whatif_target.nasjonalt": "landsnivået",
    "uttrekk.whatif_none": "Kommunen har ingen skoler med nok tall til å regne på dette.",
    "uttrekk.col.before": "Nå",
    "uttrekk.col.after": "Hva om",
    "uttrekk.row.school_share": "Skolens andel",
    "uttrekk.row.share": "Kommunens andel",
    "uttrekk.row.rank": "Kommunens plass",
    "uttrekk.row.spread": "Spredning mellom skolene",
    "uttrekk.row.status": "Utfall",
    "uttrekk.by_year": "Andel risikopoeng år for år",
    "uttrekk.drivers": "Hvilke indikatorer gir poengene",
    "uttrekk.all_caption": "Alle kommuner etter andel risikopoeng (plass 1 har høyest andel).",
    "uttrekk.error": "Modellen kunne ikke regnes ut for disse innstillingene. Prøv standardinnstillingene.",
    # --- sjekkliste ---
    "sjekkliste.nav": "Sjekkliste for forfasen",
    "sjekkliste.title": "Sjekkliste for forfasen: {kommune}",
    "sjekkliste.intro": (
        "Udirs mål for forfasen som en liste. Hvert punkt har status, hvem som har ansvaret, en frist og "
        "lenker til funnene som viser at det er gjort. Alt lagres med historikk."
    ),
    "sjekkliste.progress": "{done} av {total} punkter er ferdige, {doing} pågår.",
    "sjekkliste.status": "Status",
    "sjekkliste.role": "Ansvarlig",
    "sjekkliste.role_none": "(ikke valgt)",
    "sjekkliste.due": "Frist",
    "sjekkliste.no_due": "Ingen frist",
    "sjekkliste.note": "Notat",
    "sjekkliste.evidence": "Belegg (funn)",
    "sjekkliste.evidence_help": "Velg funnene som viser at punktet er gjort. Funn legges inn på siden «Funn».",
    "sjekkliste.save": "Lagre",
    "sjekkliste.saved": "Lagret.",
    "sjekkliste.nothing": "Ingen endringer å lagre.",
    "sjekkliste.stale": "Noen andre har endret dette punktet i mellomtiden. Siden viser nå den nye versjonen; gjør endringen på nytt.",
    "sjekkliste.author_needed": "Skriv inn navnet ditt øverst før du lagrer.",
    "sjekkliste.history": "Historikk",
    "sjekkliste.no_history": "Ingen endringer ennå.",
    "sjekkliste.last_changed": "Sist endret {when} av {who}.",
    "sjekkliste.db_error": "Databasen for funn og sjekkliste er ikke tilgjengelig. Feilen er logget.",
    "sjekkliste.author": "Hvem skriver?",
    "sjekkliste.table": "Oversikt",
    # --- utfordringsbilde ---
    "ub.nav": "Utfordringsbilde og rapport",
    "ub.title": "Utfordringsbilde: {kommune}",
    "ub.intro": "Velg hva som skal med, se forhåndsvisningen, og last ned som PDF eller Word.",
    "ub.choose": "Hva skal med?",
    "ub.indicators": "Indikatorer",
    "ub.schools": "Skoler",
    "ub.inc.indicators": "Indikatorene med grafer og intervaller",
    "ub.inc.schools": "Skolene",
    "ub.inc.uttrekk": "Hvorfor kommunen er trukket ut",
    "ub.inc.findings": "Styrker og utfordringer (fra funnene)",
    "ub.inc.questions": "Åpne spørsmål og hypoteser",
    "ub.inc.checklist": "Status i sjekklisten",
    "ub.inc.methods": "Vedlegg om metodene",
    "ub.inc.rejected": "Ta med forkastede funn",
    "ub.preview": "Forhåndsvisning",
    "ub.export": "Last ned",
    "ub.make_pdf": "Lag PDF",
    "ub.make_docx": "Lag Word-dokument",
    "ub.download_pdf": "Last ned PDF",
    "ub.download_docx": "Last ned Word-dokument",
    "ub.working": "Lager rapporten …",
    "ub.done": "Ferdig på {seconds} sekunder.",
    "ub.error": "Rapporten kunne ikke lages: {message}",
    "ub.no_indicators": "Velg minst én indikator, eller slå av indikatordelen.",
    "ub.findings_error": "Funnene kunne ikke hentes, så rapporten lages uten dem. Feilen er logget.",
    # --- statsforvalter ---
    "sf.nav": "Statsforvalter: flere kommuner",
    "sf.title": "Statsforvalterens oversikt",
    "sf.intro": (
        "Flere kommuner samtidig: uttrekksindikatorene for tre år samlet med intervall og vurdering mot landet, "
        "spredning mellom skolene, funn og sjekkliste. Klikk på en kolonneoverskrift for å sortere."
    ),
    "sf.mode": "Velg kommuner",
    "sf.mode.fylke": "Alle i et fylke",
    "sf.mode.list": "Egen liste",
    "sf.fylke": "Fylke",
    "sf.kommuner": "Kommuner",
    "sf.none": "Velg minst én kommune.",
    "sf.sort": "Sorter etter",
    "sf.legend": "▼ svakere enn landet, ▲ bedre enn landet (intervallet dekker ikke landets tall); uten tegn: ikke sikker forskjell.",
    "sf.col.kommune": "Kommune",
    "sf.col.share": "Andel risikopoeng (%)",
    "sf.col.rank": "Plass",
    "sf.col.spread": "Spredning (prosentpoeng)",
    "sf.col.signal": "Spredningssignal",
    "sf.col.status": "Utfall i modellen",
    "sf.col.svakere": "Svakere enn landet (antall)",
    "sf.col.checklist": "Sjekkliste ferdig",
    "sf.batch": "Lag én PDF per kommune (zip)",
    "sf.download_zip": "Last ned zip",
    "sf.batch_errors": "Noen rapporter kunne ikke lages:",
    "sf.batch_confirm": "Dette lager {n} rapporter og kan ta omtrent {minutes} minutter.",
    "sf.yes": "ja",
    "sf.no": "nei",
}


def rt(key: str, **values: object) -> str:
    """The text for ``key`` formatted with ``values`` (KeyError names a missing key)."""
    try:
        text = TEXTS[key]
    except KeyError:
        raise KeyError(f"Missing text: {key}") from None
    return text.format(**values) if values else text
