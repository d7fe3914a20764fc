"""Stages 1 and 2: printed lines, then paragraphs.

``normalise_lines`` reads raw text (pages separated by form feeds) and writes
:class:`Line` values: white space folded, indentation and page kept, blank lines
counted as ``gap_before``. Very long lines are cut so later regular expressions
stay linear in the input.

``join_paragraphs`` reads lines and writes paragraph strings. Text extracted
from UN PDFs often puts a blank line after every printed line (both seeds do),
so a blank line alone cannot mark a paragraph end; a paragraph ends when

* the line ends a sentence (``.``, ``:``, ``;``, ``?``, ``!``, closing quote)
  and the next one starts with a capital, digit or bullet;
* the next line is indented more than the part's left margin (pdftotext keeps
  the first-line indent of UN headings and paragraphs), unless it goes on at
  the column of a line before it that ended no sentence (a title set in from
  the margin as a block);
* the next line opens a communication ("The Permanent Mission …") – titles of
  notes carry no full stop, so this is how a title is told from the body;
* a short line without final punctuation is followed by a full-width line
  starting with a capital (the end of a heading set ragged-right);
* in text that is *not* double spaced, a blank line.

A hyphen ending a line before a lower-case letter is a word broken at the line
end and is removed ("counter-" + "measures" -> "countermeasures"). Chinese puts
no space between words, so where a line joined on either side is a Chinese
character or full-width sign, the lines meet without one.

Two traits of ``pdftotext -layout`` extracts shape the indentation rules. It
places characters on a grid of columns, so a line can come out a column left
of its neighbours (a typesetter narrows an opening bracket at line start by
half an em: a Chinese "（见附件）" line sits one column left of the margin):
only an indentation of more than :data:`INDENT_NOISE` columns counts. And
right-to-left lines (Arabic) are right-aligned or justified to the right
edge, while the columns count from the left; how far such a line starts from
the left depends on its length and on glyph widths the character count does
not follow (justified Arabic lines of one paragraph end up to ten columns
apart), so the left indentation of a right-to-left line says nothing and is
not read.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

INDENT_NOISE = 1
"""Columns of indentation that ``-layout`` extraction adds or loses by rounding."""

RAGGED_FIT = 0.8
"""Share of a block's widest line (in characters) that a line and the next line's
first word must stay within for that word to have fitted: proportional type puts
more narrow letters on some lines than on others."""

MAX_LINE = 4000
"""Longer printed lines are cut: no UN printed line is this long, so only
pathological input is affected, and every later stage stays bounded."""

_SENTENCE_END = re.compile(r"[.:;?!。؟»”\")\]]\s*$")
_STARTS_NEW = re.compile(r"^[\"“«(\[•\-–*0-9A-ZÀ-ÖØ-ÞА-ЯЁ\u0600-\u06ff\u4e00-\u9fff]")
_STARTS_UPPER = re.compile(r"^[\"“«(A-ZÀ-ÖØ-ÞА-ЯЁ\u0600-\u06ff\u4e00-\u9fff]")
_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])-$")
_STARTS_LOWER = re.compile(r"^[a-zà-öø-ÿа-яё]")
_LETTER = re.compile(r"[^\W\d_]")
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Direction marks and embeddings (pdftotext wraps every run of the other direction in
them): invisible, and between a number and its word they would defeat every pattern."""
_BIDI_MARKS = tuple("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# First words of the body of a note verbale or letter, six languages (UN formulae:
# "The Permanent Mission … presents its compliments", "I have the honour").
OPENINGS = re.compile(
    r"^(?:The (?:Permanent |Observer )?(?:Mission|Delegation|Embassy|Representative)|"
    r"I have the honour|On instructions|I write|I would like|I wish|"
    r"La (?:Mission|Délégation|Representación|Misión|Delegación|Embajada)|L['’]Ambassade|"
    r"J['’]ai l['’]honneur|D['’]ordre de|Le Représentant|"
    r"Постоянное представительство|Постоянный представитель|Имею честь|По поручению|"
    r"Tengo el honor|Siguiendo instrucciones|El Representante|"
    r"تهدي|يشرفني|بناء على تعليمات|"
    r"[\u4e00-\u9fff]{2,12}常驻|谨)"
)


_FURNITURE_ITEM = (
    r"(?:[A-Z]{1,5}(?:\.\d{1,2})?(?:/[A-Z0-9][A-Za-z0-9.\-]{0,24}){1,7}"  # symbol A/HRC/41/G/7
    r"|\)?(?:GE\.)?\d\d-\d{5}(?:\s*\([A-Z]\)?)?"  # job number, "(E)" reversed in Arabic
    r"|\*\d{7,}\*"  # the job number's bar code as text
    r"|\d{1,4})"  # page number
)
_FURNITURE = re.compile(rf"{_FURNITURE_ITEM}(?:\s+{_FURNITURE_ITEM})*")
_PAGE_NUMBER = re.compile(r"[-–—]?\s*(\d{1,4})\s*[-–—]?")
_DIGITS = re.compile(r"\d+")
_NUMBERS = re.compile(r"[\d\s]+")
_CLOSES_SENTENCE = re.compile(r"[.:;?!。؟]$")
_TOP_FURNITURE = 2
"""Lines at the head of a page that may be running furniture: the symbol, a page number."""
_FOOT_FURNITURE = 3
"""Lines at the foot of a page that may be furniture: page number, job number, bar code."""


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line: folded text, its indentation, page and blank lines before it."""

    text: str
    indent: int
    page: int
    gap_before: int


def normalise_lines(text: str, pages: Sequence[str] | None = None) -> list[Line]:
    """Split ``text`` (or ``pages``) into folded, non-blank :class:`Line` values."""
    page_texts = list(pages) if pages else text.split("\f")
    out: list[Line] = []
    for page_no, page in enumerate(page_texts, start=1):
        gap = 0
        if any(mark in page for mark in _BIDI_MARKS):  # substring search beats a regex scan
            page = _BIDI_CONTROLS.sub("", page)
        for raw in page.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            raw = raw[:MAX_LINE]
            if "\u00ad" in raw:
                # A soft hyphen ending a line is where a typesetter broke the word
                # (pdftotext keeps it): it becomes a hyphen, which ``_glue`` removes.
                raw = raw.rstrip().removesuffix("\u00ad").replace("\u00ad", "") + (
                    "-" if raw.rstrip().endswith("\u00ad") else "")
            stripped = raw.strip()
            if not stripped:
                gap += 1
                continue
            indent = len(raw) - len(raw.lstrip())
            # str.split() folds every Unicode space (no-break, ideographic) in C.
            out.append(Line(" ".join(stripped.split()), indent, page_no, gap))
            gap = 0
    return out


def strip_running(lines: Sequence[Line]) -> list[Line]:
    """``lines`` without the furniture printed at the edges of pages.

    A page of a UN document after the first opens with the running symbol
    ("A/HRC/41/G/7") and ends with its number; the first page ends with the job
    number ("GE.19-10234(E)", its bar code). Extraction gives them as lines among
    the text, where they would become paragraphs, or be glued to the last
    paragraph or footnote of a page and to the first one of the next. So the
    lines at the head of pages after the first and at the foot of every page are
    dropped while they are made only of symbols, job numbers, bar codes and
    numbers, where a number alone must be the page's own number (counting from
    the first page, or from an offset at least two pages share, for an excerpt).

    Then a running line no pattern knows (a running title, "Page 2 of 5") goes
    too, when the outermost line left at one edge is the same (numbers aside) on
    every one of at least two pages after the first, set off from the text by a
    blank line each time, ending no sentence and not going on with one (in lower
    case). Each condition keeps body text that happens to repeat (a document
    quoting the same paragraph twice) in place: its lines run on from the text, or
    end a sentence or go on with one, or do not stand on every page.

    The head of the first page is the cover's masthead and is never touched. The
    first line under a dropped header loses its blank lines before it: they are the
    page's top margin, and in text that is not double spaced they would end the
    paragraph the page break cut.
    """
    pages: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        pages.setdefault(line.page, []).append(i)
    first = min(pages, default=1)
    offsets = _page_number_offsets(lines, pages, first)
    kept: dict[int, list[int]] = {}
    for page, at in pages.items():
        top = 0
        if page != first:
            while top < min(_TOP_FURNITURE, len(at)) and _furniture(lines[at[top]], offsets):
                top += 1
        end = len(at)
        while end > max(top, len(at) - _FOOT_FURNITURE) and _furniture(lines[at[end - 1]],
                                                                       offsets):
            end -= 1
        kept[page] = at[top:end]
    later = [kept[page] for page in pages if page != first]
    if len(later) >= 2 and all(len(at) >= 2 for at in later):
        if _repeated(lines, [(at[0], lines[at[1]].gap_before > 0) for at in later]):
            for at in later:
                del at[0]
        if _repeated(lines, [(at[-1], lines[at[-1]].gap_before > 0) for at in later]):
            running = _DIGITS.sub("0", lines[later[0][-1]].text)
            for at in later:
                del at[-1]
            cover = kept[first]
            if cover and lines[cover[-1]].gap_before and _DIGITS.sub(
                    "0", lines[cover[-1]].text) == running:
                del cover[-1]
    out: list[Line] = []
    for page, at in kept.items():
        for i in at:
            opens = i == at[0] and i != pages[page][0]
            out.append(replace(lines[i], gap_before=0) if opens else lines[i])
    return out


def _repeated(lines: Sequence[Line], edge: Sequence[tuple[int, bool]]) -> bool:
    """Whether the lines at ``edge`` (index, set off by a blank line) are one running line:
    the same text numbers aside, every one set off, neither ending a sentence nor going on
    with one (in lower case)."""
    texts = {_DIGITS.sub("0", lines[i].text) for i, _ in edge}
    text = texts.pop()
    return (not texts and all(apart for _, apart in edge)
            and not _CLOSES_SENTENCE.search(text) and not _STARTS_LOWER.match(text))


def _page_number_offsets(lines: Sequence[Line], pages: dict[int, list[int]],
                         first: int) -> frozenset[int]:
    """Differences between printed page number and page that count as page numbering:
    none (the whole document), or one shared by at least two pages (an excerpt)."""
    seen: dict[int, int] = {}
    for page, at in pages.items():
        edge = [*(at[:_TOP_FURNITURE] if page != first else []), *at[-_FOOT_FURNITURE:]]
        for i in dict.fromkeys(edge):
            m = _PAGE_NUMBER.fullmatch(lines[i].text)
            if m:
                offset = int(m[1]) - page
                seen[offset] = seen.get(offset, 0) + 1
    return frozenset({0} | {offset for offset, count in seen.items() if count >= 2})


def _furniture(line: Line, offsets: frozenset[int]) -> bool:
    """True for a line made only of running symbols, job numbers, bar codes and numbers;
    a number alone only when it is the page's number."""
    m = _PAGE_NUMBER.fullmatch(line.text)
    if m:
        return int(m[1]) - line.page in offsets
    # Numbers side by side ("2019 2020", a table's last row) are no furniture without
    # a symbol, job number or bar code among them.
    return _FURNITURE.fullmatch(line.text) is not None and not _NUMBERS.fullmatch(line.text)


