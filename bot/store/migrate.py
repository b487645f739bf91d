"""Run the Alembic migrations of the plan store from code."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from bot import settings
from bot.store.db import get_engine

_INI = Path(__file__).with_name("alembic.ini")


def _config(url: str) -> Config:
    config = Config(str(_INI))
    config.attributes["url"] = url
    return config


def upgrade(url: Optional[str] = None, revision: str = "head") -> None:
    command.upgrade(_config(url or settings.database_url()), revision)


def current_revision(url: Optional[str] = None) -> Optional[str]:
    with get_engine(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> Optional[str]:
    return ScriptDirectory.from_config(_config("")).get_current_head()
