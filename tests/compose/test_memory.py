"""The translation memory's units and keys: what matches exactly, what nearly, what not."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from palais.compose.memory import band_keys, digest, normalise, segments, similarity
from palais.languages import Language
from palais.samples import load

TEXT = ("The annex contains the report of the Government of Azerbaijan on the situation in "
        "the Kalbajar district since May 2021.")
NEAR = TEXT.replace("Kalbajar", "Lachin")
OTHER = "The Permanent Mission encloses a letter on water reservoirs of the Tartar river."


def test_case_spacing_accents_and_punctuation_do_not_change_the_digest() -> None:
    assert digest(TEXT) == digest("  the ANNEX contains the report of the government of "
                                  "Azerbaijan, on the situation in the Kalbajar district "
                                  "since May 2021 ")
    assert digest("Azerbaïdjan") == digest("azerbaidjan")
    assert digest("الحالةُ") == digest("الحالة")  # Arabic short vowels are marks
    assert digest(TEXT) != digest(NEAR)


def test_nearly_identical_texts_share_band_keys_and_different_ones_do_not() -> None:
    assert set(band_keys(TEXT, Language.EN)) & set(band_keys(NEAR, Language.EN))
    assert not set(band_keys(TEXT, Language.EN)) & set(band_keys(OTHER, Language.EN))
    assert 0.9 < similarity(TEXT, NEAR) < 1.0 == similarity(TEXT, TEXT.upper())
    assert similarity(TEXT, OTHER) < 0.75


def test_chinese_is_keyed_by_characters() -> None:
    text = "附件载有阿塞拜疆政府关于2021年5月以来克尔巴贾尔区局势的报告。"
    near = text.replace("克尔巴贾尔", "拉钦")
    assert set(band_keys(text, Language.ZH)) & set(band_keys(near, Language.ZH))


def test_an_issued_document_gives_each_passage_in_each_of_its_languages() -> None:
    doc = load()[1]
    found = segments(doc)
    keys = {s.passage for s in found}
    assert keys == set(doc.translations)
    for key in keys:
        languages = {s.language for s in found if s.passage == key}
        assert languages == {doc.language, *doc.translations[key]}
    assert segments(replace(doc, translations={})) == []


@given(st.text(max_size=200))
def test_normalising_is_idempotent_and_keys_follow_the_normal_form(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert digest(text) == digest(once)
    assert band_keys(text, Language.EN) == band_keys(once, Language.EN)
