"""The text of a Word (.docx) file: paragraphs and tables in order, then footnotes.

Word files hold no pages, only hard page breaks a writer put in (as UN
documents do before an annex). Those breaks become page ends, so the parser
sees an annex start a new page as it does in a PDF. Footnotes sit at the end of
the page whose text refers to them, where a PDF prints them.

A .docx is a ZIP of XML: a few hundred kilobytes can unpack to a hundred
megabytes that python-docx holds as a tree and walks for a minute. It is
therefore read in the bounded helper process PDFs use
(:func:`palais.intake.pdf.read_in_helper`: a memory cap, and a time limit after
which the helper is killed), never in the server's own process.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from palais.errors import ParseError
from palais.intake.pdf import read_in_helper
from palais.intake.sniff import zip_members
from palais.intake.text import tidy

MAX_UNPACKED = 100 * 1024 * 1024
"""Bytes a .docx may unpack to: a real note is far below, a ZIP bomb far above."""

_LINE_WIDTH = 90
_INDENT = "    "
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
_FOOTNOTES_PART = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
)


def read_docx(data: bytes, name: str) -> tuple[str, ...]:
    """The text of each page (one page when the file has no hard page breaks)."""
    _check_size(data, name)
    return read_in_helper(data, name, "docx")


def extract_docx(data: bytes, name: str) -> tuple[str, ...]:
    """What the helper process does for :func:`read_docx`: python-docx over the bytes, here."""
    try:
        document = docx.Document(io.BytesIO(data))
        footnotes = _footnotes(document)
        pages: list[list[str]] = [[]]
        notes_of_page: list[list[str]] = [[]]
        for block in _blocks(document):
            for text, break_before, breaks_after, refs in block:
                if break_before and pages[-1]:
                    pages.append([])
                    notes_of_page.append([])
                pages[-1].append(text)
                notes_of_page[-1].extend(footnotes[r] for r in refs if r in footnotes)
                for _ in range(breaks_after):
                    pages.append([])
                    notes_of_page.append([])
    except Exception as exc:
        # python-docx and lxml raise many kinds of error on damaged files (KeyError for
        # a missing part, XMLSyntaxError, ValueError ...): each means "cannot be read".
        raise ParseError(f"{name} is a damaged Word file: {type(exc).__name__}: "
                         f"{str(exc)[:200]}") from exc
    texts = [
        tidy("\n".join([*_printed(lines), *(["", *notes] if notes else [])]))
        for lines, notes in zip(pages, notes_of_page, strict=True)
    ]
    if not any(t.strip() for t in texts):
        raise ParseError("%(name)s is a Word file without any text", name=name)
    return tuple(texts)


def _printed(paragraphs: list[str]) -> list[str]:
    """Paragraphs set as printed lines, each paragraph's first line indented.

    The parser rebuilds paragraphs from printed lines by the rules of a PDF
    extract, where an indented line starts a paragraph. A Word paragraph is known
    whole, so it is set that way: its first line indented, its text wrapped at a
    page's width, so no rule can join it to the next.
    """
    lines: list[str] = []
    for paragraph in paragraphs:
        if not paragraph.strip():
            lines.append("")
            continue
        # A line break inside a Word paragraph is a printed line end; tabs (table cells)
        # stay as they are.
        for i, segment in enumerate(paragraph.split("\n")):
            lines += textwrap.wrap(
                segment, width=_LINE_WIDTH, initial_indent=_INDENT if i == 0 else "",
                break_long_words=False, break_on_hyphens=False,
                expand_tabs=False, replace_whitespace=False,
            ) or [""]
    return lines


def _check_size(data: bytes, name: str) -> None:
    unpacked = sum(info.file_size for info in zip_members(data, name))
    if unpacked > MAX_UNPACKED:
        raise ParseError(f"{name} unpacks to {unpacked} bytes, more than a document holds "
                         f"({MAX_UNPACKED}); refused")


Line = tuple[str, bool, int, list[str]]
"""One line of text, whether a page starts before it, page breaks after it, footnotes cited."""
Block = list[Line]


def _blocks(document: WordDocument) -> Iterator[Block]:
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield [_paragraph(item)]
        elif isinstance(item, Table):
            yield _table(item)


def _paragraph(paragraph: Paragraph) -> Line:
    """A page break ahead of a paragraph's text starts its page; one after it ends it."""
    element = paragraph._p
    properties = element.pPr
    before = properties is not None and properties.find(qn("w:pageBreakBefore")) is not None
    breaks = 0
    seen_text = False
    for node in element.iter(qn("w:t"), qn("w:br")):
        if node.tag == qn("w:t"):
            seen_text = seen_text or bool(node.text and node.text.strip())
        elif node.get(qn("w:type")) == "page":
            if seen_text:
                breaks += 1
            else:
                before = True
    refs = [ref.get(qn("w:id")) or "" for ref in element.iter(qn("w:footnoteReference"))]
    return paragraph.text, before, breaks, refs


def _table(table: Table) -> Block:
    """A table row becomes one line, its cells separated by tabs (as a PDF extract shows)."""
    lines: Block = []
    for row in table.rows:
        cells: list[str] = []
        refs: list[str] = []
        for cell in row.cells:
            texts = [_paragraph(p) for p in cell.paragraphs]
            cells.append(" ".join(line[0] for line in texts if line[0]))
            refs.extend(r for line in texts for r in line[3])
        lines.append(("\t".join(cells), False, 0, refs))
    return lines


def _footnotes(document: WordDocument) -> dict[str, str]:
    """Footnote id -> its text as printed: Word's automatic number, or the writer's own mark."""
    for rel in document.part.rels.values():
        if rel.reltype == _FOOTNOTES_PART and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            notes: dict[str, str] = {}
            number = 0
            for note in root.iter(qn("w:footnote")):
                if note.get(qn("w:type")) in _SEPARATORS:
                    continue
                pieces: list[str] = []
                for node in note.iter(qn("w:footnoteRef"), qn("w:t"), qn("w:tab")):
                    if node.tag == qn("w:footnoteRef"):
                        number += 1
                        pieces.append(f"{number} ")
                    elif node.tag == qn("w:tab"):
                        pieces.append(" ")
                    else:
                        pieces.append(node.text or "")
                notes[note.get(qn("w:id")) or ""] = " ".join("".join(pieces).split())
            return notes
    return {}
