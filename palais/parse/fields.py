"""Stage 5: fields of the record, read from the tree and the cover text.

Reads the :class:`~palais.parse.structure.Tree` and the folded text of the
document's beginning (``head``: real texts arrive flattened or wrapped in web
navigation, so fields are also sought in running text); writes the keyword
arguments of :class:`palais.model.Document`. Every finder returns None when the
text does not show the value: unknown values are null, never guessed.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from palais.conventions import (
    find_state,
    fold,
    language_lexicon,
    month_lexicon,
    parts_joiners,
    read_chinese_numeral,
    read_ordinal,
)
from palais.errors import InvalidSymbol
from palais.languages import Language
from palais.model import Body, DocType
from palais.parse.patterns import (
    AGENDA,
    DATE,
    DATE_RANGE,
    MONTH_ALTERNATION,
    SESSION,
    first_letter_literal,
)
from palais.symbols import Symbol

_MONTHS = month_lexicon()
"""Printed month names of the six languages (folded) -> month number."""

HEAD = 6000
"""Characters of the document in which cover fields are sought."""

_SYMBOL = re.compile(
    # Each series prefix is matched before the look-behind that checks the character before
    # it (so the look-behind's width is the prefix's): a pattern whose branches all open with
    # a literal letter lets the engine skip ahead to those letters instead of trying every
    # position of the text.
    r"((?:A(?<![A-Za-z0-9/].)|S(?<![A-Za-z0-9/].)|E(?<![A-Za-z0-9/].)"
    r"|DP(?<![A-Za-z0-9/]..)|TD(?<![A-Za-z0-9/]..)"
    r"|CAT(?<![A-Za-z0-9/]...)|CRC(?<![A-Za-z0-9/]...)|CMW(?<![A-Za-z0-9/]...)"
    r"|CED(?<![A-Za-z0-9/]...)|CCPR(?<![A-Za-z0-9/]....)|CERD(?<![A-Za-z0-9/]....)"
    r"|CRPD(?<![A-Za-z0-9/]....)|UNEP(?<![A-Za-z0-9/]....)|CEDAW(?<![A-Za-z0-9/].....))"
    r"(?:\.\d{1,2})?(?:/[A-Z0-9][A-Za-z0-9.\-]{0,24}){1,7})"
)
_BODY_BY_SYMBOL = (
    ("A/HRC/", Body.HRC), ("E/CN.4/", Body.CHR), ("E/C.12/", Body.CESCR),
    ("CCPR/", Body.CCPR), ("CERD/", Body.CERD), ("CAT/", Body.CAT), ("CRC/", Body.CRC),
    ("CEDAW/", Body.CEDAW), ("CMW/", Body.CMW), ("CRPD/", Body.CRPD), ("CED/", Body.CED),
    ("A/", Body.GA), ("S/", Body.SC), ("E/", Body.ECOSOC),
)
_BODY_NAMES = (
    (Body.HRC, r"Human Rights Council|Conseil des droits de l['’]homme|Совет по правам человека|"
     r"Consejo de Derechos Humanos|مجلس حقوق الإنسان|人权理事会"),
    (Body.CHR, r"Commission on Human Rights|Commission des droits de l['’]homme|"
     r"Комиссия по правам человека|Comisión de Derechos Humanos|لجنة حقوق الإنسان|人权委员会"),
    (Body.CCPR, r"Human Rights Committee|Comité des droits de l['’]homme|"
     r"Комитет по правам человека|"
     r"Comité de Derechos Humanos|اللجنة المعنية بحقوق الإنسان|人权事务委员会"),
    (Body.CERD, r"Elimination of Racial Discrimination|élimination de la discrimination raciale|"
     r"ликвидации расовой дискриминации|Eliminación de la Discriminación Racial|"
     r"القضاء على التمييز العنصري|消除种族歧视委员会"),
    (Body.CRC, r"Committee on the Rights of the Child|Comité des droits de l['’]enfant|"
     r"Комитет по правам ребенка|Comité de los Derechos del Niño|لجنة حقوق الطفل|儿童权利委员会"),
    (Body.CAT, r"Committee against Torture|Comité contre la torture|Комитет против пыток|"
     r"Comité contra la Tortura|لجنة مناهضة التعذيب|禁止酷刑委员会"),
    (Body.SC, r"Security Council|Conseil de sécurité|Совет Безопасности|Consejo de Seguridad|"
     r"مجلس الأمن|安全理事会"),
    (Body.GA, r"General Assembly|Assemblée générale|Генеральная Ассамблея|Генеральной Ассамблеи|"
     r"Asamblea General|الجمعية العامة|大会"),
)
_BODY_RES = tuple((b, re.compile(p, re.IGNORECASE)) for b, p in _BODY_NAMES)

_RU_LETTER = r"исьм[оа] (?:Постоянного|Временного|Министра|Председателя|от)"
# Titles of communications, capitalised as printed ("Note verbale dated…", "Letter
# dated…"): lower-case mentions in running text ("the present note verbale") do not count.
_COMMUNICATIONS = (
    (DocType.NOTE_VERBALE, r"Note verbale|NOTE VERBALE|Nota verbal|NOTA VERBAL|Вербальная нота|"
     r"ВЕРБАЛЬНАЯ НОТА|مذكرة شفوية|普通照会"),
    # Every branch opens with a literal letter, so the engine skips ahead to those letters.
    (DocType.LETTER, r"Identical [lL]etters? dated|Letters? dated|LETTER DATED|"
     r"Lettres? (?:identiques )?datées?|Cartas? (?:idénticas )?de fecha|"
     rf"Идентичные [Пп]{_RU_LETTER}|П{_RU_LETTER}|п{_RU_LETTER}|"
     r"رسال\w* مؤرخ|رسالتان متطابقتان|的信$"),
)
_TYPES = (
    (DocType.SUMMARY_RECORD, r"summary record|compte rendu analytique|кратк\w+ отч[её]т|"
     r"acta resumida|محضر موجز|简要记录"),
    (DocType.WRITTEN_STATEMENT, r"written statement|exposé écrit|письменное заявление|"
     r"exposición (?:presentada|escrita)|بيان خطي|书面陈述"),
    (DocType.DRAFT_RESOLUTION, r"draft resolution|projet de résolution|проект резолюции|"
     r"proyecto de resolución|مشروع قرار|决议草案"),
    (DocType.REPORT, r"\breport (?:of|on|to|by)\b|\brapport (?:du|de|sur)\b|\bдоклад\b|"
     r"\binforme (?:del?|sobre)\b|^تقرير"),
)
_COMM_RES = tuple((t, re.compile(p, re.MULTILINE)) for t, p in _COMMUNICATIONS)
_TYPE_RES = tuple((t, re.compile(p, re.IGNORECASE | re.MULTILINE)) for t, p in _TYPES)

_ADDRESSEES = (
    ("PHRC", r"President of the Human Rights Council|Président du Conseil des droits de l['’]homme|"
     r"Председател\w+ Совета по правам человека|Presidente del Consejo de Derechos Humanos|"
     r"رئيس مجلس حقوق الإنسان|人权理事会主席"),
    ("PGA", r"President of the General Assembly|Président de l['’]Assemblée générale|"
     r"Председател\w+ Генеральной Ассамблеи|Presidente de la Asamblea General|"
     r"رئيس الجمعية العامة|大会主席"),
    ("PSC", r"President of the Security Council|Président du Conseil de sécurité|"
     r"Председател\w+ Совета Безопасности|Presidente del Consejo de Seguridad|رئيس مجلس الأمن|"
     r"安全理事会主席"),
    ("CCHR", r"Chair(?:person|man)? of the Commission on Human Rights|"
     r"Président de la Commission des droits de l['’]homme|"
     r"Председател\w+ Комиссии по правам человека|Presidente de la Comisión de Derechos Humanos|"
     r"رئيس لجنة حقوق الإنسان|人权委员会主席"),
    ("OHCHR", r"Office of the (?:United Nations )?High Commissioner|Haut-Commissariat|"
     r"Управлени\w+ Верховного комиссара|Oficina del Alto Comisionado|المفوضية السامية|"
     r"مفوضية الأمم المتحدة السامية|人权高专办|人权事务高级专员办事处"),
    ("SG", r"Secretary-General|Secrétaire général|Генерального секретаря|Secretario General|"
     r"الأمين العام|秘书长"),
)
_ADDRESSEE_RES = tuple((c, re.compile(p, re.IGNORECASE)) for c, p in _ADDRESSEES)
_ADDRESSED = re.compile(
    r"addressed to|adressées? (?:au|à)|в адрес|на имя|dirigidas? (?:al?|a la)|موجهة إلى|致",
    re.IGNORECASE,
)
_SENDER = re.compile(
    r"(?:Permanent (?:Missions?|Representatives?|Observer Mission|Observer)|"
    r"Chargé d['’]affaires a\.i\.|Embassy|Delegation|Mission|Representatives?) of (?:the )?"
    r"(?P<en>[^;()]{3,90}?)"
    r"(?= to | addressed| in | at )"
    r"|(?:Mission permanente|Représentante? permanente?|Mission d['’]observation permanente|"
    r"Délégation|Ambassade|Chargée? d['’]affaires) (?:de |d['’]|du )(?P<fr>[^,;()]{3,70}?)"
    r"(?= auprès|,| adressée| à )"
    r"|(?:Постоянного представительства|Постоянного представителя|Постоянное представительство|"
    r"Временного поверенного в делах|Посольства|Делегации) (?P<ru>[^,;()]{3,70}?)"
    r"(?= при| от |,| в адрес| на имя)"
    r"|(?:Misión Permanente|Representante Permanente|Representación Permanente|"
    r"Encargad[oa] de Negocios a\.i\.|Embajada|Delegación) de (?P<es>[^,;()]{3,70}?)"
    r"(?= ante|,| dirigid| en )"
    r"|(?:البعثة الدائمة|الممثل الدائم|الممثلة الدائمة|القائم بالأعمال بالنيابة)\s+(?:ل|لـ)?"
    r"(?P<ar>[^،,()]{3,50}?)(?=\s+لدى|\s+إلى)"
    r"|(?P<zh>[\u4e00-\u9fff]{2,12}?)常驻",
)
_ORIGINAL = re.compile(
    first_letter_literal("Original", "Подлинный текст", "الأصل", "原文") + r"\s*[:：]"
)
_WORD = re.compile(r"[^\W\d_]+")
_REPRODUCED = re.compile(first_letter_literal(
    "reproduced as received", "reproduit(?:e|es)? tel(?:le)?s? qu", "reproduite telle",
    "в том виде, в каком", "se reproduce(?:n)? (?:tal|en la forma)", "مستنسخ", "بالشكل الذي",
    "按收到的原文",
))
_DISTR = re.compile(r"Distr\.?\s*[:.]?\s*(?:GENERAL|General|générale|GÉNÉRALE|LIMITED|Limited|"
                    r"RESTRICTED|limitée|limitada|general|GENERAL)")
_JOB = re.compile(r"-(?:(?<=\bGE\.\d\d-)(?P<ge>)\d{5}\b|(?<=\b\d\d-)\d{5}\s*\([EFSRACX]\))")
"""A GE job number ("GE.19-09676", "19-09676 (E)"), found by its hyphen, which the engine
skips ahead to; the look-behinds read what comes before it (see job_number)."""


_YEAR = re.compile(r"(?:1[89]|20)(?<!\d\d\d)\d\d(?!\d)")
"""A year 1800-2099 not inside a longer number; the look-behind follows the first two digits
(so the pattern opens with a literal digit the engine can skip ahead to)."""


@functools.lru_cache(maxsize=16)
def find_dates(text: str) -> list[tuple[int, date]]:
    """(position, date) of each full date. Dates are only sought in a short window
    before each year, which keeps the month alternation off most of the text."""
    out: list[tuple[int, date]] = []
    last_end = 0
    for year in _YEAR.finditer(text):
        begin = max(last_end, year.start() - 40)
        for m in DATE.finditer(text, begin, min(len(text), year.end() + 12)):
            found = _date_of(m)
            if found and m.start() >= last_end:
                out.append((m.start(), found))
                last_end = m.end()
    return out


def _date_of(m: re.Match[str]) -> date | None:
    try:
        if m["y3"]:
            return date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        if m["m2"]:
            return date(int(m["y2"]), _MONTHS[m["m2"].lower()], int(m["d2"]))
        return date(int(m["y"]), _MONTHS[m["m"].lower()], int(m["d"]))
    except (ValueError, KeyError):
        return None


_FIRST_PART = re.compile(
    r"(?P<d>\d{1,2})(?:er|º|°)?(?:\s*(?:[-–—]|\ba\b)\s*\d{1,2})?\s*(?:de\s+)?(?P<m>"
    + MONTH_ALTERNATION + r")",
    re.IGNORECASE,
)


def _first_part_start(text: str, at: int, year: int) -> date | None:
    """The first day of a session met in parts ("10-28 September and 10-14 December
    2007"): where the range read ends a line that joins earlier parts with the
    conventions' joiner, the first day printed on that line."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    if not any(line.rstrip().endswith(j.strip()) for j in parts_joiners()):
        return None
    m = _FIRST_PART.search(line)
    if not m:
        return None
    try:
        return date(year, _MONTHS[m["m"].lower()], int(m["d"]))
    except (ValueError, KeyError):
        return None


def session_dates(text: str) -> tuple[date, date] | None:
    """The session's first and last day as the cover prints them (a session met in
    parts: the first day of its first part to the last of its last)."""
    found = _session_dates(text)
    if found is None:
        return None
    m = DATE_RANGE.search(text)
    first = _first_part_start(text, m.start(), found[1].year) if m else None
    return (first, found[1]) if first and first <= found[0] else found


def _session_dates(text: str) -> tuple[date, date] | None:
    m = DATE_RANGE.search(text)
    if not m:
        return None
    try:
        if m["zy1"]:
            year, month = int(m["zy1"]), int(m["zm1"])
            start = date(year, month, int(m["zd1"]))
            end = date(int(m["zy2"] or year), int(m["zm2"] or month), int(m["zd2"]))
            return (start, end) if start <= end else None
        if m["ad1"]:
            start = date(int(m["ay1"] or m["ay2"]), _MONTHS[m["am1"].lower()], int(m["ad1"]))
            end = date(int(m["ay2"]), _MONTHS[m["am2"].lower()], int(m["ad2"]))
            return (start, end) if start <= end else None
        end_month = _MONTHS[m["m2"].lower()]
        end = date(int(m["y2"]), end_month, int(m["d2"]))
        start_month = _MONTHS[m["m1"].lower()] if m["m1"] else end_month
        start = date(int(m["y1"] or m["y2"]), start_month, int(m["d1"]))
    except (ValueError, KeyError):
        return None
    return (start, end) if start <= end else None


_SPECIAL = re.compile(r"special|extraordinaire|especial|специальн|استثنائية|特别", re.IGNORECASE)


def is_special_session(text: str, session_at: int) -> bool:
    """True when the session phrase at ``session_at`` names a special session."""
    return bool(_SPECIAL.search(text, session_at, session_at + 40))


def special_session_day(text: str, session_at: int) -> tuple[date, date] | None:
    """A special session printed with one date ("First special session 5 July 2006")
    lasted that day; a regular session's single date is never read as its span."""
    line = text[session_at : session_at + 80]
    if not is_special_session(text, session_at):
        return None
    dates = find_dates(line)
    return (dates[0][1], dates[0][1]) if dates and dates[0][0] < 45 else None


def session_number(text: str) -> tuple[int, int] | None:
    """(number, position) of the first session phrase."""
    for m in SESSION.finditer(text):
        if m["num"]:
            return int(m["num"]), m.start()
        if m["zh"]:
            value = read_chinese_numeral(m["zh"])
        elif m["ar"]:
            words = m["ar"].split()
            value = next((v for k in range(len(words), 0, -1)
                          if (v := read_ordinal(" ".join(words[:k])))), None)
        else:
            words = m["words"].split()
            value = None
            for k in range(len(words)):
                value = read_ordinal(" ".join(words[k:]))
                if value:
                    break
            if value is None and m.group(0).lower().startswith(("special", "extra")):
                continue
        if value:
            return value, m.start()
    return None


def agenda_items(text: str) -> tuple[int, ...]:
    for line in text.split("\n"):
        for m in AGENDA.finditer(line):
            numbers = next(g for g in m.groups() if g is not None)
            # Sub-items are dropped: "112 (e)" is item 112.
            cleaned = re.sub(r"\([a-zа-я]\)", " ", numbers)
            numbers_found = [int(n) for n in re.findall(r"\d{1,3}", cleaned)]
            if m["ar"]:
                # pdftotext may reverse an Arabic list ("1، 2" -> "2 ،1"); the UN lists
                # items in ascending order.
                numbers_found.sort()
            items = tuple(dict.fromkeys(numbers_found))
            if items:
                return items
    return ()


_SPACED_A = re.compile(r"\bA /(?=\d)")


def symbol(text: str) -> Symbol | None:
    """The document's own symbol: near "Distr.", on a line of its own, or repeated."""
    if "A /" in text:  # a substring test spares the scan of almost every text
        text = _SPACED_A.sub("A/", text)
    dates = {start for start, _ in find_dates(text)}
    distr = [m.start() for m in _DISTR.finditer(text)]
    best: tuple[int, int, Symbol] | None = None
    counts: dict[str, int] = {}
    candidates = []
    for m in _SYMBOL.finditer(text):
        raw = m[1].rstrip(".-")
        for d in sorted(dates):
            if m.start() < d < m.start() + len(raw):
                raw = raw[: d - m.start()]
                break
        before = text[max(0, m.start() - 12) : m.start()]
        if "(" in before[-2:] or re.search(r"(?:document|cote|Doc\.|see|resolution)\s*$", before):
            continue
        try:
            sym = Symbol.parse(raw)
        except InvalidSymbol:
            continue
        counts[str(sym)] = counts.get(str(sym), 0) + 1
        candidates.append((m.start(), sym))
    for pos, sym in candidates:
        line_start = text.rfind("\n", 0, pos) + 1
        score = 0
        if any(abs(pos - d) < 90 for d in distr):
            score += 3
        if not text[line_start:pos].strip():
            score += 2
        if counts[str(sym)] > 1:
            score += 1
        if score and (best is None or score > best[0]):
            best = (score, -pos, sym)
    return best[2] if best else None


# "circulated as a document of the General Assembly": the body the sender writes to.
_CIRCULATED_AS = re.compile(
    r"(?:document|documento|документа|وثيقة)\s+(?:of|de|du|del|de la)\s+(?:the\s+|la\s+|l['’])?"
    r"(General Assembly|Security Council|Human Rights Council|Assemblée générale|"
    r"Conseil de sécurité|Asamblea General|Consejo de Seguridad)",
    re.IGNORECASE,
)


def body_of(sym: Symbol | None, text: str, session_at: int | None) -> Body | None:
    if sym is not None:
        for prefix, body in _BODY_BY_SYMBOL:
            if str(sym).startswith(prefix):
                return body
    if session_at is not None:
        window = text[max(0, session_at - 90) : session_at]
        hits = [(m.end(), b) for b, rx in _BODY_RES for m in rx.finditer(window)]
        if hits:
            return max(hits)[1]
    m = _CIRCULATED_AS.search(text)
    if m:
        return next(b for b, rx in _BODY_RES if rx.search(m[1]))
    presidents = {"PGA": Body.GA, "PSC": Body.SC, "PHRC": Body.HRC, "CCHR": Body.CHR}
    found = [(h.start(), presidents[c]) for c, rx in _ADDRESSEE_RES if c in presidents
             for h in [rx.search(text[:3000])] if h]
    if found:
        return min(found)[1]
    hits = [(m.start(), b) for b, rx in _BODY_RES for m in [rx.search(text[:1500])] if m]
    return min(hits)[1] if hits else None


def doc_type(sym: Symbol | None, text: str) -> tuple[DocType, int]:
    if sym is not None:
        s = str(sym)
        if "/RES/" in s:
            return DocType.RESOLUTION, 0
        if "/DEC/" in s or re.search(r"/D/\d", s):
            return DocType.DECISION, 0
        if "/SR." in s:
            return DocType.SUMMARY_RECORD, 0
        if "/NGO/" in s:
            return DocType.WRITTEN_STATEMENT, 0
    scope = text[:3000]
    hits = [(m.start(), t) for t, rx in _COMM_RES for m in [rx.search(scope)] if m]
    hits = hits or [(m.start(), t) for t, rx in _TYPE_RES for m in [rx.search(scope)] if m]
    if not hits:
        return DocType.OTHER, -1
    pos, found = min(hits)
    if found is DocType.REPORT and sym is not None and "/L." in str(sym):
        return DocType.DRAFT_RESOLUTION, pos
    return found, pos


def addressee(title: str) -> str | None:
    m = _ADDRESSED.search(title)
    scope = title[m.end():] if m else title
    hits = [(h.start(), code) for code, rx in _ADDRESSEE_RES for h in [rx.search(scope)] if h]
    return min(hits)[1] if hits else None


_JOINT = re.compile(r",\s*(?:and\s+|et\s+|y\s+)?|\s+(?:and|et|y|и)\s+")


def senders(title: str) -> tuple[str, ...]:
    found: list[str] = []
    for m in _SENDER.finditer(title):
        phrase = next(g for g in m.groups() if g)
        # Chinese has no spaces: try the phrase without its leading characters too.
        if m["zh"]:
            tries = [phrase[k:] for k in range(len(phrase) - 1)]
            iso3 = next((hit for t in tries if (hit := find_state(t))), None)
            pieces: list[str | None] = [iso3] if iso3 else []
        else:
            # Joint letters name several States: "of Egypt, Jordan and Qatar".
            pieces = [find_state(p) for p in _JOINT.split(phrase)]
        for iso3 in pieces:
            if iso3 and iso3 not in found:
                found.append(iso3)
    return tuple(found)


def original_language(text: str) -> Language | None:
    """The language after "Original:"; the first language name among the next few words,
    so field-code debris ("Orig. Lang. MERGEFORMAT ENGLISH") is stepped over."""
    m = _ORIGINAL.search(text)
    if not m:
        return None
    for word in _WORD.findall(text, m.end(), m.end() + 48)[:6]:
        name = fold(word)
        found = next((lang for key, lang in _NAMES_LONGEST if name.startswith(key)), None)
        if found:
            return found
    return None


_NAMES_LONGEST = sorted(language_lexicon().items(), key=lambda kv: len(kv[0]), reverse=True)


def document_date(text: str) -> date | None:
    """The issue date printed in the first-page block (after "Distr."), else the first date
    that is not part of a range (session dates)."""
    dates = find_dates(text)
    for d in _DISTR.finditer(text):
        after = [found for pos, found in dates if d.end() <= pos < d.end() + 160]
        if after:
            return after[0]
    ranges = [(m.start(), m.end()) for m in DATE_RANGE.finditer(text[:HEAD])]
    for pos, found in dates:
        if not any(a <= pos < b for a, b in ranges):
            return found
    return None


def reproduced(text: str) -> bool:
    return bool(_REPRODUCED.search(text))


def has_distr(text: str) -> bool:
    return bool(_DISTR.search(text))


def job_number(text: str) -> str | None:
    m = _JOB.search(text)
    if m is None:
        return None
    return text[m.start() - (5 if m["ge"] is not None else 2) : m.end()]
