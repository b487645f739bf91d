from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.store import migrate
from bot.store.db import get_engine
from tests.support.postgres import TemporaryPostgres, binaries_available
from tests.support.store import seed_directory

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")


@pytest.fixture(scope="session")
def postgres_server():
    if not binaries_available():
        pytest.fail("PostgreSQL binaries (initdb, pg_ctl, postgres) are needed for the store tests")
    server = TemporaryPostgres()
    server.start()
    yield server
    server.stop()


def _fresh_postgres_db(server: TemporaryPostgres) -> str:
    name = "t_" + uuid.uuid4().hex[:12]
    with get_engine(server.url).connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return server.url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path: Path, monkeypatch) -> str:
    """A migrated, empty database; every store test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'mlplan.sqlite3'}"
    else:
        url = _fresh_postgres_db(request.getfixturevalue("postgres_server"))
    migrate.upgrade(url)
    monkeypatch.setenv("MLPLAN_DATABASE_URL", url)
    yield url
    get_engine(url).dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch) -> str:
    """A migrated SQLite database, for tests that are not about the store itself."""
    url = f"sqlite:///{tmp_path / 'mlplan.sqlite3'}"
    migrate.upgrade(url)
    monkeypatch.setenv("MLPLAN_DATABASE_URL", url)
    return url


@pytest.fixture
def directory_db(sqlite_url: str) -> str:
    seed_directory(sqlite_url)
    return sqlite_url
