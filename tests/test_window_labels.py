"""Window labels (present/window.py) name the years actually used and the reason for the others."""

from present.window import missing_reasons, school_years, span_text, window_text


def test_school_years_are_consecutive():
    assert school_years("2025-26", 3) == ["2023-24", "2024-25", "2025-26"]
    assert school_years("2024-25", 1) == ["2024-25"]


def test_span_text():
    assert span_text(["2024-25", "2023-24", "2025-26"]) == "2023-24–2025-26"
    assert span_text(["2025-26"]) == "2025-26"
    assert span_text(["2022-23", "2024-25"]) == "2022-23 og 2024-25"
    assert span_text([]) == ""


def test_window_text():
    wanted = school_years("2025-26", 3)
    assert window_text(wanted, wanted) == "2023-24–2025-26"
    assert window_text(wanted, ["2023-24", "2025-26"]) == \
        "2 av 3 år: 2023-24 og 2025-26; 2024-25: ingen tall i dataene"
    reasons = missing_reasons(wanted, in_data=["2023-24", "2024-25", "2025-26"], suppressed=["2024-25"])
    assert window_text(wanted, ["2023-24", "2025-26"], reasons) == \
        "2 av 3 år: 2023-24 og 2025-26; 2024-25: skjermet"
    assert window_text(wanted, ["2025-26"]) == \
        "1 av 3 år: 2025-26; 2023-24 og 2024-25: ingen tall i dataene"
    assert window_text(["2025-26"], ["2025-26"]) == "2025-26"
    assert window_text(wanted, []) == "ingen publiserte tall i 2023-24–2025-26"
