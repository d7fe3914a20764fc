"""Compiled patterns for the lines of UN cover pages, six languages.

Every pattern is compiled once at import and written without nested
quantifiers, so matching stays linear (the parser's totality promise).
Wording follows UN cover pages: "Forty-first session", "Agenda item 4",
"Point 4 de l'ordre du jour", "Пункт 4 повестки дня", "Tema 4 de la agenda",
"البند 4 من جدول الأعمال", "议程项目4".

Arabic lines are also read as ``pdftotext`` gives them from a PDF. It keeps
right-to-left text in logical order but takes each run of digits, with the
spaces and punctuation beside it, as a left-to-right piece and puts it back in
the wrong place: "البند 4 من" comes out "البند  4من", "1، 2" comes out
"2 ،1", "يونيه - 12 تموز" comes out "يونيه  12 -تموز", and in a range over
two years "ديسمبر 2019 - 12 كانون" comes out "ديسمبر  12 - 2019كانون". The Arabic
agenda and date-range patterns accept these orders (a number glued to the next
word, the dash after the day, the first year after the second day).
"""

from __future__ import annotations

import re

from palais.conventions import month_lexicon


def _trie(words: list[str]) -> str:
    """An alternation matching exactly ``words``, factored by shared prefixes ("ju(?:ne|ly|
    in|illet)" rather than one branch a word): the engine then reads each character once
    instead of trying a hundred month names at every position. Where one word is a prefix
    of another, the longer one is tried first, as in an alternation sorted longest first."""
    heads: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            heads.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    branches = [re.escape(c) + _trie(rest) for c, rest in heads.items()]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")


MONTH_ALTERNATION = _trie(sorted(month_lexicon()))
MONTH_FIRST_LETTERS = "".join(sorted({c for m in month_lexicon() for c in (m[0], m[0].upper())}))
"""Checked in a look-ahead before the month alternation, so most positions fail at once."""

_W = r"[^\W\d_]+"
SESSION = re.compile(
    rf"(?P<words>(?:{_W}[ \-‐]){{0,3}}{_W})\s+(?:special\s+|extraordinaire\s+)?"
    r"(?:session|сессия|сессии|período\s+de\s+sesiones|periodo\s+de\s+sesiones)\b"
    r"|(?P<num>\d{1,3})\s*(?:º|°|o|st|nd|rd|th|er|e|ème|-я|-й)?\s*(?:special\s+)?"
    r"(?:session|período\s+de\s+sesiones|сессия)\b"
    rf"|الدورة\s+(?P<ar>(?:{_W}\s+){{0,3}}{_W})"
    r"|第(?P<zh>[一二三四五六七八九十百零\d]{1,6})届(?:特别)?会议",
    re.IGNORECASE,
)
_EXTRA_FOLDS = {"s": "\u017f", "k": "\u212a", "в": "\u1c80"}
"""Letters that ``re.IGNORECASE`` also equates with these (long s, Kelvin sign, narrow ve)."""


def first_letter_literal(*alternatives: str) -> str:
    """The alternation of ``alternatives`` as ``re.IGNORECASE`` would read it, but with each
    one's first letter spelt out as a literal branch per case form and only the rest
    case-insensitive: a pattern whose branches all open with a literal lets the engine skip
    ahead to those letters, where an ignore-case pattern tries every position of the text."""
    branches = []
    for alt in alternatives:
        first, rest = alt[0], alt[1:]
        low = first.lower()
        forms = dict.fromkeys([low, first.upper(), *_EXTRA_FOLDS.get(low, "")])
        branches += [f"{re.escape(c)}(?i:{rest})" if rest else re.escape(c) for c in forms]
    return "(?:" + "|".join(branches) + ")"


