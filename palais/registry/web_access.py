"""How people and programs stay logged in: web sessions and API tokens, as use cases.

The rules are in :mod:`palais.registry.sessions` (sessions kept in the store,
ended by logout or a password change) and :mod:`palais.registry.tokens`
(expiry, scope, revocation, minting only when granted); this mixin gives them
to :class:`palais.registry.Registry` over its store.
"""

from __future__ import annotations

import builtins

from palais.registry import sessions as web_sessions
from palais.registry import tokens as api_tokens
from palais.registry.base import StoreAccess
from palais.registry.values import Actor


class WebAccessCases(StoreAccess):
    """Web sessions, password changes and API tokens."""

    def create_token(
        self, actor: Actor, name: str, *, days: int = api_tokens.DEFAULT_DAYS,
        grants: frozenset[str] = frozenset(), by_token: api_tokens.TokenHolder | None = None,
    ) -> str:
        """A new API token for ``actor``: returned once, kept only as its hash."""
        return api_tokens.create_token(
            self._write, actor, name, days=days, grants=grants, by_token=by_token
        )

    def authenticate_token(self, token: str) -> Actor:
        return api_tokens.holder(self._read, token).actor

    def token_holder(self, token: str) -> api_tokens.TokenHolder:
        return api_tokens.holder(self._read, token)

    def list_tokens(self, actor: Actor) -> builtins.list[api_tokens.TokenInfo]:
        return api_tokens.tokens_of(self._read, actor)

    def revoke_token(self, actor: Actor, token_id: int) -> None:
        api_tokens.revoke_token(self._write, actor, token_id)

    def open_session(self, actor: Actor, client: str = "", address: str = "") -> str:
        return web_sessions.open_session(self._write, actor, client, address)

    def session_actor(self, token: str) -> Actor:
        return web_sessions.session_actor(self._read, self._write, token)

    def end_session(self, token: str) -> None:
        web_sessions.end_session(self._write, token)

    def sessions_of(
        self, actor: Actor, current: str | None = None
    ) -> builtins.list[web_sessions.WebSession]:
        return web_sessions.sessions_of(self._read, actor, current)

    def end_session_of(self, actor: Actor, session_id: int) -> None:
        web_sessions.end_session_of(self._write, actor, session_id)

    def change_password(self, actor: Actor, current: str, new: str) -> None:
        """A new password; every session of the user ends (log in again)."""
        web_sessions.change_password(
            self._write, self._passwords, actor, current, new, self.login  # type: ignore[attr-defined]
        )
