"""Text as ``pdftotext -layout`` gives it from a typeset PDF: the parser reads through
the artefacts of that extraction.

* Right-to-left lines: pdftotext wraps them (and every number in them) in bidi
  embedding marks, and puts a run of digits with the spaces and punctuation
  beside it back in the wrong place ("البند 4 من" -> "البند  4من",
  "يونيه - 12 تموز" -> "يونيه  12 -تموز", "1، 2" -> "2 ،1").
* Right-aligned right-to-left lines: their left indentation follows their length,
  not the layout.
* A line one column left of its neighbours (a typesetter narrows an opening
  bracket "（" at line start by half an em).

The fixtures under tests/fixtures/parse/pdftotext/ are covers written for these
tests in that shape; the expected fields are read off them by a person.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from palais.conventions import format_date
from palais.languages import Language
from palais.parse import fields, parse_text
from palais.parse.layout import Line, join_paragraphs, normalise_lines
from palais.records import to_record

FIXTURES = Path(__file__).parent.parent / "fixtures" / "parse" / "pdftotext"

EXPECTED = {
    # Arabic cover: bidi marks kept, every line right-aligned, numbers displaced.
    "ar_note_hrc.txt": dict(
        symbol="A/HRC/43/G/5", body="HRC", session=43,
        session_dates=["2020-02-24", "2020-03-20"], agenda_items=[2, 3],
        doc_type="note_verbale", doc_date="2020-02-10", sender_state="QAT",
        addressee="OHCHR", language="ar", original_language="ar", job_number="GE.20-02211",
        title="مذكرة شفوية مؤرخة 10شباط/فبراير 2020موجهة إلى مفوضية الأمم المتحدة السامية "
              "لحقوق الإنسان من البعثة الدائمة لقطر لدى مكتب الأمم المتحدة في جنيف",
    ),
    # Chinese cover: the "（见附件）" line one column left of the margin.
    "zh_note_hrc.txt": dict(
        body="HRC", session=44, session_dates=["2020-06-30", "2020-07-17"],
        agenda_items=[3], doc_type="note_verbale", doc_date="2020-06-25",
        sender_state="CHL", addressee="OHCHR", language="zh", original_language="es",
        title="智利常驻联合国日内瓦办事处代表团2020年6月25日给联合国人权事务高级专员办事处的普通照会",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cover_fields_through_extraction_artefacts(name: str) -> None:
    record = to_record(parse_text((FIXTURES / name).read_text(encoding="utf-8")))
    for key, value in EXPECTED[name].items():
        assert record[key] == value, key


def test_chinese_paragraph_keeps_its_line_one_column_left() -> None:
    doc = parse_text((FIXTURES / "zh_note_hrc.txt").read_text(encoding="utf-8"))
    assert doc.parts[0].paragraphs[0].endswith("以供参考和分发（见附件）。")


def folded(extract_line: str) -> str:
    """The line as the parser's first stage gives it to the field readers."""
    return normalise_lines(extract_line)[0].text


@pytest.mark.parametrize(("line", "items"), [
    ("‫البند ‪ 4‬من جدول الأعمال‬", (4,)),
    ("البند  4من جدول الأعمال", (4,)),
    ("البندان  2و  10من جدول الأعمال", (2, 10)),
    ("البنود  2 ،1و  3من جدول الأعمال", (1, 2, 3)),
    ("البند 7 من جدول الأعمال", (7,)),
])
def test_arabic_agenda_line_with_displaced_numbers(line: str, items: tuple[int, ...]) -> None:
    assert fields.agenda_items(folded(line)) == items


@pytest.mark.parametrize(("line", "span"), [
    ("24حزيران/يونيه  12 -تموز/يوليه 2019", (date(2019, 6, 24), date(2019, 7, 12))),
    ("‫‪ 21‬حزيران‪/‬يونيه ‪ 9 -‬تموز‪/‬يوليه ‪2021‬‬", (date(2021, 6, 21), date(2021, 7, 9))),
    ("24كانون الأول/ديسمبر  12 - 2019كانون الثاني/يناير 2020",
     (date(2019, 12, 24), date(2020, 1, 12))),
    ("9-27أيلول/سبتمبر 2019", (date(2019, 9, 9), date(2019, 9, 27))),
])
def test_arabic_date_range_with_displaced_dash_and_year(
    line: str, span: tuple[date, date]
) -> None:
    assert fields.session_dates(folded(line)) == span


def _arabic_month(day: date) -> str:
    """The month as Arabic covers print it ("حزيران/يونيه"), taken from the conventions."""
    return format_date(day, Language.AR).split(" ", 1)[1].rsplit(" ", 1)[0]


@given(st.dates(min_value=date(1946, 1, 1), max_value=date(2099, 1, 1)),
       st.integers(min_value=1, max_value=400))
