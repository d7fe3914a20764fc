"""The root Typer application and the error handling every command shares.

Defining the commands must stay cheap: ``palais --help`` builds every command's
options, so a command module imports at its top only Typer, Rich's console and
the light core (errors, languages); the registry, the store, the web
application, search, composition and the parser are imported inside the
command that uses them. ``tests/cli/test_startup.py`` holds the line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console

from palais.errors import PalaisError

if TYPE_CHECKING:
    from palais.registry import Registry

app = typer.Typer(
    name="palais",
    help="Document circulation for the UN Human Rights Council: parse, compose, register, publish.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
err_console = Console(stderr=True)
console = Console()


@app.callback()
def _root() -> None:
    """palais: parse, compose, register and publish Human Rights Council documents."""


F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(func: F) -> F:
    """Turn a PalaisError into a one-line message on stderr and the error's exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PalaisError as exc:
            err_console.print(f"[bold red]error:[/] {exc.detail}", highlight=False)
            raise typer.Exit(exc.exit_code) from exc

    return wrapper  # type: ignore[return-value]


def open_registry() -> Registry:
    """The registry over the store the environment names (imported here, when a command runs)."""
    from palais.registry import Registry
    from palais.settings import Settings

    return Registry.open(Settings.load())


@app.command()
def version() -> None:
    """Print the version of palais."""
    from importlib.metadata import version as _version

    console.print(f"palais {_version('palais')}")
