"""Symbols and job numbers: the next free number of a series, given atomically.

Every number ever given is a row of ``allocations`` whose primary key is
(series, number). A registration reads the highest number of its series and
inserts the next one in its own transaction; when two registrations race, the
database lets one insert and makes the other fail on the key, and the loser's
whole transaction is run again (:func:`palais.store.engine.retrying_write`) and
takes the number after. No number is given twice (the key) and none is
skipped (a number exists only inside a committed registration). This works
the same across threads and processes and on both databases, with no lock in
Python memory.

Races are rare by construction, because the database already queues the
allocators of one series: SQLite lets one writer in at a time (``BEGIN
IMMEDIATE``), and on PostgreSQL an allocator first takes a transaction-scoped
advisory lock named after the series, so the next one reads the highest number
only once the previous has committed. The key and the retry remain the
guarantee; the queue only spares the retries (measured in BENCHMARKS.md).

Series:

* ``A/HRC/G/<session>`` and the like: one per session and category of symbol
  (a note verbale or letter from a Government is in the G series);
* ``A/HRC/41/G/7/Corr``: the corrigenda of one document (likewise Rev, Add);
* ``GE.<yy>``: job numbers of the United Nations Office at Geneva, one series
  per year, printed ``GE.19-09876`` (five digits).
"""

from __future__ import annotations

import re
from datetime import datetime

from palais.errors import Conflict, InvalidInput
from palais.model import Body, DocType, Document
from palais.store import Connection, allocations
from palais.symbols import Category, ModifierKind, Symbol

_CATEGORY = {
    DocType.NOTE_VERBALE: Category.GOVERNMENT,
    DocType.LETTER: Category.GOVERNMENT,
    DocType.WRITTEN_STATEMENT: Category.NGO,
    DocType.DRAFT_RESOLUTION: Category.LIMITED,
    DocType.RESOLUTION: Category.RESOLUTION,
    DocType.DECISION: Category.DECISION,
}
JOB_DIGITS = 5


def allocate(connection: Connection, series: str, submission_id: int, at: datetime) -> int:
    """The next number of ``series``, recorded for ``submission_id`` (in the caller's
    transaction, which fails on commit-time conflicts and is retried whole)."""
    allocations.queue_for(connection, series)
    number = allocations.highest(connection, series) + 1
    allocations.take(connection, series, number, submission_id, at)
    return number


def category_of(document: Document) -> Category:
    """The symbol series a document belongs in, by its type (sessional by default)."""
    return _CATEGORY.get(document.doc_type, Category.SESSIONAL)


def allocate_symbol(
    connection: Connection, document: Document, submission_id: int, at: datetime
) -> Symbol:
    if document.body not in (None, Body.HRC):
        raise InvalidInput(
            "body: palais gives Human Rights Council symbols only, not %(value)s",
            value=document.body.value,
        )
    if document.session is None:
        raise InvalidInput("session: a document needs its session before it can be registered")
    category = category_of(document)
    series = f"A/HRC/{category.value}/{document.session}"
    number = allocate(connection, series, submission_id, at)
    return Symbol.hrc(document.session, number, category)


def reserve_symbol(
    connection: Connection, document: Document, symbol: Symbol, submission_id: int,
    at: datetime,
) -> Symbol:
    """Record ``symbol``, printed on a document issued before palais held it, as given.

    An earlier document keeps the symbol it was issued under: an archive that
    renumbered it would send readers to the wrong document. The symbol must
    belong to the series the document's type and session put it in, and no
    other submission may hold it (the same primary key as for allocation).
    """
    if document.session is None:
        raise InvalidInput("session: a document needs its session before it can be registered")
    category = category_of(document)
    if (
        not symbol.is_hrc or symbol.special_session or symbol.modifiers
        or symbol.number is None or symbol.session != document.session
        or symbol.category is not category
    ):
        example = Symbol.hrc(document.session, 1, category)
        raise InvalidInput(
            "symbol: %(symbol)s is not in the series of this document's type and session (like "
            "%(example)s)",
            symbol=symbol, example=example,
        )
    series = f"A/HRC/{category.value}/{document.session}"
    holder = allocations.holder(connection, series, symbol.number)
    if holder is not None:
        raise Conflict(
            "symbol: %(symbol)s is already given to submission %(holder)s",
            symbol=symbol, holder=holder,
        )
    allocations.take(connection, series, symbol.number, submission_id, at)
    return symbol


def allocate_version(
    connection: Connection, original: Symbol, kind: ModifierKind, submission_id: int, at: datetime
) -> Symbol:
    """The symbol of the next corrigendum, revision or addendum of ``original``."""
    original.with_modifier(kind, 1)  # InvalidSymbol (a Corr of a Corr) before taking a number
    number = allocate(connection, f"{original}/{kind.value}", submission_id, at)
    return original.with_modifier(kind, number)


def allocate_job_number(connection: Connection, submission_id: int, at: datetime) -> str:
    year = f"{at.year % 100:02d}"
    number = allocate(connection, f"GE.{year}", submission_id, at)
    if number >= 10**JOB_DIGITS:
        raise InvalidInput(
            "job numbers of 20%(year)s are exhausted (%(number)s)",
            year=year, number=number,
        )
    return f"GE.{year}-{number:0{JOB_DIGITS}d}"


_JOB_NUMBER = re.compile(r"^GE\.(\d{2})-(\d{5})$")


def job_series(job_number: str | None) -> tuple[str, int] | None:
    """The series and number of a job number of the Geneva form (``GE.19-09823``)."""
    match = _JOB_NUMBER.match(job_number or "")
    return (f"GE.{match[1]}", int(match[2])) if match else None


def printed_series(symbol: Symbol) -> tuple[str, int] | None:
    """The series palais allocates from and the number a printed symbol takes in it, so
    that no document registered later takes it again; None for series palais never
    allocates (the symbol column is unique, which is enough there)."""
    if symbol.modifiers:
        last = symbol.modifiers[-1]
        original = symbol.text[: symbol.text.rindex(f"/{last}")]
        return f"{original}/{last.kind.value}", last.number
    if (
        symbol.is_hrc and symbol.number is not None and symbol.session is not None
        and not symbol.special_session
    ):
        return f"A/HRC/{symbol.category.value}/{symbol.session}", symbol.number
    return None
