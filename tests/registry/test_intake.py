"""Submissions from files and fields: pre-filled records, kept originals, duplicates flagged."""

from __future__ import annotations

import pytest

from palais.errors import InvalidInput, InvalidRecord, ParseError
from palais.registry import Registry
from palais.store import sha256_of
from tests.conftest import SEEDS
from tests.registry.conftest import People
from tests.support.records import RECORD

SEED = SEEDS / "ru_a_hrc_41_2019.txt"


def test_a_file_prefills_the_record_and_is_kept_as_received(
    registry: Registry, people: People
) -> None:
    data = SEED.read_bytes()
    submission = registry.submit_file(people.aze, SEED.name, data)
    doc = submission.document
    assert (doc.session, doc.agenda_items, str(doc.doc_date)) == (41, (4,), "2019-06-06")
    assert doc.sender is not None and doc.sender.iso3 == "AZE"
    assert doc.symbol is None and doc.job_number is None, "registration gives the numbers"
    assert submission.source_sha256 == sha256_of(data)
    assert registry.blobs.get(sha256_of(data)) == data
    assert (submission.filename, submission.media_type) == (SEED.name, "text/plain")


def test_a_file_that_is_no_document_is_refused(registry: Registry, people: People) -> None:
    with pytest.raises(ParseError):
        registry.submit_file(people.aze, "empty.txt", b"")
    assert registry.list(people.officer) == ([], 0)


def test_the_same_file_twice_is_flagged(registry: Registry, people: People) -> None:
    first = registry.submit_file(people.aze, SEED.name, SEED.read_bytes())
    second = registry.submit_file(people.aze, "again.txt", SEED.read_bytes())
    assert (first.duplicate_of, second.duplicate_of) == ((), (first.id,))
    submit = registry.audit(people.officer, second.id)[0]
    assert submit.detail == f"possible duplicate of #{first.id}"


def test_values_no_store_could_hold_are_refused(registry: Registry, people: People) -> None:
    with pytest.raises(InvalidRecord, match="session"):
        registry.submit_record(people.aze, {**RECORD, "session": 2**40})
    with pytest.raises(InvalidInput, match="file name"):
        registry.submit_file(people.aze, "x" * 300 + ".txt", SEED.read_bytes())
    assert registry.list(people.officer) == ([], 0)
