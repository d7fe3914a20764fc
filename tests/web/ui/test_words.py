"""Codes in words, in each reader's language (palais.web.ui.words)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from palais.languages import Language
from palais.web.ui.i18n import translations
from palais.web.ui.words import Words


def words(lang: Language) -> Words:
    return Words(lang, translations(lang).gettext)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (Language.EN, "2 December 2026"),
        (Language.FR, "2 décembre 2026"),
        (Language.ES, "2 de diciembre de 2026"),
        (Language.RU, "2 декабря 2026\u202fг."),
        (Language.ZH, "2026年12月2日"),
    ],
)
def test_a_date_reads_as_the_readers_locale_writes_it(lang: Language, expected: str) -> None:
    assert words(lang).day(date(2026, 12, 2)) == expected


def test_a_stored_timestamp_reads_to_the_minute_in_utc_without_microseconds() -> None:
    stamp = "2026-12-01 21:50:13.165422+00:00"
    assert words(Language.EN).moment(stamp) == "1 Dec 2026, 21:50 UTC"
    assert words(Language.FR).moment(stamp) == "1 déc. 2026, 21:50 UTC"
    local = datetime(2026, 12, 1, 22, 50, tzinfo=UTC).astimezone()
    assert words(Language.EN).moment(local) == "1 Dec 2026, 22:50 UTC"


def test_codes_are_named_in_the_page_language() -> None:
    fr = words(Language.FR)
    assert fr.state("in_translation") != "in_translation"
    assert fr.kind("note_verbale") == "Note verbale"
    assert fr.country("AZE") == "Azerbaïdjan"
    assert fr.language("ar") == "arabe"
    assert words(Language.RU).language("fr") == "французский"
    assert words(Language.EN).session(41) == "Forty-first session"


def test_an_unknown_code_is_shown_as_it_is_rather_than_failing() -> None:
    en = words(Language.EN)
    assert en.country("XXX") == "XXX"
    assert en.language("la") == "la"
    assert en.state("archived") == "archived"
    assert en.day("8 juin 2021") == "8 juin 2021"


def test_a_point_to_check_is_said_in_the_readers_language_with_what_was_read_as_read() -> None:
    point = ("session: 49, from the request to circulate; OCR was unsure of some words there "
             "(Forty-ninth): check it")
    chinese = words(Language.ZH).point(point)
    assert chinese.lang == Language.ZH.info.bcp47
    assert chinese.text == ("届会：49，取自分发请求；光学字符识别对其中一些字词没有把握"
                            "（Forty-ninth）：请核对")
    arabic = words(Language.AR).point("reference: “2024/88/ح”, as printed")
    assert arabic.text == "الرقم المرجعي: ”2024/88/ح“، كما هو مطبوع"
    stranger = words(Language.FR).point("reference: written by another program")
    assert (stranger.text, stranger.lang) == ("reference: written by another program", "en")
