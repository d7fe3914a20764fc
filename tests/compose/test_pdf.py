"""The PDF renderer: UN layout, read back by poppler as a reader's software would.

All twelve versions (both bundled samples in the six languages) are composed and
rendered once for the module. Text comparisons are whitespace aside (``squeeze``):
a page breaks lines where the record has none, and that is all they may differ
in, except for the Arabic extraction artefact described in ``logical``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from palais import samples
from palais.compose import compose
from palais.compose.pdf import find_font_dirs, render, template_data
from palais.compose.version import ComposedFootnote, ComposedVersion
from palais.errors import CompositionError
from palais.languages import Language
from palais.model import Document
from palais.parse import parse_text
from tests.support.poppler import (
    A4_HEIGHT_PT,
    BIDI_CONTROLS,
    BOTTOM_MARGIN_PT,
    Word,
    ink_fraction,
    page_count,
    pdffonts,
    pdftotext,
    squeeze,
    unhyphenated,
    words,
)

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"

# Issue dates and job numbers are test values in the Geneva form "GE.19-10234(R)"; the
# language letters E, S and A are seen on documents, the others are assumed.
JOB_LETTER = {Language.AR: "A", Language.ZH: "C", Language.EN: "E", Language.FR: "F",
              Language.RU: "R", Language.ES: "S"}
ISSUE = {0: (date(2019, 6, 17), "GE.19-10234"), 1: (date(2021, 6, 15), "GE.21-08012")}
CASES = [(sample, lang) for sample in range(len(samples.NAMES)) for lang in Language]
IDS = [f"{samples.NAMES[s].removesuffix('.json')}-{lang.value}" for s, lang in CASES]


@dataclass(frozen=True)
class Rendered:
    document: Document
    version: ComposedVersion
    pdf: Path

    # pdftotext -layout throughout: its reading-order mode drops a hyphen that ends a
    # line ("Haut-" / "Commissariat" comes out "HautCommissariat"), taking it for
    # hyphenation, which the PDF never uses.
    @property
    def page1(self) -> str:
        return pdftotext(self.pdf, 1, 1, layout=True)

    @property
    def annex_pages(self) -> str:
        return pdftotext(self.pdf, 2, page_count(self.pdf), body_only=True, layout=True)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, Language], Rendered]:
    """Every version of both samples, composed and rendered once for the module."""
    out = tmp_path_factory.mktemp("pdf")
    docs = samples.load()
    result = {}
    for sample, lang in CASES:
        doc = docs[sample]
        issued, job = ISSUE[sample]
        version = compose(doc, lang, issue_date=issued, job_number=f"{job}({JOB_LETTER[lang]})")
        path = out / f"{sample}-{lang.value}.pdf"
        path.write_bytes(render(version))
        result[sample, lang] = Rendered(doc, version, path)
    return result


def cover_texts(version: ComposedVersion) -> list[str]:
    """The cover block, title, paragraphs and footnotes, in reading order."""
    lines = [version.body, version.session, version.session_dates, version.agenda,
             version.agenda_title, version.title, *version.paragraphs,
             *(f"{n.marker} {n.text}" for n in version.footnotes)]
    return [line for line in lines if line]


def logical(text: str) -> str:
    """Squeezed text in which pdftotext's handling of digits inside Arabic is evened out.

    pdftotext rebuilds the logical order of right-to-left lines from glyph
    positions and, around a run of digits (a left-to-right run inside Arabic), it
    puts the neutral signs touching that run on the wrong side: the date range
    "24 حزيران/يونيه - 12 تموز/يوليه 2019" comes out as "…يونيه 12 -تموز…", and
    "2016 (انظر" as "(2016 انظر". Every PDF engine's output shows it (it is the
    extractor's doing, the page itself is right). So here, a digit run and the
    dashes and parentheses touching it compare as the digits followed by those
    signs sorted; every other character must be in the same logical order.
    """
    flat = unhyphenated(squeeze(BIDI_CONTROLS.sub("", text)))
    return re.sub(
        r"[-–()]*\d+[-–()]*",
        lambda m: re.sub(r"\D", "", m[0]) + "".join(sorted(re.sub(r"\d", "", m[0]))),
        flat,
    )


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_cover_lines_and_paragraphs_are_printed_word_for_word(
    rendered: dict[tuple[int, Language], Rendered], case: tuple[int, Language]
) -> None:
    r = rendered[case]
    page1 = logical(r.page1)
    for text in cover_texts(r.version):
        assert logical(text) in page1, text


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_masthead_and_job_number_are_on_page_one(
    rendered: dict[tuple[int, Language], Rendered], case: tuple[int, Language]
) -> None:
    v = rendered[case].version
    assert v.job_number and v.issue_date
    # The parentheses of the job number suffer the same reordering as in `logical`
    # when the page is Arabic; they are compared apart from the number.
    page1 = logical(rendered[case].page1).replace("(", "").replace(")", "")
    for line in (v.organization, v.organ, v.symbol, v.distribution, v.issue_date,
                 v.language_line, v.original_line, v.job_number):
        if line:
            assert logical(line).replace("(", "").replace(")", "") in page1, line
    # The first printed line is the Organization's name and the symbol, nothing else.
    assert v.organization
    first = next(line for line in rendered[case].page1.splitlines() if line.strip())
    first = squeeze(BIDI_CONTROLS.sub("", first))
    assert v.symbol is None or v.symbol in first
    assert first.replace(v.symbol or "", "", 1) == squeeze(v.organization)


@pytest.mark.parametrize("lang", Language, ids=str)
def test_symbol_tops_the_page_on_the_reading_start_side_and_job_number_is_at_the_foot(
    rendered: dict[tuple[int, Language], Rendered], lang: Language
) -> None:
    """The symbol is the first thing printed, at the top right (top left in Arabic,
    whose UN masthead is mirrored); the job number sits in the bottom margin and the
    footnote just above it."""
    r = rendered[0, lang]
    page = words(r.pdf, 1)
    top = min(page, key=lambda w: w.y_min)
    assert top.text == r.version.symbol
    middle = 595 / 2
    assert (top.x_max < middle) if lang.rtl else (top.x_min > middle)
    job = next(w for w in page if (r.version.job_number or "?")[:8] in w.text)
    assert job.y_min > A4_HEIGHT_PT - BOTTOM_MARGIN_PT
    marker = r.version.footnotes[0].marker
    # The lowest marker is the note's own (the other is in the paragraph it annotates).
    in_text, note = sorted(
        (w for w in page if marker in w.text and w.text != r.version.barcode),
        key=lambda w: w.y_min,
    )
    assert A4_HEIGHT_PT / 2 < note.y_min < job.y_min
    assert note.y_min - in_text.y_max > 100  # at the foot, not after the paragraph


@pytest.mark.parametrize("lang", Language, ids=str)
def test_organization_and_organ_stand_on_the_start_side_the_organ_large_below(
    rendered: dict[tuple[int, Language], Rendered], lang: Language
) -> None:
    """As on UN covers: "United Nations" on the symbol's line at the start side (the
    right in Arabic), the organ below the rule in type larger than the text's."""
    r = rendered[0, lang]
    page = words(r.pdf, 1)
    symbol = next(w for w in page if w.text == r.version.symbol)
    top_line = [w for w in page if w.y_min < symbol.y_max and w is not symbol]
    # The organ is the largest type of the page, on a line of its own below the rule.
    below = [w for w in page if w.y_min > symbol.y_max]
    tallest = max(below, key=lambda w: w.y_max - w.y_min)
    organ = [w for w in below
             if abs(w.y_min - tallest.y_min) < 1 and abs(w.y_max - tallest.y_max) < 1]
    distr = next(w for w in page if w.text.startswith("Distr"))
    assert tallest.y_max - tallest.y_min > 1.5 * (distr.y_max - distr.y_min)
    assert chars(top_line) == chars_of(r.version.organization)
    assert chars(organ) == chars_of(r.version.organ)
    middle = 595 / 2
    for line in (top_line, organ):
        if lang.rtl:
            assert max(w.x_max for w in line) > middle > symbol.x_max
        else:
            assert min(w.x_min for w in line) < middle < symbol.x_min


