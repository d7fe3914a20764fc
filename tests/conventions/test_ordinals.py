"""Session lines for every session number 1-99 in the six languages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from palais.conventions import (
    ordinal_lexicon,
    read_chinese_numeral,
    read_ordinal,
    session_line,
    session_ordinal,
)
from palais.errors import UnknownSession
from palais.languages import Language

REAL = yaml.safe_load(
    (Path(__file__).parents[1] / "fixtures" / "conventions" / "session_lines.yaml").read_text(
        encoding="utf-8"
    )
)
NUMBERS = range(1, 100)


def _real_cases() -> list[Any]:
    return [
        pytest.param(Language(lang), case, id=f"{lang}-{case['number']}")
        for lang, cases in REAL.items()
        for case in cases
    ]


def test_real_values_cover_ten_numbers_per_language() -> None:
    assert set(REAL) == {lang.value for lang in Language}
    assert all(len({case["number"] for case in cases}) >= 10 for cases in REAL.values())


@pytest.mark.parametrize(("lang", "case"), _real_cases())
def test_session_line_matches_real_documents(lang: Language, case: dict[str, Any]) -> None:
    line = session_line(case["number"], lang)
    if case.get("running"):
        # Printed inside a sentence: the same words, in lower case.
        assert line.casefold() == case["printed"].casefold()
    else:
        assert line == case["printed"]


def _read_back(line: str, lang: Language) -> int | None:
    """The number a session line states, read by the conventions' own readers."""
    if lang is Language.ZH:
        m = re.fullmatch(r"第(.+)届会议", line)
        return read_chinese_numeral(m.group(1)) if m else None
    if lang is Language.ES:
        m = re.fullmatch(r"(\d+)(?:º|er) período de sesiones", line)
        return int(m.group(1)) if m else None
    if lang is Language.AR:
        return read_ordinal(line.removeprefix("الدورة "))
    word = {Language.RU: " сессия"}.get(lang, " session")
    return read_ordinal(line.removesuffix(word))


@pytest.mark.parametrize("lang", list(Language))
def test_every_number_reads_back_to_itself(lang: Language) -> None:
    lines = [session_line(n, lang) for n in NUMBERS]
    assert [_read_back(line, lang) for line in lines] == list(NUMBERS)
    assert len(set(lines)) == len(lines)


@pytest.mark.parametrize("lang", [Language.EN, Language.FR, Language.RU])
def test_lines_start_with_a_capital_and_end_with_the_session_word(lang: Language) -> None:
    for n in NUMBERS:
        line = session_line(n, lang)
        assert line[0].isupper()
        assert line.endswith("сессия" if lang is Language.RU else "session")


def test_french_et_unieme_only_from_21_to_71() -> None:
    with_et = [n for n in NUMBERS if " et " in session_line(n, Language.FR)]
    assert with_et == [21, 31, 41, 51, 61, 71]
    assert session_line(81, Language.FR) == "Quatre-vingt-unième session"
    assert session_line(1, Language.FR) == "Première session"


def test_spanish_indicator_follows_apocopation() -> None:
    er = [n for n in NUMBERS if session_line(n, Language.ES).startswith(f"{n}er ")]
    assert er == [n for n in NUMBERS if n % 10 in (1, 3) and n != 11]


def test_running_text_cases() -> None:
    assert session_ordinal(41, Language.RU, case="genitive") == "сорок первой"
    assert session_ordinal(47, Language.FR) == "quarante-septième"
    assert session_ordinal(41, Language.AR, case="genitive") == "الحادية والأربعين"
    assert session_ordinal(41, Language.ZH) == "四十一"


def test_special_session_lines() -> None:
    # A/61/53 (AR) prints "الدورة الاستثنائية الأولى"; A/HRC/S-1/1 "First special session".
    assert session_line(1, Language.AR, special=True) == "الدورة الاستثنائية الأولى"
    assert session_line(1, Language.EN, special=True) == "First special session"


def test_lexicon_holds_every_form() -> None:
    lexicon = ordinal_lexicon()
    assert lexicon["сорок первой"] == 41
    assert lexicon["41er"] == 41
    assert lexicon["quatre-vingt-dix-neuvième"] == 99


@pytest.mark.parametrize("bad", [0, 100, -3, True, "41"])
def test_numbers_outside_1_to_99_are_refused(bad: Any) -> None:
    with pytest.raises(UnknownSession):
        session_line(bad, Language.EN)


@pytest.mark.parametrize(
    ("words", "value"),
    [("Séptimo", 7), ("quincuagésimo noveno", 59), ("сорок первой", 41),
     ("Sexagésimo segundo", 62), ("Fiifiy-ninth", None), ("", None)],
)
def test_read_ordinal_older_and_inflected_forms(words: str, value: int | None) -> None:
    assert read_ordinal(words) == value
