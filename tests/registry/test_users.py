"""Users, passwords (argon2id) and API tokens (hashed at rest)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from palais.errors import Conflict, InvalidInput, NotAuthenticated
from palais.languages import Language
from palais.registry import Registry, Role
from palais.settings import Settings
from palais.store import read_transaction
from palais.store.tables import api_tokens, users
from tests.registry.conftest import PASSWORD, People


def test_passwords_are_kept_as_argon2id_hashes(registry: Registry, people: People) -> None:
    with read_transaction(registry.engine) as connection:
        hashes = connection.execute(select(users.c.password_hash)).scalars().all()
    assert len(hashes) == len(people.all())
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)
    assert registry.login("aze", PASSWORD) == people.aze
    with pytest.raises(NotAuthenticated):
        registry.login("aze", "wrong password")
    with pytest.raises(NotAuthenticated):
        registry.login("nobody", PASSWORD)


def test_tokens_authenticate_and_only_their_hash_is_stored(
    registry: Registry, people: People
) -> None:
    token = registry.create_token(people.officer, "scripts")
    assert registry.authenticate_token(token) == people.officer
    with read_transaction(registry.engine) as connection:
        stored = connection.execute(select(api_tokens.c.token_hash)).scalars().all()
    assert len(stored) == 1 and token not in stored[0]
    with pytest.raises(NotAuthenticated):
        registry.authenticate_token(token + "x")


INVALID_USERS: list[tuple[str, Role | str, str | None, tuple[Language, ...], str]] = [
    ("m", Role.MISSION, None, (), "State"),
    ("m", Role.MISSION, "XX", (), "alpha-3"),
    ("o", Role.OFFICER, "AZE", (), "only a mission"),
    ("t", Role.TRANSLATOR, None, (), "at least one language"),
    ("o", Role.OFFICER, None, (Language.FR,), "only a translator"),
    ("bad name", Role.OFFICER, None, (), "user name"),
    ("o", "admin", None, (), "unknown role"),
]


def test_invalid_users_are_refused(registry: Registry) -> None:
    for name, role, state, languages, message in INVALID_USERS:
        with pytest.raises(InvalidInput, match=message):
            registry.create_user(name, PASSWORD, role, state=state, languages=languages)
    with read_transaction(registry.engine) as connection:
        assert connection.execute(select(users.c.id)).first() is None


def test_user_names_are_unique_and_passwords_long_enough(
    registry: Registry, people: People
) -> None:
    with pytest.raises(Conflict):
        registry.create_user("aze", PASSWORD, Role.MISSION, state="AZE")
    with pytest.raises(InvalidInput, match="8 characters"):
        registry.create_user("new", "short", Role.OFFICER)


def test_a_login_brings_an_old_hash_to_the_configured_cost(
    registry: Registry, settings: Settings
) -> None:
    registry.create_user("officer", PASSWORD, Role.OFFICER)
    stronger = Registry.open(replace(settings, argon2_memory_kib=2048, argon2_time_cost=2))
    try:
        assert stronger.login("officer", PASSWORD).username == "officer"
        with read_transaction(stronger.engine) as connection:
            stored = connection.execute(select(users.c.password_hash)).scalar_one()
        assert "m=2048,t=2" in stored
        assert registry.login("officer", PASSWORD).username == "officer"
    finally:
        stronger.close()