def test_any_arabic_range_in_the_displaced_shapes_reads_back(start: date, days: int) -> None:
    """The shapes pdftotext gives a range over two years (first year after the second
    day), over two months (dash after the second day) and within a month (number glued)."""
    end = start + timedelta(days=days)
    m1, m2 = _arabic_month(start), _arabic_month(end)
    if start.year != end.year:
        line = f"{start.day}{m1}  {end.day} - {start.year}{m2} {end.year}"
    elif start.month != end.month:
        line = f"{start.day}{m1}  {end.day} -{m2} {end.year}"
    else:
        line = f"{start.day}-{end.day}{m2} {end.year}"
    assert fields.session_dates(folded(line)) == (start, end)


def test_bidi_marks_are_removed_from_lines() -> None:
    (line,) = normalise_lines("      \u202bالبند \u202a 4\u202cمن جدول الأعمال\u202c\n")
    assert line.text == "البند 4من جدول الأعمال"


def test_one_column_of_indentation_is_extraction_noise() -> None:
    lines = [Line("First line of a title that runs on", 8, 1, 0),
             Line("(and its second line, one column left)", 7, 1, 0),
             Line("and its third line", 8, 1, 0),
             Line("A paragraph indented by three columns starts here", 11, 1, 0)]
    assert join_paragraphs(lines, spaced=False) == [
        "First line of a title that runs on (and its second line, one column left) "
        "and its third line",
        "A paragraph indented by three columns starts here",
    ]


def test_right_aligned_arabic_lines_are_not_split_by_their_left_indentation() -> None:
    lines = [Line("مذكرة شفوية مؤرخة 6 حزيران/يونيه 2019 موجهة إلى مفوضية الأمم المتحدة", 18, 1, 0),
             Line("السامية لحقوق الإنسان من البعثة الدائمة لأذربيجان", 41, 1, 0),
             Line("تهدي البعثة الدائمة لأذربيجان تحياتها إلى المفوضية، وتتشرف بأن تحيل", 8, 1, 0),
             Line("بيانا (انظر المرفق).", 97, 1, 0),
             Line("وترجو البعثة الدائمة تعميم هذه المذكرة الشفوية.", 60, 1, 0)]
    paragraphs = join_paragraphs(lines, spaced=False)
    assert [p.split()[0] for p in paragraphs] == ["مذكرة", "تهدي", "وترجو"]
    assert paragraphs[1].endswith("بيانا (انظر المرفق).")


def test_margin_is_each_pages_own_and_not_set_by_running_headers() -> None:
    """Page 2 has its running symbol and page number at column 0 and the text at column 7;
    page 3 counts its columns from the text itself (as ``-layout`` gives them)."""
    lines = [Line("A/HRC/41/G/7", 0, 2, 0),
             Line("The first paragraph of the annex opens on this line and", 15, 2, 2),
             Line("goes on at the margin of the page, which is column seven of", 7, 2, 0),
             Line("page two, and it ends on this line.", 7, 2, 0),
             Line("2", 0, 2, 0),
             Line("The second paragraph starts at the head of page three with", 8, 3, 1),
             Line("its first-line indent, counted from the page's own margin and", 0, 3, 0),
             Line("closing here.", 0, 3, 0)]
    assert [p.split()[:2] for p in join_paragraphs(lines, spaced=False)] == [
        ["A/HRC/41/G/7"], ["The", "first"], ["2"], ["The", "second"]]


def test_soft_hyphen_ending_a_line_joins_the_broken_word() -> None:
    """pdftotext keeps the soft hyphen where a typesetter broke a word at a line end."""
    lines = normalise_lines("Note verbale adressée au Haut-Commis\u00ad\n"
                            "sariat des Nations Unies par la Mission perma\u00ad  \n"
                            "nente de l’Azerbaïdjan\n")
    assert join_paragraphs(lines, spaced=False) == [
        "Note verbale adressée au Haut-Commissariat des Nations Unies par la Mission "
        "permanente de l’Azerbaïdjan"]


def test_title_set_in_from_the_margin_as_a_block_stays_one_paragraph() -> None:
    """A title padded from the margin prints every line at its column; paragraphs open at
    the same column with their first-line indent and go on at the margin."""
    lines = [Line("Note verbale dated 6 June 2019 from the Permanent Mission", 6, 1, 0),
             Line("of Azerbaijan to the United Nations Office at Geneva addressed", 6, 1, 0),
             Line("to the Office of the High Commissioner", 7, 1, 0),
             Line("The Permanent Mission of the Republic of Azerbaijan presents its compliments", 6,
                  1, 0),
             Line("to the Office and has the honour to transmit a statement (see annex).", 0, 1, 0),
             Line("The Mission requests that the present note be circulated as a", 6, 1, 0),
             Line("document of the Council.", 0, 1, 0)]
    assert [p.split()[:2] for p in join_paragraphs(lines, spaced=False)] == [
        ["Note", "verbale"], ["The", "Permanent"], ["The", "Mission"]]
