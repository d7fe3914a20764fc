"""Accounts: users with a role and their passwords (sessions and tokens: web_access)."""

from __future__ import annotations

from collections.abc import Iterable

from palais.errors import Conflict, InvalidInput, NotAuthenticated
from palais.languages import Language
from palais.model import Party
from palais.registry import rows
from palais.registry.base import SYSTEM, StoreAccess
from palais.registry.values import Actor, Role
from palais.store import Connection, accounts, submissions

_USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-")


def new_actor(
    username: str, role: Role | str, state: str | None, languages: Iterable[Language | str]
) -> Actor:
    """Check a new account: its name, its role, and what that role requires."""
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


class AccountCases(StoreAccess):
    """Creating users, logging in."""

    def create_user(
        self,
        username: str,
        password: str,
        role: Role | str,
        *,
        state: str | None = None,
        languages: Iterable[Language | str] = (),
        email: str | None = None,
    ) -> Actor:
        """Add a user: a mission acts for one State, a translator for some languages;
        ``email`` is where a mission's notifications are sent."""
        actor = new_actor(username, role, state, languages)
        password_hash = self._passwords.hash(password)

        def work(connection: Connection) -> Actor:
            if accounts.user(connection, actor.username) is not None:
                raise Conflict(f"a user named {actor.username!r} already exists")
            at = rows.now()
            accounts.insert_user(
                connection, username=actor.username, role=actor.role.value, state=actor.state,
                languages=",".join(lang.value for lang in actor.languages),
                password_hash=password_hash, created_at=at, email=email or None,
            )
            submissions.log(
                connection, None, SYSTEM, "create_user", None,
                {"username": actor.username, "role": actor.role.value, "state": actor.state,
                 "languages": [lang.value for lang in actor.languages]}, at,
            )
            return actor

        return self._write(work)

    def actor(self, username: str) -> Actor:
        """The user named ``username``; NotAuthenticated if there is none (any more)."""
        row = self._read(lambda c: accounts.user(c, username))
        if row is None:
            raise NotAuthenticated(f"there is no user {username!r}")
        return rows.actor_of(row)

    def login(self, username: str, password: str) -> Actor:
        row = self._read(lambda c: accounts.user(c, username))
        if not self._passwords.verify(row.password_hash if row else None, password) or row is None:
            raise NotAuthenticated("wrong user name or password")
        if self._passwords.outdated(row.password_hash):
            # The configured cost was raised since this hash was made: the password is
            # at hand only now, so this is when the stored hash can catch up.
            rehashed = self._passwords.hash(password)
            self._write(lambda c: accounts.set_password_hash(c, row.id, rehashed))
        return rows.actor_of(row)
