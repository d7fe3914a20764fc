"""The language check of a translation: its script, and for Latin script its language."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from palais.languages import Language
from palais.parse.written_in import NotInLanguage, check_written_in
from palais.samples import load

FRENCH = "une nouvelle provocation des forces armées arméniennes vers la région de Kalbajar"


def test_every_translation_of_the_bundled_samples_passes() -> None:
    checked = 0
    for doc in load():
        for by_language in doc.translations.values():
            for language, text in by_language.items():
                check_written_in(text, language)
                checked += 1
    assert checked >= 10


@pytest.mark.parametrize(
    ("text", "language", "says"),
    [
        ("x", Language.AR, "Arabic script"),
        (FRENCH, Language.ZH, "Chinese characters"),
        (FRENCH, Language.RU, "Cyrillic"),
        ("новая провокация вооруженных сил Армении", Language.EN, "Latin alphabet"),
        ("亚美尼亚武装部队沿边界向克尔巴贾尔地区发动的新挑衅", Language.ES, "Latin alphabet"),
        (FRENCH, Language.EN, "reads as French, not English"),
        (FRENCH, Language.ES, "reads as French, not Spanish"),
        ("una nueva provocación de las fuerzas armadas armenias hacia la región de Kalbajar",
         Language.FR, "reads as Spanish, not French"),
        ("The Permanent Mission presents its compliments to the Office", Language.FR,
         "reads as English, not French"),
        ("— 12 / 2021 —", Language.FR, "no letter"),
    ],
)
def test_a_text_in_another_script_or_language_is_refused(
    text: str, language: Language, says: str
) -> None:
    with pytest.raises(NotInLanguage, match=says):
        check_written_in(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("استفزاز جديد من جانب القوات المسلحة الأرمينية (A/HRC/47/1)", Language.AR),
        ("Note verbale", Language.FR),  # too short to judge its language: its script is right
        ("Kalbajar, Lachin, Gubadli y Zangilan", Language.ES),  # names, one Spanish word
        ("Вербальная нота Постоянного представительства Азербайджана", Language.RU),
        ("阿塞拜疆常驻代表团的普通照会", Language.ZH),
    ],
)
def test_names_symbols_and_short_titles_pass(text: str, language: Language) -> None:
    check_written_in(text, language)


@given(st.text(alphabet=st.characters(whitelist_categories=("Nd", "P", "Zs")), max_size=40))
def test_a_text_without_letters_is_refused_for_every_language(text: str) -> None:
    for language in Language:
        with pytest.raises(NotInLanguage, match="no letter"):
            check_written_in(text, language)
