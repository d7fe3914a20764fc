"""``palais search``: query the archive's index, compare it with the store, rebuild it.

The index is derived from the store: it follows the store's ordered change
records, so every command here first brings it level (one query when it is).
``palais search rebuild`` remakes it whole from the store; ``check`` compares
every indexed document with the store. The store and the index are the ones
the environment names, as for ``palais serve``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from palais.cli.app import console, reports_errors
from palais.errors import InvalidInput

if TYPE_CHECKING:
    from palais.publish.following import IndexFollower

app = typer.Typer(help="The full-text search index of issued documents.", no_args_is_help=True)


@contextmanager
def _following() -> Iterator[IndexFollower]:
    from palais.publish.following import IndexFollower
    from palais.registry import Registry
    from palais.search import open_index
    from palais.settings import Settings

    settings = Settings.load()
    registry = Registry.open(settings)
    index = open_index(settings)
    try:
        yield IndexFollower(registry, index)
    finally:
        index.close()
        registry.close()


@app.command()
@reports_errors
def rebuild() -> None:
    """Index every issued document of the store again, replacing the whole index."""
    with _following() as follower:
        count = follower.rebuild()
    console.print(f"indexed {count} issued documents")


@app.command()
@reports_errors
def check() -> None:
    """Compare the index with the store; exit 1 and name the differences if any."""
    from palais.publish.following import expected_entries

    with _following() as follower:
        drift = follower.index.drift(expected_entries(follower.registry))
    if not drift:
        console.print("the index matches the store")
        return
    for label, symbols in (
        ("missing from the index", drift.missing),
        ("indexed but not issued", drift.extra),
        ("indexed from an older version", drift.stale),
    ):
        if symbols:
            console.print(f"{label}: {', '.join(sorted(symbols))}", highlight=False)
    console.print("run `palais search rebuild` to bring the index level with the store")
    raise typer.Exit(1)


@app.command()
@reports_errors
def query(
    words: Annotated[str, typer.Argument(help='Words, "a phrase", prefix*')] = "",
    where: Annotated[
        list[str] | None,
        typer.Option(
            "--filter",
            help="FACET=VALUE (session, agenda_item, sender, doc_type, language, year)",
        ),
    ] = None,
    page: Annotated[int, typer.Option(help="Page of results")] = 1,
) -> None:
    """Search the issued documents as the archive's search page does."""
    filters: dict[str, str] = {}
    for item in where or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise InvalidInput("a filter is FACET=VALUE, got %(item)r", item=item)
        filters[name.strip()] = value
    with _following() as follower:
        follower.catch_up()
        results = follower.index.search(words, filters=filters, page=page)
    console.print(f"{results.total} documents (page {results.page} of {results.pages})")
    for hit in results.hits:
        language = hit.language.value if hit.language else "-"
        console.print(f"{hit.symbol} [{language}] {hit.title or ''}", highlight=False)
        console.print(f"    {hit.snippet.striptags()}", highlight=False, markup=False)
