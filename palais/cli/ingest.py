"""``palais ingest PATH...``: parse many files in parallel into JSON Lines.

With ``--submit --as USER`` each file that parsed is also submitted to the
registry of the configured store (``PALAIS_DATABASE_URL``), exactly as an
upload would be: its original bytes kept, its record pre-filled, possible
duplicates flagged; the line then carries the submission's number. A file the
registry refuses (a mission submitting for another State, say) is a failure of
that file only.

Exit status: 0 when every file parsed, 1 when some failed, 3 (the ParseError
status) when none parsed; a path that does not exist stops the command before
any work. Failures are listed on stderr with their reason; the records go to
stdout or ``--output``, one per line, so a partial batch is still usable.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from palais.cli.app import app, err_console, open_registry, reports_errors
from palais.errors import InvalidInput, PalaisError

if TYPE_CHECKING:
    from palais.parse.batch import Outcome
    from palais.registry import Actor, Registry, Submission

PARTIAL_EXIT = 1
NONE_PARSED_EXIT = 3

DEFAULT_TIMEOUT = 60.0
"""``palais.parse.batch.DEFAULT_TIMEOUT``, restated because the option's help shows it and
importing the parser to read it would slow every command down (a test keeps the two equal)."""


@app.command("ingest")
@reports_errors
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files, or folders searched for .txt, "
                                                     ".pdf and .docx files.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the JSON Lines here instead of stdout.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-j", min=1, help="Worker processes (default: one per core).")] = None,
    timeout: Annotated[float, typer.Option(
        min=0.1, help="Seconds one file may take before it is reported as failed.")
    ] = DEFAULT_TIMEOUT,
    submit: Annotated[bool, typer.Option(
        "--submit", help="Also submit each parsed file to the registry (needs --as).")] = False,
    as_user: Annotated[str | None, typer.Option(
        "--as", envvar="PALAIS_USER", help="The account submitting (audited).")] = None,
) -> None:
    """Parse every file into one JSON record per line, with its source path and SHA-256."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from palais.parse.batch import collect, parse_files
    from palais.records import to_record

    files = collect(paths)
    failures: list[Outcome] = []
    parsed = 0
    with ExitStack() as stack:
        submitter = stack.enter_context(_Submitter.open(as_user)) if submit else None
        out: TextIO = (
            stack.enter_context(output.open("w", encoding="utf-8")) if output else sys.stdout
        )
        progress = stack.enter_context(Progress(
            TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err_console, transient=True,
        ))
        task = progress.add_task("parse", total=len(files))
        for outcome in parse_files(files, workers=workers, timeout=timeout):
            progress.advance(task)
            if outcome.document is None:
                failures.append(outcome)
                continue
            line = {**to_record(outcome.document), "source": outcome.path,
                    "sha256": outcome.sha256}
            if submitter is not None:
                try:
                    submission = submitter.submit(Path(outcome.path))
                    line["submission"] = submission.id
                    line["duplicate_of"] = list(submission.duplicate_of)
                except PalaisError as exc:
                    failures.append(replace(outcome, document=None, error=exc.detail))
                    continue
            parsed += 1
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    _report(parsed, failures)
    if failures:
        raise typer.Exit(NONE_PARSED_EXIT if parsed == 0 else PARTIAL_EXIT)


class _Submitter:
    """The registry and the account that ``--submit`` files go in with."""

    def __init__(self, registry: Registry, actor: Actor) -> None:
        self.registry = registry
        self.actor = actor

    @classmethod
    @contextmanager
    def open(cls, username: str | None) -> Iterator[_Submitter]:
        if not username:
            raise InvalidInput("--submit needs the submitting account: --as USER or PALAIS_USER")
        registry = open_registry()
        try:
            yield cls(registry, registry.actor(username))
        finally:
            registry.close()

    def submit(self, path: Path) -> Submission:
        return self.registry.submit_file(self.actor, path.name, path.read_bytes())


def _report(parsed: int, failures: list[Outcome]) -> None:
    err_console.print(f"{parsed} parsed, {len(failures)} failed", highlight=False)
    if not failures:
        return
    from rich.table import Table

    table = Table("file", "why it failed", title="Files not ingested", title_justify="left")
    for failure in sorted(failures, key=lambda f: f.path):
        table.add_row(failure.path, failure.error or "")
    err_console.print(table)
