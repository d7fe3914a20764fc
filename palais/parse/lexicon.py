"""Words the parser recognises on UN cover pages, in the six languages.

Private stop-gap until :mod:`palais.conventions` publishes the month lexicon,
session ordinals and State names as data; :mod:`palais.parse.fields` asks the
conventions first (see ``_conventions_*`` there) and falls back to these tables.
Sources: the cover pages of the two seed documents and the UN Editorial Manual
(dates written "6 June 2019", "8 juin 2021", "6 июня 2019 года",
"24 de diciembre de 2014", "2020年3月31日"; Arabic months "تموز/يوليه").
"""

from __future__ import annotations

import re
import unicodedata

from palais.languages import Language

# Month names as they appear in dates (Russian in the genitive, as dates are printed).
MONTHS: dict[str, int] = {}
_MONTH_LISTS = (
    "january february march april may june july august september october november december",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "يناير فبراير مارس أبريل مايو يونيه يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول",
)
for _names in _MONTH_LISTS:
    for _i, _name in enumerate(_names.split(), start=1):
        MONTHS[_name.replace("_", " ")] = _i
for _alt, _i in (("setiembre", 9), ("ابريل", 4), ("يونيو", 6), ("يوليو", 7), ("اغسطس", 8),
                 ("اكتوبر", 10), ("fevrier", 2), ("aout", 8), ("decembre", 12)):
    MONTHS[_alt] = _i

MONTH_ALTERNATION = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
MONTH_FIRST_LETTERS = "".join(sorted({c for m in MONTHS for c in (m[0], m[0].upper())}))
"""Checked in a look-ahead before the month alternation, so most positions fail at once."""

# Stems of ordinal and cardinal number words, summed to read "Forty-first",
# "Quarante-septième", "Сорок первая", "Séptimo", "الخامسة والسبعون".
_STEMS: dict[str, int] = {}
_STEM_TABLE = {
    Language.EN: "first:1 second:2 third:3 fourth:4 fifth:5 sixth:6 seventh:7 eighth:8 ninth:9 "
    "tenth:10 eleventh:11 twelfth:12 thirteen:13 fourteen:14 fifteen:15 sixteen:16 "
    "seventeen:17 eighteen:18 nineteen:19 twent:20 thirt:30 fort:40 fift:50 sixt:60 "
    "sevent:70 eight:80 ninet:90 hundred:100",
    Language.FR: "premi:1 unieme:1 deux:2 second:2 trois:3 quatr:4 cinq:5 six:6 sept:7 huit:8 "
    "neuv:9 dix:10 onz:11 douz:12 treiz:13 quatorz:14 quinz:15 seiz:16 vingt:20 trent:30 "
    "quarant:40 cinquant:50 soixant:60 quatre-vingt:80 cent:100",
    Language.ES: "primer:1 segund:2 tercer:3 cuart:4 quint:5 sext:6 septim:7 setim:7 octav:8 "
    "noven:9 decim:10 undecim:11 duodecim:12 vigesim:20 trigesim:30 cuadragesim:40 "
    "quincuagesim:50 sexagesim:60 septuagesim:70 octogesim:80 nonagesim:90 centesim:100",
    Language.RU: "перв:1 втор:2 трет:3 четверт:4 пят:5 шест:6 седьм:7 восьм:8 девят:9 десят:10 "
    "одиннадцат:11 двенадцат:12 тринадцат:13 четырнадцат:14 пятнадцат:15 шестнадцат:16 "
    "семнадцат:17 восемнадцат:18 девятнадцат:19 двадцат:20 тридцат:30 сорок:40 "
    "пятьдесят:50 пятидесят:50 шестьдесят:60 шестидесят:60 семьдесят:70 семидесят:70 "
    "восемьдесят:80 восьмидесят:80 девяност:90 сто:100 сот:100",
    Language.AR: "اول:1 أول:1 حادي:1 ثاني:2 ثالث:3 رابع:4 خامس:5 سادس:6 سابع:7 ثامن:8 تاسع:9 "
    "عاشر:10 عشر:10 عشرون:20 عشرين:20 ثلاثون:30 ثلاثين:30 أربعون:40 اربعون:40 أربعين:40 "
    "خمسون:50 خمسين:50 ستون:60 ستين:60 سبعون:70 سبعين:70 ثمانون:80 ثمانين:80 "
    "تسعون:90 تسعين:90 مائة:100 مئة:100",
}
for _table in _STEM_TABLE.values():
    for _pair in _table.split():
        _stem, _value = _pair.split(":")
        _STEMS[_stem] = int(_value)
_STEM_ORDER = sorted(_STEMS, key=len, reverse=True)
_FOLDED_STEMS: list[tuple[str, int]] = []
_AR_PREFIXES = ("وال", "ال", "و")
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def fold(text: str) -> str:
    """Lower case without accents (é -> e, ё -> е), for matching words loosely."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ordinal_value(words: str) -> int | None:
    """The number written by ordinal words ("forty-first" -> 41), or None."""
    total = 0
    found = False
    for word in re.split(r"[\s\-‐]+", fold(words)):
        if not word or word in ("et", "y", "and", "و"):
            continue
        for prefix in _AR_PREFIXES:
            if word.startswith(prefix) and len(word) > len(prefix) + 2:
                word = word[len(prefix):]
                break
        value = next((v for stem, v in _folded_stems() if word.startswith(stem)), None)
        if value is None:
            return None
        total += value
        found = True
    return total if found and 0 < total < 1000 else None


def _folded_stems() -> list[tuple[str, int]]:
    if not _FOLDED_STEMS:
        _FOLDED_STEMS.extend((fold(stem), _STEMS[stem]) for stem in _STEM_ORDER)
    return _FOLDED_STEMS


def chinese_number(text: str) -> int | None:
    """Read 四十一 (41), 十 (10), 一百零五 (105) or Arabic digits."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch != "零":
            return None
    total += current
    return total or None


# Names of languages as printed after "Original:" (UN cover pages, six languages).
LANGUAGE_NAMES: dict[str, Language] = {}
for _lang, _names in {
    Language.EN: "english anglais ingles английский انكليزي إنكليزي الإنكليزية الانكليزية "
    "انجليزي إنجليزي الإنجليزية 英文 英语",
    Language.FR: "french francais frances французский فرنسي الفرنسية 法文 法语",
    Language.ES: "spanish espagnol espanol испанский اسباني إسباني الإسبانية الاسبانية 西班牙文",
    Language.RU: "russian russe ruso русский روسي الروسية 俄文 俄语",
    Language.AR: "arabic arabe арабский عربي العربية 阿拉伯文 阿拉伯语",
    Language.ZH: "chinese chinois chino китайский صيني الصينية 中文 汉语",
}.items():
    for _name in _names.split():
        LANGUAGE_NAMES[fold(_name)] = _lang
