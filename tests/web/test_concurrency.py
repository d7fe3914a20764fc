"""50 registrations at once through a real server give 50 distinct consecutive numbers."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from palais.symbols import Symbol
from tests.web.harness import RECORD, Backend, prepared_store
from tests.web.live import live_server

COUNT = 50


def test_fifty_concurrent_registrations_number_consecutively(
    backend: Backend, tmp_path: Path
) -> None:
    store = prepared_store(backend, tmp_path)
    with live_server(store.env, tmp_path / "server.log") as server:
        mission = {"Authorization": f"Bearer {store.tokens['mission']}"}
        officer = {"Authorization": f"Bearer {store.tokens['officer']}"}
        with httpx.Client(base_url=server.base_url, timeout=60) as client:
            ids = []
            for _ in range(COUNT):
                created = client.post("/api/submissions", json={"record": RECORD}, headers=mission)
                assert created.status_code == 201, created.text
                ids.append(created.json()["id"])

        def register(sid: int) -> str:
            with httpx.Client(base_url=server.base_url, timeout=60) as c:
                response = c.post(f"/api/submissions/{sid}/registration", headers=officer)
            assert response.status_code == 200, response.text
            return str(response.json()["symbol"])

        with ThreadPoolExecutor(max_workers=COUNT) as pool:
            symbols = list(pool.map(register, ids))

    numbers = sorted(Symbol.parse(s).number or 0 for s in symbols)
    assert numbers == list(range(1, COUNT + 1))
