"""Invariants the domain model keeps itself, whoever builds a value."""

from __future__ import annotations

from datetime import date

import pytest

from palais.errors import InvalidRecord
from palais.model import Session


@pytest.mark.parametrize(
    ("number", "opening", "closing", "actual", "message"),
    [
        (0, date(2026, 6, 15), date(2026, 7, 10), None, "positive"),
        (62, date(2026, 7, 10), date(2026, 6, 15), None, "closes"),
        (62, date(2026, 6, 15), date(2026, 7, 10), date(2026, 1, 1), "actually closed"),
    ],
)
def test_a_session_that_cannot_be_is_refused(
    number: int, opening: date, closing: date, actual: date | None, message: str
) -> None:
    with pytest.raises(InvalidRecord, match=message):
        Session(number, opening, closing, actual_closing=actual)


def test_an_extended_session_keeps_its_printed_dates() -> None:
    held = Session(47, date(2021, 6, 21), date(2021, 7, 9), actual_closing=date(2021, 7, 14))
    assert (held.closing, held.actual_closing) == (date(2021, 7, 9), date(2021, 7, 14))
