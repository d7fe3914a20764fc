"""``palais sessions``: the Council's calendar as the registry knows it, and additions to it.

The conventions data holds the sessions known when it was written, each with
its source; the secretariat adds each new session here as it is scheduled (or
corrects dates, or records the parts it met in once it was suspended and
resumed), and the change is audited like any other registry action.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from palais.cli.app import console, open_registry, reports_errors
from palais.errors import InvalidInput
from palais.languages import Language

app = typer.Typer(help="The Council's sessions: list them, add new ones.", no_args_is_help=True)


def _date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from exc


@app.command("list")
@reports_errors
def list_sessions(
    last: Annotated[int, typer.Option(min=1, help="How many of the latest sessions")] = 10,
) -> None:
    """The latest sessions of the calendar with their dates, and the parts they met in."""
    from rich.table import Table

    registry = open_registry()
    try:
        known = registry.calendar()
    finally:
        registry.close()
    held = sorted(known.sessions(), key=lambda s: (s.opening, s.number))[-last:]
    table = Table("session", "opening", "closing", "actually closed", "parts met")
    for s in held:
        number = f"S-{s.number}" if s.special else str(s.number)
        closed = s.actual_closing.isoformat() if s.actual_closing else ""
        parts = () if s.special else known.parts.get(s.number, ())
        met = ", ".join(f"{a.isoformat()}/{b.isoformat()}" for a, b in parts)
        table.add_row(number, s.opening.isoformat(), s.closing.isoformat(), closed, met)
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
    part: Annotated[list[str] | None, typer.Option(
        "--part", help="A part it met in, FIRST/LAST (YYYY-MM-DD/YYYY-MM-DD); once per part, "
        "the first part first, then each resumed part")] = None,
) -> None:
    """Add a session to the calendar, or correct the dates (or parts) of one."""
    from palais.conventions import parse_span
    from palais.model import Session

    session = Session(
        number, _date(opening, "opening"), _date(closing, "closing"), special=special,
        actual_closing=_date(actually_closed, "actually-closed") if actually_closed else None,
    )
    parts = tuple(parse_span(p) for p in part) if part else None
    registry = open_registry()
    try:
        registry.add_session(registry.actor(as_user), session, parts)
    finally:
        registry.close()
    met = ""
    if parts:
        met = " (met " + ", ".join(f"{a} to {b}" for a, b in parts) + ")"
    console.print(f"session {number}: {session.opening} to {session.closing}{met}",
                  highlight=False)


@app.command("cover")
@reports_errors
def cover(
    number: Annotated[int, typer.Argument(help="Session number")],
    lang: Annotated[str, typer.Option("--lang", "-l", help="ar, zh, en, fr, ru or es")] = "en",
    item: Annotated[list[int] | None, typer.Option(
        "--item", "-i", help="Agenda item(s) for the agenda line (default 4)")] = None,
    on: Annotated[str | None, typer.Option(
        "--on", help="Date of the cover, YYYY-MM-DD (default: today)")] = None,
) -> None:
    """The cover lines of a session as the registry's calendar gives them on that date
    (sessions and parts the secretariat added included)."""
    from palais.conventions import cover_lines

    registry = open_registry()
    try:
        known = registry.calendar()
    finally:
        registry.close()
    day = _date(on, "on") if on else date.today()
    lines = cover_lines(number, Language.parse(lang), on=day, items=item or [4], calendar=known)
    for line in lines.lines():
        console.print(line, markup=False, highlight=False, soft_wrap=True)
