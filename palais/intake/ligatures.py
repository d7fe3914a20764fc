"""Arabic words whose lam-alef ligatures pdftotext gave backwards, spelt from the glyphs.

A lam-alef ligature is one glyph holding two letters ("لا", "لأ", "لإ", "لآ").
When a font maps it to its two letters, poppler's ``pdftotext`` puts them the
wrong way round while it restores logical order: "سلام" comes out "سالم",
"للأمم" "لألمم" (:mod:`palais.intake.poppler` repairs the article's case by
itself, the one that can be told from the letters alone). pdfminer.six gives the
glyphs themselves, each with its letters in order and its place on the line, so
each word of the page can be spelt both ways: right (its glyphs from right to
left) and as pdftotext spells it (each glyph's letters reversed). A word that
pdftotext spells differently, where that spelling is no word of the same
document, is respelt in pdftotext's text. This runs in pdfminer's bounded helper
process (:mod:`palais.intake.pdf`), and only for a PDF whose text shows that its
font reverses ligatures (:func:`palais.intake.poppler.reverses_ligatures`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping, Sequence

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer

_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3]+")
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3\u064b-\u0652]+")


def respellings(data: bytes, max_pages: int) -> tuple[str, ...]:
    """``wrong<TAB>right`` for each word of the PDF that pdftotext would misspell."""
    right: set[str] = set()
    wrong: dict[str, str] = {}
    for glyphs in _words(data, max_pages):
        spelt = "".join(text for _, text in sorted(glyphs, key=lambda g: -g[0]))
        right.add(spelt)
        if any(len(text) > 1 for _, text in glyphs):
            backwards = "".join(text[::-1] for _, text in sorted(glyphs, key=lambda g: -g[0]))
            if backwards != spelt:
                wrong[backwards] = spelt
    return tuple(f"{w}\t{r}" for w, r in sorted(wrong.items()) if w not in right)


def respelt(pages: Sequence[str], pairs: Sequence[str]) -> tuple[str, ...]:
    """``pages`` with each word that ``pairs`` name misspelt replaced by its spelling."""
    table: Mapping[str, str] = dict(p.split("\t", 1) for p in pairs)
    if not table:
        return tuple(pages)
    return tuple(
        _ARABIC_WORD.sub(lambda m: table.get(m.group(), m.group()), page) for page in pages
    )


def _words(data: bytes, max_pages: int) -> Iterator[list[tuple[float, str]]]:
    """Each Arabic word of the pages as its glyphs: (left edge, letters in order)."""
    for page in extract_pages(io.BytesIO(data), laparams=LAParams(), maxpages=max_pages):
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                word: list[tuple[float, str]] = []
                for item in line:
                    text = item.get_text() if hasattr(item, "get_text") else ""
                    if isinstance(item, LTChar) and _ARABIC_LETTERS.fullmatch(text):
                        word.append((item.x0, text))
                        continue
                    if word:
                        yield word
                    word = []
                if word:
                    yield word