def chars(found: list[Word]) -> list[str]:
    """The characters of some words, whatever order the extractor gave them in."""
    return sorted("".join(w.text for w in found))


def chars_of(text: str | None) -> list[str]:
    return sorted(squeeze(text or ""))


def test_masthead_prints_the_language_lines_it_is_given(
    rendered: dict[tuple[int, Language], Rendered], tmp_path: Path
) -> None:
    version = replace(rendered[0, Language.AR].version, language_line="Arabic",
                      original_line="Original: Russian")
    path = tmp_path / "lines.pdf"
    path.write_bytes(render(version))
    lines = [squeeze(BIDI_CONTROLS.sub("", line))
             for line in pdftotext(path, 1, 1, layout=True).splitlines()]
    assert "Arabic" in lines and "Original:Russian" in lines
    assert lines.index("Arabic") < lines.index("Original:Russian")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_annex_starts_a_new_page_and_is_reproduced_as_received(
    rendered: dict[tuple[int, Language], Rendered], case: tuple[int, Language]
) -> None:
    r = rendered[case]
    (annex,) = r.version.annexes
    received = (annex.heading, annex.subtitle or "", *annex.paragraphs)
    assert squeeze(annex.heading) not in squeeze(r.page1)
    assert squeeze(r.annex_pages) == squeeze("".join(received))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_page_one_is_not_blank_and_every_font_is_embedded(
    rendered: dict[tuple[int, Language], Rendered], case: tuple[int, Language]
) -> None:
    r = rendered[case]
    assert ink_fraction(r.pdf) > 0.003
    fonts = pdffonts(r.pdf)
    assert all(font.embedded for font in fonts), fonts
    names = " ".join(font.name for font in fonts)
    script_font = {Language.AR: "NotoNaskhArabic", Language.ZH: "NotoSerifCJK"}
    assert script_font.get(case[1], "NotoSerif") in names


