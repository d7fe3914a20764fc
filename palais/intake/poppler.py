"""Right-to-left PDFs read again through poppler's ``pdftotext``, which keeps logical order.

pdfminer.six (:mod:`palais.intake.pdf`) orders characters by their place on the
page, so a line of Arabic or Hebrew comes out in visual order: each word
reversed, the words in the wrong order and the numbers split off into boxes of
their own ("مجلس حقوق الإنسان" comes out "ناسنإلا قوقح سلجم"), which no parser
can read. poppler's ``pdftotext`` undoes the bidirectional reordering and gives
the text in the order it is typed; with ``-layout`` each printed line stays
whole, with the indentation the parser reads paragraph starts from. What it
still gets wrong in right-to-left lines (a run of digits put back on the wrong
side of the spaces and dashes beside it, bidi embedding marks around each
number) the parser reads through (:mod:`palais.parse.patterns`). The marks are
kept in the text: with them, the displaced numbers display in their place.

One more thing poppler gets wrong: the two letters of a lam-alef ligature, one
glyph on the page, come out the wrong way round when the line is put back in
logical order, so "الأمم" reads "األمم" and "الإنسان" "اإلنسان" (in a PDF whose
font maps the ligature to its two letters, as DejaVu Sans does; a font mapping
it otherwise reads correctly). Arabic never writes two alefs in a row, so an
alef followed by an alef form and a lam can only be the article's lam-alef
backwards: :func:`ligatures_in_order` turns it round, and its presence says
that the font reverses every ligature (:func:`reverses_ligatures`). The same
ligature inside a word ("سلام" read "سالم") cannot be told from a real word by
its letters; for such a PDF :mod:`palais.intake.ligatures` respells those words
from the glyphs.

So a PDF whose text holds right-to-left letters is read a second time, whole,
with ``pdftotext``; PDFs of the other scripts keep pdfminer's reading. Poppler
runs as a separate program under a time limit, so a damaged or hostile file
costs at most that time and never the caller's memory.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence

from palais.errors import ParseError
from palais.intake.text import tidy

SECONDS = 30.0
"""Time ``pdftotext`` may take over one PDF; a 100-page report takes well under a second."""

MAX_CHARS = 400_000
"""Pages are kept until this much text is held: the parser reads no further."""

_ARTICLE_BACKWARDS = re.compile("\u0627([\u0627\u0623\u0625\u0622])\u0644")
"""Alef, then alef, alef with hamza above or below, or alef with madda, then lam."""

_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
"""Hebrew, Syriac, Thaana, N'Ko and Arabic letters, presentation forms included."""


def has_right_to_left(pages: Sequence[str]) -> bool:
    """True when any page holds a right-to-left letter."""
    return any(_RIGHT_TO_LEFT.search(page) for page in pages)


def read_pdf_logical(data: bytes, name: str) -> tuple[str, ...]:
    """The text of each page in logical order (``pdftotext -layout``); ParseError when
    poppler is not installed, gives up on the file or takes longer than :data:`SECONDS`."""
    program = shutil.which("pdftotext")
    if program is None:
        raise ParseError(
            "%(name)s holds right-to-left text, which is read in its logical order only through "
            "poppler's pdftotext: install poppler-utils (scripts/setup.sh does)",
            name=name,
        )
    try:
        done = subprocess.run(
            [program, "-layout", "-enc", "UTF-8", "-q", "-", "-"],
            input=data, capture_output=True, timeout=SECONDS, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ParseError(
            "%(name)s: reading the PDF took longer than %(SECONDS)s s and was stopped (a damaged "
            "or hostile file?)",
            name=name, SECONDS=format(SECONDS, 'g'),
        ) from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip()[:200] or f"exit {done.returncode}"
        raise ParseError("%(name)s is a damaged or unreadable PDF: %(reason)s", name=name,
                         reason=f"pdftotext: {reason}")
    # pdftotext ends every page, the last one too, with a form feed.
    pages: list[str] = []
    held = 0
    for page in done.stdout.decode("utf-8", "replace").split("\f")[:-1] or [""]:
        pages.append(tidy(page))
        held += len(page)
        if held >= MAX_CHARS:
            break
    return tuple(pages)


def reverses_ligatures(pages: Sequence[str]) -> bool:
    """Whether pdftotext gave this PDF's lam-alef ligatures backwards: its text holds an
    article so written, which Arabic spelling never has (any Arabic text of some length
    has an article before an alef with hamza: "الأمم", "الإنسان")."""
    return any(_ARTICLE_BACKWARDS.search(page) for page in pages)


def ligatures_in_order(text: str) -> str:
    """``text`` with each article's lam-alef ligature that poppler reversed put back:
    "األمم" -> "الأمم", "االتحاد" -> "الاتحاد" (see the module's docstring)."""
    return _ARTICLE_BACKWARDS.sub("\u0627\u0644\\1", text)
