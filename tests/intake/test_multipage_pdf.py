"""A document of several pages: compose -> PDF -> intake (pdftotext -layout) -> parse.

The sample's cover paragraphs and annex paragraphs are repeated until cover and
annex each run over pages, so the PDF carries what every long UN document does:
the running symbol at the head of each page after the first, the page number at
the foot, the job number at the foot of the first page, a footnote ending page 1
in the middle of a paragraph, and paragraphs cut by page breaks. The parsed
record must give back exactly the composed paragraphs, footnote and annex heading
and subtitle: no furniture in them and no text lost.

Arabic is left out: its extraction puts digits and the signs beside them in the
wrong order (tests/parse/test_extraction_artefacts.py), so its paragraphs cannot be
compared character for character; the pages are read the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from palais import samples
from palais.compose import compose
from palais.compose.pdf import render
from palais.compose.version import ComposedVersion
from palais.intake import Source, read_bytes
from palais.languages import Language
from palais.model import Document
from palais.parse import parse_source

LANGUAGES = [Language.EN, Language.FR, Language.ES, Language.RU, Language.ZH]
JOB = "GE.19-10234"


def long_version(lang: Language) -> ComposedVersion:
    """The first sample with its cover paragraphs four times over and its annex's again
    from the second on (which puts a page break inside an annex paragraph)."""
    version = compose(samples.load()[0], lang, issue_date=date(2019, 6, 17),
                      job_number=f"{JOB}(E)")
    (annex,) = version.annexes
    paragraphs = annex.paragraphs + annex.paragraphs[1:]
    return replace(version, paragraphs=version.paragraphs * 4,
                   annexes=(replace(annex, paragraphs=paragraphs),))


@pytest.fixture(scope="module", params=LANGUAGES, ids=str)
def read_back(request: pytest.FixtureRequest) -> tuple[ComposedVersion, Source, Document]:
    version = long_version(request.param)
    source = read_bytes(render(version), "long.pdf")
    return version, source, parse_source(source)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_pdf_carries_the_furniture_and_paragraphs_cut_by_page_breaks(
    read_back: tuple[ComposedVersion, Source, Document],
) -> None:
    """What the other tests rely on: without it they would prove nothing."""
    version, source, _ = read_back
    assert source.pages is not None and len(source.pages) >= 4
    assert JOB in source.pages[0]
    for number, page in enumerate(source.pages[1:], start=2):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == version.symbol and lines[-1] == str(number)
    # A paragraph cut by a page break is found whole on no page.
    paragraphs = (*version.paragraphs, *version.annexes[0].paragraphs)
    whole = sum(squeeze(page).count(squeeze(p)) for p in set(paragraphs)
                for page in source.pages)
    assert len(paragraphs) - whole >= 1


def test_cover_paragraphs_and_footnote_read_back_as_composed(
    read_back: tuple[ComposedVersion, Source, Document],
) -> None:
    version, _, doc = read_back
    cover = doc.parts[0]
    assert cover.paragraphs == version.paragraphs
    assert [(n.marker, n.text) for n in cover.footnotes] == [
        (n.marker, n.text) for n in version.footnotes]
    assert doc.job_number == JOB and str(doc.symbol) == version.symbol


def test_annex_heading_subtitle_and_paragraphs_read_back_as_composed(
    read_back: tuple[ComposedVersion, Source, Document],
) -> None:
    version, _, doc = read_back
    (composed,) = version.annexes
    (annex,) = doc.annexes
    assert (annex.title, annex.subtitle) == (composed.heading, composed.subtitle)
    assert annex.paragraphs == composed.paragraphs
