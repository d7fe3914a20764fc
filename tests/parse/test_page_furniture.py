"""Page furniture of multi-page extracts: running symbol, page numbers, job number footer.

Each case is page texts in the shape ``pdftotext -layout`` gives a UN document (the
running symbol at the head of pages after the first, set off by blank lines; the
page number at the foot; the job number at the foot of the first page), written
for these tests. What matters is that no furniture reaches a paragraph, a
footnote or an annex, and that every line of text does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from palais.parse import parse_text
from palais.parse.layout import Line, normalise_lines, ragged_end, strip_running
from palais.parse.structure import build_tree

FIXTURES = Path(__file__).parent.parent / "fixtures" / "parse" / "pdftotext"

COVER = """\
United Nations                                                  A/HRC/41/G/7
General Assembly                                                Distr.: General
                                                                17 June 2019
Human Rights Council
Forty-first session
24 June–12 July 2019
Agenda item 4
Human rights situations that require the Council’s attention

        Note verbale dated 6 June 2019 from the Permanent Mission of
        Azerbaijan addressed to the Office of the High Commissioner
                The Permanent Mission of the Republic of Azerbaijan presents its
        compliments to the Office and has the honour to transmit the statement
        of the Press Service of the Ministry of Foreign Affairs (see annex).
                The Permanent Mission kindly requests the Office to circulate the
        present note verbale and the annex


       * Reproduced as received, in the language of submission only.


GE.19-10234(E)
"""

PAGE_2 = """\
A/HRC/41/G/7


       thereto* as a document of the forty-first session of the Human Rights
       Council, under agenda item 4.
       Annex to the note verbale dated 6 June 2019 from the Permanent
       Mission of Azerbaijan addressed to the Office of the High Commissioner
       for Human Rights
       Statement of the Press Service of the Ministry of Foreign Affairs
       on the anniversary of occupation of the Kalbajar district
               On April 2, 1993 the Kalbajar district of Azerbaijan was occupied
       by armed forces of Armenia. Kalbajar lies beyond the Nagorno-Karabakh
       region of Azerbaijan and was occupied as a result of an offensive


2
"""

PAGE_3 = """\
                                                                A/HRC/41/G/7


operation mainly carried out from the territory of Armenia.
        As a result of the occupation, up to 60.000 inhabitants of Kalbajar
were expelled from their native lands.


                                                                           3
"""

PAGE_4 = """\
A/HRC/41/G/7


       Armenia until now continues to disregard the implementation demands
       of the resolutions.


