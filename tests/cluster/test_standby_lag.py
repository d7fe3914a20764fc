"""The standby behind: an officer's own reads come from the primary, the public's from the
standby until it is further behind than the bound, then from the primary; the lag shows in
``/health/ready``; the standby, replaying again, catches up and is used again.

Replay on the standby is paused (``pg_wal_replay_pause()``), so "behind" is certain,
not a race: whatever the primary commits afterwards is not on the standby until it is
resumed, and the test asks the standby itself what it holds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from palais.registry.standby import CHECK_INTERVAL_S, MAX_LAG_S
from tests.cluster.readiness import health, on_every_node, on_standby, wait_for
from tests.support.cluster import Cluster
from tests.support.records import RECORD, sample_translation
from tests.web.harness import PASSWORD

pytestmark = pytest.mark.cluster


def _replay(cluster: Cluster, action: str) -> None:
    on_standby(cluster, f"SELECT pg_wal_replay_{action}()")
    wanted = "paused" if action == "pause" else "not paused"
    wait_for(lambda: on_standby(cluster, "SELECT pg_get_wal_replay_pause_state()") == wanted,
             10, f"replay {wanted}")


@pytest.fixture
def paused(cluster: Cluster) -> Iterator[None]:
    """Replay paused on the standby for the test, resumed whatever happens."""
    _replay(cluster, "pause")
    try:
        yield
    finally:
        _replay(cluster, "resume")


@contextmanager
def _checked_often(url: str) -> Iterator[None]:
    """Ask the node's readiness five times a second, as a busy load balancer would: each
    answer lets the node check the standby again (at most once a second), so its lag
    estimate (the time since the check before the standby last held everything) stays
    close to the truth even on a machine too loaded for HAProxy's checks to be regular."""
    stop = threading.Event()

    def ask() -> None:
        while not stop.wait(0.2):
            health(url)

    asking = threading.Thread(target=ask)
    asking.start()
    try:
        yield
    finally:
        stop.set()
        asking.join()


@contextmanager
def _signed_in(url: str, username: str) -> Iterator[httpx.Client]:
    """A client holding a login session's cookie, as a browser after signing in."""
    with httpx.Client(base_url=url, timeout=60) as client:
        login = client.post("/api/auth/login", json={"username": username, "password": PASSWORD})
        login.raise_for_status()
        yield client


def _uses_standby(ready: dict[str, Any]) -> bool:
    standby = ready.get("standby") or {}
    return bool(standby.get("in_use")) and standby.get("lag_bytes") == 0


def _on_standby_state(cluster: Cluster, sid: int) -> str | None:
    state: str | None = on_standby(cluster, "SELECT state FROM submissions WHERE id = %s", sid)
    return state


@pytest.fixture
def prepared(cluster: Cluster, tokens: dict[str, str]) -> tuple[int, int]:
    """Two submissions made through node 1: one registered and translated (the next step
    is issuing it), one only submitted; both on the standby before replay pauses."""
    def auth(who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[who]}"}

    with httpx.Client(base_url=cluster.node_url(1), timeout=120) as node:
        ready, waiting = (
            node.post("/api/submissions", headers=auth("mission"),
                      json={"record": {**RECORD, "title": f"Note verbale on the lag {k}"}}
                      ).json()["id"]
            for k in range(2)
        )
        assert node.post(f"/api/submissions/{ready}/registration",
                         headers=auth("officer")).status_code == 200
        missing = node.post(f"/api/submissions/{ready}/issue",
                            headers=auth("officer")).json()["missing"]
        for lang, passages in missing.items():
            who = "arabic_translator" if lang == "ar" else "translator"
            for passage in passages:
                put = node.put(f"/api/submissions/{ready}/translations/{passage}/{lang}",
                               headers=auth(who), json={"text": sample_translation(lang, passage)})
                assert put.status_code == 200, put.text
    on_every_node(cluster, _uses_standby, 15, "level with the primary, reading from the standby")
    return ready, waiting


def test_an_officer_reads_the_primary_while_the_public_reads_the_lagging_standby(
    cluster: Cluster, prepared: tuple[int, int], paused: None
) -> None:
    ready, waiting = prepared
    url = cluster.node_url(1)
    with (
        _checked_often(url), _signed_in(url, "officer") as officer,
        httpx.Client(base_url=url, timeout=30) as public,
    ):
        # The officer issues a document: a public change the paused standby does not get.
        issued = officer.post(f"/api/submissions/{ready}/issue")
        committed = time.monotonic()
        assert issued.status_code == 200, issued.text
        symbol = issued.json()["symbol"]

        # At once, through the same node: the officer sees it, the public does not yet.
        assert officer.get(f"/documents/{symbol}").status_code == 200
        assert officer.get(f"/api/documents/{symbol}").json()["symbol"] == symbol
        assert symbol in officer.get("/").text, "the officer's home page lists it"
        page, api = public.get(f"/documents/{symbol}"), public.get(f"/api/documents/{symbol}")
        public_home = public.get("/").text
        answered = time.monotonic()
        ready_now = health(url)
        assert answered - committed < MAX_LAG_S - CHECK_INTERVAL_S, "too slow to tell routing"
        assert ready_now["standby"]["in_use"] is True, ready_now
        assert (page.status_code, api.status_code) == (404, 404), "public read the standby"
        assert symbol not in public_home
        assert _on_standby_state(cluster, ready) == "ready", "the standby is behind"

        # The officer registers the other submission and sees its symbol on their own
        # answer, page and list, read from the primary: the standby still has it as submitted.
        registered = officer.post(f"/api/submissions/{waiting}/registration")
        assert registered.status_code == 200, registered.text
        new_symbol = registered.json()["symbol"]
        mine = officer.get(f"/api/submissions/{waiting}").json()
        assert (mine["state"], mine["symbol"]) == ("registered", new_symbol)
        assert new_symbol in officer.get(f"/secretariat/submissions/{waiting}").text
        assert _on_standby_state(cluster, waiting) == "submitted"

        # The lag shows in readiness, bounded: past MAX_LAG_S the node stops reading from
        # the standby (and stays ready), so the public sees the document from the primary
        # although the standby still has not replayed it.
        # (the node checks the standby at most once a second: its answer may be that old)
        wait_for(lambda: (health(url)["standby"]["lag_bytes"] or 0) > 0, 3 * CHECK_INTERVAL_S,
                 "the lag in bytes shown")
        assert health(url)["standby"]["reachable"] is True
        wait_for(lambda: health(url)["standby"]["in_use"] is False, MAX_LAG_S + 5,
                 "the standby out of use past the bound")
        beyond = health(url)
        assert beyond["status"] == "ready", beyond
        assert beyond["standby"]["lag_seconds"] > MAX_LAG_S, beyond
        assert beyond["standby"]["lag_bytes"] > 0, beyond
        assert public.get(f"/documents/{symbol}").status_code == 200
        assert _on_standby_state(cluster, ready) == "ready"

    # Replay resumed: the standby catches up (it holds the issue and the registration),
    # every node is level with it and reads from it again; the document opens on both.
    _replay(cluster, "resume")
    on_every_node(cluster, _uses_standby, 15, "the standby level and in use again")
    assert _on_standby_state(cluster, ready) == "issued"
    assert _on_standby_state(cluster, waiting) == "registered"
    for n in (1, 2):
        assert httpx.get(f"{cluster.node_url(n)}/documents/{symbol}").status_code == 200
