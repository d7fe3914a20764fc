"""Totality: any text gives a Document; only empty input raises ParseError."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palais.errors import ParseError
from palais.model import Document
from palais.parse import parse_text

SEEDS = sorted((Path(__file__).parent.parent / "fixtures" / "seeds").glob("*.txt"))


def _parse_or_empty(text: str) -> None:
    try:
        doc = parse_text(text)
    except ParseError:
        assert not text.strip()
    else:
        assert isinstance(doc, Document)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=800))
def test_arbitrary_text_gives_a_document(text: str) -> None:
    _parse_or_empty(text)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEEDS), st.integers(0, 10_000), st.randoms(use_true_random=False))
def test_truncated_and_shuffled_seeds_give_documents(
    path: Path, cut: int, rnd: random.Random
) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    _parse_or_empty("\n".join(lines)[:cut])
    rnd.shuffle(lines)
    _parse_or_empty("\n".join(lines))


@pytest.mark.parametrize("text", ["", "   \n\n\t  ", "\f\f"])
def test_empty_input_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="empty"):
        parse_text(text)


def test_pathological_input_finishes_with_a_document() -> None:
    long_line = "Agenda item " + "1, " * 50_000 + "session " * 20_000
    tokens = "\n".join(["Note verbale dated"] * 5_000 + ["A/HRC/" * 3_000, "(" * 10_000])
    for text in (long_line, tokens, "a-\n" * 20_000, "1 " * 100_000):
        doc = parse_text(text)
        assert isinstance(doc, Document)