def right_to_left(text: str) -> bool:
    """True when the first letter of ``text`` is Hebrew, Syriac, Thaana, N'Ko or Arabic
    (presentation forms included): the line is set from the right edge."""
    m = _LETTER.search(text)
    if m is None:
        return False
    c = m.group()
    return "\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufefc"


def indented(line: Line, than: int) -> bool:
    """True when ``line`` starts further right than column ``than`` by more than
    extraction noise; never for a right-to-left line (module docstring)."""
    return line.indent > than + INDENT_NOISE and not right_to_left(line.text)


def double_spaced(lines: Sequence[Line]) -> bool:
    """True when most lines are followed by a blank line (the seeds' layout)."""
    if len(lines) < 4:
        return False
    gaps = sum(1 for line in lines[1:] if line.gap_before)
    return gaps >= 0.6 * (len(lines) - 1)


def join_paragraphs(lines: Sequence[Line], *, spaced: bool) -> list[str]:
    """Rebuild paragraphs from printed lines (rules in the module docstring)."""
    if not lines:
        return []
    width = max(len(line.text) for line in lines)
    margins = _margins(lines, width)
    paragraphs: list[str] = []
    current = lines[0].text
    for prev, line in itertools.pairwise(lines):
        if _breaks(prev, line, margins[line.page], width, spaced):
            paragraphs.append(current)
            current = line.text
        else:
            current = _glue(current, line.text)
    paragraphs.append(current)
    return paragraphs


