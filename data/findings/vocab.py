"""Fixed vocabularies of the findings store: codes stored in the database and their bokmål labels.

Codes are plain ASCII (stable in URLs, CSV and JSON); labels are what users see. Order is display order.
"""

from __future__ import annotations

KINDS: dict[str, str] = {
    "styrke": "Styrke",
    "utfordring": "Utfordring",
    "hypotese": "Hypotese",
    "sporsmal": "Spørsmål",
    "tiltakside": "Tiltaksidé",
}

SOURCES: dict[str, str] = {
    "intervju": "Intervju",
    "observasjon": "Observasjon",
    "workshop": "Workshop",
    "dokument": "Dokument",
    "undersokelse": "Undersøkelse",
    "annet": "Annet",
}

STATUSES: dict[str, str] = {
    "forelopig": "Foreløpig",
    "bekreftet": "Bekreftet",
    "forkastet": "Forkastet",
}

ROLES: dict[str, str] = {
    "skoleeier": "Skoleeier",
    "skoleleder": "Skoleleder",
    "laerer": "Lærer",
    "veileder": "Veileder",
    "statsforvalter": "Statsforvalter",
}

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
CHECKLIST_ITEMS: dict[str, str] = {
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
}

CHECKLIST_STATUSES: dict[str, str] = {
    "ikke_startet": "Ikke startet",
    "pagar": "Pågår",
    "ferdig": "Ferdig",
}

# History actions and their labels.
ACTIONS: dict[str, str] = {
    "create": "Opprettet",
    "update": "Endret",
    "status": "Status endret",
    "delete": "Slettet",
    "restore": "Gjenopprettet",
}

DEFAULT_STATUS = "forelopig"
DEFAULT_SOURCE = "workshop"
DEFAULT_CHECKLIST_STATUS = "ikke_startet"

# Roles of a «felles forståelse» rating session (issue 17): the workshop's participants.
RATING_ROLES: dict[str, str] = {
    "skoleeier": "Skoleeier",
    "skoleleder": "Skoleleder",
    "laerer": "Lærer/tillitsvalgt",
    "veileder": "Veileder",
    "ppt": "PPT/barnehage",
}
RATING_SCALE: tuple[int, ...] = (1, 2, 3, 4, 5)
