"""Goals and «felles forståelse» ratings under the same access rules as findings (issues 14 and 17), on SQLite
and PostgreSQL: for every role and for a principal of another kommune, reading and writing goals and rating
sessions is allowed or refused exactly as reading and writing findings (and the checklist) is; a workshop
participant with the short code can add and change only their own ratings in an open session."""

from __future__ import annotations

import pytest

from data.access import AccessDenied, Principal
from data.findings import Author, ChecklistChanges, FindingIn, FindingValidationError
from data.findings.access_store import audit_log
from data.findings.goal_store import GoalNotFoundError, GoalStore
from data.findings.goals import GoalIn
from data.findings.ratings import RatingSessionNotFoundError, RatingStore
from data.findings.scoped import ScopedStore
from data.findings.scoped_ratings import ParticipantRatings
from tests.pg import findings_store, pg_server, pg_url, store_url  # noqa: F401  (fixtures)

A, B = "7290", "7190"  # Brekkestad (fylke 72) and a kommune of another fylke
SCHOOL, OTHER_SCHOOL = "972900003", "972900001"
KARI = Author("Kari Nordmann", "veileder")
PRINCIPALS = {
    "administrator": Principal("s-ad", "Anna Admin", "administrator"),
    "statsforvalter": Principal("s-sf", "Stine Statsforvalter", "statsforvalter", fylke="72"),
    "statsforvalter_other": Principal("s-sf2", "Sara Statsforvalter", "statsforvalter", fylke="71"),
    "veileder": Principal("s-v", "Vera Veileder", "veileder", kommuner=(B, A)),
    "veileder_other": Principal("s-v2", "Vidar Veileder", "veileder", kommuner=(B,)),
    "skoleeier": Principal("s-e", "Siri Skoleeier", "skoleeier", kommuner=(A,)),
    "skoleeier_other": Principal("s-e2", "Sverre Skoleeier", "skoleeier", kommuner=(B,)),
    "skoleleder": Principal("s-l", "Leif Leder", "skoleleder", kommuner=(A,), school=SCHOOL),
    "skoleleder_other": Principal("s-l2", "Lise Leder", "skoleleder", kommuner=(B,), school="971900001"),
}
# What each may do in kommune A: read, write kommune-level, write for SCHOOL, run a rating session.
EXPECTED = {
    "administrator": (True, True, True, True), "statsforvalter": (True, True, True, True),
    "statsforvalter_other": (False, False, False, False), "veileder": (True, True, True, True),
    "veileder_other": (False, False, False, False), "skoleeier": (True, True, True, True),
    "skoleeier_other": (False, False, False, False), "skoleleder": (True, False, True, False),
    "skoleleder_other": (False, False, False, False),
}


def _goal(unit_level="kommune", unit_id=A, **kw) -> GoalIn:
    return GoalIn(kommune_id=A, indicator="grunnskolepoeng", target_value=42.0, target_year="2027-28", trinn=10,
                  unit_level=unit_level, unit_id=unit_id, **kw)


def _ok(call) -> bool:
    """True when the call went through, False when it was refused for access (never another error)."""
    try:
        call()
    except (AccessDenied, GoalNotFoundError, RatingSessionNotFoundError):
        return False
    return True


