"""The Human Rights Council's session calendar, read from ``data/sessions.yaml``.

A :class:`Calendar` is an immutable value: the secretariat extends it with a
session announced after the data was written (:meth:`Calendar.with_session`,
called by the registry), which returns a new calendar rather than changing the
bundled one, so a parser or composer holding a calendar never sees it move.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from palais.conventions.data import load
from palais.errors import UnknownSession
from palais.model import Session


@dataclass(frozen=True, slots=True)
class Calendar:
    """Regular and special sessions by number, with their cover dates."""

    regular: Mapping[int, Session] = field(default_factory=dict)
    special: Mapping[int, Session] = field(default_factory=dict)

    def session(self, number: int, *, special: bool = False) -> Session:
        """The session numbered ``number``; :class:`UnknownSession` when not held or announced."""
        table = self.special if special else self.regular
        try:
            return table[number]
        except (KeyError, TypeError):
            kind = "special session" if special else "session"
            known = f"{min(table)}-{max(table)}" if table else "none"
            raise UnknownSession(
                f"{kind} {number!r} is not in the Human Rights Council calendar (known: {known})"
            ) from None

    def sessions(self) -> tuple[Session, ...]:
        """Every session, regular ones first, each group by number."""
        return tuple(self.regular[n] for n in sorted(self.regular)) + tuple(
            self.special[n] for n in sorted(self.special)
        )

    def with_session(self, session: Session) -> Calendar:
        """A calendar that also holds (or now holds this version of) ``session``."""
        if session.special:
            special = dict(self.special)
            special[session.number] = session
            return Calendar(self.regular, MappingProxyType(special))
        regular = dict(self.regular)
        regular[session.number] = session
        return Calendar(MappingProxyType(regular), self.special)


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _session(entry: Mapping[str, Any], special: bool) -> Session:
    actual = entry.get("actual_closing")
    return Session(
        number=int(entry["number"]),
        opening=_date(entry["opening"]),
        closing=_date(entry["closing"]),
        special=special,
        actual_closing=_date(actual) if actual else None,
    )


@functools.cache
def load_calendar() -> Calendar:
    """The calendar bundled with palais (sessions held or announced when it was written)."""
    data = load("sessions")
    regular = {s.number: s for s in (_session(e, False) for e in data["regular"])}
    special = {s.number: s for s in (_session(e, True) for e in data.get("special", ()))}
    return Calendar(MappingProxyType(regular), MappingProxyType(special))
