"""``palais tokens``: an account's API tokens: create, list and revoke them.

Whoever runs these commands holds the store, as for ``palais users add``, so
``--as USER`` names the account and no password is asked; the changes are in
the audit log. Only here or while logged in can a token be granted ``mint``
(the right to create further tokens).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from palais.cli.app import console, reports_errors

app = typer.Typer(help="API tokens: create, list and revoke them.", no_args_is_help=True)

if TYPE_CHECKING:
    from palais.registry import Actor, Registry

T = TypeVar("T")

AsUser = Annotated[
    str, typer.Option("--as", envvar="PALAIS_USER", help="The account whose tokens these are")
]


@app.command("add")
@reports_errors
def add(
    name: Annotated[str, typer.Argument(help="What the token is for")],
    as_user: AsUser,
    days: Annotated[int, typer.Option(help="Days until it expires (1-365)")] = 90,
    mint: Annotated[bool, typer.Option(help="Let the token create tokens")] = False,
) -> None:
    """Create a token; it is printed once (the store keeps only its hash)."""
    grants = frozenset({"mint"}) if mint else frozenset()
    token = _as(as_user, lambda r, a: r.create_token(a, name, days=days, grants=grants))
    console.print(token, highlight=False)


@app.command("list")
@reports_errors
def list_tokens(as_user: AsUser) -> None:
    """The account's tokens: number, name, expiry, and whether revoked."""
    from datetime import UTC, datetime

    found = _as(as_user, lambda r, a: r.list_tokens(a))
    now = datetime.now(UTC)
    for token in found:
        status = (f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at
                  else "live" if token.live(now) else "expired")
        grants = f" [{', '.join(token.grants)}]" if token.grants else ""
        console.print(f"{token.id}\t{token.name}{grants}\texpires {token.expires_at:%Y-%m-%d}"
                      f"\t{status}", highlight=False)


@app.command("revoke")
@reports_errors
def revoke(
    token_id: Annotated[int, typer.Argument(metavar="ID", help="The number `list` shows")],
    as_user: AsUser,
) -> None:
    """Revoke a token: it stops working at once."""
    _as(as_user, lambda r, a: r.revoke_token(a, token_id))
    console.print(f"token {token_id} revoked", highlight=False)


def _as(username: str, work: Callable[[Registry, Actor], T]) -> T:
    """``work`` over the configured store, acting as ``username``."""
    from palais.registry import Registry
    from palais.settings import Settings

    registry = Registry.open(Settings.load())
    try:
        return work(registry, registry.actor(username))
    finally:
        registry.close()
