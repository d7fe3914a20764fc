"""The Council's sessions and agenda, as :mod:`palais.conventions` records them.

The registry checks a record's session and agenda items against them before
giving a symbol, so no document is registered under a session that never was.
"""

from __future__ import annotations

from collections.abc import Iterable

from palais.errors import UnknownAgendaItem
from palais.model import AgendaItem, Session


def sessions() -> tuple[Session, ...]:
    from palais.conventions import load_calendar

    return load_calendar().sessions()


def session(number: int) -> Session:
    """The regular session ``number``; raises UnknownSession."""
    from palais.conventions import load_calendar

    return load_calendar().session(number)


def agenda_items() -> tuple[AgendaItem, ...]:
    """The items of the Council's agenda, in order (numbered from 1 without gaps)."""
    from palais.conventions import agenda_item

    items: list[AgendaItem] = []
    while True:
        try:
            items.append(agenda_item(len(items) + 1))
        except UnknownAgendaItem:
            return tuple(items)


def check(session_number: int | None, agenda: Iterable[int]) -> None:
    """Raise UnknownSession / UnknownAgendaItem for what the conventions do not know."""
    from palais.conventions import agenda_item

    if session_number is not None:
        session(session_number)
    for number in agenda:
        agenda_item(number)
