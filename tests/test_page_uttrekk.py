"""AppTest of «Hvorfor er vi trukket ut?» for the demo showcases (through app.py, as users see it)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest import open_app




def _run(kommune_id: str) -> AppTest:
    return open_app("uttrekk", kommune=kommune_id)


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.success] + [m.value for m in at.warning]
    parts += [m.value for m in at.info]
    return "\n".join(str(p) for p in parts)


def test_spread_showcase_what_if_names_the_weak_school():
    at = _run("7290")
    assert at.title[0].value.endswith("Brekkestad")
    text = _text(at)
    assert "trukket ut på grunn av forskjeller mellom skolene" in text
    success = [s.value for s in at.success]
    assert any(s.startswith("Hvis Nedre Brekke skole hadde hatt resultater på kommunens nivå") for s in success)
    assert any("ikke vært trukket ut" in s for s in success)
    # Choosing the national level instead recomputes without an error.
    at.radio(key="uttrekk_whatif_target").set_value("nasjonalt").run()
    assert not at.exception
    assert any("landsnivået" in s.value for s in at.success)
    # The page says plainly that it explains and does not reproduce Udir's list.
    assert any("gjenskaper ikke Udirs liste" in i.value for i in at.info)


def test_one_school_kommune_says_differences_are_not_certain():
    at = _run("7190")
    text = _text(at)
    assert "bare én skole" in text
    assert "skjermet" in text
    assert any("ikke sikker" in w.value for w in at.warning)
    tables = [df.value for df in at.dataframe]
    reliab = [t for t in tables if "Hvor sikkert" in t.columns]
    assert reliab and (reliab[0]["Hvor sikkert"] == "Ikke sikker forskjell").sum() >= 1


def test_changing_a_parameter_recomputes():
    at = _run("7290")
    cut = next(n for n in at.number_input if n.label == "Grense for stor spredning (prosentpoeng)")
    cut.set_value(80.0)
    next(b for b in at.button if b.label == "Bruk innstillingene").click().run()
    assert not at.exception
    assert "Forskjellene gir ikke uttrekk i modellen." in _text(at)


def test_verdict_on_its_own_line_rank_without_arrow_and_what_if_names_the_real_cut():
    from tests.apptest import open_app

    at = open_app("uttrekk", kommune="7290")
    verdict = [m.value for m in at.markdown if 'id="uttrekk-verdict"' in m.value]
    assert verdict and "Utfall i modellen: Trukket ut" in verdict[0]
    rank = [m for m in at.metric if m.label == "Plass blant kommunene"][0]
    assert " av " in rank.value and not rank.delta  # no delta, so no arrow that reads as progress
    cut = [m.value for m in at.markdown if "faktisk avgjør uttrekk på spredning" in m.value]
    import re

    assert cut and "10. kommunen" in cut[0] and re.search(r"\*\*\d+ pp\*\*", cut[0]) and "(50 pp)" in cut[0]
