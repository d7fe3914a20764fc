"""``palais parse FILE``: the parser from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from palais.cli.app import app, console, reports_errors
from palais.errors import ParseError


@app.command("parse")
@reports_errors
def parse_command(
    file: Annotated[Path, typer.Argument(help="Document to parse: text, PDF or Word (.docx).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON record.")] = False,
    emit: Annotated[
        str | None, typer.Option("--emit", help="'tree': print the intermediate tree.")
    ] = None,
) -> None:
    """Recognise the structure and fields of a UN document."""
    from palais.intake import read_path
    from palais.parse import parse_tree, render
    from palais.records import to_record

    src = read_path(file)
    parsed = parse_tree(src.text, pages=src.pages, source_name=str(file))
    if emit == "tree":
        typer.echo(render(parsed.tree))
        return
    if emit is not None:
        raise ParseError("unknown --emit value %(emit)r: expected 'tree'", emit=emit)
    record = to_record(parsed.document)
    if as_json:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    table = Table(title=str(file), show_header=False)
    for key in ("symbol", "body", "session", "session_dates", "agenda_items", "doc_type",
                "doc_date", "sender_state", "addressee", "language", "original_language",
                "reproduced_as_received", "title"):
        table.add_row(key, str(record[key]))
    table.add_row("paragraphs", str(len(record["paragraphs"])))
    table.add_row("annexes", ", ".join(str(a["language"]) for a in record["annexes"]) or "-")
    for warning in record["warnings"]:
        table.add_row("warning", warning)
    console.print(table)
