"""Nynorsk for the messages the data layer writes in bokmål: import refusals and warnings, skip reasons,
validation of findings, goals and ratings, the findings exchange, access and the findings database.

``data/`` may not import ``present``; its messages stay bokmål there (tests match on them) and are shown
through ``present.strings.tr``, which replaces these phrases (together with ``strings_nn_phrases``), longest
first. A message built around values (a file name, a number, a line) is split at the values, so the values
pass through unchanged. ``tests/test_language_messages.py`` scans ``data/`` for every literal that reaches a
user and fails when a fragment is not covered here.
"""

from __future__ import annotations

NN_MESSAGES: dict[str, str] = {
    # --- data.importers: pipeline, container, text --------------------------------------------------
    "Skoleporten-nedlasting (CSV), eksport fra Udirs statistikkbank (CSV eller Excel) eller en SSB-tabell i "
    "JSON-stat2":
        "Skoleporten-nedlasting (CSV), eksport frå statistikkbanken til Udir (CSV eller Excel) eller ein SSB-tabell i "
        "JSON-stat2",
    "Ukjent filformat. Forventet ": "Ukjend filformat. Venta ",
    ". Første linje var: «": ". Første linja var: «",
    "Filen er en ZIP-fil (komprimert), ikke en CSV-fil. Pakk den ut og last opp CSV-filen(e) den inneholder.":
        "Fila er ei ZIP-fil (komprimert), ikkje ei CSV-fil. Pakk henne ut og last opp CSV-fila/-filene ho inneheld.",
    "Filen er i det gamle Excel-formatet (.xls). Åpne den og lagre som .xlsx, eller eksporter som CSV.":
        "Fila er i det gamle Excel-formatet (.xls). Opne henne og lagre som .xlsx, eller eksporter som CSV.",
    "Filen er en PDF. Forventet ": "Fila er ein PDF. Venta ",
    "Filen er ikke en tekstfil. Forventet ": "Fila er ikkje ei tekstfil. Venta ",
    "Filen er et RTF-dokument (Word eller WordPad), ikke en eksport. Last opp CSV- eller Excel-filen fra kilden. "
    "Forventet ":
        "Fila er eit RTF-dokument (Word eller WordPad), ikkje ein eksport. Last opp CSV- eller Excel-fila frå kjelda. "
        "Venta ",
    "Filen er tom. Forventet en overskriftslinje og tall.": "Fila er tom. Venta ei overskriftslinje og tal.",
    "Størrelsen på JSON-filen": "Storleiken på JSON-fila",
    "Velg færre år eller regioner i tabellen.": "Vel færre år eller regionar i tabellen.",
    "JSON-filen er nestet dypere enn grensen på ": "JSON-fila er nesta djupare enn grensa på ",
    " nivåer. En JSON-stat2-tabell fra SSB har noen få nivåer.":
        " nivå. Ein JSON-stat2-tabell frå SSB har nokre få nivå.",
    "JSON-filen er ikke et JSON-stat2-datasett (forventet «class»: «dataset»).":
        "JSON-fila er ikkje eit JSON-stat2-datasett (venta «class»: «dataset»).",
    "Ukjent oppsett. Forventet ": "Ukjend oppsett. Venta ",
    "filnavnet er skjult": "filnamnet er skjult",
    "Filnavnet ser ut til å inneholde et fødselsnummer. Filer med personopplysninger importeres ikke; gi filen et "
    "nytt navn uten nummeret.":
        "Filnamnet ser ut til å innehalde eit fødselsnummer. Filer med personopplysningar blir ikkje importerte; gi "
        "fila eit nytt namn utan nummeret.",
    "Filene har ulike tall for det samme (": "Filene har ulike tal for det same (",
    "). Last dem opp hver for seg, eller fjern den ene.": "). Last dei opp kvar for seg, eller fjern den eine.",
    "Ingen tall kunne importeres fra filen: alle rader ble hoppet over":
        "Ingen tal kunne importerast frå fila: alle radene vart hoppa over",
    ": Filen er for stor til å leses med minnet som er ledig. Del den opp.":
        ": Fila er for stor til å lesast med minnet som er ledig. Del henne opp.",
    ": Filen kunne ikke leses på grunn av en uventet feil (detaljer er logget). Kontroller at det er ":
        ": Fila kunne ikkje lesast på grunn av ein uventa feil (detaljane er logga). Kontroller at det er ",
    # encodings and delimiters shown in the report
    " uten BOM": " utan BOM",
    " (dobbel BOM fjernet)": " (dobbel BOM fjerna)",
    " (dobbeltkodet tekst reparert)": " (dobbelkoda tekst reparert)",
    # textio
    "Filen er ": "Fila er ",
    " MB. Grensen er ": " MB. Grensa er ",
    " MB per fil. Del opp eksporten (for eksempel per skoleår eller per fylke) og last opp delene.":
        " MB per fil. Del opp eksporten (til dømes per skuleår eller per fylke) og last opp delane.",
    "Filen er tom (0 byte). Forventet en eksport med en overskriftslinje og tall.":
        "Fila er tom (0 byte). Venta ein eksport med ei overskriftslinje og tal.",
    "Filen inneholder binære tegn (NUL) og er ikke en tekstfil (CSV).":
        "Fila inneheld binære teikn (NUL) og er ikkje ei tekstfil (CSV).",
    "Filen slutter midt i et tegn: den er trolig avkortet (ufullstendig nedlasting eller kopiering). Last ned "
    "eksporten på nytt.":
        "Fila sluttar midt i eit teikn: ho er truleg avkorta (ufullstendig nedlasting eller kopiering). Last ned "
        "eksporten på nytt.",
    "Filen blander tegnkodinger: den er UTF-8, men denne linjen har tegn i en annen koding (for eksempel "
    "Windows-1252) eller en ødelagt byte. Lagre hele filen på nytt som UTF-8, eller eksporter den på nytt.":
        "Fila blandar teiknkodingar: ho er UTF-8, men denne linja har teikn i ei anna koding (til dømes "
        "Windows-1252) eller ein øydelagd byte. Lagre heile fila på nytt som UTF-8, eller eksporter henne på nytt.",
    "Fant ingen skilletegn i overskriftslinjen (forventet semikolon, tabulator eller komma mellom kolonnene). "
    "Linjen var: «":
        "Fann ingen skiljeteikn i overskriftslinja (venta semikolon, tabulator eller komma mellom kolonnane). "
        "Linja var: «",
    "Overskriften har samme kolonnenavn flere ganger: ": "Overskrifta har same kolonnenamn fleire gonger: ",
    "Filen sier den er ": "Fila seier ho er ",
    ", men inneholder ugyldige tegn. Eksporter filen på nytt uten å redigere den.":
        ", men inneheld ugyldige teikn. Eksporter fila på nytt utan å redigere henne.",
    "Linjen har ": "Linja har ",
    " felt, men overskriften har ": " felt, men overskrifta har ",
    " (skilletegn ": " (skiljeteikn ",
    "). Kontroller at hele filen bruker samme skilletegn og ikke er redigert for hånd.":
        "). Kontroller at heile fila brukar same skiljeteikn og ikkje er redigert for hand.",
    "Filen kunne ikke leses som CSV (ugyldig sitering eller linjeskift i felt).":
        "Fila kunne ikkje lesast som CSV (ugyldig sitering eller linjeskift i felt).",
    "Tegnkodingen er ukjent: filen er verken UTF-8, UTF-16 eller Windows-1252. Lagre eksporten på nytt som CSV "
    "(UTF-8).":
        "Teiknkodinga er ukjend: fila er verken UTF-8, UTF-16 eller Windows-1252. Lagre eksporten på nytt som CSV "
        "(UTF-8).",
    # --- limits ------------------------------------------------------------------------------------------
    ". Grensen er ": ". Grensa er ",
    "Størrelsen på filene i opplastingen til sammen": "Storleiken på filene i opplastinga til saman",
    "Last opp færre filer om gangen.": "Last opp færre filer om gongen.",
    "Antall kolonner i overskriften": "Talet på kolonner i overskrifta",
    "Velg færre år eller grupper i eksporten.": "Vel færre år eller grupper i eksporten.",
    "Den lengste linjen": "Den lengste linja",
    "Filen ser ikke ut som en vanlig eksport.": "Fila ser ikkje ut som ein vanleg eksport.",
    "Importen tok lengre tid enn grensen på ": "Importen tok lengre tid enn grensa på ",
    " sekunder og ble stoppet. Del opp filen (for eksempel per skoleår eller fylke) og last opp delene.":
        " sekund og vart stoppa. Del opp fila (til dømes per skuleår eller fylke) og last opp delane.",
    "Antall celler i tabellen (produktet av «size»)": "Talet på celler i tabellen (produktet av «size»)",
    "Velg færre år, regioner eller kategorier i tabellen.": "Vel færre år, regionar eller kategoriar i tabellen.",
    "Størrelsen på Excel-filen pakket ut": "Storleiken på Excel-fila pakka ut",
    "Eksporter som CSV i stedet.": "Eksporter som CSV i staden.",
    "Antall ark i Excel-filen": "Talet på ark i Excel-fila",
    "Antall kolonner arket oppgir å ha": "Talet på kolonner arket oppgir å ha",
    "Lagre eksporten på nytt uten tomme kolonner, eller som CSV.":
        "Lagre eksporten på nytt utan tomme kolonner, eller som CSV.",
    "Antall celler arket oppgir å ha": "Talet på celler arket oppgir å ha",
    "Lagre eksporten på nytt uten tomme rader, eller som CSV.": "Lagre eksporten på nytt utan tomme rader, eller som CSV.",
    "Antall rader i arket": "Talet på rader i arket",
    "Eksporter som CSV i stedet (CSV har ingen slik grense under 150 MB).":
        "Eksporter som CSV i staden (CSV har inga slik grense under 150 MB).",
    "Antall kolonner i rad ": "Talet på kolonner i rad ",
    # --- spreadsheet and xlsx cells ------------------------------------------------------------------
    "Fant ingen ark med en kjent overskrift (forventet statistikkbankens kolonner EnhetNivaa … EnhetNavn, eller "
    "Skoleportens Enhetsnavn … Måleenhet).":
        "Fann ikkje noko ark med ei kjend overskrift (venta kolonnane til statistikkbanken, EnhetNivaa … EnhetNavn, "
        "eller Enhetsnavn … Måleenhet frå Skoleporten).",
    "Excel-filen kunne ikke åpnes (ødelagt zip). Lagre den på nytt som .xlsx eller eksporter som CSV.":
        "Excel-fila kunne ikkje opnast (øydelagd zip). Lagre henne på nytt som .xlsx eller eksporter som CSV.",
    "Excel-filen kunne ikke åpnes (": "Excel-fila kunne ikkje opnast (",
    "). Lagre den på nytt som .xlsx eller eksporter som CSV.":
        "). Lagre henne på nytt som .xlsx eller eksporter som CSV.",
    "Excel-filen kunne ikke åpnes: arbeidsboken har ingen ark (ødelagt eller ufullstendig fil). Lagre den på nytt "
    "som .xlsx eller eksporter som CSV.":
        "Excel-fila kunne ikkje opnast: arbeidsboka har ingen ark (øydelagd eller ufullstendig fil). Lagre henne på "
        "nytt som .xlsx eller eksporter som CSV.",
    "Excel-filen har en formel uten utregnet verdi (celle ": "Excel-fila har ein formel utan utrekna verdi (celle ",
    "). Åpne filen i Excel, lagre den (så verdiene regnes ut) og last opp på nytt, eller eksporter som CSV.":
        "). Opne fila i Excel, lagre henne (så verdiane blir rekna ut) og last opp på nytt, eller eksporter som CSV.",
    "Excel-filen er ødelagt: cellen i rad ": "Excel-fila er øydelagd: cella i rad ",
    " viser til en tekst som ikke finnes. Lagre den på nytt som .xlsx eller eksporter som CSV.":
        " viser til ein tekst som ikkje finst. Lagre henne på nytt som .xlsx eller eksporter som CSV.",
    # --- format labels and what was not recognised (the report's tables) ---------------------------------
    "Udirs eksport-API for Elevundersøkelsen (JSON)": "Eksport-API-et til Udir for Elevundersøkinga (JSON)",
    "Udir statistikkbanken (enheter i rader)": "Udir statistikkbanken (einingar i rader)",
    "Udir statistikkbanken (indikatorer i rader)": "Udir statistikkbanken (indikatorar i rader)",
    "» (måleenhet «": "» (måleeining «",
    "Enhet «": "Eining «",
    # --- canonical, checks, identity, kommuner ----------------------------------------------------------
    " rader var kopier av andre rader (samme enhet, indikator, skoleår og tall) og er tatt med bare én gang.":
        " rader var kopiar av andre rader (same eining, indikator, skuleår og tal) og er tekne med berre éin gong.",
    "Motstridende tall: linjene ": "Motstridande tal: linjene ",
    " gjelder samme tall (": " gjeld same tal (",
    ") men har ulike verdier (": ") men har ulike verdiar (",
    "). Forventet én verdi per enhet, indikator og skoleår. ": "). Venta éin verdi per eining, indikator og skuleår. ",
    " rader er berørt; ingenting er importert.": " rader er rørte; ingenting er importert.",
    "uten fag": "utan fag",
    " tomme rader ble erstattet av en rad med tall for samme enhet og skoleår.":
        " tomme rader vart erstatta av ei rad med tal for same eining og skuleår.",
    " tall bygde på færre elever enn grensen for skjerming i indikatorkatalogen og er lagret som skjermet (*), slik "
    "kilden selv skulle ha gjort.":
        " tal bygde på færre elevar enn grensa for skjerming i indikatorkatalogen og er lagra som skjerma (*), slik "
        "kjelda sjølv skulle ha gjort.",
    " enhetsnavn hadde usynlige tegn eller styretegn, eller var lengre enn ":
        " einingsnamn hadde usynlege teikn eller styreteikn, eller var lengre enn ",
    " tegn; de er renset eller forkortet.": " teikn; dei er reinsa eller forkorta.",
    # the unit of a limit refusal («… er 5 000 119 tegn. Grensen er 1 000 000 tegn.») and of a name's length
    " tegn. Grensen er ": " teikn. Grensa er ",
    " tegn. Filen ser ikke ut som en vanlig eksport.": " teikn. Fila ser ikkje ut som ein vanleg eksport.",
    " tegn.": " teikn.",
    "Et enhetsnavn i filen ser ut til å inneholde et fødselsnummer. Filer med personopplysninger importeres ikke; "
    "fjern nummeret og last opp på nytt.":
        "Eit einingsnamn i fila ser ut til å innehalde eit fødselsnummer. Filer med personopplysningar blir ikkje "
        "importerte; fjern nummeret og last opp på nytt.",
    "Alle verdiene for «": "Alle verdiane for «",
    "» ligger mellom 0 og 1 (for eksempel ": "» ligg mellom 0 og 1 (til dømes ",
    "). Indikatoren er i prosent (0–100); filen ser ut til å ha andeler som brøk. Eksporter på nytt i prosent, eller "
    "gang med 100 før opplasting.":
        "). Indikatoren er i prosent (0–100); fila ser ut til å ha delar som brøk. Eksporter på nytt i prosent, eller "
        "gong med 100 før opplasting.",
    " skoler ble kjent igjen på navn blant skolene som alt finnes i kommune ":
        " skular vart kjende att på namn blant skulane som alt finst i kommune ",
    "Tvetydig skolenavn «": "Tvitydig skulenamn «",
    " skoler i kommune ": " skular i kommune ",
    " heter det samme (": " heiter det same (",
    "). Tallene er lagt inn som en egen enhet.": "). Tala er lagde inn som ei eiga eining.",
    " hører ikke til fylke ": " høyrer ikkje til fylke ",
    " (de to første sifrene i kommunenummeret er fylket). ": " (dei to første sifra i kommunenummeret er fylket). ",
    " rader er berørt; ingenting er importert. Kontroller at kolonnene ikke er forskjøvet og at numrene har fire "
    "sifre.":
        " rader er rørte; ingenting er importert. Kontroller at kolonnane ikkje er forskuva og at numra har fire "
        "siffer.",
    # --- eu_api, jsonstat, refusals -----------------------------------------------------------------------
    "Forventet en liste med poster fra Udirs eksport-API (svaret på «…/data»).":
        "Venta ei liste med postar frå eksport-API-et til Udir (svaret på «…/data»).",
    "Svaret fra eksport-API-et er tomt (ingen poster). Kontroller filteret.":
        "Svaret frå eksport-API-et er tomt (ingen postar). Kontroller filteret.",
    "Ingen av postene kunne brukes (se hoppet over).": "Ingen av postane kunne brukast (sjå hoppa over).",
    "JSON-filen kan ikke leses: ": "JSON-fila kan ikkje lesast: ",
    " kommuner fra «": " kommunar frå «",
    "JSON-stat-filen er ikke gyldig: dimensjonen «": "JSON-stat-fila er ikkje gyldig: dimensjonen «",
    "» mangler «category».": "» manglar «category».",
    "JSON-stat-filen har samme kategori flere ganger i dimensjonen «":
        "JSON-stat-fila har same kategori fleire gonger i dimensjonen «",
    ". Hver kategori skal forekomme én gang.": ". Kvar kategori skal førekome éin gong.",
    "JSON-stat-filen er ikke gyldig: «id», «size» og «dimension» stemmer ikke overens.":
        "JSON-stat-fila er ikkje gyldig: «id», «size» og «dimension» stemmer ikkje overeins.",
    "JSON-stat-filen har en ": "JSON-stat-fila har ein ",
    " med nøkkel «": " med nøkkelen «",
    "», men nøklene skal være cellenumre fra 0 til ": "», men nøklane skal vere cellenummer frå 0 til ",
    "JSON-stat-filen har verdien «": "JSON-stat-fila har verdien «",
    "», som ikke er et tall. Verdier skal være tall eller null (manglende).":
        "», som ikkje er eit tal. Verdiar skal vere tal eller null (manglande).",
    "JSON-stat-filen har en verdi som ikke er et endelig tall.": "JSON-stat-fila har ein verdi som ikkje er eit endeleg tal.",
    "JSON-stat-filen er ikke gyldig: antall kategorier stemmer ikke med «size».":
        "JSON-stat-fila er ikkje gyldig: talet på kategoriar stemmer ikkje med «size».",
    "Tabellen har ingen regiondimensjon med kommunenumre (forventet f.eks. «Region» med koder som 3001 eller "
    "K-3001).":
        "Tabellen har ingen regiondimensjon med kommunenummer (venta t.d. «Region» med kodar som 3001 eller K-3001).",
    "Fant ikke hvilket kontekstmål tabellen «": "Fann ikkje kva kontekstmål tabellen «",
    "» gir. Forventet befolkning (folkemengde), utdanningsnivå, uføretrygd, barnevern eller KOSTRA-gruppe.":
        "» gir. Venta befolkning (folkemengd), utdanningsnivå, uføretrygd, barnevern eller KOSTRA-gruppe.",
    "Siste år med verdi brukes per kommune (tidsdimensjon «": "Siste år med verdi blir brukt per kommune (tidsdimensjon «",
    "Utdanningstabellen mangler en dimensjon med utdanningsnivå (forventet kategorier som «Universitets- og "
    "høgskolenivå kort»).":
        "Utdanningstabellen manglar ein dimensjon med utdanningsnivå (venta kategoriar som «Universitets- og "
        "høgskolenivå kort»).",
    "JSON-stat-filen mangler «id», «size» eller «dimension» (forventet et JSON-stat 2.0-datasett fra SSB).":
        "JSON-stat-fila manglar «id», «size» eller «dimension» (venta eit JSON-stat 2.0-datasett frå SSB).",
    "JSON-stat-filen har ": "JSON-stat-fila har ",
    " verdier, men «size» gir ": " verdiar, men «size» gir ",
    "JSON-stat-filen er ikke gyldig: «value» er verken liste eller objekt.":
        "JSON-stat-fila er ikkje gyldig: «value» er verken liste eller objekt.",
    "forventet en verdi": "venta ein verdi",
    "forventet et feltnavn i doble anførselstegn": "venta eit feltnamn i doble hermeteikn",
    "forventet komma": "venta komma",
    "forventet kolon": "venta kolon",
    "teksten slutter ikke": "teksten sluttar ikkje",
    "ugyldig styretegn": "ugyldig styreteikn",
    "ugyldig escape-sekvens": "ugyldig escape-sekvens",
    "ugyldig \\u-sekvens": "ugyldig \\u-sekvens",
    "mer innhold etter slutten av JSON-dokumentet": "meir innhald etter slutten av JSON-dokumentet",
    "ugyldig oppbygning": "ugyldig oppbygnad",
    " (tegn ": " (teikn ",
    "JSON-stat-filen er ikke gyldig: «index» i «": "JSON-stat-fila er ikkje gyldig: «index» i «",
    "» er verken liste eller objekt.": "» er verken liste eller objekt.",
    " statuskoder, men bare ": " statuskodar, men berre ",
    "JSON-stat-filen er ikke gyldig: kategoriene i «": "JSON-stat-fila er ikkje gyldig: kategoriane i «",
    "» har posisjoner som ikke er 0, 1, 2 … uten hull eller gjentakelser.":
        "» har posisjonar som ikkje er 0, 1, 2 … utan hol eller gjentakingar.",
    "Dette er et svar fra Udirs rapport-API (statistikkportalen), ikke en eksportfil. Bruk «Eksporter» i "
    "statistikkbanken og last opp CSV-filen.":
        "Dette er eit svar frå rapport-API-et til Udir (statistikkportalen), ikkje ei eksportfil. Bruk «Eksporter» i "
        "statistikkbanken og last opp CSV-fila.",
    "Dette er en kodeliste fra SSB Klass (kommune- eller fylkesnumre), ikke tall. Forventet Skoleporten-nedlasting "
    "(CSV), eksport fra Udirs statistikkbank (CSV eller Excel) eller en SSB-tabell i JSON-stat2.":
        "Dette er ei kodeliste frå SSB Klass (kommune- eller fylkesnummer), ikkje tal. Venta Skoleporten-nedlasting "
        "(CSV), eksport frå statistikkbanken til Udir (CSV eller Excel) eller ein SSB-tabell i JSON-stat2.",
    # --- skoleporten, statbank ---------------------------------------------------------------------------
    "Skoleporten-nedlastinger leses som CSV; lagre arket som CSV og last opp på nytt.":
        "Nedlastingar frå Skoleporten blir lesne som CSV; lagre arket som CSV og last opp på nytt.",
    "Mangler kolonnene ": "Manglar kolonnane ",
    ". En Skoleporten-nedlasting skal ha overskriften «": ". Ei nedlasting frå Skoleporten skal ha overskrifta «",
    "Kolonner som ikke brukes, er hoppet over: ": "Kolonner som ikkje blir brukte, er hoppa over: ",
    "Filen har bare overskriftslinjen og ingen tall.": "Fila har berre overskriftslinja og ingen tal.",
    "Filen har bare skolenavn, ikke skole- eller kommunenummer. Ingen kommune ble oppgitt, så skolene er lagt under "
    "kommunenummer ":
        "Fila har berre skulenamn, ikkje skule- eller kommunenummer. Ingen kommune vart oppgitt, så skulane er lagde "
        "under kommunenummer ",
    "»). Oppgi kommunen på Data-siden for å knytte dem til riktig kommune.":
        "»). Oppgi kommunen på Data-sida for å knyte dei til rett kommune.",
    "Filen har bare skolenavn. Skolene er knyttet til ": "Fila har berre skulenamn. Skulane er knytte til ",
    ") slik det ble oppgitt, og har fått id-er laget av navnet (navn:<kommunenr>:<navn>).":
        ") slik det vart oppgitt, og har fått id-ar laga av namnet (navn:<kommunenr>:<navn>).",
    "Mangler kolonnen EnhetNivaa (forventet statistikkbankens id-kolonner ":
        "Manglar kolonnen EnhetNivaa (venta id-kolonnane til statistikkbanken, ",
    "«Usikkerhet» er lagret som Udirs usikkerhet (±) for skalapoengene i samme kolonnegruppe og brukes som intervall "
    "for dem.":
        "«Usikkerhet» er lagra som usikkerheita til Udir (±) for skalapoenga i same kolonnegruppe og blir brukt som "
        "intervall for dei.",
    "Fant ingen tallkolonner. Forventet overskrifter som «2024-25.Lesing.5. årstrinn.Alle eierformer.Alle "
    "kjønn.Skalapoeng».":
        "Fann ingen talkolonner. Venta overskrifter som «2024-25.Lesing.5. årstrinn.Alle eierformer.Alle "
        "kjønn.Skalapoeng».",
    "Ingen av tallkolonnene kunne brukes (se hoppet over).": "Ingen av talkolonnane kunne brukast (sjå hoppa over).",
    " skolerader mangler organisasjonsnummer; de er knyttet til skolen med samme navn i samme kommune.":
        " skulerader manglar organisasjonsnummer; dei er knytte til skulen med same namn i same kommune.",
    "Brudd i tidsserien (": "Brot i tidsserien (",
    "Mangler kolonnen Indikatornavn (forventet ": "Manglar kolonnen Indikatornavn (venta ",
    "Fant ingen tallkolonner (forventet overskrifter som «2021-22.Hele landet.Alle fylker.Alle skoler.….Begge "
    "kjønn.Prosentandel»).":
        "Fann ingen talkolonner (venta overskrifter som «2021-22.Hele landet.Alle fylker.Alle skoler.….Begge "
        "kjønn.Prosentandel»).",
    "Kolonnene oppgir ikke trinn (for eksempel videregående, alle trinn); trinn er lagret som tomt.":
        "Kolonnane oppgir ikkje trinn (til dømes vidaregåande, alle trinn); trinn er lagra som tomt.",
    # --- skip reasons (data.importers.protocol.SkipReason) ---------------------------------------------------
    "Ukjent indikator eller måleenhet (ikke i indikatorkatalogen)":
        "Ukjend indikator eller måleeining (ikkje i indikatorkatalogen)",
    "Indikator eller delspørsmål som ikke finnes i indikatorkatalogen":
        "Indikator eller delspørsmål som ikkje finst i indikatorkatalogen",
    "Tallkolonne uten kjent indikator": "Talkolonne utan kjend indikator",
    "Ukjent skoleår (forventet for eksempel 2014-2015 eller 2014-15)":
        "Ukjend skuleår (venta til dømes 2014-2015 eller 2014-15)",
    "Ukjent trinn (forventet for eksempel «Trinn 5»)": "Ukjend trinn (venta til dømes «Trinn 5»)",
    "Ukjent kjønn (forventet «Begge kjønn», «Jenter» eller «Gutter»)":
        "Ukjend kjønn (venta «Begge kjønn», «Jenter» eller «Gutter»)",
    "Verdien er verken et tall eller en kjent markør (*, ., tom)":
        "Verdien er verken eit tal eller ein kjend markør (*, ., tom)",
    "Mangler enhetsnavn": "Manglar einingsnamn",
    "Delgruppe av eierform over skolenivå (bare «Alle eierformer» brukes)":
        "Delgruppe av eigarform over skulenivå (berre «Alle eierformer» blir brukt)",
    "Delgruppe eierform («": "Delgruppe eigarform («",
    "»); bare «Alle eierformer» importeres": "»); berre «Alle eierformer» blir importert",
    "Delgruppe utdanningsprogram; bare «Alle utdanningsprogram» importeres":
        "Delgruppe utdanningsprogram; berre «Alle utdanningsprogram» blir importert",
    "Ukjent EnhetNivaa (forventet 1, 2, 3 eller 4)": "Ukjend EnhetNivaa (venta 1, 2, 3 eller 4)",
    "Ugyldig kommunenummer (forventet fire sifre)": "Ugyldig kommunenummer (venta fire siffer)",
    "Enhet i kolonneoverskriften uten nummer (bare landet og fylker støttes i dette oppsettet)":
        "Eining i kolonneoverskrifta utan nummer (berre landet og fylke er støtta i dette oppsettet)",
    "Verdien er utenfor gyldig område for ": "Verdien er utanfor gyldig område for ",
    "Negativt antall elever": "Negativt tal på elevar",
    "Antall elever er 0, men raden har en verdi": "Talet på elevar er 0, men rada har ein verdi",
    "Antall elever er ikke et helt tall (komma eller punktum som tusenskille? Bruk mellomrom)":
        "Talet på elevar er ikkje eit heilt tal (komma eller punktum som tusenskilje? Bruk mellomrom)",
    "Antall elever er urimelig stort (over 200 000)": "Talet på elevar er urimeleg stort (over 200 000)",
    "Ugyldig organisasjonsnummer (forventet ni sifre med gyldig kontrollsiffer)":
        "Ugyldig organisasjonsnummer (venta ni siffer med gyldig kontrollsiffer)",
    "Skolerad med ugyldig kommunenummer (forventet fire sifre)": "Skulerad med ugyldig kommunenummer (venta fire siffer)",
    "Negativ verdi eller andel over 100 i kontekstdata": "Negativ verdi eller del over 100 i kontekstdata",
    "Region som ikke er en kommune (land, fylke, bydel)": "Region som ikkje er ein kommune (land, fylke, bydel)",
    "Ingen verdi (SSB-markør eller tom)": "Ingen verdi (SSB-markør eller tom)",
    "Enkeltspørsmål; bare indeksen («Alle spørsmål») importeres":
        "Enkeltspørsmål; berre indeksen («Alle spørsmål») blir importert",
    "Mangler kommune- eller organisasjonsnummer": "Manglar kommune- eller organisasjonsnummer",
    "Importen har feil og lagres ikke.": "Importen har feil og blir ikkje lagra.",
    "Ukjent modus ": "Ukjend modus ",
    # --- analysis errors a page may show -------------------------------------------------------------------
    "Differanse mellom gjennomsnitt krever standardavvik for begge tallene.":
        "Differanse mellom gjennomsnitt krev standardavvik for begge tala.",
    "Sammenligningstallet for en andel må være mellom 0 og 100.": "Samanlikningstalet for ein del må vere mellom 0 og 100.",
    "Ukjent metode for sammenlignbare kommuner: ": "Ukjend metode for samanliknbare kommunar: ",
    "Velg enten φ eller τ² for overspredning, ikke begge": "Vel anten φ eller τ² for overspreiing, ikkje begge",
    "Mangler absolutt nedre grense for ": "Manglar absolutt nedre grense for ",
    "Ukjent mål for hva-om: ": "Ukjend mål for kva-om: ",
    "Utgangspunktet har ikke tall med kjent antall elever.": "Utgangspunktet har ikkje tal med kjent tal på elevar.",
    "Minste påviselige endring krever minst to elever i hver gruppe.":
        "Minste påviselege endring krev minst to elevar i kvar gruppe.",
    "Overspredning måles slik: hver enhets avstand fra sammenligningstallet regnes om til en z-verdi, de 10 % mest "
    "ekstreme i hver ende kuttes til grensen (winsorisering) så enkeltenheter ikke styrer svaret, og gjennomsnittet "
    "av z² (korrigert for kuttingen) sammenlignes med det tilfeldighetene alene gir (χ²-test).":
        "Overspreiing blir målt slik: avstanden frå samanlikningstalet for kvar eining blir rekna om til ein z-verdi, "
        "dei 10 % mest ekstreme i kvar ende blir kutta til grensa (winsorisering) så enkelteiningar ikkje styrer "
        "svaret, og gjennomsnittet av z² (korrigert for kuttinga) blir samanlikna med det tilfeldigheitene åleine gir "
        "(χ²-test).",
    # --- data.schema ------------------------------------------------------------------------------------
    "Mangler kolonner i datasettet: ": "Manglar kolonner i datasettet: ",
    "Datasettet er ikke gyldig: ": "Datasettet er ikkje gyldig: ",
    "Feil datatype i datasettet: ": "Feil datatype i datasettet: ",
    # --- data.access, access_store, scoped -----------------------------------------------------------------
    "Du har ikke tilgang til kommune ": "Du har ikkje tilgang til kommune ",
    "Bare en administrator kan gjøre dette.": "Berre ein administrator kan gjere dette.",
    "Ukjent rolle ": "Ukjend rolle ",
    "En statsforvalter trenger et fylkesnummer (to sifre).": "Ein statsforvaltar treng eit fylkesnummer (to siffer).",
    "En skoleeier eller skoleleder har nøyaktig én kommune.": "Ein skuleeigar eller skuleleiar har nøyaktig éin kommune.",
    "En skoleleder trenger skolens organisasjonsnummer.": "Ein skuleleiar treng organisasjonsnummeret til skulen.",
    "En veileder trenger minst én kommune.": "Ein rettleiar treng minst éin kommune.",
    "Kommunenumre har fire sifre.": "Kommunenummer har fire siffer.",
    "Temaer vises per kommune.": "Tema blir viste per kommune.",
    "Du kan ikke endre funn her (utenfor din kommune eller skole).":
        "Du kan ikkje endre funn her (utanfor kommunen eller skulen din).",
    "Sjekklisten endres av skoleeier, veileder eller statsforvalter.":
        "Sjekklista blir endra av skuleeigar, rettleiar eller statsforvaltar.",
    "En skoleleder kan ikke importere funn.": "Ein skuleleiar kan ikkje importere funn.",
    # --- findings database (backup) ---------------------------------------------------------------------
    "Funndatabasen er en tom fil (0 byte). Den er ikke laget på nytt, så ingen funn er tapt i stillhet.":
        "Funndatabasen er ei tom fil (0 byte). Han er ikkje laga på nytt, så ingen funn er tapte i det stille.",
    "Funndatabasen er ikke en SQLite-database (filen er overskrevet eller ødelagt).":
        "Funndatabasen er ikkje ein SQLite-database (fila er overskriven eller øydelagd).",
    "Funndatabasen er ødelagt eller avkortet (": "Funndatabasen er øydelagd eller avkorta (",
    "Sikkerhetskopien av funndatabasen var ikke hel.": "Tryggleikskopien av funndatabasen var ikkje heil.",
    # --- findings domain, store, exchange ---------------------------------------------------------------------
    "Du kan ikke endre mål her (utenfor din kommune eller skole).":
        "Du kan ikkje endre mål her (utanfor kommunen eller skulen din).",
    "Vurderingsøkter styres av skoleeier, veileder eller statsforvalter.":
        "Vurderingsøkter blir styrte av skuleeigar, rettleiar eller statsforvaltar.",
    " fantes fra før uendret": " fanst frå før uendra",
    " nye punkter, ": " nye punkt, ",
    " uendret": " uendra",
    " funn finnes allerede i en annen versjon og ble ikke overskrevet (den lagrede versjonen er beholdt)":
        " funn finst alt i ein annan versjon og vart ikkje overskrivne (den lagra versjonen er halden på)",
    "Fant ikke funnet (": "Fann ikkje funnet (",
    "). Det kan være fjernet fra en annen database.": "). Det kan vere fjerna frå ein annan database.",
    " lagret en endring ": " lagra ei endring ",
    " mens du redigerte (versjon ": " medan du redigerte (versjon ",
    ", du startet fra versjon ": ", du starta frå versjon ",
    "). Ingenting er overskrevet. Se begge tekstene under, og velg hva som skal lagres.":
        "). Ingenting er overskrive. Sjå begge tekstane under, og vel kva som skal lagrast.",
    "Ukjent punkt i sjekklisten: ": "Ukjend punkt i sjekklista: ",
    "Funnet er slettet. Gjenopprett det før du endrer det.": "Funnet er sletta. Gjenopprett det før du endrar det.",
    " av funnene som er valgt som belegg, finnes ikke i kommunen.":
        " av funna som er valde som belegg, finst ikkje i kommunen.",
    "Filen kan ikke importeres: ": "Fila kan ikkje importerast: ",
    "den er ikke en funn-eksport fra Utfordringsbilde.": "ho er ikkje ein funn-eksport frå Utfordringsbilde.",
    "den er ikke en funn-eksport.": "ho er ikkje ein funn-eksport.",
    "ukjent formatversjon ": "ukjend formatversjon ",
    "historikken mangler eller har feil form.": "historikken manglar eller har feil form.",
    "et funn mangler id.": "eit funn manglar id.",
    " hører til en annen kommune enn filen.": " høyrer til ein annan kommune enn fila.",
    "listen over funn mangler.": "lista over funn manglar.",
    "Ugyldig tidspunkt ": "Ugyldig tidspunkt ",
    "en historikkoppføring har feil form.": "ei historikkoppføring har feil form.",
    "noen andre lagret de samme funnene samtidig. Prøv importen på nytt.":
        "nokon andre lagra dei same funna samtidig. Prøv importen på nytt.",
    "den er ikke UTF-8-tekst.": "ho er ikkje UTF-8-tekst.",
    "den er ikke gyldig JSON (linje ": "ho er ikkje gyldig JSON (linje ",
    " inneholder noe som ligner et fødselsnummer. Slike opplysninger importeres ikke.":
        " inneheld noko som liknar eit fødselsnummer. Slike opplysningar blir ikkje importerte.",
    " finnes allerede i en annen kommune.": " finst alt i ein annan kommune.",
    "et punkt i sjekklisten er ukjent.": "eit punkt i sjekklista er ukjend.",
    "et punkt i sjekklisten har ugyldig status eller rolle.": "eit punkt i sjekklista har ugyldig status eller rolle.",
    "et punkt i sjekklisten viser til funn som ikke finnes.": "eit punkt i sjekklista viser til funn som ikkje finst.",
    "et punkt i sjekklisten mangler id eller finnes i en annen kommune.":
        "eit punkt i sjekklista manglar id eller finst i ein annan kommune.",
    "en frist i sjekklisten er ikke en dato.": "ein frist i sjekklista er ikkje ein dato.",
    " i historikken.": " i historikken.",
    # --- goals (data.findings.goals, goal_store) -----------------------------------------------------------
    "Fant ikke målet (": "Fann ikkje målet (",
    "Utfordringen målet er koblet til, finnes ikke i kommunen.":
        "Utfordringa målet er kopla til, finst ikkje i kommunen.",
    "Målet er slettet. Gjenopprett det før du endrer det.": "Målet er sletta. Gjenopprett det før du endrar det.",
    ": forventet formen '2027-28'.": ": venta forma '2027-28'.",
    "Velg skolen målet gjelder.": "Vel skulen målet gjeld.",
    "Et mål for kommunen må ha kommunens nummer som enhet.": "Eit mål for kommunen må ha nummeret til kommunen som eining.",
    "skoleår i utgangspunktet": "skuleår i utgangspunktet",
    " må ligge mellom ": " må liggje mellom ",
    " må være et tall.": " må vere eit tal.",
    # --- ratings -------------------------------------------------------------------------------------------
    " må være et helt tall fra ": " må vere eit heilt tal frå ",
    "Skriv navnet ditt: denne økten er ikke anonym.": "Skriv namnet ditt: denne økta er ikkje anonym.",
    "Fant ingen vurderingsøkt med koden «": "Fann inga vurderingsøkt med koden «",
    "». Sjekk koden og prøv igjen.": "». Sjekk koden og prøv igjen.",
    "Navnet er for langt; høyst ": "Namnet er for langt; høgst ",
    "Økten er stengt for nye vurderinger.": "Økta er stengd for nye vurderingar.",
    "Velg en rolle fra listen.": "Vel ei rolle frå lista.",
    "Deltakeren mangler.": "Deltakaren manglar.",
    "Navnet ser ut til å inneholde et fødselsnummer. Det kan ikke lagres.":
        "Namnet ser ut til å innehalde eit fødselsnummer. Det kan ikkje lagrast.",
    "Tittelen er for lang eller inneholder et fødselsnummer.": "Tittelen er for lang eller inneheld eit fødselsnummer.",
    "Utfordringen finnes ikke i denne økten.": "Utfordringa finst ikkje i denne økta.",
    # --- findings validation ------------------------------------------------------------------------------
    " ser ut til å inneholde et fødselsnummer (11 siffer). Funn skal ikke inneholde personopplysninger: fjern "
    "nummeret og lagre på nytt.":
        " ser ut til å innehalde eit fødselsnummer (11 siffer). Funn skal ikkje innehalde personopplysningar: fjern "
        "nummeret og lagre på nytt.",
    " mangler.": " manglar.",
    ". Velg en av: ": ". Vel ein av: ",
    "For mange temaer (": "For mange tema (",
    "); høyst ": "); høgst ",
    "For mange indikatorkoblinger; høyst ": "For mange indikatorkoplingar; høgst ",
    "For mange skoler; høyst ": "For mange skular; høgst ",
    "For mange skoleår; høyst ": "For mange skuleår; høgst ",
    " tegn); høyst ": " teikn); høgst ",
    " tegn er tillatt.": " teikn er tillate.",
    "Ugyldig kommunenummer ": "Ugyldig kommunenummer ",
    ": forventet fire siffer.": ": venta fire siffer.",
    "… er for langt; høyst ": "… er for langt; høgst ",
    " tegn per tema.": " teikn per tema.",
    "Ugyldig skole-ID ": "Ugyldig skule-ID ",
    "Ugyldig skoleår ": "Ugyldig skuleår ",
    ": forventet formen '2024-25'.": ": venta forma '2024-25'.",
    "Ugyldig ansvarlig rolle: ": "Ugyldig ansvarleg rolle: ",
    "For mange funn som belegg; høyst ": "For mange funn som belegg; høgst ",
    "Fristen må være en dato.": "Fristen må vere ein dato.",
    " har ikke faget ": " har ikkje faget ",
    " finnes ikke for ": " finst ikkje for ",
    "Ukjente felt: ": "Ukjende felt: ",
    "Ukjent indikator ": "Ukjend indikator ",
}