4
"""

PAGES = [COVER, PAGE_2, PAGE_3, PAGE_4]
ANNEX = [
    "On April 2, 1993 the Kalbajar district of Azerbaijan was occupied by armed forces "
    "of Armenia. Kalbajar lies beyond the Nagorno-Karabakh region of Azerbaijan and was "
    "occupied as a result of an offensive operation mainly carried out from the territory "
    "of Armenia.",
    "As a result of the occupation, up to 60.000 inhabitants of Kalbajar were expelled "
    "from their native lands.",
    "Armenia until now continues to disregard the implementation demands of the "
    "resolutions.",
]


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_running_symbol_page_numbers_and_job_number_leave_every_part() -> None:
    doc = parse_text("\f".join(PAGES), pages=PAGES)
    cover, annex = doc.parts
    assert cover.paragraphs == (
        "The Permanent Mission of the Republic of Azerbaijan presents its compliments to "
        "the Office and has the honour to transmit the statement of the Press Service of "
        "the Ministry of Foreign Affairs (see annex).",
        "The Permanent Mission kindly requests the Office to circulate the present note "
        "verbale and the annex thereto* as a document of the forty-first session of the "
        "Human Rights Council, under agenda item 4.",
    )
    assert [(n.marker, n.text) for n in cover.footnotes] == [
        ("*", "Reproduced as received, in the language of submission only.")]
    assert annex.title == ("Annex to the note verbale dated 6 June 2019 from the Permanent "
                           "Mission of Azerbaijan addressed to the Office of the High "
                           "Commissioner for Human Rights")
    assert annex.subtitle == ("Statement of the Press Service of the Ministry of Foreign "
                              "Affairs on the anniversary of occupation of the Kalbajar district")
    assert list(annex.paragraphs) == ANNEX


def test_furniture_still_gives_the_cover_fields_it_carries() -> None:
    doc = parse_text("\f".join(PAGES), pages=PAGES)
    assert doc.job_number == "GE.19-10234"
    assert str(doc.symbol) == "A/HRC/41/G/7"


def test_only_the_edge_lines_of_furniture_are_dropped() -> None:
    lines = normalise_lines("", PAGES)
    kept = strip_running(lines)
    assert set(texts(lines)) - set(texts(kept)) == {"GE.19-10234(E)", "A/HRC/41/G/7", "2",
                                                    "3", "4"}
    # The masthead's symbol line on page 1 is the cover's and stays.
    assert kept[0].text == "United Nations A/HRC/41/G/7"
    assert len(kept) == len(lines) - 1 - 3 * 2


def test_the_line_under_a_dropped_header_keeps_no_blank_lines_before_it() -> None:
    """The blank lines are the page's top margin: in text that is not double spaced they
    would end the paragraph the page break cut."""
    kept = strip_running(normalise_lines("", PAGES))
    opening = next(line for line in kept if line.text.startswith("thereto*"))
    assert opening.gap_before == 0


def test_a_footnote_ends_with_its_page() -> None:
    """The text on the page after a footnote goes on with the paragraph the note cut."""
    tree = build_tree(strip_running(normalise_lines("", PAGES[:2])))
    assert tree.footnotes == [("*", "Reproduced as received, in the language of submission "
                                    "only.")]
    assert tree.paragraphs[-1].endswith("the annex thereto* as a document of the forty-first "
                                        "session of the Human Rights Council, under agenda "
                                        "item 4.")


@pytest.mark.parametrize("name, note, job", [
    ("zh_note_hrc.txt", "附件按原文照发，仅以提交语文分发。", "GE.20-08815"),
    ("ar_note_hrc.txt", None, "GE.20-02211"),
])
def test_job_number_footer_of_a_one_page_extract_is_no_text(
    name: str, note: str | None, job: str
) -> None:
    """Page 1's footer ("GE.20-08815(C)", in Arabic extracted as ")GE.20-02211(A") was
    glued to the footnote or the last paragraph; the job number field still reads it."""
    doc = parse_text((FIXTURES / name).read_text(encoding="utf-8"))
    cover = doc.parts[0]
    assert doc.job_number == job
    assert not any("GE." in p for p in (*cover.paragraphs, *(n.text for n in cover.footnotes)))
    if note:
        assert [n.text for n in cover.footnotes] == [note]


def page(*rows: str) -> str:
    return "\n".join(rows) + "\n"


BODY_2 = ("       The second page opens with a paragraph of its own that runs",
          "       over two lines.")
BODY_3 = ("       The third page holds another paragraph, also of two lines",
          "       at the margin.")


def test_an_excerpts_page_numbers_are_furniture() -> None:
    """Pages 2 and 3 of the file print 12 and 13: an offset two pages share."""
    lines = normalise_lines("", [page("       Cover text of the excerpt."),
                                 page("A/HRC/41/3", "", *BODY_2, "", "12"),
                                 page("A/HRC/41/3", "", *BODY_3, "", "13")])
    assert texts(strip_running(lines)) == [
        "Cover text of the excerpt.", *(row.strip() for row in (*BODY_2, *BODY_3))]


@pytest.mark.parametrize("last", ["7", "2019 2020", "12"])
def test_numbers_that_are_no_page_number_stay(last: str) -> None:
    """A number alone that is not the page's own, or numbers side by side, are text."""
    lines = normalise_lines("", [page("       Votes in favour:", last),
                                 page("       Votes against:", "", "2")])
    assert texts(strip_running(lines)) == ["Votes in favour:", last, "Votes against:"]


