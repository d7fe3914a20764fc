"""Two palais nodes over a PostgreSQL primary and its hot standby, behind HAProxy, tested by
killing things (the topology of scripts/cluster.sh, started and stopped once for this folder).

- a document issued through node A is found by search on node B within 5 s;
- node B killed with SIGKILL during a read load and started again catches up: its index
  holds exactly the store's issued documents, none missing, none extra;
- the standby stopped during a read load: reads go to the primary, no request fails;
- in each, every write the cluster acknowledged is in the store (they are counted);
- a mission signed in on one node previews its note on the other and confirms it on the
  first: nothing a user does depends on which node answers.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from typing import Any

import httpx
import pytest

from palais.registry import Registry
from palais.search.embedded import TantivyIndex
from tests.cluster.readiness import health, on_every_node, on_standby, wait_for
from tests.support.bundles import current_bundle
from tests.support.cluster import Cluster
from tests.support.records import RECORD, sample_translation
from tests.web.harness import PASSWORD
from tests.web.ui.test_mission_pages import FIELDS, NOTE, upload_token

pytestmark = pytest.mark.cluster

READERS = 4


def issue_directly(registry: Registry, title: str) -> str:
    """A document issued into the store (metadata and small files; composing is tested
    along the users' paths): returns its symbol once the store acknowledged it."""
    mission, officer = registry.actor("mission"), registry.actor("officer")
    sid = registry.submit_record(mission, {**RECORD, "title": title}).id
    registry.register(officer, sid)
    return str(registry.issue(officer, sid, current_bundle(registry, sid)).symbol)


def store_symbols(registry: Registry) -> set[str]:
    return {str(d.symbol) for d in registry.archive()}


class ReadLoad:
    """``READERS`` threads reading document pages and search through HAProxy until stopped;
    counts answers by status and failures, and how many requests were in flight."""

    def __init__(self, url: str, symbols: list[str]) -> None:
        self.url = url
        self.symbols = symbols
        self.outcomes: Counter[str] = Counter()
        self.in_flight = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._read, args=(k,)) for k in range(READERS)]

    def __enter__(self) -> ReadLoad:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def _read(self, k: int) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            n = k
            while not self._stop.is_set():
                n += 1
                path = (
                    f"/documents/{self.symbols[n % len(self.symbols)]}" if n % 2
                    else "/search?q=verbale"
                )
                with self._lock:
                    self.in_flight += 1
                try:
                    outcome = str(client.get(path).status_code)
                except httpx.HTTPError as exc:
                    outcome = type(exc).__name__
                with self._lock:
                    self.in_flight -= 1
                    self.outcomes[outcome] += 1

    @property
    def failed(self) -> int:
        return sum(n for outcome, n in self.outcomes.items() if outcome != "200")


def test_a_document_issued_through_node_a_is_found_on_node_b_within_5_s(
    cluster: Cluster, tokens: dict[str, str]
) -> None:
    def post(client: httpx.Client, who: str, path: str, **kw: Any) -> httpx.Response:
        return client.post(path, headers={"Authorization": f"Bearer {tokens[who]}"}, **kw)

    record = {**RECORD, "title": "Note verbale on the Quarvendish reservoirs"}
    with httpx.Client(base_url=cluster.node_url(1), timeout=120) as a:
        sid = post(a, "mission", "/api/submissions", json={"record": record}).json()["id"]
        assert post(a, "officer", f"/api/submissions/{sid}/registration").status_code == 200
        missing = post(a, "officer", f"/api/submissions/{sid}/issue").json()["missing"]
        for lang, passages in missing.items():
            who = "arabic_translator" if lang == "ar" else "translator"
            for passage in passages:
                put = a.put(
                    f"/api/submissions/{sid}/translations/{passage}/{lang}",
                    headers={"Authorization": f"Bearer {tokens[who]}"},
                    json={"text": sample_translation(lang, passage)},
                )
                assert put.status_code == 200, put.text
        issued = post(a, "officer", f"/api/submissions/{sid}/issue")
        assert issued.status_code == 200, issued.text
    symbol = issued.json()["symbol"]

    with httpx.Client(base_url=cluster.node_url(2), timeout=10) as b:
        elapsed = wait_for(
            lambda: f">{symbol}</a>" in b.get("/search", params={"q": "quarvendish"}).text,
            5, f"{symbol} found by search on node B",
        )
        assert elapsed < 5
        page = b.get(f"/documents/{symbol}")
        assert page.status_code == 200 and symbol in page.text


def test_node_b_killed_during_a_read_load_catches_up_with_nothing_missing_or_extra(
    cluster: Cluster, registry: Registry
) -> None:
    symbols = [issue_directly(registry, f"Note verbale number {k}") for k in range(20)]
    acknowledged = list(symbols)
    stop_writing = threading.Event()

    def write() -> None:
        k = 0
        while not stop_writing.is_set():
            acknowledged.append(issue_directly(registry, f"Note verbale written {k}"))
            k += 1
            time.sleep(0.05)

    writer = threading.Thread(target=write)
    with ReadLoad(cluster.url, symbols) as load:
        writer.start()
        time.sleep(1.0)
        in_flight_at_kill = load.in_flight
        cluster.kill_node(2)
        time.sleep(1.5)  # node B is down; writes go on
        down_writes = len(acknowledged)
        cluster.run("start", "node2")
        time.sleep(1.0)
        stop_writing.set()
        writer.join()
    assert len(acknowledged) > down_writes > len(symbols), "writes went on around the kill"
    assert load.failed <= max(in_flight_at_kill, 1), load.outcomes
    assert load.outcomes["200"] > 50, load.outcomes

    in_store = store_symbols(registry)
    assert set(acknowledged) <= in_store, "an acknowledged write was lost"
    latest = registry.latest_change()
    on_every_node(
        cluster, lambda h: h.get("index", {}).get("position") == latest, 10,
        f"level with change {latest}",
    )
    for n in (1, 2):
        indexed = TantivyIndex(cluster.node_dir(n) / "search").symbols()
        assert indexed == in_store, (
            f"node {n}: missing {sorted(in_store - indexed)[:5]}, "
            f"extra {sorted(indexed - in_store)[:5]}"
        )


