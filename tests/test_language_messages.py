"""Nynorsk for the messages of the data layer: import refusals and warnings, validation, access, exchange.

1. Static: every literal that reaches a user from ``data/`` (found with ``ast`` by ``tests/nn_scan.py``) is
   covered by the nynorsk phrase tables, and the scan itself finds the literals and can fail.
2. At run time: every bad file of the import corpus (``tests/bad_inputs.py``) gives an error, notes, skip
   reasons and labels that read in nynorsk through ``tr``, with no bokmål-only word left.
3. Findings, goals, ratings and access messages: the real exceptions, rendered in nynorsk.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest

from data.language import use_language
from present.strings import tr
from tests import nn_scan

# Words that exist in bokmål but not in nynorsk (the nynorsk form differs).
BOKMAL_ONLY = re.compile(
    r"\b(ikke|hva|hvordan|hvor|hvilke[nt]?|fra|uten|utenfor|bare|noen|noe|sammen|også|elever|filen|forventet|"
    r"mangler|tall|tallene|tegn|skoler|skolene|skolen|finnes|brukes|importeres|hoppet|linjen|grensen|verdier|"
    r"enhet|enheter|navn|navnet|ble|kolonnene|overskriften|eksempel|høyst|velg|hører|kunne ikke|lagret|"
    r"ukjente|mens|funnene|økten|listen|sjekklisten)\b", re.IGNORECASE)


def _bokmal_left(text: str, allowed: str = "") -> str | None:
    """The first bokmål-only word of ``text`` outside «quoted file content» and ``allowed`` (a file name)."""
    prose = re.sub(r"«[^»]*»", "«»", text.replace(allowed, "") if allowed else text)
    m = BOKMAL_ONLY.search(prose)
    return m.group(0) if m else None


# --- 1. static scan ---------------------------------------------------------------------------------

def test_scan_finds_the_messages_of_the_data_layer():
    frags = nn_scan.all_fragments()
    texts = {f for _, _, f in frags}
    files = {f for f, _, _ in frags}
    assert len(frags) > 300, "the scan found too few messages; is the AST walk broken?"
    for sample in ("Filen er tom. Forventet en overskriftslinje og tall.",  # ImportFailure
                   "Negativt antall elever",  # SkipReason
                   "Fristen må være en dato.",  # errors[...] = ...
                   "Bare en administrator kan gjøre dette.",  # AccessDenied
                   "Størrelsen på filene i opplastingen til sammen"):  # refuse(...)
        assert sample in texts, sample
    assert {"data/importers/limits.py", "data/findings/validation.py", "data/schema.py", "data/access.py"} <= files


def test_every_message_of_the_data_layer_has_nynorsk():
    left = nn_scan.uncovered()
    assert not left, ("bokmål messages without nynorsk (add them to present/strings_nn_messages.py):\n"
                      + "\n".join(left))


def test_the_scan_can_fail():
    new = [("data/importers/x.py", 1, "Filen mangler noe helt nytt som ingen har oversatt.")]
    assert nn_scan.uncovered(new), "an untranslated message must be reported"
    assert not nn_scan.uncovered([("data/importers/x.py", 1, "Filen er tom. Forventet en overskriftslinje og tall.")])


def test_tr_leaves_values_and_bokmal_alone():
    msg = "«elever fra 2024.csv», linje 3: Filen er tom. Forventet en overskriftslinje og tall."
    assert tr(msg) == msg  # bokmål: unchanged
    with use_language("nn"):
        out = tr(msg)
    assert out == "«elever fra 2024.csv», linje 3: Fila er tom. Venta ei overskriftslinje og tal."


# --- 2. the bad-input corpus, in nynorsk -------------------------------------------------------------

def _import(case):
    from data.importers import import_files

    if case.fake_size:
        from data.importers import textio

        real = textio.check_size
        with mock.patch("data.importers.pipeline.check_size", lambda name, size: real(name, case.fake_size)):
            return import_files([(case.file_name, case.data)])
    return import_files([(case.file_name, case.data)])


def test_every_import_message_of_the_bad_input_corpus_reads_in_nynorsk():
    from tests.bad_inputs import corpus

    cases = corpus()
    problems, errors_seen = [], 0
    for case in cases:
        res = _import(case)
        texts = list(res.errors)
        errors_seen += len(res.errors)
        for rep in res.reports:
            texts += [*rep.notes, *rep.skipped, rep.format_label, rep.encoding, rep.delimiter]
        with use_language("nn"):
            for text in texts:
                word = _bokmal_left(tr(text), case.file_name)
                if word:
                    problems.append(f"{case.name}: {word!r} in {tr(text)!r}")
    assert errors_seen >= 20, "the corpus should contain many refusals"
    assert not problems, "bokmål left in nynorsk import messages:\n" + "\n".join(problems)


def test_every_message_of_the_hostile_corpus_reads_in_nynorsk():
    """The hostile corpus (issue 14: limits, encodings, names, JSON-stat) without its one heavy file."""
    from data.importers import import_files
    from tests.hostile_inputs import corpus

    problems, refused = [], 0
    for case in corpus():
        if case.heavy:
            continue
        files = case.make()
        res = import_files(files)
        refused += bool(res.errors)
        texts = list(res.errors)
        for rep in res.reports:
            texts += [*rep.notes, *rep.skipped, rep.format_label, rep.encoding, rep.delimiter]
        with use_language("nn"):
            for text in texts:
                shown = tr(text)
                for name, _ in files:
                    shown = shown.replace(name, "")
                word = _bokmal_left(shown)
                if word:
                    problems.append(f"{case.name}: {word!r} in {shown!r}")
    assert refused >= 20
    assert not problems, "bokmål left in nynorsk import messages:\n" + "\n".join(problems)


def test_limit_refusals_and_json_errors_in_nynorsk():
    from data.importers import import_files

    res = import_files([("a.json", b'{"class": "dataset", ')])
    assert "Ugyldig JSON: forventet et feltnavn i doble anførselstegn (tegn 21)" in res.errors[0]
    assert "Expecting" not in res.errors[0]  # never Python's English
    with use_language("nn"):
        assert "Ugyldig JSON: venta eit feltnamn i doble hermeteikn (teikn 21)" in tr(res.errors[0])
    big = [("a.csv", b"x" * 10), ("b.csv", b"y" * 10)]
    with mock.patch("data.importers.limits.LIMITS") as lim:
        lim.total_mb = 0
        res = import_files(big)
    with use_language("nn"):
        msg = tr(res.errors[0])
    assert msg.startswith("«a.csv og b.csv»: Storleiken på filene i opplastinga til saman er 0 MB. Grensa er 0 MB."), msg
    assert _bokmal_left(msg) is None


# --- 3. findings, goals, ratings and access --------------------------------------------------------------

def _validation_messages() -> list[str]:
    from data.findings.validation import (
        Author, ChecklistChanges, FindingIn, FindingValidationError, validate_author, validate_checklist_changes,
        validate_finding_in,
    )

    out = []
    bad = [
        lambda: validate_author(Author("", "ukjent")),
        lambda: validate_author(Author("x" * 500, "veileder")),
        lambda: validate_finding_in(FindingIn("12", "", "nei", source="?", status="?", themes=("t" * 60,),
                                              indicators=("finnes_ikke",), schools=("<x>",), periods=("2024",))),
        lambda: validate_finding_in(FindingIn("7290", "Ring 010190 12345", "styrke")),
        lambda: validate_checklist_changes("nei", ChecklistChanges(status="?", responsible_role="?", note="n" * 3000)),
    ]
    for make in bad:
        with pytest.raises(FindingValidationError) as exc:
            make()
        out.extend(exc.value.errors.values())
    return out


def test_findings_validation_messages_in_nynorsk():
    with use_language("nn"):  # as in the app: made in the session's language (the choices list is vocabulary)
        msgs = _validation_messages()
        shown = [tr(m) for m in msgs]
    assert len(msgs) >= 12
    left = [f"{w!r} in {s!r}" for s in shown for w in [_bokmal_left(s)] if w]
    assert not left, "bokmål left in nynorsk validation messages:\n" + "\n".join(left)
    assert any(s.startswith("Namnet manglar.") for s in shown), shown


def test_exchange_access_and_ratings_messages_in_nynorsk():
    from data.access import AccessDenied, Principal, check_admin, check_kommune
    from data.findings.exchange import _load
    from data.findings.ratings import RatingSessionNotFoundError
    from data.findings.validation import FindingValidationError

    msgs = []
    for payload in (b"\xff\xfe\x00", "{", "[]", '{"format": "x"}'):
        with pytest.raises(FindingValidationError) as exc:
            _load(payload)
        msgs.append(exc.value.message)
    user = Principal("u", "U", "skoleeier", kommuner=("7290",))
    for deny in (lambda: check_admin(user), lambda: check_kommune(user, "0301")):
        with pytest.raises(AccessDenied) as exc:
            deny()
        msgs.append(str(exc.value))
    msgs.append(str(RatingSessionNotFoundError("ABC123")))
    with use_language("nn"):
        shown = [tr(m) for m in msgs]
    left = [f"{w!r} in {s!r}" for s in shown for w in [_bokmal_left(s)] if w]
    assert not left, "bokmål left:\n" + "\n".join(left)
    assert shown[0] == "Fila kan ikkje importerast: ho er ikkje UTF-8-tekst."


def test_users_own_words_are_never_translated():
    """Phrases replace only lower-layer messages: a user's text inserted with ``verbatim`` stays as written,
    one-word labels are replaced only as whole texts, and field names only inside their own messages."""
    from present.strings import t, verbatim

    typed = "Filen er tom. Forventet en overskriftslinje og tall."  # a finding that happens to read like a message
    with use_language("nn"):
        assert t("presenter.hypothesis", text=verbatim(typed)) == f"Hypotese: {typed}"
        assert tr(verbatim(typed)) == typed
        assert tr("Skjermet") == "Skjerma" and tr("Skjermet uteområde") == "Skjermet uteområde"
        assert tr("Navnet mangler.") == "Namnet manglar."
        assert tr("Navnet på tiltaket er Lesegløde") == "Navnet på tiltaket er Lesegløde"
        assert tr("Eleven leser godt og har tegn på fremgang") == "Eleven leser godt og har tegn på fremgang"


def test_rating_messages_in_nynorsk(tmp_path):
    from data.findings import FindingIn, FindingsStore
    from data.findings.ratings import RatingStore
    from data.findings.validation import Author, FindingValidationError

    store = FindingsStore(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        kari = Author("Kari", "veileder")
        challenge = store.create(FindingIn("7290", "Svak regning", "utfordring"), kari)
        ratings = RatingStore(store)
        named = ratings.create_session("7290", "Samling", anonymous=False, author=kari)
        with use_language("nn"):
            with pytest.raises(FindingValidationError) as exc:
                ratings.rate(named.code, participant="a" * 32, role="nei", finding_id=challenge.id, importance=9,
                             certainty=0)
            shown = tr(exc.value.message)
    finally:
        store.dispose()
    assert "«Kor viktig» må vere eit heilt tal frå 1 til 5." in shown and "«Kor sikker»" in shown, shown
    assert "Skriv namnet ditt: denne økta er ikkje anonym." in shown and "Vel ei rolle frå lista." in shown, shown
    assert _bokmal_left(shown) is None, shown
