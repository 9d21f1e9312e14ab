"""All user-visible text in bokmål (``NB``) and nynorsk (``NN``). Pages call ``t("key", **values)``.

One table with the same keys in both languages: ``NB`` is spelt out here, ``NN`` sits beside it in
``present/strings_nn.py`` (its own file only so that helpers adding bokmål keys do not collide with the
translation in merges). ``tests/test_strings.py`` proves both have the same keys with the same
placeholders; ``scripts/missing_nn.py`` lists bokmål keys that still lack nynorsk. At run time a key
missing in nynorsk falls back to bokmål rather than failing.

The active language is per user session, never module state: see ``data.language``. Keys are grouped
by page with a prefix.
"""

from __future__ import annotations

from data.language import DEFAULT_LANGUAGE, active_language, default_language, set_language, use_language

__all__ = ["NB", "NN", "LANGUAGES", "DEFAULT_LANGUAGE", "t", "active_language", "default_language",
           "set_language", "use_language", "missing_nn", "tr"]

NB: dict[str, str] = {
    # --- app shell ---------------------------------------------------------------------------
    "app.title": "Utfordringsbilde",
    "app.subtitle": "Analyseverktøy for forfasen i oppfølgingsordningen",
    "app.kommune": "Kommune",
    "app.kommune_help": "Skriv navn eller kommunenummer for å søke. Valget følger med i lenken (URL).",
    "app.kommune_official": "Fullt offisielt navn: {name}.",
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
    "app.language": "Målform",
    "app.language.nb": "Bokmål",
    "app.language.nn": "Nynorsk",
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
    # --- Streamlit's and Plotly's own UI texts, replaced in the browser (ui/browser_text.py) ---
    "browser.skip": "Hopp til hovedinnholdet",
    "browser.choose_one": "Velg et alternativ",
    "browser.choose_many": "Velg alternativer",
    "browser.choose_add_one": "Velg eller legg til et alternativ",
    "browser.choose_add_many": "Velg eller legg til alternativer",
    "browser.add_one": "Legg til et alternativ",
    "browser.add_many": "Legg til alternativer",
    "browser.no_options": "Ingen alternativer å velge",
    "browser.no_results": "Ingen treff",
    "browser.select_all": "Velg alle",
    "browser.clear_all": "Fjern alle",
    "browser.clear": "Tøm",
    "browser.download_csv": "Last ned som CSV",
    "browser.search": "Søk",
    "browser.fullscreen": "Fullskjerm",
    "browser.close_fullscreen": "Lukk fullskjerm",
    "browser.columns": "Vis eller skjul kolonner",
    "browser.collapse_sidebar": "Skjul sidepanelet",
    "browser.expand_sidebar": "Vis sidepanelet",
    "browser.sidebar": "Sidepanel",
    "browser.app_pages": "Sidene i appen",
    "browser.view_less": "Vis færre",
    "browser.view_more": "Vis {x} til",
    "browser.help": "Hjelp",
    "browser.help_for": "Hjelp: {x}",
    "browser.link_heading": "Lenke til overskriften",
    "browser.open": "Åpne",
    "browser.close": "Lukk",
    "browser.running": "Arbeider …",
    "browser.stop": "Stopp",
    "browser.rerun": "Kjør på nytt",
    "browser.connecting": "Kobler til",
    "browser.enter_apply": "Trykk Enter for å bruke",
    "browser.enter_submit": "Trykk Enter for å sende skjemaet",
    "browser.ctrl_enter_apply": "Trykk Ctrl+Enter for å bruke",
    "browser.ctrl_enter_submit": "Trykk Ctrl+Enter for å sende skjemaet",
    "browser.drop_one": "Dra og slipp en fil her",
    "browser.drop_many": "Dra og slipp filer her",
    "browser.upload": "Last opp",
    "browser.add_files": "Legg til filer",
    "browser.file_input": "Velg filer",
    "browser.remove_file": "Fjern filen",
    "browser.delete": "Slett",
    "browser.choose_date": "Velg dato",
    "browser.plot_png": "Last ned figuren som PNG",
    "browser.autoscale": "Tilpass aksene",
    "browser.reset_axes": "Tilbakestill aksene",
    "browser.zoom": "Forstørr",
    "browser.zoom_in": "Forstørr",
    "browser.zoom_out": "Forminsk",
    "browser.pan": "Flytt",
    "browser.box_select": "Velg med rektangel",
    "browser.lasso_select": "Velg med lasso",
    "browser.show_data": "Vis tabellen",
    "browser.show_chart": "Vis figuren",
    "browser.page_not_found": "Siden finnes ikke",
    "browser.page_not_found_text": "Siden finnes ikke. Oversikt vises i stedet.",
    "browser.page_not_found_named": "Siden /{x} finnes ikke. Oversikt vises i stedet.",
    "browser.per_file": "Høyst {x} per fil",
    "browser.file_too_big": "Filen må være {x} eller mindre.",
    "browser.file_type": "Filer av typen {x} er ikke tillatt.",
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
    "chart.alt": "Figur: {title}. Viser {series}. Tallene står i tabellen ved figuren.",
    "chart.alt_untitled": "uten tittel",
    "chart.alt_no_series": "én dataserie",
    "chart.alt_more": " og {n} til",
    "chart.interactive": "Utforsk diagrammet (zoom og detaljer)",
    "chart.interactive_help": "Diagrammet vises som et bilde som lastes raskt. Hold musepekeren over et merke "
                              "for å se tallet. Slå på for å zoome og få detaljbokser.",
    "common.no_data": "ingen data",
    "common.missing": "skjermet eller ingen data",
    "common.n_unknown": "n ukjent",
    "common.table_view": "Tabellvisning",
    "common.source_line": "Kilde: {source}. Uttrekk laget {date}.",
    "common.download_csv": "Last ned CSV",
    "common.download_csv_excel": "Last ned CSV for norsk Excel",
    "common.download_csv_help": "Vanlig CSV: komma mellom feltene og punktum som desimaltegn. CSV for norsk Excel: semikolon mellom feltene og desimalkomma.",
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
        "({window}). Hvert tall har et 95 % konfidensintervall. «Svakere» eller «bedre» enn nasjonalt "
        "står bare der intervallet ikke dekker det nasjonale tallet; ellers står det «ikke sikker forskjell»."
    ),
    "oversikt.pooled_title": "Skoleårene samlet – {window}",
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
    "oversikt.summary": "Samlet: {svakere} svakere, {bedre} bedre og {usikker} uten sikker forskjell fra landet ({ingen} kan ikke vurderes).",
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
    "utv.pooled_title": "Skoleårene samlet – {window}",
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
    "peers.context_missing": (
        "For {kommune} mangler disse kontekstvariablene: {missing}. Valget av sammenlignbare kommuner bygger derfor "
        "bare på {basis} ({source}). Importer en SSB-tabell i JSON-stat2 for å ta med flere."
    ),
    "peers.context_nothing": "ingen kontekstvariabler",
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
        "kommuner; folketall på logaritmisk skala), og avstanden er den vanlige (euklidske) avstanden mellom "
        "kommunene. Små tall betyr like kommuner."
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
    "peers.compare_heading": "Kommunen mot de sammenlignbare kommunene – {window}",
    "peers.compare_none": "Det finnes ingen tall å sammenligne for denne kommunen.",
    "peers.compare_summary": (
        "Av {total} indikatorer er kommunen sikkert svakere enn de sammenlignbare på {svakere}, sikkert bedre på "
        "{bedre}, og uten sikker forskjell på {usikker}; {ingen} kan ikke vurderes (skjermet eller uten tall)."
    ),
    "peers.tab.compare": "Kommunen mot de sammenlignbare",
    "peers.tab.who": "Hvem er de sammenlignbare?",
    "peers.tab.expected": "Forventet ut fra konteksten",
    "peers.message_heading": "Hovedbildet",
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
    "coverage.export.grunnskolepoeng": (
        "Udirs statistikkbank, «Grunnskolepoeng», alle enheter, med «Antall elever» (Eksporter → CSV)."
    ),
    "coverage.export.np_mestring_5": (
        "Udirs statistikkbank, «Nasjonale prøver 5. trinn», vis «Mestringsnivåfordeling» "
        "(andel per mestringsnivå) med «Antall elever deltatt»."
    ),
    "coverage.export.np_mestring_8": (
        "Udirs statistikkbank, «Nasjonale prøver ungdomstrinn», 8. trinn, vis "
        "«Mestringsnivåfordeling» med «Antall elever deltatt»."
    ),
    "coverage.export.eu_index": (
        "Udirs statistikkbank, «Elevundersøkelsen – indikatorer», 7. og 10. trinn (eller Udirs eksport-API, "
        "tabell 148 EUG-Indikator, lagret som JSON)."
    ),
    "coverage.export.eu_mobbing": (
        "Udirs statistikkbank, «Elevundersøkelsen – mobbing», 7. og 10. trinn (eller Udirs eksport-API, "
        "tabell 150 EUG-Mobbing, lagret som JSON)."
    ),
    "coverage.heading": "Hva dataene dekker",
    "coverage.present": "{label}: tall for {years}.",
    "coverage.stand_in": "{label} mangler (viser {stand_in}, {years}, i stedet). Hentes fra: {hint}",
    "coverage.missing": "{label} mangler. Hentes fra: {hint}",
    "coverage.summary": "Dataene har {present} av {total} uttrekksindikatorer for {kommune}.",
    "coverage.saved": (
        "Importen gjør dette mulig: {kommuner} kommuner og {skoler} skoler, skoleårene {years}; "
        "{present} av {total} uttrekksindikatorer finnes for minst én kommune. {pages}"
    ),
    "coverage.saved_pages_full": "Se Oversikt og «Hvorfor er vi trukket ut?».",
    "coverage.saved_pages_partial": (
        "Utvikling og Skoler viser alt som er importert; Oversikt og «Hvorfor er vi trukket ut?» viser det som "
        "finnes og sier hvilken eksport som mangler."
    ),
    "reform.merger": "Sammenslått {year} ({names})",
    "reform.split": "Delt {year} (fra {names})",
    "reform.split_break": (
        "{kommune} ble opprettet ved delingen av {old} ({number}) og har egne kommunetall fra {period}. "
        "Kommunetall fra før gjelder hele {old} og er ikke lagt inn her (de kan ikke deles på de nye kommunene); "
        "skolene følges med organisasjonsnummer."
    ),
    "reform.renumbered": (
        "Tallene til og med {last} er publisert under kommunenummer {numbers} (før kommunereformen) og er lagt "
        "inn under {kommune}."
    ),
    "window.and": "og",
    "window.none": "ingen publiserte tall i {window}",
    "window.partial": "{used} av {total} år: {years}; {why}",
    "window.reason.no_data": "ingen tall i dataene",
    "window.reason.suppressed": "skjermet",
    "window.reason.no_figure": "ikke publisert for enheten",
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
        "**{schools}** ({window}): {svakere} svakere enn resten av kommunen, {bedre} bedre, {usikker} uten sikker "
        "forskjell, {skjermet} skjermet og {ingen} som ikke kan vurderes."
    ),
    "skoler.summary_neutral": (
        "**{schools}** ({window}): {lavere} lavere enn resten av kommunen, {hoyere} høyere, {usikker} uten sikker "
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
    "skoler.spread_test": "Test av at skolene er like: p = {p}.",
    "skoler.spread_summary": (
        "**{icc} %** av variasjonen mellom elevene ligger mellom skolene ({window}). Det tilsvarer et standardavvik "
        "mellom skolene på {sd} {unit}. {n} skoler med tall, {supp} skjermet (ikke med)."
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
    "data.too_big": "«{name}» er {size} MB. Grensen er {mb} MB per fil. Del opp eksporten og last opp delene.",
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
    "data.saved": "Importen er lagret: {rows} tall. Datakilden er nå «{label}». {possible}",
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
    "funn.draft_kept": "Det du har skrevet, er tatt vare på, men ikke lagret ennå.",
    "funn.author_here": "Skriv navnet ditt her før du lagrer endringen.",
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
        "JSON-filen inneholder alt (også slettede funn, sjekklisten, målene og historikken) og kan importeres igjen. "
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
    "uttrekk.whatif_cut": (
        "Det som faktisk avgjør uttrekk på spredning i modellen, er spredningen hos den {n}. kommunen på listen "
        "over størst spredning, slik denne siden anslår den ut fra dataene: **{floor}**. Minstekravet til "
        "spredning ({cutoff}) er en innstilling på siden, ikke en grense Udir har publisert."
    ),
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
    "uttrekk.window": "Skoleår: {window}.",
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
    # --- explanation sentences of the uttrekk model (present/uttrekk_text.py) ------------------
    "ut.pp": "{value} prosentpoeng",
    "ut.and": " og ",
    "ut.and_more": " med flere",
    "ut.target_kommune": "kommunens nivå",
    "ut.target_nasjonalt": "landsnivået",
    "ut.whatif_school": "Hvis {school} hadde hatt resultater på {target}, ville skolens andel risikopoeng gått fra {before} til {after}",
    "ut.whatif_kommune": "kommunens andel fra {before} til {after}",
    "ut.whatif_rank": " (plass {after} i stedet for {before})",
    "ut.whatif_spread": "og spredningen mellom skolene fra {before} til {after}",
    "ut.status.level": "trukket ut på nivå",
    "ut.status.spread": "trukket ut på spredning",
    "ut.status.none": "ikke trukket ut",
    "ut.would.level": "vært trukket ut på nivå",
    "ut.would.spread": "vært trukket ut på spredning",
    "ut.would.none": "ikke vært trukket ut",
    "ut.whatif_changes": "Med denne modellen ville {kommune} da {would} (nå: {now}).",
    "ut.whatif_same": "Det endrer ikke utfallet i modellen: {kommune} ville fortsatt {would}.",
    "ut.level_drawn": "Med denne modellen er {kommune} blant de {n} kommunene med høyest andel, og ville vært trukket ut på grunn av nivået.",
    "ut.level_not": "Med denne modellen er {kommune} ikke blant de {n} kommunene med høyest andel, så nivået alene gir ikke uttrekk.",
    "ut.suppressed": "{n} av {total} tall er skjermet fordi for få elever står bak.",
    "ut.suppressed_exclude": "De teller ikke med, så andelen bygger bare på {counted} tall.",
    "ut.suppressed_zero": "De teller som mulige poeng uten risikopoeng.",
    "ut.spread_drawn": "Derfor ville {kommune} vært trukket ut på grunn av forskjeller mellom skolene.",
    "ut.spread_signal_level": "Forskjellene er også store nok til spredningsregelen, men kommunen er allerede trukket ut på nivå.",
    "ut.spread_signal_other": "Forskjellene er store nok til spredningsregelen, men andre kommuner har større spredning, og bare {n} trekkes ut på spredning.",
    "ut.spread_none": "Forskjellene gir ikke uttrekk i modellen.",
    "ut.spread_na_one": "{kommune} har bare én skole i modellen, så regelen om forskjeller mellom skolene gjelder ikke.",
    "ut.spread_na_few": "{kommune} har for få skoler med nok tall i modellen, så regelen om forskjeller mellom skolene gjelder ikke.",
    "ut.spread_schools": "Forskjellen mellom skolene: {weak} har {weak_share} av sine mulige risikopoeng, {best} har {best_share}. Spredningen er {spread} (grensen i modellen er {cutoff}).",
    "ut.top_some": "{schools} er blant de {top} % skolene i landet med høyest andel.",
    "ut.top_none": "Ingen av skolene er blant de {top} % skolene i landet med høyest andel.",
    "ut.rel_counts": "Av {n} tall som gir risikopoeng, er {sikker} sikre (hele intervallet ligger bak grensen), {delvis} delvis sikre og {usikker} usikre",
    "ut.rel_no_interval": ", og {n} uten intervall",
    "ut.rel_uncertain": "For de fleste av disse tallene er forskjellen fra grensen ikke sikker: intervallet går over grensen, så forskjellen kan skyldes tilfeldigheter, for eksempel hvilke elever som gikk på trinnet det året.",
    "ut.driver": "{label} ({share} av poengene)",
    "ut.drivers": "Mest av risikopoengene kommer fra {items}.",
    "ut.stable": "{every} av {n} indikatorer som gir risikopoeng, gjør det hvert år de er målt i vinduet",
    "ut.stable_some": "De andre gir risikopoeng bare noen av årene, så det kommunen skårer lavt på, varierer fra år til år.",
    "ut.by_year": "Andel risikopoeng år for år: ",
    "ut.headline_none": "Det finnes ingen publiserte tall for {kommune} på uttrekksindikatorene i vinduet {window}, så modellen kan ikke regne ut risikopoeng.",
    "ut.headline": "{kommune} får {points} av {possible} mulige risikopoeng i vinduet {window}, altså {share}. Det gir plass {rank} av {n} kommuner (plass 1 har høyest andel).",
    "ut.col.value": "Verdi (95 % intervall)",
    "ut.col.n": "Elever (n)",
    "ut.col.national": "Landsnivå",
    "ut.col.absolute": "Absolutt grense",
    "ut.col.sure": "Hvor sikkert",
    "ut.sure.sikker": "Sikker forskjell",
    "ut.sure.delvis": "Sikker under landsnivå, ikke sikker bak absolutt grense",
    "ut.sure.usikker": "Ikke sikker forskjell",
    "ut.sure.uten_intervall": "Uten intervall",
    # --- Sjekkliste (pages/sjekkliste.py) ----------------------------------------------------
    # --- Mål og oppfølging (pages/maal.py, present/goals_text.py, report/plan.py) ---------------
    "nav.maal": "Mål og oppfølging",
    "maal.title": "Mål og oppfølging: {kommune}",
    "maal.intro": (
        "Mål for gjennomføringsfasen: for hver utfordring ett eller flere mål knyttet til en indikator, med "
        "utgangspunktet fra forfasen og et målår. Siden regner ut hva tallene kan vise: den minste endringen "
        "som kan skilles fra tilfeldig variasjon med kommunens eller skolens elevtall."
    ),
    "maal.db_error": "Målene kan ikke vises nå: databasen svarer ikke. Feilen er logget.",
    "maal.author": "Hvem lagrer?",
    "maal.author_needed": "Skriv inn navnet ditt før du lagrer.",
    "maal.settings": "Utgangspunkt og uttrekk",
    "maal.window_end": "Siste skoleår i utgangspunktet (forfasen)",
    "maal.window_help": "Utgangspunktet er elevene i de tre skoleårene som slutter her, slått sammen.",
    "maal.uttrekk_end": "Siste skoleår i tallene kommunen ble trukket ut på",
    "maal.uttrekk_help": (
        "Uttrekket bygger på tre skoleår. Oppgi det siste av dem; siden «Hvorfor er vi trukket ut?» viser "
        "modellen for hvert år."
    ),
    "maal.model.level": "I uttrekksmodellen (siden «Hvorfor er vi trukket ut?») trekkes {kommune} ut på nivå med tallene for {window}.",
    "maal.model.spread": "I uttrekksmodellen (siden «Hvorfor er vi trukket ut?») trekkes {kommune} ut på spredning med tallene for {window}.",
    "maal.model.none": (
        "I uttrekksmodellen trekkes {kommune} ikke ut med tallene for {window}. Modellen gjenskaper ikke Udirs "
        "liste; oppgi skoleåret Udir faktisk brukte."
    ),
    "maal.new": "Nytt mål",
    "maal.edit": "Endre målet",
    "maal.indicator": "Indikator",
    "maal.unit": "Gjelder",
    "maal.unit_kommune": "Hele kommunen ({name})",
    "maal.target_value": "Målverdi ({unit})",
    "maal.target_year": "Målår (skoleår)",
    "maal.finding": "Utfordring målet hører til",
    "maal.finding_none": "Ingen kobling",
    "maal.tiltak": "Tiltak",
    "maal.responsible": "Ansvarlig",
    "maal.kompetansemiljo": "Kompetansemiljø",
    "maal.followup": "Oppfølging (når og hvordan)",
    "maal.followup_help": "For eksempel: «Gjennomgang i januar og juni hvert år, med skoleledermøtet».",
    "maal.save": "Lagre målet",
    "maal.saved": "Målet er lagret.",
    "maal.nothing": "Ingen endringer å lagre.",
    "maal.stale": (
        "Noen andre har endret målet mens du redigerte. Ingenting er overskrevet: se den lagrede versjonen "
        "under, og lagre på nytt om du fortsatt vil endre."
    ),
    "maal.delete": "Slett målet",
    "maal.deleted": "Målet er slettet. Det ligger fortsatt i historikken.",
    "maal.history": "Historikk",
    "maal.no_goals": "Kommunen har ingen mål ennå. Lag det første under «Nytt mål».",
    "maal.goals": "Kommunens mål",
    "maal.goal_title": "{indicator} – {unit}: mål {target} i {year}",
    "maal.assessment": "Hva tallene kan vise",
    "maal.baseline": "Utgangspunkt ({window}): {value} ({lower}–{upper}), {n} elever over {years} skoleår.",
    "maal.baseline_no_interval": "Utgangspunkt ({window}): {value} ({reason}).",
    "maal.baseline_missing": "Utgangspunkt ({window}): ingen publiserte tall med kjent elevtall for {unit}.",
    "maal.change": "Ønsket endring: fra {baseline} til {target}, altså {change} {unit}.",
    "maal.mdc": (
        "Minste påviselige endring med {n} elever i året: {one} {unit} etter ett år og {two} {unit} etter to "
        "år (80 % styrke, 5 % signifikansnivå, tosidig test)."
    ),
    "maal.mdc_one_nan": "ikke mulig",
    "maal.detectable_one": "Endringen kan skilles fra tilfeldig variasjon allerede etter ett år.",
    "maal.detectable_two": "Endringen kan skilles fra tilfeldig variasjon etter to år, men ikke etter ett.",
    "maal.not_detectable": (
        "Endringen er mindre enn det tallene kan skille fra tilfeldig variasjon på to år. Selv om målet nås, "
        "vil tallene ikke kunne vise det sikkert."
    ),
    "maal.no_change": "Målverdien er lik utgangspunktet; det er ingen endring å påvise.",
    "maal.suggestions": "Dette kan vise endringen i stedet:",
    "maal.sug.pool_years": "Slå sammen flere oppfølgingsår: med {years} skoleår samlet kan endringen påvises.",
    "maal.sug.larger_unit": (
        "Bruk en større enhet: for hele kommunen er minste påviselige endring etter to år {mdc} {unit}."
    ),
    "maal.sug.more_trinn": "Elevundersøkelsen på flere trinn gir flere svar og dermed mindre usikkerhet.",
    "maal.sug.qualitative": (
        "Lokale undersøkelser, observasjon eller samtaler med elever og lærere kan vise endringen som "
        "kvalitativt belegg (ikke statistisk sikkert)."
    ),
    "maal.rtm": (
        "Obs: utgangspunktet inneholder {years}, som kommunen ble trukket ut på. Den som trekkes ut for svake "
        "tall, får ofte bedre tall neste gang uten at noe er endret (regresjon mot gjennomsnittet). En "
        "bedring fra dette utgangspunktet er derfor ikke i seg selv tegn på at tiltakene virker."
    ),
    "maal.plan": "Plan",
    "maal.plan_line": "{label}: {value}",
    "maal.empty": "–",
    "maal.followup_heading": "Oppfølging",
    "maal.no_followup": "Ingen skoleår etter utgangspunktet ennå ({last}). Oppfølgingen vises når nye tall er lagt inn.",
    "maal.col.period": "Skoleår",
    "maal.col.value": "Verdi (95 % intervall)",
    "maal.col.n": "Elever",
    "maal.row.baseline": "Utgangspunkt {window}",
    "maal.row.pooled": "Oppfølgingsårene samlet",
    "maal.row.target": "Mål {year}",
    "maal.diff": "Endring fra utgangspunktet: {diff} ({lower}–{upper}) {unit}: {verdict}.",
    "maal.verdict.bedring": "sikker endring (bedring)",
    "maal.verdict.forverring": "sikker endring (forverring)",
    "maal.verdict.endring": "sikker endring",
    "maal.verdict.ikke_sikker": "ikke sikker endring",
    "maal.verdict.ingen_data": "kan ikke vurderes",
    "maal.remaining": "Gjenstår til målet: {remaining} {unit} ({progress} av den ønskede endringen er nådd).",
    "maal.reached": "Målverdien er nådd i oppfølgingsårene ({progress} av den ønskede endringen).",
    "maal.unit_share": "prosentpoeng",
    "maal.responsible.skoleeier": "Skoleeier",
    "maal.responsible.skole": "Skolen (skoleleder)",
    "maal.export": "Plan for gjennomføringsfasen",
    "maal.field.indicator": "indikator",
    "maal.field.subject": "fag",
    "maal.field.trinn": "trinn",
    "maal.field.unit_level": "enhet",
    "maal.field.unit_id": "skole",
    "maal.field.finding_id": "utfordring",
    "maal.field.baseline_periods": "utgangsår",
    "maal.field.baseline_value": "utgangsverdi",
    "maal.field.baseline_lower": "nedre grense",
    "maal.field.baseline_upper": "øvre grense",
    "maal.field.baseline_n": "elever i utgangspunktet",
    "maal.field.target_value": "målverdi",
    "maal.field.target_year": "målår",
    "maal.field.tiltak": "tiltak",
    "maal.field.responsible": "ansvarlig",
    "maal.field.kompetansemiljo": "kompetansemiljø",
    "maal.field.followup": "oppfølging",
    "maal.field.kommune_id": "kommune",
    "maal.field.deleted": "slettet",
    "maal.export_make": "Lag planen (PDF og Word)",
    "maal.export_pdf": "Last ned planen (PDF)",
    "maal.export_docx": "Last ned planen (Word)",
    "maal.export_error": "Planen kunne ikke lages nå. Feilen er logget.",
    "maal.sf.heading": "Mål og oppfølging",
    "maal.sf.none": "Ingen av kommunene har lagret mål ennå.",
    "maal.sf.col.kommune": "Kommune",
    "maal.sf.col.goal": "Mål",
    "maal.sf.col.baseline": "Utgangspunkt",
    "maal.sf.col.target": "Målverdi (år)",
    "maal.sf.col.latest": "Oppfølging",
    "maal.sf.col.verdict": "Endring",
    "maal.sf.col.remaining": "Gjenstår",
    "maal.sf.col.mdc": "Minste påviselige endring (2 år)",
    "plan.title": "Plan for gjennomføringsfasen: {kommune}",
    "plan.subtitle": "Mål, indikatorer, tiltak, ansvar og oppfølging, med hva tallene kan vise for hvert mål.",
    "plan.summary": "Målene",
    "plan.summary_text": "Kommunen har {count} mål. Tabellen viser utgangspunktet med 95 % intervall, målverdien og den minste endringen tallene kan påvise etter to år.",
    "plan.method": "Metode",
    "plan.method_text": (
        "Utgangspunktet er elevene i skoleårene i forfasen slått sammen, med 95 % intervall (Wilson for andeler, "
        "t-intervall for gjennomsnitt). Minste påviselige endring er den minste sanne endringen en tosidig test "
        "på 5 % nivå oppdager med 80 % sannsynlighet, når oppfølgingsårene har like mange elever som et "
        "gjennomsnittlig år i utgangspunktet (t-test for gjennomsnitt, arcsin-test for andeler; Cohen 1988). "
        "Endringen i oppfølgingen er sikker bare når 95 % intervallet for forskjellen mellom oppfølgingsårene og "
        "utgangspunktet ikke inneholder null (Newcombe for andeler, Welch for gjennomsnitt)."
    ),
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
    # --- the report (report/sections.py) ------------------------------------------------------
    "rep.source_line": "Kilde: {source}. Skoleår {window}. Laget {date}.",
    "rep.title": "Utfordringsbilde for {kommune}",
    "rep.subtitle": "Kommunenummer {kommune_id}, {fylke}. Skoleår: {window}.",
    "rep.styrker": "Styrker",
    "rep.utfordringer": "Utfordringer",
    "rep.source": "kilde: {source}",
    "rep.concerns": "gjelder: {links}",
    "rep.checklist_progress": "{done} av {total} punkter er ferdige, {doing} pågår og {todo} er ikke startet.",
    "rep.summary": "Sammendrag",
    "rep.summary_text": "Tre år samlet er {kommune} svakere enn landet på {svakere} og bedre på {bedre} av {n} valgte indikatorer. For {usikker} er forskjellen fra landet ikke sikker, og {ingen} kan ikke vurderes (skjermet eller uten tall).",
    "rep.findings_count": "Registrerte funn: ",
    "rep.checklist_line": "Sjekklisten for forfasen: ",
    "rep.col.kommune_pooled": "Kommunen, tre år (95 % intervall)",
    "rep.pooled_caption": "Skoleårene samlet: {window}.",
    "rep.yearly_caption": "År for år (95 % intervall).",
    "rep.yearly_figure_title": "Kommunen år for år mot landet, med 95 % intervall",
    "rep.yearly_figure": "Figur: indikatorene år for år",
    "rep.of": "av",
    "rep.cross_suppressed": ". Kryss betyr skjermet tall.",
    "rep.indicators": "Indikatorene",
    "rep.indicators_intro": "Kommunens tall for hver valgt indikator med 95 % konfidensintervall. «Svakere» eller «bedre» enn nasjonalt står bare der intervallet ikke dekker landets tall. Tre år samlet betyr at elevene fra de tre skoleårene er slått sammen til ett tall.",
    "rep.indicators_none": "Ingen tall for de valgte indikatorene i disse skoleårene.",
    "rep.schools_caption": "Tre år samlet, 95 % intervall i parentes. ▼ svakere og ▲ bedre enn landet (intervallet dekker ikke landets tall); uten tegn: ikke sikker forskjell. – : skolen har ikke trinnet.",
    "rep.schools_none": "Ingen skoletall for de valgte indikatorene og skolene.",
    "rep.schools_intro": "Hver skoles elever fra de tre skoleårene samlet, med 95 % intervall, sammenlignet med landet. Små skoler har brede intervaller: der står det oftest «ikke sikker forskjell».",
    "rep.schools_figure_title": "Skolene, tre år samlet, med 95 % intervall",
    "rep.schools_figure": "Figur: skolene",
    "rep.schools_figure_note": ". Stiplet linje er landet. Kryss betyr skjermet tall.",
    "rep.shares_figure": "Figur: skolenes andel risikopoeng. Oransje: blant de 25 % skolene i landet med høyest andel.",
    "rep.col.top": "Blant de 25 % høyeste i landet",
    "ub.inc.uttrekk_title": "Hvorfor er kommunen trukket ut?",
    "rep.reliability": "Hvor sikre er risikopoengene?",
    "rep.points_caption": "Kommunens tall som gir risikopoeng, og om poenget holder når usikkerheten er tatt med.",
    "rep.none_of_kind": "Ingen {kind} er registrert ennå.",
    "rep.findings_where": "Funn registreres på siden «Funn».",
    "rep.questions": "Åpne spørsmål",
    "rep.hypothesis": "Hypotese: ",
    "rep.questions_none": "Ingen åpne spørsmål eller hypoteser er registrert.",
    "rep.checklist_empty": "Sjekklisten er ikke fylt ut.",
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
    # --- statistics, issue 12 (method texts: .short for the projector, .long for the report appendix) ---
    "stat.rounding.short": (
        "Publiserte tall er avrundet. Forskjeller som er mindre enn det avrundingen kan forklare, får ingen "
        "vurdering, og intervallet gjøres bredere med avrundingsfeilen."
    ),
    "stat.rounding.long": (
        "Avrunding: et tall publisert med d desimaler kan være opptil en halv enhet i siste desimal fra det "
        "egentlige tallet. «Resten av kommunen» regnes ut fra to avrundede tall, (N·kommunetall − n·skoletall)/"
        "(N − n), og avrundingsfeilen forstørres da med N/(N − n). Forskjellen mellom skolen og resten kan derfor "
        "være feil med opptil N/(N − n)·(δ_skole + δ_kommune). Vi utvider intervallet for forskjellen med denne "
        "grensen på hver side, og gir ingen vurdering når selve forskjellen er innenfor grensen. Risikopoeng "
        "sammenlignes på samme desimal som tallene publiseres med, slik at et tall som ligger nøyaktig på en "
        "grense aldri regnes som under den."
    ),
    "stat.rounding.withheld": "Innenfor avrundingen",
    "stat.rounding.count": "{count} vurderinger faller bort når avrundingen av de publiserte tallene tas med.",
    "stat.one_school": (
        "Kommunen har bare én skole med tall, så skolen kan ikke sammenlignes med resten av kommunen "
        "(«kan ikke vurderes» over). Traktdiagrammet under svarer på et annet spørsmål: hvordan skolen ligger "
        "mot skolene i fylket eller landet. Skolens tall er da også kommunens tall."
    ),
    "stat.funnel.short": (
        "Traktens grenser viser hvor mye tallene varierer av tilfeldigheter alene. Gjennomsnitt bruker "
        "standardavviket i dataene. Med ekte forskjeller mellom skoler (overspredning) blir trakten bredere."
    ),
    "stat.funnel.long": (
        "Traktdiagram (Spiegelhalter 2005): for gjennomsnitt er grensene snitt ± z·s/√n, der s er det samlede "
        "standardavviket for elevene i de skolene som vises (ikke et fast tall fra katalogen). For andeler uten "
        "overspredning brukes eksakte binomiske grenser. Med overspredning regnes andelene om med "
        "arcsin-kvadratrot-transformasjonen, grensene legges på den skalaen med tillegg av τ² (eller ganget "
        "med √φ) og regnes tilbake, slik FunnelPlotR og PHE gjør det; da blir grensene aldri negative. "
        "Overspredning måles med winsoriserte z-verdier: de 10 % mest ekstreme i hver ende kuttes til grensen "
        "så enkeltskoler ikke styrer svaret, og gjennomsnittet av z² (korrigert for kuttingen) sammenlignes med "
        "det tilfeldighetene alene gir."
    ),
    "stat.funnel.od_model": "Modell for overspredning",
    "stat.funnel.od_model.none": "Ingen",
    "stat.funnel.od_model.tau2": "Additiv (τ²)",
    "stat.funnel.od_model.phi": "Multiplikativ (φ)",
    "stat.funnel.sd_used": "Standardavvik på elevnivå brukt i trakten: {sd} (fra dataene).",
    "stat.bootstrap.short": (
        "Vi har trukket alle tallene på nytt {reps} ganger innenfor usikkerheten sin og kjørt hele uttrekksregelen "
        "hver gang. Intervallene viser hvor mye andel, plass og utfall kunne variert."
    ),
    "stat.bootstrap.long": (
        "Parametrisk bootstrap av hele uttrekksregelen: hvert tall i vinduet trekkes på nytt fra sin "
        "utvalgsfordeling (andeler binomisk, gjennomsnitt normalfordelt med tallets eget standardavvik), "
        "avrundes som ved publisering, og risikopoeng, andeler, rangering, landets toppgruppe av skoler, "
        "spredning og begge uttrekksveiene regnes ut på nytt. For hver kommune gir dette et 95 %-intervall "
        "for andelen risikopoeng og for plassen, og sannsynligheten for å bli trukket ut (andelen av "
        "simuleringene der kommunen trekkes). Sannsynligheten gjelder et nytt utvalg elever som ligner de "
        "faktiske, ikke kommunens «sanne» nivå. Skoletall og kommunetall trekkes uavhengig av hverandre, og "
        "tall uten antall elever holdes faste. Kontrollen går begge veier: poeng som ble gitt, men kanskje "
        "ikke holder, og poeng som ikke ble gitt, men lett kunne vært det."
    ),
    "stat.shrinkage.short": (
        "«Justert for små tall»: skoler med få elever trekkes mot snittet for skolene de sammenlignes med, "
        "i forhold til hvor usikre tallene deres er."
    ),
    "stat.shrinkage.long": (
        "Empirisk Bayes: for gjennomsnitt en normal–normal-modell der den ekte variasjonen mellom skolene (τ²) "
        "anslås med Paule–Mandels metode, og hver skole trekkes mot det presisjonsveide snittet for "
        "sammenligningsgruppen med vekt s²/(s² + τ²). For andeler en beta-binomisk modell tilpasset med "
        "sannsynlighetsmaksimering, der hver skole får fordelingen Beta(α + antall, β + resten). Intervallene "
        "tar med usikkerheten i gruppesnittet og dekket 95 % av de sanne verdiene i simuleringer. De justerte "
        "tallene er til rangering og sammenligning, ikke skolens publiserte tall."
    ),
    "stat.shrinkage.option": "Justert for små tall",
    "stat.shrinkage.option_help": (
        "Trekker tall med få elever mot snittet for skolene i sammenligningen (empirisk Bayes). Gir mer "
        "rettferdige sammenligninger av små skoler."
    ),
    "stat.multiplicity.short": (
        "Med mange sammenligninger på én side vil noen vise «svakere» eller «bedre» av ren tilfeldighet."
    ),
    "stat.multiplicity.long": (
        "Mange sammenligninger: hver sammenligning med 95 %-intervall gir en vurdering i 5 % av tilfellene selv "
        "når det ikke finnes noen ekte forskjell. Med m sammenligninger er det forventede antallet falske "
        "vurderinger m·0,05, og sannsynligheten for minst én falsk «svakere» 1 − 0,975^m (24 % med 11 "
        "indikatorer). Valget «kontroller for mange sammenligninger» bruker Benjamini–Hochbergs metode: "
        "p-verdiene (fra intervallene) justeres slik at høyst 5 % av vurderingene som står igjen, forventes å "
        "være falske."
    ),
    "stat.multiplicity.line": (
        "{n} sammenligninger på siden. Hvis ingenting egentlig var forskjellig, ville omtrent {expected} av dem "
        "likevel vise «svakere» eller «bedre» (sannsynligheten for minst én falsk «svakere»: {p_any} %)."
    ),
    "stat.multiplicity.bh": "Kontroller for mange sammenligninger (Benjamini–Hochberg)",
    "stat.multiplicity.bh_help": (
        "Beholder bare vurderinger som står seg når høyst 5 % av vurderingene på siden kan være falske."
    ),
    "stat.multiplicity.bh_removed": "Kontrollen for mange sammenligninger fjernet {count} av {total} vurderinger.",
    "stat.persistent.short": (
        "Intervallet for de tre årene gjelder elevkullene som er testet. Skolens nivå over tid er mer usikkert, "
        "fordi kullene varierer."
    ),
    "stat.persistent.long": (
        "To spørsmål gir to intervaller. «De tre elevkullene»: hvor godt kjenner vi resultatet for de elevene "
        "som faktisk er testet (tallene slås sammen, intervallet blir smalt). «Skolens nivå over tid»: hvor "
        "godt kjenner vi nivået kullene varierer rundt. Det siste regnes med en modell med tilfeldige effekter "
        "over årene (variansen mellom årene anslått med Paule–Mandel) og et Hartung–Knapp-intervall med "
        "t-fordeling, som krever minst tre år. Med ekte forskjeller mellom kull er det første intervallet for "
        "smalt for det andre spørsmålet."
    ),
    "stat.estimand.pooled": "Intervallet gjelder de tre elevkullene som er testet («de tre elevkullene»).",
    "stat.estimand.level": "Intervallet gjelder skolens nivå over tid («skolens nivå over tid»).",
    "stat.estimand.choice": "Hva skal intervallet gjelde?",
    "stat.estimand.choice.pooled": "De tre elevkullene",
    "stat.estimand.choice.level": "Skolens nivå over tid",
    "stat.icc.short": "Andelen av forskjellene som ligger mellom skolene, med 95 %-intervall.",
    "stat.icc.long": (
        "Intraklassekorrelasjon (ICC) fra enveis variansanalyse med antall elever, snitt og standardavvik per "
        "skole. Intervallet er Searles F-baserte intervall med gjennomsnittlig gruppestørrelse n₀ for ulike "
        "skolestørrelser. Med få skoler er intervallet bredt."
    ),
    "stat.icc.value": "Andel av variasjonen mellom skolene: {icc} (95 %-intervall {lo}–{hi}).",
    "stat.large_uncertainty.short": (
        "«Stor usikkerhet»: halve bredden av 95 %-intervallet (fra tallet til enden av intervallet) er større enn "
        "standardavviket mellom skolene i landet."
    ),
    "stat.large_uncertainty.long": (
        "Et tall merkes «stor usikkerhet» når halve bredden av 95 %-intervallet er større enn "
        "standardavviket mellom skolene i landet for samme indikator, trinn og år (anslått som variansen i "
        "skoletallene minus den gjennomsnittlige utvalgsvariansen). Grensen følger dermed skalaen til "
        "indikatoren. Uten nasjonale skoletall brukes den faste grensen i katalogen."
    ),
    "stat.rtm.short": (
        "Kommuner som trekkes ut fordi tallene er svake, ser ofte bedre ut neste gang uansett: noe av det svake "
        "var tilfeldigheter (regresjon mot gjennomsnittet)."
    ),
    "stat.rtm.long": (
        "Regresjon mot gjennomsnittet: kommuner velges fordi tallene deres er høye på risikopoeng. Noe av det "
        "skyldes tilfeldige forskjeller mellom elevkull, og de forsvinner neste gang. Derfor går andelen "
        "risikopoeng for uttrukne kommuner ned i neste vindu selv uten noen endring. I dataene her: kommunene "
        "som ble trukket ut for {first}, hadde {before} % av mulige risikopoeng; i neste vindu ({second}) hadde "
        "de {after} %, mens regresjonslinjen for alle kommuner forutsier {predicted} % av regresjon mot "
        "gjennomsnittet alene."
    ),
    "stat.rtm.line": (
        "Regresjon mot gjennomsnittet: uttrukne kommuner gikk fra {before} % til {after} % av mulige risikopoeng "
        "i neste vindu i disse dataene (forventet av regresjon mot gjennomsnittet alene: {predicted} %). Slik "
        "regresjon skjer også når ingenting endres i praksis, så en bedring etter uttrekket er ikke i seg selv et "
        "tegn på at tiltak virker."
    ),
    "stat.indicator_set.short": "Indikatorsett i modellen: {label}.",
    "stat.indicator_set.long": (
        "Indikatorsettet for uttrekket 2024 (ordningen 2025–2028): grunnskolepoeng; nasjonale prøver i lesing "
        "og regning på 5. og 8. trinn, andel på mestringsnivå 1; Elevundersøkelsen på 7. og 10. trinn, støtte "
        "fra lærer og motivasjon. Mobbing er ikke med (tidligere beskrivelser av ordningen nevnte mobbing), "
        "men kan slås på som et valg. Mobbing vises fortsatt på Oversikt som en indikator for samlingen."
    ),
    "stat.indicator_set.choice": "Indikatorsett",
    "uttrekk.boot.heading": "Hvor sikkert er uttrekket?",
    "uttrekk.boot.summary": (
        "Andelen risikopoeng kunne like gjerne vært mellom {lo} og {hi} % (95 %-intervall), og plassen mellom "
        "{rank_lo} og {rank_hi}. Kommunen ble trukket ut i {p} % av simuleringene."
    ),
    "uttrekk.boot.summary_unranked": "Kommunen har for få mulige risikopoeng til å bli rangert.",
    "uttrekk.boot.audit": (
        "Av kommunens {given} tall som ga risikopoeng, kunne {given_doubt} godt (minst 20 % sannsynlighet) "
        "ha gitt ingen poeng. Av de {not_given} tallene uten poeng kunne {not_doubt} godt ha gitt poeng."
    ),
    "uttrekk.boot.col.kommune": "Kommune",
    "uttrekk.boot.col.share": "Andel risikopoeng (%)",
    "uttrekk.boot.col.share_ci": "Andel, 95 %-intervall",
    "uttrekk.boot.col.rank": "Plass",
    "uttrekk.boot.col.rank_ci": "Plass, 95 %-intervall",
    "uttrekk.boot.col.p_drawn": "Sannsynlighet for uttrekk (%)",
    "uttrekk.boot.col.drawn": "Trukket ut i modellen",
    "uttrekk.boot.col.figure": "Tall",
    "uttrekk.boot.col.period": "Skoleår",
    "uttrekk.boot.col.value": "Verdi",
    "uttrekk.boot.col.points": "Risikopoeng",
    "uttrekk.boot.col.doubt": "Sannsynlighet for motsatt utfall (%)",
    "uttrekk.boot.audit_heading": "Poeng som kunne falt annerledes ut",
    "uttrekk.boot.all_caption": "Alle kommuner: andel, plass og sannsynlighet for uttrekk med usikkerhet.",
    "uttrekk.boot.computing": "Simulerer uttrekket …",
    # --- skoleportrett (issue 17) ----------------------------------------------------------------
    "nav.skoleportrett": "Skoleportrett",
    "portrett.title": "Skoleportrett: {school}",
    "portrett.intro": (
        "Én side om én skole, til skolelederen: skolens tall mot resten av kommunen, hvor sikre forskjellene er, "
        "hvor mye skolen betyr for forskjellene mellom skolene, og funnene og spørsmålene som er koblet til skolen. "
        "Små skoler får brede intervaller: et usikkert tall er ikke et dårlig tall."
    ),
    "portrett.choose_school": "Skole",
    "skoler.portrait_pick": "Skoleportrett for skolelederen",
    "skoler.portrait_link": "Åpne skoleportrettet",
    "portrett.no_schools": "Kommunen har ingen skoler med tall i datasettet.",
    "portrett.no_figures": "Skolen har ingen tall på indikatorene i uttrekket.",
    "portrett.figures_heading": "Skolens tall mot resten av kommunen",
    "portrett.figures_caption": (
        "Hver indikator slått sammen over de tre siste skoleårene ({window}). Intervallene er 95 % intervaller. "
        "Skolen regnes som forskjellig fra resten av kommunen bare når intervallet for forskjellen ikke "
        "inneholder null."
    ),
    "portrett.col.indicator": "Indikator",
    "portrett.col.school": "Skolen (95 % intervall)",
    "portrett.col.rest": "Resten av kommunen (95 % intervall)",
    "portrett.col.difference": "Forskjell (95 % intervall)",
    "portrett.col.certainty": "Hvor sikkert",
    "portrett.col.spread": "Andel av forskjellene mellom skolene",
    "portrett.col.class": "Vurdering",
    "portrett.verdict_group": "{sentence} Gjelder: {labels}.",
    "portrett.verdict_heading": "Hva vurderingene betyr",
    "portrett.certainty.sikker": "Sikker forskjell",
    "portrett.certainty.usikker": "Ikke sikker",
    "portrett.certainty.stor_usikkerhet": "Stor usikkerhet",
    "portrett.certainty.ingen_data": "Kan ikke vurderes",
    "portrett.verdict.suppressed": "Tallet er skjermet fordi for få elever står bak. Det sammenlignes ikke.",
    "portrett.verdict.ingen_data": "Tallet kan ikke sammenlignes med resten av kommunen ({reason}).",
    "portrett.verdict.usikker": (
        "Forskjellen er så liten at den kan skyldes tilfeldigheter i hvilke elever som gikk på skolen."
    ),
    "portrett.verdict.stor_usikkerhet": (
        "Det er for få elever bak tallet til å si noe sikkert. Forskjellen kan skyldes tilfeldigheter i hvilke "
        "elever som gikk på skolen."
    ),
    "portrett.verdict.svakere": (
        "Skolens tall er svakere enn resten av kommunen, og forskjellen er større enn tilfeldigheter alene gir. "
        "Tallene sier ikke hvorfor: elevgrunnlag, ressurser og kommunens rammer kan spille inn. Det er noe å "
        "undersøke sammen, ikke en dom over skolen."
    ),
    "portrett.verdict.bedre": (
        "Skolens tall er bedre enn resten av kommunen, og forskjellen er større enn tilfeldigheter alene gir. "
        "Det kan være noe de andre skolene kan lære av."
    ),
    "portrett.verdict.lavere": (
        "Skolens tall er lavere enn resten av kommunen, og forskjellen er større enn tilfeldigheter alene gir."
    ),
    "portrett.verdict.hoyere": (
        "Skolens tall er høyere enn resten av kommunen, og forskjellen er større enn tilfeldigheter alene gir."
    ),
    "portrett.summary": (
        "{school} har tall på {n} indikatorer. Sikker forskjell fra resten av kommunen: {sikker}. "
        "Ikke sikker forskjell: {usikker}. Kan ikke vurderes (skjermet eller ingen sammenligning): {ingen}."
    ),
    "portrett.spread_heading": "Skolens andel av forskjellene mellom skolene",
    "portrett.spread_sentence": (
        "På «{label}» står skolen for {share} % av forskjellene mellom skolene i kommunen "
        "(kommunens ICC: {icc} %)."
    ),
    "portrett.spread_none": "Skolens andel av forskjellene kan ikke regnes ut (skjermede tall eller for få skoler).",
    "portrett.spread_note": (
        "Andelen er skolens bidrag nᵢ(xᵢ − x̄)² til summen av kvadrerte avvik mellom skolene. En stor andel "
        "betyr at skolen skiller seg fra de andre, i den ene eller den andre retningen. Det sier ikke hvorfor, "
        "og det gjør ikke skolen ansvarlig for kommunens resultater."
    ),
    "portrett.findings_heading": "Funn koblet til skolen",
    "portrett.findings_none": "Ingen funn er koblet til skolen ennå.",
    "portrett.questions_heading": "Åpne spørsmål",
    "portrett.questions_none": "Ingen åpne spørsmål er registrert for skolen eller kommunen.",
    "portrett.more": "… og {n} til (se siden «Funn»).",
    "portrett.finding_line": "{kind}: {text}",
    "portrett.add_heading": "Legg til funn eller kommentar om skolen",
    "portrett.pdf_heading": "Én side til skolelederen (PDF)",
    "portrett.pdf_button": "Lag PDF",
    "portrett.pdf_download": "Last ned skoleportrettet (PDF)",
    "portrett.pdf_error": "PDF-en kunne ikke lages: {error}",
    "portrett.report_title": "Skoleportrett: {school}",
    "portrett.report_subtitle": "{kommune} kommune, {fylke}. Laget {date}.",
    "portrett.report_source": "Kilde: {source}. Tallene er slått sammen over {window}.",
    "portrett.report_figures": "Skolens tall",
    "portrett.report_reading": (
        "Les tallene med forsiktighet: små skoler har få elever, og da kan tilfeldigheter i hvilke elever som "
        "gikk på skolen gi store utslag. En forskjell regnes som sikker bare når 95 % intervallet for forskjellen "
        "ikke inneholder null."
    ),
    # --- felles forståelse: vurderingsøkt (issue 17) ---------------------------------------------
    "nav.felles": "Felles forståelse",
    "nav.vurdering": "Vurder utfordringene",
    "felles.title": "Felles forståelse: {kommune}",
    "felles.intro": (
        "I en samling vurderer hver deltaker hver kandidat-utfordring: **hvor viktig** den er og **hvor sikker** "
        "hen er på at den stemmer (1–5), fra egen mobil eller PC. Opprett en økt, vis koden på skjermen, og se "
        "hvor enige deltakerne og rollene er. Kandidat-utfordringene er kommunens funn av typen «Utfordring»."
    ),
    "felles.new_heading": "Ny vurderingsøkt",
    "felles.new_title": "Navn på økten",
    "felles.new_title_default": "Samling om utfordringsbildet",
    "felles.new_anonymous": "Anonyme vurderinger",
    "felles.new_anonymous_help": "Av: deltakerne skriver navnet sitt. På: bare rollen lagres.",
    "felles.new_button": "Opprett økt",
    "felles.created": "Økten er opprettet. Koden er {code}.",
    "felles.no_challenges": (
        "Kommunen har ingen funn av typen «Utfordring» ennå. Legg dem inn på siden «Funn» først; de blir "
        "kandidatene deltakerne vurderer."
    ),
    "felles.choose_session": "Økt",
    "felles.no_sessions": "Ingen vurderingsøkter ennå. Opprett en over.",
    "felles.session_label": "{title} ({code})",
    "felles.code_heading": "Kode for deltakerne",
    "felles.code_help": "Deltakerne åpner siden «{page}» og skriver koden, eller åpner lenken {link}.",
    "felles.anonymous_yes": "Anonym økt: bare rollen lagres.",
    "felles.anonymous_no": "Økt med navn: deltakerne skriver navnet sitt.",
    "felles.close": "Steng økten for nye vurderinger",
    "felles.open": "Åpne økten igjen",
    "felles.closed": "Økten er stengt.",
    "felles.refresh": "Oppdater resultatene",
    "felles.results_heading": "Resultater",
    "felles.participants": "{n} deltakere har gitt {m} vurderinger.",
    "felles.no_ratings": "Ingen vurderinger ennå.",
    "felles.heatmap_heading": "Hvor viktig, etter rolle",
    "felles.heatmap_title": "Gjennomsnittlig «hvor viktig» (1–5) per utfordring og rolle",
    "felles.heatmap_colorbar": "Hvor viktig",
    "felles.heatmap_hover": "{challenge}<br>{role}: {mean} (n = {n})",
    "felles.agreement_heading": "Enighet per utfordring",
    "felles.pairs_heading": "Hvem er enige?",
    "felles.role_a": "Rolle",
    "felles.role_b": "Mot rolle",
    "felles.pair_enige": "{a} og {b} er enige om: {items}.",
    "felles.pair_uenige": "{a} og {b} er uenige om: {items}.",
    "felles.pair_none_enige": "{a} og {b} er ikke enige om noen av utfordringene ennå.",
    "felles.pair_none_uenige": "{a} og {b} er ikke uenige om noen av utfordringene.",
    "felles.pair_unknown": "Ikke vurdert av begge rollene ennå: {items}.",
    "felles.col.challenge": "Utfordring",
    "felles.col.n": "Antall vurderinger",
    "felles.col.mean_importance": "Hvor viktig (snitt)",
    "felles.col.mean_certainty": "Hvor sikker (snitt)",
    "felles.col.sd": "Standardavvik",
    "felles.col.rwg": "Enighet r_wg (95 % intervall)",
    "felles.col.band": "Grad av enighet",
    "felles.band.svart_sterk": "Svært sterk",
    "felles.band.sterk": "Sterk",
    "felles.band.moderat": "Moderat",
    "felles.band.svak": "Svak",
    "felles.band.ingen": "Ingen enighet",
    "felles.band.ukjent": "For få vurderinger",
    "felles.method_heading": "Slik måles enigheten",
    "felles.method": (
        "Enigheten per utfordring er r_wg (James, Demaree og Wolf 1984): 1 minus variansen i vurderingene delt på "
        "variansen vi ville fått om deltakerne svarte helt tilfeldig over de fem verdiene ((5² − 1)/12 = 2). "
        "1 betyr at alle svarte likt; 0 at svarene spriker like mye som tilfeldige svar (negative verdier settes "
        "til 0). Intervallet er et 95 % bootstrap-intervall: deltakerne trekkes på nytt med tilbakelegging 2000 "
        "ganger. Med få deltakere er intervallet bredt og bare en grov pekepinn. Gradene følger LeBreton og "
        "Senter (2008): over 0,90 svært sterk, 0,71–0,90 sterk, 0,51–0,70 moderat, 0,31–0,50 svak. To roller "
        "regnes som enige når snittene deres på «hvor viktig» skiller seg med høyst ett skalapoeng, og som "
        "uenige ellers; det er en beskrivelse, ikke en statistisk test."
    ),
    "felles.role_plural.skoleeier": "skoleeier",
    "felles.role_plural.skoleleder": "skoleledere",
    "felles.role_plural.laerer": "lærere og tillitsvalgte",
    "felles.role_plural.veileder": "veiledere",
    "felles.role_plural.ppt": "PPT og barnehage",
    "felles.default_author": "Veileder",
    "felles.error": "Vurderingsøkten kunne ikke leses eller lagres. Feilen er logget.",
    "vurdering.title": "Vurder utfordringene",
    "vurdering.code": "Kode fra veilederen",
    "vurdering.code_help": "Seks tegn, for eksempel ABC234. Store eller små bokstaver går like fint.",
    "vurdering.open": "Åpne",
    "vurdering.ask_code": "Skriv koden du har fått av veilederen.",
    "vurdering.session": "Økt: {title}",
    "vurdering.anonymous": "Vurderingene dine er anonyme: bare rollen lagres.",
    "vurdering.named": "Denne økten er ikke anonym: skriv navnet ditt.",
    "vurdering.closed": "Økten er stengt for nye vurderinger.",
    "vurdering.role": "Rollen din",
    "vurdering.name": "Navnet ditt",
    "vurdering.importance": "Hvor viktig er denne utfordringen?",
    "vurdering.certainty": "Hvor sikker er du på at den stemmer?",
    "vurdering.scale_help": "1 = lite, 5 = svært.",
    "vurdering.save": "Lagre vurderingene",
    "vurdering.saved": "Takk! {n} er lagret. Du kan endre dem og lagre på nytt.",
    "vurdering.one": "vurdering",
    "vurdering.many": "vurderinger",
    "vurdering.none": "Økten har ingen utfordringer å vurdere ennå.",
    "vurdering.challenge": "Utfordring {i} av {n}",
    # --- Verdict sentences (present/verdicts.py) ------------------------------------------------
    "verdict.subject.kommune": "Kommunen",
    "verdict.subject.skole": "Skolen",
    "verdict.ref.nasjonalt": "landet",
    "verdict.ref.fylke": "fylket",
    "verdict.ref.rest": "resten av kommunen",
    "verdict.ref.peers": "de sammenlignbare kommunene",
    "verdict.below_worse": "{subject} ligger sikkert under {ref}.",
    "verdict.above_better": "{subject} ligger sikkert over {ref}.",
    "verdict.above_worse": "{subject} ligger sikkert over {ref}. Her er lavt best, så det er svakere.",
    "verdict.below_better": "{subject} ligger sikkert under {ref}. Her er lavt best, så det er bedre.",
    "verdict.lavere": "{subject} ligger sikkert under {ref}.",
    "verdict.hoyere": "{subject} ligger sikkert over {ref}.",
    "verdict.ikke_sikker": "Vi kan ikke si at {subject_lc} skiller seg fra {ref}.",
    "verdict.skjermet": "Tallet er skjermet fordi for få elever står bak, så vi kan ikke vurdere det.",
    "verdict.ingen_data": "Vi har ikke tall nok til å vurdere dette.",
    "verdict.label.svakere": "Sikkert svakere enn {ref}",
    "verdict.label.bedre": "Sikkert bedre enn {ref}",
    "verdict.label.ikke_sikker": "Ikke sikker forskjell",
    "verdict.label.lavere": "Sikkert lavere enn {ref}",
    "verdict.label.hoyere": "Sikkert høyere enn {ref}",
    "verdict.label.ingen_data": "Kan ikke vurderes",
    "verdict.summary": (
        "Av {total} indikatorer er {svakere} sikkert svakere og {bedre} sikkert bedre enn {ref}; "
        "for {usikker} kan vi ikke si at kommunen skiller seg fra {ref}, og {ingen} kan ikke vurderes."
    ),
    "verdict.summary_neutral": "I tillegg er {lavere} sikkert lavere og {hoyere} sikkert høyere enn {ref}.",
    "verdict.method_expander": "Slik er det regnet ut",
    # --- Spine chart (present/spine_chart.py) ---------------------------------------------------
    "spine.title": "Alle indikatorene på ett blikk ({window} samlet)",
    "spine.benchmark": "Sammenlign med",
    "oversikt.tab.chart": "Diagram",
    "spine.benchmark.nasjonalt": "Landet",
    "spine.benchmark.fylke": "Fylket",
    "spine.short.grunnskolepoeng": "Grunnskolepoeng",
    "spine.short.np_mestring_1": "Mestringsnivå 1",
    "spine.short.eu_stotte_larer": "Støtte fra lærer",
    "spine.short.eu_motivasjon": "Motivasjon",
    "spine.short.eu_mobbing": "Mobbing",
    "spine.worse_side": "◀ svakere",
    "spine.better_side": "bedre ▶",
    "spine.col.kommune": "Kommunen",
    "spine.col.n": "n",
    "spine.col.benchmark.nasjonalt": "Landet",
    "spine.col.benchmark.fylke": "Fylket",
    "spine.legend.range.nasjonalt": "Alle kommuner, laveste til høyeste",
    "spine.legend.range.fylke": "Kommunene i fylket, laveste til høyeste",
    "spine.legend.mid": "Midterste halvdel av kommunene",
    "spine.legend.benchmark.nasjonalt": "Landet (midtstreken)",
    "spine.legend.benchmark.fylke": "Fylket (midtstreken)",
    "spine.legend.second.nasjonalt": "Fylket",
    "spine.legend.second.fylke": "Landet",
    "spine.hover": "{label}<br>{value}<br>{sentence}",
    "spine.help": (
        "Én rad per indikator. Stolpen viser spennet mellom kommunene, med {ref} som midtstrek. "
        "Bedre er alltid til høyre, også der lavt er best (mestringsnivå 1 og mobbing). "
        "Fargen og formen på merket sier om kommunen sikkert skiller seg fra {ref}. "
        "«skjermet» betyr at for få elever står bak tallet."
    ),
    "spine.table_title": "Tabellvisning av diagrammet",
    "spine.col.indikator": "Indikator",
    "spine.col.verdi": "Kommunen",
    "spine.col.vurdering": "Vurdering",
    "spine.col.benchmark": "Sammenligningstall",
    "spine.col.range": "Kommunene (laveste–høyeste)",
    # --- Presenter (pages/presenter.py, present/presenter.py) ------------------------------------
    "nav.presenter": "Presenter",
    "presenter.prev": "◀ Forrige",
    "presenter.next": "Neste ▶",
    "presenter.step": "{step} av {total}",
    "presenter.exit": "Avslutt presentasjonen",
    "presenter.keys": "Piltastene ◀ ▶ blar. Trykk F11 for fullskjerm i nettleseren.",
    "presenter.link": "Lenke til denne skjermen",
    "presenter.demo": "Demodata: oppdiktede kommuner og tall.",
    "presenter.title.start": "Utfordringsbildet for {kommune}",
    "presenter.sentence.start": "Tallene for {window}, det vi har funnet, og det vi fortsatt lurer på.",
    "presenter.title.spine": "Alle indikatorene på ett blikk",
    "presenter.spine.some": "{svakere} av {total} indikatorer er sikkert svakere enn landet, og {bedre} er sikkert bedre.",
    "presenter.spine.none": "Vi kan ikke si at kommunen skiller seg fra landet på noen av indikatorene.",
    "presenter.title.indicator": "{label}",
    "presenter.values": "Kommunen {value}, landet {national}, fylket {fylke} (samlet over {window}).",
    "presenter.title.schools": "Skolene: {label}",
    "presenter.schools.one": "Kommunen har {schools} med tall, så skolene sammenlignes ikke med hverandre.",
    "presenter.schools.none": "Ingen skole skiller seg sikkert fra resten av kommunen.",
    "presenter.schools.worse": "{names} ligger sikkert svakere enn resten av kommunen.",
    "presenter.schools.better": "{names} ligger sikkert bedre enn resten av kommunen.",
    "presenter.school": "skole",
    "presenter.schools_word": "skoler",
    "presenter.and": "og",
    "presenter.title.styrker": "Styrker",
    "presenter.title.utfordringer": "Utfordringer",
    "presenter.title.questions": "Åpne spørsmål",
    "presenter.sentence.styrker": "Dette fungerer godt, ifølge funnene.",
    "presenter.sentence.utfordringer": "Dette må vi arbeide med, ifølge funnene.",
    "presenter.sentence.questions": "Dette vet vi ikke ennå.",
    "presenter.none.styrker": "Ingen styrker er registrert ennå.",
    "presenter.none.utfordringer": "Ingen utfordringer er registrert ennå.",
    "presenter.none.questions": "Ingen åpne spørsmål er registrert ennå.",
    "presenter.hypothesis": "Hypotese: {text}",
    "presenter.no_data": "Kommunen har ingen tall for uttrekksindikatorene.",
    # gjf
    "rep.felles.session": "Vurderingene er fra økten «{title}» ({state}, opprettet {date}).",
    "rep.felles.open": "fortsatt åpen",
    "rep.felles.closed": "avsluttet",
    "rep.felles.lead": "Enighet mellom rollene (forskjell i gjennomsnittlig «hvor viktig» på høyst ett poeng):",
    "ub.inc.agreement": "Felles forståelse (vurderingene)",
    "maal.export_csv": "Last ned målene som CSV for Excel",
    "rep.felles.no_pairs": "Rollene rapporten sammenligner (skoleledere og skoleeier, lærere og skoleledere) har ikke begge gitt vurderinger ennå.",
    "maal.skoleleder_scope": "Som skoleleder kan du sette og endre mål for din egen skole. Kommunens mål og de andre skolenes kan du lese.",
    # --- nn2: report and chart literals that were bokmål only ---------------------------------------
    "rep.short.grunnskolepoeng": "GSP",
    "rep.short.np_mestring_1": "Nivå 1",
    "rep.short.eu_stotte_larer": "Støtte lærer",
    "rep.short.eu_motivasjon": "Motivasjon",
    "rep.short.eu_mobbing": "Mobbing",
    "rep.kind_plural.styrke": "styrker",
    "rep.kind_plural.utfordring": "utfordringer",
    "rep.kind_plural.hypotese": "hypoteser",
    "rep.kind_plural.sporsmal": "spørsmål",
    "rep.kind_plural.tiltakside": "tiltaksideer",
    "rep.supporting": "Tallene: {parts}",
    "rep.supporting_part": "{indicator} {value} mot {national} i landet; {sentence}",
    "rep.chart.school_interval": "Skolen (95 % intervall)",
    "chart.school_share": "Skolens andel risikopoeng",
    "chart.kommune_share": "Kommunens andel",
    "chart.top_group_line": "Grense for de 25 % skolene i landet med høyest andel",
    "chart.share_axis": "Andel av mulige risikopoeng (%)",
    "rep.progress.image": "Lager bilde {done} av {total}",
    "rep.progress.charts": "Tegner grafene",
    "rep.progress.pdf": "Setter sammen PDF",
    "rep.progress.pdf_done": "PDF ferdig",
    "rep.progress.docx": "Setter sammen Word-dokument",
    "rep.progress.docx_done": "Word-dokument ferdig",
    "rep.progress.kommune": "Kommune {i} av {n}: {text}",
    "rep.progress.done": "Ferdig",
    "rep.batch_error": "{kid}: rapporten kunne ikke lages ({error}).",
    "rep.pdf_no_pango": "PDF kunne ikke lages: systembiblioteket Pango mangler (pakken libpango-1.0-0).",
    "rep.pdf_failed": "PDF kunne ikke lages. Detaljene står i loggen.",
    "rep.no_chromium": (
        "Fant ikke nettleseren Chromium, som trengs for å lage bilder av grafene. Installer pakken «chromium» eller "
        "sett BROWSER_PATH."
    ),
    "rep.images_failed": "Grafene kunne ikke gjøres om til bilder (kaleido/Chromium feilet). Detaljene står i loggen.",
    "rep.image_missing": "bildet mangler",
}

from present.strings_nn import NN  # noqa: E402  (the nynorsk half of the table; see the docstring)

LANGUAGES: dict[str, dict[str, str]] = {"nb": NB, "nn": NN}


def _phrases() -> list[tuple[str, str]]:
    from present.strings_nn_messages import NN_MESSAGES
    from present.strings_nn_phrases import NN_PHRASES

    pairs = {**NN_MESSAGES, **NN_PHRASES}
    for nb, nn in list(pairs.items()):  # the same phrase inside a sentence, with a small first letter
        if nb[:1].isupper() and nn[:1].isupper():
            pairs.setdefault(nb[0].lower() + nb[1:], nn[0].lower() + nn[1:])
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


_PHRASES: list[tuple[str, str]] | None = None


class Verbatim(str):
    """Text a user or a file wrote (a finding, a name, a title): ``t`` inserts it as it is, never translated."""


def verbatim(text: object) -> Verbatim:
    """Mark ``text`` as the user's own words for ``t(..., value=verbatim(text))``."""
    return Verbatim("" if text is None else str(text))


def tr(text: str) -> str:
    """A bokmål text from a lower layer (a method text, a verdict, a message) in the active language.

    Bokmål: unchanged. Nynorsk: a text in ``NN_EXACT`` as a whole, else the known phrases of
    ``present/strings_nn_phrases.py`` and ``present/strings_nn_messages.py`` replaced. ``Verbatim`` text
    (a user's own words) is never changed.
    """
    global _PHRASES
    if not isinstance(text, str) or isinstance(text, Verbatim) or len(text) < 4 or active_language() != "nn":
        return text
    from present.strings_nn_messages import NN_EXACT

    if text in NN_EXACT:
        return NN_EXACT[text]
    if _PHRASES is None:
        _PHRASES = _phrases()  # built once per process from constants; holds no session data
    for nb, nn in _PHRASES:
        if nb in text:
            text = text.replace(nb, nn)
    return text

# What a classification code (``analysis.compare.CLASSIFICATIONS``) was measured against; the labels are
# the ``class.*`` (the nation), ``skoler.class.*`` (the rest of the kommune), ``peers.class.*`` (the peer
# group) and ``skoler.spread_class.*`` (the other schools) keys of the one strings table above.
CLASSIFICATION_AGAINST = ("nasjonalt", "rest", "peers", "schools")


def t(key: str, **values: object) -> str:
    """The text for ``key`` in the active language, formatted with ``values``.

    Text values from lower layers (method texts, verdicts) are passed through ``tr`` in nynorsk.
    """
    lang = active_language()
    text = LANGUAGES.get(lang, NB).get(key) or NB.get(key)
    if text is None:
        raise KeyError(f"Missing UI string: {key}")
    if not values:
        return text
    if lang == "nn":  # lower-layer texts inserted as values read in nynorsk too (``Verbatim`` ones stay)
        values = {k: tr(v) if isinstance(v, str) else v for k, v in values.items()}
    return text.format(**values)


def missing_nn() -> list[str]:
    """Bokmål keys with no nynorsk text yet, in table order."""
    return [k for k in NB if not NN.get(k)]


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
