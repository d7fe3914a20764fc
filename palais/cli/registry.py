"""Registry commands: ``palais users add``, ``submit``, ``register``, ``issue``, ``show``,
``export`` and ``db upgrade``, for officers who script their work.

The store is the one the environment names (``PALAIS_DATABASE_URL``,
``PALAIS_DATA_DIR``, ``PALAIS_CONFIG``), as for ``palais serve``. Whoever runs
these commands holds the store itself, so the command line does not ask for a
password: ``--as USER`` (or ``PALAIS_USER``) names the account the action is
taken as, and the registry checks that account's role and writes it to the
audit log exactly as for a request over HTTP.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from palais.cli.app import app, console, open_registry, reports_errors
from palais.errors import InvalidInput

if TYPE_CHECKING:
    from palais.registry import Actor, Registry

RoleName = Literal["mission", "officer", "translator"]
"""The values of ``palais.registry.Role``, named here so that defining ``users add`` does not
import the registry (a test keeps the two equal)."""

users_app = typer.Typer(
    help="Accounts of missions, officers and translators.", no_args_is_help=True
)
db_app = typer.Typer(help="The store's database.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(db_app, name="db")

AsUser = Annotated[
    str,
    typer.Option("--as", envvar="PALAIS_USER", help="The account to act as (audited)"),
]


def _registry() -> Registry:
    return open_registry()


def _acting(registry: Registry, username: str) -> Actor:
    return registry.actor(username)


@users_app.command("add")
@reports_errors
def add_user(
    name: Annotated[str, typer.Argument(help="User name (letters, digits, . _ @ -)")],
    role: Annotated[
        RoleName, typer.Option(help="mission, officer or translator")
    ],
    state: Annotated[
        str | None, typer.Option(help="ISO alpha-3 code of a mission's State, e.g. AZE")
    ] = None,
    languages: Annotated[
        str, typer.Option(help="A translator's languages, comma-separated: en,fr")
    ] = "",
    email: Annotated[
        str | None, typer.Option(help="Where a mission's notifications are emailed")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input")
    ] = False,
) -> None:
    """Create an account; the password is asked for (or read from standard input)."""
    from palais.registry import Role

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    codes = [code.strip() for code in languages.split(",") if code.strip()]
    registry = _registry()
    try:
        actor = registry.create_user(
            name, password, Role(role), state=state, languages=codes, email=email
        )
    finally:
        registry.close()
    detail = actor.state or ", ".join(lang.value for lang in actor.languages)
    suffix = f" ({detail})" if detail else ""
    console.print(f"created {actor.role.value} {actor.username}{suffix}", highlight=False)


@app.command()
@reports_errors
def submit(
    file: Annotated[Path, typer.Argument(help="The note verbale: PDF, .docx or text")],
    as_user: AsUser,
) -> None:
    """Submit a file; prints the submission's number and what was read from it."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read {file}: {exc.strerror}") from exc
    registry = _registry()
    try:
        submission = registry.submit_file(_acting(registry, as_user), file.name, data)
    finally:
        registry.close()
    doc = submission.document
    console.print(
        f"submission {submission.id}: session {doc.session}, agenda {list(doc.agenda_items)}, "
        f"dated {doc.doc_date}, from {doc.sender.iso3 if doc.sender else 'unknown'}",
        highlight=False,
    )
    if submission.duplicate_of:
        ids = ", ".join(str(i) for i in submission.duplicate_of)
        console.print(f"[yellow]possible duplicate of submission {ids}[/]")


@app.command()
@reports_errors
def register(
    submission_id: Annotated[int, typer.Argument(metavar="ID", help="Submission number")],
    as_user: AsUser,
    session: Annotated[int | None, typer.Option(help="Correct the session first")] = None,
    agenda: Annotated[
        list[int] | None, typer.Option(help="Correct the agenda item(s) first (repeatable)")
    ] = None,
    symbol: Annotated[
        str | None,
        typer.Option(help="The symbol printed on a document issued before (back catalogue)"),
    ] = None,
) -> None:
    """Register a submission: it gets the next symbol of its session's series."""
    from palais.records import to_record

    registry = _registry()
    try:
        actor = _acting(registry, as_user)
        if session is not None or agenda:
            doc = registry.get(actor, submission_id).document
            corrected = replace(
                doc,
                session=session if session is not None else doc.session,
                agenda_items=tuple(agenda) if agenda else doc.agenda_items,
            )
            registry.update_record(actor, submission_id, to_record(corrected))
        registered = registry.register(actor, submission_id, symbol=symbol)
    finally:
        registry.close()
    console.print(f"{registered.symbol}  (job number {registered.job_number})", highlight=False)


@app.command()
@reports_errors
def issue(
    submission_id: Annotated[int, typer.Argument(metavar="ID", help="Submission number")],
    as_user: AsUser,
) -> None:
    """Issue a registered document: compose the six languages in every format, publish.

    The search index follows the store's change records: a running server, or the
    next ``palais search`` command, brings it level."""
    from palais.publish.issuing import issue_document

    registry = _registry()
    try:
        issued = issue_document(registry, _acting(registry, as_user), submission_id)
    finally:
        registry.close()
    console.print(f"issued {issued.symbol}", highlight=False)


@app.command()
@reports_errors
def show(
    symbol: Annotated[str, typer.Argument(help="An issued document's symbol, A/HRC/41/G/1")],
) -> None:
    """Print an issued document's metadata and the paths of its files, as JSON."""
    from palais.web.api.views import document_json

    registry = _registry()
    try:
        body = document_json(registry.document(symbol))
    finally:
        registry.close()
    console.print_json(json.dumps(body, ensure_ascii=False))


@app.command()
@reports_errors
def export(
    fmt: Annotated[str, typer.Option("--format", help="csv or jsonl")] = "csv",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout)")
    ] = None,
) -> None:
    """Metadata of every issued document, as CSV or JSON Lines."""
    from palais.publish.exports import ExportFormat, export_lines
    from palais.web.api.views import metadata_row

    chosen = ExportFormat.parse(fmt)
    registry = _registry()
    try:
        rows = (metadata_row(d) for d in registry.archive())
        lines = export_lines(rows, chosen)
        if output is None:
            for line in lines:
                sys.stdout.write(line)
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                out.writelines(lines)
    finally:
        registry.close()


@db_app.command("upgrade")
@reports_errors
def upgrade() -> None:
    """Create or migrate the store's tables to the newest revision."""
    registry = _registry()  # opening a store migrates it
    try:
        from palais.store.migrate import current

        console.print(f"database at revision {current(registry.engine)}", highlight=False)
    finally:
        registry.close()


__all__ = ["db_app", "users_app"]