@pytest.mark.parametrize("who", list(PRINCIPALS))
def test_goals_and_ratings_follow_the_findings_rules(findings_store, who):
    challenge = findings_store.create(FindingIn(A, "Svak lesing på mellomtrinnet", "utfordring"), KARI)
    kgoal = GoalStore(findings_store).create(_goal(), KARI)
    sgoal = GoalStore(findings_store).create(_goal("skole", SCHOOL), KARI)
    sess = RatingStore(findings_store).create_session(A, "Samling", anonymous=True, author=KARI)
    me = ScopedStore(findings_store, PRINCIPALS[who])
    goals, ratings = me.goals(), me.ratings()
    read, write_kommune, write_school, organise = EXPECTED[who]

    # Reads: allowed exactly where the kommune's findings can be read.
    assert _ok(lambda: me.list_findings(A)) is read
    for call in (lambda: goals.list(A), lambda: goals.get(kgoal.id), lambda: goals.history(sgoal.id),
                 lambda: ratings.sessions(A), lambda: ratings.session(sess.code), lambda: ratings.ratings(sess.code),
                 lambda: ratings.challenges(sess.code)):
        assert _ok(call) is read
    assert list(goals.list_many([A, B])) == ([A] if read else []) + ([B] if PRINCIPALS[who].kommune_allowed(B) else [])

    # Writes: as a finding without schools (kommune level) and a finding linked to SCHOOL.
    assert _ok(lambda: me.create(FindingIn(A, "Funn", "styrke"))) is write_kommune
    assert _ok(lambda: me.create(FindingIn(A, "Funn", "styrke", schools=(SCHOOL,)))) is write_school
    assert _ok(lambda: goals.create(_goal())) is write_kommune
    assert _ok(lambda: goals.update(kgoal.id, kgoal.version, {"target_value": 43.0})) is write_kommune
    assert _ok(lambda: goals.create(_goal("skole", SCHOOL))) is write_school
    assert _ok(lambda: goals.update(sgoal.id, sgoal.version, {"tiltak": "Lesekurs"})) is write_school
    assert _ok(lambda: goals.create(_goal("skole", OTHER_SCHOOL))) is write_kommune
    # Rating sessions are run like the checklist (kommune-level, not by a skoleleder).
    assert _ok(lambda: me.update_checklist_item(A, "hva_kommunen_er_god_pa", 0,
                                                ChecklistChanges(status="pagar"))) is organise
    assert _ok(lambda: ratings.create_session(A, "Egen økt", anonymous=False)) is organise
    assert _ok(lambda: ratings.set_open(sess.code, False)) is organise

    # A refused write changed nothing; an allowed one is written as the signed-in person.
    stored = GoalStore(findings_store).list(A)
    name = PRINCIPALS[who].name
    assert {g.author_name for g in stored} == ({KARI.name, name} if write_school else {KARI.name})
    assert GoalStore(findings_store).get(kgoal.id).updated_by_name == (name if write_kommune else KARI.name)
    assert GoalStore(findings_store).get(sgoal.id).updated_by_name == (name if write_school else KARI.name)
    assert findings_store.get(challenge.id).version == 1


def test_skoleleder_cannot_move_a_goal_away_from_their_school_or_delete_others(findings_store):
    admin = ScopedStore(findings_store, PRINCIPALS["administrator"])
    kgoal = admin.goals().create(_goal(), KARI)
    leder = ScopedStore(findings_store, PRINCIPALS["skoleleder"]).goals()
    mine = leder.create(_goal("skole", SCHOOL), Author("Skrevet i skjema", "veileder"))
    assert (mine.author_name, mine.author_role) == ("Leif Leder", "skoleleder")
    for call in (lambda: leder.update(mine.id, mine.version, {"unit_level": "kommune", "unit_id": A}),
                 lambda: leder.update(mine.id, mine.version, {"unit_id": OTHER_SCHOOL}),
                 lambda: leder.delete(kgoal.id, kgoal.version)):
        with pytest.raises(AccessDenied):
            call()
    assert GoalStore(findings_store).get(mine.id).unit_id == SCHOOL


def test_goal_of_another_kommune_is_not_found_and_delete_is_audited(findings_store):
    admin = ScopedStore(findings_store, PRINCIPALS["administrator"])
    g = admin.goals().create(_goal(), KARI)
    other = ScopedStore(findings_store, PRINCIPALS["skoleeier_other"]).goals()
    for call in (lambda: other.get(g.id), lambda: other.history(g.id), lambda: other.delete(g.id, g.version),
                 lambda: other.restore(g.id, g.version), lambda: other.update(g.id, g.version, {"tiltak": "x"})):
        with pytest.raises(GoalNotFoundError):
            call()
    eier = ScopedStore(findings_store, PRINCIPALS["skoleeier"]).goals()
    gone = eier.delete(g.id, g.version)
    assert gone.deleted and gone.updated_by_name == "Siri Skoleeier"
    entry = audit_log(findings_store, PRINCIPALS["administrator"])[0]
    assert (entry.action, entry.target, entry.actor_name, entry.action_label) == (
        "goal_deleted", g.id, "Siri Skoleeier", "Mål slettet")
    assert eier.restore(g.id, gone.version).deleted is False
    with pytest.raises(AttributeError):
        ScopedStore(findings_store, PRINCIPALS["skoleeier"]).base_store()  # the escape hatch is gone


