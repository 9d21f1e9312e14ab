"""AppTests of the issue 12 statistics on «Hvorfor er vi trukket ut?»: bootstrap intervals and P(drawn),
indicator set, regression to the mean."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest import open_app


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [m.value for m in at.info]
    parts += [m.value for m in at.warning] + [s.value for s in at.header]
    return "\n".join(str(p) for p in parts)


def test_uttrekk_shows_intervals_and_p_drawn_for_every_kommune():
    at = open_app("uttrekk", kommune="7190")
    text = _text(at)
    assert "Hvor sikkert er uttrekket?" in text
    assert "Kommunen ble trukket ut i" in text and "95 %-intervall" in text
    assert "i stedet for" not in text  # the «sure share» is gone
    assert "Indikatorsett i modellen: Udirs indikatorer for uttrekket 2024 (ordningen 2025–2028)" in text
    assert "Regresjon mot gjennomsnittet" in text or "regresjon mot gjennomsnittet" in text
    tables = [df.value for df in at.dataframe]
    boot = [tb for tb in tables if "Sannsynlighet for uttrekk (%)" in tb.columns]
    assert boot and len(boot[0]) > 300
    assert not boot[0].astype(str).apply(lambda c: c.str.contains("nan|None")).any().any()


def test_uttrekk_indicator_set_with_mobbing_recomputes():
    at = open_app("uttrekk", kommune="7290")
    box = next(s for s in at.selectbox if s.label == "Indikatorsett")
    box.set_value("2025-28+mobbing")
    next(b for b in at.button if b.label == "Bruk innstillingene").click().run()
    assert not at.exception
    assert "pluss mobbing" in _text(at)
