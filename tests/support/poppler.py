"""Poppler's command-line tools (pdftotext, pdftoppm, pdffonts) as tests use them.

The PDF tests read what palais produced the way a reader's software does,
through an independent implementation, rather than trusting the typesetter.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

A4_HEIGHT_PT = 842
TOP_MARGIN_PT = 62  # 2.2 cm: the running header of pages 2+ sits above it
BOTTOM_MARGIN_PT = 74  # 2.6 cm: page numbers and the job number sit below it

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Marks pdftotext inserts around runs of another direction (LRE, RLE, PDF, ...)."""


def _run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return done.stdout


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None,
              *, body_only: bool = False, layout: bool = False) -> str:
    """The text of pages ``first``..``last``; ``body_only`` crops away header and footer,
    ``layout`` keeps the printed indentation."""
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else [])]
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    if body_only:
        height = A4_HEIGHT_PT - TOP_MARGIN_PT - BOTTOM_MARGIN_PT
        args += ["-x", "0", "-y", str(TOP_MARGIN_PT), "-W", "600", "-H", str(height)]
    return _run(*args, str(pdf), "-")


@dataclass(frozen=True)
class Word:
    """A word as pdftotext -bbox places it: points from the page's top left corner."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def words(pdf: Path, page: int) -> list[Word]:
    """The words of one page with their boxes (XML entities left as printed)."""
    out = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    return [Word(m[5], float(m[1]), float(m[2]), float(m[3]), float(m[4]))
            for m in _WORD.finditer(out)]


def page_count(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.MULTILINE)
    assert match, "pdfinfo printed no page count"
    return int(match[1])


@dataclass(frozen=True)
class FontRow:
    name: str
    embedded: bool


def pdffonts(pdf: Path) -> list[FontRow]:
    """Fonts of the PDF as pdffonts lists them (name and its 'emb' column)."""
    _header, _rule, *rows = _run("pdffonts", str(pdf)).splitlines()
    # Counted from the right: a long font name pushes the columns out of line.
    # The last five columns are emb, sub, uni, object number and generation.
    return [FontRow(row.split()[0], row.split()[-5] == "yes") for row in rows]


def ink_fraction(pdf: Path, page: int = 1, dpi: int = 30) -> float:
    """Share of a page's pixels that are dark, from a greyscale rendering by pdftoppm."""
    data = subprocess.run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", str(pdf)],
        capture_output=True, check=True,
    ).stdout
    # PGM (P5): magic, width, height, maxval, one whitespace, then a byte per pixel.
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header, "pdftoppm -gray did not write an 8-bit PGM image"
    width, height = int(header[1]), int(header[2])
    pixels = data[header.end() : header.end() + width * height]
    assert len(pixels) == width * height
    return sum(1 for p in pixels if p < 128) / len(pixels)


def unhyphenated(text: str) -> str:
    """``text`` without hyphens: justified cover paragraphs are hyphenated where the
    language breaks words, so a word cut at a line end ("Coun-" / "cil", a soft
    hyphen in the extracted text) compares equal to the word, and a compound cut at
    its own hyphen ("пресс-" / "службы") to the compound; every other character must
    still be there, in order."""
    return text.replace("-", "").replace("\u2010", "").replace("\u00ad", "")


def squeeze(text: str) -> str:
    """Text with all whitespace removed: line breaks differ between a record and a page,
    and Chinese has no spaces between words to keep."""
    return "".join(text.split())