@dataclass(frozen=True)
class Seed:
    """What a seed prints, read from its own text: the ground truth of the layout."""

    cover: tuple[str, ...]  # body, session, dates, agenda item line, agenda title
    document: Document
    annex: str


def read_seed(name: str) -> Seed:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    assert doc.title and doc.annexes and doc.annexes[0].title
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title_at = next(i for i, line in enumerate(lines) if doc.title.startswith(line))
    annex_at = text.index(doc.annexes[0].title.split(" from ")[0])
    cover = (*lines[:4], " ".join(lines[4:title_at]))
    return Seed(cover, doc, unbreak_words(text[annex_at:]))


def unbreak_words(text: str) -> str:
    """The seed's text with words broken at a line end joined again ("counter-" /
    "measures" is "countermeasures", the UN spelling and the record's): the seed is
    a page's lines, the PDF sets its own lines without hyphenation."""
    return re.sub(r"(?<=\w)-[ \t]*\n\s*(?=[a-zа-яё])", "", text)


SEED_OF = {(0, Language.RU): "ru_a_hrc_41_2019", (1, Language.FR): "fr_hrc_47_2021"}


@pytest.mark.parametrize("case", sorted(SEED_OF), ids=sorted(SEED_OF.values()))
def test_seed_language_versions_print_what_the_seeds_print(
    rendered: dict[tuple[int, Language], Rendered], case: tuple[int, Language]
) -> None:
    r = rendered[case]
    seed = read_seed(SEED_OF[case])
    v = r.version
    composed = (v.body, v.session, v.session_dates, v.agenda, v.agenda_title)
    assert [squeeze(t or "") for t in composed] == [squeeze(t) for t in seed.cover]
    assert squeeze(v.title) == squeeze(seed.document.title or "")
    assert [squeeze(p) for p in v.paragraphs] == [squeeze(p) for p in seed.document.paragraphs]
    assert [(n.marker, n.text) for n in v.footnotes] == [
        (n.marker, n.text) for n in seed.document.footnotes
    ]
    page1 = unhyphenated(squeeze(r.page1))
    for text in (*seed.cover, *(line for line in seed.document.paragraphs)):
        assert unhyphenated(squeeze(text)) in page1
    assert squeeze(r.annex_pages) == squeeze(seed.annex)


@pytest.mark.parametrize("sample", range(len(samples.NAMES)), ids=samples.NAMES)
def test_arabic_text_reads_in_logical_order(
    rendered: dict[tuple[int, Language], Rendered], sample: int
) -> None:
    """Once pdftotext's bidi controls are removed, the cover as extracted is the
    composed cover, character for character in logical order (whitespace aside,
    digits and their touching dashes and parentheses as ``logical`` explains)."""
    r = rendered[sample, Language.AR]
    composed = logical("".join(cover_texts(r.version)))
    page1 = logical(r.page1)
    start = page1.index(logical(r.version.body or ""))
    assert page1[start : start + len(composed)] == composed
    assert re.search("[\u0600-\u06ff]", composed)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_round_trip_through_pdftotext_and_the_parser(
    rendered: dict[tuple[int, Language], Rendered], case: tuple[int, Language]
) -> None:
    """compose -> PDF -> pdftotext -> parse_text gives the record's fields back.

    pdftotext runs with ``-layout`` (it also keeps the indentation the parser reads
    paragraph starts from) and its bidi control characters are removed."""
    r = rendered[case]
    text = BIDI_CONTROLS.sub("", pdftotext(r.pdf, layout=True))
    expected = replace(r.document, language=case[1])
    assert round_trip_fields(parse_text(text)) == round_trip_fields(expected)


