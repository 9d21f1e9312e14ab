"""Nynorsk half of the strings table (``present.strings``): the same keys as ``NB``, in nynorsk.

Indicator names and terms follow Udir's own nynorsk pages: «Grunnskulepoeng», «Nasjonale prøver»,
«Elevundersøkinga», «Støtte frå læraren», «meistringsnivå», «skule», «skuleår», «samanliknbare kommunar».
Keep the keys in the same order as ``NB``; ``scripts/missing_nn.py`` lists what is still missing.
"""

from __future__ import annotations

NN: dict[str, str] = {
    # --- app shell ---------------------------------------------------------------------------
    "app.title": "Utfordringsbilete",
    "app.subtitle": "Analyseverktøy for forfasen i oppfølgingsordninga",
    "app.kommune": "Kommune",
    "app.kommune_help": "Skriv namn eller kommunenummer for å søkje. Valet følgjer med i lenkja (URL).",
    # --- app.* -------------------------------------------------------------------------------------
    "app.kommune_official": "Fullt offisielt namn: {name}.",
    "app.banner_demo": (
        "**Demodata.** Alle kommunar, skular og tal her er oppdikta og laga ved simulering av enkeltelevar. "
        "Dei liknar ekte data i storleik og usikkerheit, men handlar ikkje om nokon verkeleg kommune. "
        "Ekte tal blir lagde inn på sida «Data»."
    ),
    "app.banner_mixed": (
        "**Demodata og importerte data.** Oppdikta demokommunar blir viste saman med importerte tal ({sources})."
    ),
    "app.banner_real": "**Datakjelde:** {label} ({sources}).",
    "app.error": "Noko gjekk gale på denne sida. Feilen er logga. Prøv igjen, eller vel ein annan kommune.",
    "app.no_kommuner": "Datasettet har ingen kommunar enno. Last inn data på sida «Data».",
    "app.language": "Målform",
    "app.language.nb": "Bokmål",
    "app.language.nn": "Nynorsk",
    "nav.oversikt": "Oversikt",
    "nav.section.tall": "Tala",
    "nav.section.funn": "Funn og utfordringsbilete",
    "nav.section.data": "Data",
    "nav.uttrekk": "Kvifor er vi trekte ut?",
    "nav.funn": "Funn",
    "nav.sjekkliste": "Sjekkliste for forfasen",
    "nav.utfordringsbilde": "Utfordringsbilete og rapport",
    "nav.statsforvalter": "Statsforvaltar: fleire kommunar",
    "nav.data": "Data",
    # --- Streamlit's and Plotly's own UI texts, replaced in the browser (ui/browser_text.py) ---
    "browser.skip": "Hopp til hovudinnhaldet",
    "browser.choose_one": "Vel eit alternativ",
    "browser.choose_many": "Vel alternativ",
    "browser.choose_add_one": "Vel eller legg til eit alternativ",
    "browser.choose_add_many": "Vel eller legg til alternativ",
    "browser.add_one": "Legg til eit alternativ",
    "browser.add_many": "Legg til alternativ",
    "browser.no_options": "Ingen alternativ å velje",
    "browser.no_results": "Ingen treff",
    "browser.select_all": "Vel alle",
    "browser.clear_all": "Fjern alle",
    "browser.clear": "Tøm",
    "browser.download_csv": "Last ned som CSV",
    "browser.search": "Søk",
    "browser.fullscreen": "Fullskjerm",
    "browser.close_fullscreen": "Lukk fullskjerm",
    "browser.columns": "Vis eller skjul kolonnar",
    "browser.collapse_sidebar": "Skjul sidepanelet",
    "browser.expand_sidebar": "Vis sidepanelet",
    "browser.sidebar": "Sidepanel",
    "browser.app_pages": "Sidene i appen",
    "browser.view_less": "Vis færre",
    "browser.view_more": "Vis {x} til",
    "browser.help": "Hjelp",
    "browser.help_for": "Hjelp: {x}",
    "browser.link_heading": "Lenkje til overskrifta",
    "browser.open": "Opne",
    "browser.close": "Lukk",
    "browser.running": "Arbeider …",
    "browser.stop": "Stopp",
    "browser.rerun": "Køyr på nytt",
    "browser.connecting": "Koplar til",
    "browser.enter_apply": "Trykk Enter for å bruke",
    "browser.enter_submit": "Trykk Enter for å sende skjemaet",
    "browser.ctrl_enter_apply": "Trykk Ctrl+Enter for å bruke",
    "browser.ctrl_enter_submit": "Trykk Ctrl+Enter for å sende skjemaet",
    "browser.drop_one": "Dra og slepp ei fil her",
    "browser.drop_many": "Dra og slepp filer her",
    "browser.upload": "Last opp",
    "browser.add_files": "Legg til filer",
    "browser.file_input": "Vel filer",
    "browser.remove_file": "Fjern fila",
    "browser.delete": "Slett",
    "browser.choose_date": "Vel dato",
    "browser.plot_png": "Last ned figuren som PNG",
    "browser.autoscale": "Tilpass aksane",
    "browser.reset_axes": "Tilbakestill aksane",
    "browser.zoom": "Forstørr",
    "browser.zoom_in": "Forstørr",
    "browser.zoom_out": "Forminsk",
    "browser.pan": "Flytt",
    "browser.box_select": "Vel med rektangel",
    "browser.lasso_select": "Vel med lasso",
    "browser.show_data": "Vis tabellen",
    "browser.show_chart": "Vis figuren",
    "browser.page_not_found": "Sida finst ikkje",
    "browser.page_not_found_text": "Sida finst ikkje. Oversikt blir vist i staden.",
    "browser.page_not_found_named": "Sida /{x} finst ikkje. Oversikt blir vist i staden.",
    "browser.per_file": "Høgst {x} per fil",
    "browser.file_too_big": "Fila må vere {x} eller mindre.",
    "browser.file_type": "Filer av typen {x} er ikkje tillatne.",
    # --- shared chart/table texts ------------------------------------------------------------
    "common.kommune": "Kommune",
    "common.fylke": "Fylke",
    "common.nasjonalt": "Nasjonalt",
    "common.skole": "Skule",
    "common.skoleaar": "Skuleår",
    "common.indikator": "Indikator",
    "common.verdi": "Verdi",
    "common.n": "Talet på elevar (n)",
    "common.interval": "95 % intervall",
    "common.method": "Metode",
    "common.suppressed": "skjerma",
    "chart.kommune_ci": "Kommunen (95 % intervall)",
    "chart.fylke": "Fylket",
    "chart.suppressed_few": "Skjerma (for få elevar)",
    "chart.alt": "Figur: {title}. Viser {series}. Tala står i tabellen ved figuren.",
    "chart.alt_untitled": "utan tittel",
    "chart.alt_no_series": "éin dataserie",
    "chart.alt_more": " og {n} til",
    "chart.interactive": "Utforsk diagrammet (zoom og detaljar)",
    "chart.interactive_help": "Diagrammet blir vist som eit bilete som lastar raskt. Hald musepeikaren over eit "
                              "merke for å sjå talet. Slå på for å zoome og få detaljboksar.",
    "common.no_data": "ingen data",
    "common.missing": "skjerma eller ingen data",
    "common.n_unknown": "n ukjend",
    "common.table_view": "Tabellvising",
    "common.source_line": "Kjelde: {source}. Uttrekk laga {date}.",
    "common.download_csv": "Last ned CSV",
    "common.download_csv_excel": "Last ned CSV for norsk Excel",
    "common.download_csv_help": "Vanleg CSV: komma mellom felta og punktum som desimalteikn. CSV for norsk Excel: semikolon mellom felta og desimalkomma.",
    "common.download_xlsx": "Last ned Excel",
    "common.large_uncertainty": "stor usikkerheit",
    "class.svakere": "Svakare enn nasjonalt",
    "class.bedre": "Betre enn nasjonalt",
    "class.ikke_sikker": "Ikkje sikker skilnad",
    "class.lavere": "Lågare enn nasjonalt",
    "class.hoyere": "Høgare enn nasjonalt",
    "class.ingen_data": "Kan ikkje vurderast",
    # --- Oversikt ----------------------------------------------------------------------------
    "oversikt.title": "Oversikt: {kommune}",
    "oversikt.intro": (
        "Indikatorane som blir brukte i uttrekket til oppfølgingsordninga, for dei tre siste skuleåra "
        "({window}). Kvart tal har eit 95 % konfidensintervall. «Svakare» eller «betre» enn nasjonalt "
        "står berre der intervallet ikkje dekkjer det nasjonale talet; elles står det «ikkje sikker skilnad»."
    ),
    "oversikt.pooled_title": "Skuleåra samla – {window}",
    "oversikt.pooled_help": (
        "Elevane frå dei tre åra er slått saman til eitt tal. Det gir eit stødigare overslag enn kvart år for seg, "
        "særleg i små kommunar."
    ),
    "oversikt.yearly_title": "År for år",
    "oversikt.chart_title": "Kommunen mot fylket og landet, med 95 % intervall",
    "oversikt.methods": "Metodar: {methods}.",
    "oversikt.col.kommune": "Kommunen",
    "oversikt.col.kommune_ci": "Kommunen, 95 % intervall",
    "oversikt.col.fylke": "Fylket",
    "oversikt.col.nasjonalt": "Nasjonalt",
    "oversikt.col.vurdering": "Vurdering mot nasjonalt",
    "oversikt.col.direction": "Best er",
    "oversikt.higher_better": "høgt",
    "oversikt.lower_better": "lågt",
    "oversikt.summary": "Samla for tre år: {svakere} svakare, {bedre} betre og {usikker} utan sikker skilnad frå landet ({ingen} kan ikkje vurderast).",
    "oversikt.findings_title": "Funn knytte til indikatorane",
    "oversikt.findings_pick": "Vis og legg til funn for",
    "oversikt.suppressed_note": "«skjerma» tyder at talet ikkje er offentleg fordi for få elevar står bak (under {min_n}).",
    # --- exploration pages (utvikling, skoler, sammenlignbare) and shared download texts -----
    "common.method_line": "Metode for intervalla: {method}.",
    "common.choose": "Vel …",
    "kjonn.alle": "Alle",
    "kjonn.jenter": "Jenter",
    "kjonn.gutter": "Gutar",
    "nav.utvikling": "Utvikling over tid",
    "nav.skoler": "Skular",
    "nav.sammenlignbare": "Samanliknbare kommunar",
    "utv.title": "Utvikling over tid: {kommune}",
    "utv.intro": (
        "Vel indikator, trinn og fag. Linjene viser kommunen, fylket, landet og dei samanliknbare kommunane "
        "skuleår for skuleår. Det farga bandet rundt linja til kommunen er eit 95 % intervall: så mykje kan talet "
        "variere berre fordi det er få elevar. Skjerma år blir viste som hol i linja med eit kryss nedst, aldri som null."
    ),
    "utv.no_data": "Det finst ingen tal for denne kommunen i datasettet.",
    "utv.no_kommune_data": "Kommunen har ingen tal for {label}.",
    "utv.subject": "Fag",
    "utv.no_subject": "(ingen fag)",
    "utv.trinn": "Trinn",
    "utv.kjonn": "Kjønn",
    "utv.schools": "Skular i kommunen som eigne linjer",
    "utv.schools_placeholder": "Vel skular …",
    "utv.schools_help": "Vel ein eller fleire skular for å sjå dei ved sida av kommunen. Små skular har breie intervall.",
    "utv.peers_expander": "Samanliknbare kommunar",
    "utv.peers_series": "Samanliknbare kommunar",
    "utv.peers_count": "{count} av {total} kommunar med publiserte tal",
    "utv.peers_list": "Med i samanlikninga: {names}.",
    "utv.peers_link": "Vel samanliknbare kommunar og sjå kor like dei er",
    "utv.pooled_title": "Tre år samla ({window})",
    "utv.pooled_help": "Elevane frå åra {years} slått saman: {n} elevar. Talet i parentes er eit 95 % intervall.",
    "utv.pooled_caption": (
        "Tre år samla gir eit stødigare tal enn kvart år for seg, fordi fleire elevar står bak. "
        "Det er òg slik uttrekket til oppfølgingsordninga ser på resultata."
    ),
    "utv.pooled_line": "Kommunen, tre år samla",
    "utv.trend_line": (
        "**Utvikling {first}–{last}:** {verdict}. Endring per år: {slope} {unit} (95 % intervall {lower} til {upper})."
    ),
    "utv.trend_none": "**Utvikling:** {verdict} ({n} år med publiserte tal).",
    "utv.merged_note": (
        "Kommunen er slått saman av fleire tidlegare kommunar. For åra før samanslåinga er tala for "
        "dei gamle kommunenummera ({parts}) rekna saman, vekta med talet på elevar."
    ),
    "utv.chart_title": "{label}",
    "utv.suppressed_caption": (
        "Kryss nedst i figuren: talet er skjerma (færre enn {min_n} elevar) og blir ikkje vist. "
        "Hol i linja tyder at talet manglar eller er skjerma."
    ),
    "utv.col.series": "Linje",
    "utv.col.lower": "Nedre grense (95 %)",
    "utv.col.upper": "Øvre grense (95 %)",
    "utv.col.note": "Merknad",
    "utv.note_suppressed": "skjerma (færre enn {min_n} elevar)",
    "utv.note_combined": "rekna saman frå tidlegare kommunenummer {parts}",
    "peers.method": "Korleis blir samanliknbare kommunar valde?",
    "peers.method.knn": "Nærmaste naboar på kontekst",
    "peers.method.kostra": "KOSTRA-gruppe",
    "peers.none": "Ingen samanliknbare kommunar er valde.",
    # --- peers.* -----------------------------------------------------------------------------------
    "peers.context_missing": (
        "For {kommune} manglar desse kontekstvariablane: {missing}. Valet av samanliknbare kommunar byggjer difor "
        "berre på {basis} ({source}). Importer ein SSB-tabell i JSON-stat2 for å ta med fleire."
    ),
    "peers.context_nothing": "ingen kontekstvariablar",
    "peers.method_help": (
        "KOSTRA-gruppe: kommunar som SSB grupperer saman etter folketal og økonomi. Nærmaste naboar: "
        "kommunane som liknar mest på dei valde kontekstvariablane (folketal, utdanningsnivå, uføretrygd, barnevern)."
    ),
    "peers.features": "Kontekstvariablar",
    "peers.features_help": "Kva kjenneteikn ved kommunen som skal avgjere kven som liknar. Kvar variabel tel like mykje.",
    "peers.k": "Talet på samanliknbare kommunar",
    "peers.k_help": "Gjeld berre «nærmaste naboar». KOSTRA-gruppa har så mange medlemer som ho har.",
    "peers.title": "Samanliknbare kommunar: {kommune}",
    "peers.intro": (
        "«Samanlikna med kven?» Her ser de kva kommunar som liknar på dykkar, korleis kommunen står seg mot dei "
        "på indikatorane i uttrekket, og kva resultat rammevilkåra (konteksten) til kommunen skulle tilseie."
    ),
    "peers.who_heading": "Kven er dei samanliknbare kommunane?",
    "peers.who_intro.knn": "Dei {n} kommunane som liknar mest på kommunen når det gjeld {features}.",
    "peers.who_intro.kostra": "Dei {n} andre kommunane i same KOSTRA-gruppe, sorterte etter kor like dei er på {features}.",
    "peers.who_title": "Kor like er dei {kommune}?",
    "peers.distance": "Avstand",
    "peers.distance_axis": "Avstand på kontekst (0 = heilt lik)",
    "peers.method_text": (
        "Avstand: kvar kontekstvariabel ({features}) er standardisert (gjennomsnitt 0, standardavvik 1 over alle "
        "kommunar; folketal på logaritmisk skala), og avstanden er den vanlege (euklidske) avstanden mellom "
        "kommunane. Små tal tyder at kommunane er like."
    ),
    "peers.col.rank": "Nr.",
    "peers.col.kommune": "Kommunen",
    "peers.col.group": "Samanliknbare samla",
    "peers.col.group_interval": "Samanliknbare, 95 % intervall",
    "peers.col.range": "Lågaste–høgaste samanliknbare",
    "peers.col.published": "Kommunar med tal",
    "peers.col.class": "Kommunen mot dei samanliknbare",
    "peers.class.svakere": "Svakare enn dei samanliknbare",
    "peers.class.bedre": "Betre enn dei samanliknbare",
    "peers.class.ikke_sikker": "Ikkje sikker skilnad",
    "peers.class.lavere": "Lågare enn dei samanliknbare",
    "peers.class.hoyere": "Høgare enn dei samanliknbare",
    "peers.class.ingen_data": "Kan ikkje vurderast",
    "peers.compare_heading": "Kommunen mot dei samanliknbare kommunane ({window})",
    "peers.compare_none": "Det finst ingen tal å samanlikne for denne kommunen.",
    "peers.compare_summary": (
        "Av {total} indikatorar er kommunen sikkert svakare enn dei samanliknbare på {svakere}, sikkert betre på "
        "{bedre}, og utan sikker skilnad på {usikker}; {ingen} kan ikkje vurderast (skjerma eller utan tal)."
    ),
    # --- peers.* -----------------------------------------------------------------------------------
    "peers.tab.compare": "Kommunen mot dei samanliknbare",
    "peers.tab.who": "Kven er dei samanliknbare?",
    "peers.tab.expected": "Forventa ut frå konteksten",
    "peers.message_heading": "Hovudbiletet",
    "peers.compare_title": "{kommune} mot samanliknbare kommunar, {window}",
    "peers.compare_method": (
        "Dei samanliknbare kommunane er slått saman til eitt tal frå alle elevane bak dei publiserte tala deira "
        "(skjerma tal er utelatne). Svakare/betre berre når intervallet for skilnaden ikkje dekkjer 0 (MOVER-metoden)."
    ),
    "peers.row_peers": "Samanliknbare",
    "peers.each_peer": "Kvar samanliknbar kommune",
    "peers.group": "Samanliknbare samla",
    "peers.ev_heading": "Kva skulle rammevilkåra tilseie?",
    "peers.ev_intro": (
        "Ein regresjon over alle kommunar viser kva resultat kommunar med same kontekst pleier å ha. "
        "Ligg det eigne talet til kommunen under prediksjonsintervallet, er resultatet lågare enn rammevilkåra åleine "
        "forklarer. Det seier ikkje kvifor: det er eit spørsmål å ta med inn i arbeidet med utfordringsbiletet."
    ),
    "peers.ev_observed": "Resultatet til kommunen",
    "peers.ev_expected": "Forventa ut frå kontekst",
    "peers.ev_expected_short": "forventa",
    "peers.ev_pi": "95 % prediksjonsintervall",
    "peers.ev_verdict.lavere": "Resultatet er lågare enn konteksten til kommunen tilseier.",
    "peers.ev_verdict.hoyere": "Resultatet er høgare enn konteksten til kommunen tilseier.",
    "peers.ev_verdict.som_forventet": "Resultatet er innanfor det konteksten til kommunen tilseier (ingen sikker skilnad).",
    "peers.ev_verdict.ingen_data": "Talet til kommunen er skjerma eller manglar, så det kan ikkje samanliknast.",
    "peers.ev_better": "For denne indikatoren er det bra.",
    "peers.ev_worse": "For denne indikatoren er det svakt.",
    "peers.ev_title": "Faktisk mot forventa ut frå kontekst: {label}, {window}",
    "peers.ev_identity": "Faktisk = forventa",
    "peers.ev_others": "Andre kommunar",
    "peers.ev_x": "Forventa ut frå kontekst",
    "peers.ev_y": "Faktisk resultat",
    "peers.ev_r2": "Konteksten forklarer {r2} av variasjonen mellom kommunane (R²), {n} kommunar.",
    "peers.ev_note_self": "kommunen sjølv; 95 % prediksjonsintervall {lo}–{hi}",
    # --- coverage.*, reform.*, window.* ------------------------------------------------------------
    "coverage.export.grunnskolepoeng": (
        "Statistikkbanken til Udir, «Grunnskulepoeng», alle einingar, med «Talet på elevar» (Eksporter → CSV)."
    ),
    "coverage.export.np_mestring_5": (
        "Statistikkbanken til Udir, «Nasjonale prøver 5. trinn», vis «Meistringsnivåfordeling» (del per "
        "meistringsnivå) med «Talet på elevar som deltok»."
    ),
    "coverage.export.np_mestring_8": (
        "Statistikkbanken til Udir, «Nasjonale prøver ungdomstrinn», 8. trinn, vis «Meistringsnivåfordeling» med "
        "«Talet på elevar som deltok»."
    ),
    "coverage.export.eu_index": (
        "Statistikkbanken til Udir, «Elevundersøkinga – indikatorar», 7. og 10. trinn (eller eksport-API-et til Udir,"
        " tabell 148 EUG-Indikator, lagra som JSON)."
    ),
    "coverage.export.eu_mobbing": (
        "Statistikkbanken til Udir, «Elevundersøkinga – mobbing», 7. og 10. trinn (eller eksport-API-et til Udir, "
        "tabell 150 EUG-Mobbing, lagra som JSON)."
    ),
    "coverage.heading": "Kva dataa dekkjer",
    "coverage.present": "{label}: tal for {years}.",
    "coverage.stand_in": "{label} manglar (viser {stand_in}, {years}, i staden). Kan hentast frå: {hint}",
    "coverage.missing": "{label} manglar. Kan hentast frå: {hint}",
    "coverage.summary": "Dataa har {present} av {total} uttrekksindikatorar for {kommune}.",
    "coverage.saved": (
        "Importen gjer dette mogleg: {kommuner} kommunar og {skoler} skular, skuleåra {years}; {present} av {total} "
        "uttrekksindikatorar finst for minst éin kommune. {pages}"
    ),
    "coverage.saved_pages_full": "Sjå Oversikt og «Kvifor er vi trekte ut?».",
    "coverage.saved_pages_partial": (
        "Utvikling og Skular viser alt som er importert; Oversikt og «Kvifor er vi trekte ut?» viser det som finst, "
        "og seier kva eksport som manglar."
    ),
    "reform.merger": "Slått saman {year} ({names})",
    "reform.split": "Delt {year} (frå {names})",
    "reform.split_break": (
        "{kommune} vart oppretta ved delinga av {old} ({number}) og har eigne kommunetal frå {period}. Kommunetal frå"
        " før gjeld heile {old} og er ikkje lagde inn her (dei kan ikkje delast på dei nye kommunane); skulane blir "
        "følgde med organisasjonsnummer."
    ),
    "reform.renumbered": (
        "Tala til og med {last} er publiserte under kommunenummer {numbers} (før kommunereforma) og er lagde inn "
        "under {kommune}."
    ),
    "window.and": "og",
    "window.none": "ingen publiserte tal i {window}",
    "window.partial": "{used} av {total} år: {years}; {why}",
    "window.reason.no_data": "ingen tal i dataa",
    "window.reason.suppressed": "skjerma",
    "window.reason.no_figure": "ikkje publisert for eininga",
    "window.end": "Siste skuleår",
    "window.end_help": "Perioden sluttar med dette skuleåret.",
    "window.years": "Talet på år samla",
    "window.years_n": "{n} år",
    "skoler.title": "Skular: {kommune}",
    "skoler.intro": (
        "Kvar skule i kommunen for éin indikator, med elevane frå dei valde åra slått saman. Streken rundt kvart punkt "
        "er eit 95 % intervall. Ein skule blir kalla svakare eller betre enn resten av kommunen berre når intervallet for "
        "skilnaden ikkje dekkjer null. Små skular har breie intervall og opne sirklar: talet er usikkert, ikkje dårleg."
    ),
    "skoler.no_schools": "Kommunen har ingen skular med tal for {label}.",
    "skoler.summary": (
        "**{schools}** ({window}): {svakere} svakare enn resten av kommunen, {bedre} betre, {usikker} utan sikker "
        "skilnad, {skjermet} skjerma og {ingen} som ikkje kan vurderast."
    ),
    "skoler.summary_neutral": (
        "**{schools}** ({window}): {lavere} lågare enn resten av kommunen, {hoyere} høgare, {usikker} utan sikker "
        "skilnad, {skjermet} skjerma og {ingen} som ikkje kan vurderast."
    ),
    "skoler.chart_heading": "Skulane mot resten av kommunen",
    "skoler.chart_title": "{label}, {window}",
    "skoler.rest": "Resten av kommunen",
    "skoler.rest_marker": "Resten av kommunen (utan skulen)",
    "skoler.suppressed_marker": "Skjerma",
    "skoler.suppressed_hover": "skjerma (færre enn {min_n} elevar)",
    "skoler.class.svakere": "Svakare enn resten av kommunen",
    "skoler.class.bedre": "Betre enn resten av kommunen",
    "skoler.class.ikke_sikker": "Ikkje sikker skilnad",
    "skoler.class.lavere": "Lågare enn resten av kommunen",
    "skoler.class.hoyere": "Høgare enn resten av kommunen",
    "skoler.class.ingen_data": "Kan ikkje vurderast",
    "skoler.compare_method": (
        "Skulen blir samanlikna med resten av kommunen (elevane i kommunen utan elevane på skulen), år for år rekna ut "
        "frå publiserte tal og så slått saman; intervallet for skilnaden tek med usikkerheita i begge (MOVER-metoden)."
    ),
    "skoler.reading_help": (
        "Slik les du figuren: punktet er talet til skulen, streken er 95 % intervall, den loddrette streken i same rad er "
        "resten av kommunen. Open sirkel = stor usikkerheit (få elevar). Kryss = skjerma (færre enn {min_n} elevar)."
    ),
    "skoler.col.estimate": "Talet til skulen",
    "skoler.col.rest": "Resten av kommunen",
    "skoler.col.rest_interval": "Resten, 95 % intervall",
    "skoler.col.difference": "Skilnad",
    "skoler.col.class": "Vurdering",
    "skoler.col.kommune": "Kommunenr.",
    "skoler.col.mine": "I kommunen",
    "skoler.col.funnel_position": "Plass i trakta",
    "skoler.yes": "ja",
    "skoler.note_years": "berre år med publiserte tal: {used}",
    "skoler.note_rest": "resten av kommunen: {reason}",
    "skoler.funnel_heading": "Traktdiagram: alle skular i fylket eller landet",
    "skoler.funnel_area": "Samanlikn med skulane i",
    "skoler.funnel_area.fylke": "fylket",
    "skoler.funnel_area.landet": "heile landet",
    "skoler.funnel_overdispersion": "Ta omsyn til ekte skilnader mellom skular (overspreiing)",
    "skoler.funnel_overdispersion_help": (
        "Skular er ulike òg utover tilfeldigheiter. Med dette valet blir traktgrensene breiare, slik at berre "
        "skular som skil seg ut òg når det er teke omsyn til det, hamnar utanfor."
    ),
    "skoler.funnel_title": "{label}: skulane i {area}, {window}",
    "skoler.funnel_limit": "Kontrollgrense {level}",
    "skoler.funnel_other": "Andre skular",
    "skoler.funnel_mine": "Skulane i kommunen",
    "skoler.funnel_benchmark": "Snitt {value}",
    "skoler.funnel_x": "Talet på elevar (logaritmisk akse)",
    "skoler.funnel_help": (
        "Kvart punkt er éin skule; di fleire elevar, di smalare trakt. Ein liten skule langt frå snittet kan framleis "
        "vere innanfor trakta. {n_supp} skjerma skular er ikkje med i figuren, men står i tabellen."
    ),
    "skoler.spread_heading": "Skilnader mellom skulane i kommunen",
    "skoler.spread_none": "For få skular med publiserte tal til å rekne ut spreiinga mellom skulane.",
    # --- skoler.* ----------------------------------------------------------------------------------
    "skoler.spread_test": "Test av at skulane er like: p = {p}.",
    "skoler.spread_summary": (
        "**{icc} %** av variasjonen mellom elevane ligg mellom skulane ({window}). Det svarar til eit standardavvik "
        "mellom skulane på {sd} {unit}. {n} skular med tal, {supp} skjerma (ikkje med)."
    ),
    "skoler.spread_top": "Skulen som bidreg mest til skilnadene, er **{school}** ({share} % av skilnadene mellom skulane).",
    "skoler.spread_title": "Kva skular står for skilnadene? {label}, {window}",
    "skoler.spread_school": "Skulen",
    "skoler.spread_others": "Dei andre skulane",
    "skoler.spread_share": "Del av skilnadene (%)",
    "skoler.spread_share_axis": "Del av skilnadene mellom skulane (%)",
    "skoler.spread_diff_interval": "Skilnad, 95 % intervall",
    "skoler.spread_drivers_method": (
        "Bidrag: kvar skule sin del av kvadratsummen mellom skulane, n·(talet til skulen − snittet i kommunen)². "
        "Skilnad frå dei andre skulane med Welch-intervall (gjennomsnitt) eller Newcombe-intervall (delar)."
    ),
    "skoler.spread_class.svakere": "Svakare enn dei andre skulane",
    "skoler.spread_class.bedre": "Betre enn dei andre skulane",
    "skoler.spread_class.ikke_sikker": "Ikkje sikker skilnad",
    "skoler.spread_class.lavere": "Lågare enn dei andre skulane",
    "skoler.spread_class.hoyere": "Høgare enn dei andre skulane",
    "skoler.spread_class.ingen_data": "Kan ikkje vurderast",
    "skoler.funnel_od_values": "Anslått her: φ = {phi}, τ = {tau}.",
    "skoler.funnel_pos.inside": "innanfor trakta",
    "skoler.funnel_pos.svakere_95": "svakare (utanfor 95 %)",
    "skoler.funnel_pos.svakere_998": "svakare (utanfor 99,8 %)",
    "skoler.funnel_pos.bedre_95": "betre (utanfor 95 %)",
    "skoler.funnel_pos.bedre_998": "betre (utanfor 99,8 %)",
    "skoler.funnel_pos.hoyere_95": "høgare (utanfor 95 %)",
    "skoler.funnel_pos.hoyere_998": "høgare (utanfor 99,8 %)",
    "skoler.funnel_pos.lavere_95": "lågare (utanfor 95 %)",
    "skoler.funnel_pos.lavere_998": "lågare (utanfor 99,8 %)",
    # --- Data (pages/data.py) ----------------------------------------------------------------
    "data.title": "Data",
    "data.intro": (
        "Her legg du inn ekte tal slik dei blir lasta ned, utan å redigere dei i Excel først: "
        "Skoleporten-nedlastingar (CSV), eksportar frå statistikkbanken til Udir (CSV eller Excel) og SSB-tabellar "
        "i JSON-stat2 (folketal, utdanningsnivå, uføretrygd, barnevern, KOSTRA-gruppe)."
    ),
    "data.now": "**Data som blir viste no:** {label}",
    "data.now_sources": "Importerte filer: {sources}",
    "data.uploader": "Last opp éi eller fleire filer",
    "data.uploader_help": "CSV, TSV/TXT, XLSX eller JSON. Største filstorleik: {mb} MB per fil.",
    "data.limit": "Største filstorleik er **{mb} MB per fil**. Større eksportar kan delast opp, til dømes per skuleår.",
    "data.kommune_head": "Kommune for filer med berre skulenamn (Skoleporten)",
    "data.kommune_help": (
        "Nedlastinga frå Skoleporten har skulenamn, men ikkje skule- eller kommunenummer. Oppgi kommunen fila gjeld, "
        "så blir skulane knytte til han (og til skular med same namn som alt finst i kommunen). Utan kommune blir "
        "skulane lagde under 9999 «Uoppgitt kommune»."
    ),
    "data.kommune_id": "Kommunenummer (fire siffer)",
    "data.kommune_name": "Kommunenamn",
    "data.kommune_bad": "Kommunenummeret må ha fire siffer (til dømes 1103). Feltet er ignorert.",
    "data.check": "Les og kontroller filene",
    "data.reading": "Les filene …",
    "data.too_big": "«{name}» er {size} MB. Grensa er {mb} MB per fil. Del opp eksporten og last opp delane.",
    "data.failed": "Importen stoppa. Ingenting er endra i dataa som blir viste.",
    "data.report_head": "Kontrollrapport",
    "data.file": "Fil: {name}",
    "data.format": "Format: {fmt} · teiknkoding: {enc} · skiljeteikn/ark: {sep}",
    "data.rows_read": "Linjer lesne",
    "data.rows_mapped": "Tal importerte",
    "data.rows_skipped": "Hoppa over",
    "data.duplicates": "Duplikat fjerna",
    "data.n_unknown": (
        "{count} tal har ikkje talet på elevar i fila (**n ukjend**). Dei blir viste, men utan usikkerheitsintervall, "
        "fordi intervallet krev talet på elevar."
    ),
    "data.markers": "Markørar funne",
    "data.skipped": "Rader hoppa over, med årsak",
    "data.unknown": "Ukjende einingar, indikatorar eller verdiar",
    "data.notes": "Merknader",
    "data.mapped": "Tal per indikator, nivå og skuleår",
    "data.preview": "Førehandsvising (dei første 50 radene)",
    "data.mode": "Korleis skal tala brukast?",
    "data.mode_add": "Legg til demodataa (demo og ekte tal side om side)",
    "data.mode_replace": "Erstatt demodataa (berre ekte tal)",
    "data.save": "Lagre importen",
    "data.saved": "Importen er lagra: {rows} tal. Datakjelda er no «{label}». {possible}",
    "data.save_failed": "Importen kunne ikkje lagrast: {error} Ingenting er endra.",
    "data.context_rows": "Kontekst for {count} kommunar",
    "data.clear_head": "Tilbake til demodata",
    "data.clear": "Fjern alle importerte data",
    "data.cleared": "Importerte data er fjerna. Appen viser demodataa igjen.",
    "data.error": "Noko gjekk gale på denne sida. Feilen er logga. Ingenting er endra i dataa.",
    "data.col.reason": "Årsak", "data.col.rows": "Tal", "data.col.lines": "Døme på linjer",
    "data.col.marker": "Markør", "data.col.what": "Kva", "data.col.indicator": "Indikator", "data.col.level": "Nivå",
    "data.col.period": "Skuleår",
    # --- Funn (pages/funn.py and ui/findings_widgets.py) -------------------------------------
    "funn.title": "Funn: {kommune}",
    "funn.intro": (
        "Her blir det de ser og høyrer i arbeidet med utfordringsbiletet samla: styrkar, utfordringar, hypotesar, "
        "spørsmål og idear til tiltak, kopla til tala dei handlar om. Alle endringar blir lagra med historikk."
    ),
    "funn.author_heading": "Kven skriv?",
    "funn.author_name": "Namn",
    "funn.author_role": "Rolle",
    "funn.author_missing": "Skriv inn namnet ditt og vel rolle før du lagrar.",
    "funn.draft_kept": "Det du har skrive, er teke vare på, men ikkje lagra enno.",
    "funn.author_here": "Skriv namnet ditt her før du lagrar endringa.",
    "funn.add": "Legg til funn",
    "funn.add_for": "Legg til funn om det som blir vist her",
    "funn.text": "Funn",
    "funn.text_help": (
        "Skriv med eigne ord kva de ser, høyrer eller lurer på. Ikkje skriv namn på elevar eller personnummer."
    ),
    "funn.kind": "Type",
    "funn.source": "Kjelde",
    "funn.status": "Status",
    "funn.themes": "Tema",
    "funn.themes_help": "Vel blant forslaga eller skriv eit nytt tema og trykk Enter.",
    "funn.indicators": "Indikatorar",
    "funn.schools": "Skular",
    "funn.periods": "Skuleår",
    "funn.save": "Lagre funn",
    "funn.saved": "Funnet er lagra.",
    "funn.updated": "Endringa er lagra.",
    "funn.edit": "Rediger",
    "funn.cancel": "Avbryt",
    "funn.save_edit": "Lagre endring",
    "funn.delete": "Slett",
    "funn.deleted": "Funnet er sletta. Det kan gjenopprettast under «Sletta funn».",
    "funn.restore": "Gjenopprett",
    "funn.restored": "Funnet er gjenoppretta.",
    "funn.history": "Historikk",
    "funn.history_empty": "Ingen historikk.",
    "funn.history_line": "{when}: {action} av {who}",
    "funn.history_changed": "Endra: {fields}",
    # --- funn.*, db.*, nav.*, auth.*, admin.* ------------------------------------------------------
    "funn.history_imported": "({provenance})",
    "db.unavailable": (
        "**Funna kan ikkje lesast.** {problem} Fila: {path}. Tal og figurar blir viste som vanleg, men funn og "
        "sjekkliste er utilgjengelege til databasen er i orden."
    ),
    "db.no_backup": "Det finst ingen tryggingskopi av funndatabasen enno.",
    "db.backup_offer": (
        "Nyaste tryggingskopi: {name}. Den øydelagde fila blir teken vare på ved sida av (ho blir ikkje sletta)."
    ),
    "db.restore": "Gjenopprett nyaste tryggingskopi",
    "db.restore_failed": "Gjenopprettinga mislukkast: {error}",
    "db.restored": "Tryggingskopien {name} er lagd tilbake. Den øydelagde fila er teken vare på som {kept}.",
    "funn.unavailable": "Funna kan ikkje lesast no (sjå meldinga øvst på sida).",
    "nav.admin": "Administrasjon",
    "auth.title": "Utfordringsbilete",
    "auth.intro": "Logg inn for å sjå tala og funna for kommunane du arbeider med.",
    "auth.login": "Logg inn",
    "auth.logout": "Logg ut",
    "auth.no_role": (
        "Du er logga inn som {name}, men har ikkje tilgang enno. Be ein administrator om å gi deg ei rolle."
    ),
    "auth.subject": "Id-en din hos innloggingstenesta: {subject}",
    "auth.local_banner": (
        "Lokal einbrukarmodus: inga innlogging er sett opp. Appen er berre tilgjengeleg på denne maskina (127.0.0.1),"
        " og alle endringar blir lagra med namnet som blir skrive inn."
    ),
    "auth.signed_in": "Innlogga: {name} ({role})",
    "auth.denied": "Du har ikkje tilgang til dette.",
    # --- funn.* ------------------------------------------------------------------------------------
    "funn.author_signed_in": "Blir lagra som {name} (innlogga).",
    "admin.title": "Administrasjon",
    "admin.roles": "Roller og tilgang",
    "admin.no_roles": "Ingen har fått ei rolle enno.",
    "admin.col_name": "Namn",
    "admin.col_subject": "Id hos innloggingstenesta",
    "admin.col_role": "Rolle",
    "admin.col_scope": "Fylke eller kommunar",
    "admin.col_school": "Skule (orgnr)",
    "admin.all": "alle",
    "admin.subject": "Id hos innloggingstenesta (sub eller e-post)",
    "admin.subject_help": "Personen ser id-en sin på innloggingssida når hen ikkje har tilgang enno.",
    "admin.subject_missing": "Id manglar.",
    "admin.name": "Namn",
    "admin.role": "Rolle",
    "admin.fylke": "Fylkesnummer (statsforvaltar)",
    "admin.kommuner": "Kommunenummer (rettleiar: fleire; skuleeigar og skuleleiar: éin)",
    "admin.kommuner_help": "Skil med komma, til dømes 4203, 4204.",
    "admin.school": "Organisasjonsnummeret til skulen (skuleleiar)",
    "admin.save": "Lagre rolla",
    "admin.saved": "Rolla til {name} er lagra.",
    "admin.remove_who": "Fjern tilgangen for",
    "admin.remove": "Fjern rolla",
    "admin.removed": "Rolla er fjerna.",
    "admin.audit": "Revisjonslogg",
    "admin.no_audit": "Ingen hendingar enno.",
    "admin.col_when": "Tidspunkt",
    "admin.col_who": "Kven",
    "admin.col_what": "Kva",
    "admin.col_target": "Gjeld",
    "admin.col_detail": "Detaljar",
    "admin.error": "Administrasjonssida kunne ikkje visast. Detaljane er logga.",
    "funn.meta": "{kind} · {status} · {source} · skrive av {author} {created} · versjon {version}",
    "funn.meta_updated": "sist endra {when} av {who}",
    "funn.links": "Kopla til: {links}",
    "funn.none": "Ingen funn enno.",
    "funn.none_filtered": "Ingen funn passar med filtra.",
    "funn.linked_heading": "Funn kopla til denne figuren ({n})",
    "funn.linked_none": "Ingen funn er kopla til denne figuren enno.",
    "funn.open_page": "Rediger og sjå alle funn på sida Funn",
    "funn.conflict_theirs": "Lagra versjon (versjon {version}, {who})",
    "funn.conflict_yours": "Din versjon (ikkje lagra)",
    "funn.conflict_keep_mine": "Lagre min versjon likevel",
    "funn.conflict_keep_theirs": "Behald den lagra versjonen",
    "funn.conflict_discarded": "Endringa di er forkasta; den lagra versjonen gjeld.",
    "funn.not_found": "Funnet finst ikkje lenger.",
    "funn.error": "Lagringa mislukkast. Feilen er logga; prøv igjen.",
    "funn.db_error": "Funndatabasen er ikkje tilgjengeleg. Feilen er logga.",
    "funn.chart_none": "Ingen tal å vise for koplinga.",
    "funn.chart_title": "{label}",
    "funn.chart_method": "Strekane viser usikkerheit: {methods}. Stipla linje: nasjonalt. Skravert: skuleår i funnet.",
    "funn.choose": "Vel",
    "funn.chart_national": "Nasjonalt",
    "funn.chart_marker": "Skuleår i funnet",
    "funn.marker_legend": "Funn: {kind}",
    "funn.filters": "Filtrer og sorter",
    "funn.filter_kind": "Type",
    "funn.filter_status": "Status",
    "funn.filter_theme": "Tema",
    "funn.filter_school": "Skule",
    "funn.filter_indicator": "Indikator",
    "funn.filter_role": "Rolla til forfattaren",
    "funn.filter_text": "Søk i tekst",
    "funn.sort": "Sorter",
    "funn.count": "{n} funn",
    "funn.tab_list": "Alle funn",
    "funn.tab_side": "Styrkar og utfordringar",
    "funn.tab_deleted": "Sletta funn",
    "funn.tab_exchange": "Eksport og import",
    "funn.side_styrker": "Styrkar ({n})",
    "funn.side_utfordringer": "Utfordringar ({n})",
    "funn.side_help": "Forkasta funn er ikkje med. Kva kommunen er god på, er like viktig som utfordringane.",
    "funn.deleted_none": "Ingen sletta funn.",
    "funn.export_json": "Last ned alle funn som JSON (med historikk)",
    "funn.export_csv": "Last ned som CSV for Excel",
    "funn.export_help": (
        "JSON-fila inneheld alt (òg sletta funn, sjekklista, måla og historikken) og kan importerast igjen. "
        "CSV-fila er for Excel."
    ),
    "funn.import": "Importer funn frå JSON-fil",
    "funn.import_button": "Importer",
    "funn.import_wrong_kommune": "Fila gjeld kommune {file_kommune}, men {kommune} er vald. Byt kommune først.",
    "funn.no_kommune": "Vel ein kommune i menyen til venstre.",
    "funn.field.text": "tekst",
    "funn.field.kind": "type",
    "funn.field.source": "kjelde",
    "funn.field.status": "status",
    "funn.field.themes": "tema",
    "funn.field.indicators": "indikatorar",
    "funn.field.schools": "skular",
    "funn.field.periods": "skuleår",
    "funn.field.deleted": "sletta",
    # --- Hvorfor er vi trukket ut? (pages/uttrekk.py) ----------------------------------------
    "uttrekk.title": "Kvifor er vi trekte ut? {kommune}",
    "uttrekk.intro": (
        "Udir trekkjer ut kommunar til oppfølgingsordninga ut frå risikopoeng på nokre få indikatorar over tre "
        "skuleår. Her reknar vi ut det same for kommunen og for alle andre kommunar, og viser kor sikre "
        "poenga er."
    ),
    "uttrekk.params": "Innstillingar for modellen (det Udir ikkje har publisert)",
    "uttrekk.params_help": "Endre innstillingane for å sjå kor mykje resultatet avheng av dei.",
    "uttrekk.end_period": "Siste skuleår i vindauget",
    "uttrekk.suppressed": "Skjerma tal",
    "uttrekk.suppressed.exclude": "Tel ikkje (standard)",
    "uttrekk.suppressed.possible_zero": "Tel som moglege poeng utan risikopoeng",
    "uttrekk.spread_stat": "Mål på spreiing mellom skulane",
    "uttrekk.spread_stat.range": "Høgaste minus lågaste del (standard)",
    "uttrekk.spread_stat.sd": "Standardavvik av delane til skulane",
    "uttrekk.cutoff": "Grense for stor spreiing (prosentpoeng)",
    "uttrekk.top_share": "Del av skulane i landet som blir rekna som «høgast» (%)",
    "uttrekk.n_level": "Talet på kommunar som blir trekte ut på nivå",
    "uttrekk.n_spread": "Høgste talet på kommunar som blir trekte ut på spreiing",
    "uttrekk.offsets": "Absolutt nedre grense: avstand frå landsgjennomsnittet",
    "uttrekk.reset": "Tilbake til standard",
    "uttrekk.metric.share": "Del av moglege risikopoeng",
    "uttrekk.metric.rank": "Plass blant kommunane",
    "uttrekk.metric.spread": "Spreiing mellom skulane",
    "uttrekk.metric.status": "Utfall i modellen",
    "uttrekk.status.level": "Trekt ut på nivå",
    "uttrekk.status.spread": "Trekt ut på spreiing",
    "uttrekk.status.none": "Ikkje trekt ut",
    "uttrekk.rank_of": "av {n}",
    # --- uttrekk.* ---------------------------------------------------------------------------------
    "uttrekk.whatif_cut": (
        "Det som faktisk avgjer uttrekk på spreiing i modellen, er spreiinga hos den {n}. kommunen på lista over "
        "størst spreiing, slik denne sida anslår henne ut frå dataa: **{floor}**. Minstekravet til spreiing "
        "({cutoff}) er ei innstilling på sida, ikkje ei grense Udir har publisert."
    ),
    "uttrekk.tab.explain": "Forklaring",
    "uttrekk.tab.points": "Risikopoenga og kor sikre dei er",
    "uttrekk.tab.schools": "Skulane",
    "uttrekk.tab.whatif": "Kva om?",
    "uttrekk.tab.stability": "År for år",
    "uttrekk.tab.all": "Alle kommunar",
    "uttrekk.points_caption": "Tala til kommunen som gir risikopoeng. «Ikkje sikker skilnad» tyder at intervallet går over grensa.",
    "uttrekk.no_points": "Ingen av tala til kommunen gir risikopoeng i vindauget.",
    "uttrekk.schools_chart": "Del av moglege risikopoeng per skule",
    "uttrekk.school_points": "Risikopoeng for éin skule",
    "uttrekk.whatif_intro": (
        "Kva om éin skule hadde hatt andre resultat? Vel ein skule. Vi set talet til skulen lik talet til kommunen "
        "(eller landet) og reknar alt på nytt."
    ),
    "uttrekk.whatif_school": "Skule",
    "uttrekk.whatif_target": "Set talet til skulen lik",
    "uttrekk.whatif_target.kommune": "nivået til kommunen",
    "uttrekk.whatif_target.nasjonalt": "landsnivået",
    "uttrekk.whatif_none": "Kommunen har ingen skular med nok tal til å rekne på dette.",
    "uttrekk.col.before": "No",
    "uttrekk.col.after": "Kva om",
    "uttrekk.row.school_share": "Delen til skulen",
    "uttrekk.row.share": "Delen til kommunen",
    "uttrekk.row.rank": "Plassen til kommunen",
    "uttrekk.row.spread": "Spreiing mellom skulane",
    "uttrekk.row.status": "Utfall",
    "uttrekk.by_year": "Del risikopoeng år for år",
    "uttrekk.drivers": "Kva indikatorar gir poenga",
    "uttrekk.all_caption": "Alle kommunar etter del risikopoeng (plass 1 har høgast del).",
    "uttrekk.error": "Modellen kunne ikkje reknast ut for desse innstillingane. Prøv standardinnstillingane.",
    "uttrekk.apply": "Bruk innstillingane",
    "uttrekk.computing": "Reknar ut risikopoeng for alle kommunar …",
    "uttrekk.window": "Skuleår: {window}.",
    "uttrekk.pp": "{value} pp",
    "uttrekk.reliability_heading": "Kor sikre er poenga?",
    "uttrekk.reliability_help": "Kva tyder «sikker» og «ikkje sikker»?",
    "uttrekk.years_of": "{count} av {total}",
    "uttrekk.yes": "ja",
    "uttrekk.no": "nei",
    "uttrekk.this_kommune": "◀",
    "uttrekk.col.school": "Skule",
    "uttrekk.col.points": "Risikopoeng",
    "uttrekk.col.possible": "Moglege poeng",
    "uttrekk.col.share": "Del",
    "uttrekk.col.suppressed": "Skjerma tal",
    "uttrekk.col.national_rank": "Plass blant skulane i landet",
    "uttrekk.col.top": "Blant dei 25 % høgaste",
    "uttrekk.col.period": "Skuleår",
    "uttrekk.col.indicator": "Indikator",
    "uttrekk.col.years_with_points": "År med poeng",
    "uttrekk.col.contribution": "Del av poenga til kommunen",
    "uttrekk.col.rank": "Plass",
    "uttrekk.col.kommune": "Kommune",
    "uttrekk.col.share_pct": "Del (%)",
    "uttrekk.col.spread_pp": "Spreiing (pp)",
    "uttrekk.col.signal": "Spreiingssignal",
    "uttrekk.col.status": "Utfall",
    "uttrekk.col.this": "Denne kommunen",
    # --- explanation sentences of the uttrekk model (present/uttrekk_text.py) ------------------
    "ut.pp": "{value} prosentpoeng",
    "ut.and": " og ",
    "ut.and_more": " med fleire",
    "ut.target_kommune": "nivået til kommunen",
    "ut.target_nasjonalt": "landsnivået",
    "ut.whatif_school": "Viss {school} hadde hatt resultat på {target}, ville delen risikopoeng for skulen ha gått frå {before} til {after}",
    "ut.whatif_kommune": "delen til kommunen frå {before} til {after}",
    "ut.whatif_rank": " (plass {after} i staden for {before})",
    "ut.whatif_spread": "og spreiinga mellom skulane frå {before} til {after}",
    "ut.status.level": "trekt ut på nivå",
    "ut.status.spread": "trekt ut på spreiing",
    "ut.status.none": "ikkje trekt ut",
    "ut.would.level": "vorte trekt ut på nivå",
    "ut.would.spread": "vorte trekt ut på spreiing",
    "ut.would.none": "ikkje vorte trekt ut",
    "ut.whatif_changes": "Med denne modellen ville {kommune} då ha {would} (no: {now}).",
    "ut.whatif_same": "Det endrar ikkje utfallet i modellen: {kommune} ville framleis ha {would}.",
    "ut.level_drawn": "Med denne modellen er {kommune} blant dei {n} kommunane med høgast del, og ville vorte trekt ut på grunn av nivået.",
    "ut.level_not": "Med denne modellen er {kommune} ikkje blant dei {n} kommunane med høgast del, så nivået åleine gir ikkje uttrekk.",
    "ut.suppressed": "{n} av {total} tal er skjerma fordi for få elevar står bak.",
    "ut.suppressed_exclude": "Dei tel ikkje med, så delen byggjer berre på {counted} tal.",
    "ut.suppressed_zero": "Dei tel som moglege poeng utan risikopoeng.",
    "ut.spread_drawn": "Difor ville {kommune} vorte trekt ut på grunn av skilnader mellom skulane.",
    "ut.spread_signal_level": "Skilnadene er òg store nok til spreiingsregelen, men kommunen er alt trekt ut på nivå.",
    "ut.spread_signal_other": "Skilnadene er store nok til spreiingsregelen, men andre kommunar har større spreiing, og berre {n} blir trekte ut på spreiing.",
    "ut.spread_none": "Skilnadene gir ikkje uttrekk i modellen.",
    "ut.spread_na_one": "{kommune} har berre éin skule i modellen, så regelen om skilnader mellom skulane gjeld ikkje.",
    "ut.spread_na_few": "{kommune} har for få skular med nok tal i modellen, så regelen om skilnader mellom skulane gjeld ikkje.",
    "ut.spread_schools": "Skilnaden mellom skulane: {weak} har {weak_share} av sine moglege risikopoeng, {best} har {best_share}. Spreiinga er {spread} (grensa i modellen er {cutoff}).",
    "ut.top_some": "{schools} er blant dei {top} % skulane i landet med høgast del.",
    "ut.top_none": "Ingen av skulane er blant dei {top} % skulane i landet med høgast del.",
    "ut.rel_counts": "Av {n} tal som gir risikopoeng, er {sikker} sikre (heile intervallet ligg bak grensa), {delvis} delvis sikre og {usikker} usikre",
    "ut.rel_no_interval": ", og {n} utan intervall",
    "ut.rel_uncertain": "For dei fleste av desse tala er skilnaden frå grensa ikkje sikker: intervallet går over grensa, så skilnaden kan kome av tilfeldigheiter, til dømes kva elevar som gjekk på trinnet det året.",
    "ut.driver": "{label} ({share} av poenga)",
    "ut.drivers": "Mest av risikopoenga kjem frå {items}.",
    "ut.stable": "{every} av {n} indikatorar som gir risikopoeng, gjer det kvart år dei er målte i vindauget",
    "ut.stable_some": "Dei andre gir risikopoeng berre nokre av åra, så det kommunen skårar lågt på, varierer frå år til år.",
    "ut.by_year": "Del risikopoeng år for år: ",
    "ut.headline_none": "Det finst ingen publiserte tal for {kommune} på uttrekksindikatorane i vindauget {window}, så modellen kan ikkje rekne ut risikopoeng.",
    "ut.headline": "{kommune} får {points} av {possible} moglege risikopoeng i vindauget {window}, altså {share}. Det gir plass {rank} av {n} kommunar (plass 1 har høgast del).",
    "ut.col.value": "Verdi (95 % intervall)",
    "ut.col.n": "Elevar (n)",
    "ut.col.national": "Landsnivå",
    "ut.col.absolute": "Absolutt grense",
    "ut.col.sure": "Kor sikkert",
    "ut.sure.sikker": "Sikker skilnad",
    "ut.sure.delvis": "Sikker under landsnivå, ikkje sikker bak absolutt grense",
    "ut.sure.usikker": "Ikkje sikker skilnad",
    "ut.sure.uten_intervall": "Utan intervall",
    # --- nav.*, maal.*, plan.* ---------------------------------------------------------------------
    "nav.maal": "Mål og oppfølging",
    "maal.title": "Mål og oppfølging: {kommune}",
    "maal.intro": (
        "Mål for gjennomføringsfasen: for kvar utfordring eitt eller fleire mål knytte til ein indikator, med "
        "utgangspunktet frå forfasen og eit målår. Sida reknar ut kva tala kan vise: den minste endringa som kan "
        "skiljast frå tilfeldig variasjon med elevtalet til kommunen eller skulen."
    ),
    "maal.db_error": "Måla kan ikkje visast no: databasen svarar ikkje. Feilen er logga.",
    "maal.author": "Kven lagrar?",
    "maal.author_needed": "Skriv inn namnet ditt før du lagrar.",
    "maal.settings": "Utgangspunkt og uttrekk",
    "maal.window_end": "Siste skuleår i utgangspunktet (forfasen)",
    "maal.window_help": "Utgangspunktet er elevane i dei tre skuleåra som sluttar her, slått saman.",
    "maal.uttrekk_end": "Siste skuleår i tala kommunen vart trekt ut på",
    "maal.uttrekk_help": (
        "Uttrekket byggjer på tre skuleår. Oppgi det siste av dei; sida «Kvifor er vi trekte ut?» viser modellen for "
        "kvart år."
    ),
    "maal.model.level": (
        "I uttrekksmodellen (sida «Kvifor er vi trekte ut?») blir {kommune} trekt ut på nivå med tala for {window}."
    ),
    "maal.model.spread": (
        "I uttrekksmodellen (sida «Kvifor er vi trekte ut?») blir {kommune} trekt ut på spreiing med tala for "
        "{window}."
    ),
    "maal.model.none": (
        "I uttrekksmodellen blir {kommune} ikkje trekt ut med tala for {window}. Modellen attskaper ikkje lista til "
        "Udir; oppgi skuleåret Udir faktisk brukte."
    ),
    "maal.new": "Nytt mål",
    "maal.edit": "Endre målet",
    "maal.indicator": "Indikator",
    "maal.unit": "Gjeld",
    "maal.unit_kommune": "Heile kommunen ({name})",
    "maal.target_value": "Målverdi ({unit})",
    "maal.target_year": "Målår (skuleår)",
    "maal.finding": "Utfordring målet høyrer til",
    "maal.finding_none": "Inga kopling",
    "maal.tiltak": "Tiltak",
    "maal.responsible": "Ansvarleg",
    "maal.kompetansemiljo": "Kompetansemiljø",
    "maal.followup": "Oppfølging (når og korleis)",
    "maal.followup_help": "Til dømes: «Gjennomgang i januar og juni kvart år, med skuleleiarmøtet».",
    "maal.save": "Lagre målet",
    "maal.saved": "Målet er lagra.",
    "maal.nothing": "Ingen endringar å lagre.",
    "maal.stale": (
        "Nokon andre har endra målet medan du redigerte. Ingenting er skrive over: sjå den lagra versjonen under, og "
        "lagre på nytt om du framleis vil endre."
    ),
    "maal.delete": "Slett målet",
    "maal.deleted": "Målet er sletta. Det ligg framleis i historikken.",
    "maal.history": "Historikk",
    "maal.no_goals": "Kommunen har ingen mål enno. Lag det første under «Nytt mål».",
    "maal.goals": "Måla til kommunen",
    "maal.goal_title": "{indicator} – {unit}: mål {target} i {year}",
    "maal.assessment": "Kva tala kan vise",
    "maal.baseline": "Utgangspunkt ({window}): {value} ({lower}–{upper}), {n} elevar over {years} skuleår.",
    "maal.baseline_no_interval": "Utgangspunkt ({window}): {value} ({reason}).",
    "maal.baseline_missing": "Utgangspunkt ({window}): ingen publiserte tal med kjent elevtal for {unit}.",
    "maal.change": "Ønskt endring: frå {baseline} til {target}, altså {change} {unit}.",
    "maal.mdc": (
        "Minste påviselege endring med {n} elevar i året: {one} {unit} etter eitt år og {two} {unit} etter to år (80 "
        "% styrke, 5 % signifikansnivå, tosidig test)."
    ),
    "maal.mdc_one_nan": "ikkje mogleg",
    "maal.detectable_one": "Endringa kan skiljast frå tilfeldig variasjon alt etter eitt år.",
    "maal.detectable_two": "Endringa kan skiljast frå tilfeldig variasjon etter to år, men ikkje etter eitt.",
    "maal.not_detectable": (
        "Endringa er mindre enn det tala kan skilje frå tilfeldig variasjon på to år. Sjølv om målet blir nådd, vil "
        "tala ikkje kunne vise det sikkert."
    ),
    "maal.no_change": "Målverdien er lik utgangspunktet; det er inga endring å påvise.",
    "maal.suggestions": "Dette kan vise endringa i staden:",
    "maal.sug.pool_years": "Slå saman fleire oppfølgingsår: med {years} skuleår samla kan endringa påvisast.",
    "maal.sug.larger_unit": (
        "Bruk ei større eining: for heile kommunen er minste påviselege endring etter to år {mdc} {unit}."
    ),
    "maal.sug.more_trinn": "Elevundersøkinga på fleire trinn gir fleire svar og dermed mindre usikkerheit.",
    "maal.sug.qualitative": (
        "Lokale undersøkingar, observasjon eller samtalar med elevar og lærarar kan vise endringa som kvalitativt "
        "belegg (ikkje statistisk sikkert)."
    ),
    "maal.rtm": (
        "Obs: utgangspunktet inneheld {years}, som kommunen vart trekt ut på. Den som blir trekt ut for svake tal, "
        "får ofte betre tal neste gong utan at noko er endra (regresjon mot gjennomsnittet). Ei betring frå dette "
        "utgangspunktet er difor ikkje i seg sjølv eit teikn på at tiltaka verkar."
    ),
    "maal.plan": "Plan",
    "maal.plan_line": "{label}: {value}",
    "maal.empty": "–",
    "maal.followup_heading": "Oppfølging",
    "maal.no_followup": (
        "Ingen skuleår etter utgangspunktet enno ({last}). Oppfølginga blir vist når nye tal er lagde inn."
    ),
    "maal.col.period": "Skuleår",
    "maal.col.value": "Verdi (95 % intervall)",
    "maal.col.n": "Elevar",
    "maal.row.baseline": "Utgangspunkt {window}",
    "maal.row.pooled": "Oppfølgingsåra samla",
    "maal.row.target": "Mål {year}",
    "maal.diff": "Endring frå utgangspunktet: {diff} ({lower}–{upper}) {unit}: {verdict}.",
    "maal.verdict.bedring": "sikker endring (betring)",
    "maal.verdict.forverring": "sikker endring (forverring)",
    "maal.verdict.endring": "sikker endring",
    "maal.verdict.ikke_sikker": "ikkje sikker endring",
    "maal.verdict.ingen_data": "kan ikkje vurderast",
    "maal.remaining": "Står att til målet: {remaining} {unit} ({progress} av den ønskte endringa er nådd).",
    "maal.reached": "Målverdien er nådd i oppfølgingsåra ({progress} av den ønskte endringa).",
    "maal.unit_share": "prosentpoeng",
    "maal.responsible.skoleeier": "Skuleeigar",
    "maal.responsible.skole": "Skulen (skuleleiar)",
    "maal.export": "Plan for gjennomføringsfasen",
    "maal.field.indicator": "indikator",
    "maal.field.subject": "fag",
    "maal.field.trinn": "trinn",
    "maal.field.unit_level": "eining",
    "maal.field.unit_id": "skule",
    "maal.field.finding_id": "utfordring",
    "maal.field.baseline_periods": "utgangsår",
    "maal.field.baseline_value": "utgangsverdi",
    "maal.field.baseline_lower": "nedre grense",
    "maal.field.baseline_upper": "øvre grense",
    "maal.field.baseline_n": "elevar i utgangspunktet",
    "maal.field.target_value": "målverdi",
    "maal.field.target_year": "målår",
    "maal.field.tiltak": "tiltak",
    "maal.field.responsible": "ansvarleg",
    "maal.field.kompetansemiljo": "kompetansemiljø",
    "maal.field.followup": "oppfølging",
    "maal.field.kommune_id": "kommune",
    "maal.field.deleted": "sletta",
    "maal.export_make": "Lag planen (PDF og Word)",
    "maal.export_pdf": "Last ned planen (PDF)",
    "maal.export_docx": "Last ned planen (Word)",
    "maal.export_error": "Planen kunne ikkje lagast no. Feilen er logga.",
    "maal.sf.heading": "Mål og oppfølging",
    "maal.sf.none": "Ingen av kommunane har lagra mål enno.",
    "maal.sf.col.kommune": "Kommune",
    "maal.sf.col.goal": "Mål",
    "maal.sf.col.baseline": "Utgangspunkt",
    "maal.sf.col.target": "Målverdi (år)",
    "maal.sf.col.latest": "Oppfølging",
    "maal.sf.col.verdict": "Endring",
    "maal.sf.col.remaining": "Står att",
    "maal.sf.col.mdc": "Minste påviselege endring (2 år)",
    "plan.title": "Plan for gjennomføringsfasen: {kommune}",
    "plan.subtitle": "Mål, indikatorar, tiltak, ansvar og oppfølging, med kva tala kan vise for kvart mål.",
    "plan.summary": "Måla",
    "plan.summary_text": (
        "Kommunen har {count} mål. Tabellen viser utgangspunktet med 95 % intervall, målverdien og den minste "
        "endringa tala kan påvise etter to år."
    ),
    "plan.method": "Metode",
    "plan.method_text": (
        "Utgangspunktet er elevane i skuleåra i forfasen slått saman, med 95 % intervall (Wilson for delar, "
        "t-intervall for gjennomsnitt). Minste påviselege endring er den minste sanne endringa ein tosidig test på 5 "
        "% nivå oppdagar med 80 % sannsyn, når oppfølgingsåra har like mange elevar som eit gjennomsnittleg år i "
        "utgangspunktet (t-test for gjennomsnitt, arcsin-test for delar; Cohen 1988). Endringa i oppfølginga er "
        "sikker berre når 95 % intervallet for skilnaden mellom oppfølgingsåra og utgangspunktet ikkje inneheld null "
        "(Newcombe for delar, Welch for gjennomsnitt)."
    ),
    # --- Sjekkliste (pages/sjekkliste.py) ----------------------------------------------------
    "sjekkliste.title": "Sjekkliste for forfasen: {kommune}",
    "sjekkliste.intro": (
        "Måla til Udir for forfasen som ei liste. Kvart punkt har status, kven som har ansvaret, ein frist og "
        "lenkjer til funna som viser at det er gjort. Alt blir lagra med historikk."
    ),
    "sjekkliste.progress": "{done} av {total} punkt er ferdige, {doing} pågår.",
    "sjekkliste.status": "Status",
    "sjekkliste.role": "Ansvarleg",
    "sjekkliste.role_none": "(ikkje vald)",
    "sjekkliste.due": "Frist",
    "sjekkliste.no_due": "Ingen frist",
    "sjekkliste.note": "Notat",
    "sjekkliste.evidence": "Belegg (funn)",
    "sjekkliste.evidence_help": "Vel funna som viser at punktet er gjort. Funn blir lagde inn på sida «Funn».",
    "sjekkliste.save": "Lagre",
    "sjekkliste.saved": "Lagra.",
    "sjekkliste.nothing": "Ingen endringar å lagre.",
    "sjekkliste.stale": "Nokon andre har endra dette punktet i mellomtida. Skjemaet viser no den nye versjonen. Det du skreiv, står under og er ikkje tapt.",
    "sjekkliste.mine_heading": "Din versjon (ikkje lagra)",
    "sjekkliste.mine_summary": "Status: {status} · Ansvarleg: {role} · Frist: {due} · Notat:",
    "sjekkliste.use_mine": "Set versjonen min tilbake i skjemaet",
    "sjekkliste.author_needed": "Skriv inn namnet ditt øvst før du lagrar.",
    "sjekkliste.history": "Historikk",
    "sjekkliste.no_history": "Ingen endringar enno.",
    "sjekkliste.last_changed": "Sist endra {when} av {who}.",
    "sjekkliste.db_error": "Databasen for funn og sjekkliste er ikkje tilgjengeleg. Feilen er logga.",
    "sjekkliste.author": "Kven skriv?",
    "sjekkliste.table": "Oversikt",
    "sjekkliste.col.item": "Punkt",
    "sjekkliste.see_findings": "Sjå funna på sida «Funn»",
    # --- Utfordringsbilde og rapport (pages/utfordringsbilde.py) -----------------------------
    "ub.title": "Utfordringsbilete: {kommune}",
    "ub.intro": "Vel kva som skal med, sjå førehandsvisinga, og last ned som PDF eller Word.",
    "ub.choose": "Kva skal med?",
    "ub.indicators": "Indikatorar",
    "ub.schools": "Skular",
    "ub.inc.indicators": "Indikatorane med grafar og intervall",
    "ub.inc.schools": "Skulane",
    "ub.inc.uttrekk": "Kvifor kommunen er trekt ut",
    "ub.inc.findings": "Styrkar og utfordringar (frå funna)",
    "ub.inc.questions": "Opne spørsmål og hypotesar",
    "ub.inc.checklist": "Status i sjekklista",
    "ub.inc.methods": "Vedlegg om metodane",
    "ub.inc.rejected": "Ta med forkasta funn",
    "ub.preview": "Førehandsvising",
    "ub.export": "Last ned",
    "ub.make_pdf": "Lag PDF",
    "ub.make_docx": "Lag Word-dokument",
    "ub.download_pdf": "Last ned PDF",
    "ub.download_docx": "Last ned Word-dokument",
    "ub.working": "Lagar rapporten …",
    "ub.done": "Ferdig på {seconds} sekund.",
    "ub.error": "Rapporten kunne ikkje lagast: {message}",
    "ub.no_indicators": "Vel minst éin indikator, eller slå av indikatordelen.",
    "ub.findings_error": "Funna kunne ikkje hentast, så rapporten blir laga utan dei. Feilen er logga.",
    "ub.building": "Set saman utfordringsbiletet …",
    "ub.error_build": "feil under samanstillinga. Detaljane står i loggen.",
    "ub.error_unknown": "ukjend feil. Detaljane står i loggen.",
    # --- the report (report/sections.py) ------------------------------------------------------
    "rep.source_line": "Kjelde: {source}. Skuleår {window}. Laga {date}.",
    "rep.title": "Utfordringsbilete for {kommune}",
    "rep.subtitle": "Kommunenummer {kommune_id}, {fylke}. Skuleår: {window}.",
    "rep.styrker": "Styrkar",
    "rep.utfordringer": "Utfordringar",
    "rep.source": "kjelde: {source}",
    "rep.concerns": "gjeld: {links}",
    "rep.checklist_progress": "{done} av {total} punkt er ferdige, {doing} pågår og {todo} er ikkje starta.",
    "rep.summary": "Samandrag",
    "rep.summary_text": "Tre år samla er {kommune} svakare enn landet på {svakere} og betre på {bedre} av {n} valde indikatorar. For {usikker} er skilnaden frå landet ikkje sikker, og {ingen} kan ikkje vurderast (skjerma eller utan tal).",
    "rep.findings_count": "Registrerte funn: ",
    "rep.checklist_line": "Sjekklista for forfasen: ",
    "rep.col.kommune_pooled": "Kommunen, tre år (95 % intervall)",
    "rep.pooled_caption": "Skuleåra samla: {window}.",
    "rep.yearly_caption": "År for år (95 % intervall).",
    "rep.yearly_figure_title": "Kommunen år for år mot landet, med 95 % intervall",
    "rep.yearly_figure": "Figur: indikatorane år for år",
    "rep.of": "av",
    "rep.cross_suppressed": ". Kryss tyder skjerma tal.",
    "rep.indicators": "Indikatorane",
    "rep.indicators_intro": "Tala til kommunen for kvar vald indikator med 95 % konfidensintervall. «Svakare» eller «betre» enn nasjonalt står berre der intervallet ikkje dekkjer talet for landet. Tre år samla tyder at elevane frå dei tre skuleåra er slått saman til eitt tal.",
    "rep.indicators_none": "Ingen tal for dei valde indikatorane i desse skuleåra.",
    "rep.schools_caption": "Tre år samla, 95 % intervall i parentes. ▼ svakare og ▲ betre enn landet (intervallet dekkjer ikkje talet for landet); utan teikn: ikkje sikker skilnad. – : skulen har ikkje trinnet.",
    "rep.schools_none": "Ingen skuletal for dei valde indikatorane og skulane.",
    "rep.schools_intro": "Elevane på kvar skule frå dei tre skuleåra samla, med 95 % intervall, samanlikna med landet. Små skular har breie intervall: der står det oftast «ikkje sikker skilnad».",
    "rep.schools_figure_title": "Skulane, tre år samla, med 95 % intervall",
    "rep.schools_figure": "Figur: skulane",
    "rep.schools_figure_note": ". Stipla linje er landet. Kryss tyder skjerma tal.",
    "rep.shares_figure": "Figur: delen risikopoeng for skulane. Oransje: blant dei 25 % skulane i landet med høgast del.",
    "rep.col.top": "Blant dei 25 % høgaste i landet",
    "ub.inc.uttrekk_title": "Kvifor er kommunen trekt ut?",
    "rep.reliability": "Kor sikre er risikopoenga?",
    "rep.points_caption": "Tala til kommunen som gir risikopoeng, og om poenget held når usikkerheita er teken med.",
    "rep.none_of_kind": "Ingen {kind} er registrerte enno.",
    "rep.findings_where": "Funn blir registrerte på sida «Funn».",
    "rep.questions": "Opne spørsmål",
    "rep.hypothesis": "Hypotese: ",
    "rep.questions_none": "Ingen opne spørsmål eller hypotesar er registrerte.",
    "rep.checklist_empty": "Sjekklista er ikkje fylt ut.",
    # --- Statsforvalter (pages/statsforvalter.py) --------------------------------------------
    "sf.title": "Oversikta til statsforvaltaren",
    "sf.intro": (
        "Fleire kommunar samstundes: uttrekksindikatorane for tre år samla med intervall og vurdering mot landet, "
        "spreiing mellom skulane, funn og sjekkliste. Klikk på ei kolonneoverskrift for å sortere."
    ),
    "sf.mode": "Vel kommunar",
    "sf.mode.fylke": "Alle i eit fylke",
    "sf.mode.list": "Eiga liste",
    "sf.fylke": "Fylke",
    "sf.kommuner": "Kommunar",
    "sf.none": "Vel minst éin kommune.",
    "sf.sort": "Sorter etter",
    "sf.legend": "▼ svakare enn landet, ▲ betre enn landet (intervallet dekkjer ikkje talet for landet); utan teikn: ikkje sikker skilnad.",
    "sf.col.kommune": "Kommune",
    "sf.col.share": "Del risikopoeng (%)",
    "sf.col.rank": "Plass",
    "sf.col.spread": "Spreiing (prosentpoeng)",
    "sf.col.signal": "Spreiingssignal",
    "sf.col.status": "Utfall i modellen",
    "sf.col.svakere": "Svakare enn landet (tal)",
    "sf.col.checklist": "Sjekkliste ferdig",
    "sf.batch": "Lag éin PDF per kommune (zip)",
    "sf.download_zip": "Last ned zip",
    "sf.batch_errors": "Nokre rapportar kunne ikkje lagast:",
    "sf.batch_confirm": "Dette lagar {n} rapportar og kan ta om lag {minutes} minutt.",
    "sf.yes": "ja",
    "sf.no": "nei",
    "sf.status.level": "nivå",
    "sf.status.spread": "spreiing",
    "sf.checklist_done": "{done} av {total}",
    "sf.descending": "Søkkande",
    "sf.computing": "Reknar ut for kommunane …",
    "sf.starting": "Startar …",
    # --- stat.*, uttrekk.* -------------------------------------------------------------------------
    "stat.rounding.short": (
        "Publiserte tal er avrunda. Skilnader som er mindre enn det avrundinga kan forklare, får inga vurdering, og "
        "intervallet blir gjort breiare med avrundingsfeilen."
    ),
    "stat.rounding.long": (
        "Avrunding: eit tal publisert med d desimalar kan vere opptil ei halv eining i siste desimal frå det "
        "eigentlege talet. «Resten av kommunen» blir rekna ut frå to avrunda tal, (N·kommunetal − n·skuletal)/(N − "
        "n), og avrundingsfeilen blir då forstørra med N/(N − n). Skilnaden mellom skulen og resten kan difor vere "
        "feil med opptil N/(N − n)·(δ_skule + δ_kommune). Vi utvidar intervallet for skilnaden med denne grensa på "
        "kvar side, og gir inga vurdering når sjølve skilnaden er innanfor grensa. Risikopoeng blir samanlikna på "
        "same desimal som tala blir publiserte med, slik at eit tal som ligg nøyaktig på ei grense, aldri blir rekna "
        "som under grensa."
    ),
    "stat.rounding.withheld": "Innanfor avrundinga",
    "stat.rounding.count": "{count} vurderingar fell bort når avrundinga av dei publiserte tala blir teken med.",
    "stat.one_school": (
        "Kommunen har berre éin skule med tal, så skulen kan ikkje samanliknast med resten av kommunen («kan ikkje "
        "vurderast» over). Traktdiagrammet under svarar på eit anna spørsmål: korleis skulen ligg mot skulane i "
        "fylket eller landet. Talet til skulen er då òg talet til kommunen."
    ),
    "stat.funnel.short": (
        "Grensene i trakta viser kor mykje tala varierer av tilfeldigheiter åleine. Gjennomsnitt brukar "
        "standardavviket i dataa. Med ekte skilnader mellom skular (overspreiing) blir trakta breiare."
    ),
    "stat.funnel.long": (
        "Traktdiagram (Spiegelhalter 2005): for gjennomsnitt er grensene snitt ± z·s/√n, der s er det samla "
        "standardavviket for elevane på dei skulane som blir viste (ikkje eit fast tal frå katalogen). For delar utan"
        " overspreiing blir eksakte binomiske grenser brukte. Med overspreiing blir delane rekna om med "
        "arcsin-kvadratrot-transformasjonen, grensene blir lagde på den skalaen med tillegg av τ² (eller gonga med "
        "√φ) og rekna tilbake, slik FunnelPlotR og PHE gjer det; då blir grensene aldri negative. Overspreiing blir "
        "målt med winsoriserte z-verdiar: dei 10 % mest ekstreme i kvar ende blir kutta til grensa så enkeltskular "
        "ikkje styrer svaret, og gjennomsnittet av z² (korrigert for kuttinga) blir samanlikna med det "
        "tilfeldigheitene åleine gir."
    ),
    "stat.funnel.od_model": "Modell for overspreiing",
    "stat.funnel.od_model.none": "Ingen",
    "stat.funnel.od_model.tau2": "Additiv (τ²)",
    "stat.funnel.od_model.phi": "Multiplikativ (φ)",
    "stat.funnel.sd_used": "Standardavvik på elevnivå brukt i trakta: {sd} (frå dataa).",
    "stat.bootstrap.short": (
        "Vi har trekt alle tala på nytt {reps} gonger innanfor usikkerheita deira og køyrt heile uttrekksregelen kvar"
        " gong. Intervalla viser kor mykje del, plass og utfall kunne ha variert."
    ),
    "stat.bootstrap.long": (
        "Parametrisk bootstrap av heile uttrekksregelen: kvart tal i vindauget blir trekt på nytt frå "
        "utvalsfordelinga si (delar binomisk, gjennomsnitt normalfordelt med det eigne standardavviket til talet), "
        "avrunda som ved publisering, og risikopoeng, delar, rangering, toppgruppa av skular i landet, spreiing og "
        "begge uttrekksvegane blir rekna ut på nytt. For kvar kommune gir dette eit 95 %-intervall for delen "
        "risikopoeng og for plassen, og sannsynet for å bli trekt ut (delen av simuleringane der kommunen blir trekt "
        "ut). Sannsynet gjeld eit nytt utval elevar som liknar dei faktiske, ikkje det «sanne» nivået til kommunen. "
        "Skuletal og kommunetal blir trekte uavhengig av kvarandre, og tal der talet på elevar er ukjent, blir haldne"
        " faste. Kontrollen går begge vegar: poeng som vart gitt, men kanskje ikkje held, og poeng som ikkje vart "
        "gitt, men lett kunne ha vore det."
    ),
    "stat.shrinkage.short": (
        "«Justert for små tal»: skular med få elevar blir trekte mot snittet for skulane dei blir samanlikna med, i "
        "forhold til kor usikre tala deira er."
    ),
    "stat.shrinkage.long": (
        "Empirisk Bayes: for gjennomsnitt ein normal–normal-modell der den ekte variasjonen mellom skulane (τ²) blir "
        "anslått med Paule–Mandel-metoden, og kvar skule blir trekt mot det presisjonsvekta snittet for "
        "samanlikningsgruppa med vekt s²/(s² + τ²). For delar ein beta-binomisk modell tilpassa med "
        "sannsynsmaksimering, der kvar skule får fordelinga Beta(α + talet, β + resten). Intervalla tek med "
        "usikkerheita i gruppesnittet og dekte 95 % av dei sanne verdiane i simuleringar. Dei justerte tala er til "
        "rangering og samanlikning, ikkje dei publiserte tala til skulen."
    ),
    "stat.shrinkage.option": "Justert for små tal",
    "stat.shrinkage.option_help": (
        "Trekkjer tal med få elevar mot snittet for skulane i samanlikninga (empirisk Bayes). Gir meir rettferdige "
        "samanlikningar av små skular."
    ),
    "stat.multiplicity.short": (
        "Med mange samanlikningar på éi side vil nokre vise «svakare» eller «betre» av rein tilfeldigheit."
    ),
    "stat.multiplicity.long": (
        "Mange samanlikningar: kvar samanlikning med 95 %-intervall gir ei vurdering i 5 % av tilfella sjølv når det "
        "ikkje finst nokon ekte skilnad. Med m samanlikningar er det forventa talet på falske vurderingar m·0,05, og "
        "sannsynet for minst éi falsk «svakare» 1 − 0,975^m (24 % med 11 indikatorar). Valet «kontroller for mange "
        "samanlikningar» brukar Benjamini–Hochberg-metoden: p-verdiane (frå intervalla) blir justerte slik at høgst 5"
        " % av vurderingane som står att, kan ventast å vere falske."
    ),
    "stat.multiplicity.line": (
        "{n} samanlikningar på sida. Viss ingenting eigentleg var ulikt, ville om lag {expected} av dei likevel vise "
        "«svakare» eller «betre» (sannsynet for minst éi falsk «svakare»: {p_any} %)."
    ),
    "stat.multiplicity.bh": "Kontroller for mange samanlikningar (Benjamini–Hochberg)",
    "stat.multiplicity.bh_help": (
        "Held berre på vurderingar som står seg når høgst 5 % av vurderingane på sida kan vere falske."
    ),
    "stat.multiplicity.bh_removed": "Kontrollen for mange samanlikningar fjerna {count} av {total} vurderingar.",
    "stat.persistent.short": (
        "Intervallet for dei tre åra gjeld elevkulla som er testa. Nivået til skulen over tid er meir usikkert, fordi"
        " kulla varierer."
    ),
    "stat.persistent.long": (
        "To spørsmål gir to intervall. «Dei tre elevkulla»: kor godt kjenner vi resultatet for dei elevane som "
        "faktisk er testa (tala blir slått saman, intervallet blir smalt). «Nivået til skulen over tid»: kor godt "
        "kjenner vi nivået kulla varierer rundt. Det siste blir rekna med ein modell med tilfeldige effektar over åra"
        " (variansen mellom åra anslått med Paule–Mandel) og eit Hartung–Knapp-intervall med t-fordeling, som krev "
        "minst tre år. Med ekte skilnader mellom kull er det første intervallet for smalt for det andre spørsmålet."
    ),
    "stat.estimand.pooled": "Intervallet gjeld dei tre elevkulla som er testa («dei tre elevkulla»).",
    "stat.estimand.level": "Intervallet gjeld nivået til skulen over tid («nivået til skulen over tid»).",
    "stat.estimand.choice": "Kva skal intervallet gjelde?",
    "stat.estimand.choice.pooled": "Dei tre elevkulla",
    "stat.estimand.choice.level": "Nivået til skulen over tid",
    "stat.icc.short": "Delen av skilnadene som ligg mellom skulane, med 95 %-intervall.",
    "stat.icc.long": (
        "Intraklassekorrelasjon (ICC) frå einvegs variansanalyse med talet på elevar, snitt og standardavvik per "
        "skule. Intervallet er det F-baserte intervallet til Searle med gjennomsnittleg gruppestorleik n₀ for ulike "
        "skulestorleikar. Med få skular er intervallet breitt."
    ),
    "stat.icc.value": "Del av variasjonen mellom skulane: {icc} (95 %-intervall {lo}–{hi}).",
    "stat.large_uncertainty.short": (
        "«Stor usikkerheit»: halve breidda av 95 %-intervallet (frå talet til enden av intervallet) er større enn "
        "standardavviket mellom skulane i landet."
    ),
    "stat.large_uncertainty.long": (
        "Eit tal blir merkt «stor usikkerheit» når halve breidda av 95 %-intervallet er større enn standardavviket "
        "mellom skulane i landet for same indikator, trinn og år (anslått som variansen i skuletala minus den "
        "gjennomsnittlege utvalsvariansen). Grensa følgjer dermed skalaen til indikatoren. Utan nasjonale skuletal "
        "blir den faste grensa i katalogen brukt."
    ),
    "stat.rtm.short": (
        "Kommunar som blir trekte ut fordi tala er svake, ser ofte betre ut neste gong uansett: noko av det svake var"
        " tilfeldigheiter (regresjon mot gjennomsnittet)."
    ),
    "stat.rtm.long": (
        "Regresjon mot gjennomsnittet: kommunar blir valde fordi dei har ein høg del risikopoeng. Noko av det kjem av"
        " tilfeldige skilnader mellom elevkull, og det forsvinn neste gong. Difor går delen risikopoeng for uttrekte "
        "kommunar ned i neste vindauge sjølv utan nokon endring. I dataa her: kommunane som vart trekte ut for "
        "{first}, hadde {before} % av moglege risikopoeng; i neste vindauge ({second}) hadde dei {after} %, medan "
        "regresjonslinja for alle kommunar føreseier {predicted} % av regresjon mot gjennomsnittet åleine."
    ),
    "stat.rtm.line": (
        "Regresjon mot gjennomsnittet: uttrekte kommunar gjekk frå {before} % til {after} % av moglege risikopoeng i "
        "neste vindauge i desse dataa (venta av regresjon mot gjennomsnittet åleine: {predicted} %). Slik regresjon "
        "skjer òg når ingenting blir endra i praksis, så ei betring etter uttrekket er ikkje i seg sjølv eit teikn på "
        "at tiltak verkar."
    ),
    "stat.indicator_set.short": "Indikatorsett i modellen: {label}.",
    "stat.indicator_set.long": (
        "Indikatorsettet for uttrekket 2024 (ordninga 2025–2028): grunnskulepoeng; nasjonale prøver i lesing og "
        "rekning på 5. og 8. trinn, del på meistringsnivå 1; Elevundersøkinga på 7. og 10. trinn, støtte frå læraren "
        "og motivasjon. Mobbing er ikkje med (tidlegare skildringar av ordninga nemnde mobbing), men kan slåast på "
        "som eit val. Mobbing blir framleis vist på Oversikt som ein indikator i samlinga."
    ),
    "stat.indicator_set.choice": "Indikatorsett",
    "uttrekk.boot.heading": "Kor sikkert er uttrekket?",
    "uttrekk.boot.summary": (
        "Delen risikopoeng kunne like gjerne ha vore mellom {lo} og {hi} % (95 %-intervall), og plassen mellom "
        "{rank_lo} og {rank_hi}. Kommunen vart trekt ut i {p} % av simuleringane."
    ),
    "uttrekk.boot.summary_unranked": "Kommunen har for få moglege risikopoeng til å bli rangert.",
    "uttrekk.boot.audit": (
        "Av dei {given} tala til kommunen som gav risikopoeng, kunne {given_doubt} godt (minst 20 % sannsyn) ha vore "
        "utan poeng. Av dei {not_given} tala utan poeng kunne {not_doubt} godt ha gitt poeng."
    ),
    "uttrekk.boot.col.kommune": "Kommune",
    "uttrekk.boot.col.share": "Del risikopoeng (%)",
    "uttrekk.boot.col.share_ci": "Del, 95 %-intervall",
    "uttrekk.boot.col.rank": "Plass",
    "uttrekk.boot.col.rank_ci": "Plass, 95 %-intervall",
    "uttrekk.boot.col.p_drawn": "Sannsyn for uttrekk (%)",
    "uttrekk.boot.col.drawn": "Trekt ut i modellen",
    "uttrekk.boot.col.figure": "Tal",
    "uttrekk.boot.col.period": "Skuleår",
    "uttrekk.boot.col.value": "Verdi",
    "uttrekk.boot.col.points": "Risikopoeng",
    "uttrekk.boot.col.doubt": "Sannsyn for motsett utfall (%)",
    "uttrekk.boot.audit_heading": "Poeng som kunne ha falle annleis ut",
    "uttrekk.boot.all_caption": "Alle kommunar: del, plass og sannsyn for uttrekk med usikkerheit.",
    "uttrekk.boot.computing": "Simulerer uttrekket …",
    # --- nav.*, portrett.*, skoler.*, felles.*, vurdering.*, verdict.*, spine.*, oversikt.*, presenter.* ---
    "nav.skoleportrett": "Skuleportrett",
    "portrett.title": "Skuleportrett: {school}",
    "portrett.intro": (
        "Éi side om éin skule, til skuleleiaren: tala til skulen mot resten av kommunen, kor sikre skilnadene er, kor"
        " mykje skulen betyr for skilnadene mellom skulane, og funna og spørsmåla som er kopla til skulen. Små skular"
        " får breie intervall: eit usikkert tal er ikkje eit dårleg tal."
    ),
    "portrett.choose_school": "Skule",
    "skoler.portrait_pick": "Skuleportrett for skuleleiaren",
    "skoler.portrait_link": "Opne skuleportrettet",
    "portrett.no_schools": "Kommunen har ingen skular med tal i datasettet.",
    "portrett.no_figures": "Skulen har ingen tal på indikatorane i uttrekket.",
    "portrett.figures_heading": "Tala til skulen mot resten av kommunen",
    "portrett.figures_caption": (
        "Kvar indikator slått saman over dei tre siste skuleåra ({window}). Intervalla er 95 % intervall. Skulen blir"
        " rekna som ulik resten av kommunen berre når intervallet for skilnaden ikkje inneheld null."
    ),
    "portrett.col.indicator": "Indikator",
    "portrett.col.school": "Skulen (95 % intervall)",
    "portrett.col.rest": "Resten av kommunen (95 % intervall)",
    "portrett.col.difference": "Skilnad (95 % intervall)",
    "portrett.col.certainty": "Kor sikkert",
    "portrett.col.spread": "Del av skilnadene mellom skulane",
    "portrett.col.class": "Vurdering",
    "portrett.verdict_group": "{sentence} Gjeld: {labels}.",
    "portrett.verdict_heading": "Kva vurderingane tyder",
    "portrett.certainty.sikker": "Sikker skilnad",
    "portrett.certainty.usikker": "Ikkje sikker",
    "portrett.certainty.stor_usikkerhet": "Stor usikkerheit",
    "portrett.certainty.ingen_data": "Kan ikkje vurderast",
    "portrett.verdict.suppressed": "Talet er skjerma fordi for få elevar står bak. Det blir ikkje samanlikna.",
    "portrett.verdict.ingen_data": "Talet kan ikkje samanliknast med resten av kommunen ({reason}).",
    "portrett.verdict.usikker": (
        "Skilnaden er så liten at han kan kome av tilfeldigheiter i kva elevar som gjekk på skulen."
    ),
    "portrett.verdict.stor_usikkerhet": (
        "Det er for få elevar bak talet til å seie noko sikkert. Skilnaden kan kome av tilfeldigheiter i kva elevar "
        "som gjekk på skulen."
    ),
    "portrett.verdict.svakere": (
        "Talet til skulen er svakare enn resten av kommunen, og skilnaden er større enn tilfeldigheiter åleine gir. "
        "Tala seier ikkje kvifor: elevgrunnlag, ressursar og rammene til kommunen kan spele inn. Det er noko å "
        "undersøkje saman, ikkje ein dom over skulen."
    ),
    "portrett.verdict.bedre": (
        "Talet til skulen er betre enn resten av kommunen, og skilnaden er større enn tilfeldigheiter åleine gir. Det"
        " kan vere noko dei andre skulane kan lære av."
    ),
    "portrett.verdict.lavere": (
        "Talet til skulen er lågare enn resten av kommunen, og skilnaden er større enn tilfeldigheiter åleine gir."
    ),
    "portrett.verdict.hoyere": (
        "Talet til skulen er høgare enn resten av kommunen, og skilnaden er større enn tilfeldigheiter åleine gir."
    ),
    "portrett.summary": (
        "{school} har tal på {n} indikatorar. Sikker skilnad frå resten av kommunen: {sikker}. Ikkje sikker skilnad: "
        "{usikker}. Kan ikkje vurderast (skjerma eller inga samanlikning): {ingen}."
    ),
    "portrett.spread_heading": "Delen skulen har av skilnadene mellom skulane",
    "portrett.spread_sentence": (
        "På «{label}» står skulen for {share} % av skilnadene mellom skulane i kommunen (ICC for kommunen: {icc} %)."
    ),
    "portrett.spread_none": "Delen skulen har av skilnadene, kan ikkje reknast ut (skjerma tal eller for få skular).",
    "portrett.spread_note": (
        "Delen er bidraget nᵢ(xᵢ − x̄)² frå skulen til summen av kvadrerte avvik mellom skulane. Ein stor del tyder "
        "at skulen skil seg frå dei andre, i den eine eller den andre retninga. Det seier ikkje kvifor, og det gjer "
        "ikkje skulen ansvarleg for resultata til kommunen."
    ),
    "portrett.findings_heading": "Funn kopla til skulen",
    "portrett.findings_none": "Ingen funn er kopla til skulen enno.",
    "portrett.questions_heading": "Opne spørsmål",
    "portrett.questions_none": "Ingen opne spørsmål er registrerte for skulen eller kommunen.",
    "portrett.more": "… og {n} til (sjå sida «Funn»).",
    "portrett.finding_line": "{kind}: {text}",
    "portrett.add_heading": "Legg til funn eller kommentar om skulen",
    "portrett.pdf_heading": "Éi side til skuleleiaren (PDF)",
    "portrett.pdf_button": "Lag PDF",
    "portrett.pdf_download": "Last ned skuleportrettet (PDF)",
    "portrett.pdf_error": "PDF-en kunne ikkje lagast: {error}",
    "portrett.report_title": "Skuleportrett: {school}",
    "portrett.report_subtitle": "{kommune} kommune, {fylke}. Laga {date}.",
    "portrett.report_source": "Kjelde: {source}. Tala er slått saman over {window}.",
    "portrett.report_figures": "Tala til skulen",
    "portrett.report_reading": (
        "Les tala med varsemd: små skular har få elevar, og då kan tilfeldigheiter i kva elevar som gjekk på skulen, "
        "gi store utslag. Ein skilnad blir rekna som sikker berre når 95 % intervallet for skilnaden ikkje inneheld "
        "null."
    ),
    "nav.felles": "Felles forståing",
    "nav.vurdering": "Vurder utfordringane",
    "felles.title": "Felles forståing: {kommune}",
    "felles.intro": (
        "På ei samling vurderer kvar deltakar kvar kandidat-utfordring: **kor viktig** ho er og **kor sikker** hen er"
        " på at ho stemmer (1–5), frå eigen mobil eller PC. Opprett ei økt, vis koden på skjermen, og sjå kor samde "
        "deltakarane og rollene er. Kandidat-utfordringane er funna til kommunen av typen «Utfordring»."
    ),
    "felles.new_heading": "Ny vurderingsøkt",
    "felles.new_title": "Namn på økta",
    "felles.new_title_default": "Samling om utfordringsbiletet",
    "felles.new_anonymous": "Anonyme vurderingar",
    "felles.new_anonymous_help": "Av: deltakarane skriv namnet sitt. På: berre rolla blir lagra.",
    "felles.new_button": "Opprett økt",
    "felles.created": "Økta er oppretta. Koden er {code}.",
    "felles.no_challenges": (
        "Kommunen har ingen funn av typen «Utfordring» enno. Legg dei inn på sida «Funn» først; dei blir kandidatane "
        "deltakarane vurderer."
    ),
    "felles.choose_session": "Økt",
    "felles.no_sessions": "Ingen vurderingsøkter enno. Opprett ei over.",
    "felles.session_label": "{title} ({code})",
    "felles.code_heading": "Kode for deltakarane",
    "felles.code_help": "Deltakarane opnar sida «{page}» og skriv koden, eller opnar lenkja {link}.",
    "felles.anonymous_yes": "Anonym økt: berre rolla blir lagra.",
    "felles.anonymous_no": "Økt med namn: deltakarane skriv namnet sitt.",
    "felles.close": "Steng økta for nye vurderingar",
    "felles.open": "Opne økta igjen",
    "felles.closed": "Økta er stengd.",
    "felles.refresh": "Oppdater resultata",
    "felles.results_heading": "Resultat",
    "felles.participants": "{n} deltakarar har gitt {m} vurderingar.",
    "felles.no_ratings": "Ingen vurderingar enno.",
    "felles.heatmap_heading": "Kor viktig, etter rolle",
    "felles.heatmap_title": "Gjennomsnittleg «kor viktig» (1–5) per utfordring og rolle",
    "felles.heatmap_colorbar": "Kor viktig",
    "felles.heatmap_hover": "{challenge}<br>{role}: {mean} (n = {n})",
    "felles.agreement_heading": "Semje per utfordring",
    "felles.pairs_heading": "Kven er samde?",
    "felles.role_a": "Rolle",
    "felles.role_b": "Mot rolle",
    "felles.pair_enige": "{a} og {b} er samde om: {items}.",
    "felles.pair_uenige": "{a} og {b} er usamde om: {items}.",
    "felles.pair_none_enige": "{a} og {b} er ikkje samde om nokon av utfordringane enno.",
    "felles.pair_none_uenige": "{a} og {b} er ikkje usamde om nokon av utfordringane.",
    "felles.pair_unknown": "Ikkje vurdert av begge rollene enno: {items}.",
    "felles.col.challenge": "Utfordring",
    "felles.col.n": "Talet på vurderingar",
    "felles.col.mean_importance": "Kor viktig (snitt)",
    "felles.col.mean_certainty": "Kor sikker (snitt)",
    "felles.col.sd": "Standardavvik",
    "felles.col.rwg": "Semje r_wg (95 % intervall)",
    "felles.col.band": "Grad av semje",
    "felles.band.svart_sterk": "Svært sterk",
    "felles.band.sterk": "Sterk",
    "felles.band.moderat": "Moderat",
    "felles.band.svak": "Svak",
    "felles.band.ingen": "Inga semje",
    "felles.band.ukjent": "For få vurderingar",
    "felles.method_heading": "Slik blir semja målt",
    "felles.method": (
        "Semja per utfordring er r_wg (James, Demaree og Wolf 1984): 1 minus variansen i vurderingane delt på "
        "variansen vi ville ha fått om deltakarane svarte heilt tilfeldig over dei fem verdiane ((5² − 1)/12 = 2). 1 "
        "tyder at alle svarte likt; 0 at svara sprikjer like mykje som tilfeldige svar (negative verdiar blir sette "
        "til 0). Intervallet er eit 95 % bootstrap-intervall: deltakarane blir trekte på nytt med tilbakelegging 2000"
        " gonger. Med få deltakarar er intervallet breitt og berre ein grov peikepinn. Gradene følgjer LeBreton og "
        "Senter (2008): over 0,90 svært sterk, 0,71–0,90 sterk, 0,51–0,70 moderat, 0,31–0,50 svak. To roller blir "
        "rekna som samde når snitta deira på «kor viktig» skil seg med høgst eitt skalapoeng, og som usamde elles; "
        "det er ei skildring, ikkje ein statistisk test."
    ),
    "felles.role_plural.skoleeier": "skuleeigar",
    "felles.role_plural.skoleleder": "skuleleiarar",
    "felles.role_plural.laerer": "lærarar og tillitsvalde",
    "felles.role_plural.veileder": "rettleiarar",
    "felles.role_plural.ppt": "PPT og barnehage",
    "felles.default_author": "Rettleiar",
    "felles.error": "Vurderingsøkta kunne ikkje lesast eller lagrast. Feilen er logga.",
    "vurdering.title": "Vurder utfordringane",
    "vurdering.code": "Kode frå rettleiaren",
    "vurdering.code_help": "Seks teikn, til dømes ABC234. Store eller små bokstavar går like fint.",
    "vurdering.open": "Opne",
    "vurdering.ask_code": "Skriv koden du har fått av rettleiaren.",
    "vurdering.session": "Økt: {title}",
    "vurdering.anonymous": "Vurderingane dine er anonyme: berre rolla blir lagra.",
    "vurdering.named": "Denne økta er ikkje anonym: skriv namnet ditt.",
    "vurdering.closed": "Økta er stengd for nye vurderingar.",
    "vurdering.role": "Rolla di",
    "vurdering.name": "Namnet ditt",
    "vurdering.importance": "Kor viktig er denne utfordringa?",
    "vurdering.certainty": "Kor sikker er du på at ho stemmer?",
    "vurdering.scale_help": "1 = lite, 5 = svært.",
    "vurdering.save": "Lagre vurderingane",
    "vurdering.saved": "Takk! {n} er lagra. Du kan endre dei og lagre på nytt.",
    "vurdering.one": "vurdering",
    "vurdering.many": "vurderingar",
    "vurdering.none": "Økta har ingen utfordringar å vurdere enno.",
    "vurdering.challenge": "Utfordring {i} av {n}",
    "verdict.subject.kommune": "Kommunen",
    "verdict.subject.skole": "Skulen",
    "verdict.ref.nasjonalt": "landet",
    "verdict.ref.fylke": "fylket",
    "verdict.ref.rest": "resten av kommunen",
    "verdict.ref.peers": "dei samanliknbare kommunane",
    "verdict.below_worse": "{subject} ligg sikkert under {ref}.",
    "verdict.above_better": "{subject} ligg sikkert over {ref}.",
    "verdict.above_worse": "{subject} ligg sikkert over {ref}. Her er lågt best, så det er svakare.",
    "verdict.below_better": "{subject} ligg sikkert under {ref}. Her er lågt best, så det er betre.",
    "verdict.lavere": "{subject} ligg sikkert under {ref}.",
    "verdict.hoyere": "{subject} ligg sikkert over {ref}.",
    "verdict.ikke_sikker": "Vi kan ikkje seie at {subject_lc} skil seg frå {ref}.",
    "verdict.skjermet": "Talet er skjerma fordi for få elevar står bak, så vi kan ikkje vurdere det.",
    "verdict.ingen_data": "Vi har ikkje nok tal til å vurdere dette.",
    "verdict.label.svakere": "Sikkert svakare enn {ref}",
    "verdict.label.bedre": "Sikkert betre enn {ref}",
    "verdict.label.ikke_sikker": "Ikkje sikker skilnad",
    "verdict.label.lavere": "Sikkert lågare enn {ref}",
    "verdict.label.hoyere": "Sikkert høgare enn {ref}",
    "verdict.label.ingen_data": "Kan ikkje vurderast",
    "verdict.summary": (
        "Av {total} indikatorar er {svakere} sikkert svakare og {bedre} sikkert betre enn {ref}; for {usikker} kan vi"
        " ikkje seie at kommunen skil seg frå {ref}, og {ingen} kan ikkje vurderast."
    ),
    "verdict.summary_neutral": "I tillegg er {lavere} sikkert lågare og {hoyere} sikkert høgare enn {ref}.",
    "verdict.method_expander": "Slik er det rekna ut",
    "spine.title": "Alle indikatorane på eitt blikk ({window} samla)",
    "spine.benchmark": "Samanlikn med",
    "oversikt.tab.chart": "Diagram",
    "spine.benchmark.nasjonalt": "Landet",
    "spine.benchmark.fylke": "Fylket",
    "spine.short.grunnskolepoeng": "Grunnskulepoeng",
    "spine.short.np_mestring_1": "Meistringsnivå 1",
    "spine.short.eu_stotte_larer": "Støtte frå læraren",
    "spine.short.eu_motivasjon": "Motivasjon",
    "spine.short.eu_mobbing": "Mobbing",
    "spine.worse_side": "◀ svakare",
    "spine.better_side": "betre ▶",
    "spine.col.kommune": "Kommunen",
    "spine.col.n": "n",
    "spine.col.benchmark.nasjonalt": "Landet",
    "spine.col.benchmark.fylke": "Fylket",
    "spine.legend.range.nasjonalt": "Alle kommunar, lågaste til høgaste",
    "spine.legend.range.fylke": "Kommunane i fylket, lågaste til høgaste",
    "spine.legend.mid": "Den midtre halvdelen av kommunane",
    "spine.legend.benchmark.nasjonalt": "Landet (midtstreken)",
    "spine.legend.benchmark.fylke": "Fylket (midtstreken)",
    "spine.legend.second.nasjonalt": "Fylket",
    "spine.legend.second.fylke": "Landet",
    "spine.hover": "{label}<br>{value}<br>{sentence}",
    "spine.help": (
        "Éi rad per indikator. Stolpen viser spennet mellom kommunane, med {ref} som midtstrek. Betre er alltid til "
        "høgre, òg der lågt er best (meistringsnivå 1 og mobbing). Fargen og forma på merket seier om kommunen "
        "sikkert skil seg frå {ref}. «skjerma» tyder at for få elevar står bak talet."
    ),
    "spine.table_title": "Tabellvising av diagrammet",
    "spine.col.indikator": "Indikator",
    "spine.col.verdi": "Kommunen",
    "spine.col.vurdering": "Vurdering",
    "spine.col.benchmark": "Samanlikningstal",
    "spine.col.range": "Kommunane (lågaste–høgaste)",
    "nav.presenter": "Presenter",
    "presenter.prev": "◀ Førre",
    "presenter.next": "Neste ▶",
    "presenter.step": "{step} av {total}",
    "presenter.exit": "Avslutt presentasjonen",
    "presenter.keys": "Piltastane ◀ ▶ blar. Trykk F11 for fullskjerm i nettlesaren.",
    "presenter.link": "Lenkje til denne skjermen",
    "presenter.demo": "Demodata: oppdikta kommunar og tal.",
    "presenter.title.start": "Utfordringsbiletet for {kommune}",
    "presenter.sentence.start": "Tala for {window}, det vi har funne, og det vi framleis lurer på.",
    "presenter.title.spine": "Alle indikatorane på eitt blikk",
    "presenter.spine.some": (
        "{svakere} av {total} indikatorar er sikkert svakare enn landet, og {bedre} er sikkert betre."
    ),
    "presenter.spine.none": "Vi kan ikkje seie at kommunen skil seg frå landet på nokon av indikatorane.",
    "presenter.title.indicator": "{label}",
    "presenter.values": "Kommunen {value}, landet {national}, fylket {fylke} (samla over {window}).",
    "presenter.title.schools": "Skulane: {label}",
    "presenter.schools.one": "Kommunen har {schools} med tal, så skulane blir ikkje samanlikna med kvarandre.",
    "presenter.schools.none": "Ingen skule skil seg sikkert frå resten av kommunen.",
    "presenter.schools.worse": "{names} ligg sikkert svakare enn resten av kommunen.",
    "presenter.schools.better": "{names} ligg sikkert betre enn resten av kommunen.",
    "presenter.school": "skule",
    "presenter.schools_word": "skular",
    "presenter.and": "og",
    "presenter.title.styrker": "Styrkar",
    "presenter.title.utfordringer": "Utfordringar",
    "presenter.title.questions": "Opne spørsmål",
    "presenter.sentence.styrker": "Dette fungerer godt, ifølgje funna.",
    "presenter.sentence.utfordringer": "Dette må vi arbeide med, ifølgje funna.",
    "presenter.sentence.questions": "Dette veit vi ikkje enno.",
    "presenter.none.styrker": "Ingen styrkar er registrerte enno.",
    "presenter.none.utfordringer": "Ingen utfordringar er registrerte enno.",
    "presenter.none.questions": "Ingen opne spørsmål er registrerte enno.",
    "presenter.hypothesis": "Hypotese: {text}",
    "presenter.no_data": "Kommunen har ingen tal for uttrekksindikatorane.",
    # gjf
    "rep.felles.session": "Vurderingane er frå økta «{title}» ({state}, oppretta {date}).",
    "rep.felles.open": "framleis open",
    "rep.felles.closed": "avslutta",
    "rep.felles.lead": "Semje mellom rollene (skilnad i gjennomsnittleg «kor viktig» på høgst eitt poeng):",
    "ub.inc.agreement": "Felles forståing (vurderingane)",
    "maal.export_csv": "Last ned måla som CSV for Excel",
    "rep.felles.no_pairs": "Rollene rapporten samanliknar (skuleleiarar og skuleeigar, lærarar og skuleleiarar) har ikkje begge gitt vurderingar enno.",
    "maal.skoleleder_scope": "Som skuleleiar kan du setje og endre mål for din eigen skule. Måla til kommunen og dei andre skulane kan du lese.",
    # --- nn2: report and chart literals that were bokmål only ---------------------------------------
    "rep.short.grunnskolepoeng": "GSP",
    "rep.short.np_mestring_1": "Nivå 1",
    "rep.short.eu_stotte_larer": "Støtte lærar",
    "rep.short.eu_motivasjon": "Motivasjon",
    "rep.short.eu_mobbing": "Mobbing",
    "rep.kind_plural.styrke": "styrkar",
    "rep.kind_plural.utfordring": "utfordringar",
    "rep.kind_plural.hypotese": "hypotesar",
    "rep.kind_plural.sporsmal": "spørsmål",
    "rep.kind_plural.tiltakside": "tiltaksidear",
    "rep.supporting": "Tala: {parts}",
    "rep.supporting_part": "{indicator} {value} mot {national} i landet; {sentence}",
    "rep.chart.school_interval": "Skulen (95 % intervall)",
    "chart.school_share": "Delen risikopoeng for skulen",
    "chart.kommune_share": "Delen for kommunen",
    "chart.top_group_line": "Grense for dei 25 % av skulane i landet med høgast del",
    "chart.share_axis": "Del av moglege risikopoeng (%)",
    "rep.progress.image": "Lagar bilete {done} av {total}",
    "rep.progress.charts": "Teiknar grafane",
    "rep.progress.pdf": "Set saman PDF",
    "rep.progress.pdf_done": "PDF ferdig",
    "rep.progress.docx": "Set saman Word-dokument",
    "rep.progress.docx_done": "Word-dokument ferdig",
    "rep.progress.kommune": "Kommune {i} av {n}: {text}",
    "rep.progress.done": "Ferdig",
    "rep.batch_error": "{kid}: rapporten kunne ikkje lagast ({error}).",
    "rep.pdf_no_pango": "PDF kunne ikkje lagast: systembiblioteket Pango manglar (pakken libpango-1.0-0).",
    "rep.pdf_failed": "PDF kunne ikkje lagast. Detaljane står i loggen.",
    "rep.no_chromium": (
        "Fann ikkje nettlesaren Chromium, som trengst for å lage bilete av grafane. Installer pakken «chromium» eller "
        "set BROWSER_PATH."
    ),
    "rep.images_failed": "Grafane kunne ikkje gjerast om til bilete (kaleido/Chromium feila). Detaljane står i loggen.",
    "rep.image_missing": "biletet manglar",
}