def test_participant_rates_only_their_own_in_an_open_session(findings_store):
    admin = ScopedStore(findings_store, PRINCIPALS["administrator"])
    a = admin.create(FindingIn(A, "Svak lesing", "utfordring"), KARI)
    b = admin.create(FindingIn(A, "Lite samarbeid", "utfordring"), KARI)
    named = admin.ratings().create_session(A, "Med navn", anonymous=False, author=KARI)
    anon = admin.ratings().create_session(A, "Anonym", anonymous=True, author=KARI)
    rs = RatingStore(findings_store)
    per = ParticipantRatings(rs, named.code.lower(), "p" * 32)
    kari = ParticipantRatings(rs, named.code, "k" * 32)
    assert [f.id for f in per.challenges()] == [a.id, b.id]
    per.rate(role="skoleleder", finding_id=a.id, importance=5, certainty=4, name="Per Ås")
    kari.rate(role="skoleeier", finding_id=a.id, importance=2, certainty=3, name="Kari Ås")
    per.rate(role="skoleleder", finding_id=a.id, importance=4, certainty=4, name="Per Ås")  # changes his own
    assert per.mine()["importance"].tolist() == [4] and per.mine()["participant_name"].tolist() == ["Per Ås"]
    assert kari.mine()["importance"].tolist() == [2]  # untouched by Per
    assert not hasattr(per, "ratings")  # nobody else's ratings or names through the participant's door
    x = ParticipantRatings(rs, anon.code, "x" * 32)
    x.rate(role="laerer", finding_id=b.id, importance=3, certainty=3, name="Skal ikke lagres")
    assert rs.ratings(anon.code)["participant_name"].tolist() == ["Anonym"]
    admin.ratings().set_open(named.code, False)
    assert per.challenges() == []  # a closed session shows nothing of the kommune
    with pytest.raises(FindingValidationError):
        per.rate(role="skoleleder", finding_id=b.id, importance=1, certainty=1, name="Per Ås")
    with pytest.raises(RatingSessionNotFoundError):
        ParticipantRatings(rs, "ZZZZZZ", "p" * 32)
    # The veileder of another kommune cannot read the session even with its code.
    other = ScopedStore(findings_store, PRINCIPALS["veileder_other"]).ratings()
    with pytest.raises(RatingSessionNotFoundError):
        other.ratings(named.code)


def test_report_session_prefers_the_newest_closed_session_with_ratings(findings_store):
    admin = ScopedStore(findings_store, PRINCIPALS["administrator"]).ratings()
    assert admin.for_report(A) is None
    a = ScopedStore(findings_store, PRINCIPALS["administrator"]).create(FindingIn(A, "Svak lesing", "utfordring"),
                                                                         KARI)
    rs = RatingStore(findings_store)
    old = admin.create_session(A, "Første", anonymous=True)
    ParticipantRatings(rs, old.code, "1" * 32).rate(role="skoleleder", finding_id=a.id, importance=5, certainty=5)
    assert admin.for_report(A)[0].id == old.id  # open, but the only one with ratings
    new = admin.create_session(A, "Andre", anonymous=True)
    ParticipantRatings(rs, new.code, "2" * 32).rate(role="skoleeier", finding_id=a.id, importance=1, certainty=5)
    admin.create_session(A, "Tom", anonymous=True)
    assert admin.for_report(A)[0].id == new.id
    admin.set_open(old.code, False)
    sess, df, labels = admin.for_report(A)
    assert sess.id == old.id and df["importance"].tolist() == [5] and labels == {a.id: "Svak lesing"}
    with pytest.raises(AccessDenied):
        ScopedStore(findings_store, PRINCIPALS["skoleeier_other"]).ratings().for_report(A)
