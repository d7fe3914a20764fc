"""The archive as a whole: read in pages with a fixed number of queries per page, the
back catalogue's way in, and the change records the search index follows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from palais.errors import PermissionDenied
from palais.model import Format
from palais.records import from_record
from palais.registry import Registry
from palais.registry.values import Legacy
from tests.registry.conftest import People
from tests.support.records import RECORD


def _legacy(number: int, session: int = 41) -> Legacy:
    symbol = f"A/HRC/{session}/G/{number}"
    document = from_record({**RECORD, "session": session, "symbol": symbol,
                            "title": f"Note verbale number {number}"})
    text = f"{symbol}\nNote verbale number {number} on the situation in Kalbajar."
    return Legacy(f"{number}.txt", text.encode(), Format.TXT, document, text)


@contextmanager
def _counting(registry: Registry) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement not in ("BEGIN", "COMMIT", "ROLLBACK"):
            statements.append(statement)

    event.listen(registry.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(registry.engine, "before_cursor_execute", count)


def test_reading_the_whole_archive_costs_the_same_queries_per_page_at_any_size(
    registry: Registry, people: People
) -> None:
    registry.import_documents(people.officer, [_legacy(n) for n in range(1, 31)])
    costs = {}
    for page in (10, 30):
        with _counting(registry) as statements:
            read = list(registry.archive(page=page))
            texts = list(registry.publications(page=page))
        assert len(read) == len(texts) == 30
        costs[page] = len(statements)
    # Each of the two streams ends with one query that finds an empty page; the rest is
    # the same fixed number of queries per page: three pages of 10 cost three times one of 30.
    per_page = costs[30] - 2
    assert per_page <= 8
    assert costs[10] == 3 * per_page + 2


def test_the_back_catalogue_goes_in_once_under_its_printed_symbols(
    registry: Registry, people: People
) -> None:
    first = registry.import_documents(people.officer, [_legacy(7), _legacy(8)])
    assert [(i.symbol, i.already) for i in first] == [("A/HRC/41/G/7", False),
                                                      ("A/HRC/41/G/8", False)]
    latest = registry.latest_change()
    again = registry.import_documents(people.officer, [_legacy(7)])
    assert [(i.symbol, i.already) for i in again] == [("A/HRC/41/G/7", True)]
    assert registry.latest_change() == latest  # nothing changed, nothing recorded
    # The numbers printed are taken: the next registration in the series follows them.
    sid = registry.submit_record(people.aze, RECORD).id
    assert str(registry.register(people.officer, sid).symbol) == "A/HRC/41/G/9"


def test_another_file_under_a_symbol_already_held_is_refused_alone(
    registry: Registry, people: People
) -> None:
    registry.import_documents(people.officer, [_legacy(7)])
    clash = _legacy(7)
    other = Legacy("other.txt", b"another text", Format.TXT, clash.document, "another text")
    outcome = registry.import_documents(people.officer, [other, _legacy(8)])
    assert outcome[0].error == "A/HRC/41/G/7 is already in the archive from another file"
    assert outcome[1].symbol == "A/HRC/41/G/8"


@pytest.mark.parametrize("who", ["aze", "translator"])
def test_only_the_secretariat_imports(registry: Registry, people: People, who: str) -> None:
    latest = registry.latest_change()
    with pytest.raises(PermissionDenied, match="may not import documents"):
        registry.import_documents(getattr(people, who), [_legacy(7)])
    assert registry.latest_change() == latest
    assert list(registry.archive()) == []


def test_every_public_change_is_recorded_in_order(registry: Registry, people: People) -> None:
    registry.import_documents(people.officer, [_legacy(1), _legacy(2)])
    sid = registry.submit_record(people.aze, RECORD).id  # not public: no record
    assert registry.latest_change() == 2
    registry.register(people.officer, sid)
    assert registry.latest_change() == 2
    [one, _two] = [d for d in registry.archive()]
    held = registry.list(people.officer, state="issued")[0]
    first = next(s for s in held if s.symbol == one.symbol)
    registry.withdraw(people.officer, first.id, "issued in error")
    changes = registry.public_changes(2)
    assert changes.position == 3
    assert [(p.symbol, p.document) for p in changes.publications] == [(str(one.symbol), None)]
