"""``/health/live`` and ``/health/ready``, as a load balancer asks them."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from palais.registry import Registry
from palais.web.app import create_app
from tests.support.bundles import current_bundle
from tests.support.postgres import PostgresServer
from tests.support.records import RECORD
from tests.web.harness import Backend, make_settings


def _issue(registry: Registry) -> None:
    registry.create_user("officer", "correct horse battery staple", "officer")
    officer = registry.actor("officer")
    sid = registry.submit_record(officer, RECORD).id
    registry.register(officer, sid)
    registry.issue(officer, sid, current_bundle(registry, sid))


def test_ready_shows_the_index_position_against_the_store(tmp_path: Path) -> None:
    settings = make_settings(Backend("sqlite"), tmp_path)
    registry = Registry.open(settings)
    try:
        client = TestClient(create_app(settings, registry))  # no lifespan: no polling thread
        assert client.get("/health/live").json() == {"status": "live"}
        ready = client.get("/health/ready")
        assert ready.status_code == 200
        assert ready.json() == {
            "status": "ready", "store": {"reachable": True, "latest_change": 0},
            "index": {"position": 0, "behind": 0}, "standby": None,
        }
        _issue(registry)  # a change the index has not applied yet
        body = client.get("/health/ready").json()
        assert body["store"]["latest_change"] == 1 and body["index"] == {
            "position": 0, "behind": 1
        }
        client.get("/search", params={"q": "verbale"})  # a search page catches up first
        assert client.get("/health/ready").json()["index"] == {"position": 1, "behind": 0}
    finally:
        registry.close()


def test_a_node_whose_store_is_gone_is_not_ready(tmp_path: Path) -> None:
    server = PostgresServer()
    server.start()
    try:
        settings = make_settings(Backend("postgresql", server.create_database()), tmp_path)
        registry = Registry.open(settings)
        client = TestClient(create_app(settings, registry))
        assert client.get("/health/ready").status_code == 200
    finally:
        server.stop()
    try:
        ready = client.get("/health/ready")
        assert ready.status_code == 503
        assert ready.json()["status"] == "unready"
        assert ready.json()["store"]["reachable"] is False
        assert client.get("/health/live").status_code == 200
    finally:
        registry.close()


def test_the_follower_thread_runs_while_the_app_serves_and_stops_with_it(
    tmp_path: Path,
) -> None:
    settings = make_settings(Backend("sqlite"), tmp_path)
    registry = Registry.open(settings)
    try:
        app = create_app(settings, registry)
        with TestClient(app) as client:
            assert _following(), "the app follows the store between requests"
            _issue(registry)  # as another node would, into the shared store
            deadline = time.monotonic() + 5
            while client.get("/health/ready").json()["index"]["behind"]:
                assert time.monotonic() < deadline, "the background follower caught up"
                time.sleep(0.05)
        assert not _following(), "shutting down stops the follower's thread"
    finally:
        registry.close()


def _following() -> bool:
    return any(t.name == "palais-index-follower" and t.is_alive() for t in threading.enumerate())
