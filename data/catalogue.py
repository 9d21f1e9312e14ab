"""The indicator catalogue and the suppression table: the one place that says what each indicator is.

Everything that needs to know an indicator's scale, direction, trinn, pupil-level SD or suppression
threshold (the demo generator, the importers, the statistics in ``analysis/`` and every page) reads it
from here. Change a threshold here and every computation, chart and export follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Families of sources: suppression rules differ between them (docs/methods.md §8).
NASJONALE_PROVER = "nasjonale_prover"
GRUNNSKOLEPOENG = "grunnskolepoeng"
ELEVUNDERSOKELSEN = "elevundersokelsen"

FAMILY_LABELS: dict[str, str] = {
    NASJONALE_PROVER: "Nasjonale prøver",
    GRUNNSKOLEPOENG: "Grunnskolepoeng",
    ELEVUNDERSOKELSEN: "Elevundersøkelsen",
}

HIGHER_IS_BETTER = 1
LOWER_IS_BETTER = -1
NEUTRAL = 0


@dataclass(frozen=True)
class Indicator:
    """One indicator of the canonical format (the ``indicator`` column holds ``code``)."""

    code: str
    label: str
    family: str
    kind: Literal["mean", "share"]
    unit_of_measure: str
    direction: int
    value_min: float
    value_max: float
    trinn: tuple[int, ...]
    subjects: tuple[str, ...]
    # Pupil-level standard deviation used for a mean's interval when the source gives none.
    default_sd: float | None
    # Half-width of a 95 % interval above which a figure is flagged "stor usikkerhet".
    large_uncertainty_halfwidth: float
    in_uttrekk: bool
    decimals: int = 1


SUBJECT_LABELS: dict[str, str] = {"": "", "lesing": "Lesing", "regning": "Regning", "engelsk": "Engelsk"}
NP_SUBJECTS = ("lesing", "regning", "engelsk")

INDICATORS: dict[str, Indicator] = {
    ind.code: ind
    for ind in [
        Indicator(
            "grunnskolepoeng", "Grunnskolepoeng", GRUNNSKOLEPOENG, "mean", "poeng", HIGHER_IS_BETTER,
            10.0, 60.0, (10,), ("",),
            # National pupil-level SD of grunnskolepoeng is about 8.5 points (Udir, 2016-2019);
            # used only where the source gives no SD of its own.
            default_sd=8.5, large_uncertainty_halfwidth=3.0, in_uttrekk=True,
        ),
        Indicator(
            "np_skalapoeng", "Nasjonale prøver, skalapoeng", NASJONALE_PROVER, "mean", "skalapoeng",
            HIGHER_IS_BETTER, 1.0, 100.0, (5, 8, 9), NP_SUBJECTS,
            # The scale is fixed with national mean 50 and SD 10 in the base year.
            default_sd=10.0, large_uncertainty_halfwidth=4.0, in_uttrekk=False, decimals=0,
        ),
        Indicator(
            "np_mestring_1", "Andel på mestringsnivå 1", NASJONALE_PROVER, "share", "prosent",
            LOWER_IS_BETTER, 0.0, 100.0, (5, 8, 9), NP_SUBJECTS,
            default_sd=None, large_uncertainty_halfwidth=15.0, in_uttrekk=True,
        ),
        *[
            Indicator(
                f"np_mestring_{lvl}", f"Andel på mestringsnivå {lvl}", NASJONALE_PROVER, "share", "prosent",
                NEUTRAL, 0.0, 100.0, (5, 8, 9) if lvl <= 3 else (8, 9), NP_SUBJECTS,
                default_sd=None, large_uncertainty_halfwidth=15.0, in_uttrekk=False,
            )
            for lvl in (2, 3, 4, 5)
        ],
        Indicator(
            "eu_stotte_larer", "Støtte fra lærer", ELEVUNDERSOKELSEN, "mean", "indeks 1-5", HIGHER_IS_BETTER,
            1.0, 5.0, (7, 10), ("",), default_sd=0.8, large_uncertainty_halfwidth=0.3, in_uttrekk=True,
            decimals=2,
        ),
        Indicator(
            "eu_motivasjon", "Motivasjon", ELEVUNDERSOKELSEN, "mean", "indeks 1-5", HIGHER_IS_BETTER,
            1.0, 5.0, (7, 10), ("",), default_sd=0.9, large_uncertainty_halfwidth=0.3, in_uttrekk=True,
            decimals=2,
        ),
        Indicator(
            "eu_trivsel", "Trivsel", ELEVUNDERSOKELSEN, "mean", "indeks 1-5", HIGHER_IS_BETTER,
            1.0, 5.0, (7, 10), ("",), default_sd=0.8, large_uncertainty_halfwidth=0.3, in_uttrekk=False,
            decimals=2,
        ),
        Indicator(
            "eu_mestring", "Mestring", ELEVUNDERSOKELSEN, "mean", "indeks 1-5", HIGHER_IS_BETTER,
            1.0, 5.0, (7, 10), ("",), default_sd=0.7, large_uncertainty_halfwidth=0.3, in_uttrekk=False,
            decimals=2,
        ),
        Indicator(
            "eu_mobbing", "Mobbing (andel mobbet 2-3 ganger i måneden eller oftere)", ELEVUNDERSOKELSEN,
            "share", "prosent", LOWER_IS_BETTER, 0.0, 100.0, (7, 10), ("",),
            default_sd=None, large_uncertainty_halfwidth=10.0, in_uttrekk=True,
        ),
        # --- Figures that real exports hold (added for the importers, issue #6) ---------------------
        Indicator(
            # Old Skoleporten 5. trinn 2009-2013: mean mestringsnivå on the 1-3 scale, one decimal.
            # Pupil-level SD with 25/50/25 % on levels 1/2/3 is sqrt(0.5) = 0.71.
            "np_mestring_snitt", "Nasjonale prøver, gjennomsnittlig mestringsnivå (1-3)", NASJONALE_PROVER,
            "mean", "mestringsnivå 1-3", HIGHER_IS_BETTER, 1.0, 3.0, (5,), NP_SUBJECTS,
            default_sd=0.71, large_uncertainty_halfwidth=0.3, in_uttrekk=False,
        ),
        Indicator(
            # Skoleporten's "avgiverskole" results: the pupils a school sent on to ungdomstrinn.
            "np_skalapoeng_avgiver", "Nasjonale prøver, skalapoeng (avgiverskole)", NASJONALE_PROVER, "mean",
            "skalapoeng", HIGHER_IS_BETTER, 1.0, 100.0, (8, 9), NP_SUBJECTS,
            default_sd=10.0, large_uncertainty_halfwidth=4.0, in_uttrekk=False, decimals=0,
        ),
        Indicator(
            # Statistikkbanken's "Usikkerhet" column: half-width (±) of Udir's own 95 % interval around
            # the skalapoeng. Kept as published; it is a property of another figure, not a result.
            "np_usikkerhet", "Nasjonale prøver, usikkerhet (± skalapoeng)", NASJONALE_PROVER, "mean",
            "± skalapoeng", NEUTRAL, 0.0, 100.0, (5, 8, 9), NP_SUBJECTS,
            default_sd=None, large_uncertainty_halfwidth=100.0, in_uttrekk=False,
        ),
    ]
}

# The uttrekk indicators as (indicator, subject, trinn), in the order Udir lists them (docs/methods.md §7).
UTTREKK_SET: tuple[tuple[str, str, int], ...] = (
    ("grunnskolepoeng", "", 10),
    ("np_mestring_1", "lesing", 5),
    ("np_mestring_1", "regning", 5),
    ("np_mestring_1", "lesing", 8),
    ("np_mestring_1", "regning", 8),
    ("eu_stotte_larer", "", 7),
    ("eu_stotte_larer", "", 10),
    ("eu_motivasjon", "", 7),
    ("eu_motivasjon", "", 10),
    ("eu_mobbing", "", 7),
    ("eu_mobbing", "", 10),
)

# ---------------------------------------------------------------------------------------------
# Suppression (prikking). One table: the smallest n that may be published, per source family, with
# per-indicator overrides. Used by the demo generator, the importers and every computation.
#   - Nasjonale prøver and grunnskolepoeng: figures behind fewer than 10 pupils are not published.
#   - Elevundersøkelsen: stricter since 2023; a third-party source states fewer than 20 answers,
#     fewer than 30 for mobbing. These are defaults and may be changed here.
# ---------------------------------------------------------------------------------------------
SUPPRESSION_MIN_N: dict[str, int] = {
    NASJONALE_PROVER: 10,
    GRUNNSKOLEPOENG: 10,
    ELEVUNDERSOKELSEN: 20,
}
SUPPRESSION_MIN_N_OVERRIDES: dict[str, int] = {
    "eu_mobbing": 30,
}

# Markers as the sources print them.
MARKER_SUPPRESSED = "*"  # Udir: unntatt offentlighet / skjermet / prikket
MARKER_NO_DATA = "."  # Skoleporten / SSB: no figure
MARKER_SSB_CONFIDENTIAL = ":"
MARKER_SSB_NOT_AVAILABLE = ".."
MARKER_LABELS: dict[str, str] = {
    MARKER_SUPPRESSED: "Skjermet (for få elever)",
    MARKER_NO_DATA: "Ingen data",
    MARKER_SSB_CONFIDENTIAL: "Konfidensielt (SSB)",
    MARKER_SSB_NOT_AVAILABLE: "Ikke tilgjengelig (SSB)",
}


def get_indicator(code: str) -> Indicator:
    """Return the catalogue entry for an indicator code; KeyError names the unknown code."""
    try:
        return INDICATORS[code]
    except KeyError:
        raise KeyError(f"Ukjent indikator: {code!r}") from None


def suppression_min_n(indicator: str) -> int:
    """Smallest number of pupils/answers for which a figure of ``indicator`` may be published."""
    if indicator in SUPPRESSION_MIN_N_OVERRIDES:
        return SUPPRESSION_MIN_N_OVERRIDES[indicator]
    return SUPPRESSION_MIN_N[get_indicator(indicator).family]


def indicator_label(code: str, subject: str = "", trinn: int | None = None) -> str:
    """Human label such as 'Andel på mestringsnivå 1, lesing, 5. trinn'."""
    ind = INDICATORS.get(code)
    parts = [ind.label if ind else code]
    if subject:
        parts.append(SUBJECT_LABELS.get(subject, subject).lower())
    if trinn is not None:
        parts.append(f"{int(trinn)}. trinn")
    return ", ".join(parts)
