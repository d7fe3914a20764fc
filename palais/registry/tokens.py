"""API tokens: each with an expiry and a scope, listed and revoked by its owner.

A token acts as its user until it expires (:data:`DEFAULT_DAYS` unless asked
otherwise, never more than :data:`MAX_DAYS`) or is revoked. A token may create
further tokens only when it was granted ``mint``, which only a person logged in
(a session, or the command line, which holds the store) can grant: a leaked
token cannot be turned into a family of tokens that outlive its revocation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from palais.errors import InvalidInput, NotAuthenticated, NotFound, PermissionDenied
from palais.registry import rows
from palais.registry.credentials import new_token, token_hash
from palais.registry.sessions import Run, user_id_of
from palais.registry.values import Actor
from palais.store import Connection
from palais.store import submissions as audit
from palais.store import tokens as store

DEFAULT_DAYS = 90
MAX_DAYS = 365
MINT = "mint"
GRANTS = frozenset({MINT})


@dataclass(frozen=True, slots=True)
class TokenHolder:
    """Who a token authenticates, and what beyond acting as them it was granted."""

    actor: Actor
    grants: frozenset[str]


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """One token as its owner's listing shows it (never the token itself)."""

    id: int
    name: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    grants: tuple[str, ...]

    def live(self, now: datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now


def create_token(
    write: Run[Any], actor: Actor, name: str, *, days: int = DEFAULT_DAYS,
    grants: frozenset[str] = frozenset(), by_token: TokenHolder | None = None,
) -> str:
    """A new token for ``actor``, returned once. ``by_token`` is the token the request
    came with, if it came with one: it must hold ``mint``, and cannot pass grants on."""
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(
            "a token lasts from 1 to %(MAX_DAYS)s days, not %(days)s",
            MAX_DAYS=MAX_DAYS, days=days,
        )
    unknown = sorted(grants - GRANTS)
    if unknown:
        raise InvalidInput(
            "unknown grant %(unknown)r: known grants are %(GRANTS)s",
            unknown=unknown[0], GRANTS=sorted(GRANTS),
        )
    if by_token is not None:
        if MINT not in by_token.grants:
            raise PermissionDenied(
                "this API token may not create tokens; create one while logged in, "
                "or ask for a token granted 'mint'"
            )
        if grants:
            raise PermissionDenied("a token cannot grant 'mint' to another; log in to do so")
    token = new_token()

    def work(connection: Connection) -> str:
        uid = user_id_of(connection, actor.username)
        now = rows.now()
        scope = ",".join(sorted(grants))
        store.insert_token(connection, uid, name, token_hash(token), now,
                           now + timedelta(days=days), scope)
        audit.log(connection, None, actor.username, "create_token", None,
                  {"name": name, "days": days, "scope": scope}, rows.now())
        return token

    return write(work)


def holder(read: Run[Any], token: str) -> TokenHolder:
    """Who ``token`` authenticates; NotAuthenticated when it is unknown, expired or revoked."""
    row = read(lambda c: store.live_token(c, token_hash(token), rows.now()))
    if row is None:
        raise NotAuthenticated("the API token is not valid (unknown, expired or revoked)")
    grants = frozenset(g for g in row.token_scope.split(",") if g)
    return TokenHolder(rows.actor_of(row), grants)


def tokens_of(read: Run[Any], actor: Actor) -> list[TokenInfo]:
    """Every token of ``actor``, live or not, oldest first."""

    def work(connection: Connection) -> list[TokenInfo]:
        uid = user_id_of(connection, actor.username)
        return [_info(r) for r in store.tokens_of(connection, uid)]

    return read(work)


def revoke_token(write: Run[Any], actor: Actor, token_id: int) -> None:
    """Revoke one of ``actor``'s own live tokens; NotFound for any other id."""

    def work(connection: Connection) -> None:
        uid = user_id_of(connection, actor.username)
        if not store.revoke(connection, uid, token_id, rows.now()):
            raise NotFound(
                "%(username)s has no live API token %(token_id)s",
                username=actor.username, token_id=token_id,
            )
        audit.log(connection, None, actor.username, "revoke_token", None,
                  {"id": token_id}, rows.now())

    write(work)


def _info(row: Any) -> TokenInfo:
    created, expires = rows.aware(row.created_at), rows.aware(row.expires_at)
    assert created is not None and expires is not None
    return TokenInfo(
        id=row.id, name=row.name, created_at=created, expires_at=expires,
        revoked_at=rows.aware(row.revoked_at), grants=tuple(g for g in row.scope.split(",") if g),
    )
