"""A place is found under any of its spellings, in any language version."""

from __future__ import annotations

import pytest

from palais.languages import Language
from palais.search import SearchIndex
from tests.search.documents import issued

SPELLINGS = {
    1: (Language.EN, "The occupation of the Kalbajar district of Azerbaijan."),
    2: (Language.RU, "в связи с годовщиной оккупации Кельбаджарского района"),
    3: (Language.FR, "la région de Kelbadjar, selon le ministère"),
    4: (Language.EN, "Residents of Kəlbəcər returned."),
    5: (Language.ES, "en el distrito de Kalbayar"),
    6: (Language.AR, "احتلال منطقة كلبجار"),
    7: (Language.ZH, "卡尔巴贾尔区的局势"),
    8: (Language.RU, "жители Кельбаджара вернулись"),
    9: (Language.AR, "استعادت السيطرة على مقاطعة كلبجر"),
}
DECOYS = {
    20: (Language.EN, "The port of Kalba in the Emirates."),
    21: (Language.RU, "Калбаджарский хребет"),
}


@pytest.mark.parametrize(
    "query",
    [
        "Kalbajar",
        "Кельбаджар",
        "Kelbajar",
        "kalbadjar",
        "Kəlbəcər",
        "KELBADJAR",
        "Кельбаджаре",
        "كلبجار",
        "كلبجر",
        "卡尔巴贾尔",
    ],
)
def test_every_spelling_finds_every_spelling(index: SearchIndex, query: str) -> None:
    index.rebuild(issued(n, text, lang=lang) for n, (lang, text) in (SPELLINGS | DECOYS).items())
    results = index.search(query)
    assert {hit.symbol for hit in results.hits} == {f"A/HRC/47/G/{n}" for n in SPELLINGS}
    assert results.total == len(SPELLINGS)


def test_the_language_of_a_hit_is_the_version_that_names_the_place(index: SearchIndex) -> None:
    index.add(
        issued(
            1,
            "La Mission permanente transmet le communiqué ci-joint.",
            lang=Language.FR,
            annex=(Language.EN, "Statement on the anniversary of the occupation of Kalbajar"),
            translations={Language.RU: "заявление о годовщине оккупации Кельбаджарского района"},
        )
    )
    (hit,) = index.search("Kelbadjar").hits
    assert hit.language in (Language.EN, Language.RU)
    facets = dict(index.search("Kelbadjar").facets["language"])
    assert facets == {"en": 1, "ru": 1}
    (russian,) = index.search("Kelbadjar", filters={"language": "ru"}).hits
    assert russian.language is Language.RU
    assert "<mark>Кельбаджарского</mark>" in russian.snippet
