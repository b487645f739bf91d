"""The conversation store (bot/store/tracker_store.py) against Rasa's own SQLTrackerStore,
both inside the FailSafeTrackerStore Rasa wraps every store in: Rasa's turns a failed read
into an empty conversation (the form in progress is forgotten); ours passes the error on,
and recovers pooled connections after PostgreSQL restarts."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.store.db import get_engine
from bot.store.tracker_store import ConversationStore
from tests.support.postgres import TemporaryPostgres, binaries_available

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def mid_form(domain: Domain) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "li.wei",
        [
            ActionExecuted("action_listen"),
            UserUttered("我要写明年的机器学习计划"),
            SlotSet("language", "zh"),
            ActiveLoop("plan_form"),
            SlotSet("requested_slot", "q_important"),
            ActionExecuted("action_listen"),
        ],
        domain.slots,
    )


def assert_mid_form(tracker: DialogueStateTracker) -> None:
    assert tracker is not None
    assert (tracker.active_loop_name, tracker.get_slot("requested_slot"), tracker.get_slot("language")) == (
        "plan_form",
        "q_important",
        "zh",
    )


async def test_a_broken_store_is_an_error_not_an_empty_conversation(tmp_path, domain):
    url = f"sqlite:///{tmp_path / 'conversations.sqlite3'}"
    ours, rasas = (
        FailSafeTrackerStore(ConversationStore(domain, url=url)),
        FailSafeTrackerStore(SQLTrackerStore(domain, host=url)),
    )
    await ours.save(mid_form(domain))
    assert_mid_form(await ours.retrieve("li.wei"))
    assert_mid_form(await rasas.retrieve("li.wei"))
    with sa.create_engine(url).begin() as connection:
        connection.execute(sa.text("ALTER TABLE events RENAME TO events_elsewhere"))
    assert await rasas.retrieve("li.wei") is None  # Rasa's: a new, empty conversation
    with pytest.raises(sa.exc.OperationalError):
        await ours.retrieve("li.wei")
    with pytest.raises(sa.exc.OperationalError):
        await ours.save(mid_form(domain))


@pytest.mark.postgres
async def test_after_postgresql_restarts_the_conversation_is_read_again(domain, monkeypatch):
    if not binaries_available():
        pytest.fail("PostgreSQL binaries (initdb, pg_ctl, postgres) are needed for the store tests")
    monkeypatch.setenv("SQL_POOL_SIZE", "2")
    monkeypatch.setenv("SQL_MAX_OVERFLOW", "1")
    server = TemporaryPostgres()  # its own server: this test restarts it
    server.start()
    try:
        store = ConversationStore(domain, url=server.url)
        assert (store.engine.pool.size(), store.engine.pool._max_overflow) == (2, 1)
        plan_store = get_engine(server.url)
        assert (plan_store.pool.size(), plan_store.pool._max_overflow, plan_store.pool._pre_ping) == (2, 1, True)
        ours, rasas = FailSafeTrackerStore(store), FailSafeTrackerStore(SQLTrackerStore(domain, host=server.url))
        await ours.save(mid_form(domain))
        assert_mid_form(await rasas.retrieve("li.wei"))  # both pools now hold a connection
        assert_mid_form(await ours.retrieve("li.wei"))
        server.stop_server()
        server.start_server()
        assert await rasas.retrieve("li.wei") is None  # Rasa's: a stale connection, then an empty conversation
        assert_mid_form(await ours.retrieve("li.wei"))
        server.stop_server()
        with pytest.raises(sa.exc.OperationalError):
            await ours.retrieve("li.wei")
        server.start_server()
        assert_mid_form(await ours.retrieve("li.wei"))
    finally:
        server.stop()
