"""Passwords and API tokens, never kept in clear.

Passwords are hashed with argon2id, memory-hard on purpose because a password
is guessable; the default cost is argon2-cffi's (the RFC 9106 low-memory
profile, 64 MiB and 3 passes) and is a setting, since each hash records its own
parameters and old hashes stay verifiable when the cost is raised. An API token
is 32 random bytes, so a fast SHA-256 of it is enough to keep a stolen
database from yielding usable tokens, and lets a request be authenticated by one
indexed lookup instead of one argon2 run per request.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from palais.errors import InvalidInput

TOKEN_PREFIX = "palais_"
MIN_PASSWORD_LENGTH = 8


class Passwords:
    """Hashing and checking passwords at one argon2id cost."""

    def __init__(self, memory_kib: int, time_cost: int) -> None:
        self._hasher = PasswordHasher(memory_cost=memory_kib, time_cost=time_cost)
        # Checked against when the user does not exist, so that a wrong user name
        # costs the same time as a wrong password and does not reveal which it was.
        self._dummy = self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise InvalidInput(
                "a password needs at least %(MIN_PASSWORD_LENGTH)s characters",
                MIN_PASSWORD_LENGTH=MIN_PASSWORD_LENGTH,
            )
        return self._hasher.hash(password)

    def outdated(self, stored_hash: str) -> bool:
        """Whether ``stored_hash`` was made at another cost than the configured one."""
        return self._hasher.check_needs_rehash(stored_hash)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        try:
            matched = self._hasher.verify(stored_hash or self._dummy, password)
        except (VerificationError, InvalidHashError):
            return False
        return matched and stored_hash is not None


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
