"""Facts that were in force for a period: the one a document of a given date used.

UN house style changed over the years (covers of 2006-2008 print the organ in
capitals, covers of about 2009-2016 print no dates line, Russian covers moved
from an en dash to an em dash between months), so a fact of the data files may
carry ``from`` and ``until`` (ISO dates, both inclusive, either open) and a
``lang`` (one language, or none for all six). :func:`select` picks, for a date
and a language, the fact in force: among those that cover the date, one written
for that language before one written for all, and then the tightest period, so a
short exception laid over a long rule wins without the rule being cut in two.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from palais.languages import Language

__all__ = ["Fact", "facts", "select"]

_OPEN_DAYS = 10**6
"""Width given to an open end, so a closed period is always tighter than an open one."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One dated fact: its value, the language and period it held for, its source."""

    value: Any
    lang: Language | None
    start: date | None
    end: date | None
    source: str
    confidence: str

    def holds(self, on: date, lang: Language) -> bool:
        """True when the fact was in force on ``on`` for ``lang``."""
        if self.lang is not None and self.lang is not lang:
            return False
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def width(self) -> int:
        """Days the period spans; an open end counts as very long."""
        if self.start is None or self.end is None:
            return _OPEN_DAYS * ((self.start is None) + (self.end is None))
        return (self.end - self.start).days


def _day(value: Any) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def facts(entries: Iterable[Mapping[str, Any]]) -> tuple[Fact, ...]:
    """The facts of a data-file list: each entry has ``value`` (or is itself the value
    once its ``lang``, ``from``, ``until``, ``source`` and ``confidence`` are removed)."""
    out = []
    for entry in entries:
        meta = {"lang", "from", "until", "source", "confidence"}
        value = entry["value"] if "value" in entry else {
            k: v for k, v in entry.items() if k not in meta
        }
        lang = entry.get("lang")
        out.append(Fact(
            value=value,
            lang=Language.parse(str(lang)) if lang else None,
            start=_day(entry.get("from")),
            end=_day(entry.get("until")),
            source=str(entry.get("source", "")),
            confidence=str(entry.get("confidence", "I")),
        ))
    return tuple(out)


def select(candidates: Iterable[Fact], on: date, lang: Language) -> Fact | None:
    """The fact in force on ``on`` for ``lang``: language-specific before general, then
    the tightest period; None when no fact covers that date."""
    holding = [f for f in candidates if f.holds(on, lang)]
    if not holding:
        return None
    return min(holding, key=lambda f: (f.lang is None, f.width()))
