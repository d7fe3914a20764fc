"""``palais serve``: run the web application with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from palais.cli.app import app, reports_errors


@app.command()
@reports_errors
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes")] = 1,
) -> None:
    """Serve the JSON API (under /api) and the web pages over HTTP."""
    import uvicorn

    from palais.registry import Registry
    from palais.settings import Settings

    # Open (and migrate) the store here, once: a folder that is read-only or full is
    # then one line from reports_errors rather than a traceback from every worker.
    Registry.open(Settings.load()).close()

    uvicorn.run(
        "palais.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )
