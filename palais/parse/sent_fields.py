"""Stage 5 for a note as sent: the record's fields, each saying where it was read.

Reads :class:`~palais.parse.as_sent.SentParts` and writes a
:class:`palais.model.Document` whose cover holds the paragraphs the UN keeps
(the opening through the request, as the mission wrote them) and whose title
is the UN title written from the conventions. The letterhead, reference,
heading, closing formula, place and date, stamp and addressee block stay in the
file as received and never reach the cover.

Every field gets one line in ``warnings``, "field: ..." (the mission's preview
shows each beside its field): where the value was read, or that it could not be
read and why. Where the text came from OCR, a field read from a paragraph with
words of low confidence says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from palais import points
from palais.conventions import find_state, formulae, load_calendar
from palais.conventions.as_sent import note_phrases, note_title
from palais.errors import UnknownSession
from palais.intake.source import OcrNotes
from palais.model import Body, DocType, Document, Footnote, Part, PartKind, Party
from palais.parse.as_sent import Block, SentParts, ordinal_days
from palais.parse.detect import detect_language
from palais.parse.fields import find_dates, is_special_session, session_number

__all__ = ["OcrNotes", "corrected", "sent_document"]

_SPANISH_ORDINAL = re.compile(r"(\d)\.\s*(º|°|ª|o)")
""""57.º período de sesiones": the abbreviation's dot, which the session reader does not expect."""


class _Fields:
    def __init__(self, ocr: OcrNotes | None) -> None:
        self.ocr = ocr
        self.warnings: list[str] = []

    def said(self, name: str, template: str, source: str | None = None,
             **values: object) -> None:
        """Where ``name`` was read (a template of :mod:`palais.parse.points`), noting the
        words of ``source`` OCR was unsure of."""
        doubtful = self._doubtful(source) if source else ()
        unsure = ", ".join(sorted(doubtful)[:4]) if doubtful else None
        self.warnings.append(points.say(template, field=name, unsure=unsure, **values))

    def _doubtful(self, text: str) -> list[str]:
        if self.ocr is None:
            return []
        return [w for w in set(text.split()) if w in self.ocr.doubtful]


def sent_document(parts: SentParts, ocr: OcrNotes | None = None) -> Document:
    """The record of a note as sent (see the module docstring)."""
    f = _Fields(ocr)
    phrases = note_phrases()
    kept = [b for b in parts.blocks if b.kind in ("opening", "body", "request")]
    opening = next((b for b in parts.blocks if b.kind == "opening"), None)
    language = detect_language(" ".join(b.text for b in kept)) if kept else None
    if language:
        f.said("language", points.LANGUAGE_READ, language=language.value)
    else:
        f.said("language", points.LANGUAGE_UNKNOWN)

    reference = _reference(parts.blocks, f)
    doc_date = _date(parts.blocks, f)
    sender, mission, group = _sender(parts.blocks, opening, f)
    addressee = _addressee(parts.blocks, opening, f)
    request = next((b for b in kept if b.kind == "request"), None)
    if request is None and opening is not None and phrases.find("request", opening.text):
        request = opening  # a short note asks for circulation in its opening sentence
    session, agenda, special = _session_and_agenda(request, kept, f)

    annex_text = " ".join(b.text for b in parts.annex)
    annexes: tuple[Part, ...] = ()
    if parts.annex:
        annex_language = detect_language(annex_text[:1500])
        annexes = (Part(PartKind.ANNEX, annex_language, tuple(b.text for b in parts.annex),
                        title=parts.annex_heading),)
        if annex_language:
            f.said("annexes", points.ANNEX_IN, language=annex_language.value)
        else:
            f.said("annexes", points.ANNEX_UNKNOWN_LANGUAGE)
    elif kept and any(phrases.find("annex_mentions", b.text) for b in kept):
        f.said("annexes", points.ANNEX_MENTIONED)
    else:
        f.said("annexes", points.NONE)

    new_york = bool(opening and phrases.find("new_york", opening.text[:400]))
    title = None
    if language and doc_date and mission and addressee:
        title = note_title(language, doc_date, mission, addressee, new_york=new_york)
    if title:
        f.said("title", points.TITLE_WRITTEN)
    else:
        f.said("title", points.TITLE_NOT_WRITTEN)
    if ocr is not None:
        f.said("text", points.READ_BY_OCR, confidence=f"{ocr.confidence:.0f}")
    footnotes: tuple[Footnote, ...] = ()
    if annexes and language:
        footnotes = (Footnote("*", formulae(language).reproduced_footnote),)
    cover = Part(PartKind.COVER, language, tuple(b.text for b in kept), title=title,
                 footnotes=footnotes)
    if not kept:
        f.said("paragraphs", points.NO_OPENING)
    return Document(
        session_dates=_calendar_dates(session, special, f),
        doc_type=DocType.NOTE_VERBALE,
        parts=(cover, *annexes),
        body=Body.HRC if addressee in ("OHCHR", "PHRC") or session else None,
        session=session,
        agenda_items=agenda,
        doc_date=doc_date,
        sender=Party(sender) if sender else None,
        senders=(Party(mission),) if group and mission else (),
        addressee=addressee,
        language=language,
        original_language=language,
        title=title,
        reproduced_as_received=True if annexes else None,
        reference=reference,
        on_behalf_of=group,
        ocr_confidence=ocr.confidence if ocr else None,
        warnings=tuple(f.warnings),
    )


