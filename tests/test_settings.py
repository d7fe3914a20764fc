"""Settings: defaults, then a TOML file, then the environment, then explicit values."""

from __future__ import annotations

from pathlib import Path

import pytest

from palais.errors import InvalidInput
from palais.settings import DEFAULT_MAX_UPLOAD_BYTES, Settings


def test_nothing_configured_means_one_sqlite_file_in_the_data_folder(tmp_path: Path) -> None:
    settings = Settings.load(environ={"PALAIS_DATA_DIR": str(tmp_path)})
    assert settings.data_dir == tmp_path
    assert settings.database_url == f"sqlite:///{tmp_path / 'palais.db'}"
    assert settings.blob_dir == tmp_path / "files"
    assert settings.max_upload_bytes == DEFAULT_MAX_UPLOAD_BYTES
    assert settings.secret_key is None


def test_the_environment_overrides_the_file_and_arguments_override_both(tmp_path: Path) -> None:
    config = tmp_path / "palais.toml"
    config.write_text(
        'database_url = "postgresql://file/palais"\nmax_upload_bytes = 1000\n'
        'secret_key = "from-file"\n',
        encoding="utf-8",
    )
    env = {"PALAIS_CONFIG": str(config), "PALAIS_DATABASE_URL": "postgresql://env/palais"}
    settings = Settings.load(environ=env, secret_key="given")
    assert settings.database_url == "postgresql://env/palais"
    assert settings.max_upload_bytes == 1000
    assert settings.secret_key == "given"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("database_url = ", "not valid TOML"),
        ("colour = 'blue'", "unknown setting"),
        ("max_upload_bytes = 'lots'", "whole number"),
        ("max_upload_bytes = 0", "positive"),
    ],
)
def test_a_bad_configuration_says_what_is_wrong(
    tmp_path: Path, content: str, message: str
) -> None:
    config = tmp_path / "palais.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        Settings.load(config, environ={})


def test_a_missing_configuration_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="cannot read"):
        Settings.load(tmp_path / "absent.toml", environ={})


def test_the_search_engine_follows_the_store_unless_chosen(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path).search == "embedded"
    assert Settings(database_url="postgresql://db/palais").search == "postgres"
    chosen = Settings.load(environ={
        "PALAIS_DATABASE_URL": "postgresql://db/palais", "PALAIS_SEARCH": "embedded",
        "PALAIS_DATA_DIR": str(tmp_path), "PALAIS_FILES_DIR": str(tmp_path / "shared"),
    })
    assert (chosen.search, chosen.blob_dir) == ("embedded", tmp_path / "shared")
    with pytest.raises(InvalidInput, match="search must be one of embedded, postgres"):
        Settings(search="solr")


def test_a_read_database_needs_a_postgresql_store(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="hot standby of a PostgreSQL store"):
        Settings(data_dir=tmp_path, read_database_url="postgresql://standby/palais")
    settings = Settings(
        database_url="postgresql://primary/palais", read_database_url="postgresql://standby/p"
    )
    assert settings.read_database_url == "postgresql://standby/p"
