"""The conversation lock shared by the Rasa servers (bot/store/lock_store.py) on a real
redis-server: two servers (two store instances, two threads) taking the same conversation's
lock at the same moment get tickets one after the other and never hold it together."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import threading
import time

import pytest

from bot.ports import free_port
from bot.store.lock_store import AtomicRedisLockStore


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (make cluster-deps installs Debian's)")
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path_factory.mktemp("redis")),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):  # bounded: 10 s
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(timeout=10)


def store(port: int) -> AtomicRedisLockStore:
    return AtomicRedisLockStore(host="127.0.0.1", port=port, key_prefix="test", socket_timeout=2)


def test_tickets_issued_at_once_by_two_servers_are_all_different(redis_port):
    stores, tickets, errors = [store(redis_port), store(redis_port)], [], []

    def issue(s):
        try:
            for _ in range(50):
                tickets.append(s.issue_ticket("race.tickets"))
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=issue, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and sorted(tickets) == list(range(100))
    for number in tickets:
        stores[0].cleanup("race.tickets", number)
    assert stores[0].get_lock("race.tickets") is None  # gone with its last ticket


def test_two_servers_never_hold_one_conversation_together(redis_port):
    holding, overlaps, handled, errors = [], [], [], []

    def server(s, name):
        async def messages():
            for number in range(15):
                async with s.lock("race.holders", wait_time_in_seconds=0.005):
                    if holding:
                        overlaps.append((name, number, list(holding)))
                    holding.append((name, number))
                    await asyncio.sleep(0.003)
                    holding.pop()
                    handled.append((name, number))

        try:
            asyncio.run(messages())
        except Exception as error:  # a thread's exception would otherwise only be printed
            errors.append(error)

    threads = [threading.Thread(target=server, args=(store(redis_port), name)) for name in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and not overlaps
    assert sorted(handled) == [(name, number) for name in ("a", "b") for number in range(15)]  # every message, once
    assert store(redis_port).get_lock("race.holders") is None


def test_the_endpoints_file_builds_it(redis_port):
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    built = LockStore.create(
        EndpointConfig(
            url="127.0.0.1",
            type="bot.store.lock_store.AtomicRedisLockStore",
            port=str(redis_port),
            key_prefix="mlplan",
            socket_timeout=2,
        )
    )
    assert isinstance(built, AtomicRedisLockStore) and built.key_prefix.startswith("mlplan:")
    assert built.issue_ticket("built") == 0
