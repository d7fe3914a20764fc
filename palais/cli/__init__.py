"""The ``palais`` command: one Typer app, one sub-module per group of commands.

Each command is a thin adapter: it calls one library function and turns a
:class:`palais.errors.PalaisError` into a message and that error's exit code.
"""

from __future__ import annotations

import importlib

import typer

from palais.cli.app import app

# A command module either defines its commands on the root ``app`` (importing it
# from palais.cli.app) or exposes its own Typer ``app``, mounted as a group named
# after the module (``palais conventions ...``).
_COMMAND_MODULES = (
    "palais.cli.conventions",
    "palais.cli.parse",
    "palais.cli.ingest",
    "palais.cli.backcatalogue",
    "palais.cli.compose",
    "palais.cli.registry",
    "palais.cli.sessions",
    "palais.cli.tokens",
    "palais.cli.web",
    "palais.cli.search",
    "palais.cli.demo",
)

for _name in _COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as _exc:
        if _exc.name != _name:
            raise
        continue
    _group = getattr(_module, "app", None)
    if isinstance(_group, typer.Typer) and _group is not app:
        app.add_typer(_group, name=_name.rsplit(".", 1)[1])


def main() -> None:
    """Console entry point."""
    app()


__all__ = ["app", "main", "typer"]
