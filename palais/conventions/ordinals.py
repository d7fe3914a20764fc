"""Session ordinals and session lines, 1-99, built from ``data/ordinals.yaml``.

Babel has no rule-based spell-out, so each language's ordinal words are small
tables in the data file and one rule here per language puts them together
(tens and units, French "et unième", Arabic unit-before-tens, Chinese numerals,
Spanish numeral with ordinal indicator).
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

from palais.conventions.data import language, load
from palais.errors import UnknownSession
from palais.languages import Language

FIRST, LAST = 1, 99
"""Session numbers the rules are written and tested for."""


def _table(lang: Language) -> dict[str, Any]:
    table: dict[str, Any] = load("ordinals")[lang.value]
    return table


def _check(number: int) -> None:
    if not isinstance(number, int) or isinstance(number, bool) or not FIRST <= number <= LAST:
        raise UnknownSession(
            "session number %(number)r is outside %(FIRST)s-%(LAST)s, the range of session lines",
            number=number, FIRST=FIRST, LAST=LAST,
        )


def _en(t: dict[str, Any], n: int) -> str:
    if n < 20:
        return str(t["units"][n])
    tens, unit = divmod(n, 10)
    if unit == 0:
        return str(t["tens_ordinal"][tens])
    return f"{t['tens'][tens]}{t['joiner']}{t['units'][unit]}"


def _fr(t: dict[str, Any], n: int) -> str:
    if n < 20:
        return str(t["units"][n])
    tens, unit = divmod(n, 10)
    if tens in t["teens_after"]:  # 70-79 and 90-99 count on from 60 and 80
        rest = 10 + unit
        if unit == 0:
            return str(t["tens_ordinal"][tens])
        if unit == 1 and tens in t["et_before_one"]:
            return f"{t['tens'][tens]} et {t['units'][11]}"
        return f"{t['tens'][tens]}{t['joiner']}{t['units'][rest]}"
    if unit == 0:
        return str(t["tens_ordinal"][tens])
    if unit == 1:
        if tens in t["et_before_one"]:
            return f"{t['tens'][tens]} et {t['compound_one']}"
        return f"{t['tens'][tens]}{t['joiner']}{t['compound_one']}"
    return f"{t['tens'][tens]}{t['joiner']}{t['units'][unit]}"


def _ru(t: dict[str, Any], n: int, case: str) -> str:
    words = t[case]
    if n < 20:
        return str(words["units"][n])
    tens, unit = divmod(n, 10)
    if unit == 0:
        return str(words["tens_ordinal"][tens])
    return f"{t['tens'][tens]}{t['joiner']}{words['units'][unit]}"


def _es(t: dict[str, Any], n: int) -> str:
    apocopated = n % 10 in t["apocopated_last_digits"] and n not in t["not_apocopated"]
    return f"{n}{t['apocopated_indicator'] if apocopated else t['indicator']}"


def _ar(t: dict[str, Any], n: int, case: str) -> str:
    if n <= 10:
        return str(t["units"][n])
    tens, unit = divmod(n, 10)
    first = t["compound_one"] if unit == 1 else t["units"][unit]
    if tens == 1:
        return f"{first} {t['teen_suffix']}"
    tens_words = t["tens_genitive" if case == "genitive" else "tens"]
    if unit == 0:
        return str(tens_words[tens])
    return f"{first}{t['joiner']}{tens_words[tens]}"


def _zh(t: dict[str, Any], n: int) -> str:
    tens, unit = divmod(n, 10)
    digits = t["digits"]
    head = "" if tens == 0 else (t["ten"] if tens == 1 else digits[tens] + t["ten"])
    return head + (digits[unit] if unit else "")


def session_ordinal(number: int, lang: Language | str, *, case: str = "nominative") -> str:
    """The ordinal of session ``number`` as words (or numeral) of ``lang``, lower case.

    ``case`` is "nominative" (cover line) or "genitive" (running text: Russian
    "сорок первой", Arabic "الحادية والأربعين"); languages without case ignore it.
    Chinese gives the numeral alone ("四十一"), to go between 第 and 届.
    """
    _check(number)
    if case not in ("nominative", "genitive"):
        raise ValueError(f"case must be 'nominative' or 'genitive', got {case!r}")
    return _ordinal(number, language(lang), case)


@functools.lru_cache(maxsize=2048)
def _ordinal(number: int, lang: Language, case: str) -> str:
    t = _table(lang)
    if lang is Language.EN:
        return _en(t, number)
    if lang is Language.FR:
        return _fr(t, number)
    if lang is Language.RU:
        return _ru(t, number, case)
    if lang is Language.ES:
        return _es(t, number)
    if lang is Language.AR:
        return _ar(t, number, case)
    return _zh(t, number)


def session_line(
    number: int, lang: Language | str, *, special: bool = False, on: date | None = None
) -> str:
    """The session line of a cover: "Forty-first session", "Сорок первая сессия", ...

    ``on`` is the cover's date: Spanish covers wrote the number in words until
    2008 ("Quinto período de sesiones") and without the apocopated "er" until 2018
    ("13º"); see cover_style.yaml. None prints today's form.
    """
    lang = language(lang)
    t = _table(lang)
    ordinal = session_ordinal(number, lang)
    if lang is Language.ES and on is not None:
        ordinal = _spanish_of_period(number, on) or ordinal
    line = str(t["special_session" if special else "session"]).format(ordinal=ordinal)
    if t.get("capitalize"):
        line = line[0].upper() + line[1:]
    return line


def _spanish_of_period(number: int, on: date) -> str | None:
    """The Spanish number as covers of ``on`` wrote it, or None for today's form."""
    from palais.conventions.style import spanish_words, value

    style = value("es_session_number", Language.ES, on, "apocope")
    if style == "words":
        return spanish_words(number)
    if style == "plain":
        return f"{number}{_table(Language.ES)['indicator']}"
    return None


