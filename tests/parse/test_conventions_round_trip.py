"""The parser reads back every cover line the conventions print, in six languages.

Composition prints session lines and dates from palais.conventions; an issued
document parsed again must give the same session and dates.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from palais.conventions import date_range, format_date, session_line
from palais.languages import Language
from palais.parse import fields


@pytest.mark.parametrize("lang", list(Language))
def test_every_session_line_is_read_back(lang: Language) -> None:
    for number in range(1, 100):
        found = fields.session_number(session_line(number, lang))
        assert found is not None and found[0] == number


@given(
    st.dates(min_value=date(1946, 1, 1), max_value=date(2099, 1, 1)),
    st.integers(min_value=1, max_value=400),
    st.sampled_from(list(Language)),
)
def test_every_date_range_is_read_back(start: date, days: int, lang: Language) -> None:
    end = start + timedelta(days=days)
    assert fields.session_dates(date_range(start, end, lang)) == (start, end)


@given(st.dates(min_value=date(1946, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(list(Language)))
def test_every_date_is_read_back(day: date, lang: Language) -> None:
    found = fields.find_dates(format_date(day, lang))
    assert found and found[0][1] == day
