"""Plain text of a language version, laid out like text extracted from a UN PDF.

The shape follows the seeds (what ``pdftotext`` gives for a UN cover): the
masthead (Organization, symbol, organ, then the distribution lines and the
job number), then the cover block one printed line per element, headings
indented, paragraphs wrapped and separated by a blank line, the footnote after
the last paragraph, and each annex after a form feed (a new page). The parser
reads this back (:func:`palais.parse.parse_text`), which the tests check in
all six languages.

Two details exist for the reader's sake: a wrapped line never ends a sentence
just before a capital (a reader of PDF text takes that for a paragraph end),
and text without spaces (Chinese) is never cut, since a reader joins lines with
a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from palais.compose.version import ComposedAnnex, ComposedVersion

__all__ = ["render", "wrap"]

WIDTH = 84
"""About the characters of one printed line of a UN page in 10-point type."""

HEADING_INDENT = "  "

_SENTENCE_END = re.compile(r"[.:;?!。؟»”\")\]]$")
_STARTS_NEW = re.compile(r"^[\"“«(\[•\-–*0-9A-ZÀ-ÖØ-ÞА-ЯЁ\u0600-\u06ff\u4e00-\u9fff]")


def render(version: ComposedVersion) -> bytes:
    return text(version).encode("utf-8")


def text(version: ComposedVersion) -> str:
    """The version as text (form feeds between pages)."""
    pages = ["\n".join(_cover(version))]
    pages += ["\n".join(_annex(a)) for a in version.annexes]
    return "\f".join(pages) + "\n"


def wrap(paragraph: str, width: int = WIDTH) -> list[str]:
    """Greedy word wrap that keeps a sentence end off the end of a line when the
    next line would open with a capital (see the module docstring)."""
    lines = _fill(paragraph.split(), width)
    i = 0
    while i < len(lines) - 1:
        moved = False
        while (
            len(lines[i]) > 1
            and _SENTENCE_END.search(lines[i][-1])
            and _STARTS_NEW.match(lines[i + 1][0])
        ):
            lines[i + 1].insert(0, lines[i].pop())
            moved = True
        if moved:
            # The words pushed down may overfill the next line: the rest is filled again.
            lines[i + 1 :] = _fill([w for line in lines[i + 1 :] for w in line], width)
        i += 1
    return [" ".join(line) for line in lines]


def _fill(words: list[str], width: int) -> list[list[str]]:
    """Greedy fill: as many words on each line as fit in ``width`` (a longer word
    stands alone)."""
    lines: list[list[str]] = []
    current: list[str] = []
    for word in words:
        if current and len(" ".join([*current, word])) > width:
            lines.append(current)
            current = []
        current.append(word)
    if current:
        lines.append(current)
    return lines


def _block(lines: list[str], indent: str = "") -> Iterator[str]:
    """One block: its first line indented by ``indent`` (as pdftotext keeps the
    first-line indent of UN headings), then a blank line."""
    for i, line in enumerate(lines):
        yield (indent if i == 0 else "") + line
    yield ""


def _cover(v: ComposedVersion) -> Iterator[str]:
    # Extraction order of a UN first page (e.g. CRC/C/TUV/CO/2-5 ZH): the
    # Organization, the symbol beside it, the organ below them, then the right
    # column. The job number closes the masthead here rather than the page foot:
    # after the footnote, a reader of page text takes it for the footnote's last words.
    masthead = [
        v.organization,
        v.symbol,
        v.organ,
        v.distribution,
        v.issue_date,
        v.language_line,
        v.original_line,
        v.job_number,
        v.barcode,
    ]
    yield from (line for line in masthead if line)
    yield ""
    for line in (v.body, v.session, v.session_dates, v.agenda):
        if line:
            yield from _block([line], HEADING_INDENT if line is v.body else "")
    if v.agenda_title:
        yield from _block(wrap(v.agenda_title, WIDTH // 2))
    yield from _block(wrap(v.title, WIDTH - 20), HEADING_INDENT)
    if v.heading:
        yield from _block([v.heading], HEADING_INDENT)
    for correction in v.corrections:
        yield from _block(wrap(correction.lead))
        yield from _block(wrap(correction.text))
    for paragraph in v.paragraphs:
        yield from _block(wrap(paragraph))
    for note in v.footnotes:
        yield from _block(wrap(f"{note.marker} {note.text}"), " ")


def _annex(a: ComposedAnnex) -> Iterator[str]:
    yield from _block(wrap(a.heading, WIDTH - 20), HEADING_INDENT)
    if a.subtitle:
        yield from _block(wrap(a.subtitle, WIDTH - 20), HEADING_INDENT)
    for paragraph in a.paragraphs:
        yield from _block(wrap(paragraph))
