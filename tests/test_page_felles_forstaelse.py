"""AppTests for «Felles forståelse» (the veileder's page) and «Vurder utfordringene» (?okt=<code>):
two participants rate, the results show their means, r_wg and the role sentences."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analysis.agreement import rwg
from data.access import Principal
from data.findings import Author, FindingIn, get_store
from data.findings.ratings import RatingStore
from present.format import fmt_number
from present.strings import t
from tests.apptest import APP, open_app

K = "7290"
KARI = Author("Kari", "veileder")


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'funn.db'}")
    store = get_store()
    a = store.create(FindingIn(K, "Svak lesing på mellomtrinnet", "utfordring"), KARI)
    b = store.create(FindingIn(K, "Lite samarbeid mellom skolene <b>", "utfordring"), KARI)
    store.create(FindingIn(K, "Godt læringsmiljø", "styrke"), KARI)
    return store, a, b


def _rate(at, role: str, scores: list[tuple[int, int]], name: str | None = None):
    at.selectbox(key="vurdering_role").set_value(role)
    if name is not None:
        at.text_input(key="vurdering_name").set_value(name)
    radios = [r for r in at.radio if r.key.startswith(("imp_", "cer_"))]
    for (imp, cer), i in zip(scores, range(0, len(radios), 2)):
        radios[i].set_value(imp)
        radios[i + 1].set_value(cer)
    next(b for b in at.button if b.label == t("vurdering.save")).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]


def test_create_session_rate_twice_and_see_agreement(db):
    store, a, b = db
    at = open_app("felles_forstaelse", kommune=K)
    assert at.title[0].value == "Felles forståelse: Brekkestad"
    assert any(t("felles.no_sessions") in i.value for i in at.info)
    next(b for b in at.button if b.label == t("felles.new_button")).click().run()
    sessions = RatingStore(store).sessions(K)
    assert len(sessions) == 1
    code = sessions[0].code
    assert any(code in m.value for m in at.markdown)
    assert any(t("felles.no_ratings") in i.value for i in at.info)

    p1 = open_app("vurdering", okt=code.lower())  # the short code, typed in lower case
    assert [x.value for x in p1.text if "Svak lesing" in x.value or "<b>" in x.value] == [
        "Svak lesing på mellomtrinnet", "Lite samarbeid mellom skolene <b>"]  # plain text, in order
    _rate(p1, "skoleleder", [(5, 4), (2, 3)])
    assert any("2 vurderinger" in s.value for s in p1.success)
    p2 = open_app("vurdering", okt=code)
    _rate(p2, "skoleeier", [(4, 4), (5, 2)])
    # Participant 1 changes one answer: updated, not added.
    _rate(p1, "skoleleder", [(5, 4), (1, 3)])
    df = RatingStore(store).ratings(code)
    assert len(df) == 4 and df["participant"].nunique() == 2

    at.run()
    assert any("2 deltakere har gitt 4 vurderinger" in m.value for m in at.markdown)
    heat = next(d.value for d in at.dataframe if t("felles.col.challenge") in d.value.columns
                and "Skoleleder" in d.value.columns)
    assert list(heat["Skoleleder"]) == ["5,0 (n = 1)", "1,0 (n = 1)"]
    assert list(heat["Skoleeier"]) == ["4,0 (n = 1)", "5,0 (n = 1)"]
    ag = next(d.value for d in at.dataframe if t("felles.col.rwg") in d.value.columns)
    assert ag[t("felles.col.rwg")].iloc[0].startswith(fmt_number(rwg([5, 4]), 2))
    assert ag[t("felles.col.rwg")].iloc[1].startswith(fmt_number(rwg([1, 5]), 2))
    lines = [x.value for x in at.text]
    assert "Skoleledere og skoleeier er enige om: «Svak lesing på mellomtrinnet»." in lines
    assert "Skoleledere og skoleeier er uenige om: «Lite samarbeid mellom skolene <b>»." in lines
    assert at.get("plotly_chart")


def test_named_session_asks_for_a_name_and_unknown_code_is_a_message(db):
    store, a, b = db
    sess = RatingStore(store).create_session(K, "Med navn", anonymous=False, author=KARI)
    p = open_app("vurdering", okt=sess.code, check_errors=False)
    p.selectbox(key="vurdering_role").set_value("ppt")
    next(x for x in p.radio if x.key == f"imp_{a.id}").set_value(3)
    next(x for x in p.radio if x.key == f"cer_{a.id}").set_value(3)
    next(x for x in p.button if x.label == t("vurdering.save")).click().run()
    assert any("navnet" in e.value for e in p.error)
    _rate(p, "ppt", [(3, 3)], name="Per Ås")
    assert RatingStore(store).ratings(sess.code)["participant_name"].tolist() == ["Per Ås"]
    bad = open_app("vurdering", okt="ZZZZZZ", check_errors=False)
    assert any("Fant ingen vurderingsøkt" in e.value for e in bad.error)
    empty = open_app("vurdering")
    assert any(t("vurdering.ask_code") in i.value for i in empty.info)


def test_a_reloaded_phone_is_the_same_participant(db):
    store, a, b = db
    sess = RatingStore(store).create_session(K, "Økt", anonymous=True, author=KARI)
    p = open_app("vurdering", okt=sess.code)
    key = p.query_params["deltaker"]
    key = key[0] if isinstance(key, list) else key
    assert len(key) == 32
    _rate(p, "laerer", [(2, 5), (4, 1)])
    again = open_app("vurdering", okt=sess.code, deltaker=key)  # the same link after a reload
    assert again.selectbox(key="vurdering_role").value == "laerer"
    assert again.radio(key=f"imp_{a.id}").value == 2 and again.radio(key=f"cer_{b.id}").value == 1
    _rate(again, "laerer", [(3, 5), (4, 1)])
    df = RatingStore(store).ratings(sess.code)
    assert len(df) == 2 and df["participant"].unique().tolist() == [key]
    assert df.set_index("finding_id").loc[a.id, "importance"] == 3
    other = open_app("vurdering", okt=sess.code, deltaker="not-a-key")  # a mangled link: a new participant
    new_key = other.query_params["deltaker"]
    assert (new_key[0] if isinstance(new_key, list) else new_key) not in (key, "not-a-key")


AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "app",
        "client_secret": "s", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


def _app_with_login(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.secrets["auth"] = AUTH
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_with_a_login_the_short_link_needs_none_and_opens_only_the_rating_page(db):
    store, a, b = db
    sess = RatingStore(store).create_session(K, "Samling", anonymous=True, author=KARI)
    at = _app_with_login(okt=sess.code)
    assert not at.exception and at.title[0].value == t("vurdering.title")
    _rate(at, "laerer", [(4, 2), (3, 3)])
    assert len(RatingStore(store).ratings(sess.code)) == 2
    shown = "\n".join(str(getattr(e, "value", "")) for e in list(at.markdown) + list(at.text) + list(at.caption))
    assert "Godt læringsmiljø" not in shown and t("auth.login") not in [x.label for x in at.button]
    # Without a code the anonymous visitor gets the login screen and nothing else.
    plain = _app_with_login()
    assert plain.title[0].value == t("auth.title") and [x.label for x in plain.button] == [t("auth.login")]
    # A wrong code is a message, and nothing of any kommune.
    wrong = _app_with_login(okt="ZZZZZZ")
    assert any("Fant ingen vurderingsøkt" in e.value for e in wrong.error) and not wrong.radio


def test_the_results_of_a_session_are_not_reachable_from_another_kommune(db, monkeypatch):
    store, a, b = db
    sess = RatingStore(store).create_session(K, "Samling", anonymous=True, author=KARI)
    monkeypatch.setenv("UTFORDRINGSBILDE_TESTING", "1")
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["_test_principal"] = Principal("s-b", "Berit", "skoleeier", kommuner=("7190",))
    at.query_params["kommune"] = K
    at.query_params["okt"] = sess.code
    at.run()
    at.switch_page("pages/felles_forstaelse.py").run()
    assert not at.exception
    assert sess.code not in "\n".join(m.value for m in at.markdown)
    assert not [x for x in at.title if "Brekkestad" in x.value]


def test_a_skoleleder_sees_the_results_but_runs_no_session(db, monkeypatch):
    store, a, b = db
    sess = RatingStore(store).create_session(K, "Samling", anonymous=True, author=KARI)
    monkeypatch.setenv("UTFORDRINGSBILDE_TESTING", "1")
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["_test_principal"] = Principal("s-l", "Leif", "skoleleder", kommuner=(K,), school="972900003")
    at.query_params["kommune"] = K
    at.run()
    at.switch_page("pages/felles_forstaelse.py").run()
    assert not at.exception and not at.error
    assert any(sess.code in m.value for m in at.markdown)  # the session and its results are readable
    labels = [x.label for x in at.button]
    assert t("felles.new_button") not in labels and t("felles.close") not in labels