@functools.cache
def ordinal_lexicon() -> dict[str, int]:
    """Every ordinal form of 1-99 in the six languages (casefolded) -> its number.

    Used to read session lines back: nominative and genitive forms, the Spanish
    numeral forms, and the bare Chinese numeral.
    """
    table: dict[str, int] = {}
    for lang in Language:
        for n in range(FIRST, LAST + 1):
            for case in ("nominative", "genitive"):
                table.setdefault(session_ordinal(n, lang, case=case).casefold(), n)
    return table


@functools.cache
def _stems() -> tuple[dict[str, int], int]:
    """Folded stem -> value, and the longest stem's length (a word is looked up by prefix)."""
    from palais.conventions.states import fold

    table = {fold(stem): int(value)
             for stems in load("ordinals")["reading"]["stems"].values()
             for stem, value in stems.items()}
    return table, max(map(len, table))


_SPLIT = re.compile(r"[\s\-‐]+")


def read_ordinal(words: str) -> int | None:
    """The number that ordinal (or cardinal) words of any of the six languages write, or None.

    "Forty-first" -> 41, "soixante et onzième" -> 71, "сорок первой" -> 41,
    "Séptimo" -> 7, "الحادية والأربعين" -> 41. Every word must be a number word.
    """
    from palais.conventions.states import fold

    reading = load("ordinals")["reading"]
    text = fold(words)
    for compound, joined in reading["joins"].items():
        text = text.replace(compound, joined)
    total, found = 0, False
    for word in _SPLIT.split(text):
        if not word or word in reading["ignore"]:
            continue
        for prefix in reading["arabic_prefixes"]:
            if word.startswith(prefix) and len(word) > len(prefix) + 2:
                word = word[len(prefix):]
                break
        stems, longest = _stems()
        # The longest stem the word starts with ("sixteen" before "six").
        value = next((stems[word[:k]] for k in range(min(len(word), longest), 0, -1)
                      if word[:k] in stems), None)
        if value is None:
            return None
        total += value
        found = True
    return total if found and 0 < total < 1000 else None


def read_chinese_numeral(text: str) -> int | None:
    """Read 四十一 (41), 十 (10), 一百零五 (105), or Arabic digits; None for anything else."""
    if text.isdigit():
        return int(text)
    zh = load("ordinals")["zh"]
    digits = {d: i for i, d in enumerate(zh["digits"])}
    hundred = load("ordinals")["reading"]["zh_hundred"]
    total, current = 0, 0
    for ch in text:
        if ch == zh["ten"] or ch == hundred:
            total += (current or 1) * (10 if ch == zh["ten"] else 100)
            current = 0
        elif ch in digits:
            current = digits[ch]
        else:
            return None
    total += current
    return total or None
