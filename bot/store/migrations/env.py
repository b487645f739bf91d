from __future__ import annotations

from alembic import context

from bot import settings
from bot.store.db import get_engine
from bot.store.models import metadata

config = context.config
url = config.attributes.get("url") or settings.database_url()


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Autogenerate leaves alone the tables that are not the plan store's, such as Rasa's
    `events` (the conversation trackers share the database in production)."""
    return not (type_ == "table" and reflected and compare_to is None)


def run_offline() -> None:
    context.configure(
        url=url, target_metadata=metadata, literal_binds=True, render_as_batch=True, include_object=include_object
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    with get_engine(url).connect() as connection:
        if connection.dialect.name == "sqlite":
            # batch migrations rebuild tables; SQLite must not check foreign keys meanwhile
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        context.configure(
            connection=connection, target_metadata=metadata, render_as_batch=True, include_object=include_object
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
