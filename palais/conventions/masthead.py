"""The masthead's Organization and organ lines, from ``data/masthead.yaml``.

A UN document's first page names the Organization ("United Nations") and the
principal organ it is issued to ("General Assembly" for an A/ symbol, A/HRC/
included: the Council is a subsidiary organ of the Assembly), both in the
version's own language. The organ follows from the symbol's series, or, for a
record not yet registered, from its body; where the data names no organ (treaty
bodies, whose mastheads print their treaty's title) there is no organ line.
"""

from __future__ import annotations

from typing import Any

from palais.conventions.data import language, load
from palais.errors import InvalidInput
from palais.languages import Language
from palais.model import Body
from palais.symbols import Symbol

__all__ = ["organ_name", "organization_name"]


def organization_name(lang: Language | str) -> str:
    """The Organization's name as the masthead prints it ("Организация Объединенных Наций")."""
    return str(load("masthead")["organization"][language(lang).value])


def organ_name(of: Symbol | Body | str, lang: Language | str) -> str | None:
    """The principal organ's name for a symbol or a body, in ``lang``; None when the
    conventions name none for it (treaty-body series, unknown series).

    ``of`` is a :class:`Symbol`, a :class:`Body`, or text: a symbol ("A/HRC/41/G/7")
    when it holds a slash, else a body code ("HRC").
    """
    data = load("masthead")
    organ = _organ_key(of, data)
    if organ is None:
        return None
    return str(data["organs"][organ][language(lang).value])


def _organ_key(of: Symbol | Body | str, data: dict[str, Any]) -> str | None:
    if isinstance(of, Body):
        return _by_body(of.value, data)
    if isinstance(of, Symbol):
        return _by_series(str(of), data)
    if isinstance(of, str) and of.strip():
        text = of.strip()
        if "/" in text:
            return _by_series(str(Symbol.parse(text)), data)
        return _by_body(text.upper(), data)
    raise InvalidInput("an organ is looked up by symbol or body, not %(of)r", of=of)


def _by_series(symbol: str, data: dict[str, Any]) -> str | None:
    organ = data["series"].get(symbol.split("/", 1)[0])
    return str(organ) if organ else None


def _by_body(code: str, data: dict[str, Any]) -> str | None:
    if code not in {b.value for b in Body}:
        known = ", ".join(b.value for b in Body)
        raise InvalidInput("unknown body %(code)r (known: %(known)s)", code=code, known=known)
    organ = data["bodies"].get(code)
    return str(organ) if organ else None
