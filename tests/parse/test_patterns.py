"""The patterns rewritten for speed match exactly what their plain forms match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from palais.conventions import month_lexicon
from palais.parse import fields
from palais.parse.patterns import MONTH_ALTERNATION, TYPE_TITLE, first_letter_literal

_MONTHS = sorted(month_lexicon())
_PLAIN_MONTHS = re.compile("|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)),
                           re.IGNORECASE)
_FACTORED_MONTHS = re.compile(MONTH_ALTERNATION, re.IGNORECASE)


def _month_like() -> st.SearchStrategy[str]:
    """Month forms, cut short or in capitals, with digits and spaces between."""
    word = st.sampled_from(_MONTHS).flatmap(
        lambda m: st.sampled_from([m, m.upper(), m.capitalize(), m[: len(m) // 2], m + "s"]))
    return st.lists(st.one_of(word, st.sampled_from([" ", "6 ", "/", "2019", "x"])),
                    max_size=6).map("".join)


@settings(max_examples=200, deadline=None)
@given(_month_like())
def test_factored_months_match_like_the_plain_alternation(text: str) -> None:
    plain = [(m.span(), m.group()) for m in _PLAIN_MONTHS.finditer(text)]
    assert [(m.span(), m.group()) for m in _FACTORED_MONTHS.finditer(text)] == plain


def test_every_month_form_is_matched_whole() -> None:
    for month in _MONTHS:
        assert _FACTORED_MONTHS.fullmatch(month) and _FACTORED_MONTHS.fullmatch(month.upper())


_WORDS = ["Original", "Подлинный текст", "reproduced as received", "se reproduce tal"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["original", "ORIGINAL", "Original", "оригинал", "ПОДЛИННЫЙ ТЕКСТ", "подлинный Текст",
     "Reproduced AS received", "ſe reproduce tal", "Se Reproduce tal", "x", " ", ":", "\n"]),
    max_size=8).map("".join))
def test_first_letter_literal_matches_like_ignore_case(text: str) -> None:
    plain = re.compile("|".join(_WORDS), re.IGNORECASE)
    fast = re.compile(first_letter_literal(*_WORDS))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_look_behinds_keep_word_and_number_boundaries() -> None:
    assert TYPE_TITLE.search("Note verbale dated 6 June 2019")
    assert not TYPE_TITLE.search("Annote verbale")
    assert fields.job_number("GE.19-09676 (E)") == "GE.19-09676"
    assert fields.job_number("xGE.19-09676 (E)") == "19-09676 (E)"
    assert fields.job_number("119-09676 (E)") is None
    assert [m.group() for m in fields._YEAR.finditer("2019 12019 1850 20190")] == ["2019", "1850"]
    assert [m[1] for m in fields._SYMBOL.finditer("A/HRC/41/G/7 XA/HRC/1 CEDAW/C/2")] == [
        "A/HRC/41/G/7", "CEDAW/C/2"]
