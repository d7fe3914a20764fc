"""The Council's sessions and agenda: the conventions data, plus what the secretariat adds.

The conventions data (:mod:`palais.conventions`) records the sessions held when
it was written, each with its source. Sessions keep coming, so the secretariat
adds each new one (or corrects dates) in the store; the calendar the registry
works with is the data with those entries laid over it. The registry checks a
record's session and agenda items against it before giving a symbol, so no
document is registered under a session that never was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from palais.conventions import Calendar, Span, agenda_item, load_calendar, parse_span
from palais.errors import InvalidInput, UnknownAgendaItem, UnknownSession
from palais.model import AgendaItem, Session
from palais.registry import rows, workflow
from palais.registry.base import StoreAccess
from palais.registry.values import Actor
from palais.store import Connection, submissions
from palais.store import calendar as stored

MAX_SESSION = 999


def calendar(connection: Connection) -> Calendar:
    """The conventions calendar with the sessions stored by the secretariat laid over it."""
    merged = load_calendar()
    for row in stored.stored_sessions(connection):
        merged = merged.with_session(
            Session(row.number, row.opening, row.closing, special=row.special,
                    actual_closing=row.actual_closing),
            _parts(row.parts),
        )
    return merged


def _parts(text: str | None) -> tuple[Span, ...] | None:
    return None if text is None else tuple(parse_span(p) for p in text.split())


def _parts_text(parts: Sequence[Span]) -> str:
    return " ".join(f"{first.isoformat()}/{last.isoformat()}" for first, last in parts)


def validate(session: Session) -> None:
    """Refuse a session number the store's symbols cannot carry (the dates' order is the
    model's own invariant, checked when the Session is made)."""
    if session.number > MAX_SESSION:
        raise InvalidInput(f"number: {session.number} is not a session number")


def agenda_items() -> tuple[AgendaItem, ...]:
    """The items of the Council's agenda, in order (numbered from 1 without gaps)."""
    items: list[AgendaItem] = []
    while True:
        try:
            items.append(agenda_item(len(items) + 1))
        except UnknownAgendaItem:
            return tuple(items)


def check(known: Calendar, session_number: int | None, agenda: Iterable[int]) -> None:
    """Raise UnknownSession / UnknownAgendaItem for what the calendar does not know."""
    if session_number is not None:
        known.session(session_number)
    for number in agenda:
        agenda_item(number)


class CalendarCases(StoreAccess):
    """The sessions of the calendar, and the secretariat's additions to it."""

    def sessions(self) -> tuple[Session, ...]:
        """Every session of the calendar, regular and special, in order."""
        return self._read(lambda c: calendar(c).sessions())

    def session(self, number: int) -> Session:
        """The regular session ``number``; raises UnknownSession."""
        return self._read(lambda c: calendar(c).session(number))

    def calendar(self) -> Calendar:
        """The calendar as the registry knows it (the data with the stored sessions over it),
        for printing covers of sessions the secretariat added."""
        return self._read(calendar)

    def add_session(
        self, actor: Actor, session: Session, parts: Sequence[Span] | None = None
    ) -> Session:
        """Add a session to the calendar, or correct one's dates (the secretariat only).

        The conventions data holds the sessions known when it was written; new
        sessions are added here as they are scheduled, and the change is in the
        audit log like any other. ``parts``: the parts it met in, once it has been
        suspended and resumed (first part first); None keeps the parts known.
        """
        workflow.check("calendar", actor)
        validate(session)

        def work(connection: Connection) -> Session:
            known = calendar(connection)
            known.with_session(session, parts)  # refuses parts that cannot be
            try:
                before = known.session(session.number, special=session.special)
            except UnknownSession:
                before = None
            at = rows.now()
            stored.put_session(
                connection, session.number, session.special, session.opening, session.closing,
                session.actual_closing, actor.username, at,
                None if parts is None else _parts_text(parts),
            )
            had = () if session.special else known.parts.get(session.number, ())
            old = _session_json(before, had) if before else None
            new_parts = had if parts is None else parts
            submissions.log(
                connection, None, actor.username, "calendar",
                old, _session_json(session, new_parts), at,
            )
            return session

        return self._write(work)

    def agenda_items(self) -> tuple[AgendaItem, ...]:
        return agenda_items()


def _session_json(session: Session, parts: Sequence[Span] = ()) -> dict[str, Any]:
    return {
        "parts": [[first.isoformat(), last.isoformat()] for first, last in parts],
        "number": session.number, "special": session.special,
        "opening": session.opening.isoformat(), "closing": session.closing.isoformat(),
        "actual_closing": (
            session.actual_closing.isoformat() if session.actual_closing else None
        ),
    }
