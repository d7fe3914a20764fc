"""Checking a new account: its name, its role, and what that role requires."""

from __future__ import annotations

from collections.abc import Iterable

from palais.errors import InvalidInput
from palais.languages import Language
from palais.model import Party
from palais.registry.values import Actor, Role

_USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-")


def new_actor(
    username: str, role: Role | str, state: str | None, languages: Iterable[Language | str]
) -> Actor:
    username = username.strip()
    if not username or len(username) > 200 or not set(username) <= _USERNAME_CHARS:
        raise InvalidInput(
            f"invalid user name {username!r}: use letters, digits and . _ @ - (at most 200)"
        )
    try:
        role = Role(role)
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise InvalidInput(f"unknown role {role!r}: expected one of {roles}") from None
    langs = tuple(dict.fromkeys(Language.parse(str(lang)) for lang in languages))
    if role is Role.MISSION:
        if not state:
            raise InvalidInput("a mission user needs the State it acts for (ISO alpha-3 code)")
        state = Party(state.strip().upper()).iso3
    elif state:
        raise InvalidInput(f"only a mission user acts for a State, not a {role.value}")
    if role is Role.TRANSLATOR and not langs:
        raise InvalidInput("a translator needs at least one language to translate into")
    if role is not Role.TRANSLATOR and langs:
        raise InvalidInput(f"only a translator has languages, not a {role.value}")
    return Actor(username, role, state, langs)