def _calendar_dates(
    session: int | None, special: bool, f: _Fields
) -> tuple[date, date] | None:
    """A note names its session by number only; the cover prints its dates, which the
    session calendar holds."""
    if session is None:
        return None
    try:
        known = load_calendar().session(session, special=special)
    except UnknownSession:
        f.said("session_dates", points.SPECIAL_SESSION_UNKNOWN if special
               else points.SESSION_UNKNOWN, number=session)
        return None
    f.said("session_dates", points.SPECIAL_SESSION_DATES if special else points.SESSION_DATES)
    return known.opening, known.closing


def _reference(blocks: Sequence[Block], f: _Fields) -> str | None:
    phrases = note_phrases()
    for block in blocks:
        if block.kind == "date":
            # "8 July 2020      Ref: GEN-HR/2020/64": a reference set on the date's line.
            starts = [i + 1 for i, c in enumerate(block.text) if c == " "]
            found = next((hit for i in starts if (hit := phrases.reference(block.text[i:]))
                          and hit[1] is not None), None)
            if found:
                f.said("reference", points.AS_PRINTED, block.text, text=block.text)
                return found[0]
        if block.kind != "reference":
            continue
        found = phrases.reference(block.text) or (block.text.strip(), None)
        if found[1] is None:
            f.said("reference", points.UNLABELLED_NUMBER, block.text, text=block.text)
            return found[0]
        if found:
            value = found[0]
            dates = find_dates(value)
            if dates and dates[0][0] > 0:
                # "Ref: X      8 July 2020": a date set on the reference's line.
                value = value[: dates[0][0]].rstrip(" ,")
            f.said("reference", points.AS_PRINTED, block.text, text=block.text)
            return value
    f.said("reference", points.NO_REFERENCE)
    return None


def _date(blocks: Sequence[Block], f: _Fields) -> date | None:
    for block in blocks:
        if block.kind in ("date", "reference") or block.kind == "letterhead":
            found = find_dates(ordinal_days(block.text))
            if found and (block.kind == "date" or len(block.text) < 90):
                where = points.DATE_AT_TOP if _before_opening(blocks, block) else \
                    points.DATE_AT_END
                f.said("doc_date", where, block.text, text=block.text)
                return found[0][1]
    f.said("doc_date", points.NO_DATE)
    return None


def _before_opening(blocks: Sequence[Block], block: Block) -> bool:
    for b in blocks:
        if b is block:
            return True
        if b.kind == "opening":
            return False
    return False


