"""``palais import``: the back catalogue into the public archive.

Documents issued before palais held them exist as files (text extracted from
PDFs, the PDFs themselves, Word files). ``palais import`` reads and parses them
as ``palais ingest`` does, in parallel, and puts each into the archive as a
document issued in the past: under the symbol printed on it, with its file as
received (not recomposed) and its text searchable. Importing the same file
again adds nothing; a file that cannot go in is reported with the reason, and
the others go in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from palais.cli.app import app, reports_errors

if TYPE_CHECKING:
    from rich.console import Console

    from palais.parse.batch import Outcome
    from palais.registry.values import Legacy

PARTIAL_EXIT = 1
NONE_IMPORTED_EXIT = 3
BATCH = 200  # documents per transaction


@app.command("import")
@reports_errors
def import_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Files, or folders searched for .txt, .pdf and .docx files.")],
    as_user: Annotated[str, typer.Option(
        "--as", envvar="PALAIS_USER", help="The officer importing (audited).")],
    workers: Annotated[int | None, typer.Option(
        "--workers", "-j", min=1, help="Worker processes (default: one per core).")] = None,
) -> None:
    """Put earlier UN documents into the archive, issued under their printed symbols."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from palais.parse.batch import collect, parse_files
    from palais.registry import Registry
    from palais.settings import Settings

    err = Console(stderr=True)
    files = collect(paths)
    registry = Registry.open(Settings.load())
    added = already = 0
    failures: list[tuple[str, str]] = []
    try:
        actor = registry.actor(as_user)
        with Progress(
            TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, transient=True,
        ) as progress:
            task = progress.add_task("import", total=len(files))
            parsed = parse_files(files, workers=workers, window=2 * BATCH)
            for batch in _batches(parsed, BATCH):
                legacy, refused = _legacy(batch)
                failures += refused
                done = registry.import_documents(actor, legacy) if legacy else []
                for outcome in done:
                    if outcome.error:
                        failures.append((outcome.filename, outcome.error))
                    elif outcome.already:
                        already += 1
                    else:
                        added += 1
                progress.advance(task, len(batch))
    finally:
        registry.close()
    _report(err, added, already, failures)
    if failures:
        raise typer.Exit(NONE_IMPORTED_EXIT if added + already == 0 else PARTIAL_EXIT)


def _batches(outcomes: Iterator[Outcome], size: int) -> Iterator[list[Outcome]]:
    batch: list[Outcome] = []
    for outcome in outcomes:
        batch.append(outcome)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _legacy(batch: Sequence[Outcome]) -> tuple[list[Legacy], list[tuple[str, str]]]:
    """The parsed files as documents to import, and the files that failed to parse."""
    from palais.model import Format
    from palais.registry.values import Legacy

    formats = {f.media_type.split(";")[0]: f for f in (Format.PDF, Format.TXT, Format.DOCX)}
    legacy: list[Legacy] = []
    refused: list[tuple[str, str]] = []
    for outcome in batch:
        if outcome.document is None or outcome.text is None:
            refused.append((outcome.path, outcome.error or "could not be read"))
            continue
        fmt = formats.get((outcome.media_type or "").split(";")[0], Format.TXT)
        legacy.append(
            Legacy(outcome.path, Path(outcome.path).read_bytes(), fmt, outcome.document,
                   outcome.text)
        )
    return legacy, refused


def _report(err: Console, added: int, already: int, failures: list[tuple[str, str]]) -> None:
    from rich.table import Table

    err.print(
        f"{added} imported, {already} already in the archive, {len(failures)} not imported",
        highlight=False,
    )
    if failures:
        table = Table("file", "why it was not imported", title="Files not imported",
                      title_justify="left")
        for path, why in sorted(failures):
            table.add_row(path, why)
        err.print(table)
