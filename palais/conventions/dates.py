"""Dates and session date ranges as the UN prints them, per language.

Month names come from Babel (CLDR) where they are the UN's (en, fr, es, and
the Russian genitive); ``data/dates.yaml`` adds the Arabic double names, the
spellings met in extracted text, and the date patterns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from babel import Locale

from palais.conventions.data import language, load
from palais.conventions.style import date_pattern_overrides, parts_joiner
from palais.languages import Language

Span = tuple[date, date]


@functools.cache
def month_names(lang: Language | str) -> tuple[str, ...]:
    """The twelve month names as printed in a date of ``lang`` (Russian genitive)."""
    lang = language(lang)
    if lang is Language.AR:
        return tuple(load("dates")["ar_months"])
    if lang is Language.ZH:
        return tuple(str(m) for m in range(1, 13))
    wide = Locale.parse(lang.value).months["format"]["wide"]
    return tuple(str(wide[m]) for m in range(1, 13))


def _patterns(lang: Language, on: date | None) -> dict[str, str]:
    """dates.yaml's patterns of ``lang`` with those of the period of ``on`` laid over them."""
    patterns = dict(load("dates")["patterns"][lang.value])
    if on is not None:
        patterns.update(date_pattern_overrides(lang, on))
    return patterns


def _fields(
    d: date, lang: Language, suffix: str = "", patterns: dict[str, str] | None = None
) -> dict[str, str]:
    patterns = patterns if patterns is not None else _patterns(lang, None)
    day = str(patterns["day_one"]) if d.day == 1 and "day_one" in patterns else str(d.day)
    month = month_names(lang)[d.month - 1]
    return {f"d{suffix}": day, f"m{suffix}": month, f"y{suffix}": str(d.year)}


def format_date(d: date, lang: Language | str) -> str:
    """One date in UN style: "6 June 2019", "6 июня 2019 года", "2019年6月6日"."""
    lang = language(lang)
    return str(load("dates")["patterns"][lang.value]["date"]).format(**_fields(d, lang))


def date_range(start: date, end: date, lang: Language | str, *, on: date | None = None) -> str:
    """Session dates as printed on a cover: "24 June–12 July 2019", "21 juin-9 juillet 2021".

    A one-day span prints as one date. ``on`` is the cover's date: the patterns of
    its period are used ("12-30 March 2007" on a cover of 2007); None keeps the
    patterns of dates.yaml.
    """
    lang = language(lang)
    if end < start:
        from palais.errors import InvalidInput

        raise InvalidInput(
            "date range ends (%(end)s) before it starts (%(start)s)",
            end=end, start=start,
        )
    patterns = _patterns(lang, on)
    if start == end:
        return str(patterns["date"]).format(**_fields(start, lang, "", patterns))
    if (start.year, start.month) == (end.year, end.month):
        key = "same_month"
    elif start.year == end.year:
        key = "same_year"
    else:
        key = "any"
    return str(patterns[key]).format(
        **_fields(start, lang, "1", patterns), **_fields(end, lang, "2", patterns)
    )


def parts_range(parts: tuple[Span, ...], lang: Language | str, *, on: date | None = None) -> str:
    """The dates of a session that met in parts: "10-28 September and 10-14 December 2007",
    "24 February–13 March and 15–23 June 2020". One part prints as :func:`date_range`.

    When every part falls in one year, the year is printed once: after the last part
    (before it in Chinese, where the year leads: on the first part only).
    """
    lang = language(lang)
    if not parts:
        from palais.errors import InvalidInput

        raise InvalidInput("a session's dates need at least one part")
    texts = [date_range(a, b, lang, on=on) for a, b in parts]
    years = {d.year for span in parts for d in span}
    if len(parts) > 1 and len(years) == 1:
        year = str(years.pop())
        keep = 0 if lang is Language.ZH else len(texts) - 1
        texts = [t if i == keep else _without_year(t, year, lang) for i, t in enumerate(texts)]
    return parts_joiner(lang).join(texts)


def _without_year(text: str, year: str, lang: Language) -> str:
    """A part's dates without its year, as the year is printed once for all parts."""
    if lang is Language.ZH:
        return text.replace(f"{year}年", "", 1)
    suffix = load("dates")["year_words"].get(lang.value, "").format(y=year)
    return text.removesuffix(suffix).rstrip()


@functools.cache
def month_lexicon() -> Mapping[str, int]:
    """Every printed month form of the six languages, casefolded, -> month number.

    Includes each half of the Arabic double names (extracted text often splits
    them), the Russian nominative, and the variants listed in dates.yaml.
    Chinese months are digits and have no entry.
    """
    table: dict[str, int] = {}
    for lang in (Language.EN, Language.FR, Language.ES, Language.RU):
        months = Locale.parse(lang.value).months
        for context in ("format", "stand-alone"):
            for number, name in months[context]["wide"].items():
                table[str(name).casefold()] = int(number)
    for number, name in enumerate(load("dates")["ar_months"], start=1):
        table[name.casefold()] = number
        for half in name.split("/"):
            table[half.casefold()] = number
    for name, number in load("dates")["variants"].items():
        table[str(name).casefold()] = int(number)
    return MappingProxyType(table)


_FILLERS = frozenset({"de", "del", "года", "год", "г", "le", "the", "of"})
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_CHINESE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@functools.cache
def _month_words() -> tuple[tuple[str, int], ...]:
    """Every month form a person may type, longest first (so "تشرين الأول/أكتوبر" wins
    over "أكتوبر"): the printed forms and Babel's abbreviations, without their dots."""
    table = dict(month_lexicon())
    for lang in (Language.EN, Language.FR, Language.ES, Language.RU):
        months = Locale.parse(lang.value).months
        for context in ("format", "stand-alone"):
            for number, name in months[context]["abbreviated"].items():
                table.setdefault(str(name).casefold().rstrip("."), int(number))
    return tuple(sorted(table.items(), key=lambda item: -len(item[0])))


def read_date(text: str) -> date:
    """A date as a person types it in any of the six languages ("8 juin 2021",
    "June 8, 2021", "8 июня 2021 года", "2021年6月8日", "8 حزيران/يونيه 2021") or
    ISO 8601 ("2021-06-08"); InvalidInput naming the text otherwise.

    The whole text must be the date: a month name, a day and a four-digit year,
    with only the words a date is written with around them ("de", "года").
    """
    from palais.errors import InvalidInput

    value = " ".join(text.translate(_EASTERN_DIGITS).split()).casefold()
    value = re.sub(r"\b1(er|º|°)", "1 ", value)  # French "1er juin", Spanish "1º de junio"
    try:
        if _ISO.fullmatch(value):
            return date.fromisoformat(value)
        chinese = _CHINESE.fullmatch(value)
        if chinese:
            return date(*(int(g) for g in chinese.groups()))
        month = None
        for name, number in _month_words():
            if name in value:
                month, value = number, value.replace(name, " ", 1)
                break
        words = re.findall(r"\w+", value)
        numbers = [w for w in words if w.isascii() and w.isdigit()]
        years = [n for n in numbers if len(n) == 4]
        days = [n for n in numbers if len(n) <= 2]
        rest = [w for w in words if w not in numbers and w not in _FILLERS]
        if month is not None and len(years) == len(days) == 1 and len(numbers) == 2 and not rest:
            return date(int(years[0]), month, int(days[0]))
    except ValueError:
        raise InvalidInput("\"%(text)s\" is not a day of the calendar", text=text.strip()) from None
    raise InvalidInput(
        "\"%(text)s\" is not a date: write it as, for example, 8 June 2021 or 2021-06-08",
        text=text.strip(),
    )
