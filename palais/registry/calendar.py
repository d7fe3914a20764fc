"""The Council's sessions and agenda: the conventions data, plus what the secretariat adds.

The conventions data (:mod:`palais.conventions`) records the sessions held when
it was written, each with its source. Sessions keep coming, so the secretariat
adds each new one (or corrects dates) in the store; the calendar the registry
works with is the data with those entries laid over it. The registry checks a
record's session and agenda items against it before giving a symbol, so no
document is registered under a session that never was.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select

from palais.conventions import Calendar, agenda_item, load_calendar
from palais.errors import InvalidInput, UnknownAgendaItem
from palais.model import AgendaItem, Session
from palais.store.tables import calendar_sessions

MAX_SESSION = 999


def calendar(connection: Connection) -> Calendar:
    """The conventions calendar with the sessions stored by the secretariat laid over it."""
    merged = load_calendar()
    for row in connection.execute(select(calendar_sessions)):
        merged = merged.with_session(
            Session(row.number, row.opening, row.closing, special=row.special,
                    actual_closing=row.actual_closing)
        )
    return merged


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
