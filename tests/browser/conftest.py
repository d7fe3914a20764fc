"""One Chromium per test session, a fresh context per test, and palais served by real uvicorn.

The server runs in a thread of the test process on a free port of 127.0.0.1,
over a temporary SQLite store, so the tests can set up users through the
registry directly and the browser sees exactly what a person would.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from palais.languages import ALL
from tests.support.browser import CHROMIUM_ARGS, chromium_path
from tests.web.live import free_port

PASSWORD = "correct horse battery staple"
SECRET = "browser-test-secret-for-session-cookies"


@dataclass(frozen=True)
class UiServer:
    base_url: str
    registry: Any


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def ui_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UiServer]:
    """palais over a new SQLite store: a mission, an officer, a translator of all languages."""
    from palais.registry import Registry, Role
    from palais.settings import Settings
    from palais.web.app import create_app

    home: Path = tmp_path_factory.mktemp("palais")
    settings = Settings(
        database_url=f"sqlite:///{home / 'palais.db'}", data_dir=home, secret_key=SECRET
    )
    registry = Registry.open(settings)
    registry.create_user("aze-mission", PASSWORD, Role.MISSION, state="AZE", languages=())
    registry.create_user("officer", PASSWORD, Role.OFFICER, state=None, languages=())
    registry.create_user("translator", PASSWORD, Role.TRANSLATOR, state=None, languages=ALL)
    with serving(create_app(settings, registry)) as base_url:
        yield UiServer(base_url, registry)


@contextlib.contextmanager
def serving(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn in a thread on a free port; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def context(browser: Browser, ui_server: UiServer) -> Iterator[BrowserContext]:
    # axe-core is injected as a script, which the pages' CSP rightly refuses.
    ctx = browser.new_context(base_url=ui_server.base_url, accept_downloads=True, bypass_csp=True)
    yield ctx
    ctx.close()