SESSION_WORD = re.compile(r"session|сесси|per[ií]odo|الدورة|届", re.IGNORECASE)
"""A word every match of :data:`SESSION` contains: a cheap test that rules most lines out."""
_NUMS = (
    r"\d{1,3}(?:\s?\([a-zа-я]\))?"
    r"(?:\s?(?:,|،|and|et|и|y|و|、|和)\s?\d{1,3}(?:\s?\([a-zа-я]\))?){0,9}"
)
AGENDA = re.compile(
    rf"(?:Provisional\s+)?(?:Agenda\s+items?|AGENDA\s+ITEMS?|Items?)\s+(?P<en>{_NUMS})"
    rf"|Points?\s+(?P<fr>{_NUMS})\s+de\s+l['’]ordre\s+du\s+jour"
    rf"|Пункты?\s+(?P<ru>{_NUMS})\s+(?:предварительной\s+)?повестки"
    rf"|Temas?\s+(?P<es>{_NUMS})\s+del?\s+(?:la\s+agenda|programa)"
    rf"|(?<!\(\s)(?<!\()(?:البندان|البنود|البند)\s*(?P<ar>{_NUMS})\s*من\s+جدول\s+الأعمال"
    rf"|(?:临时)?议程项目\s*(?P<zh>{_NUMS})",
)
_DAY = r"(?P<{}>\d{{1,2}})(?:er|º|°|-?го)?"
_MONTH = rf"(?P<{{}}>{MONTH_ALTERNATION})"
DATE = re.compile(
    _DAY.format("d") + r"\s*(?:de\s+)?" + _MONTH.format("m")
    + r"\s*(?:/\s*\w+\s*)?(?:de\s+|del\s+|,\s*)?(?P<y>\d{4})"
    + r"|(?=[" + MONTH_FIRST_LETTERS + r"])" + _MONTH.format("m2")
    + r"\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})"
    + r"|(?P<y3>\d{4})\s*年\s*(?P<m3>\d{1,2})\s*月\s*(?P<d3>\d{1,2})\s*日",
    re.IGNORECASE,
)
DATE_RANGE = re.compile(
    r"(?P<d1>\d{1,2})(?:er|º|°)?\s*(?:de\s+)?(?:" + _MONTH.format("m1") + r"\s*(?:de\s+)?"
    r"(?P<y1>\d{4})?\s*(?:года\s*)?)?(?:[-–—]|\ba\b|\bto\b|\bau\b|по)\s*"
    + _DAY.format("d2") + r"\s*(?:de\s+)?" + _MONTH.format("m2")
    + r"\s*(?:de\s+|del\s+|,\s*)?(?P<y2>\d{4})"
    # Chinese: "2019年6月24日至7月12日", "2017年6月6日至23日" (the end omits what repeats).
    # Arabic as pdftotext displaces it (module docstring): "24 حزيران/يونيه 12 - تموز/يوليه
    # 2019", "24 كانون الأول/ديسمبر 12 - 2019 كانون الثاني/يناير 2020".
    + r"|(?P<ad1>\d{1,2})\s*" + _MONTH.format("am1") + r"\s*(?P<ad2>\d{1,2})\s*[-–—]\s*"
    + r"(?:(?P<ay1>\d{4})\s*)?" + _MONTH.format("am2") + r"\s*(?P<ay2>\d{4})"
    + r"|(?P<zy1>\d{4})\s*年\s*(?P<zm1>\d{1,2})\s*月\s*(?P<zd1>\d{1,2})\s*日\s*至\s*"
    + r"(?:(?P<zy2>\d{4})\s*年\s*)?(?:(?P<zm2>\d{1,2})\s*月\s*)?(?P<zd2>\d{1,2})\s*日",
    re.IGNORECASE,
)
FOOTNOTE = re.compile(r"^(\*{1,3})\s*(\S.*)$")
ANNEX_HEADING = re.compile(
    r"^(?:Annex(?:e|es)?|ANNEX(?:E)?|Anexo|ANEXO|Приложение|ПРИЛОЖЕНИЕ|المرفق|مرفق|附件)"
    r"(?:\s+(?:[IVX\d]+|to|à|au|a\s+la|de\s+la|к|of)\b.*)?\s*\*?$"
)
TYPE_TITLE = re.compile(
    # A word boundary before the first letter, written as a look-behind after it
    # ("N(?<!\wN)"), so every branch opens with a literal the engine can skip ahead to.
    r"N(?<!\wN)(?:ote\s+verbale|ota\s+verbal)|В(?<!\wВ)ербальная\s+нота|"
    r"I(?<!\wI)dentical\s+[Ll]etters?\s+dated|l(?<!\wl)etters?\s+dated|"
    r"L(?<!\wL)(?:etters?\s+dated|ettres?\s+(?:identiques\s+)?datées?)|"
    r"C(?<!\wC)artas?\s+(?:idénticas\s+)?de\s+fecha|И(?<!\wИ)дентичные\s+[Пп]исьм[оа]\s|"
    r"П(?<!\wП)исьм[оа]\s|п(?<!\wп)исьм[оа]\s"
    r"|مذكرة\s+شفوية|رسال\S*\s+مؤرخة|رسالتان|普通照会|的信$"
)
