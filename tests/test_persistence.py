

def test_relative_flag_on_school_rows():
    import pandas as pd

    from analysis.persistence import relative_large_uncertainty, school_spread_by_key

    rng = np.random.default_rng(8)
    k = 400
    n = rng.integers(10, 200, k).astype(float)
    p = np.clip(rng.normal(8, 4, k), 0.5, 60)
    x = rng.binomial(n.astype(int), p / 100)
    rows = pd.DataFrame({"level": "skole", "indicator": "np_mestring_1", "subject": "lesing", "trinn": 8,
                         "kjonn": "alle", "period": "2024-25", "value": 100 * x / n, "n": n, "sd": np.nan,
                         "suppressed": False})
    spreads = school_spread_by_key(rows)
    assert spreads[("np_mestring_1", "lesing", 8, "alle")] == pytest.approx(4, abs=0.8)
    frame = pd.DataFrame({"indicator": ["np_mestring_1"] * 2, "subject": ["lesing"] * 2, "trinn": [8, 8],
                          "kjonn": ["alle"] * 2, "lower": [1.2, 6.0], "upper": [29.8, 9.0]})
    # n = 15 at 8 %: interval 1,2–29,8 is «stor usikkerhet» (the absolute 15-point rule missed it).
    assert relative_large_uncertainty(frame, spreads).tolist() == [True, False]