def join_block(lines: Sequence[Line]) -> str:
    """The lines of one block (a heading) as one string, glued as in a paragraph."""
    return functools.reduce(_glue, (line.text for line in lines[1:]), lines[0].text)


def ragged_end(lines: Sequence[Line]) -> int:
    """How many of ``lines`` (set ragged-right, with nothing between them) form the first
    block: an annex heading and its subtitle print one under the other at the same
    column, and ``-layout`` extraction puts no blank line between them.

    A typesetter breaks a ragged-right line only when the next word does not fit; so
    where the next line's first word would have fitted on a line, with room to spare
    for glyph widths the character count does not follow (:data:`RAGGED_FIT`), that
    line ended its block. Without such a line all of ``lines`` are one block."""
    for k in range(len(lines) - 1):
        nxt = lines[k + 1].text
        word = nxt[0] if _cjk(nxt[0]) else nxt.split(" ", 1)[0]
        width = max(len(line.text) for line in lines[: k + 2])
        if len(lines[k].text) + 1 + len(word) <= RAGGED_FIT * width:
            return k + 1
    return len(lines)


def _margins(lines: Sequence[Line], width: int) -> dict[int, int]:
    """Each page's left margin of running text: the least indentation of its lines at
    least half as long as the longest. ``-layout`` extraction counts each page's columns
    from that page's leftmost text, and sets a running header or page number
    ("A/HRC/41/G/7", "2") there on pages after the first; taken for the margin, it
    would make every line of the page look indented."""
    every: dict[int, int] = {}
    full: dict[int, int] = {}
    for line in lines:
        every[line.page] = min(every.get(line.page, line.indent), line.indent)
        if 2 * len(line.text) >= width:
            full[line.page] = min(full.get(line.page, line.indent), line.indent)
    return every | full


