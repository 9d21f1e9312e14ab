"""Fixed vocabularies of the findings store: codes stored in the database and their labels.

Codes are plain ASCII (stable in URLs, CSV and JSON); labels are what users see, in bokmål and
nynorsk (``data.language.Labels`` answers in the session's language). Order is display order.
"""

from __future__ import annotations

from data.language import Labels

KINDS: Labels = Labels({
    "styrke": "Styrke",
    "utfordring": "Utfordring",
    "hypotese": "Hypotese",
    "sporsmal": "Spørsmål",
    "tiltakside": "Tiltaksidé",
}, {
    "styrke": "Styrke",
    "utfordring": "Utfordring",
    "hypotese": "Hypotese",
    "sporsmal": "Spørsmål",
    "tiltakside": "Tiltaksidé",
})

SOURCES: Labels = Labels({
    "intervju": "Intervju",
    "observasjon": "Observasjon",
    "workshop": "Workshop",
    "dokument": "Dokument",
    "undersokelse": "Undersøkelse",
    "annet": "Annet",
}, {
    "intervju": "Intervju",
    "observasjon": "Observasjon",
    "workshop": "Workshop",
    "dokument": "Dokument",
    "undersokelse": "Undersøking",
    "annet": "Anna",
})

STATUSES: Labels = Labels({
    "forelopig": "Foreløpig",
    "bekreftet": "Bekreftet",
    "forkastet": "Forkastet",
}, {
    "forelopig": "Førebels",
    "bekreftet": "Stadfesta",
    "forkastet": "Forkasta",
})

ROLES: Labels = Labels({
    "skoleeier": "Skoleeier",
    "skoleleder": "Skoleleder",
    "laerer": "Lærer",
    "veileder": "Veileder",
    "statsforvalter": "Statsforvalter",
}, {
    "skoleeier": "Skuleeigar",
    "skoleleder": "Skuleleiar",
    "laerer": "Lærar",
    "veileder": "Rettleiar",
    "statsforvalter": "Statsforvaltar",
})

# Free tags: these are offered as suggestions; any other tag is allowed.
THEME_SUGGESTIONS: tuple[str, ...] = (
    "kommunikasjon",
    "kontinuitet",
    "kapasitet",
    "læringsmiljø",
    "ledelse",
    "vurdering",
    "tilpasset opplæring",
    "samarbeid",
    "kompetanse",
    "foreldresamarbeid",
)

# Udir's goals for the forfase, in Udir's order (issue #7 builds the page on top of this).
CHECKLIST_ITEMS: Labels = Labels({
    "plan_forfasen": "Plan for forfasen",
    "hvem_deltar": "Hvem deltar",
    "forventninger": "Forventninger",
    "bredt_datagrunnlag": "Bruke og forstå et bredt datagrunnlag",
    "hva_kommunen_er_god_pa": "Hva kommunen er god på",
    "utfordringsbildet": "Utfordringsbildet",
    "hva_skal_til_for_endring": "Hva som skal til for endring",
    "pagaende_utviklingsarbeid": "Pågående utviklingsarbeid",
    "plan_gjennomforingsfasen": "Plan for gjennomføringsfasen",
    "avtale_kompetansemiljo": "Avtale med kompetansemiljø",
    "behov_for_stotte": "Behov for støtte til skoleeier/skoleleder",
}, {
    "plan_forfasen": "Plan for forfasen",
    "hvem_deltar": "Kven som deltek",
    "forventninger": "Forventingar",
    "bredt_datagrunnlag": "Bruke og forstå eit breitt datagrunnlag",
    "hva_kommunen_er_god_pa": "Kva kommunen er god på",
    "utfordringsbildet": "Utfordringsbiletet",
    "hva_skal_til_for_endring": "Kva som skal til for endring",
    "pagaende_utviklingsarbeid": "Pågåande utviklingsarbeid",
    "plan_gjennomforingsfasen": "Plan for gjennomføringsfasen",
    "avtale_kompetansemiljo": "Avtale med kompetansemiljø",
    "behov_for_stotte": "Behov for støtte til skuleeigar/skuleleiar",
})

CHECKLIST_STATUSES: Labels = Labels({
    "ikke_startet": "Ikke startet",
    "pagar": "Pågår",
    "ferdig": "Ferdig",
}, {
    "ikke_startet": "Ikkje starta",
    "pagar": "Pågår",
    "ferdig": "Ferdig",
})

# History actions and their labels.
ACTIONS: Labels = Labels({
    "create": "Opprettet",
    "update": "Endret",
    "status": "Status endret",
    "delete": "Slettet",
    "restore": "Gjenopprettet",
    "import": "Importert",
}, {
    "create": "Oppretta",
    "update": "Endra",
    "status": "Status endra",
    "delete": "Sletta",
    "restore": "Gjenoppretta",
    "import": "Importert",
})

DEFAULT_STATUS = "forelopig"
DEFAULT_SOURCE = "workshop"
DEFAULT_CHECKLIST_STATUS = "ikke_startet"

# Roles of a «felles forståelse» rating session (issue 17): the workshop's participants.
RATING_ROLES = Labels({
    "skoleeier": "Skoleeier",
    "skoleleder": "Skoleleder",
    "laerer": "Lærer/tillitsvalgt",
    "veileder": "Veileder",
    "ppt": "PPT/barnehage",
}, {
    "skoleeier": "Skuleeigar",
    "skoleleder": "Skuleleiar",
    "laerer": "Lærar/tillitsvald",
    "veileder": "Rettleiar",
    "ppt": "PPT/barnehage",
})
RATING_SCALE: tuple[int, ...] = (1, 2, 3, 4, 5)
