"""Roles and scopes (issue 14): enforced in the store wrapper and the pages; the server binding."""

from __future__ import annotations

import pytest

from data.access import LOCAL_USER, AccessDenied, Principal
from data.findings import Author, FindingIn, FindingNotFoundError, FindingsStore
from data.findings.access_store import audit_log, list_roles, principal_for, remove_role, set_role
from data.findings.scoped import ScopedStore
from scripts.serve import bind_args

A, B = "4203", "4204"  # two kommuner of fylke 42
SKOLEEIER_A = Principal("sub-a", "Siri Skoleeier", "skoleeier", kommuner=(A,))
LEDER_A = Principal("sub-l", "Leif Leder", "skoleleder", kommuner=(A,), school="975280888")
SF_42 = Principal("sub-sf", "Stine Statsforvalter", "statsforvalter", fylke="42")
VEIL = Principal("sub-v", "Vera Veileder", "veileder", kommuner=(B,))
ADMIN = Principal("sub-admin", "Anna Admin", "administrator")
TYPED = Author("Hvem som helst", "veileder")


@pytest.fixture
def store(tmp_path):
    s = FindingsStore(f"sqlite:///{tmp_path / 'f.sqlite'}")
    yield s
    s.dispose()


def test_scope_rules():
    assert SKOLEEIER_A.kommune_allowed(A) and not SKOLEEIER_A.kommune_allowed(B)
    assert SF_42.kommune_allowed(A) and SF_42.kommune_allowed(B) and not SF_42.kommune_allowed("3001")
    assert VEIL.kommune_allowed(B) and not VEIL.kommune_allowed(A)
    assert ADMIN.kommune_allowed("9999") and LOCAL_USER.is_admin
    assert LEDER_A.can_write(A, ["975280888"]) and not LEDER_A.can_write(A, []) and not LEDER_A.can_write(B, [])


def test_store_filters_every_read_and_write_by_scope(store):
    admin = ScopedStore(store, ADMIN)
    fb = admin.create(FindingIn(B, "Hemmelig funn i kommune B", "utfordring"))
    mine = ScopedStore(store, SKOLEEIER_A)
    fa = mine.create(FindingIn(A, "Funn i A", "styrke"), TYPED)
    assert fa.author_name == "Siri Skoleeier"  # the signed-in person, not what a form says
    for call in (lambda: mine.list_findings(B), lambda: mine.list(B), lambda: mine.checklist(B),
                 lambda: mine.export_json(B), lambda: mine.export_csv(B), lambda: mine.kommune_history(B),
                 lambda: mine.linked_findings(B, "grunnskolepoeng"), lambda: mine.themes_in_use(B),
                 lambda: mine.count(B), lambda: mine.create(FindingIn(B, "x", "styrke"))):
        with pytest.raises(AccessDenied):
            call()
    for call in (lambda: mine.get(fb.id), lambda: mine.history(fb.id),
                 lambda: mine.update(fb.id, fb.version, {"text": "endret"}),
                 lambda: mine.delete(fb.id, fb.version)):
        with pytest.raises(FindingNotFoundError):
            call()
    assert [f.id for f in mine.list_findings(A)] == [fa.id]
    with pytest.raises(AttributeError):
        mine.engine  # noqa: B018 - the bare store is not reachable
    assert store.get(fb.id).text == "Hemmelig funn i kommune B"  # untouched


def test_skoleleder_writes_only_for_their_school(store):
    leder = ScopedStore(store, LEDER_A)
    with pytest.raises(AccessDenied):
        leder.create(FindingIn(A, "Uten skole", "styrke"))
    f = leder.create(FindingIn(A, "Min skole", "styrke", schools=("975280888",)))
    assert f.author_role == "skoleleder"
    with pytest.raises(AccessDenied):
        leder.update(f.id, f.version, {"schools": ["974000000"]})


def test_roles_are_admin_only_and_audited(store):
    with pytest.raises(AccessDenied):
        set_role(store, SKOLEEIER_A, VEIL)
    set_role(store, ADMIN, SKOLEEIER_A)
    with pytest.raises(AccessDenied):
        set_role(store, ADMIN, Principal("x", "X", "skoleeier", kommuner=(A, B)))
    assert principal_for(store, "sub-a", "Siri") == Principal("sub-a", "Siri", "skoleeier", "", (A,), "")
    assert [p.subject for p in list_roles(store, ADMIN)] == ["sub-a"]
    ScopedStore(store, ADMIN).delete(*_made(store))
    remove_role(store, ADMIN, "sub-a")
    assert principal_for(store, "sub-a", "Siri") is None
    actions = [e.action for e in audit_log(store, ADMIN)]
    assert actions == ["role_removed", "finding_deleted", "role_set"]
    with pytest.raises(AccessDenied):
        audit_log(store, SKOLEEIER_A)


def _made(store) -> tuple[str, int]:
    f = ScopedStore(store, ADMIN).create(FindingIn(A, "Slettes", "styrke"))
    return f.id, f.version


def test_server_binds_to_loopback_unless_told():
    assert bind_args(["--server.port", "8501"], False, False)[-2:] == ["--server.address", "127.0.0.1"]
    with pytest.raises(SystemExit, match="uten innlogging"):
        bind_args(["--server.address", "0.0.0.0"], False, False)
    assert bind_args(["--server.address", "0.0.0.0"], True, False) == ["--server.address", "0.0.0.0"]
    assert bind_args(["--server.address=0.0.0.0"], False, True) == ["--server.address=0.0.0.0"]
    assert bind_args(["--server.address", "127.0.0.1"], False, False) == ["--server.address", "127.0.0.1"]


def test_makefile_run_does_not_bind_everywhere():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "Makefile").read_text()
    assert "0.0.0.0" not in text and "ADDRESS ?= 127.0.0.1" in text