def _breaks(prev: Line, line: Line, margin: int, width: int, spaced: bool) -> bool:
    if line.gap_before and not spaced:
        return True
    if indented(line, margin) and line.indent - margin < 40 and not _same_block(prev, line):
        return True
    if _SENTENCE_END.search(prev.text) and _STARTS_NEW.match(line.text):
        return True
    if OPENINGS.match(line.text):
        return True
    return bool(
        _STARTS_UPPER.match(line.text)
        and len(line.text) >= 0.8 * width
        and len(prev.text) < 0.75 * width
        and not _SENTENCE_END.search(prev.text)
    )


def _same_block(prev: Line, line: Line) -> bool:
    """A block set with a left indent (a title padded from the margin) prints every
    line at the same column: the next line of it is no paragraph start, unless a
    blank line or a sentence end comes between."""
    return (not line.gap_before and abs(line.indent - prev.indent) <= INDENT_NOISE
            and not _SENTENCE_END.search(prev.text))


def _cjk(c: str) -> bool:
    """CJK punctuation, ideographs (with extension A) and full-width forms."""
    return "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"


def _glue(left: str, right: str) -> str:
    if _cjk(left[-1]) or _cjk(right[0]):
        return left + right
    if not left.endswith(("-", "‐")):
        return f"{left} {right}"
    # Only the last two characters are looked at: paragraphs grow, lines do not.
    if _LINE_HYPHEN.search(left[-2:]) and _STARTS_LOWER.match(right):
        return left[:-1] + right
    return left + right
