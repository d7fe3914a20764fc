"""``palais compose RECORD.json``: language versions of a record, as files.

One version (``--lang ru --format pdf -o note.pdf``) or all of them (``--all -o
DIR``: six languages x four formats, named ``<lang>.<ext>`` so the HTML pages
link to each other). Everything is composed and rendered in memory first and
written only when all of it succeeded: a missing translation leaves no partial
set of files behind, only a report of which language lacks which passage.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from palais.cli.app import app, err_console, reports_errors
from palais.errors import InvalidInput, InvalidRecord, MissingTranslation
from palais.languages import ALL, Language

if TYPE_CHECKING:
    from palais.model import Document, Format


@app.command("compose")
@reports_errors
def compose_command(
    record: Annotated[
        Path, typer.Argument(help="Record in the `palais parse --json` shape (+ translations).")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="File, or directory with --all.")],
    lang: Annotated[
        str | None, typer.Option("--lang", help="Language of the version: ar zh en fr ru es.")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="pdf, html, akn or txt.")
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="All six languages in all four formats.")
    ] = False,
) -> None:
    """Compose language versions of a document record."""
    from rich.progress import Progress

    from palais.compose import compose, missing_translations, render
    from palais.model import Format

    doc = _read_record(record)
    if every:
        if lang or fmt:
            raise InvalidInput("--all makes every language and format: drop --lang and --format")
        missing = {k: v for k, v in missing_translations(doc).items() if v}
        if missing:
            _report(missing)
            raise MissingTranslation({k.value: v for k, v in missing.items()})
        files: dict[Path, bytes] = {}
        with Progress(console=err_console, transient=True) as progress:
            task = progress.add_task("Composing", total=len(ALL) * len(Format.composed()))
            for language in ALL:
                version = compose(doc, language)
                for f in Format.composed():
                    files[output / f"{language.value}.{f.extension}"] = render(version, f)
                    progress.advance(task)
        output.mkdir(parents=True, exist_ok=True)
        for path, data in files.items():
            _write(path, data)
        err_console.print(f"{len(files)} files written to {output}")
        return
    if lang is None or fmt is None:
        raise InvalidInput("give --lang and --format for one version, or --all for every one")
    language = Language.parse(lang)
    try:
        version = compose(doc, language)
    except MissingTranslation as exc:
        _report({Language.parse(k): list(v) for k, v in exc.missing.items()})
        raise
    _write(output, render(version, _format(fmt)))


def _format(name: str) -> Format:
    from palais.model import Format

    for f in Format.composed():
        if name.strip().lower() in (f.value, f.extension):
            return f
    raise InvalidInput("unknown format %(name)r: expected one of pdf, html, akn, txt", name=name)


def _read_record(path: Path) -> Document:
    from palais.records import from_record

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidRecord(
            "%(path)s: cannot read (%(strerror)s)",
            path=path, strerror=exc.strerror,
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidRecord("%(path)s: not a JSON record (%(exc)s)", path=path, exc=exc) from exc
    return from_record(data)


def _report(missing: dict[Language, list[str]]) -> None:
    from rich.table import Table

    table = Table(title="Translations missing (nothing was written)")
    table.add_column("language")
    table.add_column("passages awaiting translation")
    for language, passages in missing.items():
        table.add_row(language.value, ", ".join(passages))
    err_console.print(table)


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same directory, so a reader never sees
    half a file and an interrupted run leaves the previous file intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
