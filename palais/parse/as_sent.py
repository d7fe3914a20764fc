"""Stages 3 and 4 for a note verbale as a mission sends it: its parts, in order.

A UN-issued document opens with a masthead (symbol, "Distr."); a mission's own
note opens with its letterhead, reference and "NOTE VERBALE" heading, and ends
with the closing formula, place and date, stamp and the addressee block, before
an annex that may follow on the next page. ``read_parts`` reads normalised
lines and writes :class:`SentParts`: every paragraph with the part it is
(``letterhead``, ``reference``, ``heading``, ``date``, ``opening``, ``body``,
``request``, ``closing``, ``stamp``, ``addressee``) and the annex that follows.
The phrases that tell the parts apart are conventions data
(:mod:`palais.conventions.as_sent`); this module only orders what they find.

Paragraphs are joined here rather than by :func:`palais.parse.layout.join_paragraphs`,
which is tuned to UN typesetting: a note's paragraph ends at a blank line, a page
break, a line set in further than the lines around it (a Word file's first-line
indent, a date set to the right), or a sentence end on a line that stops short
of the others (one line a paragraph without blank lines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from palais.conventions.as_sent import note_phrases
from palais.parse.layout import OPENINGS, Line, join_block, right_to_left
from palais.parse.patterns import AGENDA, ANNEX_HEADING, SESSION_WORD, TYPE_TITLE

__all__ = ["Block", "SentParts", "looks_sent", "read_parts"]

_SCAN = 40
"""Paragraphs in which the opening is sought: letterheads are short."""
_SHORT = 90
"""Characters a line of letterhead, date, reference or address stays within."""
_SENTENCE_END = (".", "。", "؟", "?", "!", ":", ";", "»", "”", ")")


@dataclass(slots=True)
class Block:
    """One paragraph of the note and the part it is."""

    text: str
    page: int
    kind: str = "body"
    gap: int = 0
    """Blank lines before the paragraph."""


@dataclass(slots=True)
class SentParts:
    blocks: list[Block] = field(default_factory=list)
    annex: list[Block] = field(default_factory=list)
    annex_heading: str | None = None

    def of(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]


def looks_sent(head: str) -> bool:
    """Whether ``head`` (the beginning of a text) reads as a mission's own note: its
    compliments opening is there, and no UN cover comes before it (an "Agenda item"
    line, or a title "Note verbale dated ..." as the UN writes it), which UN-issued
    texts without their masthead (web extracts) still show."""
    # The "Agenda item" line is sought first (a literal-led pattern, fast): the opening is
    # then sought only before it, so UN covers cost little.
    lines = AGENDA.finditer(head, 0, 5000)
    cover = next((m.start() for m in lines if _cover_line(head, m.start())), 5000)
    found = note_phrases().find("compliments", head[:cover])
    if found is None:
        return False
    before = head[: found.start]
    from palais.parse.fields import find_dates

    for title in TYPE_TITLE.finditer(before):
        if any(at < 80 for at, _ in find_dates(before[title.end() : title.end() + 120])):
            return False
    return True


def _cover_line(head: str, at: int) -> bool:
    """Whether the "Agenda item" phrase at ``at`` is a UN cover's line: it opens a line, or
    follows the session line in a flattened extract ("Sixtieth session Agenda item 112")
    rather than sitting in a mission's subject line ("Subject: HRC 58, Agenda item 4")."""
    return at == 0 or head[at - 1] == "\n" or SESSION_WORD.search(head, max(0, at - 30), at) \
        is not None


def _paragraphs(lines: Sequence[Line]) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    width = max((len(ln.text) for ln in lines), default=0)

    def close() -> None:
        if current:
            blocks.append(Block(join_block(current), current[0].page, gap=current[0].gap_before))
            current.clear()

    for line in lines:
        if len(line.text) <= _SHORT and _stands_alone(line.text):
            # A reference, date, heading, stamp or annex heading is a part of its own even
            # where no blank line sets it off.
            close()
            current.append(line)
            close()
            continue
        if current:
            prev = current[-1]
            margin = min(ln.indent for ln in current)
            rtl = right_to_left(line.text)
            starts = (
                line.gap_before > 0
                or line.page != prev.page
                or (not rtl and line.indent > margin + 1 and line.indent > prev.indent + 1)
                or (prev.text.endswith(_SENTENCE_END)
                    and (len(prev.text) < 0.75 * width or OPENINGS.match(line.text)))
                # Chinese wraps anywhere, so only a short line or a full stop at the line
                # end closes a paragraph.
                or (_cjk_line(prev.text) and _cjk_line(line.text) and (
                    prev.text.endswith("。") or len(prev.text) < 0.6 * width))
            )
            if starts:
                close()
        current.append(line)
    close()
    return blocks


def read_parts(lines: Sequence[Line]) -> SentParts:
    """The parts of the note (see the module docstring)."""
    phrases = note_phrases()
    blocks = _paragraphs(lines)
    parts = SentParts()
    opening = next((i for i, b in enumerate(blocks[:_SCAN])
                    if phrases.find("compliments", b.text)), None)
    if opening is None:
        parts.blocks = blocks
        return parts
    closing = next((i for i in range(opening, len(blocks))
                    if phrases.find("closing", blocks[i].text)), None)
    for block in blocks[:opening]:
        block.kind = _before_kind(block.text)
    end = closing if closing is not None else _body_end(blocks, opening)
    for i in range(opening, end):
        blocks[i].kind = "body"
    blocks[opening].kind = "opening"
    if closing is not None:
        end = _split_closing(blocks, closing) + 1
    for block in blocks[opening + 1 : end]:
        if block.kind == "body" and phrases.find("request", block.text):
            block.kind = "request"
    tail = end
    while tail < len(blocks):
        kind = _after_kind(blocks[tail], blocks[tail - 1])
        if kind is None:
            break
        blocks[tail].kind = kind
        tail += 1
    parts.blocks = blocks[:tail]
    rest = blocks[tail:]
    if rest and ANNEX_HEADING.match(rest[0].text):
        parts.annex_heading = rest[0].text
        rest = rest[1:]
    parts.annex = rest
    return parts


