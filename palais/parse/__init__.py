"""Parse the text of a UN document into a :class:`palais.model.Document`.

The pipeline, one module a stage, each reading what the previous one wrote::

    layout.normalise_lines   text/pages -> Line (folded, indent, page, blank lines)
    layout.strip_running     Lines -> Lines without page furniture (running symbol,
                             page numbers, job number footer)
    structure.build_tree     Lines -> Tree (header, title, paragraphs, footnotes, annexes),
                             joining lines into paragraphs with layout.join_paragraphs
    fields                   Tree + cover text -> Document fields
    detect                   part text -> Language (script shortcut, then lingua)

A mission's own note (no masthead, a compliments opening) takes its own stages
after the first: ``as_sent.read_parts`` (Lines -> the note's parts: letterhead,
reference, heading, opening, body, request, closing, date, stamp, addressee,
annex) and ``sent_fields`` (parts -> Document, each field saying where it was read).

Total: any text that is not empty gives a Document, with ``warnings`` saying
what could not be read; only empty or blank input raises ParseError.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from palais import points
from palais.conventions import load_calendar
from palais.errors import ParseError, UnknownSession
from palais.model import Body, DocType, Document, Footnote, Part, PartKind, Party
from palais.parse import fields
from palais.parse.as_sent import looks_sent, read_parts
from palais.parse.detect import detect_language
from palais.parse.layout import normalise_lines, strip_running
from palais.parse.sent_fields import OcrNotes, sent_document
from palais.parse.structure import Tree, build_tree, render

__all__ = ["OcrNotes", "Parsed", "parse_source", "parse_text", "parse_tree", "render"]

MAX_INPUT = 400_000
"""Characters read from one input: covers and annexes sit far inside this."""


class _Source(Protocol):
    """What parse_source reads of :class:`palais.intake.Source` (a frozen dataclass)."""

    @property
    def text(self) -> str: ...

    @property
    def pages(self) -> tuple[str, ...] | None: ...


@dataclass(frozen=True, slots=True)
class Parsed:
    tree: Tree
    document: Document


def parse_text(
    text: str,
    *,
    pages: Sequence[str] | None = None,
    source_name: str | None = None,
    ocr: OcrNotes | None = None,
) -> Document:
    """Parse ``text`` (pages joined by form feeds, or given as ``pages``); ``ocr`` says
    the text was read from images, and which words OCR was unsure of."""
    return parse_tree(text, pages=pages, source_name=source_name, ocr=ocr).document


def parse_source(src: _Source) -> Document:
    """Parse what :func:`palais.intake.read_path` or ``read_bytes`` returned."""
    # ``ocr`` is set by palais.intake on a scan; other sources may not carry it.
    return parse_text(src.text, pages=src.pages or None, ocr=getattr(src, "ocr", None))


def parse_tree(
    text: str,
    *,
    pages: Sequence[str] | None = None,
    source_name: str | None = None,
    ocr: OcrNotes | None = None,
) -> Parsed:
    """Parse and keep the intermediate tree (for ``palais parse --emit tree``)."""
    if not isinstance(text, str) or not (text.strip() or (pages and any(p.strip() for p in pages))):
        where = f" {source_name}" if source_name else ""
        raise ParseError("input%(where)s is empty: there is no document to parse", where=where)
    text = text[:MAX_INPUT]
    if pages:
        pages = [p[:MAX_INPUT] for p in pages]
    lines = normalise_lines(text, pages)
    head = "\n".join(line.text for line in lines)[: fields.HEAD]
    if not fields.has_distr(head) and looks_sent(head):
        # A mission's own note: no masthead, so no UN-issued document (module docstring).
        parts = read_parts(lines)
        if parts.of("opening"):
            tree = Tree(pages=max((ln.page for ln in lines), default=1))
            tree.sent = [(b.kind, b.text) for b in parts.blocks]
            tree.sent += [("annex", b.text) for b in parts.annex]
            return Parsed(tree, sent_document(parts, ocr))
    # Page furniture is left out of the structure but kept for the cover fields: the job
    # number is read from the first page's footer.
    tree = build_tree(strip_running(lines))
    return Parsed(tree, _document(tree, head))


def _document(tree: Tree, head: str) -> Document:
    warnings: list[str] = []
    header_text = "\n".join(t for _, t in tree.header)
    sym = fields.symbol(head)
    session = fields.session_number(header_text) or fields.session_number(head)
    body = fields.body_of(sym, head, _position(head, header_text, session))
    dtype, type_at = fields.doc_type(sym, (tree.title or "") + "\n" + head)
    title = tree.title or _title_from(head, type_at - len(tree.title or "") - 1)
    is_comm = dtype in (DocType.NOTE_VERBALE, DocType.LETTER)
    doc_date = None
    if is_comm and title:
        dates = fields.find_dates(title)
        doc_date = dates[0][1] if dates else None
    if doc_date is None:
        doc_date = fields.document_date(head)
    sdates = fields.session_dates(header_text) or (
        fields.session_dates(head[:1500]) if session else None
    )
    if sdates is None and session:
        sdates = fields.special_session_day(head, session[1])
    senders = fields.senders(title) if is_comm and title else ()
    addressee = fields.addressee(title) if is_comm and title else None
    cover_text = " ".join([tree.title or "", *tree.paragraphs[:3]]) or head
    language = detect_language(cover_text) or detect_language(head)
    annexes = _annexes(tree, head, is_comm)
    reproduced = fields.reproduced(head + " ".join(t for _, t in tree.footnotes))
    reproduced_as_received: bool | None = True if reproduced else None
    if not reproduced and annexes and fields.has_distr(head):
        reproduced_as_received = False
    if session and sdates and body is Body.HRC:
        special = fields.is_special_session(head, session[1])
        warnings += _check_calendar(session[0], sdates, special)
    if not tree.paragraphs:
        warnings.append(points.say(points.NO_COVER_PARAGRAPHS))
    agenda = fields.agenda_items(header_text) or fields.agenda_items(head)
    cover = Part(
        PartKind.COVER, language, tuple(tree.paragraphs), title=title,
        footnotes=tuple(Footnote(m, t) for m, t in tree.footnotes),
    )
    return Document(
        doc_type=dtype,
        parts=(cover, *annexes),
        symbol=sym,
        body=body,
        session=session[0] if session else None,
        session_dates=sdates,
        agenda_items=agenda,
        doc_date=doc_date,
        sender=Party(senders[0]) if len(senders) == 1 else None,
        senders=tuple(Party(s) for s in senders) if len(senders) > 1 else (),
        addressee=addressee,
        language=language,
        original_language=fields.original_language(head),
        title=title,
        reproduced_as_received=reproduced_as_received,
        job_number=fields.job_number(head),
        warnings=tuple(warnings),
    )


def _position(head: str, header_text: str, session: tuple[int, int] | None) -> int | None:
    if session is None:
        return None
    if header_text:
        found = fields.session_number(head)
        return found[1] if found else None
    return session[1]


def _title_from(head: str, at: int) -> str | None:
    """In flattened text, the title runs from its type phrase to the body's opening."""
    if at < 0:
        return None
    from palais.parse.layout import OPENINGS

    chunk = head[at : at + 400]
    cut = len(chunk)
    for i in range(20, len(chunk)):
        if chunk[i - 1] in " \n" and OPENINGS.match(chunk[i:]):
            cut = i
            break
    return " ".join(chunk[:cut].split()) or None


