"""The secretariat queue's filters: read from the URL, each checked on its own.

A filter the officer mistyped (a session that is not a number, a date that is
not one) is named next to its field and left out, rather than answered with an
error page: the rest of the queue still shows, and the form keeps every value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from palais import conventions
from palais.errors import InvalidInput, PalaisError
from palais.integers import whole_number
from palais.languages import Language
from palais.model import Party
from palais.registry import State
from palais.web.ui.words import Words

NAMES = ("state", "session", "sender", "received_from", "received_to")


@dataclass
class QueueFilters:
    """What the queue is filtered by, the values as typed, and a message per bad one."""

    values: dict[str, str]
    state: State | None = None
    session: int | None = None
    sender: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return any(self.values.values())


def read(params: Mapping[str, str], gettext: Callable[[str], str]) -> QueueFilters:
    values = {name: str(params.get(name, "")).strip() for name in NAMES}
    chosen = QueueFilters(values)
    readers: dict[str, Callable[[str], Any]] = {
        "state": _state,
        "session": lambda v: whole_number(v, "the session"),
        "sender": lambda v: Party(v.upper()).iso3,
        "received_from": conventions.read_date,
        "received_to": conventions.read_date,
    }
    for name, reader in readers.items():
        if values[name]:
            try:
                setattr(chosen, name, reader(values[name]))
            except PalaisError as exc:
                chosen.errors[name] = exc.translated(gettext)
    return chosen


def _state(value: str) -> State:
    try:
        return State(value)
    except ValueError:
        raise InvalidInput("%(value)r is not a state of the workflow", value=value) from None


def choices(registry: Any, lang: Language) -> dict[str, Any]:
    """The options of the filters' lists, named in the reader's language: the workflow's
    states, the calendar's regular sessions (latest first) and the States by name."""
    words = Words(lang, str)
    sessions = sorted((s.number for s in registry.sessions() if not s.special), reverse=True)
    countries = sorted(
        ((p.iso3, words.country(p.iso3)) for p in conventions.states()),
        key=lambda pair: pair[1].casefold(),
    )
    return {"states": list(State), "sessions": sessions, "countries": countries}
