"""`mlplan cycle ...` and `mlplan remind ...`: what they print, write and refuse."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot import planning
from bot.store import plans as store
from bot.store.db import session_scope
from bot.store.models import Reminder
from tests.support.cli import run

YEAR = planning.default_year()
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def no_slack(monkeypatch):
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)


@pytest.mark.parametrize(
    "deadline, message",
    [
        ((TODAY - dt.timedelta(days=1)).isoformat(), "is in the past"),
        ("2026-02-30", "write it as YYYY-MM-DD"),
        ("15/12/2026", "write it as YYYY-MM-DD"),
    ],
)
def test_bad_deadlines_are_refused_with_a_clear_error(sqlite_url, capsys, deadline, message):
    code, _, err = run(capsys, "cycle", "open", YEAR, "--deadline", deadline)
    assert code == 2 and message in err and "Traceback" not in err
    assert json.loads(run(capsys, "cycle", "show", "--json")[1]) == []


def test_open_move_show_and_close(directory_db, capsys):
    first, second = TODAY + dt.timedelta(days=10), TODAY + dt.timedelta(days=12)
    code, out, _ = run(capsys, "cycle", "open", YEAR, "--deadline", first.isoformat(), "--remind-every", 3)
    assert code == 0 and "opened" in out
    code, out, _ = run(capsys, "cycle", "open", YEAR, "--deadline", second.isoformat())
    assert code == 0 and f"deadline moved from {first.isoformat()}" in out
    [shown] = json.loads(run(capsys, "cycle", "show", "--json")[1])
    assert shown == {
        "year": YEAR,
        "deadline": second.isoformat(),
        "remind_every": 3,
        "status": "open",
        "days_left": 12,
        "late": False,
        "units": {"filed": 0, "no_plan": 0, "draft": 0, "nothing": 6},
        "not_filed": ["customer-service", "finance", "logistics", "manufacturing", "marketing", "retail"],
    }
    assert run(capsys, "cycle", "close", YEAR)[0] == 0
    code, _, err = run(capsys, "remind", "--year", YEAR)
    assert code == 2 and "is closed" in err
    code, _, err = run(capsys, "remind", "--year", YEAR + 1)
    assert code == 2 and f"there is no {YEAR + 1} cycle" in err


def test_remind_json_names_each_person_and_why_and_runs_once_per_cadence(directory_db, capsys):
    with session_scope() as session:
        draft = store.create_plan(
            session,
            unit="retail",
            year=YEAR,
            owner="li.wei",
            language="zh",
            answers={"title": "门店补货", "problem": "缺货"},
        )
        store.create_plan(
            session,
            unit="finance",
            year=YEAR,
            owner="tom.baker",
            language="en",
            status="no_plan",
            no_plan_reason="budget frozen",
        )
    run(capsys, "cycle", "open", YEAR, "--deadline", (TODAY + dt.timedelta(days=5)).isoformat())

    code, out, _ = run(capsys, "remind", "--year", YEAR, "--dry-run", "--json")
    dry = json.loads(out)
    assert code == 0 and dry["dry_run"] and {r["status"] for r in dry["reminded"]} == {"would-send"}
    with session_scope() as session:
        assert session.query(Reminder).count() == 0

    code, out, _ = run(capsys, "remind", "--year", YEAR, "--json")
    first = json.loads(out)
    people = {r["person"]: r for r in first["reminded"]}
    assert set(people) == {"li.wei", "anna.smith", "zhang.min", "chen.jing", "maria.garcia"}
    assert people["li.wei"]["reason"] == "draft" and people["li.wei"]["plan_id"] == draft.id
    assert people["li.wei"]["detail"]["answered"] == 2 and people["li.wei"]["detail"]["stopped_at"] == "q_important"
    assert people["zhang.min"]["reason"] == "nothing_filed" and people["zhang.min"]["channel"] == "web"
    assert first["days_left"] == 5 and first["failed"] == 0

    code, out, _ = run(capsys, "remind", "--year", YEAR, "--json")
    second = json.loads(out)
    assert code == 0 and second["reminded"] == []
    assert {r["person"] for r in second["skipped_recently_reminded"]} == set(people)

    code, out, _ = run(capsys, "remind", "--year", YEAR)
    assert code == 0 and "skipped li.wei (retail): reminded" in out


def test_cycle_show_names_the_same_units_not_filed_as_chat_and_the_report(directory_db, capsys):
    """A unit without a lead is not expected to file: a draft of it counts as a draft, not as "not filed"."""
    from bot import cycle
    from bot.review import data as review_data

    with session_scope() as session:
        store.create_plan(session, unit="planning-office", year=YEAR, owner="wang.fang", language="zh")
        store.create_plan(session, unit="retail", year=YEAR, owner="li.wei", language="zh", status="submitted")
    run(capsys, "cycle", "open", YEAR, "--deadline", (TODAY + dt.timedelta(days=5)).isoformat())
    [shown] = json.loads(run(capsys, "cycle", "show", "--json")[1])
    assert shown["units"] == {"filed": 1, "no_plan": 0, "draft": 1, "nothing": 5}
    with session_scope() as session:
        expected = cycle.not_filed(session, YEAR)
        assert [u.key for u in review_data.build(session, YEAR).not_filed] == expected
    assert shown["not_filed"] == expected == ["customer-service", "finance", "logistics", "manufacturing", "marketing"]
