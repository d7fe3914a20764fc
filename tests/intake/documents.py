"""PDF and Word files made at test time from the hand-written golden records of the seeds.

A golden record holds the cover header (from the seed), title, paragraphs,
footnotes and annexes as printed; typesetting them the way the UN prints a note
(header lines, a bold indented title, justified paragraphs, the footnote at the
page bottom, each annex on a new page) gives a PDF and a .docx whose reading
must give the golden fields back.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import typst
from docx.enum.text import WD_BREAK

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_NAMES = ("ru_a_hrc_41_2019", "fr_hrc_47_2021")


def golden(name: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads((FIXTURES / "golden" / f"{name}.json").read_text("utf-8"))
    return record


def header_lines(name: str) -> list[str]:
    """The seed's printed lines before the title: body, session, dates, agenda item and title."""
    title = golden(name)["title"]
    lines = [line.strip() for line in (FIXTURES / "seeds" / f"{name}.txt").read_text("utf-8")
             .split("\n") if line.strip()]
    end = next(i for i, line in enumerate(lines) if title.startswith(line[:20]))
    return lines[:end]


def _typst_text(text: str) -> str:
    for char in "\\#*_`$<>@[]=-+/~":
        text = text.replace(char, "\\" + char)
    return text


def note_pdf(name: str) -> bytes:
    """The seed typeset as a PDF: cover on page 1, annex from page 2."""
    record = golden(name)
    bold = '#pad(left: 1cm, right: 3cm)[#text(weight: "bold", size: 12pt)[{}]]'
    out = [
        '#set page(paper: "a4", margin: (x: 2.5cm, y: 2cm))',
        "#set text(size: 10pt)",
        "#set par(justify: true, first-line-indent: (amount: 1cm, all: true))",
        *(f"#block[{_typst_text(line)}]" for line in header_lines(name)),
        "#v(1em)" + bold.format(_typst_text(record["title"])),
        *(_typst_text(p) for p in record["paragraphs"]),
        "#place(bottom)[" + " ".join(f"#block[{_typst_text(f)}]" for f in record["footnotes"])
        + "]",
    ]
    for annex in record["annexes"]:
        out += ["#pagebreak()", bold.format(_typst_text(annex["title"]))]
        if annex.get("subtitle"):
            out.append(bold.format(_typst_text(annex["subtitle"])))
        out += [_typst_text(p) for p in annex["paragraphs"]]
    pdf: bytes = typst.compile("\n\n".join(out).encode("utf-8"))
    return pdf


def note_docx(name: str) -> bytes:
    """The seed as a mission's Word file: a page break before the annex, footnote as text."""
    record = golden(name)
    document = docx.Document()
    for line in header_lines(name):
        document.add_paragraph(line)
    document.add_paragraph(record["title"])
    for paragraph in record["paragraphs"]:
        document.add_paragraph(paragraph)
    for footnote in record["footnotes"]:
        document.add_paragraph(footnote)
    for annex in record["annexes"]:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_paragraph(annex["title"])
        if annex.get("subtitle"):
            document.add_paragraph(annex["subtitle"])
        for paragraph in annex["paragraphs"]:
            document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def runaway_pdf() -> bytes:
    """A one-page PDF whose font gives widths for four billion characters.

    Found by fuzzing: pdfminer.six fills a table entry by entry for the whole
    range, which takes hours and all the memory there is.
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length 30 >>\nstream\nBT /F1 12 Tf (Hi) Tj ET\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [0 4000000000 500] >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)
