"""One cluster of scripts/cluster.sh for every test of this folder (starting it is the
slow part): the registry over its primary as a script would use it, and an API token
per test user made through node 1."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from palais.registry import Registry
from palais.settings import Settings
from tests.support.cluster import Cluster, running_cluster
from tests.web.harness import add_users, issue_tokens


@pytest.fixture(scope="package")
def cluster() -> Iterator[Cluster]:
    with running_cluster() as started:
        yield started


@pytest.fixture(scope="package")
def registry(cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    """The registry over the cluster's primary, as an import or a script would use it."""
    settings = Settings(
        database_url=cluster.database_url, data_dir=tmp_path_factory.mktemp("client"),
        files_dir=cluster.folder / "files", argon2_memory_kib=1024, argon2_time_cost=1,
    )
    opened = Registry.open(settings)
    add_users(opened)
    yield opened
    opened.close()


@pytest.fixture(scope="package")
def tokens(cluster: Cluster, registry: Registry) -> dict[str, str]:
    with httpx.Client(base_url=cluster.node_url(1), timeout=30) as client:
        return issue_tokens(client)
