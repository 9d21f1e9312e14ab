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
    "nav.uttrekk": "Hvorfor er vi trukket ut?",
    "nav.funn": "Funn",
    "nav.sjekkliste": "Sjekkliste for forfasen",
    "nav.utfordringsbilde": "Utfordringsbilde og rapport",
    "nav.statsforvalter": "Statsforvalter: flere kommuner",
    "nav.data": "Data",
    # --- shared chart/table texts ------------------------------------------------------------
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
    "chart.kommune_ci": "Kommunen (95 % intervall)",
    "chart.fylke": "Fylket",
    "chart.suppressed_few": "Skjermet (for få elever)",
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
    # --- Oversikt ----------------------------------------------------------------------------
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
    "oversikt.findings_title": "Funn knyttet til indikatorene",
    "oversikt.findings_pick": "Vis og legg til funn for",
    "oversikt.suppressed_note": "«skjermet» betyr at tallet ikke er offentlig fordi for få elever står bak (under {min_n}).",
    # --- exploration pages (utvikling, skoler, sammenlignbare) and shared download texts -----
    "common.method_line": "Metode for intervallene: {method}.",
    "common.choose": "Velg …",
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
    "utv.schools_placeholder": "Velg skoler …",
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
    "utv.trend_line": (
        "**Utvikling {first}–{last}:** {verdict}. Endring per år: {slope} {unit} (95 % intervall {lower} til {upper})."
    ),
    "utv.trend_none": "**Utvikling:** {verdict} ({n} år med publiserte tall).",
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
    "peers.method_help": (
        "KOSTRA-gruppe: kommuner som SSB grupperer sammen etter folketall og økonomi. Nærmeste naboer: "
        "kommunene som ligner mest på de valgte kontekstvariablene (folketall, utdanningsnivå, uføretrygd, barnevern)."
    ),
    "peers.features": "Kontekstvariabler",
    "peers.features_help": "Hvilke kjennetegn ved kommunen som skal avgjøre hvem som ligner. Hver variabel teller like mye.",
    "peers.k": "Antall sammenlignbare kommuner",
    "peers.k_help": "Gjelder bare «nærmeste naboer». KOSTRA-gruppen har så mange medlemmer som den har.",
    "peers.title": "Sammenlignbare kommuner: {kommune}",
    "peers.intro": (
        "«Sammenlignet med hvem?» Her ser dere hvilke kommuner som ligner på deres, hvordan kommunen står seg mot dem "
        "på indikatorene i uttrekket, og hvilket resultat kommunens rammevilkår (kontekst) skulle tilsi."
    ),
    "peers.who_heading": "Hvem er de sammenlignbare kommunene?",
    "peers.who_intro.knn": "De {n} kommunene som ligner mest på kommunen når det gjelder {features}.",
    "peers.who_intro.kostra": "De {n} andre kommunene i samme KOSTRA-gruppe, sortert etter hvor like de er på {features}.",
    "peers.who_title": "Hvor like er de {kommune}?",
    "peers.distance": "Avstand",
    "peers.distance_axis": "Avstand på kontekst (0 = helt lik)",
    "peers.method_text": (
        "Avstand: hver kontekstvariabel ({features}) er standardisert (gjennomsnitt 0, standardavvik 1 over alle "
        "kommuner; folketall på logaritmisk skala), og avstanden er den euklidske avstanden mellom kommunene "
        "(scikit-learn StandardScaler og NearestNeighbors). Små tall betyr like kommuner."
    ),
    "peers.col.rank": "Nr.",
    "peers.col.kommune": "Kommunen",
    "peers.col.group": "Sammenlignbare samlet",
    "peers.col.group_interval": "Sammenlignbare, 95 % intervall",
    "peers.col.range": "Laveste–høyeste sammenlignbare",
    "peers.col.published": "Kommuner med tall",
    "peers.col.class": "Kommunen mot de sammenlignbare",
    "peers.class.svakere": "Svakere enn de sammenlignbare",
    "peers.class.bedre": "Bedre enn de sammenlignbare",
    "peers.class.ikke_sikker": "Ikke sikker forskjell",
    "peers.class.lavere": "Lavere enn de sammenlignbare",
    "peers.class.hoyere": "Høyere enn de sammenlignbare",
    "peers.class.ingen_data": "Kan ikke vurderes",
    "peers.compare_heading": "Kommunen mot de sammenlignbare kommunene ({window})",
    "peers.compare_none": "Det finnes ingen tall å sammenligne for denne kommunen.",
    "peers.compare_summary": (
        "Av {total} indikatorer er kommunen svakere enn de sammenlignbare på {svakere}, bedre på {bedre}, "
        "og uten sikker forskjell på {usikker}."
    ),
    "peers.compare_title": "{kommune} mot sammenlignbare kommuner, {window}",
    "peers.compare_method": (
        "De sammenlignbare kommunene er slått sammen til ett tall fra alle elevene bak deres publiserte tall "
        "(skjermede tall er utelatt). Svakere/bedre bare når intervallet for forskjellen ikke dekker 0 (MOVER-metoden)."
    ),
    "peers.row_peers": "Sammenlignbare",
    "peers.each_peer": "Hver sammenlignbar kommune",
    "peers.group": "Sammenlignbare samlet",
    "peers.ev_heading": "Hva skulle rammevilkårene tilsi?",
    "peers.ev_intro": (
        "En regresjon over alle kommuner viser hvilket resultat kommuner med samme kontekst pleier å ha. "
        "Ligger kommunens eget tall under prediksjonsintervallet, er resultatet lavere enn rammevilkårene alene forklarer. "
        "Det sier ikke hvorfor: det er et spørsmål å ta med inn i arbeidet med utfordringsbildet."
    ),
    "peers.ev_observed": "Kommunens resultat",
    "peers.ev_expected": "Forventet ut fra kontekst",
    "peers.ev_expected_short": "forventet",
    "peers.ev_pi": "95 % prediksjonsintervall",
    "peers.ev_verdict.lavere": "Resultatet er lavere enn kommunens kontekst tilsier.",
    "peers.ev_verdict.hoyere": "Resultatet er høyere enn kommunens kontekst tilsier.",
    "peers.ev_verdict.som_forventet": "Resultatet er innenfor det kommunens kontekst tilsier (ingen sikker forskjell).",
    "peers.ev_verdict.ingen_data": "Kommunens tall er skjermet eller mangler, så det kan ikke sammenlignes.",
    "peers.ev_better": "For denne indikatoren er det bra.",
    "peers.ev_worse": "For denne indikatoren er det svakt.",
    "peers.ev_title": "Faktisk mot forventet ut fra kontekst: {label}, {window}",
    "peers.ev_identity": "Faktisk = forventet",
    "peers.ev_others": "Andre kommuner",
    "peers.ev_x": "Forventet ut fra kontekst",
    "peers.ev_y": "Faktisk resultat",
    "peers.ev_r2": "Konteksten forklarer {r2} av variasjonen mellom kommunene (R²), {n} kommuner.",
    "peers.ev_note_self": "kommunen selv; 95 % prediksjonsintervall {lo}–{hi}",
    "window.end": "Siste skoleår",
    "window.end_help": "Perioden slutter med dette skoleåret.",
    "window.years": "Antall år samlet",
    "window.years_n": "{n} år",
    "skoler.title": "Skoler: {kommune}",
    "skoler.intro": (
        "Hver skole i kommunen for én indikator, med elevene fra de valgte årene slått sammen. Streken rundt hvert punkt "
        "er et 95 % intervall. En skole kalles svakere eller bedre enn resten av kommunen bare når intervallet for "
        "forskjellen ikke dekker null. Små skoler har brede intervaller og åpne sirkler: tallet er usikkert, ikke dårlig."
    ),
    "skoler.no_schools": "Kommunen har ingen skoler med tall for {label}.",
    "skoler.summary": (
        "**{n} skoler** ({window}): {svakere} svakere enn resten av kommunen, {bedre} bedre, {usikker} uten sikker "
        "forskjell, {skjermet} skjermet og {ingen} som ikke kan vurderes."
    ),
    "skoler.summary_neutral": (
        "**{n} skoler** ({window}): {lavere} lavere enn resten av kommunen, {hoyere} høyere, {usikker} uten sikker "
        "forskjell, {skjermet} skjermet og {ingen} som ikke kan vurderes."
    ),
    "skoler.chart_heading": "Skolene mot resten av kommunen",
    "skoler.chart_title": "{label}, {window}",
    "skoler.rest": "Resten av kommunen",
    "skoler.rest_marker": "Resten av kommunen (uten skolen)",
    "skoler.suppressed_marker": "Skjermet",
    "skoler.suppressed_hover": "skjermet (færre enn {min_n} elever)",
    "skoler.class.svakere": "Svakere enn resten av kommunen",
    "skoler.class.bedre": "Bedre enn resten av kommunen",
    "skoler.class.ikke_sikker": "Ikke sikker forskjell",
    "skoler.class.lavere": "Lavere enn resten av kommunen",
    "skoler.class.hoyere": "Høyere enn resten av kommunen",
    "skoler.class.ingen_data": "Kan ikke vurderes",
    "skoler.compare_method": (
        "Skolen sammenlignes med resten av kommunen (kommunens elever uten skolens), år for år regnet ut fra publiserte "
        "tall og så slått sammen; intervallet for forskjellen tar med usikkerheten i begge (MOVER-metoden)."
    ),
    "skoler.reading_help": (
        "Slik leser du figuren: punktet er skolens tall, streken er 95 % intervall, den loddrette streken i samme rad er "
        "resten av kommunen. Åpen sirkel = stor usikkerhet (få elever). Kryss = skjermet (færre enn {min_n} elever)."
    ),
    "skoler.col.estimate": "Skolens tall",
    "skoler.col.rest": "Resten av kommunen",
    "skoler.col.rest_interval": "Resten, 95 % intervall",
    "skoler.col.difference": "Forskjell",
    "skoler.col.class": "Vurdering",
    "skoler.col.kommune": "Kommunenr.",
    "skoler.col.mine": "I kommunen",
    "skoler.col.funnel_position": "Plass i trakten",
    "skoler.yes": "ja",
    "skoler.note_years": "bare år med publiserte tall: {used}",
    "skoler.note_rest": "resten av kommunen: {reason}",
    "skoler.funnel_heading": "Traktdiagram: alle skoler i fylket eller landet",
    "skoler.funnel_area": "Sammenlign med skolene i",
    "skoler.funnel_area.fylke": "fylket",
    "skoler.funnel_area.landet": "hele landet",
    "skoler.funnel_overdispersion": "Ta hensyn til ekte forskjeller mellom skoler (overspredning)",
    "skoler.funnel_overdispersion_help": (
        "Skoler er forskjellige også utover tilfeldigheter. Med dette valget blir traktgrensene bredere, slik at bare "
        "skoler som skiller seg ut også når det tas hensyn til det, havner utenfor."
    ),
    "skoler.funnel_title": "{label}: skolene i {area}, {window}",
    "skoler.funnel_limit": "Kontrollgrense {level}",
    "skoler.funnel_other": "Andre skoler",
    "skoler.funnel_mine": "Skolene i kommunen",
    "skoler.funnel_benchmark": "Snitt {value}",
    "skoler.funnel_x": "Antall elever (logaritmisk akse)",
    "skoler.funnel_help": (
        "Hvert punkt er én skole; jo flere elever, jo smalere trakt. En liten skole langt fra snittet kan fortsatt være "
        "innenfor trakten. {n_supp} skjermede skoler er ikke med i figuren, men står i tabellen."
    ),
    "skoler.spread_heading": "Forskjeller mellom skolene i kommunen",
    "skoler.spread_none": "For få skoler med publiserte tall til å beregne spredningen mellom skolene.",
    "skoler.spread_summary": (
        "**{icc} %** av variasjonen mellom elevene ligger mellom skolene ({window}). Det tilsvarer et standardavvik "
        "mellom skolene på {sd} {unit}. {n} skoler med tall, {supp} skjermet (ikke med). Test av at skolene er like: "
        "p = {p}."
    ),
    "skoler.spread_top": "Skolen som bidrar mest til forskjellene er **{school}** ({share} % av forskjellene mellom skolene).",
    "skoler.spread_title": "Hvilke skoler står for forskjellene? {label}, {window}",
    "skoler.spread_school": "Skolen",
    "skoler.spread_others": "De andre skolene",
    "skoler.spread_share": "Andel av forskjellene (%)",
    "skoler.spread_share_axis": "Andel av forskjellene mellom skolene (%)",
    "skoler.spread_diff_interval": "Forskjell, 95 % intervall",
    "skoler.spread_drivers_method": (
        "Bidrag: hver skoles andel av kvadratsummen mellom skolene, n·(skolens tall − kommunens snitt)². "
        "Forskjell fra de andre skolene med Welch-intervall (gjennomsnitt) eller Newcombe-intervall (andeler)."
    ),
    "skoler.spread_class.svakere": "Svakere enn de andre skolene",
    "skoler.spread_class.bedre": "Bedre enn de andre skolene",
    "skoler.spread_class.ikke_sikker": "Ikke sikker forskjell",
    "skoler.spread_class.lavere": "Lavere enn de andre skolene",
    "skoler.spread_class.hoyere": "Høyere enn de andre skolene",
    "skoler.spread_class.ingen_data": "Kan ikke vurderes",
    "skoler.funnel_od_values": "Anslått her: φ = {phi}, τ = {tau}.",
    "skoler.funnel_pos.inside": "innenfor trakten",
    "skoler.funnel_pos.svakere_95": "svakere (utenfor 95 %)",
    "skoler.funnel_pos.svakere_998": "svakere (utenfor 99,8 %)",
    "skoler.funnel_pos.bedre_95": "bedre (utenfor 95 %)",
    "skoler.funnel_pos.bedre_998": "bedre (utenfor 99,8 %)",
    "skoler.funnel_pos.hoyere_95": "høyere (utenfor 95 %)",
    "skoler.funnel_pos.hoyere_998": "høyere (utenfor 99,8 %)",
    "skoler.funnel_pos.lavere_95": "lavere (utenfor 95 %)",
    "skoler.funnel_pos.lavere_998": "lavere (utenfor 99,8 %)",
    # --- Data (pages/data.py) ----------------------------------------------------------------
    "data.title": "Data",
    "data.intro": (
        "Her legger du inn ekte tall slik de lastes ned, uten å redigere dem i Excel først: "
        "Skoleporten-nedlastinger (CSV), eksporter fra Udirs statistikkbank (CSV eller Excel) og SSB-tabeller "
        "i JSON-stat2 (befolkning, utdanningsnivå, uføretrygd, barnevern, KOSTRA-gruppe)."
    ),
    "data.now": "**Data som vises nå:** {label}",
    "data.now_sources": "Importerte filer: {sources}",
    "data.uploader": "Last opp én eller flere filer",
    "data.uploader_help": "CSV, TSV/TXT, XLSX eller JSON. Største filstørrelse: {mb} MB per fil.",
    "data.limit": "Største filstørrelse er **{mb} MB per fil**. Større eksporter kan deles opp, for eksempel per skoleår.",
    "data.kommune_head": "Kommune for filer med bare skolenavn (Skoleporten)",
    "data.kommune_help": (
        "Skoleportens nedlasting har skolenavn, men ikke skole- eller kommunenummer. Oppgi kommunen filen gjelder, "
        "så knyttes skolene til den (og til skoler med samme navn som alt finnes i kommunen). Uten kommune legges "
        "skolene under 9999 «Uoppgitt kommune»."
    ),
    "data.kommune_id": "Kommunenummer (fire sifre)",
    "data.kommune_name": "Kommunenavn",
    "data.kommune_bad": "Kommunenummeret må ha fire sifre (for eksempel 1103). Feltet er ignorert.",
    "data.check": "Les og kontroller filene",
    "data.reading": "Leser filene …",
    "data.too_big": "«{name}» er {size:.0f} MB. Grensen er {mb} MB per fil. Del opp eksporten og last opp delene.",
    "data.failed": "Importen stoppet. Ingenting er endret i dataene som vises.",
    "data.report_head": "Kontrollrapport",
    "data.file": "Fil: {name}",
    "data.format": "Format: {fmt} · tegnkoding: {enc} · skilletegn/ark: {sep}",
    "data.rows_read": "Linjer lest",
    "data.rows_mapped": "Tall importert",
    "data.rows_skipped": "Hoppet over",
    "data.duplicates": "Duplikater fjernet",
    "data.n_unknown": (
        "{count} tall har ikke antall elever i filen (**n ukjent**). De vises, men uten usikkerhetsintervall, "
        "fordi intervallet krever antall elever."
    ),
    "data.markers": "Markører funnet",
    "data.skipped": "Rader hoppet over, med årsak",
    "data.unknown": "Ukjente enheter, indikatorer eller verdier",
    "data.notes": "Merknader",
    "data.mapped": "Tall per indikator, nivå og skoleår",
    "data.preview": "Forhåndsvisning (de første 50 radene)",
    "data.mode": "Hvordan skal tallene brukes?",
    "data.mode_add": "Legg til demodataene (demo og ekte tall side om side)",
    "data.mode_replace": "Erstatt demodataene (bare ekte tall)",
    "data.save": "Lagre importen",
    "data.saved": "Importen er lagret: {rows} tall. Datakilden er nå «{label}». Se siden «Oversikt».",
    "data.save_failed": "Importen kunne ikke lagres: {error} Ingenting er endret.",
    "data.context_rows": "Kontekst for {count} kommuner",
    "data.clear_head": "Tilbake til demodata",
    "data.clear": "Fjern alle importerte data",
    "data.cleared": "Importerte data er fjernet. Appen viser demodataene igjen.",
    "data.error": "Noe gikk galt på denne siden. Feilen er logget. Ingenting er endret i dataene.",
    "data.col.reason": "Årsak", "data.col.rows": "Antall", "data.col.lines": "Eksempel på linjer",
    "data.col.marker": "Markør", "data.col.what": "Hva", "data.col.indicator": "Indikator", "data.col.level": "Nivå",
    "data.col.period": "Skoleår",
    # --- Funn (pages/funn.py and ui/findings_widgets.py) -------------------------------------
    "funn.title": "Funn: {kommune}",
    "funn.intro": (
        "Her samles det dere ser og hører i arbeidet med utfordringsbildet: styrker, utfordringer, hypoteser, "
        "spørsmål og ideer til tiltak, koblet til tallene de handler om. Alle endringer lagres med historikk."
    ),
    "funn.author_heading": "Hvem skriver?",
    "funn.author_name": "Navn",
    "funn.author_role": "Rolle",
    "funn.author_missing": "Skriv inn navnet ditt og velg rolle før du lagrer.",
    "funn.add": "Legg til funn",
    "funn.add_for": "Legg til funn om det som vises her",
    "funn.text": "Funn",
    "funn.text_help": (
        "Skriv med egne ord hva dere ser, hører eller lurer på. Ikke skriv navn på elever eller personnummer."
    ),
    "funn.kind": "Type",
    "funn.source": "Kilde",
    "funn.status": "Status",
    "funn.themes": "Temaer",
    "funn.themes_help": "Velg blant forslagene eller skriv et nytt tema og trykk Enter.",
    "funn.indicators": "Indikatorer",
    "funn.schools": "Skoler",
    "funn.periods": "Skoleår",
    "funn.save": "Lagre funn",
    "funn.saved": "Funnet er lagret.",
    "funn.updated": "Endringen er lagret.",
    "funn.edit": "Rediger",
    "funn.cancel": "Avbryt",
    "funn.save_edit": "Lagre endring",
    "funn.delete": "Slett",
    "funn.deleted": "Funnet er slettet. Det kan gjenopprettes under «Slettede funn».",
    "funn.restore": "Gjenopprett",
    "funn.restored": "Funnet er gjenopprettet.",
    "funn.history": "Historikk",
    "funn.history_empty": "Ingen historikk.",
    "funn.history_line": "{when}: {action} av {who}",
    "funn.history_changed": "Endret: {fields}",
    "funn.history_imported": "({provenance})",
    "db.unavailable": "**Funnene kan ikke leses.** {problem} Filen: {path}. Tall og figurer vises som vanlig, men funn og "
                      "sjekkliste er utilgjengelige til databasen er i orden.",
    "db.no_backup": "Det finnes ingen sikkerhetskopi av funndatabasen ennå.",
    "db.backup_offer": "Nyeste sikkerhetskopi: {name}. Den ødelagte filen beholdes ved siden av (den slettes ikke).",
    "db.restore": "Gjenopprett nyeste sikkerhetskopi",
    "db.restore_failed": "Gjenopprettingen mislyktes: {error}",
    "db.restored": "Sikkerhetskopien {name} er lagt tilbake. Den ødelagte filen er beholdt som {kept}.",
    "funn.unavailable": "Funnene kan ikke leses nå (se meldingen øverst på siden).",
    "nav.admin": "Administrasjon",
    "auth.title": "Utfordringsbilde",
    "auth.intro": "Logg inn for å se tallene og funnene for kommunene du arbeider med.",
    "auth.login": "Logg inn",
    "auth.logout": "Logg ut",
    "auth.no_role": "Du er logget inn som {name}, men har ingen tilgang ennå. Be en administrator om å gi deg en rolle.",
    "auth.subject": "Din id hos innloggingstjenesten: {subject}",
    "auth.local_banner": "Lokal enbrukermodus: ingen innlogging er satt opp. Appen er bare tilgjengelig på denne maskinen "
                         "(127.0.0.1), og alle endringer lagres med navnet som skrives inn.",
    "auth.signed_in": "Innlogget: {name} ({role})",
    "auth.denied": "Du har ikke tilgang til dette.",
    "funn.author_signed_in": "Lagres som {name} (innlogget).",
    "admin.title": "Administrasjon",
    "admin.roles": "Roller og tilgang",
    "admin.no_roles": "Ingen har fått en rolle ennå.",
    "admin.col_name": "Navn",
    "admin.col_subject": "Id hos innloggingstjenesten",
    "admin.col_role": "Rolle",
    "admin.col_scope": "Fylke eller kommuner",
    "admin.col_school": "Skole (orgnr)",
    "admin.all": "alle",
    "admin.subject": "Id hos innloggingstjenesten (sub eller e-post)",
    "admin.subject_help": "Personen ser sin id på innloggingssiden når hen ikke har tilgang ennå.",
    "admin.subject_missing": "Id mangler.",
    "admin.name": "Navn",
    "admin.role": "Rolle",
    "admin.fylke": "Fylkesnummer (statsforvalter)",
    "admin.kommuner": "Kommunenumre (veileder: flere; skoleeier og skoleleder: én)",
    "admin.kommuner_help": "Skill med komma, for eksempel 4203, 4204.",
    "admin.school": "Skolens organisasjonsnummer (skoleleder)",
    "admin.save": "Lagre rolle",
    "admin.saved": "Rollen til {name} er lagret.",
    "admin.remove_who": "Fjern tilgang for",
    "admin.remove": "Fjern rollen",
    "admin.removed": "Rollen er fjernet.",
    "admin.audit": "Revisjonslogg",
    "admin.no_audit": "Ingen hendelser ennå.",
    "admin.col_when": "Tidspunkt",
    "admin.col_who": "Hvem",
    "admin.col_what": "Hva",
    "admin.col_target": "Gjelder",
    "admin.col_detail": "Detaljer",
    "admin.error": "Administrasjonssiden kunne ikke vises. Detaljene er logget.",
    "funn.meta": "{kind} · {status} · {source} · skrevet av {author} {created} · versjon {version}",
    "funn.meta_updated": "sist endret {when} av {who}",
    "funn.links": "Koblet til: {links}",
    "funn.none": "Ingen funn ennå.",
    "funn.none_filtered": "Ingen funn passer med filtrene.",
    "funn.linked_heading": "Funn koblet til denne figuren ({n})",
    "funn.linked_none": "Ingen funn er koblet til denne figuren ennå.",
    "funn.open_page": "Rediger og se alle funn på siden Funn",
    "funn.conflict_theirs": "Lagret versjon (versjon {version}, {who})",
    "funn.conflict_yours": "Din versjon (ikke lagret)",
    "funn.conflict_keep_mine": "Lagre min versjon likevel",
    "funn.conflict_keep_theirs": "Behold den lagrede versjonen",
    "funn.conflict_discarded": "Din endring er forkastet; den lagrede versjonen gjelder.",
    "funn.not_found": "Funnet finnes ikke lenger.",
    "funn.error": "Lagringen mislyktes. Feilen er logget; prøv igjen.",
    "funn.db_error": "Funndatabasen er ikke tilgjengelig. Feilen er logget.",
    "funn.chart_none": "Ingen tall å vise for koblingen.",
    "funn.chart_title": "{label}",
    "funn.chart_method": "Strekene viser usikkerhet: {methods}. Stiplet linje: nasjonalt. Skravert: skoleår i funnet.",
    "funn.choose": "Velg",
    "funn.chart_national": "Nasjonalt",
    "funn.chart_marker": "Skoleår i funnet",
    "funn.marker_legend": "Funn: {kind}",
    "funn.filters": "Filtrer og sorter",
    "funn.filter_kind": "Type",
    "funn.filter_status": "Status",
    "funn.filter_theme": "Tema",
    "funn.filter_school": "Skole",
    "funn.filter_indicator": "Indikator",
    "funn.filter_role": "Forfatterens rolle",
    "funn.filter_text": "Søk i tekst",
    "funn.sort": "Sorter",
    "funn.count": "{n} funn",
    "funn.tab_list": "Alle funn",
    "funn.tab_side": "Styrker og utfordringer",
    "funn.tab_deleted": "Slettede funn",
    "funn.tab_exchange": "Eksport og import",
    "funn.side_styrker": "Styrker ({n})",
    "funn.side_utfordringer": "Utfordringer ({n})",
    "funn.side_help": "Forkastede funn er ikke med. Hva kommunen er god på, er like viktig som utfordringene.",
    "funn.deleted_none": "Ingen slettede funn.",
    "funn.export_json": "Last ned alle funn som JSON (med historikk)",
    "funn.export_csv": "Last ned som CSV for Excel",
    "funn.export_help": (
        "JSON-filen inneholder alt (også slettede funn, sjekklisten og historikken) og kan importeres igjen. "
        "CSV-filen er for Excel."
    ),
    "funn.import": "Importer funn fra JSON-fil",
    "funn.import_button": "Importer",
    "funn.import_wrong_kommune": "Filen gjelder kommune {file_kommune}, men {kommune} er valgt. Bytt kommune først.",
    "funn.no_kommune": "Velg en kommune i menyen til venstre.",
    "funn.field.text": "tekst",
    "funn.field.kind": "type",
    "funn.field.source": "kilde",
    "funn.field.status": "status",
    "funn.field.themes": "temaer",
    "funn.field.indicators": "indikatorer",
    "funn.field.schools": "skoler",
    "funn.field.periods": "skoleår",
    "funn.field.deleted": "slettet",
    # --- Hvorfor er vi trukket ut? (pages/uttrekk.py) ----------------------------------------
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
    "uttrekk.apply": "Bruk innstillingene",
    "uttrekk.computing": "Regner ut risikopoeng for alle kommuner …",
    "uttrekk.window": "Skoleår {first}–{last}.",
    "uttrekk.pp": "{value} pp",
    "uttrekk.reliability_heading": "Hvor sikre er poengene?",
    "uttrekk.reliability_help": "Hva betyr «sikker» og «ikke sikker»?",
    "uttrekk.years_of": "{count} av {total}",
    "uttrekk.yes": "ja",
    "uttrekk.no": "nei",
    "uttrekk.this_kommune": "◀",
    "uttrekk.col.school": "Skole",
    "uttrekk.col.points": "Risikopoeng",
    "uttrekk.col.possible": "Mulige poeng",
    "uttrekk.col.share": "Andel",
    "uttrekk.col.suppressed": "Skjermede tall",
    "uttrekk.col.national_rank": "Plass blant skolene i landet",
    "uttrekk.col.top": "Blant de 25 % høyeste",
    "uttrekk.col.period": "Skoleår",
    "uttrekk.col.indicator": "Indikator",
    "uttrekk.col.years_with_points": "År med poeng",
    "uttrekk.col.contribution": "Del av kommunens poeng",
    "uttrekk.col.rank": "Plass",
    "uttrekk.col.kommune": "Kommune",
    "uttrekk.col.share_pct": "Andel (%)",
    "uttrekk.col.spread_pp": "Spredning (pp)",
    "uttrekk.col.signal": "Spredningssignal",
    "uttrekk.col.status": "Utfall",
    "uttrekk.col.this": "Denne kommunen",
    # --- Sjekkliste (pages/sjekkliste.py) ----------------------------------------------------
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
    "sjekkliste.stale": "Noen andre har endret dette punktet i mellomtiden. Skjemaet viser nå den nye versjonen. Det du skrev, står under og er ikke tapt.",
    "sjekkliste.mine_heading": "Din versjon (ikke lagret)",
    "sjekkliste.mine_summary": "Status: {status} · Ansvarlig: {role} · Frist: {due} · Notat:",
    "sjekkliste.use_mine": "Sett min versjon tilbake i skjemaet",
    "sjekkliste.author_needed": "Skriv inn navnet ditt øverst før du lagrer.",
    "sjekkliste.history": "Historikk",
    "sjekkliste.no_history": "Ingen endringer ennå.",
    "sjekkliste.last_changed": "Sist endret {when} av {who}.",
    "sjekkliste.db_error": "Databasen for funn og sjekkliste er ikke tilgjengelig. Feilen er logget.",
    "sjekkliste.author": "Hvem skriver?",
    "sjekkliste.table": "Oversikt",
    "sjekkliste.col.item": "Punkt",
    "sjekkliste.see_findings": "Se funnene på siden «Funn»",
    # --- Utfordringsbilde og rapport (pages/utfordringsbilde.py) -----------------------------
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
    "ub.building": "Setter sammen utfordringsbildet …",
    "ub.error_build": "feil under sammenstillingen. Detaljene står i loggen.",
    "ub.error_unknown": "ukjent feil. Detaljene står i loggen.",
    # --- Statsforvalter (pages/statsforvalter.py) --------------------------------------------
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
    "sf.status.level": "nivå",
    "sf.status.spread": "spredning",
    "sf.checklist_done": "{done} av {total}",
    "sf.descending": "Synkende",
    "sf.computing": "Regner ut for kommunene …",
    "sf.starting": "Starter …",
}

