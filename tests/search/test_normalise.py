"""The language rules shared by both engines, checked on their own."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from palais.errors import InvalidInput
from palais.languages import Language
from palais.search.normalise import fold, han_terms, terms
from palais.search.query import Alternative, parse_query

ARABIC_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Résolution", "resolution"),
        ("ÉTATS", "etats"),
        ("Kəlbəcər", "kəlbəcər"),
        ("Ёлка йод", "елка йод"),
        ("أإآٱ", "اااا"),
        ("مدرسة على", "مدرسه علي"),
        ("مُؤْتَمَر", "موتمر"),
        ("الـــعالم", "العالم"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهوي ", min_size=1), st.data())
def test_arabic_diacritics_never_change_the_terms(plain: str, data: st.DataObject) -> None:
    marked = "".join(
        ch + (data.draw(st.sampled_from(ARABIC_MARKS)) if ch != " " else "") for ch in plain
    )
    assert terms(marked, Language.AR) == terms(plain, Language.AR)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèêàçôûïÉÀ ", min_size=1))
def test_accents_never_change_french_terms(text: str) -> None:
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    assert terms(text, Language.FR) == terms(stripped, Language.FR)


@given(st.text(alphabet="人权理事会难民报告的", min_size=1, max_size=12))
def test_a_han_run_has_one_term_per_character(run: str) -> None:
    found = han_terms(run)
    assert len(found) == len(run)
    assert [t[0] for t in found] == list(run)


def test_terms_keep_one_per_word_for_phrases() -> None:
    assert terms("Droits de l'homme", Language.FR) == ["droit", "de", "l", "homm"]
    assert terms("人权理事会 2021", Language.ZH) == ["人权", "权理", "理事", "事会", "会", "2021"]


def test_a_place_name_expands_to_its_spellings_as_prefixes() -> None:
    (clause,) = parse_query("Kalbajar").clauses(Language.RU)
    assert Alternative(("кельбаджар",), prefix=True) in clause.alternatives
    assert Alternative(("卡尔", "尔巴", "巴贾", "贾尔"), prefix=False) in clause.alternatives


def test_phrases_prefixes_and_single_characters() -> None:
    phrase, star, char = parse_query('"Droits de l\'homme" rés* 难').clauses(Language.FR)
    assert phrase.alternatives == (Alternative(("droit", "de", "l", "homm")),)
    assert star.alternatives == (Alternative(("res",), prefix=True),)
    assert char.alternatives == (Alternative(("难",), prefix=True),)


def test_a_bare_chinese_run_is_its_bigrams_in_any_order_and_quoted_a_phrase() -> None:
    bare, quoted, pair, starred = parse_query(
        '联合国人权理事会联合国 "人权理事会" 人权 人权理*'
    ).clauses(Language.ZH)
    pairs = ("联合", "合国", "国人", "人权", "权理", "理事", "事会", "会联")  # "联合" once
    assert bare.alternatives == (Alternative(pairs, ordered=False),)
    assert quoted.alternatives == (Alternative(("人权", "权理", "理事", "事会")),)
    assert pair.alternatives == (Alternative(("人权",)),)
    assert starred.alternatives == (Alternative(("人权", "权理"), prefix=False),)


def test_an_overlong_query_is_refused() -> None:
    with pytest.raises(InvalidInput, match="at most"):
        parse_query("word " * 200)
