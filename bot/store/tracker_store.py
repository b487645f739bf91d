"""The conversation trackers: Rasa's `SQLTrackerStore`, with two changes that the fault
tests showed were needed (`tests/store/test_tracker_store.py`, `tests/cluster/`).

1. **Stale pooled connections are recovered** (`pool_pre_ping`). Rasa's engine keeps
   connections open; after PostgreSQL restarts, the first query on each of them fails.
2. **A store that cannot be read is an error, not an empty conversation.** Rasa wraps
   every tracker store in a `FailSafeTrackerStore`, which answers a failed read with "no
   tracker" (the processor then starts a new, empty conversation and the form in progress
   is forgotten) and writes a failed save to a per-process in-memory store (which the next
   message, on another replica or after PostgreSQL is back, never sees). For this store the
   wrapper passes the error on instead; the Rasa server then tells the user it could not
   take the message in (`bot/server_failures.py`), and nothing half-done is kept.

Configured in an endpoints file with one URL, the same one the plan store uses in
production (`endpoints.prod.yml`), or an SQLite file for `make run` (`endpoints.yml`):

    tracker_store:
      type: bot.store.tracker_store.ConversationStore
      url: ${MLPLAN_DATABASE_URL}

Per-process pools are Rasa's own settings, `SQL_POOL_SIZE` and `SQL_MAX_OVERFLOW`
(PostgreSQL only), with the plan store's small defaults (5 and 5) instead of Rasa's 50 and 100.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, Optional

import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, create_engine_kwargs

from bot.store.db import pool_size

logger = logging.getLogger(__name__)
_MARK = "_mlplan_fail_loudly"


class ConversationStore(SQLTrackerStore):
    """`SQLTrackerStore` with `pool_pre_ping`, whose errors reach the user (see above)."""

    fail_loudly = True
    engine: Any  # set by SQLTrackerStore.__init__, replaced below

    def __init__(self, *args: Any, url: Optional[str] = None, **kwargs: Any) -> None:
        if url and not kwargs.get("host"):
            kwargs["host"] = url  # Rasa reads a whole URL given as the host
        super().__init__(*args, **kwargs)
        engine_url = self.engine.url
        self.engine.dispose()
        options = create_engine_kwargs(engine_url.render_as_string(hide_password=False))
        if "pool_size" in options:  # PostgreSQL: small pools unless SQL_POOL_SIZE / SQL_MAX_OVERFLOW say otherwise
            options.update(pool_size())
        self.engine = sa.create_engine(engine_url, pool_pre_ping=True, **options)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)


def _passing_errors_on(name: str, original):
    @functools.wraps(original)
    async def method(self: FailSafeTrackerStore, *args: Any, **kwargs: Any) -> Any:
        if getattr(self._tracker_store, "fail_loudly", False):
            return await getattr(self._tracker_store, name)(*args, **kwargs)
        return await original(self, *args, **kwargs)

    setattr(method, _MARK, True)
    return method


def install() -> None:
    """Let `ConversationStore`'s errors through Rasa's `FailSafeTrackerStore` (other stores
    keep Rasa's behaviour). Idempotent."""
    for name in ("retrieve", "retrieve_full_tracker", "save"):
        original = getattr(FailSafeTrackerStore, name)
        if not getattr(original, _MARK, False):
            setattr(FailSafeTrackerStore, name, _passing_errors_on(name, original))


install()  # Rasa imports this module when the endpoints file names the store
