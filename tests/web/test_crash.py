"""Killing the server (SIGKILL) under registration load leaves a consistent store.

Every registration the server acknowledged is in the store; none is half
written: each registered submission has its symbol and exactly one "register"
audit entry, and no symbol is given twice.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from palais.registry import State
from palais.store import read_transaction
from tests.web.harness import Backend, prepared_store
from tests.web.live import live_server

SUBMISSIONS = 80


def test_sigkill_mid_load_loses_no_acknowledged_registration(
    backend: Backend, tmp_path: Path
) -> None:
    store = prepared_store(backend, tmp_path)
    acknowledged: dict[int, str] = {}
    lock = threading.Lock()
    ids = store.submit(SUBMISSIONS)
    with live_server(store.env, tmp_path / "server.log") as server:
        officer = {"Authorization": f"Bearer {store.tokens['officer']}"}

        def register(sid: int) -> None:
            try:
                with httpx.Client(base_url=server.base_url, timeout=30) as c:
                    response = c.post(f"/api/submissions/{sid}/registration", headers=officer)
            except httpx.HTTPError:
                return  # the server died before answering: not acknowledged
            if response.status_code == 200:
                with lock:
                    acknowledged[sid] = response.json()["symbol"]

        with ThreadPoolExecutor(max_workers=8) as pool:
            futures = [pool.submit(register, sid) for sid in ids]
            while len(acknowledged) < 10:
                time.sleep(0.01)
            server.kill()
            for future in futures:
                future.result()

    assert 10 <= len(acknowledged) < SUBMISSIONS, "the kill came mid-load"
    registry = store.open_registry()
    if backend.name == "sqlite":
        with read_transaction(registry.engine) as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    officer_actor = registry.actor("officer")
    registered = {}
    for sid in ids:
        submission = registry.get(officer_actor, sid)
        actions = Counter(e.action for e in registry.audit(officer_actor, sid))
        if submission.symbol is not None:
            registered[sid] = str(submission.symbol)
            assert actions["register"] == 1, (sid, actions)
            assert submission.state is State.REGISTERED and submission.job_number, sid
        else:
            assert actions["register"] == 0, (sid, actions)
            assert submission.state is State.SUBMITTED and submission.job_number is None, sid
    for sid, symbol in acknowledged.items():
        assert registered.get(sid) == symbol
    assert len(set(registered.values())) == len(registered), "a symbol was given twice"
    numbers = sorted(int(symbol.rsplit("/", 1)[1]) for symbol in registered.values())
    assert numbers == list(range(1, len(numbers) + 1)), "no number was skipped"
    registry.close()
