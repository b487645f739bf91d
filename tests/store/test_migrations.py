"""Migrations keep existing data, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.store import migrate
from bot.store.db import get_engine
from tests.conftest import _fresh_postgres_db


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite3'}"
    return _fresh_postgres_db(request.getfixturevalue("postgres_server"))


def test_upgrading_a_database_with_plans_keeps_them(empty_url):
    migrate.upgrade(empty_url, "0001")
    with get_engine(empty_url).begin() as conn:
        conn.execute(
            text(
                "INSERT INTO units (key, name_zh, name_en, created_at) "
                "VALUES ('retail', '零售部', 'Retail', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO people (id, name, unit_key, role, lang_explicit, created_at, updated_at) "
                "VALUES ('li.wei', '李伟', 'retail', 'lead', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO plans (unit_key, year, owner_id, status, version, language, value_branches, "
                "created_at, updated_at, title) VALUES ('retail', 2027, 'li.wei', 'draft', 1, 'zh', '[]', "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '门店补货')"
            )
        )
    migrate.upgrade(empty_url)
    assert migrate.current_revision(empty_url) == migrate.head_revision()
    with get_engine(empty_url).connect() as conn:
        assert conn.execute(text("SELECT title, skipped_fields FROM plans")).one()[0] == "门店补货"
        assert conn.execute(text("SELECT id, slack_id FROM people")).one() == ("li.wei", None)
    migrate.upgrade(empty_url)
