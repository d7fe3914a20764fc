"""``palais sessions``: the Council's calendar as the registry knows it, and additions to it.

The conventions data holds the sessions known when it was written, each with
its source; the secretariat adds each new session here as it is scheduled (or
corrects dates), and the change is audited like any other registry action.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from palais.cli.app import console, open_registry, reports_errors
from palais.errors import InvalidInput

app = typer.Typer(help="The Council's sessions: list them, add new ones.", no_args_is_help=True)


def _date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(
            "%(name)s: %(value)r is not a date (YYYY-MM-DD)",
            name=name, value=value,
        ) from exc


@app.command("list")
@reports_errors
def list_sessions(
    last: Annotated[int, typer.Option(min=1, help="How many of the latest sessions")] = 10,
) -> None:
    """The latest sessions of the calendar with their dates."""
    from rich.table import Table

    registry = open_registry()
    try:
        held = sorted(registry.sessions(), key=lambda s: (s.opening, s.number))[-last:]
    finally:
        registry.close()
    table = Table("session", "opening", "closing", "actually closed")
    for s in held:
        number = f"S-{s.number}" if s.special else str(s.number)
        closed = s.actual_closing.isoformat() if s.actual_closing else ""
        table.add_row(number, s.opening.isoformat(), s.closing.isoformat(), closed)
    console.print(table)


@app.command("add")
@reports_errors
def add_session(
    number: Annotated[int, typer.Argument(help="Session number")],
    opening: Annotated[str, typer.Option(help="Opening date as printed on covers, YYYY-MM-DD")],
    closing: Annotated[str, typer.Option(help="Closing date as printed on covers, YYYY-MM-DD")],
    as_user: Annotated[str, typer.Option(
        "--as", envvar="PALAIS_USER", help="The officer making the change (audited)")],
    special: Annotated[bool, typer.Option(help="A special session")] = False,
    actually_closed: Annotated[str | None, typer.Option(
        help="The date it really closed, where it differs, YYYY-MM-DD")] = None,
) -> None:
    """Add a session to the calendar, or correct the dates of one."""
    from palais.model import Session

    session = Session(
        number, _date(opening, "opening"), _date(closing, "closing"), special=special,
        actual_closing=_date(actually_closed, "actually-closed") if actually_closed else None,
    )
    registry = open_registry()
    try:
        registry.add_session(registry.actor(as_user), session)
    finally:
        registry.close()
    console.print(f"session {number}: {session.opening} to {session.closing}", highlight=False)
