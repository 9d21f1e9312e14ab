"""AppTests of the issue 12 statistics on the pages: the false-flag line with Benjamini–Hochberg (Oversikt,
Skoler, Sammenlignbare) and Skoler's funnel model, shrinkage and one-school story (uttrekk:
``test_page_stats_uttrekk.py``)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest import open_app


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [m.value for m in at.info]
    parts += [m.value for m in at.warning] + [s.value for s in at.header]
    return "\n".join(str(p) for p in parts)


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
