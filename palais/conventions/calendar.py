"""The Human Rights Council's session calendar, read from ``data/sessions.yaml``.

A :class:`Calendar` is an immutable value: the secretariat extends it with a
session announced after the data was written (:meth:`Calendar.with_session`,
called by the registry), which returns a new calendar rather than changing the
bundled one, so a parser or composer holding a calendar never sees it move.

Covers print the dates scheduled when they were issued; a session that met in
parts, or closed on another day, is printed as it met once that is known
(:meth:`Calendar.cover_parts`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from palais.conventions.data import load
from palais.errors import InvalidInput, UnknownSession
from palais.model import Session

Span = tuple[date, date]
"""A first and last day, both included."""


@dataclass(frozen=True, slots=True)
class Calendar:
    """Regular and special sessions by number, with their cover dates."""

    regular: Mapping[int, Session] = field(default_factory=dict)
    special: Mapping[int, Session] = field(default_factory=dict)
    parts: Mapping[int, tuple[Span, ...]] = field(default_factory=dict)
    """Regular sessions that met in parts: each part's first and last day, as met."""

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

    def with_session(
        self, session: Session, parts: Sequence[Span] | None = None
    ) -> Calendar:
        """A calendar that also holds (or now holds this version of) ``session``.

        ``parts``: the parts a regular session met in, as met (the first part,
        then each resumed part), checked by :func:`check_parts`; None keeps the
        parts already known, an empty sequence says it met in one part.
        """
        if session.special:
            if parts:
                raise InvalidInput("parts: a special session is recorded in one part")
            special = dict(self.special)
            special[session.number] = session
            return Calendar(self.regular, MappingProxyType(special), self.parts)
        regular = dict(self.regular)
        regular[session.number] = session
        known = self.parts
        if parts is not None:
            check_parts(session, parts)
            changed = dict(self.parts)
            changed.pop(session.number, None)
            if parts:
                changed[session.number] = tuple(parts)
            known = MappingProxyType(changed)
        return Calendar(MappingProxyType(regular), self.special, known)

    def cover_parts(
        self, number: int, on: date | None = None, *, special: bool = False
    ) -> tuple[Span, ...]:
        """The dates a cover issued on ``on`` prints for the session, one span a part.

        Before anything changed (or with no date): the scheduled opening and closing.
        Once a resumed part has opened: every part as met (A/HRC/2/9, A/HRC/6/22,
        A/75/53). Once a session that closed on another day than planned has
        closed: its opening to the day it closed (A/HRC/7/78).
        """
        held = self.session(number, special=special)
        scheduled = ((held.opening, held.closing),)
        if on is None:
            return scheduled
        parts = () if special else self.parts.get(number, ())
        if len(parts) > 1 and on >= parts[1][0]:
            return parts
        actual = held.actual_closing
        if not parts and actual is not None and actual != held.closing and on > actual:
            return ((held.opening, actual),)
        return scheduled


def check_parts(session: Session, parts: Sequence[Span]) -> None:
    """Refuse parts that cannot be how ``session`` met: fewer than two, a part that ends
    before it starts, parts out of order or overlapping, a first part that does not
    start on the opening day (:class:`InvalidInput`, naming the part)."""
    if not parts:
        return
    if len(parts) < 2:
        raise InvalidInput(
            "parts: a session met in parts has at least two (the first and a resumed one)"
        )
    if parts[0][0] != session.opening:
        raise InvalidInput(
            f"parts: the first part starts on {parts[0][0]}, "
            f"the session opened on {session.opening}"
        )
    for i, (first, last) in enumerate(parts, start=1):
        if last < first:
            raise InvalidInput(f"parts: part {i} ends ({last}) before it starts ({first})")
        previous = parts[i - 2][1]
        if i > 1 and first <= previous:
            raise InvalidInput(
                f"parts: part {i} starts ({first}) before part {i - 1} has ended ({previous})"
            )


def parse_span(value: str) -> Span:
    """A part written "YYYY-MM-DD/YYYY-MM-DD" (as in sessions.yaml and on the command line)."""
    try:
        first, last = str(value).split("/")
        return _date(first.strip()), _date(last.strip())
    except ValueError:
        raise InvalidInput(
            f"parts: {value!r} is not a part written FIRST/LAST (YYYY-MM-DD/YYYY-MM-DD)"
        ) from None


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
    parts = {int(e["number"]): tuple(parse_span(p) for p in e["parts"])
             for e in data["regular"] if e.get("parts")}
    return Calendar(
        MappingProxyType(regular), MappingProxyType(special), MappingProxyType(parts)
    )
