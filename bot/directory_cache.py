"""Who a sender is, kept in memory by the servers so that a turn needs no directory query.

Entries are dropped when the directory changes: at once for a change this process made
(`forget`), and within `CHECK_SECONDS` for a change made elsewhere (`mlplan people add`,
another server), by comparing the directory's revision (how many people there are and
when one was last changed), read at most once per interval.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable, Dict, Optional, Tuple

from bot.directory import Identity

logger = logging.getLogger(__name__)
CHECK_SECONDS = 1.0
Revision = Tuple[int, Optional[str]]


def revision(session) -> Revision:
    """Changes whenever a person is added, removed or changed."""
    from sqlalchemy import func, select

    from bot.store.models import Person

    count, latest = session.execute(select(func.count(Person.id), func.max(Person.updated_at))).one()
    return int(count), None if latest is None else str(latest)


class DirectoryCache:
    """Identities by sender id for one database."""

    def __init__(
        self,
        url: Optional[str] = None,
        check_seconds: float = CHECK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url
        self.check_seconds = check_seconds
        self.clock = clock
        self._entries: Dict[str, Identity] = {}
        self._revision: Optional[Revision] = None
        self._checked_at = float("-inf")
        self._lock = threading.Lock()
        self.queries = 0  # directory queries made, for tests and benchmarks

    def lookup(self, person_id: Optional[str]) -> Identity:
        """The directory's entry for a channel's sender id (an empty identity when unknown)."""
        if not person_id:
            return Identity(person_id="")
        with self._lock:
            self._check()
            cached = self._entries.get(person_id)
        if cached is not None:
            return cached
        from bot import directory
        from bot.store.db import session_scope

        with session_scope(self.url) as session:
            identity = directory.lookup(session, person_id)
        self.queries += 1
        with self._lock:
            self._entries[person_id] = identity
        return identity

    def forget(self, person_id: Optional[str] = None) -> None:
        """Drop one person (after this process changed them), or everyone."""
        with self._lock:
            if person_id is None:
                self._entries.clear()
            else:
                self._entries.pop(person_id, None)

    def _check(self) -> None:
        now = self.clock()
        if now - self._checked_at < self.check_seconds:
            return
        from bot.store.db import session_scope

        with session_scope(self.url) as session:
            current = revision(session)
        self.queries += 1
        self._checked_at = now
        if current != self._revision:
            self._entries.clear()
            self._revision = current


_caches: Dict[str, DirectoryCache] = {}


def identities(url: Optional[str] = None) -> DirectoryCache:
    """The process's cache for the configured database (`MLPLAN_DATABASE_URL`)."""
    from bot import settings

    key = url or settings.database_url()
    cache = _caches.get(key)
    if cache is None:
        cache = _caches.setdefault(key, DirectoryCache(key))
    return cache


def lookup(person_id: Optional[str]) -> Identity:
    return identities().lookup(person_id)


def forget(person_id: Optional[str] = None) -> None:
    identities().forget(person_id)
