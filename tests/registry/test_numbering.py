"""Symbols and job numbers: consecutive per series, never twice, even under races."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest

from palais.errors import Conflict, InvalidInput, UnknownSession
from palais.registry import Registry, State
from palais.symbols import ModifierKind, Symbol
from tests.registry.conftest import People
from tests.support.bundles import current_bundle
from tests.support.records import RECORD, version_request

THREADS = 24


def test_each_session_and_category_is_its_own_series(registry: Registry, people: People) -> None:
    records = [
        RECORD,
        RECORD,
        {**RECORD, "session": 42},
        {**RECORD, "doc_type": "report"},
        RECORD,
    ]
    ids = [registry.submit_record(people.aze, r).id for r in records]
    symbols = [str(registry.register(people.officer, sid).symbol) for sid in ids]
    assert symbols == [
        "A/HRC/41/G/1", "A/HRC/41/G/2", "A/HRC/42/G/1", "A/HRC/41/1", "A/HRC/41/G/3",
    ]


def test_job_numbers_follow_the_geneva_pattern(registry: Registry, people: People) -> None:
    year = datetime.now(UTC).year % 100
    ids = [registry.submit_record(people.aze, RECORD).id for _ in range(2)]
    numbers = [registry.register(people.officer, sid).job_number for sid in ids]
    assert numbers == [f"GE.{year:02d}-00001", f"GE.{year:02d}-00002"]
    assert registry.get(people.officer, ids[0]).document.job_number == numbers[0]


def test_registration_needs_a_known_session(registry: Registry, people: People) -> None:
    no_session = registry.submit_record(people.aze, {**RECORD, "session": None}).id
    with pytest.raises(InvalidInput, match="session"):
        registry.register(people.officer, no_session)
    unknown = registry.submit_record(people.aze, {**RECORD, "session": 999}).id
    with pytest.raises(UnknownSession):
        registry.register(people.officer, unknown)
    # A refused registration takes no number: the next one is still the first.
    good = registry.submit_record(people.aze, RECORD).id
    assert str(registry.register(people.officer, good).symbol) == "A/HRC/41/G/1"


def test_concurrent_registrations_take_consecutive_numbers(
    registry: Registry, people: People
) -> None:
    ids = [registry.submit_record(people.aze, RECORD).id for _ in range(THREADS)]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        done = list(pool.map(lambda sid: registry.register(people.officer, sid), ids))
    numbers = sorted(Symbol.parse(str(s.symbol)).number or 0 for s in done)
    assert numbers == list(range(1, THREADS + 1))
    jobs = sorted(s.job_number or "" for s in done)
    assert len(set(jobs)) == THREADS
    assert [int(j[-5:]) for j in jobs] == list(range(1, THREADS + 1))


def test_versions_are_numbered_per_kind_of_the_original(
    registry: Registry, people: People
) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    registry.issue(people.officer, sid, current_bundle(registry, sid))
    made = [
        registry.start_version(people.officer, sid, version_request(kind))
        for kind in (ModifierKind.CORRIGENDUM, ModifierKind.CORRIGENDUM, ModifierKind.REVISION)
    ]
    assert [str(v.symbol) for v in made] == [
        "A/HRC/41/G/1/Corr.1", "A/HRC/41/G/1/Corr.2", "A/HRC/41/G/1/Rev.1",
    ]


def test_a_back_catalogue_document_keeps_its_printed_symbol(
    registry: Registry, people: People
) -> None:
    earlier = registry.submit_record(people.officer, RECORD).id
    kept = registry.register(people.officer, earlier, symbol="A/HRC/41/G/7")
    assert str(kept.symbol) == "A/HRC/41/G/7"
    assert str(registry.get(people.officer, earlier).document.symbol) == "A/HRC/41/G/7"
    # The series goes on after the highest number it holds; G/7 is never given again.
    later = registry.submit_record(people.aze, RECORD).id
    assert str(registry.register(people.officer, later).symbol) == "A/HRC/41/G/8"
    again = registry.submit_record(people.officer, RECORD).id
    with pytest.raises(Conflict, match=f"already given to submission {earlier}"):
        registry.register(people.officer, again, symbol="A/HRC/41/G/7")
    assert registry.get(people.officer, again).state is State.SUBMITTED


@pytest.mark.parametrize(
    "symbol", ["A/HRC/42/G/7", "A/HRC/41/7", "A/HRC/41/G/7/Corr.1", "A/HRC/S-41/G/7", "S/2019/7"]
)
def test_a_printed_symbol_outside_the_documents_series_is_refused(
    registry: Registry, people: People, symbol: str
) -> None:
    sid = registry.submit_record(people.officer, RECORD).id
    with pytest.raises(InvalidInput, match="not in the series"):
        registry.register(people.officer, sid, symbol=symbol)
    assert str(registry.register(people.officer, sid).symbol) == "A/HRC/41/G/1"
