"""Waiting on the cluster's nodes by what they say of themselves (``/health/ready``), and
asking the standby directly what it holds."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import Any

import httpx
import psycopg

from tests.support.cluster import Cluster


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> float:
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not within {seconds} s: {what}")
        time.sleep(0.05)
    return time.monotonic() - start


def on_every_node(
    cluster: Cluster, check: Callable[[dict[str, Any]], bool], seconds: float, what: str
) -> None:
    """Wait until ``check`` holds of each node's readiness answer."""
    for n in (1, 2):
        try:
            wait_for(partial(_holds, check, cluster.node_url(n)), seconds, f"node {n}: {what}")
        except AssertionError as exc:
            logs = "".join(
                f"\n--- {name}\n" + (cluster.folder / name).read_text(errors="replace")[-2500:]
                for name in (f"node{n}.log", "standby.log", "pgbouncer.log")
            )
            raise AssertionError(f"{exc}; readiness {health(cluster.node_url(n))}{logs}") from None


def _holds(check: Callable[[dict[str, Any]], bool], url: str) -> bool:
    return check(health(url))


def health(url: str) -> dict[str, Any]:
    try:
        body: dict[str, Any] = httpx.get(f"{url}/health/ready", timeout=5).json()
    except httpx.HTTPError:
        return {}
    return body


def on_standby(cluster: Cluster, query: str, *params: object) -> Any:
    """The first column of the first row of ``query`` run on the standby itself (not
    through pgbouncer): what it has replayed, whatever a node routes."""
    with psycopg.connect(
        f"host=127.0.0.1 port={cluster.base + 2} user=palais dbname=palais", autocommit=True
    ) as conn:
        row = conn.execute(query, params).fetchone()
    return None if row is None else row[0]
