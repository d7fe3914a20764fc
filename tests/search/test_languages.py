"""Recall and precision per language: every planted document found, no decoy.

Each case plants documents that a reader expects to find with a query (other
inflections, spellings with or without accents or Arabic diacritics) and decoys
that share letters with the query but not the word; every query must return
exactly its planted documents.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from palais.languages import Language
from palais.search import SearchIndex
from tests.search.documents import issued


@dataclass(frozen=True)
class Case:
    lang: Language
    documents: dict[str, str]
    queries: dict[str, set[str]]


CASES = {
    "english": Case(
        Language.EN,
        {
            "a": "The arbitrary detention of journalists continued.",
            "b": "Reports of detentions without trial were received.",
            "decoy1": "The retention of records is regulated.",
            "decoy2": "Officials deny the allegations.",
        },
        {"detention": {"a", "b"}, "Detentions": {"a", "b"}, "DETENT*": {"a", "b"}},
    ),
    "french-without-accents": Case(
        Language.FR,
        {
            "a": "La résolution adoptée par le Conseil condamne les forces arméniennes.",
            "b": "Les RÉSOLUTIONS précédentes visaient la partie arménienne.",
            "decoy1": "La révolution industrielle.",
            "decoy2": "Une solution durable en Arménie.",
        },
        {
            "resolution": {"a", "b"},
            "résolutions": {"a", "b"},
            "armeniennes": {"a", "b"},
            "Arménienne": {"a", "b"},
        },
    ),
    "spanish-without-accents": Case(
        Language.ES,
        {
            "a": "La ocupación del distrito provocó miles de desplazados.",
            "b": "Las personas desplazadas denunciaron la OCUPACIÓN.",
            "decoy1": "La preocupación del Consejo.",
            "decoy2": "Los soldados desplegados en la frontera.",
        },
        {"ocupacion": {"a", "b"}, "ocupación": {"a", "b"}, "desplazados": {"a", "b"}},
    ),
    "russian-inflection": Case(
        Language.RU,
        {
            "a": "Положение беженцев остается тяжелым.",
            "b": "Помощь была оказана беженцам и вынужденным переселенцам.",
            "c": "Беженцы вернулись в свои дома.",
            "decoy1": "Они пытались бежать из района.",
            "decoy2": "Женщины и дети.",
        },
        {
            "беженцы": {"a", "b", "c"},
            "беженцев": {"a", "b", "c"},
            "Беженцами": {"a", "b", "c"},
            "переселенцы": {"b"},
        },
    ),
    "arabic-with-and-without-diacritics": Case(
        Language.AR,
        {
            "a": "أوضاع اللَّاجِئِينَ في المنطقة وفقا للإعلان العالمي",
            "b": "عاد اللاجئين إلى ديارهم بعد الاعلان",
            "decoy1": "اللجنة المعنية بحقوق الإنسان",
            "decoy2": "إعادة الإعمار في المنطقة",
        },
        {
            "اللاجئين": {"a", "b"},
            "اللَّاجِئِينَ": {"a", "b"},
            "لاجئين": {"a", "b"},
            "الإعلان": {"a", "b"},
            "اعلان": {"a", "b"},
            "الْإِعْلَانُ": {"a", "b"},
        },
    ),
    "chinese-bigrams": Case(
        Language.ZH,
        {
            "a": "人权理事会第四十七届会议",
            "b": "关于人权状况的报告",
            "c": "难民署的报告",
            "decoy1": "人民的权利和义务",
            "d": "理事会的议程",
        },
        {
            "人权": {"a", "b"},
            "人权理事会": {"a"},
            "理事会": {"a", "d"},
            "难": {"c"},
            "报告": {"b", "c"},
        },
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_every_planted_document_is_found_and_no_decoy(index: SearchIndex, name: str) -> None:
    case = CASES[name]
    keys = list(case.documents)
    index.rebuild(
        issued(n, case.documents[key], lang=case.lang) for n, key in enumerate(keys, start=1)
    )
    for query, expected in case.queries.items():
        results = index.search(query)
        found = {keys[int(hit.symbol.rsplit("/", 1)[1]) - 1] for hit in results.hits}
        assert found == expected, query
        assert results.total == len(expected), query
        assert all(hit.language is case.lang for hit in results.hits), query