def test_a_running_title_on_every_page_after_the_first_is_furniture() -> None:
    lines = normalise_lines("", [page("       Cover text."),
                                 page("Report of the Special Rapporteur (advance version)", "",
                                      *BODY_2),
                                 page("Report of the Special Rapporteur (advance version)", "",
                                      *BODY_3)])
    assert texts(strip_running(lines)) == ["Cover text.",
                                           *(row.strip() for row in (*BODY_2, *BODY_3))]


@pytest.mark.parametrize("rows", [
    # Each runs on from the text beside it, with no blank line between.
    ("       The Council, under agenda", "       Item 4", "", "{n}"),
    # Set off, but each closes a sentence.
    ("       The Council decided:", "", "       Item 4.", "", "{n}"),
    # Set off, but each goes on with a sentence (lower case).
    ("       the Council, under agenda", "", "       item 4", "", "{n}"),
])
def test_body_text_repeated_at_the_edges_of_pages_stays(rows: tuple[str, ...]) -> None:
    """A document that quotes the same paragraph twice may open or end two pages with the
    same line: it is text unless it stands apart as a running line does."""
    pages = [page("       Cover text."),
             *(page("A/HRC/41/G/7", "", *(r.format(n=n) for r in rows)) for n in (2, 3))]
    kept = texts(strip_running(normalise_lines("", pages)))
    body = [row.strip() for row in rows[:-1] if row]
    assert kept == ["Cover text.", *body, *body]


def test_a_page_with_a_line_missing_keeps_the_others_running_lines() -> None:
    """A running line that is not on every page after the first is not taken for one."""
    lines = normalise_lines("", [page("       Cover text."),
                                 page("Preliminary draft", "", *BODY_2),
                                 page(*BODY_3)])
    assert "Preliminary draft" in texts(strip_running(lines))


def annex_lines(*rows: str) -> list[Line]:
    return [Line(row, 7, 2, 0) for row in rows]


def test_a_subtitle_under_the_heading_starts_where_a_word_would_have_fitted() -> None:
    heading = annex_lines("Annex to the note verbale dated 6 June 2019 from the Permanent",
                          "Mission of Azerbaijan to the United Nations Office at Geneva",
                          "addressed to the Office of the United Nations High Commissioner",
                          "for Human Rights",
                          "Statement of the Press Service of the Ministry of Foreign Affairs on",
                          "the anniversary of occupation of the Kalbajar district")
    assert ragged_end(heading) == 4


@pytest.mark.parametrize("rows, end", [
    (("Annex", "Statement by the Ministry of Foreign Affairs"), 1),
    (("附件", "阿塞拜疆常驻联合国日内瓦办事处代表团"), 1),
    # Every line filled up to the next word: one block.
    (("Annex to the note verbale dated 8 June 2021 from the",
      "Permanent Mission of Azerbaijan to the United Nations Office",
      "at Geneva addressed to the Office of the United Nations High",
      "Commissioner for Human Rights"), 4),
])
def test_ragged_end(rows: tuple[str, ...], end: int) -> None:
    assert ragged_end(annex_lines(*rows)) == end


def test_a_chinese_subtitle_is_joined_without_spaces() -> None:
    pages = [page("United Nations A/HRC/41/G/7", "Human Rights Council", "Forty-first session",
                  "       Note verbale dated 6 June 2019", "       The Permanent Mission of "
                  "Azerbaijan presents its compliments (see annex)."),
             page("A/HRC/41/G/7", "", "       附件", "       阿塞拜疆常驻联合国日内瓦办事处代表团",
                  "       给人权高专办的普通照会", "               代表团谨转递新闻处",
                  "       的声明。", "", "2")]
    annex = parse_text("\f".join(pages), pages=pages).parts[1]
    assert annex.title == "附件"
    assert annex.subtitle == "阿塞拜疆常驻联合国日内瓦办事处代表团给人权高专办的普通照会"
    assert annex.paragraphs == ("代表团谨转递新闻处的声明。",)
