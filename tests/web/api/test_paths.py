"""Document paths: symbol alone, or symbol plus language and format, both spellings."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from palais.errors import InvalidInput, InvalidSymbol
from palais.languages import Language
from palais.model import Format
from palais.symbols import Category, Symbol
from palais.web.api.paths import parse_document_path

symbols = st.builds(
    Symbol.hrc,
    st.integers(1, 60),
    st.integers(1, 999),
    st.sampled_from([Category.SESSIONAL, Category.GOVERNMENT, Category.NGO, Category.LIMITED]),
)


@given(symbols, st.sampled_from(list(Language)), st.sampled_from(list(Format)))
def test_both_spellings_name_the_same_manifestation(
    symbol: Symbol, lang: Language, fmt: Format
) -> None:
    dotted = parse_document_path(f"{symbol}/{lang.value}.{fmt.extension}")
    slashed = parse_document_path(f"{symbol}/{lang.value}/{fmt.value}")
    assert dotted == slashed
    assert (dotted.symbol, dotted.language, dotted.format) == (symbol, lang, fmt)


@given(symbols)
def test_a_bare_symbol_is_the_metadata(symbol: Symbol) -> None:
    assert parse_document_path(str(symbol)).language is None
    assert parse_document_path(str(symbol)).symbol == symbol


def test_akn_is_reachable_as_xml_and_akn() -> None:
    assert parse_document_path("A/HRC/41/G/7/ru.xml").format is Format.AKN
    assert parse_document_path("A/HRC/41/G/7/ru/akn").format is Format.AKN


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("A/HRC/41/G/7/ru.odt", InvalidInput),
        ("A/HRC/41/G/7/xx.pdf", InvalidInput),
        ("A/HRC/41/G/0", InvalidSymbol),
        ("", InvalidSymbol),
    ],
)
def test_bad_paths_say_what_is_wrong(path: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_document_path(path)
