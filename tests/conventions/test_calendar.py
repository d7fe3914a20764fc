"""The session calendar: sessions 1-61 with sourced dates, extended as data."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from palais.conventions import load_calendar
from palais.errors import UnknownSession
from palais.model import Session


def test_regular_sessions_one_to_sixty_one_in_order() -> None:
    calendar = load_calendar()
    regular = [s for s in calendar.sessions() if not s.special]
    assert [s.number for s in regular][:61] == list(range(1, 62))
    for earlier, later in itertools.pairwise(regular):
        assert earlier.closing < later.opening


def test_three_sessions_a_year_from_2008() -> None:
    # Sessions 7, 10, 13 ... open in February or March of 2008, 2009, 2010 ...
    for number in range(7, 62):
        year = 2007 + (number - 4) // 3
        assert load_calendar().session(number).opening.year == year


def test_cover_dates_and_actual_closing_differ_where_extended() -> None:
    s47 = load_calendar().session(47)
    assert (s47.opening, s47.closing) == (date(2021, 6, 21), date(2021, 7, 9))
    assert s47.actual_closing == date(2021, 7, 14)
    assert load_calendar().session(41).actual_closing is None


def test_special_sessions_are_kept_apart() -> None:
    first = load_calendar().session(1, special=True)
    assert first.special and first.opening == date(2006, 7, 5)
    assert load_calendar().session(1).opening == date(2006, 6, 19)


@pytest.mark.parametrize("number", [0, 999, -1])
def test_unknown_sessions_are_refused(number: int) -> None:
    with pytest.raises(UnknownSession, match="not in the Human Rights Council calendar"):
        load_calendar().session(number)


def test_with_session_extends_without_changing_the_bundled_calendar() -> None:
    bundled = load_calendar()
    nxt = max(s.number for s in bundled.sessions() if not s.special) + 1
    new = Session(nxt, date(2030, 2, 25), date(2030, 4, 5))
    extended = bundled.with_session(new)
    assert extended.session(nxt) == new
    with pytest.raises(UnknownSession):
        bundled.session(nxt)
    special = Session(99, date(2030, 5, 1), date(2030, 5, 1), special=True)
    assert bundled.with_session(special).session(99, special=True) == special


def test_a_session_added_with_parts_is_printed_in_parts_once_resumed() -> None:
    """A future session recorded with the parts it met in: the scheduled dates until
    the resumed part opens, both parts after; an empty list says it met in one part."""
    from palais.conventions import cover_lines

    held = Session(62, date(2026, 6, 15), date(2026, 7, 10))
    parts = ((date(2026, 6, 15), date(2026, 6, 26)), (date(2026, 10, 5), date(2026, 10, 9)))
    known = load_calendar().with_session(held, parts)
    assert known.cover_parts(62, date(2026, 8, 1)) == ((held.opening, held.closing),)
    assert known.cover_parts(62, date(2026, 10, 5)) == parts
    ru = cover_lines(62, "ru", on=date(2026, 10, 6), items=[1], calendar=known)
    assert ru.dates == "15–26 июня и 5–9 октября 2026 года"
    assert 62 not in load_calendar().parts
    assert 62 not in known.with_session(held, ()).parts
    assert known.with_session(held).parts[62] == parts


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (((date(2026, 6, 15), date(2026, 6, 26)),), "at least two"),
        (((date(2026, 6, 16), date(2026, 6, 26)), (date(2026, 10, 5), date(2026, 10, 9))),
         "the first part starts on 2026-06-16"),
        (((date(2026, 6, 15), date(2026, 6, 26)), (date(2026, 10, 9), date(2026, 10, 5))),
         "part 2 ends"),
        (((date(2026, 6, 15), date(2026, 6, 26)), (date(2026, 6, 26), date(2026, 6, 30))),
         "part 2 starts"),
    ],
)
def test_parts_that_cannot_be_are_refused(
    parts: tuple[tuple[date, date], ...], message: str
) -> None:
    from palais.errors import InvalidInput

    held = Session(62, date(2026, 6, 15), date(2026, 7, 10))
    with pytest.raises(InvalidInput, match=message):
        load_calendar().with_session(held, parts)
