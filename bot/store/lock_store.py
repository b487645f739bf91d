"""One message at a time per conversation across Rasa servers: Rasa's `RedisLockStore`,
with its ticket changes made atomic.

Rasa 3.6's store issues a ticket by reading the conversation's lock from Redis, adding a
ticket and writing the lock back, in three separate commands (so are releasing a ticket and
deleting an empty lock). Two Rasa servers that receive a message of the same conversation at
the same moment both read "no tickets", both issue ticket 0, and both handle their message at
once: the fault test `test_one_sender_two_messages_at_once_on_two_replicas` saw both answers
read against the same question and one of them lost. Here every change of a lock is one Redis
transaction (WATCH the key, read, change, MULTI/SET or DEL/EXEC, again if the key changed
meanwhile), and a lock is deleted in the same transaction that removes its last ticket.

    lock_store:
      type: bot.store.lock_store.AtomicRedisLockStore
      url: ${MLPLAN_REDIS_HOST}
      ...   # the same settings as Rasa's `type: redis`
"""

from __future__ import annotations

import json
from typing import Any, Callable, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore

MAX_ATTEMPTS = 100  # transactions retried when another server changed the lock meanwhile


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # Rasa builds a lock store named by module path this way
            kwargs = {"host": endpoint_config.url, **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _change(self, conversation_id: Text, change: Callable[[TicketLock], Any], create: bool = False) -> Any:
        import redis

        key = self.key_prefix + conversation_id
        for _ in range(MAX_ATTEMPTS):
            with self.red.pipeline() as pipe:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    if raw:
                        lock = TicketLock.from_dict(json.loads(raw))
                    elif create:
                        lock = TicketLock(conversation_id)
                    else:
                        return None
                    result = change(lock)
                    pipe.multi()
                    if lock.tickets:
                        pipe.set(key, lock.dumps())
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue
        raise LockError(f"the lock of conversation '{conversation_id}' kept changing; gave up")

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime), create=True)
        except LockError:
            raise
        except Exception as error:  # Redis unreachable: Rasa's own error type, as its store raises
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Release the ticket; the lock goes with its last ticket (same transaction)."""
        self.finish_serving(conversation_id, ticket_number)
