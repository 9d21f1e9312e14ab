"""data.findings.ratings on SQLite and PostgreSQL: sessions with short codes, ratings with history,
validation, the migration matching the models."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select

from data.findings import Author, FindingIn, FindingValidationError
from data.findings.models import Base, ChangeLogRow, RatingRow
from data.findings.ratings import (ANONYMOUS_NAME, CODE_ALPHABET, RatingSessionNotFoundError, RatingStore,
                                   normalise_code)
from tests.pg import findings_store, pg_server, pg_url, store_url  # noqa: F401  (fixtures)

K = "7290"
KARI = Author("Kari Nordmann", "veileder")


def _challenges(store, n=2):
    out = [store.create(FindingIn(K, f"Utfordring {i}: lesing på mellomtrinnet", "utfordring"), KARI)
           for i in range(n)]
    store.create(FindingIn(K, "En styrke", "styrke"), KARI)
    gone = store.create(FindingIn(K, "Forkastet utfordring", "utfordring", status="forkastet"), KARI)
    return out, gone


def test_session_code_and_candidates(findings_store):
    rs = RatingStore(findings_store)
    (a, b), gone = _challenges(findings_store)
    s = rs.create_session(K, "Workshop i mars", anonymous=True, author=KARI)
    assert len(s.code) == 6 and set(s.code) <= set(CODE_ALPHABET) and s.is_open
    assert rs.session(s.code.lower()).id == s.id
    assert rs.session(f" {s.code[:3]}-{s.code[3:]} ").id == s.id
    assert normalise_code("ab c-2") == "ABC2"
    with pytest.raises(RatingSessionNotFoundError, match="Fant ingen vurderingsøkt"):
        rs.session("ZZZZZZ")
    assert [f.id for f in rs.challenges(s.code)] == [a.id, b.id]  # no styrke, no forkastet
    assert [x.id for x in rs.sessions(K)] == [s.id]


def test_ratings_update_with_history_and_validation(findings_store):
    rs = RatingStore(findings_store)
    (a, b), gone = _challenges(findings_store)
    s = rs.create_session(K, "Workshop", anonymous=True, author=KARI)
    rid = rs.rate(s.code, participant="p1", role="skoleleder", finding_id=a.id, importance=5, certainty=2,
                  name="Ignored")
    rs.rate(s.code, participant="p2", role="skoleeier", finding_id=a.id, importance=3, certainty=4)
    assert rs.rate(s.code, participant="p1", role="skoleleder", finding_id=a.id, importance=4, certainty=2) == rid
    df = rs.ratings(s.code)
    assert len(df) == 2
    mine = df.set_index("participant").loc["p1"]
    assert (mine["importance"], mine["certainty"], mine["participant_name"]) == (4, 2, ANONYMOUS_NAME)
    hist = rs.history(rid)
    assert [h.action for h in hist] == ["create", "update"]
    assert hist[1].before["importance"] == 5 and hist[1].after["importance"] == 4
    # The same rating again changes nothing and logs nothing.
    rs.rate(s.code, participant="p1", role="skoleleder", finding_id=a.id, importance=4, certainty=2)
    assert len(rs.history(rid)) == 2
    for bad in ({"importance": 6}, {"certainty": 0}, {"role": "rektor"}, {"finding_id": gone.id},
                {"importance": "x"}):
        kw = dict(participant="p3", role="laerer", finding_id=b.id, importance=3, certainty=3) | bad
        with pytest.raises(FindingValidationError):
            rs.rate(s.code, **kw)
    with findings_store.reading() as sess:
        assert sess.scalar(select(func.count()).select_from(RatingRow)) == 2
        assert sess.scalar(select(func.count()).select_from(ChangeLogRow).where(
            ChangeLogRow.entity == "rating_session")) == 1


def test_named_session_needs_a_name_and_closed_session_refuses(findings_store):
    rs = RatingStore(findings_store)
    a = _challenges(findings_store)[0][0]
    s = rs.create_session(K, "Med navn", anonymous=False, author=KARI)
    with pytest.raises(FindingValidationError, match="navnet"):
        rs.rate(s.code, participant="p1", role="ppt", finding_id=a.id, importance=3, certainty=3)
    rs.rate(s.code, participant="p1", role="ppt", finding_id=a.id, importance=3, certainty=3, name="Per Ås")
    assert rs.ratings(s.code)["participant_name"].tolist() == ["Per Ås"]
    rs.set_open(s.code, False, KARI)
    with pytest.raises(FindingValidationError, match="stengt"):
        rs.rate(s.code, participant="p2", role="ppt", finding_id=a.id, importance=3, certainty=3, name="Eva")


def test_migration_matches_models(findings_store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with findings_store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "version_table": "funn_alembic_version"})
        assert compare_metadata(ctx, Base.metadata) == []
        assert {"rating_sessions", "ratings"} <= set(inspect(conn).get_table_names())
