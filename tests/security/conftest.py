"""What the probe tests share: an in-process server over a fresh SQLite store.

Each test in this folder reproduces one finding of the probe of the running
server (docs/security.md lists them) and fails on the code before its fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.harness import Api, Backend, make_api


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(Backend("sqlite"), tmp_path)


def issue(api: Api, record: dict[str, Any]) -> str:
    """Take ``record`` from the mission to the public as users do; returns its symbol."""
    created = api.post("mission", "/api/submissions", json={"record": record})
    assert created.status_code == 201, created.text
    sid = created.json()["id"]
    registered = api.post("officer", f"/api/submissions/{sid}/registration")
    assert registered.status_code == 200, registered.text
    early = api.post("officer", f"/api/submissions/{sid}/issue")
    for lang, passages in early.json().get("missing", {}).items():
        translator = "arabic_translator" if lang == "ar" else "translator"
        for passage in passages:
            put = api.put(
                translator, f"/api/submissions/{sid}/translations/{passage}/{lang}",
                json={"text": f"[{lang}] {passage}"},
            )
            assert put.status_code == 200, put.text
    issued = api.post("officer", f"/api/submissions/{sid}/issue")
    assert issued.status_code == 200, issued.text
    return str(registered.json()["symbol"])
