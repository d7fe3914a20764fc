"""The phrases of a note verbale as a mission sends it, from ``data/note_as_sent.yaml``.

A mission's own note (letterhead, reference, "NOTE VERBALE", the compliments
opening, the request to circulate, the closing formula, place and date, stamp,
addressee block) is recognised by its phrases, which live in the data file, six
languages side by side, each with its source. This module turns each list of
phrases into one pattern, compiled once, and answers the questions the parser
asks: where a phrase of a kind occurs, and in which language.

Text is compared folded (lower case, accents and diacritics off, one apostrophe)
one character for one character, so a match's positions are positions in the
text as printed: the parser cuts the closing sentence off a paragraph, or reads
the reference after its label, at those positions.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from palais.conventions.data import load
from palais.conventions.dates import format_date
from palais.conventions.formulae import formulae
from palais.conventions.states import is_observer, state_name
from palais.errors import PalaisError
from palais.languages import Language

__all__ = ["Found", "NotePhrases", "note_phrases", "note_title", "same_length_fold"]

KINDS = ("heading", "compliments", "request", "closing", "places", "address_lines", "stamp",
         "group", "annex_mentions", "new_york")
"""Kinds of phrase the data file lists per language."""

_CJK_OR_DIGIT = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\\d"
_CJK_GAP = re.compile(f"(?<=[{_CJK_OR_DIGIT}]) (?=[{_CJK_OR_DIGIT}])")
_NUMBER_LIST = r"(?P<n>\d{1,3}(?:\s*(?:,|،|and|et|y|и|و|和|、)\s*\d{1,3}){0,9})"


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    decomposed = unicodedata.normalize("NFD", c.casefold().replace("’", "'"))
    kept = "".join(x for x in decomposed if not unicodedata.combining(x))
    return kept if len(kept) == 1 else c.lower() if len(c.lower()) == 1 else c


@functools.cache
def _fold_table() -> dict[int, str]:
    """Lower-case letters of the scripts of the six languages that fold to another one
    (é -> e, ё -> е, أ -> ا), and the typographic apostrophe: applied by ``str.translate``,
    which runs at C speed where a loop over characters would not."""
    table: dict[int, str] = {0x2019: "'"}
    ranges = (range(0xC0, 0x250), range(0x400, 0x530), range(0x600, 0x700),
              range(0x1E00, 0x1F00))
    for cp in (cp for r in ranges for cp in r):
        low = chr(cp).lower()
        if len(low) == 1 and (folded := _fold_char(chr(cp))) != low:
            table[ord(low)] = folded
    return table


def same_length_fold(text: str) -> str:
    """``text`` folded one character for one character (see the module docstring)."""
    low = text.lower()
    if text.isascii():
        return low
    if len(low) == len(text):
        return low.translate(_fold_table())
    return "".join(_fold_char(c) for c in text)


def _phrase_pattern(phrase: str) -> str:
    """One phrase as a pattern over folded text: spaces stretch, ``~`` ends a stem,
    ``{n}`` is a list of numbers."""
    words = []
    for word in same_length_fold(phrase).split():
        if word == "{n}":
            words.append(_NUMBER_LIST)
            continue
        stem = word.endswith("~")
        piece = re.escape(word.rstrip("~"))
        piece = piece.replace(r"\{n\}", _NUMBER_LIST)
        words.append(piece + (r"\w*" if stem else ""))
    return r"\s+".join(words)


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(_phrase_pattern(p) for p in ordered)


@dataclass(frozen=True, slots=True)
class Found:
    """Where a phrase was found: span in the text as printed, and its language."""

    start: int
    end: int
    language: Language


class NotePhrases:
    """The compiled phrases of ``note_as_sent.yaml`` (built once: :func:`note_phrases`)."""

    def __init__(self, data: dict[str, object]) -> None:
        self._patterns: dict[str, re.Pattern[str]] = {}
        for kind in KINDS:
            by_lang = data[kind]
            assert isinstance(by_lang, dict)
            self._patterns[kind] = self._by_language(by_lang)
        labels = data["reference"]
        assert isinstance(labels, dict)
        self._reference = re.compile(
            r"^\s*(?:" + "|".join(
                f"(?P<{lang}>{_labels(items)})" for lang, items in labels.items() if items
            ) + r")\s*(?=\S)"
        )
        whole = data["reference_whole_line"]
        assert isinstance(whole, dict)
        self._whole_line = tuple((Language(lang), str(rule["contains"]), str(rule["ends"]))
                                 for lang, rule in whole.items())
        addressees = data["addressees"]
        assert isinstance(addressees, dict)
        self._addressees = tuple(
            (str(code), re.compile(r"(?<!\w)(?:" + _alternation(
                str(p) for phrases in by_lang.values() for p in phrases) + ")"))
            for code, by_lang in addressees.items()
        )
        agenda = data["agenda_item"]
        assert isinstance(agenda, dict)
        self._agenda = re.compile("|".join(
            f"(?:{_phrase_pattern(str(p))})" for phrases in agenda.values() for p in phrases
        ).replace("(?P<n>", "(?:"))
        self._numbers = re.compile(_NUMBER_LIST.replace("(?P<n>", "(?:"))

    @staticmethod
    def _by_language(by_lang: dict[str, list[str]]) -> re.Pattern[str]:
        branches = [f"(?P<{lang}>{_alternation(str(p) for p in phrases)})"
                    for lang, phrases in by_lang.items() if phrases]
        # A phrase starts and ends at word edges, except Chinese (no spaces between words).
        return re.compile("|".join(branches))

    def find(self, kind: str, text: str, start: int = 0) -> Found | None:
        """The first phrase of ``kind`` in ``text`` at or after ``start``."""
        folded = same_length_fold(text)
        for m in self._patterns[kind].finditer(folded, start):
            lang = Language(str(m.lastgroup))
            if lang is not Language.ZH and not _at_word_edges(folded, m.start(), m.end()):
                continue
            return Found(m.start(), m.end(), lang)
        return None

    def is_only(self, kind: str, text: str) -> bool:
        """Whether ``text`` is nothing but one phrase of ``kind`` (a heading, a stamp)."""
        stripped = text.strip(" .:-–—_*")
        found = self.find(kind, stripped)
        return found is not None and found.start == 0 and found.end == len(stripped)

    def reference(self, line: str) -> tuple[str, Language | None] | None:
        """The reference printed on ``line`` after its label ("Ref: X" -> "X"), or the
        whole line where a language prints it unlabelled (Chinese "（2025）…第112号")."""
        heading = self.find("heading", line)
        if heading is not None and heading.start == 0 and line[heading.end:].strip():
            # "NOTE VERBALE No. 2024/15": the reference printed after the heading.
            return self.reference(line[heading.end:])
        m = self._reference.match(same_length_fold(line))
        if m:
            # "Réf. : 2024/12": the label's colon printed apart.
            return line[m.end():].strip().lstrip(":").strip(), Language(str(m.lastgroup))
        # pdftotext sets digits among Chinese characters apart: "第 87 号".
        text = _CJK_GAP.sub("", line.strip())
        for lang, contains, ends in self._whole_line:
            if contains in text and text.endswith(ends) and len(text) < 40:
                return text, lang
        return None

    def addressee(self, text: str) -> tuple[str, int] | None:
        """(code, position) of the first addressee named in ``text``."""
        folded = same_length_fold(text)
        hits = [(m.start(), code) for code, rx in self._addressees for m in [rx.search(folded)]
                if m]
        if not hits:
            return None
        at, code = min(hits)
        return code, at

    def agenda_items(self, text: str) -> tuple[int, ...]:
        """The agenda items a running-text phrase names ("under agenda item 3")."""
        m = self._agenda.search(same_length_fold(text))
        if not m:
            return ()
        numbers = self._numbers.search(m.group(0))
        found = re.findall(r"\d{1,3}", numbers.group(0)) if numbers else []
        return tuple(dict.fromkeys(int(n) for n in found))


def _labels(items: Iterable[object]) -> str:
    """Reference labels, longest first ("Ref. No." before "Ref.")."""
    ordered = sorted((same_length_fold(str(i)) for i in items), key=len, reverse=True)
    return "|".join(re.escape(label) for label in ordered)


def _at_word_edges(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum())


@functools.cache
def note_phrases() -> NotePhrases:
    """The phrases of notes as sent, compiled once per process."""
    return NotePhrases(load("note_as_sent"))


def note_title(
    lang: Language, doc_date: date, iso3: str, addressee: str, *, new_york: bool = False
) -> str | None:
    """The UN title of a mission's note in ``lang`` ("Note verbale dated 20 February 2025
    from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva
    addressed to the Office of the United Nations High Commissioner for Human Rights"):
    formulae.yaml's for a Geneva mission's note to OHCHR, note_as_sent.yaml's for the
    President of the Council, a mission in New York or an observer State's mission; None
    where neither has one."""
    data = load("note_as_sent")
    if addressee == "OHCHR":
        template = formulae(lang).note_verbale_title
    elif addressee in data["titles"]:
        template = str(data["titles"][addressee][lang.value])
    else:
        return None
    if new_york:
        geneva, seat = data["new_york_seat"][lang.value]
        template = template.replace(str(geneva), str(seat))
    if is_observer(iso3):
        member, observer = data["observer_mission"][lang.value]
        template = template.replace(str(member), str(observer), 1)
    try:
        return template.format(
            date=format_date(doc_date, lang), state_of=state_name(iso3, lang, form="of")
        )
    except PalaisError:
        return None
