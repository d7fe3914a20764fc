"""The cluster of scripts/cluster.sh, started and stopped by a test on free ports of 127.0.0.1.

The test drives the same script an operator runs: a PostgreSQL primary, a
standby made by pg_basebackup, pgbouncer, two palais nodes and HAProxy. The
nodes run this tree's palais (PYTHONPATH) with a cheap password hash.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "cluster.sh"
SECRET = "cluster-test-secret-0123456789abcdef"
PORTS = 6  # HAProxy, primary, standby, pgbouncer, node1, node2


def _below_ephemeral() -> int:
    """The first port the kernel may hand to an outgoing connection: a port above it,
    free when chosen, may be taken by some client's connection before a server binds it."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def _free_base() -> int:
    """A base port whose next ``PORTS`` ports are all free on 127.0.0.1, below the
    ephemeral range (a node's port taken by a client's connection failed a start)."""
    top = max(_below_ephemeral() - PORTS, 10001)
    for _ in range(200):
        base = random.randrange(10000, top)
        try:
            with contextlib.ExitStack() as stack:
                for port in range(base, base + PORTS):
                    s = stack.enter_context(socket.socket())
                    s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
    raise RuntimeError("no run of free ports found")


@dataclass
class Cluster:
    folder: Path
    base: int

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "CLUSTER_DIR": str(self.folder),
            "CLUSTER_PORT_BASE": str(self.base),
            "PALAIS_PYTHON": sys.executable,
            "PYTHONPATH": str(ROOT),
            "PALAIS_SECRET_KEY": SECRET,
            "PALAIS_ARGON2_MEMORY_KIB": "1024",
            "PALAIS_ARGON2_TIME_COST": "1",
        }

    def run(self, *args: str, timeout: float | None = 240) -> str:
        done = subprocess.run(
            [str(SCRIPT), *args], env=self.env, capture_output=True, text=True, timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            logs = "".join(
                f"\n--- {p.name}\n{p.read_text(errors='replace')[-3000:]}"
                for p in sorted(self.folder.glob("*.log"))
            )
            raise RuntimeError(f"cluster.sh {' '.join(args)} failed: {done.stderr}{logs}")
        return done.stdout

    @property
    def url(self) -> str:
        """HAProxy, in front of both nodes."""
        return f"http://127.0.0.1:{self.base}"

    def node_url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.base + 3 + n}"

    @property
    def database_url(self) -> str:
        """The primary, through pgbouncer, as the nodes reach it."""
        return f"postgresql+psycopg://palais@127.0.0.1:{self.base + 3}/palais"

    def node_dir(self, n: int) -> Path:
        return self.folder / f"node{n}"

    def kill_node(self, n: int) -> None:
        """SIGKILL, as a crash would: no shutdown handler runs."""
        pid_file = self.folder / f"node{n}.pid"
        os.kill(int(pid_file.read_text()), signal.SIGKILL)


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster]:
    folder = Path(tempfile.mkdtemp(prefix="palais-cluster-"))
    cluster = Cluster(folder, _free_base())
    try:
        cluster.run("start")
        yield cluster
    finally:
        with contextlib.suppress(Exception):
            cluster.run("clean")
        subprocess.run(["rm", "-rf", str(folder)], check=False)


@contextlib.contextmanager
def kept_cluster(folder: Path, *parts: str) -> Iterator[Cluster]:
    """The cluster kept in ``folder`` between runs (a benchmark's store, built once):
    ``parts`` started (all by default), everything stopped at the end, nothing removed.
    Its ports stay those of its first start (the standby's link to the primary names one)."""
    folder.mkdir(parents=True, exist_ok=True)
    ports = folder / "port_base"
    if not ports.exists():
        ports.write_text(str(_free_base()))
    cluster = Cluster(folder, int(ports.read_text()))
    try:
        cluster.run("start", *parts, timeout=None)
        yield cluster
    finally:
        with contextlib.suppress(Exception):
            cluster.run("stop")
