"""Document symbols: hypothesis round trips for the HRC family, clear errors otherwise."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from palais.errors import InvalidSymbol
from palais.symbols import Category, Modifier, ModifierKind, Symbol

numbers = st.integers(min_value=1, max_value=99_999)
sessions = st.tuples(st.integers(min_value=1, max_value=999), st.booleans())
categories = st.sampled_from(
    [Category.SESSIONAL, Category.GOVERNMENT, Category.NGO, Category.LIMITED,
     Category.RESOLUTION, Category.DECISION]
)


@st.composite
def modifier_chains(draw: st.DrawFn) -> tuple[Modifier, ...]:
    """Valid modifier sequences: Rev and Add at most once each, in either order, then Corr."""
    kinds = draw(st.permutations([ModifierKind.REVISION, ModifierKind.ADDENDUM]))
    chosen = [k for k in kinds if draw(st.booleans())]
    if draw(st.booleans()):
        chosen.append(ModifierKind.CORRIGENDUM)
    return tuple(Modifier(kind, draw(st.integers(min_value=1, max_value=99))) for kind in chosen)


def hrc_text(
    category: Category, session: int, special: bool, number: int, mods: tuple[Modifier, ...]
) -> str:
    """The symbol as the UN writes it, built independently of palais.symbols."""
    s = f"S-{session}" if special else str(session)
    base = {
        Category.SESSIONAL: f"A/HRC/{s}/{number}",
        Category.GOVERNMENT: f"A/HRC/{s}/G/{number}",
        Category.NGO: f"A/HRC/{s}/NGO/{number}",
        Category.LIMITED: f"A/HRC/{s}/L.{number}",
        Category.RESOLUTION: f"A/HRC/RES/{s}/{number}",
        Category.DECISION: f"A/HRC/DEC/{s}/{number}",
    }[category]
    return base + "".join(f"/{m.kind.value}.{m.number}" for m in mods)


@st.composite
def hrc_symbols(draw: st.DrawFn) -> tuple[str, Category, int, bool, int, tuple[Modifier, ...]]:
    category = draw(categories)
    session, special = draw(sessions)
    number = draw(numbers)
    mods = draw(modifier_chains())
    return hrc_text(category, session, special, number, mods), category, session, special, \
        number, mods


@given(hrc_symbols())
@example(("A/HRC/41/G/7", Category.GOVERNMENT, 41, False, 7, ()))
@example(("A/HRC/S-29/1/Add.1/Rev.1/Corr.1", Category.SESSIONAL, 29, True, 1,
          (Modifier(ModifierKind.ADDENDUM, 1), Modifier(ModifierKind.REVISION, 1),
           Modifier(ModifierKind.CORRIGENDUM, 1))))
def test_valid_hrc_symbols_round_trip_with_their_parts(
    case: tuple[str, Category, int, bool, int, tuple[Modifier, ...]],
) -> None:
    text, category, session, special, number, mods = case
    symbol = Symbol.parse(text)
    assert str(symbol) == text
    assert (symbol.category, symbol.session, symbol.special_session, symbol.number) == (
        category, session, special, number
    )
    assert symbol.modifiers == mods
    assert Symbol.hrc(session, number, category, special=special, modifiers=mods) == symbol
    assert str(symbol.base) == hrc_text(category, session, special, number, ())
    assert Symbol.parse(f"  {text}\n") == symbol


@given(hrc_symbols(), st.sampled_from(list(ModifierKind)), st.integers(1, 9))
def test_a_modifier_appears_once_and_a_corrigendum_comes_last(
    case: tuple[str, Category, int, bool, int, tuple[Modifier, ...]],
    kind: ModifierKind,
    n: int,
) -> None:
    text, *_, mods = case
    if any(m.kind is kind for m in mods) or (mods and mods[-1].kind is ModifierKind.CORRIGENDUM):
        with pytest.raises(InvalidSymbol):
            Symbol.parse(f"{text}/{kind.value}.{n}")
    else:
        assert Symbol.parse(f"{text}/{kind.value}.{n}").modifier(kind) == n


BROKEN = [
    "A/HRC/41", "A/HRC/41/", "A/HRC/041/1", "A/HRC/41/0", "A/HRC/41/G/07", "A/HRC/41/G/",
    "A/HRC/41/G/7/Add.0", "A/HRC/41/G/7/Add", "A/HRC/41/G/7/add.1", "A/HRC/41/G/7/Corr.1/Add.1",
    "A/HRC/41/G/7/Add.1/Add.2", "A/HRC/S-/1", "A/HRC/S-0/1", "A/HRC/RES/41", "A/HRC/RES/x/1",
    "A/HRC/41/L.0", "A/HRC/41/L.", "A/HRC/41/NGO/", "A/HRC/41/G/7/Add.1234567", "a/hrc/41/1",
    "", "   ", "A", "A//1", "A/1/", "a/52/1", "E/CN.4/Summary/2005", "A/52/Amend.1/3",
    "A/HRC/41/G/7\n/Add.1", "A/HRC/" + "1/" * 70 + "1",
]


@pytest.mark.parametrize("text", BROKEN)
def test_broken_symbols_raise_invalid_symbol_with_a_reason(text: str) -> None:
    with pytest.raises(InvalidSymbol) as caught:
        Symbol.parse(text)
    assert caught.value.reason


@given(st.text(max_size=60))
def test_any_text_parses_or_raises_invalid_symbol(text: str) -> None:
    try:
        symbol = Symbol.parse(text)
    except InvalidSymbol as exc:
        assert exc.reason
    else:
        assert str(symbol) == text.strip()
        assert Symbol.parse(str(symbol)) == symbol


symbolish = st.text(alphabet="AHRCGSNOLEDPTV0123456789/.-RevAddCorr ", max_size=40)


@given(symbolish)
def test_symbol_like_text_parses_or_raises_invalid_symbol(text: str) -> None:
    try:
        symbol = Symbol.parse(text)
    except InvalidSymbol:
        return
    assert str(symbol) == text.strip()
    assert Symbol.parse(str(symbol)) == symbol
    assert symbol.base.modifiers == ()


@pytest.mark.parametrize("value", [None, 41, b"A/HRC/41/1"])
def test_non_text_is_refused(value: object) -> None:
    with pytest.raises(InvalidSymbol, match="must be text"):
        Symbol.parse(value)  # type: ignore[arg-type]


def test_other_series_are_kept_as_text() -> None:
    for text in ("A/75/123", "S/2008/108", "E/CN.4/2005/10/Add.1", "CERD/C/SR.1523",
                 "A/HRC/WG.6/1/AZE/1", "A/HRC/AC/2008/1/2"):
        symbol = Symbol.parse(text)
        assert str(symbol) == text and symbol.category is Category.OTHER
    assert Symbol.parse("E/CN.4/2005/10/Add.1").base == Symbol.parse("E/CN.4/2005/10")


def test_numeric_order() -> None:
    texts = ["A/HRC/41/G/10", "A/HRC/41/G/2", "A/HRC/41/G/2/Corr.1", "A/HRC/9/1"]
    ordered = sorted(Symbol.parse(t) for t in texts)
    assert [str(s) for s in ordered] == [
        "A/HRC/9/1", "A/HRC/41/G/2", "A/HRC/41/G/2/Corr.1", "A/HRC/41/G/10"
    ]