def _annexes(tree: Tree, head: str, is_comm: bool) -> list[Part]:
    parts = [
        Part(PartKind.ANNEX, detect_language(" ".join(a.paragraphs[:3]) or a.heading),
             tuple(a.paragraphs), title=a.heading, subtitle=a.subtitle)
        for a in tree.annexes
    ]
    if parts or not is_comm:
        return parts
    import re

    m = re.search(r"Annex to the (?:note verbale|letter)|Annexe à la (?:note verbale|lettre)|"
                  r"Приложение к (?:вербальной ноте|письму)|"
                  r"Anexo de la (?:nota verbal|carta)", head)
    if not m:
        return []
    rest = head[m.start():]
    return [Part(PartKind.ANNEX, detect_language(rest[200:1400] or rest), (), title=None)]


def _check_calendar(number: int, printed: tuple[Any, Any], special: bool) -> list[str]:
    """Compare a Council session's printed dates with the conventions calendar."""
    calendar = load_calendar()
    try:
        known = calendar.session(number, special=special)
    except UnknownSession:
        return [points.say(points.SPECIAL_SESSION_UNKNOWN if special else points.SESSION_UNKNOWN,
                           number=number)]
    # Covers print the scheduled dates, the dates met once a session has closed on
    # another day, or the first to the last day of a session met in parts.
    printable = {(known.opening, known.closing), (known.opening, known.actual_closing)}
    parts = () if special else calendar.parts.get(number, ())
    if parts:
        printable.add((parts[0][0], parts[-1][1]))
    if tuple(printed) not in printable:
        return [points.say(
            points.SPECIAL_SESSION_DATES_DIFFER if special else points.SESSION_DATES_DIFFER,
            number=number, printed=f"{printed[0]}..{printed[1]}",
            known=f"{known.opening}..{known.closing}",
        )]
    return []
