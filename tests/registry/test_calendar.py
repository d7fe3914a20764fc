"""The calendar the registry works with: the conventions data plus sessions the secretariat adds."""

from __future__ import annotations

from datetime import date

import pytest

from palais.errors import InvalidInput, PermissionDenied, UnknownSession
from palais.model import Session
from palais.registry import Registry
from tests.registry.conftest import People, refused
from tests.support.records import RECORD

SIXTY_SECOND = Session(62, date(2026, 6, 15), date(2026, 7, 10))


def test_a_new_session_can_be_registered_under_once_added(
    registry: Registry, people: People
) -> None:
    sid = registry.submit_record(people.aze, {**RECORD, "session": 62}).id
    with pytest.raises(UnknownSession):
        registry.register(people.officer, sid)
    registry.add_session(people.officer, SIXTY_SECOND)
    assert registry.session(62) == SIXTY_SECOND
    assert SIXTY_SECOND in registry.sessions()
    assert str(registry.register(people.officer, sid).symbol) == "A/HRC/62/G/1"


def test_correcting_a_session_keeps_the_old_dates_in_the_audit_log(
    registry: Registry, people: People
) -> None:
    before = registry.session(47)
    extended = Session(47, before.opening, before.closing, actual_closing=date(2021, 7, 14))
    registry.add_session(people.officer, extended)
    registry.add_session(people.officer, extended)  # the same again: one row, two entries
    assert registry.session(47) == extended
    assert [s for s in registry.sessions() if s.number == 47 and not s.special] == [extended]


def test_only_the_secretariat_changes_the_calendar(registry: Registry, people: People) -> None:
    for who in (people.aze, people.translator):
        refused(registry, lambda who=who: registry.add_session(who, SIXTY_SECOND),
                PermissionDenied, "calendar")
    with pytest.raises(UnknownSession):
        registry.session(62)


def test_a_session_number_beyond_the_symbols_is_refused(
    registry: Registry, people: People
) -> None:
    with pytest.raises(InvalidInput, match="number"):
        registry.add_session(people.officer, Session(1000, date(2026, 6, 15), date(2026, 7, 10)))
    with pytest.raises(UnknownSession):
        registry.session(1000)
