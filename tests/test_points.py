"""Points to check: written in English from templates, read back into template and values."""

from __future__ import annotations

import re
import string

from hypothesis import given
from hypothesis import strategies as st

from palais import points

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
VALUE = st.text(alphabet=string.ascii_uppercase + string.digits + "/-.", min_size=1,
                max_size=12)
FIELD = st.sampled_from([None, "reference", "doc_date", "session_dates", "text"])


@given(st.sampled_from(points.TEMPLATES), FIELD, st.one_of(st.none(), VALUE), st.data())
def test_every_point_reads_back_as_its_template_and_values(
    template: str, field: str | None, unsure: str | None, data: st.DataObject
) -> None:
    values = {name: data.draw(VALUE) for name in _PLACEHOLDER.findall(template)}
    said = points.say(template, field=field, unsure=unsure, **values)
    assert points.read(said) == points.Point(field, template, values, unsure)


def test_a_point_prints_as_the_record_always_held_it() -> None:
    assert points.say(points.AS_PRINTED, field="reference", text="No. 4/2025/123") == (
        "reference: “No. 4/2025/123”, as printed")
    assert points.say(points.READ_BY_OCR, field="text", confidence="91") == (
        "text: read by OCR, mean confidence 91%")
    assert points.say(points.FROM_REQUEST, field="session", unsure="Forty, ninth",
                      value="49") == ("session: 49, from the request to circulate; OCR was "
                                      "unsure of some words there (Forty, ninth): check it")


def test_the_longer_template_wins_and_a_stranger_sentence_reads_as_nothing() -> None:
    special = points.read("session: 5 (a special session), from the request to circulate")
    assert special is not None and special.template == points.SPECIAL_FROM_REQUEST
    assert special.values == {"value": "5"}
    assert points.read("none") == points.Point(None, points.NONE, {})
    assert points.read("reference: something another program wrote") is None
