"""Finding 7: filter values crashed pages with 500.

``str.isdigit`` accepted Unicode digits (``²``, ``①``) that ``int()`` refuses,
and integers beyond what the search engine holds went through to it. Every
such value now gets a 4xx page. Failed before the fix (500 for each of these
addresses), checked by running it against the code before the change.
"""

from __future__ import annotations

import pytest

from tests.web.harness import Api

HUGE = "9" * 25

ADDRESSES = [
    "/search?session=²",
    "/search?agenda_item=①",
    "/search?session=٤١",
    f"/search?year={HUGE}",
    "/search?year=99999999999",
    f"/browse/sessions/{HUGE}",
    f"/browse/agenda/{HUGE}",
    "/browse/agenda/3000000000",
    f"/search?q=council&session=41&page={HUGE}",
]


@pytest.mark.parametrize("who", [None, "officer"])
def test_odd_numbers_in_addresses_are_refused_not_crashed(api: Api, who: str | None) -> None:
    for address in ADDRESSES:
        answer = api.get(who, address)
        assert 400 <= answer.status_code < 500, (address, answer.status_code)
        assert "<html" in answer.text, address
    assert api.get(who, "/search?session=41").status_code == 200
