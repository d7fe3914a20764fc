"""What the probe tests share: an in-process server over a fresh SQLite store.

Each test in this folder reproduces one finding of the probe of the running
server (docs/security.md lists them) and fails on the code before its fix.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.harness import Api, Backend, make_api
from tests.web.live import ROOT, free_port


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(Backend("sqlite"), tmp_path)


def form_token(api: Api, page: str = "/login") -> str:
    """The CSRF token a page's forms carry (its cookie stays in the client), as a browser
    reading the page gets it."""
    html = api.client.get(page).text
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, html[:500]
    return found.group(1)


def issue(api: Api, record: dict[str, Any]) -> str:
    """Take ``record`` from the mission to the public as users do; returns its symbol."""
    created = api.post("mission", "/api/submissions", json={"record": record})
    assert created.status_code == 201, created.text
    sid = created.json()["id"]
    registered = api.post("officer", f"/api/submissions/{sid}/registration")
    assert registered.status_code == 200, registered.text
    early = api.post("officer", f"/api/submissions/{sid}/issue")
    api.translate(sid, early.json().get("missing", {}))
    issued = api.post("officer", f"/api/submissions/{sid}/issue")
    assert issued.status_code == 200, issued.text
    return str(registered.json()["symbol"])


@contextlib.contextmanager
def palais_serve(
    env: Mapping[str, str], *args: str, preexec_fn: Callable[[], None] | None = None
) -> Iterator[str]:
    """``palais serve`` as an operator runs it, on a free port of 127.0.0.1; yields its URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "palais", "serve", "--port", str(port), *args],
        env={**env, "PYTHONPATH": str(ROOT)}, cwd=ROOT, preexec_fn=preexec_fn,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "the server did not start"
            try:
                httpx.get(base + "/openapi.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def environment(**changes: str | None) -> dict[str, str]:
    """This process's environment with ``changes`` (None removes a variable)."""
    env = dict(os.environ)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env
