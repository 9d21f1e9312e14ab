"""A small simulated world for the uttrekk rule where the truth is known (bootstrap calibration tests)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.uttrekk import UttrekkParams

KEYS = (("grunnskolepoeng", "", 10), ("np_mestring_1", "lesing", 5), ("eu_stotte_larer", "", 7))
NATIONAL = {"grunnskolepoeng": 42.0, "np_mestring_1": 20.0, "eu_stotte_larer": 4.0}
SD = {"grunnskolepoeng": 8.5, "eu_stotte_larer": 0.8}
KOM_SD = {"grunnskolepoeng": 2.0, "np_mestring_1": 5.0, "eu_stotte_larer": 0.12}
PERIODS = ("2023-24", "2024-25", "2025-26")
PARAMS = UttrekkParams(indicators=KEYS, n_level=8, n_spread=3, spread_cutoff=50.0,
                       absolute_offsets=((("grunnskolepoeng", None), 3.0), (("np_mestring_1", None), 8.0),
                                         (("eu_stotte_larer", None), 0.15)))


def world(rng: np.random.Generator, kommuner: int = 60, schools: int = 3) -> dict:
    """True kommune effects (in SD units of the kommune spread) and school sizes."""
    return {"effect": rng.normal(0, 1, kommuner), "school_effect": rng.normal(0, 0.5, (kommuner, schools)),
            "n": rng.integers(12, 70, (kommuner, schools))}


def _row(level, unit, kom, ind, subj, trinn, period, value, n, sd):
    return {"level": level, "unit_id": unit, "unit_name": unit, "kommune_id": kom, "indicator": ind,
            "subject": subj, "trinn": trinn, "kjonn": "alle", "period": period, "value": value, "n": n,
            "sd": sd, "suppressed": False}


def sample(w: dict, rng: np.random.Generator, noise: bool = True) -> pd.DataFrame:
    """Published figures drawn from the world (``noise=False``: the true figures themselves)."""
    rows = []
    k_count, s_count = w["n"].shape
    for ind, subj, trinn in KEYS:
        nat = NATIONAL[ind]
        sign = -1 if ind == "np_mestring_1" else 1
        for period in PERIODS:
            rows.append(_row("nasjonalt", "0", "0", ind, subj, trinn, period, nat, 50000, SD.get(ind, np.nan)))
            for k in range(k_count):
                true = nat + sign * KOM_SD[ind] * (w["effect"][k] + w["school_effect"][k])
                n = w["n"][k]
                if ind == "np_mestring_1":
                    p = np.clip(true, 0.5, 99.5) / 100
                    x = rng.binomial(n, p) if noise else p * n
                    vals, kval = 100 * x / n, 100 * x.sum() / n.sum()
                    sds = np.full(s_count, np.nan)
                    ksd = np.nan
                else:
                    vals = true + (rng.normal(0, SD[ind] / np.sqrt(n)) if noise else 0)
                    kval = float(np.sum(n * vals) / n.sum())
                    sds, ksd = np.full(s_count, SD[ind]), SD[ind]
                dec = 2 if ind == "eu_stotte_larer" else 1
                kid = f"k{k:03d}"
                rows.append(_row("kommune", kid, kid, ind, subj, trinn, period, round(kval, dec), n.sum(), ksd))
                for s in range(s_count):
                    rows.append(_row("skole", f"{kid}s{s}", kid, ind, subj, trinn, period, round(vals[s], dec),
                                     n[s], sds[s]))
    df = pd.DataFrame(rows)
    df["trinn"] = df["trinn"].astype("Int8")
    return df
