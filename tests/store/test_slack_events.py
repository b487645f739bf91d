"""Slack event ids are remembered in the plan store, so a retry that reaches another Rasa
server is still answered once (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from bot.channels import slack
from bot.store.db import session_scope
from bot.store.models import SlackEvent, utcnow


def test_an_event_id_is_new_once_for_every_process(db_url, monkeypatch):
    assert slack.first_delivery("Ev01")
    assert not slack.first_delivery("Ev01")  # a retry, wherever it lands: same database
    assert slack.MLPlanSlackInput._first_time("Ev02") and not slack.MLPlanSlackInput._first_time("Ev02")
    assert slack.MLPlanSlackInput._first_time(None) and slack.MLPlanSlackInput._first_time(None)


def test_old_event_ids_are_pruned(db_url, monkeypatch):
    with session_scope() as session:
        session.add(SlackEvent(event_id="EvOld", seen_at=utcnow() - dt.timedelta(days=2)))
    monkeypatch.setattr(slack, "PRUNE_EVERY", 1)
    assert slack.first_delivery("EvNew")
    with session_scope() as session:
        assert session.execute(select(SlackEvent.event_id)).scalars().all() == ["EvNew"]
        assert session.execute(select(func.count()).select_from(SlackEvent)).scalar_one() == 1