# The «what» of a field message («Navnet mangler.», «Ugyldig kilde: …»): the field names in both languages
# and the message forms they start, so the field name is only replaced inside its own message (never a
# lone word in a user's text).
WHAT_FIELDS: dict[str, str] = {
    "Navnet": "Namnet", "Teksten": "Teksten", "Notatet": "Notatet", "Tiltakene": "Tiltaka",
    "Kompetansemiljøet": "Kompetansemiljøet", "Oppfølgingsplanen": "Oppfølgingsplanen", "Et tema": "Eit tema",
    "Utgangsverdien": "Utgangsverdien", "Nedre grense": "Nedre grense", "Øvre grense": "Øvre grense",
    "Antall elever": "Talet på elevar", "Målverdien": "Målverdien", "«Hvor viktig»": "«Kor viktig»",
    "«Hvor sikker»": "«Kor sikker»",
}
WHAT_FORMS: dict[str, str] = {
    "{} mangler.": "{} manglar.", "{} er for lang (": "{} er for lang (", "{} ser ut til å": "{} ser ut til å",
    "{} må være et tall.": "{} må vere eit tal.", "{} må være et helt tall fra ": "{} må vere eit heilt tal frå ",
}
CHOICE_FIELDS: dict[str, str] = {
    "rolle": "rolle", "type funn": "type funn", "kilde": "kjelde", "status": "status", "enhet": "eining",
    "ansvarlig": "ansvarleg", "målår": "målår", "skoleår i utgangspunktet": "skuleår i utgangspunktet",
}
CHOICE_FORMS: dict[str, str] = {"Ugyldig {}: ": "Ugyldig {}: ", "Ugyldig {} ": "Ugyldig {} "}
for _nb, _nn in WHAT_FIELDS.items():
    for _form_nb, _form_nn in WHAT_FORMS.items():
        NN_MESSAGES[_form_nb.format(_nb)] = _form_nn.format(_nn)
for _nb, _nn in CHOICE_FIELDS.items():
    for _form_nb, _form_nn in CHOICE_FORMS.items():
        NN_MESSAGES[_form_nb.format(_nb)] = _form_nn.format(_nn)

# Whole texts that are only replaced when they are the entire text (a single word would otherwise change
# a user's own words): reasons for no interval and other one-word labels of the lower layers.
NN_EXACT: dict[str, str] = {
    "Skjermet": "Skjerma",
    "n ukjent": "n ukjend",
    "Ingen verdi": "Ingen verdi",
}