def _uses_standby(ready: dict[str, Any]) -> bool:
    return bool(ready.get("standby", {}).get("in_use"))


def _standby_transactions(cluster: Cluster) -> int:
    return int(on_standby(
        cluster, "SELECT xact_commit FROM pg_stat_database WHERE datname = 'palais'"
    ))


def test_the_standby_stopped_reads_go_to_the_primary_and_no_request_fails(
    cluster: Cluster, registry: Registry, tokens: dict[str, str]
) -> None:
    symbols = [issue_directly(registry, f"Note verbale on standby {k}") for k in range(5)]
    mission = registry.actor("mission")
    pending = [registry.submit_record(mission, RECORD).id for _ in range(400)]
    on_every_node(cluster, _uses_standby, 10, "reads from the standby")
    acknowledged: dict[int, str] = {}
    stop_writing = threading.Event()

    def register() -> None:
        officer = {"Authorization": f"Bearer {tokens['officer']}"}
        with httpx.Client(base_url=cluster.url, timeout=30) as client:
            for sid in pending:
                if stop_writing.is_set():
                    return
                answer = client.post(f"/api/submissions/{sid}/registration", headers=officer)
                if answer.status_code == 200:
                    acknowledged[sid] = answer.json()["symbol"]
                time.sleep(0.02)

    before = _standby_transactions(cluster)
    writer = threading.Thread(target=register)
    with ReadLoad(cluster.url, symbols) as load:
        writer.start()
        wait_for(lambda: _standby_transactions(cluster) > before + 20, 10,
                 "public reads went to the standby")
        cluster.run("stop", "standby")
        on_every_node(
            cluster, lambda h: h.get("standby", {}).get("reachable") is False, 10,
            "sees the standby gone",
        )
        served_before, written_before = load.outcomes["200"], len(acknowledged)
        time.sleep(1.5)  # reads from the primary only
        assert load.outcomes["200"] > served_before + 20, load.outcomes
        written_while_down = len(acknowledged) - written_before
        cluster.run("start", "standby")
        on_every_node(cluster, _uses_standby, 15, "reads from the standby again")
        stop_writing.set()
        writer.join()
    assert load.failed == 0, load.outcomes
    assert written_while_down > 0, "registrations went on while the standby was down"
    officer = registry.actor("officer")
    for sid, symbol in acknowledged.items():
        assert str(registry.get(officer, sid).symbol) == symbol, "an acknowledged write was lost"


def test_readiness_names_the_store_the_index_and_the_standby(cluster: Cluster) -> None:
    live = httpx.get(f"{cluster.url}/health/live", timeout=5)
    assert live.status_code == 200 and live.json() == {"status": "live"}
    ready = health(cluster.node_url(1))
    assert ready["status"] == "ready" and ready["store"]["reachable"] is True
    assert ready["index"]["behind"] == 0 or ready["index"]["behind"] <= 100
    assert set(ready["standby"]) == {"reachable", "in_use", "lag_bytes", "lag_seconds"}



def test_a_mission_goes_on_from_one_node_to_the_other_as_if_there_were_one(
    cluster: Cluster, registry: Registry
) -> None:
    """Signed in on node 1, the note read on node 2, confirmed on node 1, the receipt read
    on node 2: the session, the CSRF token and the held file are the cluster's, not a
    node's (one browser's cookies, sent to whichever node answers)."""
    one, two = cluster.node_url(1), cluster.node_url(2)
    with httpx.Client(timeout=60, follow_redirects=False) as browser:
        login = browser.post(f"{one}/api/auth/login",
                             json={"username": "mission", "password": PASSWORD})
        assert login.status_code == 200, login.text
        form = browser.get(f"{two}/mission/submit")
        assert form.status_code == 200 and "Log out" in form.text
        preview = browser.post(
            f"{two}/mission/submit", data={"csrf_token": csrf_token(form.text)},
            files={"file": ("note.txt", NOTE, "text/plain")},
        )
        assert preview.status_code == 200, preview.text[-800:]
        confirmed = browser.post(
            f"{one}/mission/confirm",
            data={"csrf_token": csrf_token(preview.text), "upload": upload_token(preview.text),
                  **FIELDS},
        )
        assert confirmed.status_code == 303, confirmed.text[-800:]
        receipt = browser.get(f"{two}{confirmed.headers['location']}")
        assert receipt.status_code == 200 and "Receipt" in receipt.text
    sid = int(confirmed.headers["location"].split("/")[-2])
    assert registry.get(registry.actor("officer"), sid).state.value == "submitted"


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, html[:800]
    return found.group(1)
