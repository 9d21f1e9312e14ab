"""Who a row is about: kommune and school identity by number where the export has one, by name otherwise.

- Statistikkbanken exports carry numbers (fylke, kommune, organisasjonsnummer): those are the ids.
- Skoleporten's "nedlasting" has school names only. A school is then matched by name *within the
  kommune the user names on the Data page* against the schools already in the dataset; several
  schools with that name in the kommune is an ambiguity, reported, and the row gets its own id.
- Ids made from names are stable (the same file gives the same ids on every import):
  ``navn:<kommune_id>:<normalised-name>``. Without a kommune, the kommune id is SSB's
  ``9999`` ("Uoppgitt") and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data.importers.report import ImportReport
from data.importers.vocab import normalise_name, slug

UNKNOWN_KOMMUNE_ID = "9999"
UNKNOWN_KOMMUNE_NAME = "Uoppgitt kommune"
NATIONAL_ID = "I"  # Udir's Nasjonaltkode; distinct from the demo's national id "0"
NATIONAL_NAME = "Hele landet"


@dataclass(frozen=True)
class KommuneHint:
    """The kommune a names-only file is about (chosen on the Data page)."""

    kommune_id: str
    kommune_name: str

    @property
    def fylke_id(self) -> str:
        return self.kommune_id[:2] if len(self.kommune_id) == 4 and self.kommune_id.isdigit() else ""


def synthetic_school_id(kommune_id: str, name: str) -> str:
    return f"navn:{kommune_id}:{slug(name)}"


def synthetic_kommune_id(name: str) -> str:
    return f"navn:{slug(name)}"


def resolve_school_names(
    names: list[str], kommune_id: str, existing: pd.DataFrame | None, report: ImportReport
) -> dict[str, str]:
    """Map school names (within one kommune) to unit ids, reusing ids of schools already in the dataset.

    ``existing`` is a canonical frame (or None). Names matching exactly one known school of the kommune
    get that school's id; names matching several are reported as ambiguous and get a name-based id.
    """
    known: dict[str, set[str]] = {}
    if existing is not None and len(existing) and kommune_id != UNKNOWN_KOMMUNE_ID:
        sk = existing[(existing["level"] == "skole") & (existing["kommune_id"] == kommune_id)]
        pairs = sk[["unit_id", "unit_name"]].drop_duplicates().astype(str)
        for uid, uname in zip(pairs["unit_id"], pairs["unit_name"]):
            known.setdefault(normalise_name(uname), set()).add(uid)
    out: dict[str, str] = {}
    matched = 0
    for name in names:
        hits = known.get(normalise_name(name), set())
        if len(hits) == 1:
            out[name] = next(iter(hits))
            matched += 1
        else:
            if len(hits) > 1:
                report.note(
                    f"Tvetydig skolenavn «{name}»: {len(hits)} skoler i kommune {kommune_id} heter det samme "
                    f"({', '.join(sorted(hits))}). Tallene er lagt inn som en egen enhet."
                )
            out[name] = synthetic_school_id(kommune_id, name)
    if matched:
        report.note(f"{matched} skoler ble kjent igjen på navn blant skolene som alt finnes i kommune {kommune_id}.")
    return out
