"""Settings: declared once, read from a TOML file, then the environment, then the caller.

A :class:`Settings` value is frozen and passed explicitly (to ``Registry.open``,
``create_app``), so no module reads the environment behind another's back and
a test configures palais by building one value. Each field is declared once in
:data:`FIELDS` with its environment variable and help text; ``palais`` reads
``PALAIS_CONFIG`` (a TOML file with the same names as keys) first, then the
variables, then explicit overrides.

With nothing configured palais keeps everything in one folder of the user's
data directory: an SQLite file (created on first run) and the content-addressed
files beside it. ``PALAIS_DATABASE_URL=postgresql://…`` selects PostgreSQL.
The nodes of a cluster share the store and ``PALAIS_FILES_DIR`` (a folder every
node mounts), may read public pages from a hot standby
(``PALAIS_READ_DATABASE_URL``), and each keep their own search index in their
data folder (``PALAIS_SEARCH=embedded``).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from palais.errors import InvalidInput

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

# name -> (environment variable, help)
FIELDS: dict[str, tuple[str, str]] = {
    "database_url": (
        "PALAIS_DATABASE_URL",
        "SQLAlchemy URL of the store; default: an SQLite file palais.db in the data folder",
    ),
    "data_dir": ("PALAIS_DATA_DIR", "Folder of the SQLite file and the stored files"),
    "files_dir": (
        "PALAIS_FILES_DIR",
        "Folder of the stored files, shared by every node of a cluster; default: files in "
        "the data folder",
    ),
    "read_database_url": (
        "PALAIS_READ_DATABASE_URL",
        "URL of a hot standby of the store for public reads; default: none (all on the store)",
    ),
    "search": (
        "PALAIS_SEARCH",
        "Search engine: embedded (tantivy in the data folder) or postgres (in the store); "
        "default: embedded over SQLite, postgres over PostgreSQL",
    ),
    "secret_key": (
        "PALAIS_SECRET_KEY",
        "Key signing the forms' CSRF tokens; default: generated into the data folder",
    ),
    "max_upload_bytes": ("PALAIS_MAX_UPLOAD_BYTES", "Largest accepted upload, in bytes"),
    "argon2_memory_kib": ("PALAIS_ARGON2_MEMORY_KIB", "Memory cost of password hashing, KiB"),
    "argon2_time_cost": ("PALAIS_ARGON2_TIME_COST", "Passes of password hashing"),
    "smtp_host": (
        "PALAIS_SMTP_HOST",
        "Mail server that sends missions their notifications; default: none (listed only)",
    ),
    "smtp_port": ("PALAIS_SMTP_PORT", "Port of the mail server (default 25)"),
    "smtp_from": ("PALAIS_SMTP_FROM", "Sender address of the notifications"),
    "public_url": (
        "PALAIS_PUBLIC_URL",
        "The address readers reach palais at, for links in notifications",
    ),
    "secure_cookies": (
        "PALAIS_SECURE_COOKIES",
        "The server is reached over HTTPS: cookies are marked Secure, HSTS is sent (true/false)",
    ),
}
_INTEGERS = frozenset({"max_upload_bytes", "argon2_memory_kib", "argon2_time_cost", "smtp_port"})
_BOOLEANS = frozenset({"secure_cookies"})
SEARCH_ENGINES = ("embedded", "postgres")
_POSTGRES = ("postgresql", "postgres")


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/palais`` (``~/.local/share/palais``), the usual place for user data."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "palais"


@dataclass(frozen=True, slots=True)
class Settings:
    """What one palais installation is configured with."""

    database_url: str = ""
    data_dir: Path = field(default_factory=default_data_dir)
    files_dir: Path | None = None
    read_database_url: str = ""
    search: str = ""
    secret_key: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    # argon2-cffi's defaults, the RFC 9106 low-memory profile.
    argon2_memory_kib: int = 65536
    argon2_time_cost: int = 3
    secure_cookies: bool = False
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_from: str = "palais@localhost"
    public_url: str = "http://localhost:8000"

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir))
        if self.files_dir is not None:
            object.__setattr__(self, "files_dir", Path(self.files_dir))
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.data_dir / 'palais.db'}")
        postgres = self.database_url.split(":", 1)[0].split("+", 1)[0] in _POSTGRES
        if not self.search:
            object.__setattr__(self, "search", "postgres" if postgres else "embedded")
        if self.read_database_url and not postgres:
            raise InvalidInput(
                "read_database_url names a hot standby of a PostgreSQL store; the store "
                "here is %(kind)s", kind=self.database_url.split(":", 1)[0],
            )
        if self.search not in SEARCH_ENGINES:
            raise InvalidInput(
                f"search must be one of {', '.join(SEARCH_ENGINES)}, got {self.search!r}"
            )
        for name in sorted(_INTEGERS):
            if getattr(self, name) < 1:
                raise InvalidInput(f"{name} must be positive, got {getattr(self, name)}")

    @property
    def blob_dir(self) -> Path:
        """Where submitted files and issued manifestations are kept, by SHA-256."""
        return self.files_dir or self.data_dir / "files"

    @classmethod
    def load(
        cls,
        config: Path | None = None,
        environ: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Settings from ``config`` (or ``$PALAIS_CONFIG``), the environment, then ``overrides``."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        path = config or (Path(env["PALAIS_CONFIG"]) if env.get("PALAIS_CONFIG") else None)
        if path is not None:
            values.update(_read_toml(path))
        for name, (variable, _help) in FIELDS.items():
            if env.get(variable):
                values[name] = env[variable]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**_typed(values))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read the configuration file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"configuration file {path} is not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise InvalidInput(
            f"configuration file {path}: unknown setting(s) {', '.join(unknown)}; "
            f"known: {', '.join(FIELDS)}"
        )
    return data


def _typed(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values from text (environment, TOML) converted to each field's type."""
    known = {f.name for f in fields(Settings)}
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            raise InvalidInput(f"unknown setting {name!r}")
        if name in ("data_dir", "files_dir"):
            out[name] = Path(str(value)).expanduser()
        elif name in _BOOLEANS:
            out[name] = _boolean(name, value)
        elif name in _INTEGERS:
            try:
                out[name] = int(value)
            except (TypeError, ValueError):
                raise InvalidInput(f"{name} must be a whole number, got {value!r}") from None
        else:
            out[name] = str(value)
    return out


def _boolean(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise InvalidInput(f"{name} must be true or false, got {value!r}")
