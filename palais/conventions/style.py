"""The cover style in force on a date, from ``data/cover_style.yaml``.

Each concern of that file is a list of dated facts (:mod:`palais.conventions.periods`);
the functions here return the value in force for a language on a date. A date of
None means "today": what a cover issued now prints.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from typing import Any

from palais.conventions.data import language, load
from palais.conventions.periods import Fact, facts, select
from palais.languages import Language

__all__ = [
    "date_pattern_overrides",
    "in_force",
    "masthead_style",
    "parts_joiner",
    "parts_joiners",
    "spanish_words",
]


@functools.cache
def _facts(concern: str) -> tuple[Fact, ...]:
    return facts(load("cover_style")[concern])


def in_force(concern: str, lang: Language | str, on: date | None = None) -> Fact | None:
    """The fact of ``concern`` ("organ_case", "dates_line", "es_session_number",
    "date_patterns") in force on ``on`` (today when None) for ``lang``, or None."""
    return select(_facts(concern), on or date.today(), language(lang))


def value(concern: str, lang: Language | str, on: date | None, default: str) -> str:
    """The value in force, or ``default`` where no fact covers the date."""
    fact = in_force(concern, lang, on)
    return str(fact.value) if fact is not None else default


def date_pattern_overrides(lang: Language | str, on: date | None) -> Mapping[str, Any]:
    """The date patterns a cover of ``on`` used in place of dates.yaml's (often none)."""
    fact = in_force("date_patterns", lang, on)
    return fact.value if fact is not None else {}


def masthead_style(lang: Language | str, on: date | None) -> Mapping[str, Any]:
    """The masthead of covers of ``on``: a distribution line in place of formulae.yaml's
    and whether the language lines are in capitals; empty for today's masthead."""
    fact = in_force("masthead_style", lang, on) if on is not None else None
    return fact.value if fact is not None else {}


def parts_joiner(lang: Language | str) -> str:
    """What joins the parts of a session that met in parts (" and ")."""
    return str(load("cover_style")["parts"][language(lang).value]["joiner"])


def parts_joiners() -> tuple[str, ...]:
    """The joiners of every language, for reading a session met in parts back."""
    return tuple(str(v["joiner"]) for v in load("cover_style")["parts"].values())


def spanish_words(number: int) -> str | None:
    """The spelled-out Spanish ordinal of the 2006-2008 covers ("Quinto"), or None."""
    words = load("cover_style")["es_words"].get(number)
    return str(words) if words else None
