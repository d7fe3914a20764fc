"""``palais demo``: an archive with the bundled samples issued, served on this machine.

The README's first command ends here. The archive lives in its own folder
(``<data dir>/demo`` unless ``--data-dir`` says otherwise) so that trying palais
never touches a real store; running the command again reuses it and adds only
what is missing. Three accounts (an officer, a mission of Azerbaijan, a
translator of all six languages) are made on the first run with random
passwords, printed once and kept in ``accounts.txt`` (readable by its owner
only) beside the database.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from palais.cli.app import app, console, reports_errors
from palais.errors import NotAuthenticated
from palais.languages import ALL

if TYPE_CHECKING:
    from palais.registry import Registry

# name -> (role, State of a mission, languages of a translator); the role by its value, so
# that defining the command does not import the registry (see ``palais.cli``).
ACCOUNTS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "demo-officer": ("officer", None, ()),
    "demo-mission": ("mission", "AZE", ()),
    "demo-translator": ("translator", None, tuple(lang.value for lang in ALL)),
}


def ensure_accounts(registry: Registry, folder: Path) -> dict[str, str]:
    """Create the demo accounts that do not exist; returns the new ones' passwords."""
    from palais.registry import Role

    made: dict[str, str] = {}
    for name, (role, state, languages) in ACCOUNTS.items():
        try:
            registry.actor(name)
        except NotAuthenticated:
            password = secrets.token_urlsafe(12)
            registry.create_user(name, password, Role(role), state=state, languages=languages)
            made[name] = password
    if made:
        path = folder / "accounts.txt"
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a") as out:
            out.writelines(f"{name} {password}\n" for name, password in made.items())
    return made


def write_versions(registry: Registry, symbol: object, folder: Path) -> int:
    """Copy every language version in every format of ``symbol`` into ``folder``."""
    issued = registry.document(str(symbol))
    target = folder / issued.symbol.uri_slug()
    target.mkdir(parents=True, exist_ok=True)
    for ref in issued.manifestations:
        data = registry.manifestation(issued.symbol, ref.language, ref.format).data
        (target / f"{ref.language.value}.{ref.format.extension}").write_bytes(data)
    return len(issued.manifestations)


@app.command()
@reports_errors
def demo(
    data_dir: Annotated[
        Path | None, typer.Option(help="Folder of the demo archive [default: <data dir>/demo]")
    ] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    serve: Annotated[bool, typer.Option(help="Serve the archive once it is ready")] = True,
    out: Annotated[
        Path | None, typer.Option(help="Also write every issued version (PDF, HTML, XML, txt) here")
    ] = None,
) -> None:
    """Issue the bundled sample documents in six languages into an SQLite archive, and serve it."""
    from palais.model import Format
    from palais.publish.samples import issue_samples
    from palais.registry import Actor, Registry
    from palais.settings import Settings, default_data_dir

    folder = data_dir or default_data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    # The demo is always the embedded store in its own folder; other settings (password
    # hashing costs, upload limit) still come from the configuration and environment.
    settings = Settings.load(data_dir=folder, database_url=f"sqlite:///{folder / 'palais.db'}")
    registry = Registry.open(settings)
    for name, password in ensure_accounts(registry, folder).items():
        console.print(f"account [bold]{name}[/] password [bold]{password}[/]", highlight=False)
    officer: Actor = registry.actor("demo-officer")
    with console.status("Composing and issuing the samples in six languages…"):
        for placed in issue_samples(registry, officer):
            if placed.issued is None:
                console.print(f"{placed.symbol}: withdrawn from this archive, left out")
                continue
            doing = "issued" if placed.added else "already issued"
            formats = len(Format.composed())
            console.print(
                f"{placed.symbol}: {doing} in {len(ALL)} languages x {formats} formats"
            )
            if out is not None:
                count = write_versions(registry, placed.issued.symbol, out)
                console.print(f"  {count} files written to {out / placed.issued.symbol.uri_slug()}")
    console.print(f"Archive: {folder} (accounts in {folder / 'accounts.txt'})")
    if not serve:
        return
    import uvicorn

    from palais.search import open_index
    from palais.web.app import create_app

    console.print(f"Serving on http://{host}:{port}/ (Ctrl+C to stop)")
    app = create_app(settings, registry, open_index(settings))
    uvicorn.run(app, host=host, port=port, log_level="info")
