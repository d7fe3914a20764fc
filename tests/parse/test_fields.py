"""Field finders on short cover lines in the six languages."""

from __future__ import annotations

from datetime import date

import pytest

from palais.conventions import read_chinese_numeral as chinese_number
from palais.conventions import read_ordinal as ordinal_value
from palais.parse import fields


@pytest.mark.parametrize(
    ("words", "value"),
    [("Forty-first", 41), ("Sixtieth", 60), ("Quarante-septième", 47), ("soixante et onzième", 71),
     ("Сорок первая", 41), ("Шестидесятая", 60), ("Séptimo", 7), ("الخامسة والسبعون", 75),
     ("Twenty-fourth", 24), ("not a number", None)],
)
def test_ordinal_words(words: str, value: int | None) -> None:
    assert ordinal_value(words) == value


def test_chinese_numbers() -> None:
    found = (chinese_number("四十三"), chinese_number("十"), chinese_number("一百零五"))
    assert found == (43, 10, 105)


@pytest.mark.parametrize(
    ("line", "items"),
    [("Agenda item 112 (e)", (112,)), ("Agenda items 36, 52 and 60", (36, 52, 60)),
     ("Points 2 et 3 de l’ordre du jour", (2, 3)), ("Пункт 4 повестки дня", (4,)),
     ("Tema 1 de la agenda", (1,)), ("البند 70 من جدول الأعمال", (70,)), ("议程项目4", (4,)),
     ("(البند 3 من جدول الأعمال)", ())],
)
def test_agenda_items_drop_sub_items(line: str, items: tuple[int, ...]) -> None:
    assert fields.agenda_items(line) == items


def test_special_session_single_day() -> None:
    text = "HUMAN RIGHTS COUNCIL First special session 5 July 2006 Letter dated 30 June 2006"
    found = fields.session_number(text)
    assert found is not None and found[0] == 1
    assert fields.special_session_day(text, found[1]) == (date(2006, 7, 5), date(2006, 7, 5))
    regular = "Fourth session 5 July 2006"
    assert fields.special_session_day(regular, 0) is None


@pytest.mark.parametrize(
    ("text", "when"),
    [("6 июня 2019 года", date(2019, 6, 6)), ("1er juillet 2016", date(2016, 7, 1)),
     ("24 de diciembre de 2014", date(2014, 12, 24)), ("2020年3月31日", date(2020, 3, 31)),
     ("26 تموز/يوليه 2002", date(2002, 7, 26)), ("April 2, 1993", date(1993, 4, 2))],
)
def test_dates_in_six_languages(text: str, when: date) -> None:
    assert fields.find_dates(text)[0][1] == when


def test_symbol_glued_to_its_date_is_cut() -> None:
    sym = fields.symbol("GENERAL\nCCPR/C/SR.204025 August 2009\nDistr.: General")
    assert str(sym) == "CCPR/C/SR.2040"


@pytest.mark.parametrize(
    ("title", "states"),
    [("Letter dated 1 May 2020 from the Permanent Representatives of Egypt, Jordan and Qatar "
      "to the United Nations addressed to the Secretary-General", ("EGY", "JOR", "QAT")),
     ("Note verbale dated 3 March 2021 from the Permanent Observer Mission of the State of "
      "Palestine to the United Nations Office at Geneva addressed to the Office of the High "
      "Commissioner", ("PSE",)),
     ("Letter dated 2 June 2019 from the Permanent Observer of the Holy See to the United "
      "Nations addressed to the President of the General Assembly", ("VAT",)),
     ("Lettre datée du 8 juin 2021, adressée au Secrétaire général par la Mission permanente "
      "de la République arabe syrienne auprès de l’Organisation", ("SYR",))],
)
def test_senders_single_joint_and_observers(title: str, states: tuple[str, ...]) -> None:
    assert fields.senders(title) == states
