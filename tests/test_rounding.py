

def test_benchmark_comparison_withholds_within_bound_and_keeps_codes():
    import pandas as pd

    from analysis.rounding import apply_benchmark_rounding, published_bound

    # Grunnskolepoeng (1 decimal, δ = 0,05): a kommune 0,08 below the nation with a tight interval.
    df = pd.DataFrame({"indicator": ["grunnskolepoeng", "grunnskolepoeng", "np_mestring_1"],
                       "n": [40000.0, 40000.0, 300.0], "nasjonalt_n": [60000.0, 60000.0, 60000.0],
                       "difference": [-0.08, -0.5, 2.0], "diff_lower": [-0.09, -0.6, 0.5],
                       "diff_upper": [-0.07, -0.4, 3.5],
                       "classification": pd.Categorical(["svakere", "svakere", "svakere"],
                                                        categories=["svakere", "ikke_sikker", "bedre"])})
    out = apply_benchmark_rounding(df, benchmark_n_col="nasjonalt_n")
    assert out["rounding_bound"].tolist() == pytest.approx([0.1, 0.1, 0.05])
    assert out["classification"].astype(str).tolist() == ["ikke_sikker", "svakere", "svakere"]
    assert out["rounding_withheld"].tolist() == [True, False, False]
    assert out["classification_unrounded"].tolist() == ["svakere"] * 3
    # Shares under 1 000 pupils are recovered as exact counts: no rounding error on that side.
    assert published_bound(["np_mestring_1", "np_mestring_1", "eu_stotte_larer"], [999, 1000, 50]).tolist() == \
        pytest.approx([0.0, 0.05, 0.005])
