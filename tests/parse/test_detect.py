"""Language of a part: script first, then function words, then lingua."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from palais.languages import Language
from palais.parse.detect import _LINGUA, SAMPLE, _detector, by_function_words, detect_language

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
_ANNEX = " ".join((SEEDS / "ru_a_hrc_41_2019.txt").read_text(encoding="utf-8").split())
_ANNEX = _ANNEX[_ANNEX.index("Escalation") :]
_FRENCH = " ".join((SEEDS / "fr_hrc_47_2021.txt").read_text(encoding="utf-8").split())
_FRENCH = _FRENCH[_FRENCH.index("La Mission permanente") :]


def test_scripts_decide_russian_arabic_chinese() -> None:
    assert detect_language("Постоянное представительство Азербайджанской Республики") is Language.RU
    assert detect_language("تهدي البعثة الدائمة لجمهورية أذربيجان تحياتها") is Language.AR
    chinese = "阿塞拜疆共和国常驻联合国日内瓦办事处代表团向联合国人权事务高级专员办事处致意"
    assert detect_language(chinese) is Language.ZH


def test_function_words_decide_running_text() -> None:
    assert by_function_words(_ANNEX[:SAMPLE]) is Language.EN
    assert by_function_words(_FRENCH[:SAMPLE]) is Language.FR
    spanish = ("La Misión Permanente de la República de Azerbaiyán ante la Oficina de las Naciones "
               "Unidas saluda a la Oficina del Alto Comisionado y tiene el honor de transmitir "
               "el informe sobre los hechos del 2 de abril, con la solicitud de que se publique "
               "como documento del Consejo en relación con el tema 4 de la agenda.")
    assert by_function_words(spanish) is Language.ES
    assert detect_language(spanish) is Language.ES


def test_mixed_or_short_text_is_left_to_lingua() -> None:
    mixed = _ANNEX[:200] + " " + _FRENCH[:200]
    assert by_function_words(mixed) is None
    assert by_function_words("Conseil des droits de l'homme") is None
    assert detect_language(mixed) in (Language.EN, Language.FR)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([_ANNEX, _FRENCH]), st.integers(min_value=0, max_value=1500))
def test_function_words_never_contradict_lingua(text: str, start: int) -> None:
    """Where function words decide a sample of the seeds, lingua decides it the same way."""
    sample = text[start : start + SAMPLE]
    decided = by_function_words(sample)
    if decided is not None:
        assert _LINGUA[_detector().detect_language_of(sample).name] is decided
