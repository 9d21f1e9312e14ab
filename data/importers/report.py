"""The validation report of one imported file (what the Data page shows after an import)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from data.importers.protocol import Skip, SkipReason

MAX_EXAMPLE_LINES = 5


@dataclass
class ImportReport:
    """What happened to one file: rows read, mapped, skipped (with reasons and example lines), markers."""

    file_name: str
    format_label: str = ""
    source_name: str = ""  # the registered source that read the file (for the data label)
    encoding: str = ""
    delimiter: str = ""
    rows_read: int = 0
    rows_mapped: int = 0
    duplicates_removed: int = 0
    n_unknown: int = 0
    primary_suppressed: int = 0  # figures below the catalogue's threshold stored as suppressed on import
    skipped: Counter = field(default_factory=Counter)
    skipped_lines: dict[str, list[int]] = field(default_factory=dict)
    markers: Counter = field(default_factory=Counter)
    units_unknown: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    mapped: pd.DataFrame | None = None  # rows per indicator/level/period (see ``summarise``)

    def skip(self, reason: SkipReason | Skip, count: int = 1, lines: list[int] | None = None,
             detail: str = "") -> None:
        """Record ``count`` skipped rows for a typed ``reason`` with up to a few example line numbers."""
        if count <= 0:
            return
        if isinstance(reason, SkipReason):
            reason = reason.text(detail)
        if not isinstance(reason, Skip):
            raise TypeError("A skip reason is a SkipReason, not free text")
        self.skipped[reason] += int(count)
        if lines:
            have = self.skipped_lines.setdefault(reason, [])
            have.extend(int(x) for x in lines[: MAX_EXAMPLE_LINES - len(have)])

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def skipped_by_reason(self) -> Counter:
        """Skipped rows per ``SkipReason`` (details such as the indicator merged)."""
        out: Counter = Counter()
        for key, count in self.skipped.items():
            out[key.reason] += count
        return out

    @property
    def rows_skipped(self) -> int:
        return int(sum(self.skipped.values()))

    def summarise(self, figures: pd.DataFrame) -> None:
        """Fill ``rows_mapped``, ``n_unknown`` and the per indicator/level/period table from the result."""
        self.rows_mapped = len(figures)
        has_value = figures["value"].notna() & ~figures["suppressed"]
        self.n_unknown = int((has_value & figures["n"].isna()).sum())
        if len(figures):
            self.mapped = (
                figures.groupby(["indicator", "level", "period"], observed=True)
                .size()
                .rename("rader")
                .reset_index()
                .astype({"indicator": str, "level": str, "period": str})
            )
        else:
            self.mapped = pd.DataFrame(columns=["indicator", "level", "period", "rader"])

    def skipped_table(self) -> pd.DataFrame:
        """Skipped rows as a table: reason, count, example lines."""
        return pd.DataFrame(
            [
                {
                    "årsak": reason,
                    "rader": count,
                    "eksempel på linjer": ", ".join(str(x) for x in self.skipped_lines.get(reason, [])),
                }
                for reason, count in self.skipped.most_common()
            ],
            columns=["årsak", "rader", "eksempel på linjer"],
        )
