"""Dates and session date ranges in UN style, checked against printed documents."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from palais.conventions import date_range, format_date, month_lexicon, month_names
from palais.errors import InvalidInput
from palais.languages import Language

JUNE_6 = date(2019, 6, 6)


@pytest.mark.parametrize(
    ("lang", "printed"),
    [
        (Language.EN, "6 June 2019"),
        (Language.FR, "6 juin 2019"),
        (Language.ES, "6 de junio de 2019"),
        (Language.RU, "6 июня 2019 года"),
        (Language.AR, "6 حزيران/يونيه 2019"),
        (Language.ZH, "2019年6月6日"),
    ],
)
def test_format_date(lang: Language, printed: str) -> None:
    assert format_date(JUNE_6, lang) == printed


def test_first_of_the_month() -> None:
    assert format_date(date(2021, 6, 1), Language.FR) == "1er juin 2021"
    # Modern Spanish mastheads print "1 de octubre de 2019" (A/HRC/RES/42/23).
    assert format_date(date(2019, 10, 1), Language.ES) == "1 de octubre de 2019"


# Session date lines as printed on real covers (document in the comment).
PRINTED_RANGES = [
    (Language.EN, (2018, 9, 10), (2018, 9, 28), "10–28 September 2018"),  # A/HRC/RES/39/9
    (Language.EN, (2021, 6, 21), (2021, 7, 9), "21 June–9 July 2021"),  # A/HRC/47/G/10
    (Language.FR, (2021, 6, 21), (2021, 7, 9), "21 juin-9 juillet 2021"),  # FR seed
    (Language.FR, (2009, 7, 13), (2009, 7, 31), "13-31 juillet 2009"),  # CCPR/C/96/D/1311/2004
    (Language.FR, (2003, 3, 10), (2003, 4, 4), "10 mars-4 avril 2003"),  # CCPR/C/77/D/886/1999
    (Language.RU, (2019, 6, 24), (2019, 7, 12), "24 июня – 12 июля 2019 года"),  # RU seed
    (Language.RU, (2019, 9, 9), (2019, 9, 27), "9–27 сентября 2019 года"),  # A/HRC/RES/42/23
    (Language.ES, (2019, 9, 9), (2019, 9, 27), "9 a 27 de septiembre de 2019"),  # RES/42/23
    (Language.ES, (2006, 7, 10), (2006, 7, 28), "10 a 28 de julio de 2006"),  # CCPR/C/87/D/959/2000
    (Language.ES, (2007, 6, 11), (2007, 6, 18), "11 a 18 de junio de 2007"),  # A/HRC/5/21
    (Language.ES, (2022, 9, 12), (2022, 10, 7),
     "12 de septiembre a 7 de octubre de 2022"),  # A/HRC/RES/51/20
    (Language.AR, (2011, 2, 14), (2011, 3, 11),
     "14 شباط/فبراير - 11 آذار/مارس 2011"),  # CERD/C/URY/CO/16-20
    (Language.AR, (2009, 3, 16), (2009, 4, 3),
     "16 آذار/مارس - 3 نيسان/أبريل 2009"),  # CCPR/C/95/D/1479/2006
    (Language.AR, (2019, 9, 9), (2019, 9, 27), "9-27 أيلول/سبتمبر 2019"),  # A/HRC/RES/42/23
    (Language.ZH, (2010, 7, 12), (2010, 7, 30), "2010年7月12日至30日"),  # CCPR/C/99/D/1868/2009
    (Language.ZH, (2012, 4, 16), (2012, 4, 27), "2012年4月16日至27日"),  # CRPD/C/7/D/3/2011
    (Language.ZH, (2020, 6, 30), (2020, 7, 17), "2020年6月30日至7月17日"),  # A/HRC/RES/44/11
]


@pytest.mark.parametrize(("lang", "start", "end", "printed"), PRINTED_RANGES)
def test_date_range_as_printed(
    lang: Language, start: tuple[int, int, int], end: tuple[int, int, int], printed: str
) -> None:
    assert date_range(date(*start), date(*end), lang) == printed


@pytest.mark.parametrize("lang", list(Language))
def test_range_across_years_names_both_years(lang: Language) -> None:
    text = date_range(date(2019, 12, 30), date(2020, 1, 3), lang)
    assert "2019" in text and "2020" in text


def test_one_day_range_is_one_date() -> None:
    assert date_range(JUNE_6, JUNE_6, Language.EN) == "6 June 2019"


def test_reversed_range_is_refused() -> None:
    with pytest.raises(InvalidInput, match="before it starts"):
        date_range(date(2019, 7, 12), date(2019, 6, 24), Language.EN)


def test_month_lexicon_reads_every_printed_form() -> None:
    lexicon = month_lexicon()
    for lang in (Language.EN, Language.FR, Language.ES, Language.RU, Language.AR):
        for number, name in enumerate(month_names(lang), start=1):
            assert lexicon[name.casefold()] == number
    assert lexicon["حزيران"] == lexicon["يونيه"] == lexicon["يونيو"] == 6
    assert lexicon["июнь"] == lexicon["июня"] == 6
    assert lexicon["aout"] == 8
    assert set(lexicon.values()) == set(range(1, 13))


@given(st.dates(min_value=date(1946, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(list(Language)))
def test_every_date_prints_its_day_month_and_year(d: date, lang: Language) -> None:
    text = format_date(d, lang)
    assert str(d.year) in text
    assert month_names(lang)[d.month - 1] in text
