"""Body names and the Council's agenda, read from ``data/agenda.yaml``."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
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
            "agenda item %(number)r is not one of the Council's ten standing items (1-10)",
            number=number,
        )
    return AgendaItem(number)


def agenda_title(number: int, lang: Language | str) -> str:
    """The item's title as printed on covers, as one string."""
    agenda_item(number)
    return str(_items()[number]["title"][language(lang).value])


def agenda_line(
    numbers: Sequence[int], lang: Language | str, *, session: int | None = None
) -> str:
    """The cover's agenda line: "Agenda item 4", "Agenda items 2 and 3", "Пункт 4 повестки дня".

    ``session`` 1 had its own agenda and its own line ("Item 6 of the agenda").
    """
    items = list(numbers)
    if not items:
        raise UnknownAgendaItem("an agenda line needs at least one item number")
    own = _own_agenda(session)
    for number in items:
        if own is None:
            agenda_item(number)
        elif number not in own["items"]:
            raise UnknownAgendaItem(
                "agenda item %(number)r is not on the agenda of session %(session)s (items "
                "%(value)s-%(value2)s)",
                number=number, session=session, value=min(own['items']), value2=max(own['items']),
            )
    lang = language(lang)
    if own is not None and len(items) == 1 and lang.value in own["line"]:
        return str(own["line"][lang.value]).format(n=items[0])
    line = load("agenda")["line"][lang.value]
    if len(items) == 1:
        return str(line["single"]).format(n=items[0])
    listed = str(line["separator"]).join(str(n) for n in items[:-1])
    listed += str(line["last_separator"]) + str(items[-1])
    return str(line["dual" if len(items) == 2 else "plural"]).format(items=listed)


def _own_agenda(session: int | None) -> dict[str, Any] | None:
    """The agenda of a session that had its own (session 1), or None: the standing one."""
    if session is None:
        return None
    entry = load("agenda").get("session_agendas", {}).get(session)
    return dict(entry) if entry else None


@functools.cache
def _variants() -> tuple[Any, ...]:
    from palais.conventions.periods import facts

    return facts(load("agenda").get("title_variants", ()))


def cover_agenda_title(
    number: int, lang: Language | str, *, session: int | None = None, on: date | None = None
) -> str | None:
    """The item's title as a cover of session ``session`` dated ``on`` printed it, or None
    where such covers printed no title (sessions 1-5, before resolution 5/1's agenda)."""
    lang = language(lang)
    own = _own_agenda(session)
    if own is not None:
        if not own.get("titles_on_covers", True):
            return None
        title = own["items"].get(number, {}).get(lang.value)
        return str(title) if title else None
    if session is not None and session < int(load("agenda")["standing_from_session"]):
        return None
    if on is not None:
        from palais.conventions.periods import select

        variant = select((f for f in _variants() if f.value["item"] == number), on, lang)
        if variant is not None:
            return str(variant.value["title"])
    return agenda_title(number, lang)


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
        raise InvalidInput(
            "no printed name for body %(body)r in the conventions (known: %(known)s)",
            body=body, known=known,
        )
    return str(names[language(lang).value])
