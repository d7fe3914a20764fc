"""50 registrations at once through a real server give 50 distinct consecutive numbers."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from palais.symbols import Symbol
from tests.web.harness import Backend, prepared_store
from tests.web.live import live_server

COUNT = 50


def test_fifty_concurrent_registrations_number_consecutively(
    backend: Backend, tmp_path: Path
) -> None:
    store = prepared_store(backend, tmp_path)
    ids = store.submit(COUNT)
    with live_server(store.env, tmp_path / "server.log") as server:
        officer = {"Authorization": f"Bearer {store.tokens['officer']}"}

        def register(sid: int) -> str:
            with httpx.Client(base_url=server.base_url, timeout=60) as c:
                response = c.post(f"/api/submissions/{sid}/registration", headers=officer)
            assert response.status_code == 200, response.text
            return str(response.json()["symbol"])

        with ThreadPoolExecutor(max_workers=COUNT) as pool:
            symbols = list(pool.map(register, ids))

    numbers = sorted(Symbol.parse(s).number or 0 for s in symbols)
    assert numbers == list(range(1, COUNT + 1))
    registry = store.open_registry()
    try:
        officer_actor = registry.actor("officer")
        stored = {sid: str(registry.get(officer_actor, sid).symbol) for sid in ids}
    finally:
        registry.close()
    assert stored == dict(zip(ids, symbols, strict=True)), "the store holds what was answered"
