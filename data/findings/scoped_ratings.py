"""«Felles forståelse» with the same access rules as findings, and the narrow door a workshop participant uses.

``ScopedRatings`` (from ``ScopedStore.ratings()``) is the veileder's side: sessions, their ratings and the
agreement are read only for the principal's kommuner (a session of another kommune is «not found», so a code
guessed or seen elsewhere reveals nothing); opening, closing and creating a session is a kommune-level change
like the checklist, so a skoleleder may not do it.

``ParticipantRatings`` is the participant's side: the session's short code is the capability (as a meeting
link is), no login or role needed, so lærere, tillitsvalgte and PPT can rate from their own phone. Through it
a participant sees the session's title and the candidate challenges while the session is open, their own
ratings, and can add or change only their own ratings in an open session. Nobody else's ratings, names or
roles can be read through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from data.access import AccessDenied, check_kommune
from data.findings.domain import Finding
from data.findings.ratings import RatingSession, RatingSessionNotFoundError, RatingStore
from data.findings.validation import Author

if TYPE_CHECKING:  # pragma: no cover
    from data.findings.scoped import ScopedStore


class ScopedRatings:
    """``RatingStore`` seen through the principal of a ``ScopedStore``."""

    def __init__(self, scoped: ScopedStore, ratings: RatingStore) -> None:
        self._scoped = scoped
        self._rs = ratings
        self.principal = scoped.principal

    def _organiser(self, kommune_id: str) -> None:
        check_kommune(self.principal, kommune_id)
        if self.principal.role == "skoleleder":
            raise AccessDenied("Vurderingsøkter styres av skoleeier, veileder eller statsforvalter.")

    def may_organise(self, kommune_id: str) -> bool:
        """May this person create, close and reopen the kommune's sessions (for hiding the controls)?"""
        try:
            self._organiser(kommune_id)
        except AccessDenied:
            return False
        return True

    # -- reads ------------------------------------------------------------------------------------
    def session(self, code: str) -> RatingSession:
        sess = self._rs.session(code)
        if not self.principal.kommune_allowed(sess.kommune_id):
            raise RatingSessionNotFoundError(code)
        return sess

    def sessions(self, kommune_id: str) -> list[RatingSession]:
        check_kommune(self.principal, kommune_id)
        return self._rs.sessions(kommune_id)

    def challenges(self, code: str) -> list[Finding]:
        self.session(code)
        return self._rs.challenges(code)

    def ratings(self, code: str) -> pd.DataFrame:
        self.session(code)
        return self._rs.ratings(code)

    def for_report(self, kommune_id: str) -> tuple[RatingSession, pd.DataFrame, dict[str, str]] | None:
        """The session the utfordringsbilde reports on: the newest closed session with ratings of the current
        candidate challenges, else the newest open one with ratings; with its ratings and the challenges'
        texts (id -> text, oldest first). None when the kommune has no ratings."""
        found = []
        for sess in self.sessions(kommune_id):  # newest first
            labels = {f.id: f.text for f in self._rs.challenges(sess.code)}
            df = self._rs.ratings(sess.code)
            df = df[df["finding_id"].isin(list(labels))]
            if not df.empty:
                found.append((sess, df, labels))
        found.sort(key=lambda x: x[0].is_open)  # stable: closed ones first, newest first within each
        return found[0] if found else None

    # -- writes -----------------------------------------------------------------------------------
    def create_session(self, kommune_id: str, title: str, *, anonymous: bool,
                       author: Author | None = None) -> RatingSession:
        self._organiser(kommune_id)
        return self._rs.create_session(kommune_id, title, anonymous=anonymous, author=self._scoped.author(author))

    def set_open(self, code: str, is_open: bool, author: Author | None = None) -> RatingSession:
        self._organiser(self.session(code).kommune_id)
        return self._rs.set_open(code, is_open, self._scoped.author(author))


class ParticipantRatings:
    """One participant (a random key kept by their browser) in one session, reached by its short code."""

    def __init__(self, ratings: RatingStore, code: str, participant: str) -> None:
        self._rs = ratings
        self.session = ratings.session(code)  # RatingSessionNotFoundError for an unknown code
        self.participant = str(participant)

    def challenges(self) -> list[Finding]:
        """The candidate challenges, only while the session is open (nothing of the kommune otherwise)."""
        return self._rs.challenges(self.session.code) if self._rs.session(self.session.code).is_open else []

    def mine(self) -> pd.DataFrame:
        """This participant's own ratings, indexed by finding id (nobody else's)."""
        df = self._rs.ratings(self.session.code)
        return df[df["participant"] == self.participant].set_index("finding_id")

    def rate(self, *, role: str, finding_id: str, importance: int, certainty: int, name: str = "") -> str:
        """Add or change this participant's rating (``FindingValidationError`` when the session is closed)."""
        return self._rs.rate(self.session.code, participant=self.participant, role=role, finding_id=finding_id,
                             importance=importance, certainty=certainty, name=name)


__all__ = ["ParticipantRatings", "ScopedRatings"]
