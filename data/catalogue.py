"""The indicator catalogue and the suppression table: the one place that says what each indicator is.

Everything that needs to know an indicator's scale, direction, trinn, pupil-level SD or suppression
threshold (the demo generator, the importers, the statistics in ``analysis/`` and every page) reads it
from here. Change a threshold here and every computation, chart and export follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from data.language import pick

# Families of sources: suppression rules differ between them (docs/methods.md §8).
NASJONALE_PROVER = "nasjonale_prover"
GRUNNSKOLEPOENG = "grunnskolepoeng"
ELEVUNDERSOKELSEN = "elevundersokelsen"

FAMILY_LABELS: dict[str, str] = {
    NASJONALE_PROVER: "Nasjonale prøver",
    GRUNNSKOLEPOENG: "Grunnskolepoeng",
    ELEVUNDERSOKELSEN: "Elevundersøkelsen",
}

# Nynorsk names, as Udir writes them on its nynorsk pages («Grunnskulepoeng», «Elevundersøkinga»).
FAMILY_LABELS_NN: dict[str, str] = {
    NASJONALE_PROVER: "Nasjonale prøver",
    GRUNNSKOLEPOENG: "Grunnskulepoeng",
    ELEVUNDERSOKELSEN: "Elevundersøkinga",
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
SUBJECT_LABELS_NN: dict[str, str] = {"": "", "lesing": "Lesing", "regning": "Rekning", "engelsk": "Engelsk"}
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
            default_sd=None, large_uncertainty_halfwidth=10.0,
            # Not in the 2025–28 uttrekk set; an option of the model (UTTREKK_SETS), a workshop indicator.
            in_uttrekk=False,
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
    ]
}

# Statistikkbanken's «Usikkerhet» is not an indicator: it is stored with the skalapoeng it belongs to
# (canonical column ``udir_margin``) and used as that figure's interval (issue 11).
LEGACY_MARGIN_INDICATOR = "np_usikkerhet"  # how imports saved before issue 11 stored it

# Nynorsk indicator names (Udir's nynorsk: «Grunnskulepoeng», «meistringsnivå», «Støtte frå læraren»,
# «Mobbing på skulen»). Every code in INDICATORS has one; tests/test_strings.py checks it.
INDICATOR_LABELS_NN: dict[str, str] = {
    "grunnskolepoeng": "Grunnskulepoeng",
    "np_skalapoeng": "Nasjonale prøver, skalapoeng",
    **{f"np_mestring_{lvl}": f"Del på meistringsnivå {lvl}" for lvl in (1, 2, 3, 4, 5)},
    "eu_stotte_larer": "Støtte frå læraren",
    "eu_motivasjon": "Motivasjon",
    "eu_trivsel": "Trivsel",
    "eu_mestring": "Meistring",
    "eu_mobbing": "Mobbing på skulen (del mobba 2-3 gonger i månaden eller oftare)",
    "np_mestring_snitt": "Nasjonale prøver, gjennomsnittleg meistringsnivå (1-3)",
    "np_skalapoeng_avgiver": "Nasjonale prøver, skalapoeng (avgjevarskule)",
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
# UTTREKK_SET above is the workshop set shown on Oversikt, Sammenlignbare and in the report: the
# published uttrekk indicators plus mobbing, which stays a workshop indicator outside the risk points.
WORKSHOP_SET: tuple[tuple[str, str, int], ...] = UTTREKK_SET

# The indicator set of the selection model is a labelled parameter (issue 12 item 8). The set Udir used
# for the 2024 uttrekk (the 2025–28 round): grunnskolepoeng; nasjonale prøver lesing and regning, 5. and
# 8. trinn, share on mestringsnivå 1; Elevundersøkelsen 7. and 10. trinn, støtte fra lærer and
# motivasjon. Mobbing is not in it (earlier descriptions of the scheme named it); it is an option.
UTTREKK_SET_2025_28: tuple[tuple[str, str, int], ...] = tuple(k for k in UTTREKK_SET if k[0] != "eu_mobbing")
UTTREKK_SETS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "2025-28": UTTREKK_SET_2025_28,
    "2025-28+mobbing": UTTREKK_SET,
}
UTTREKK_SET_LABELS: dict[str, str] = {
    "2025-28": "Udirs indikatorer for uttrekket 2024 (ordningen 2025–2028)",
    "2025-28+mobbing": "Udirs indikatorer for 2025–2028 pluss mobbing (7. og 10. trinn)",
}
DEFAULT_UTTREKK_SET = "2025-28"


def uttrekk_set_name(indicators) -> str:
    """The label key of a model indicator set, or "egendefinert" when it is none of the named sets."""
    for name, keys in UTTREKK_SETS.items():
        if tuple(indicators) == keys:
            return name
    return "egendefinert"


# «Stor usikkerhet» relative to the indicator's scale (issue 12 item 7): a figure's 95 % interval is
# «stor usikkerhet» when its half-width exceeds this share of the national spread between schools
# (SD of the school figures of the same indicator, subject, trinn and year). 1,0 means: the interval
# alone is wider than the typical difference between two schools in the country, so the figure cannot
# tell a school from the typical school. ``large_uncertainty_halfwidth`` above is the fallback when
# the national spread is unknown. See ``analysis.uncertainty.large_uncertainty``.
LARGE_UNCERTAINTY_SHARE_OF_SPREAD = 1.0

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
MARKER_LABELS_NN: dict[str, str] = {
    MARKER_SUPPRESSED: "Skjerma (for få elevar)",
    MARKER_NO_DATA: "Ingen data",
    MARKER_SSB_CONFIDENTIAL: "Konfidensielt (SSB)",
    MARKER_SSB_NOT_AVAILABLE: "Ikkje tilgjengeleg (SSB)",
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


def indicator_name(code: str) -> str:
    """The indicator's name in the active language (``data.language``); the code itself if unknown."""
    ind = INDICATORS.get(code)
    return pick(ind.label, INDICATOR_LABELS_NN.get(code)) if ind else code


def subject_label(subject: str) -> str:
    """'Lesing', 'Regning' (nynorsk 'Rekning'), … in the active language."""
    return pick(SUBJECT_LABELS.get(subject, subject), SUBJECT_LABELS_NN.get(subject))


def family_label(family: str) -> str:
    return pick(FAMILY_LABELS.get(family, family), FAMILY_LABELS_NN.get(family))


def marker_label(marker: str) -> str:
    return pick(MARKER_LABELS.get(marker, marker), MARKER_LABELS_NN.get(marker))


def indicator_label(code: str, subject: str = "", trinn: int | None = None) -> str:
    """Human label such as 'Andel på mestringsnivå 1, lesing, 5. trinn' (in the active language)."""
    parts = [indicator_name(code)]
    if subject:
        parts.append(subject_label(subject).lower())
    if trinn is not None:
        parts.append(f"{int(trinn)}. trinn")
    return ", ".join(parts)
