"""AppTests of the issue 12 statistics on the pages: uttrekk bootstrap, indicator set, regression to the
mean, the false-flag line with Benjamini–Hochberg, and Skoler's funnel/shrinkage/one-school story."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest import open_app


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [m.value for m in at.info]
    parts += [m.value for m in at.warning] + [s.value for s in at.subheader]
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


def test_skoler_one_school_story_false_flags_and_bh():
    from data import demo

    at = open_app("skoler", kommune=demo.SHOWCASE_ONE_SCHOOL)
    text = _text(at)
    assert "bare én skole" in text and "annet spørsmål" in text  # one consistent story for Kvitholm
    assert "sammenligninger på siden" in text
    assert "«de tre elevkullene»" in text
    at.toggle(key="skoler_bh").set_value(True).run()
    assert not at.exception


def test_skoler_funnel_model_choice_and_adjusted_table():
    from data import demo

    at = open_app("skoler", kommune=demo.SHOWCASE_SPREAD, indikator="np_mestring_1", fag="lesing", trinn="8")
    at.radio(key="skoler_od_model").set_value("tau2").run()
    assert not at.exception
    text = _text(at)
    assert "winsorisering" in text and "φ =" in text
    at.toggle(key="skoler_shrinkage").set_value(True).run()
    assert not at.exception
    tables = [df.value for df in at.dataframe]
    adj = [tb for tb in tables if "Justert for små tall" in tb.columns]
    assert adj and "Skolens nivå over tid" in adj[0].columns
    assert not adj[0].astype(str).apply(lambda c: c.str.contains("nan|None")).any().any()


def test_skoler_means_funnel_names_the_data_sd():
    from data import demo

    at = open_app("skoler", kommune=demo.SHOWCASE_SPREAD, indikator="eu_stotte_larer", trinn="7")
    assert "(fra dataene)" in _text(at)


def test_oversikt_says_how_many_false_flags_to_expect_and_offers_bh():
    at = open_app("oversikt", kommune="7290")
    text = _text(at)
    assert "sammenligninger på siden" in text and "Hvis ingenting egentlig var forskjellig" in text
    at.toggle(key="oversikt_bh").set_value(True).run()
    assert not at.exception
    assert "Kontrollen for mange sammenligninger fjernet" in _text(at)


def test_sammenlignbare_false_flag_line():
    at = open_app("sammenlignbare", kommune="7290")
    assert "sammenligninger på siden" in _text(at)
    at.toggle(key="peers_bh").set_value(True).run()
    assert not at.exception
