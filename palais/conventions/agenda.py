"""Body names and the Council's agenda, read from ``data/agenda.yaml``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from palais.conventions.data import language, load
from palais.errors import InvalidInput, UnknownAgendaItem
from palais.languages import Language
from palais.model import AgendaItem, Body


def _items() -> dict[int, dict[str, Any]]:
    return {int(item["number"]): item for item in load("agenda")["items"]}


def agenda_item(number: int) -> AgendaItem:
    """The standing agenda item ``number`` (1-10); :class:`UnknownAgendaItem` otherwise."""
    if isinstance(number, bool) or not isinstance(number, int) or number not in _items():
        raise UnknownAgendaItem(
            f"agenda item {number!r} is not one of the Council's ten standing items (1-10)"
        )
    return AgendaItem(number)


def agenda_title(number: int, lang: Language | str) -> str:
    """The item's title as printed on covers, as one string."""
    agenda_item(number)
    return str(_items()[number]["title"][language(lang).value])


def agenda_line(numbers: Sequence[int], lang: Language | str) -> str:
    """The cover's agenda line: "Agenda item 4", "Agenda items 2 and 3", "Пункт 4 повестки дня"."""
    items = list(numbers)
    if not items:
        raise UnknownAgendaItem("an agenda line needs at least one item number")
    for number in items:
        agenda_item(number)
    line = load("agenda")["line"][language(lang).value]
    if len(items) == 1:
        return str(line["single"]).format(n=items[0])
    listed = str(line["separator"]).join(str(n) for n in items[:-1])
    listed += str(line["last_separator"]) + str(items[-1])
    return str(line["dual" if len(items) == 2 else "plural"]).format(items=listed)


def agenda_running(number: int, lang: Language | str) -> str:
    """The item as named in running text ("agenda item 4", "пункту 4 повестки дня")."""
    agenda_item(number)
    return str(load("agenda")["running"][language(lang).value]).format(n=number)


def body_name(body: Body | str, lang: Language | str) -> str:
    """The body's name as printed at the head of a cover ("Совет по правам человека")."""
    key = body.value if isinstance(body, Body) else str(body).strip().upper()
    names = load("agenda")["bodies"].get(key)
    if names is None:
        known = ", ".join(load("agenda")["bodies"])
        raise InvalidInput(f"no printed name for body {body!r} in the conventions (known: {known})")
    return str(names[language(lang).value])
