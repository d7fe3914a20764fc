"""Corrigenda, revisions and addenda of an issued document: new Works, linked to it.

An officer starts one from the issued original. The new version is registered
at once under the original's symbol with the next number of its modifier
(``/Corr.1`` then ``/Corr.2``) and a job number of its own, and it goes
through translation and issue like any other submission; the original stays
issued, and each document's page links to the other.

What the new version holds, as the UN composes it:

* a **corrigendum** keeps the original's cover and title and adds its
  corrections (a paragraph that should read otherwise, or words replaced in
  it); it prints the title, "Corrigendum" and the corrections, never the
  whole text again;
* an **addendum** keeps the original's cover and title and has its own text;
* a **revision** replaces the text: the original's record with the paragraphs
  (and title) the officer gives.

Nothing already translated is typed again: a passage whose text the new
version keeps (the title, a paragraph left as it was, wherever it now stands)
keeps its translations; only a changed or new passage awaits a translator.
:func:`derive` says all this as a pure function; :class:`CorrectionCases`
runs it in the registry's transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from types import SimpleNamespace
from typing import Any

from palais.bundles import Bundle
from palais.compose.formulaic import same_text
from palais.compose.passages import TITLE
from palais.errors import InvalidInput, InvalidSymbol, NotFound
from palais.languages import Language
from palais.model import Correction, Document
from palais.registry import numbering, rows, workflow
from palais.registry.base import StoreAccess
from palais.registry.submissions import check_digest, store_bundle
from palais.registry.transitions import Change, run, visible
from palais.registry.values import Actor, State, Submission
from palais.store import Connection, archive, changes, submissions
from palais.symbols import ModifierKind, Symbol

__all__ = [
    "CorrectionCases", "VersionRefused", "VersionRequest", "derive", "possible_kinds",
]

MAX_CORRECTIONS = 50
MAX_TEXT = 100_000


@dataclass(frozen=True, slots=True)
class VersionRequest:
    """What the officer asks for: the kind, and for a corrigendum its corrections,
    for an addendum its text, for a revision the whole new text (and title)."""

    kind: ModifierKind
    corrections: tuple[Correction, ...] = ()
    paragraphs: tuple[str, ...] = ()
    title: str | None = None


class VersionRefused(InvalidInput):
    """A request the original cannot take; ``field`` and ``code`` (with ``params``)
    let a form say why next to the field, in its own language."""

    def __init__(self, field: str, code: str, detail: str, **params: Any) -> None:
        super().__init__(f"{field}: {detail}")
        self.field = field
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class _Carry:
    """Translations of the original, looked up by the passage's text."""

    original: Document
    by_text: dict[str, Mapping[Language, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, original: Document) -> _Carry:
        carry = cls(original)
        for n, text in enumerate(original.paragraphs, 1):
            carry.add(f"cover.paragraph.{n}", text)
        for n, note in enumerate(original.footnotes, 1):
            carry.add(f"cover.footnote.{n}", note.text)
        return carry

    def add(self, key: str, text: str) -> None:
        found = self.original.translations.get(key)
        if found:
            self.by_text.setdefault(" ".join(text.split()), found)

    def get(self, text: str) -> Mapping[Language, str] | None:
        return self.by_text.get(" ".join(text.split()))


def derive(original: Document, request: VersionRequest) -> Document:
    """The new version's record, from the original's (VersionRefused when the request
    does not fit it). Symbol and job number are the registry's to give."""
    match request.kind:
        case ModifierKind.CORRIGENDUM:
            return _corrigendum(original, request.corrections)
        case ModifierKind.ADDENDUM:
            return _addendum(original, request.paragraphs)
        case ModifierKind.REVISION:
            return _revision(original, request.paragraphs, request.title)
    raise VersionRefused("kind", "kind", f"unknown kind {request.kind!r}")


def _base(original: Document, keep: Mapping[str, Mapping[Language, str]]) -> Document:
    translations = {TITLE: original.translations[TITLE]} if TITLE in original.translations else {}
    return replace(
        original, symbol=None, job_number=None, warnings=(), corrections=(), reissued_on=None,
        translations={**translations, **keep},
    )


def _corrigendum(original: Document, corrections: Sequence[Correction]) -> Document:
    if not corrections:
        raise VersionRefused(
            "corrections", "no_correction", "a corrigendum needs at least one correction"
        )
    if len(corrections) > MAX_CORRECTIONS:
        raise VersionRefused(
            "corrections", "too_many", f"at most {MAX_CORRECTIONS} corrections",
            limit=MAX_CORRECTIONS,
        )
    count = len(original.paragraphs)
    for n, correction in enumerate(corrections):
        where = f"corrections[{n}]"
        if correction.paragraph > count:
            raise VersionRefused(
                f"{where}.paragraph", "no_such_paragraph",
                f"the original has {count} paragraph(s), not {correction.paragraph}",
                number=correction.paragraph, count=count,
            )
        text = original.paragraphs[correction.paragraph - 1]
        if correction.old is not None and " ".join(correction.old.split()) not in " ".join(
            text.split()
        ):
            raise VersionRefused(
                f"{where}.old", "words_not_found",
                f"paragraph {correction.paragraph} of the original does not contain "
                f"{correction.old!r}",
                number=correction.paragraph,
            )
        if correction.old is None and same_text(correction.new, text):
            raise VersionRefused(
                f"{where}.new", "unchanged",
                f"paragraph {correction.paragraph} already reads so",
                number=correction.paragraph,
            )
        _check_length(f"{where}.new", correction.new)
    return replace(_base(original, {}), corrections=tuple(corrections))


def _addendum(original: Document, paragraphs: Sequence[str]) -> Document:
    text = _paragraphs(paragraphs)
    cover = replace(original.cover, paragraphs=text, footnotes=())
    return replace(_base(original, {}), parts=(cover,))


def _revision(original: Document, paragraphs: Sequence[str], title: str | None) -> Document:
    text = _paragraphs(paragraphs)
    new_title = (title or "").strip() or original.title
    if new_title == original.title and [p.split() for p in text] == [
        p.split() for p in original.paragraphs
    ]:
        raise VersionRefused(
            "paragraphs", "unchanged", "a revision changes the text: this is the original's"
        )
    carry = _Carry.of(original)
    keep: dict[str, Mapping[Language, str]] = {}
    for n, paragraph in enumerate(text, 1):
        found = carry.get(paragraph)
        if found:
            keep[f"cover.paragraph.{n}"] = found
    # The footnotes are the original's: their translations stay theirs.
    for key, found in original.translations.items():
        if key.startswith("cover.footnote."):
            keep[key] = found
    revised = replace(_base(original, keep), title=new_title)
    if new_title != original.title:
        revised = replace(
            revised, translations={k: v for k, v in revised.translations.items() if k != TITLE}
        )
    return replace(revised, parts=(replace(original.cover, paragraphs=text, title=new_title),
                                   *original.annexes))


def _paragraphs(paragraphs: Sequence[str]) -> tuple[str, ...]:
    text = tuple(p.strip() for p in paragraphs if p.strip())
    if not text:
        raise VersionRefused("paragraphs", "no_text", "the new version needs its text")
    for n, paragraph in enumerate(text):
        _check_length(f"paragraphs[{n}]", paragraph)
    return text


def _check_length(where: str, text: str) -> None:
    if len(text) > MAX_TEXT:
        raise VersionRefused(
            where, "too_long", f"longer than {MAX_TEXT} characters", limit=MAX_TEXT
        )


def series_symbol(original: Symbol, kind: ModifierKind) -> Symbol:
    """The symbol whose next ``kind`` the new version takes: a revision of a revision
    is the original's next revision (``/Rev.1`` is followed by ``/Rev.2``)."""
    if kind is ModifierKind.REVISION and original.modifier(ModifierKind.REVISION) is not None:
        return Symbol.parse(original.text.rsplit("/Rev.", 1)[0])
    return original


def possible_kinds(symbol: Symbol) -> tuple[ModifierKind, ...]:
    """The kinds of version a document of ``symbol`` can take (none for a corrigendum,
    whose modifier comes last; no second addendum of an addendum)."""
    found = []
    for kind in (ModifierKind.CORRIGENDUM, ModifierKind.ADDENDUM, ModifierKind.REVISION):
        try:
            series_symbol(symbol, kind).with_modifier(kind, 1)
        except InvalidSymbol:
            continue
        found.append(kind)
    return tuple(found)


class CorrectionCases(StoreAccess):
    """Starting a corrigendum, revision or addendum of an issued document."""

    def start_version(
        self, actor: Actor, submission_id: int, request: VersionRequest
    ) -> Submission:
        """The new version, registered under the original's symbol and its next
        modifier number; the original is kept, issued, and its audit trail says so.
        A submission the actor may not see is not found, whatever the role."""
        return self._write(lambda c: _start(c, actor, submission_id, request))

    def start_version_of(
        self, actor: Actor, symbol: Symbol | str, request: VersionRequest
    ) -> Submission:
        """:meth:`start_version` for the issued document of ``symbol`` (its page's form)."""
        workflow.check("new_version", actor)

        def work(connection: Connection) -> Submission:
            row = archive.issued_by_symbol(connection, str(symbol))
            if row is None:
                raise NotFound(f"no issued document {symbol}")
            return _start(connection, actor, row.id, request)

        return self._write(work)

    def issued_id(self, actor: Actor, symbol: Symbol | str) -> int:
        """The submission of the issued document ``symbol`` (for pages that name it)."""

        def work(connection: Connection) -> int:
            row = archive.issued_by_symbol(connection, str(symbol))
            if row is None:
                raise NotFound(f"no issued document {symbol}")
            return int(visible(connection, actor, row.id).id)

        return self._read(work)

    def reissue(self, actor: Actor, submission_id: int, on: date, bundle: Bundle) -> Submission:
        """Reissue an issued document for technical reasons on ``on``: the same symbol,
        marked with an asterisk, and a dated note; its files and texts are replaced by
        those of ``bundle``, composed from its record with that date (checked under the
        row lock, as issuing checks its bundle)."""
        workflow.check("reissue", actor)

        def work(connection: Connection) -> Submission:
            def decide(row: Any) -> Change:
                document = replace(rows.document_of(row), reissued_on=on)
                check_digest(_with_columns(row, document), bundle, "reissue")
                archive.remove_files(connection, row.id)
                files = store_bundle(connection, self.blobs, row.id, bundle)
                before = rows.document_of(row).reissued_on
                return Change(
                    rows.document_columns(document),
                    {"reissued_on": before.isoformat() if before else None},
                    {"reissued_on": on.isoformat(), "files": files},
                )

            row = run(connection, actor, "reissue", submission_id, decide)
            # The public's files changed: the index and the feeds follow this record.
            changes.record(connection, [row.id], "reissue", rows.now())
            return rows.submission_of(row)

        return self._write(work)


def _with_columns(row: Any, document: Document) -> Any:
    """``row`` as it will read once ``document`` is written (for the digest check)."""
    return SimpleNamespace(id=row.id, record=rows.document_columns(document)["record"])


def _start(
    connection: Connection, actor: Actor, submission_id: int, request: VersionRequest
) -> Submission:
    row = visible(connection, actor, submission_id, for_update=True)
    workflow.check("new_version", actor, State(row.state))
    document = derive(rows.document_of(row), request)
    at = rows.now()
    sid = submissions.insert_submission(
        connection, state=State.REGISTERED.value, mission=row.mission,
        submitted_by=actor.username, received_at=at, updated_at=at,
        parent_id=row.id, version_kind=request.kind.value,
        **rows.document_columns(document),
    )
    original = Symbol.parse(row.symbol)
    symbol = numbering.allocate_version(
        connection, series_symbol(original, request.kind), request.kind, sid, at
    )
    job_number = numbering.allocate_job_number(connection, sid, at)
    document = replace(document, symbol=symbol, job_number=job_number)
    submissions.set_values(connection, sid, **rows.document_columns(document))
    submissions.log(
        connection, sid, actor.username, "new_version", None,
        {"state": State.REGISTERED.value, "symbol": str(symbol), "kind": request.kind.value,
         "job_number": job_number, "translations_carried": sorted(document.translations)},
        at, f"{request.kind.value} of {row.symbol}",
    )
    submissions.log(
        connection, row.id, actor.username, "versioned", None,
        {"version": str(symbol), "submission_id": sid}, at,
    )
    return rows.submission_of(submissions.fetch(connection, sid))
