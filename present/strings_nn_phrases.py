"""Nynorsk for texts the lower layers write in bokmål (method texts, verdicts, reasons, labels).

``analysis/`` and ``data/`` keep their Norwegian method texts beside the code (they may not import
``present``). When nynorsk is active, ``present.strings.tr`` replaces these bokmål phrases by their
nynorsk form, longest first; ``t()`` does it for every text value it inserts, so a method text shown
through ``t("common.method_line", method=...)`` reads in nynorsk without the page knowing.
Phrases with values split at the value (e.g. the confidence level) so the value passes through.
``tests/test_strings.py`` checks that every method text of ``analysis.methods`` is covered.
"""

from __future__ import annotations

NN_PHRASES: dict[str, str] = {
    # --- analysis.intervals --------------------------------------------------------------------
    "For få elever til intervall (n < 2)": "For få elevar til intervall (n < 2)",
    "Standardavvik ukjent": "Standardavviket er ukjent",
    "Ukjent indikator": "Ukjend indikator",
    "Andeler: 95 % Wilson-intervall (score-intervall) fra antall elever og andelen. "
    "Gjennomsnitt: 95 % t-intervall fra antall elever og standardavviket på elevnivå; "
    "der kilden ikke oppgir standardavvik, brukes et nasjonalt standardavvik, og det står i teksten.":
        "Delar: 95 % Wilson-intervall (score-intervall) frå talet på elevar og delen. "
        "Gjennomsnitt: 95 % t-intervall frå talet på elevar og standardavviket på elevnivå; "
        "der kjelda ikkje oppgir standardavvik, blir eit nasjonalt standardavvik brukt, og det står i teksten.",
    "nasjonal standard for grunnskolepoeng": "nasjonal standard for grunnskulepoeng",
    "nasjonal standard for mestringsnivå": "nasjonal standard for meistringsnivå",
    "(elevnivå-SD fra kilden)": "(elevnivå-SD frå kjelda)",
    "Ingen intervall": "Ingen intervall",
    "Der Udirs statistikkbank oppgir «Usikkerhet» for skalapoeng, brukes Udirs eget intervall "
    "(skalapoeng ± usikkerhet) i stedet for intervallet fra antall elever.":
        "Der statistikkbanken til Udir oppgir «Usikkerheit» for skalapoeng, blir det eigne intervallet til Udir "
        "brukt (skalapoeng ± usikkerheit) i staden for intervallet frå talet på elevar.",
    "Udirs usikkerhet (±), brukt i stedet for intervall fra antall elever":
        "Usikkerheita til Udir (±), brukt i staden for intervall frå talet på elevar",
    "Udirs usikkerhet (±), samlet over årene som √Σ(nᵢ/N)²·uᵢ²": "Usikkerheita til Udir (±), samla over åra som √Σ(nᵢ/N)²·uᵢ²",
    # --- analysis.compare ----------------------------------------------------------------------
    "Svakere enn": "Svakare enn",
    "Ikke sikker forskjell": "Ikkje sikker skilnad",
    "Bedre enn": "Betre enn",
    "Lavere enn": "Lågare enn",
    "Høyere enn": "Høgare enn",
    "Forskjell fra sammenligningstallet: enhetens eget ": "Skilnad frå samanlikningstalet: eininga sitt eige ",
    " %-intervall flyttet med sammenligningstallet (sammenligningstallet regnes som sikkert). "
    "Over/under bare når intervallet ikke inneholder 0.":
        " %-intervall flytt med samanlikningstalet (samanlikningstalet blir rekna som sikkert). "
        "Over/under berre når intervallet ikkje inneheld 0.",
    "Forskjell fra sammenligningstallet: ": "Skilnad frå samanlikningstalet: ",
    " %-intervall for differansen der begge tallene er usikre (MOVER-metoden; for andeler Newcombes hybride "
    "score-intervall). Over/under bare når intervallet ikke inneholder 0.":
        " %-intervall for differansen der begge tala er usikre (MOVER-metoden; for delar Newcombe sitt hybride "
        "score-intervall). Over/under berre når intervallet ikkje inneheld 0.",
    "Differanse mellom to uavhengige tall: gjennomsnitt med Welchs t-intervall, andeler med Newcombes hybride "
    "score-intervall (Wilson).":
        "Differanse mellom to uavhengige tal: gjennomsnitt med Welch sitt t-intervall, delar med Newcombe sitt "
        "hybride score-intervall (Wilson).",
    "«Resten av kommunen» er kommunens tall med skolens elever trukket fra: gjennomsnitt som (N·m − n·x)/(N − n), "
    "andeler som antall elever. Vises ikke når resten har færre elever enn grensen for skjerming, fordi tallet da "
    "ville avsløre skjermede tall.":
        "«Resten av kommunen» er talet til kommunen med elevane på skulen trekte frå: gjennomsnitt som "
        "(N·m − n·x)/(N − n), delar som talet på elevar. Blir ikkje vist når resten har færre elevar enn grensa for "
        "skjerming, fordi talet då ville avsløre skjerma tal.",
    "Kommunetallet er skjermet": "Kommunetalet er skjerma",
    "Kommunetallet mangler": "Kommunetalet manglar",
    "Skolens tall er skjermet, så resten kan ikke regnes ut uten å avsløre det":
        "Talet til skulen er skjerma, så resten kan ikkje reknast ut utan å avsløre det",
    "Antall elever er ukjent": "Talet på elevar er ukjent",
    "Ingen andre elever i kommunen": "Ingen andre elevar i kommunen",
    "For få elever i resten av kommunen (under ": "For få elevar i resten av kommunen (under ",
    "); tallet ville avsløre skjermede tall": "); talet ville avsløre skjerma tal",
    # --- analysis.trends -----------------------------------------------------------------------
    "Sikker bedring": "Sikker betring",
    "Sikker økning": "Sikker auke",
    "Ingen sikker endring": "Inga sikker endring",
    "For få år til å si noe om utvikling": "For få år til å seie noko om utvikling",
    "Utvikling: vektet lineær regresjon over skoleårene (vekt 1/SE² per år), ":
        "Utvikling: vekta lineær regresjon over skuleåra (vekt 1/SE² per år), ",
    " %-intervall for endring per år. Variasjon mellom kull gjør intervallet bredere. Kalles bedring/forverring "
    "bare når intervallet ikke inneholder 0, og aldri med færre enn ":
        " %-intervall for endring per år. Variasjon mellom kull gjer intervallet breiare. Blir kalla "
        "betring/forverring berre når intervallet ikkje inneheld 0, og aldri med færre enn ",
    "Svakere i ": "Svakare i ",
    " uten data)": " utan data)",
    # --- analysis.spread and analysis.suppression -------------------------------------------------
    "Spredning mellom skoler: andel av variasjonen som ligger mellom skolene (intraklassekorrelasjon), beregnet "
    "med enveis variansanalyse fra antall elever, gjennomsnitt og standardavvik per skole. For andeler brukes "
    "binomisk varians. Skjermede skoler er ikke med.":
        "Spreiing mellom skular: del av variasjonen som ligg mellom skulane (intraklassekorrelasjon), rekna ut med "
        "einvegs variansanalyse frå talet på elevar, gjennomsnitt og standardavvik per skule. For delar blir "
        "binomisk varians brukt. Skjerma skular er ikkje med.",
    "Traktdiagram (Spiegelhalter 2005): grensene viser hvor langt fra sammenligningstallet en enhet kan ligge av "
    "tilfeldigheter alene ved gitt antall elever (95 % og 99,8 %). Andeler: eksakte binomiske grenser; "
    "gjennomsnitt: normalfordeling.":
        "Traktdiagram (Spiegelhalter 2005): grensene viser kor langt frå samanlikningstalet ei eining kan liggje av "
        "tilfeldigheiter åleine ved gitt tal på elevar (95 % og 99,8 %). Delar: eksakte binomiske grenser; "
        "gjennomsnitt: normalfordeling.",
    "Overspredning: mer variasjon mellom enhetene enn tilfeldighetene tilsier. Anslått fra winsoriserte z-verdier "
    "(10 % i hver hale) som multiplikativ faktor φ eller additiv varians τ².":
        "Overspreiing: meir variasjon mellom einingane enn tilfeldigheitene tilseier. Anslått frå winsoriserte "
        "z-verdiar (10 % i kvar hale) som multiplikativ faktor φ eller additiv varians τ².",
    "Empirisk Bayes: små enheter trekkes mot sammenligningstallet i forhold til hvor usikre de er "
    "(vekt s²/(s² + τ²)). Brukes bare til rangering, ikke som enhetens eget tall.":
        "Empirisk Bayes: små einingar blir trekte mot samanlikningstalet i forhold til kor usikre dei er "
        "(vekt s²/(s² + τ²)). Blir berre brukt til rangering, ikkje som det eigne talet til eininga.",
    "Tall bak færre elever enn kildens grense vises ikke (*). Der et overordnet tall minus de viste undergruppene "
    "ville avsløre skjulte tall, skjules også den minste viste undergruppen (komplementær prikking). Tall som er "
    "regnet ut fra skjermede tall, skjermes også.":
        "Tal bak færre elevar enn grensa til kjelda blir ikkje viste (*). Der eit overordna tal minus dei viste "
        "undergruppene ville avsløre skjulte tal, blir òg den minste viste undergruppa skjult (komplementær "
        "prikking). Tal som er rekna ut frå skjerma tal, blir òg skjerma.",
    # --- analysis.peers ------------------------------------------------------------------------
    "Folketall (log)": "Folketal (log)",
    "Andel voksne med høyere utdanning (%)": "Del vaksne med høgare utdanning (%)",
    "Andel uføretrygdede (%)": "Del uføretrygda (%)",
    "Andel barn med barnevernstiltak (%)": "Del barn med barnevernstiltak (%)",
    "Forventet verdi fra vektet lineær regresjon (WLS, statsmodels) av indikatoren på ":
        "Forventa verdi frå vekta lineær regresjon (WLS, statsmodels) av indikatoren på ",
    "Forventet verdi fra lineær regresjon (OLS, statsmodels) av indikatoren på ":
        "Forventa verdi frå lineær regresjon (OLS, statsmodels) av indikatoren på ",
    " andre kommuner; vekt 1/(τ² + se²), der τ² er variasjonen mellom kommuner som konteksten ikke forklarer og se "
    "er kommunens usikkerhet fra antall elever. ":
        " andre kommunar; vekt 1/(τ² + se²), der τ² er variasjonen mellom kommunar som konteksten ikkje forklarer og "
        "se er usikkerheita til kommunen frå talet på elevar. ",
    " andre kommuner. ": " andre kommunar. ",
    " % prediksjonsintervall for en kommune med denne konteksten.":
        " % prediksjonsintervall for ein kommune med denne konteksten.",
    "For få kommuner med tall (": "For få kommunar med tal (",
    ") til å beregne forventet verdi; trenger minst ": ") til å rekne ut forventa verdi; treng minst ",
    "Velg minst én kontekstvariabel.": "Vel minst éin kontekstvariabel.",
    "Kontekstdata mangler variabel: ": "Kontekstdata manglar variabel: ",
    "Fant ingen kontekstdata for kommune ": "Fann ingen kontekstdata for kommune ",
    " mangler kontekstdata for de valgte variablene.": " manglar kontekstdata for dei valde variablane.",
    "Antall sammenlignbare kommuner må være minst 1.": "Talet på samanliknbare kommunar må vere minst 1.",
    "For få kommuner med kontekstdata til å finne sammenlignbare kommuner.":
        "For få kommunar med kontekstdata til å finne samanliknbare kommunar.",
    # --- analysis.uttrekk ----------------------------------------------------------------------
    "Nasjonal grense: landsgjennomsnittet for samme indikator, trinn og skoleår.":
        "Nasjonal grense: landsgjennomsnittet for same indikator, trinn og skuleår.",
    "Absolutt nedre grense: Udir har ikke publisert verdiene. Her er grensen satt et fast stykke under (eller "
    "over, for mobbing og mestringsnivå 1) landsgjennomsnittet. Standardverdiene er valgt slik at omtrent den "
    "svakeste tidelen av kommunene havner bak grensen i dataene, og er ikke Udirs tall.":
        "Absolutt nedre grense: Udir har ikkje publisert verdiane. Her er grensa sett eit fast stykke under (eller "
        "over, for mobbing og meistringsnivå 1) landsgjennomsnittet. Standardverdiane er valde slik at om lag den "
        "svakaste tidelen av kommunane hamnar bak grensa i dataa, og er ikkje tala til Udir.",
    "Grunnskolepoeng teller tre ganger, både i oppnådde og mulige risikopoeng.":
        "Grunnskulepoeng tel tre gonger, både i oppnådde og moglege risikopoeng.",
    "Vinduet er de tre siste skoleårene i dataene.": "Vindauget er dei tre siste skuleåra i dataa.",
    "Skjermede tall (for få elever) gir som standard verken risikopoeng eller mulige poeng. Trinn en skole ikke "
    "har, teller aldri.":
        "Skjerma tal (for få elevar) gir som standard verken risikopoeng eller moglege poeng. Trinn ein skule ikkje "
        "har, tel aldri.",
    "Spredning: forskjellen mellom høyeste og laveste andel risikopoeng blant kommunens skoler (Udir har ikke "
    "publisert hvilket mål eller hvilken grense de bruker).":
        "Spreiing: skilnaden mellom høgaste og lågaste del risikopoeng blant skulane i kommunen (Udir har ikkje "
        "publisert kva mål eller kva grense dei brukar).",
    "Spredningsregelen krever også at minst én skole er blant de 25 % av alle skoler i landet med høyest andel.":
        "Spreiingsregelen krev òg at minst éin skule er blant dei 25 % av alle skular i landet med høgast del.",
    "Denne siden forklarer modellen Udir beskriver for uttrekket. Den gjenskaper ikke Udirs liste: de absolutte "
    "grensene, spredningsmålet og hvordan skjermede tall telles er ikke offentlige og er her satt som "
    "innstillinger du kan endre.":
        "Denne sida forklarer modellen Udir skildrar for uttrekket. Ho attskaper ikkje lista til Udir: dei absolutte "
        "grensene, spreiingsmålet og korleis skjerma tal blir talde, er ikkje offentlege og er her sette som "
        "innstillingar du kan endre.",
    "Sikkert: hele intervallet ligger bak grensen": "Sikkert: heile intervallet ligg bak grensa",
    "Delvis: sikkert under landsnivå, men ikke sikkert bak den absolutte grensen":
        "Delvis: sikkert under landsnivå, men ikkje sikkert bak den absolutte grensa",
    "Usikkert: intervallet går over grensen, så poenget kan skyldes tilfeldigheter":
        "Usikkert: intervallet går over grensa, så poenget kan kome av tilfeldigheiter",
    "Uten intervall: antall elever er ukjent": "Utan intervall: talet på elevar er ukjent",
    "Ingen tall for uttrekksindikatorene i vinduet.": "Ingen tal for uttrekksindikatorane i vindauget.",
    # --- report.methods (the methods appendix) ---------------------------------------------------
    "Vedlegg: metoder": "Vedlegg: metodar",
    "Vedlegg: modellen for uttrekket": "Vedlegg: modellen for uttrekket",
    "Vedlegg: usikkerhet, avrunding og mange sammenligninger": "Vedlegg: usikkerheit, avrunding og mange samanlikningar",
    "Usikkerhet. Et tall for en skole eller kommune bygger på et lite antall elever. Hadde andre elever gått "
    "på trinnet, ville tallet blitt et annet. Et 95 % konfidensintervall viser hvor mye tallet kunne variert "
    "av slike grunner. Vi sier at en forskjell er sikker bare når hele intervallet ligger på én side av "
    "tallet det sammenlignes med.":
        "Usikkerheit. Eit tal for ein skule eller kommune byggjer på eit lite tal elevar. Hadde andre elevar gått "
        "på trinnet, ville talet vorte eit anna. Eit 95 % konfidensintervall viser kor mykje talet kunne variert "
        "av slike grunnar. Vi seier at ein skilnad er sikker berre når heile intervallet ligg på éi side av "
        "talet det blir samanlikna med.",
    "Tre år samlet: elevene fra de publiserte årene i vinduet slås sammen (antall elever og antall med "
    "mestringsnivå 1 for andeler; elevvektet gjennomsnitt og samlet standardavvik for gjennomsnitt) før "
    "intervallet regnes ut. Skjermede år er ikke med.":
        "Tre år samla: elevane frå dei publiserte åra i vindauget blir slått saman (talet på elevar og talet på "
        "elevar på meistringsnivå 1 for delar; elevvekta gjennomsnitt og samla standardavvik for gjennomsnitt) før "
        "intervallet blir rekna ut. Skjerma år er ikkje med.",
    "Sammenligning med landet: ": "Samanlikning med landet: ",
    "Skjerming: tall bak for få elever er ikke offentlige og står som «skjermet» i tabellene og som kryss i "
    "figurene, aldri som tall. Grensene er under ":
        "Skjerming: tal bak for få elevar er ikkje offentlege og står som «skjerma» i tabellane og som kryss i "
        "figurane, aldri som tal. Grensene er under ",
    " elever for nasjonale prøver, under ": " elevar for nasjonale prøver, under ",
    " for grunnskolepoeng og under ": " for grunnskulepoeng og under ",
    " svar for Elevundersøkelsen (under ": " svar for Elevundersøkinga (under ",
    " Et tall på feil side av landsgjennomsnittet gir 1 risikopoeng, et tall bak den absolutte grensen gir 3. "
    "Hvert tall kan gi 3 poeng; andelen er oppnådde poeng delt på mulige poeng.":
        " Eit tal på feil side av landsgjennomsnittet gir 1 risikopoeng, eit tal bak den absolutte grensa gir 3. "
        "Kvart tal kan gi 3 poeng; delen er oppnådde poeng delt på moglege poeng.",
    " Brukte avstander fra landsgjennomsnittet: ": " Brukte avstandar frå landsgjennomsnittet: ",
    " Brukt grense: ": " Brukt grense: ",
    "Hvor sikkert et risikopoeng er: poenget regnes som sikkert når hele 95 %-intervallet til tallet ligger "
    "bak grensen som ga poenget. Går intervallet over landsgjennomsnittet, kan poenget skyldes tilfeldig "
    "variasjon mellom elevkull.":
        "Kor sikkert eit risikopoeng er: poenget blir rekna som sikkert når heile 95 %-intervallet til talet ligg "
        "bak grensa som gav poenget. Går intervallet over landsgjennomsnittet, kan poenget kome av tilfeldig "
        "variasjon mellom elevkull.",
    "Hva om: en skoles tall erstattes med kommunens tall for samme indikator, trinn og år. Kommunens eget tall "
    "flyttes like mye som skolens andel av elevene tilsier. Så regnes andeler, plass og spredning på nytt, mens "
    "de andre kommunene og skolene i landet står som før.":
        "Kva om: talet til ein skule blir erstatta med talet til kommunen for same indikator, trinn og år. Det "
        "eigne talet til kommunen blir flytt så mykje som delen av elevane på skulen tilseier. Så blir delar, "
        "plass og spreiing rekna på nytt, medan dei andre kommunane og skulane i landet står som før.",
    " prosentpoeng. ": " prosentpoeng. ",
    # --- data ----------------------------------------------------------------------------------
    "Udirs indikatorer for uttrekket 2024 (ordningen 2025–2028)":
        "Indikatorane til Udir for uttrekket 2024 (ordninga 2025–2028)",
    "Udirs indikatorer for 2025–2028 pluss mobbing (7. og 10. trinn)":
        "Indikatorane til Udir for 2025–2028 pluss mobbing (7. og 10. trinn)",
    "Demodata (fiktive kommuner og skoler)": "Demodata (fiktive kommunar og skular)",
    "Elevundersøkelsen": "Elevundersøkinga",
}
