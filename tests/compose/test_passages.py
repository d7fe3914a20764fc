"""Which cover text is free text to translate, and what happens when it is missing."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palais.compose import compose, missing_translations
from palais.compose.passages import passages
from palais.errors import CompositionError, MissingTranslation
from palais.languages import ALL, Language
from palais.model import DocType, Document
from palais.samples import load


def without(doc: Document, passage: str, lang: Language) -> Document:
    translations = {k: dict(v) for k, v in doc.translations.items()}
    del translations[passage][lang]
    return dataclasses.replace(doc, translations=translations)


def test_the_mission_own_paragraphs_are_passages_and_the_formulae_are_not(
    samples: dict[str, Document],
) -> None:
    # 2019: both paragraphs name the mission in full, so neither is the standard request.
    assert [p.key for p in passages(samples["note_verbale_aze_2019_ru"])] == [
        "cover.paragraph.1",
        "cover.paragraph.2",
    ]
    # 2021: the second paragraph is the standard request, title and footnote are formulae.
    fr = samples["note_verbale_aze_2021_fr"]
    found = passages(fr)
    assert [p.key for p in found] == ["cover.paragraph.1"]
    assert found[0].original == fr.paragraphs[0]


def test_the_samples_lack_no_translation(samples: dict[str, Document]) -> None:
    for doc in samples.values():
        assert missing_translations(doc) == {lang: [] for lang in ALL}


def test_a_record_without_translations_awaits_every_other_language(
    samples: dict[str, Document],
) -> None:
    doc = dataclasses.replace(samples["note_verbale_aze_2019_ru"], translations={})
    missing = missing_translations(doc)
    assert missing[Language.RU] == []
    for lang in ALL:
        if lang is not Language.RU:
            assert missing[lang] == ["cover.paragraph.1", "cover.paragraph.2"]
    assert compose(doc, Language.RU).paragraphs == doc.paragraphs


def test_a_missing_translation_names_its_language_and_passage(
    samples: dict[str, Document],
) -> None:
    doc = without(samples["note_verbale_aze_2019_ru"], "cover.paragraph.2", Language.ES)
    assert missing_translations(doc)[Language.ES] == ["cover.paragraph.2"]
    assert missing_translations(doc)[Language.EN] == []
    with pytest.raises(MissingTranslation) as caught:
        compose(doc, Language.ES)
    assert caught.value.missing == {"es": ("cover.paragraph.2",)}
    assert "es: cover.paragraph.2" in caught.value.detail
    assert compose(doc, Language.EN).paragraphs[1].startswith("The Permanent Mission")


def test_a_blank_translation_is_missing(samples: dict[str, Document]) -> None:
    doc = samples["note_verbale_aze_2021_fr"]
    translations = {k: dict(v) for k, v in doc.translations.items()}
    translations["cover.paragraph.1"][Language.ZH] = "  "
    doc = dataclasses.replace(doc, translations=translations)
    assert missing_translations(doc)[Language.ZH] == ["cover.paragraph.1"]


def test_formulae_are_written_in_each_language(samples: dict[str, Document]) -> None:
    en = compose(samples["note_verbale_aze_2021_fr"], Language.EN)
    assert en.title.startswith("Note verbale dated 8 June 2021 from the Permanent Mission of")
    assert en.paragraphs[1].startswith("The Permanent Mission kindly requests")
    assert en.footnotes[0].text == "Reproduced as received, in the language of submission only."


def test_a_title_that_is_no_standard_title_is_a_passage(samples: dict[str, Document]) -> None:
    doc = dataclasses.replace(
        samples["note_verbale_aze_2021_fr"],
        doc_type=DocType.LETTER,
        title="Lettre datée du 8 juin 2021",
    )
    keys = [p.key for p in passages(doc)]
    assert keys[0] == "cover.title"
    # A letter has no standard request either.
    assert "cover.paragraph.2" in keys
    with pytest.raises(MissingTranslation):
        compose(doc, Language.EN)


def test_a_record_without_title_cannot_be_composed(samples: dict[str, Document]) -> None:
    doc = dataclasses.replace(samples["note_verbale_aze_2021_fr"], title=None)
    with pytest.raises(CompositionError, match="no title"):
        compose(doc, Language.FR)


_PAIRS = [
    (key, lang)
    for key in ("cover.paragraph.1", "cover.paragraph.2")
    for lang in ALL
    if lang is not Language.RU
]


@settings(max_examples=40, deadline=None)
@given(st.sets(st.sampled_from(_PAIRS)))
def test_exactly_the_removed_translations_are_missing(
    removed: set[tuple[str, Language]],
) -> None:
    doc = load()[0]
    for key, lang in removed:
        doc = without(doc, key, lang)
    missing = missing_translations(doc)
    assert {(k, lang) for lang, keys in missing.items() for k in keys} == removed
    for lang in ALL:
        if missing[lang]:
            with pytest.raises(MissingTranslation) as caught:
                compose(doc, lang)
            assert caught.value.missing == {lang.value: tuple(missing[lang])}
        else:
            assert compose(doc, lang).language is lang


def test_a_request_worded_otherwise_goes_to_translators_unchanged(
    samples: dict[str, Document],
) -> None:
    """A real request reads "... as a document of the Human Rights Council under agenda
    item 4", without the session: it is the mission's text, not the formula. It is a
    passage with its own words, offered the formula as a suggestion, and every other
    version prints the translator's text, never the formula with the session added."""
    fr = samples["note_verbale_aze_2021_fr"]
    variant = (
        "La Mission permanente prie le Haut-Commissariat des Nations Unies aux droits de "
        "l’homme de bien vouloir faire distribuer la présente note verbale et son annexe* "
        "en tant que document du Conseil des droits de l’homme, au titre du point 4 de "
        "l’ordre du jour."
    )
    doc = dataclasses.replace(
        fr, parts=(dataclasses.replace(fr.cover, paragraphs=(fr.paragraphs[0], variant)),
                   *fr.annexes),
    )
    found = {p.key: p for p in passages(doc)}
    request = found["cover.paragraph.2"]
    assert request.original == variant
    # The nearest formula is offered in the other languages, with the session it names.
    assert "forty-seventh session" in request.suggestions[Language.EN]
    assert Language.FR not in request.suggestions
    assert set(request.suggestions) == set(ALL) - {Language.FR}
    with pytest.raises(MissingTranslation) as missing:
        compose(doc, Language.EN)
    assert "cover.paragraph.2" in str(missing.value)
    mine = "The Permanent Mission requests that the note be circulated under agenda item 4."
    translations = {**doc.translations, "cover.paragraph.2": {lang: mine for lang in ALL}}
    for lang in ALL:
        composed = compose(dataclasses.replace(doc, translations=translations), lang)
        expected = variant if lang is Language.FR else mine
        assert composed.paragraphs[1] == expected


def test_text_unlike_the_formula_is_offered_no_suggestion(
    samples: dict[str, Document],
) -> None:
    fr = samples["note_verbale_aze_2021_fr"]
    first = next(p for p in passages(fr) if p.key == "cover.paragraph.1")
    assert first.suggestions == {}