LANGUAGES: dict[str, dict[str, str]] = {"nb": NB}

# What a classification code (``analysis.compare.CLASSIFICATIONS``) was measured against; the labels are
# the ``class.*`` (the nation), ``skoler.class.*`` (the rest of the kommune), ``peers.class.*`` (the peer
# group) and ``skoler.spread_class.*`` (the other schools) keys of the one strings table above.
CLASSIFICATION_AGAINST = ("nasjonalt", "rest", "peers", "schools")


def t(key: str, **values: object) -> str:
    """The text for ``key`` in the active language, formatted with ``values``."""
    lang = os.environ.get("UTFORDRINGSBILDE_LANG", DEFAULT_LANGUAGE)
    text = LANGUAGES.get(lang, NB).get(key) or NB.get(key)
    if text is None:
        raise KeyError(f"Missing UI string: {key}")
    return text.format(**values) if values else text


def classification_label(code: object, against: str = "nasjonalt") -> str:
    """The label of a classification code, e.g. «Svakere enn nasjonalt» (``against`` in
    ``CLASSIFICATION_AGAINST``); a missing code reads as «Kan ikke vurderes»."""
    c = "ingen_data" if code is None or code != code else str(code)
    if against == "nasjonalt":
        return t(f"class.{c}")
    if against == "rest":
        return t(f"skoler.class.{c}")
    if against == "peers":
        return t(f"peers.class.{c}")
    if against == "schools":
        return t(f"skoler.spread_class.{c}")
    raise ValueError(f"Ukjent sammenligning: {against!r}")
