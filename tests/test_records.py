"""The JSON record contract: a faithful round trip, and bad fields named, never a crash."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palais import samples
from palais.errors import InvalidRecord, PalaisError
from palais.records import from_record, to_record


@pytest.mark.parametrize("name", samples.NAMES)
def test_a_record_round_trips_through_the_document(name: str) -> None:
    record = samples.record(name)
    assert to_record(from_record(record)) == record


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"paragraphs": ["ok", "bad \ud800 text"]}, "paragraphs[1]"),
        ({"title": "\udfff"}, "title"),
        ({"translations": {"cover.paragraph.1": {"en": "x\udbff"}}}, "translations"),
    ],
)
def test_a_lone_surrogate_is_refused_with_its_field(change: dict[str, Any], field: str) -> None:
    record = samples.record(samples.NAMES[1]) | change
    with pytest.raises(InvalidRecord, match="lone surrogate") as caught:
        from_record(record)
    assert field in caught.value.detail


def test_a_translation_must_be_text() -> None:
    record = samples.record(samples.NAMES[1]) | {"translations": {"cover.title": {"en": 7}}}
    with pytest.raises(InvalidRecord, match="expected text"):
        from_record(record)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20,
)
_fields = st.sampled_from(sorted(to_record(samples.load()[0])))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_fields, _json, max_size=8))
def test_any_json_object_is_a_document_or_a_named_error(record: dict[str, Any]) -> None:
    try:
        from_record(record)
    except PalaisError as exc:
        assert exc.detail