def _sender(
    blocks: Sequence[Block], opening: Block | None, f: _Fields
) -> tuple[str | None, str | None, str | None]:
    """(sender State, mission's State, group) where a group note has no single sender."""
    phrases = note_phrases()
    mission = None
    if opening is not None:
        found = phrases.find("compliments", opening.text)
        before = opening.text[: found.start] if found else opening.text[:300]
        mission = find_state(before)
        group = phrases.find("group", before)
        if group is not None:
            name = re.split(r"[,،，]", before[group.end:], maxsplit=1)[0].strip()
            if mission:
                f.said("sender_state", points.GROUP_WITH_MISSION, before, group=name,
                       state=mission)
            else:
                f.said("sender_state", points.GROUP, group=name)
            return None, mission, name or None
        if mission:
            f.said("sender_state", points.FROM_OPENING, before, value=mission)
            return mission, mission, None
    for block in blocks:
        if block.kind == "letterhead" and (mission := find_state(block.text)):
            f.said("sender_state", points.FROM_LETTERHEAD, block.text, value=mission)
            return mission, mission, None
    f.said("sender_state", points.NO_STATE)
    return None, None, None


def _addressee(blocks: Sequence[Block], opening: Block | None, f: _Fields) -> str | None:
    phrases = note_phrases()
    if opening is not None:
        # The whole paragraph: Chinese names the addressee before the compliments (向…致意).
        hit = phrases.addressee(opening.text[:600])
        if hit:
            f.said("addressee", points.FROM_OPENING, value=hit[0])
            return hit[0]
    for block in blocks:
        if block.kind == "addressee" and (hit := phrases.addressee(block.text)):
            f.said("addressee", points.FROM_ADDRESSEE_BLOCK, value=hit[0])
            return hit[0]
    f.said("addressee", points.NO_ADDRESSEE)
    return None


def _session_and_agenda(
    request: Block | None, kept: Sequence[Block], f: _Fields
) -> tuple[int | None, tuple[int, ...], bool]:
    """Session, agenda items and whether the session is a special one, from the request."""
    phrases = note_phrases()
    if request is None:
        f.said("session", points.NOT_A_COUNCIL_DOCUMENT)
        f.said("agenda_items", points.NOT_TO_CIRCULATE)
        return None, (), False
    text = _SPANISH_ORDINAL.sub(r"\1\2", request.text)
    asked = phrases.find("request", text)
    begin = asked.start if asked else 0
    scoped = session_number(text[begin:])
    found = (scoped[0], scoped[1] + begin) if scoped else session_number(text)
    session = found[0] if found else None
    special = found is not None and is_special_session(text, found[1])
    if session:
        f.said("session", points.SPECIAL_FROM_REQUEST if special else points.FROM_REQUEST,
               request.text, value=session)
    else:
        f.said("session", points.NOT_IN_REQUEST)
    agenda = phrases.agenda_items(text)
    if agenda:
        f.said("agenda_items", points.FROM_REQUEST, request.text,
               value=", ".join(map(str, agenda)))
    else:
        f.said("agenda_items", points.NO_AGENDA_ITEM)
    return session, agenda, special



def corrected(doc: Document, changed: Sequence[str]) -> Document:
    """``doc`` after its sender corrected the fields named in ``changed``: each of those
    says so in ``warnings`` instead of where it was read, and a note verbale's UN title
    is written again from the corrected date, State, addressee and language."""
    if not changed:
        return doc
    kept = [w for w in doc.warnings if w.split(":", 1)[0] not in (*changed, "title")]
    notes = [points.say(points.CORRECTED, field=name) for name in changed]
    title = doc.title
    mission = doc.sender.iso3 if doc.sender else (doc.senders[0].iso3 if doc.senders else None)
    if doc.doc_type is DocType.NOTE_VERBALE and doc.language and doc.doc_date and mission \
            and doc.addressee:
        opening = doc.paragraphs[0] if doc.paragraphs else ""
        new_york = note_phrases().find("new_york", opening[:400]) is not None
        title = note_title(doc.language, doc.doc_date, mission, doc.addressee,
                           new_york=new_york) or title
    said = points.say(points.TITLE_WRITTEN if title else points.TITLE_MISSING_FIELDS,
                      field="title")
    return replace(doc, title=title, original_language=doc.language,
                   warnings=(*kept, *notes, said))
