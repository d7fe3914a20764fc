"""The PDF renderer: UN layout, read back by poppler as a reader's software would.

Text comparisons are whitespace aside (see ``squeeze``): a page breaks lines
where the record has none, and that is all they may differ in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from palais.compose.pdf import find_font_dirs, render, template_data
from palais.compose.version import ComposedAnnex, ComposedFootnote, ComposedVersion, Frbr
from palais.errors import CompositionError
from palais.model import Document
from palais.parse import parse_text
from tests.support.poppler import ink_fraction, page_count, pdffonts, pdftotext, squeeze

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"


@dataclass(frozen=True)
class SeedCover:
    """What a seed prints, read from its own text: the ground truth of the layout."""

    lines: tuple[str, ...]  # body, session, dates, agenda item (one line each)
    agenda_title: str
    document: Document
    annex_text: str


def read_seed(name: str) -> SeedCover:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    assert doc.title
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title_at = next(i for i, line in enumerate(lines) if doc.title.startswith(line))
    annex = doc.annexes[0]
    assert annex.title
    annex_at = text.index(annex.title.split(" from ")[0])
    return SeedCover(tuple(lines[:4]), " ".join(lines[4:title_at]), doc,
                     unbreak_words(text[annex_at:]))


def unbreak_words(text: str) -> str:
    """The seed's text with words broken at a line end joined again ("counter-" /
    "measures" is "countermeasures", the UN spelling and the record's): the seed is a
    page's lines, the PDF sets its own, without hyphenation."""
    return re.sub(r"(?<=\w)-[ \t]*\n\s*(?=[a-zа-яё])", "", text)


def seed_version(seed: SeedCover, symbol: str, job_number: str | None) -> ComposedVersion:
    """The seed's own language version, line for line as the seed prints it."""
    doc = seed.document
    assert doc.language and doc.title and doc.doc_date
    body, session, dates, agenda = seed.lines
    return ComposedVersion(
        language=doc.language,
        direction="ltr",
        doc_type=doc.doc_type,
        symbol=symbol,
        distribution="Distr.: General",
        issue_date=None,
        language_line=None,
        original_line=None,
        body=body,
        session=session,
        session_dates=dates,
        agenda=agenda,
        agenda_title=seed.agenda_title,
        title=doc.title,
        paragraphs=doc.paragraphs,
        footnotes=tuple(ComposedFootnote(f.marker, f.text) for f in doc.footnotes),
        annexes=tuple(
            ComposedAnnex(a.title or "", a.subtitle, a.paragraphs, a.language, "ltr")
            for a in doc.annexes
        ),
        job_number=job_number,
        links=(),
        frbr=Frbr("w", "e", "m", "noteVerbale", doc.doc_date, doc.doc_date, symbol,
                  doc.language.info.iso639_3, None),
    )


SEED_CASES = {
    "ru_a_hrc_41_2019": ("A/HRC/41/G/7", "GE.19-10234(R)"),
    "fr_hrc_47_2021": ("A/HRC/47/G/9", "GE.21-08012(F)"),
}


@dataclass(frozen=True)
class Rendered:
    seed: SeedCover
    version: ComposedVersion
    pdf: Path


@pytest.fixture(scope="module", params=sorted(SEED_CASES))
def seed_pdf(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    seed = read_seed(request.param)
    version = seed_version(seed, *SEED_CASES[request.param])
    path = tmp_path_factory.mktemp("pdf") / f"{request.param}.pdf"
    path.write_bytes(render(version))
    return Rendered(seed, version, path)


def test_seed_cover_is_printed_word_for_word_on_page_one(seed_pdf: Rendered) -> None:
    page1 = squeeze(pdftotext(seed_pdf.pdf, 1, 1))
    seed = seed_pdf.seed
    for line in (*seed.lines, seed.agenda_title, seed.document.title, *seed.document.paragraphs):
        assert squeeze(line) in page1, line
    for note in seed.document.footnotes:
        assert squeeze(f"{note.marker} {note.text}") in page1


def test_masthead_and_job_number_on_page_one(seed_pdf: Rendered) -> None:
    page1 = pdftotext(seed_pdf.pdf, 1, 1)
    version = seed_pdf.version
    assert version.symbol and version.job_number
    lines = [line.strip() for line in page1.splitlines()]
    assert version.symbol in lines
    assert "Distr.: General" in lines
    assert lines[-1] == version.job_number or version.job_number in lines


def test_annex_starts_a_new_page_and_equals_the_seed_annex(seed_pdf: Rendered) -> None:
    pdf = seed_pdf.pdf
    annex_title = seed_pdf.version.annexes[0].heading
    assert squeeze(annex_title) not in squeeze(pdftotext(pdf, 1, 1))
    annex = pdftotext(pdf, 2, page_count(pdf), body_only=True)
    assert squeeze(annex) == squeeze(seed_pdf.seed.annex_text)


def test_page_one_is_not_blank_and_every_font_is_embedded(seed_pdf: Rendered) -> None:
    assert ink_fraction(seed_pdf.pdf) > 0.01
    fonts = pdffonts(seed_pdf.pdf)
    assert fonts
    assert all(font.embedded for font in fonts), fonts


def test_same_version_gives_the_same_bytes(seed_pdf: Rendered) -> None:
    assert render(seed_pdf.version) == seed_pdf.pdf.read_bytes()


def test_record_text_is_printed_as_text_never_run_as_markup(tmp_path: Path) -> None:
    seed = read_seed("ru_a_hrc_41_2019")
    hostile = '#panic("x") *bold* $x^2$ ] } <label> @ref `raw` \\ #import "/etc/passwd"'
    version = replace(seed_version(seed, "A/HRC/41/G/7", "GE.19-10234(R)"),
                      paragraphs=(hostile,), footnotes=())
    path = tmp_path / "hostile.pdf"
    path.write_bytes(render(version))
    assert squeeze(hostile) in squeeze(pdftotext(path, 1, 1))


def test_footnote_marker_is_found_after_a_word_not_inside_a_number() -> None:
    seed = read_seed("ru_a_hrc_41_2019")
    version = replace(
        seed_version(seed, "A/HRC/41/G/7", None),
        paragraphs=("Document A/HRC/41/1 of 2019 and its annex1 follow.",),
        footnotes=(ComposedFootnote("1", "Reproduced as received."),),
    )
    data = template_data(version)
    assert data["paragraphs"] == [[
        {"text": "Document A/HRC/41/1 of 2019 and its annex"},
        {"note": "1", "text": "Reproduced as received."},
        {"text": " follow."},
    ]]


def test_a_note_whose_marker_the_text_lacks_is_attached_to_the_title() -> None:
    seed = read_seed("ru_a_hrc_41_2019")
    version = replace(seed_version(seed, "A/HRC/41/G/7", None),
                      footnotes=(ComposedFootnote("**", "Reissued for technical reasons."),))
    data = template_data(version)
    assert data["title_runs"][-1] == {"note": "**", "text": "Reissued for technical reasons."}
    assert all(len(runs) == 1 for runs in data["paragraphs"])


def test_missing_fonts_are_named_with_their_debian_package(tmp_path: Path) -> None:
    with pytest.raises(CompositionError) as caught:
        find_font_dirs([tmp_path])
    assert "NotoSerif-Regular.ttf" in caught.value.detail
    assert "fonts-noto-core" in caught.value.detail
    assert "fonts-noto-cjk" in caught.value.detail
