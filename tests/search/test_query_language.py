"""The query language on both engines: OR, -exclusion, field:value, sorting, a date
range; and what a reader sees when the syntax is wrong."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palais.errors import InvalidInput, PalaisError
from palais.languages import Language
from palais.search import SearchIndex
from palais.search.query import parse_query
from tests.search.documents import issued


@pytest.fixture
def filled(index: SearchIndex) -> SearchIndex:
    index.add(issued(1, "Shelling of Kalbajar district by Armenia.", doc_date=date(2021, 3, 1)))
    index.add(issued(2, "Armenia and the return of refugees.", doc_date=date(2021, 6, 1),
                     sender="ARM"))
    index.add(issued(10, "Water supply of Kalbajar.", doc_date=date(2020, 1, 5), session=44,
                     agenda_items=(2,)))
    index.add(issued(3, "Cultural heritage in Kalbajar.", doc_date=date(2019, 7, 2),
                     session=41, lang=Language.FR))
    return index


def _found(index: SearchIndex, q: str, **kwargs: object) -> list[str]:
    return [h.symbol for h in index.search(q, page=1, **kwargs).hits]  # type: ignore[arg-type]


def test_or_makes_either_word_enough(filled: SearchIndex) -> None:
    assert set(_found(filled, "Kalbajar OR zzz")) == set(_found(filled, "Kalbajar"))
    assert len(_found(filled, "Kalbajar")) == 3
    assert set(_found(filled, "refugees OR water")) == {"A/HRC/47/G/2", "A/HRC/44/G/10"}


def test_a_minus_excludes_documents_any_version_of_which_has_the_word(
    filled: SearchIndex,
) -> None:
    assert _found(filled, "Armenia -Kalbajar") == ["A/HRC/47/G/2"]
    assert _found(filled, 'Armenia -"return of refugees"') == ["A/HRC/47/G/1"]
    assert set(_found(filled, "-Kalbajar symbol:A/HRC/47/*")) == {"A/HRC/47/G/2"}


def test_fields_narrow_like_facets_in_any_case(filled: SearchIndex) -> None:
    assert _found(filled, "Kalbajar session:44") == ["A/HRC/44/G/10"]
    assert _found(filled, "Armenia state:arm") == ["A/HRC/47/G/2"]
    assert _found(filled, "symbol:a/hrc/47/g/1") == ["A/HRC/47/G/1"]
    assert set(_found(filled, "Kalbajar symbol:A/HRC/4*")) == {
        "A/HRC/47/G/1", "A/HRC/44/G/10", "A/HRC/41/G/3"}
    assert _found(filled, "Kalbajar agenda:2") == ["A/HRC/44/G/10"]
    # A field and a filter that disagree leave nothing, not an error.
    assert filled.search("session:44", filters={"session": "47"}).total == 0


def test_sorting_by_date_and_by_symbol(filled: SearchIndex) -> None:
    assert _found(filled, "Kalbajar", sort="date") == [
        "A/HRC/47/G/1", "A/HRC/44/G/10", "A/HRC/41/G/3"]
    assert _found(filled, "Kalbajar", sort="symbol") == [
        "A/HRC/41/G/3", "A/HRC/44/G/10", "A/HRC/47/G/1"]
    # Numbers in symbols sort by value: G/2 before G/10.
    assert _found(filled, "", filters={"session": "47"}, sort="symbol") == [
        "A/HRC/47/G/1", "A/HRC/47/G/2"]
    with pytest.raises(InvalidInput, match="sort"):
        filled.search("Kalbajar", sort="colour")


def test_a_date_range_keeps_the_documents_dated_within_it(filled: SearchIndex) -> None:
    within = {"from": "2020-01-01", "until": "2021-03-31"}
    assert set(_found(filled, "Kalbajar", filters=within)) == {
        "A/HRC/47/G/1", "A/HRC/44/G/10"}
    assert set(_found(filled, "", filters={"from": "2021-01-01"})) == {
        "A/HRC/47/G/1", "A/HRC/47/G/2"}
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        filled.search("", filters={"until": "March"})


def test_a_bare_word_is_a_whole_word_and_a_star_its_beginning(filled: SearchIndex) -> None:
    assert _found(filled, "Kalb") == []
    assert len(_found(filled, "Kalb*")) == 3


def test_chinese_typed_together_needs_every_pair_and_quoted_their_order(
    index: SearchIndex,
) -> None:
    index.add(issued(1, "人权理事会第四十七届会议", lang=Language.ZH))
    index.add(issued(2, "人权理论与理事会的工作", lang=Language.ZH))  # every pair, apart
    index.add(issued(3, "理事会的议程", lang=Language.ZH))
    assert set(_found(index, "人权理事会")) == {"A/HRC/47/G/1", "A/HRC/47/G/2"}
    assert _found(index, '"人权理事会"') == ["A/HRC/47/G/1"]
    assert _found(index, "人权理事会 -议程") == _found(index, "人权理事会")
    results = index.search("人权理事会")
    assert results.total == 2 and dict(results.facets["language"]) == {"zh": 2}
    snippets = {hit.symbol: str(hit.snippet) for hit in results.hits}
    assert snippets["A/HRC/47/G/1"].startswith("<mark>人权理事会</mark>")
    assert snippets["A/HRC/47/G/2"].startswith("<mark>人权</mark>理论与<mark>理事</mark>会")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*'ab -"*:', "OR", "session:", "symbol:", "Kalbajar"]),
                max_size=20).map("".join))
def test_any_text_is_a_query_or_a_clear_refusal(text: str) -> None:
    try:
        query = parse_query(text)
    except PalaisError:
        return
    for lang in Language:
        for clause in query.clauses(lang) + query.exclusions(lang):
            assert clause.alternatives and all(a.terms for a in clause.alternatives)
