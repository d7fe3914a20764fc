"""Points to check: what intake and the parser say about a document they read.

A point is kept in the record as an English sentence (``warnings``, a list of
strings every program reading records understands), most of them prefixed by
the field they are about ("reference: “Ref. 12/2024”, as printed"). Each sentence
is written here from one of :data:`TEMPLATES`, with ``%(name)s`` placeholders for
what was read, so that a page can read a sentence back into its template and
values (:func:`read`) and print the template's translation with the same values:
the mission reads "tel qu'imprimé" beside its reference, and the record keeps
what it always held. A sentence written before a template existed, or by another
program, reads back as nothing and is shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_WRITTEN: list[str] = []


def N_(template: str) -> str:
    """A template of a point: kept in :data:`TEMPLATES`; the name is the keyword Babel
    extracts messages by, so every template is in the pages' catalogues."""
    _WRITTEN.append(template)
    return template


# One sentence each; the field a point is about is written before it, "field: ".
LANGUAGE_READ = N_("%(language)s, the language of the note's paragraphs")
LANGUAGE_UNKNOWN = N_("not recognised: the note has too little text")
ANNEX_IN = N_("one annex, in %(language)s, after the addressee block")
ANNEX_UNKNOWN_LANGUAGE = N_("one annex, in a language not recognised, after the addressee block")
ANNEX_MENTIONED = N_(
    "the note mentions an annex but none follows it: it may be a separate file; attach it or "
    "say there is none"
)
NONE = N_("none")
TITLE_WRITTEN = N_("the UN title, written from the conventions (date, mission, addressee)")
TITLE_NOT_WRITTEN = N_(
    "not written: the UN title needs the note's date, the sending mission and an addressee "
    "the conventions have a title for"
)
TITLE_MISSING_FIELDS = N_("not written: the date, the State or the addressee is missing")
READ_BY_OCR = N_("read by OCR, mean confidence %(confidence)s%%")
NO_OPENING = N_("no compliments opening found: is this a note verbale?")
SESSION_UNKNOWN = N_("session %(number)s is not in the session calendar")
SPECIAL_SESSION_UNKNOWN = N_("special session %(number)s is not in the session calendar")
SESSION_DATES = N_("those of the session, from the session calendar")
SPECIAL_SESSION_DATES = N_("those of the special session, from the session calendar")
SESSION_DATES_DIFFER = N_(
    "session %(number)s dates printed %(printed)s differ from the calendar %(known)s"
)
SPECIAL_SESSION_DATES_DIFFER = N_(
    "special session %(number)s dates printed %(printed)s differ from the calendar %(known)s"
)
AS_PRINTED = N_("“%(text)s”, as printed")
UNLABELLED_NUMBER = N_(
    "“%(text)s”, a number printed without a label above the note: check it is the reference"
)
NO_REFERENCE = N_("not found: the note prints no reference number")
DATE_AT_TOP = N_("the date line at the top, “%(text)s”")
DATE_AT_END = N_("the date line at the end, “%(text)s”")
NO_DATE = N_("not found: no date line (place and date) was recognised")
GROUP_WITH_MISSION = N_(
    "none: sent on behalf of a group of States (%(group)s); the mission is %(state)s"
)
GROUP = N_("none: sent on behalf of a group of States (%(group)s)")
FROM_OPENING = N_("%(value)s, from the opening paragraph")
FROM_LETTERHEAD = N_("%(value)s, from the letterhead")
NO_STATE = N_("not found: no State is named in the opening or the letterhead")
FROM_ADDRESSEE_BLOCK = N_("%(value)s, from the addressee block")
NO_ADDRESSEE = N_("not found: neither the opening nor an addressee block names it")
NOT_A_COUNCIL_DOCUMENT = N_("none: the note does not ask to be circulated as a Council document")
NOT_TO_CIRCULATE = N_("none: the note does not ask to be circulated")
FROM_REQUEST = N_("%(value)s, from the request to circulate")
SPECIAL_FROM_REQUEST = N_("%(value)s (a special session), from the request to circulate")
NOT_IN_REQUEST = N_("not found in the request to circulate")
NO_AGENDA_ITEM = N_("not found: the request to circulate names no agenda item")
CORRECTED = N_("corrected by the sender")
OCR_UNSURE = N_("OCR was unsure of some words there (%(words)s): check it")
NO_COVER_PARAGRAPHS = N_("no cover paragraphs recognised")
MIXED_ENCODINGS = N_(
    "%(name)s mixes encodings: some lines are %(first)s, others %(second)s; each line was read "
    "in its own encoding, check the text"
)
CONTROLS_REMOVED = N_(
    "%(name)s: %(count)s control character(s) removed (invisible codes no document can hold)"
)

TEMPLATES: tuple[str, ...] = tuple(_WRITTEN)
"""Every sentence a point is written from."""

_OCR_JOIN = "; "
_PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%")


@dataclass(frozen=True, slots=True)
class Point:
    """A point read back: the field it is about (None: the document as a whole), its
    template and values, and the OCR note on the words it was read from."""

    field: str | None
    template: str
    values: dict[str, str]
    unsure: str | None = None  # the doubtful words, when OCR was unsure of them


def say(template: str, /, field: str | None = None, unsure: str | None = None,
        **values: object) -> str:
    """The English sentence of a point: ``template`` with ``values``, after ``field: ``,
    followed by the OCR note when ``unsure`` names doubtful words."""
    text = template % {k: str(v) for k, v in values.items()}
    if unsure:
        text += _OCR_JOIN + OCR_UNSURE % {"words": unsure}
    return f"{field}: {text}" if field else text


def read(text: str) -> Point | None:
    """The point ``text`` says (the inverse of :func:`say`); None for a sentence no
    template writes."""
    field, _, said = text.partition(": ")
    candidates: list[tuple[str | None, str]] = (
        [(field, said)] if said and re.fullmatch(r"[a-z_]+", field) else []
    )
    candidates.append((None, text))
    for where, sentence in candidates:
        unsure = None
        head, joined, tail = sentence.rpartition(_OCR_JOIN)
        if joined and (note := _match(tail)) and note[0] == OCR_UNSURE:
            sentence, unsure = head, note[1]["words"]
        found = _match(sentence)
        if found is not None:
            return Point(where, found[0], found[1], unsure)
    return None


def _match(sentence: str) -> tuple[str, dict[str, str]] | None:
    for template, pattern in _patterns():
        m = pattern.fullmatch(sentence)
        if m:
            return template, m.groupdict()
    return None


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each template as a pattern, those with the most fixed text first, so that
    "41 (a special session), from the request…" is not read as a plain value."""

    def pattern(template: str) -> re.Pattern[str]:
        out, at = [], 0
        for m in _PLACEHOLDER.finditer(template):
            out.append(re.escape(template[at:m.start()]))
            out.append(f"(?P<{m[1]}>.+?)" if m[1] else "%")
            at = m.end()
        out.append(re.escape(template[at:]))
        return re.compile("".join(out), re.DOTALL)

    fixed = {t: len(_PLACEHOLDER.sub("", t)) for t in TEMPLATES}
    return tuple((t, pattern(t)) for t in sorted(TEMPLATES, key=lambda t: -fixed[t]))
