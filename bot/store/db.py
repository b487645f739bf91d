"""Engines and sessions. Nothing connects at import time."""

from __future__ import annotations

import contextlib
import functools
import os
from typing import Iterator, Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from bot import settings


@functools.lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    if url.startswith("sqlite"):
        # A file database keeps a pool of open connections (SQLAlchemy 1.4 opens a new one, with
        # its pragmas, for every session by default: most of a short session's time).
        pool = {"poolclass": QueuePool} if _is_file(url) else {}
        engine = create_engine(url, future=True, connect_args={"check_same_thread": False, "timeout": 30}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # PostgreSQL: stale connections (after a server restart) are replaced before use, and the
    # pool is small so that several replicas fit in the server's connections (Rasa's variables).
    return create_engine(url, future=True, pool_pre_ping=True, **pool_size())


def pool_size() -> dict:
    """`SQL_POOL_SIZE` and `SQL_MAX_OVERFLOW` (Rasa's own variables), default 5 and 5."""
    return {
        "pool_size": int(os.environ.get("SQL_POOL_SIZE") or 5),
        "max_overflow": int(os.environ.get("SQL_MAX_OVERFLOW") or 5),
    }


def _is_file(url: str) -> bool:
    path = url.split("///", 1)[1] if "///" in url else ""
    return bool(path) and path != ":memory:" and "mode=memory" not in url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def get_engine(url: Optional[str] = None) -> Engine:
    return engine_for(url or settings.database_url())


@contextlib.contextmanager
def session_scope(url: Optional[str] = None) -> Iterator[Session]:
    """One unit of work: commits on success, rolls back on any error."""
    session = Session(get_engine(url), future=True, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