def _split_closing(blocks: list[Block], at: int) -> int:
    """Where the closing formula shares a paragraph with the request, cut the paragraph
    at the closing sentence; returns the index of the closing block."""
    block = blocks[at]
    found = note_phrases().find("closing", block.text)
    assert found is not None
    cut = max(block.text.rfind(end, 0, found.start) for end in (". ", "。", "، ", "؛ "))
    if cut > 40:
        head, closing = block.text[: cut + 1].rstrip(), block.text[cut + 1 :].strip()
        if len(head) > 40 and closing:
            blocks[at : at + 1] = [Block(head, block.page, "body"),
                                   Block(closing, block.page, "closing")]
            return at + 1
    block.kind = "closing"
    return at


def _body_end(blocks: Sequence[Block], opening: int) -> int:
    """Without a closing formula the body runs to the first date line, addressee block
    or page break."""
    for i in range(opening + 1, len(blocks)):
        b = blocks[i]
        if b.page != blocks[opening].page or _before_kind(b.text) in ("date", "reference"):
            return i
        if len(b.text) < _SHORT and note_phrases().addressee(b.text):
            return i
    return len(blocks)


def _before_kind(text: str) -> str:
    phrases = note_phrases()
    if len(text) <= _SHORT and phrases.reference(text):
        return "reference"
    if phrases.is_only("heading", text):
        return "heading"
    if _is_date_line(text):
        return "date"
    if phrases.is_only("stamp", text):
        return "stamp"
    if _bare_reference(text):
        return "reference"
    return "letterhead"


def _bare_reference(text: str) -> bool:
    """A reference printed without its label ("OGE-01234"): one token of letters and
    digits joined by hyphens or slashes."""
    token = text.strip()
    return (3 < len(token) <= 40 and " " not in token and any(c.isdigit() for c in token)
            and any(c in "-/" for c in token) and token[0].isalnum())


def _after_kind(block: Block, before: Block) -> str | None:
    """The part a block after the closing formula is, or None where the annex begins."""
    phrases = note_phrases()
    text = block.text
    if block.page != before.page or ANNEX_HEADING.match(text):
        return None
    if _is_date_line(text):
        return "date"
    if phrases.is_only("stamp", text) or _initials(text):
        return "stamp"
    if len(text) <= _SHORT and phrases.reference(text):
        return "reference"
    # The addressee block names the addressee at its start, or opens or ends with its
    # address ("... Palais des Nations, Geneva"); an annex title that merely mentions Geneva
    # is no address.
    if len(text) > 2 * _SHORT:
        return None
    named = phrases.addressee(text[:80])
    address = phrases.find("address_lines", text[:40])
    tail = text.rstrip(" .,")
    ending = phrases.find("address_lines", tail, max(0, len(tail) - 40))
    while ending is not None and ending.end < len(tail):
        ending = phrases.find("address_lines", tail, ending.end)
    if (named and named[1] <= 16) or (address and address.start <= 3) or ending:
        return "addressee"
    return None


def _stands_alone(text: str) -> bool:
    phrases = note_phrases()
    return bool(
        phrases.reference(text) or phrases.is_only("heading", text)
        or phrases.is_only("stamp", text) or _initials(text) or _is_date_line(text)
        or ANNEX_HEADING.match(text) or _bare_reference(text)
    )


def _cjk_line(text: str) -> bool:
    return "\u4e00" <= text[0] <= "\u9fff"


def _initials(text: str) -> bool:
    """Initials under a signature ("K.A./mm"): a few letters with dots or slashes."""
    stripped = text.strip()
    return (len(stripped) <= 12 and " " not in stripped
            and ("/" in stripped or stripped.count(".") >= 2)
            and stripped[:1].isupper() and sum(c.isalpha() for c in stripped) <= 6
            and not any(c.isdigit() for c in stripped))


def _is_date_line(text: str) -> bool:
    from palais.parse.fields import find_dates

    if len(text) > _SHORT:
        return False
    found = find_dates(ordinal_days(text))
    if not found:
        return False
    letters = sum(c.isalpha() for c in text)
    if letters < 30:
        return True
    # "Geneva, 20 February 2025", "г. Женева, …", "2025年9月15日于日内瓦": the place opens or
    # closes the line.
    place = note_phrases().find("places", text)
    return place is not None and (place.start <= 3 or place.end >= len(text.rstrip(" .")))


_ORDINAL_DAY = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b(?:\s+of\b)?", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?!\d)")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def ordinal_days(text: str) -> str:
    """A date line as the date reader reads it: English ordinal days as numbers ("27th of
    March" -> "27 March") and numeric dates, day first as in every UN language's usage
    ("24.06.2024", "20/02/2025"), with the month named; Russian quotation marks round the
    day ("«24» июня") dropped. Positions are not kept, so only
    for reading dates."""
    text = _ORDINAL_DAY.sub("", text).replace("«", "").replace("»", "")
    return _NUMERIC_DATE.sub(_named_month, text)


def _named_month(m: re.Match[str]) -> str:
    day, month = int(m[1]), int(m[2])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m[0]
    return f"{day} {_MONTHS_EN[month - 1]} {m[3]}"