def round_trip_fields(doc: Document) -> dict[str, object]:
    return {
        "session": doc.session,
        "session_dates": doc.session_dates,
        "agenda_items": doc.agenda_items,
        "doc_type": doc.doc_type,
        "doc_date": doc.doc_date,
        "sender": doc.sender,
        "language": doc.language,
        "annex_languages": [a.language for a in doc.annexes],
    }


def test_the_same_version_gives_the_same_bytes(
    rendered: dict[tuple[int, Language], Rendered],
) -> None:
    r = rendered[0, Language.ZH]
    assert render(r.version) == r.pdf.read_bytes()


def test_record_text_is_printed_as_text_never_run_as_markup(
    rendered: dict[tuple[int, Language], Rendered], tmp_path: Path
) -> None:
    hostile = '#panic("x") *bold* $x^2$ ] } <label> @ref `raw` \\ #import "/etc/passwd"'
    version = replace(rendered[0, Language.EN].version, paragraphs=(hostile,), footnotes=())
    path = tmp_path / "hostile.pdf"
    path.write_bytes(render(version))
    assert squeeze(hostile) in squeeze(pdftotext(path, 1, 1, layout=True))


def test_a_footnote_marker_is_found_after_a_word_not_inside_a_number(
    rendered: dict[tuple[int, Language], Rendered],
) -> None:
    version = replace(
        rendered[0, Language.EN].version,
        paragraphs=("Document A/HRC/41/1 of 2019 and its annex1 follow.",),
        footnotes=(ComposedFootnote("1", "Reproduced as received."),),
    )
    assert template_data(version)["paragraphs"] == [[
        {"text": "Document A/HRC/41/1 of 2019 and its annex"},
        {"note": "1", "text": "Reproduced as received."},
        {"text": " follow."},
    ]]


def test_a_note_whose_marker_the_text_lacks_is_attached_to_the_title(
    rendered: dict[tuple[int, Language], Rendered],
) -> None:
    version = replace(rendered[0, Language.EN].version,
                      footnotes=(ComposedFootnote("**", "Reissued for technical reasons."),))
    data = template_data(version)
    assert data["title_runs"][-1] == {"note": "**", "text": "Reissued for technical reasons."}
    assert all(len(runs) == 1 for runs in data["paragraphs"])


def test_a_version_without_symbol_or_job_number_still_renders(
    rendered: dict[tuple[int, Language], Rendered], tmp_path: Path
) -> None:
    registered = rendered[0, Language.RU].version
    assert registered.symbol and registered.job_number
    version = replace(registered, symbol=None, job_number=None)
    path = tmp_path / "unregistered.pdf"
    path.write_bytes(render(version))
    text = pdftotext(path, layout=True)
    assert squeeze(version.title) in squeeze(text)
    assert registered.symbol not in text and registered.job_number not in text


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=200),
       paragraphs=st.lists(st.text(max_size=400), max_size=3))
def test_any_unicode_text_gives_a_pdf(
    rendered: dict[tuple[int, Language], Rendered], title: str, paragraphs: list[str]
) -> None:
    """Control characters, combining marks, bidi overrides, characters no font has:
    the page may show a blank for a missing glyph but the version is always typeset."""
    version = replace(rendered[0, Language.AR].version, title=title, paragraphs=tuple(paragraphs))
    assert render(version).startswith(b"%PDF-")


def test_a_lone_surrogate_is_refused_naming_the_field(
    rendered: dict[tuple[int, Language], Rendered],
) -> None:
    version = replace(rendered[0, Language.EN].version, paragraphs=("fine", "bad \ud800"))
    with pytest.raises(CompositionError, match=r"paragraphs\[1\].*U\+D800"):
        render(version)


def test_missing_fonts_are_named_with_their_debian_package(tmp_path: Path) -> None:
    with pytest.raises(CompositionError) as caught:
        find_font_dirs([tmp_path])
    assert "NotoSerif-Regular.ttf" in caught.value.detail
    assert "fonts-noto-core" in caught.value.detail
    assert "fonts-noto-cjk" in caught.value.detail
