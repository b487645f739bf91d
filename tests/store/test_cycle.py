"""The planning cycle and reminders against the store, on SQLite and PostgreSQL; Slack sends
go to the local fake Slack API through the channel's own client."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot import cycle, directory, plan_text, queries, reminders
from bot.directory import Identity
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.review import data as review_data
from bot.store import plans as store
from bot.store.db import session_scope
from bot.store.models import Reminder
from tests.support.fake_slack import FakeSlackAPI

TODAY = dt.date.today()  # reminders are stamped with the real clock
YEAR = TODAY.year + 1
DEADLINE = TODAY + dt.timedelta(days=16)
DEADLINE_ZH = f"{DEADLINE.year}年{DEADLINE.month}月{DEADLINE.day}日"


@pytest.fixture
def slack(monkeypatch):
    api = FakeSlackAPI().start()
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
    monkeypatch.setenv("SLACK_API_URL", api.url)
    yield api
    api.stop()


@pytest.fixture
def directory_url(db_url):
    with session_scope(db_url) as session:
        directory.import_units(session, directory.read_rows(Path("samples/units.yml")))
        directory.import_people(session, directory.read_rows(Path("samples/people.yml")))
    return db_url


def opened(url: str, remind_every: int = 7) -> None:
    with session_scope(url) as session:
        cycle.open_cycle(session, YEAR, DEADLINE, actor="wang.fang", remind_every=remind_every, on=TODAY)


def three_units(url: str) -> dict:
    """Retail: a draft 10/22 answered (li.wei, on Slack). Manufacturing: submitted. Finance: no plan.
    Logistics, Customer Service, Marketing: nothing."""
    answers = dict.fromkeys(ANSWER_FIELD_NAMES[:10], None)
    answers.update(
        title="门店补货需求预测",
        problem="缺货",
        q_important="yes",
        q_real_problem="yes",
        q_unused_data="yes",
        q_needs_ml="yes",
        q_can_do_alone="no",
        q_can_ship="unsure",
        metric="缺货率",
        baseline="人工",
    )
    with session_scope(url) as session:
        draft = store.create_plan(session, unit="retail", year=YEAR, owner="li.wei", language="zh", answers=answers)
        store.create_plan(
            session,
            unit="manufacturing",
            year=YEAR,
            owner="anna.smith",
            language="en",
            status="submitted",
            answers={"title": "Predictive maintenance"},
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
        return {"draft": draft.id}


# --- cycles -------------------------------------------------------------------------------------


def test_a_cycle_opens_moves_and_closes(db_url):
    with session_scope(db_url) as session:
        change = cycle.open_cycle(session, YEAR, DEADLINE, actor="cli", on=TODAY)
        assert change.created and change.cycle.remind_every == 7 and change.cycle.days_left == 16
        moved = cycle.open_cycle(session, YEAR, DEADLINE + dt.timedelta(days=5), actor="cli", remind_every=3, on=TODAY)
        assert not moved.created and moved.moved_from == DEADLINE and moved.cycle.remind_every == 3
        assert cycle.close_cycle(session, YEAR, actor="cli", on=TODAY).status == "closed"
        reopened = cycle.open_cycle(session, YEAR, DEADLINE + dt.timedelta(days=7), actor="cli", on=TODAY)
        assert (
            reopened.reopened and reopened.cycle.is_open and reopened.cycle.deadline == DEADLINE + dt.timedelta(days=7)
        )
        assert [c.year for c in cycle.list_cycles(session, TODAY)] == [YEAR]
        assert cycle.current(session, TODAY).year == YEAR


@pytest.mark.parametrize(
    "year, deadline, code",
    [
        (YEAR, TODAY - dt.timedelta(days=1), "deadline_past"),
        (YEAR + 4, DEADLINE, "year_outside"),
    ],
)
def test_bad_cycles_are_refused_and_nothing_is_written(db_url, year, deadline, code):
    with session_scope(db_url) as session:
        with pytest.raises(cycle.CycleError) as error:
            cycle.open_cycle(session, year, deadline, actor="cli", on=TODAY)
        assert error.value.code == code
        assert cycle.list_cycles(session) == []


def test_dates_are_read_strictly_on_the_command_line_and_freely_in_chat():
    on, day = dt.date(2026, 11, 29), dt.date(2026, 12, 15)
    assert cycle.parse_iso("2026-12-15") == day
    for bad in ("2026-13-01", "15/12/2026", "tomorrow", ""):
        with pytest.raises(cycle.CycleError, match="YYYY-MM-DD"):
            cycle.parse_iso(bad)
    for said in (
        "把截止日期定在12月15日",
        "截止日期改到2026年12月15日",
        "set the deadline to 15 December",
        "move it to Dec 15th",
        "deadline: 2026-12-15",
        "December 15, 2026",
    ):
        assert cycle.read_date(said, on) == day, said
    assert cycle.read_date("截止日期改到1月10日", on) == dt.date(2027, 1, 10)  # the next 10 January
    assert cycle.read_date("截止日期改到2月30日", on) is None
    assert cycle.year_in_request("把2027年的截止日期定在2026年12月15日", on) == 2027
    assert cycle.year_in_request("明年计划的截止日期设为2026-12-18", on) == 2027
    assert cycle.year_in_request("set the deadline to 15 December", on) is None


# --- where the units stand: one definition for chat, CLI, reminders and report ------------------------


def test_unit_states_and_the_one_not_filed(directory_url):
    ids = three_units(directory_url)
    with session_scope(directory_url) as session:
        states = {s.key: s for s in cycle.unit_states(session, YEAR, TODAY)}
        assert {k: s.state for k, s in states.items()} == {
            "retail": "draft",
            "manufacturing": "filed",
            "finance": "no_plan",
            "logistics": "nothing",
            "customer-service": "nothing",
            "marketing": "nothing",
        }
        draft = states["retail"].drafts[0]
        assert (draft.plan_id, draft.answered, draft.total, draft.stopped_at, draft.step) == (
            ids["draft"],
            10,
            22,
            "data_sources",
            2,
        )
        missing = cycle.not_filed(session, YEAR)
        assert missing == ["customer-service", "logistics", "marketing", "retail"]
        assert [u.key for u in review_data.build(session, YEAR).not_filed] == missing
        planning_office = Identity("wang.fang", "王芳", "planning-office", "planning", "zh")
        found = queries.answer(session, planning_office, queries.PlanFilter(year=YEAR, not_filed=True))
        assert found.not_filed == missing
        answer = plan_text.query_answer(session, found, "en")
        assert all(name in answer for name in ("Retail", "Logistics", "Customer Service", "Marketing"))
        assert "Finance" not in answer and "Manufacturing" not in answer


def test_late_means_a_draft_after_the_deadline(directory_url):
    three_units(directory_url)
    opened(directory_url)
    with session_scope(directory_url) as session:
        draft = store.list_plans(session, unit="retail")[0]
        assert not cycle.is_late(draft, cycle.get(session, YEAR, TODAY))
        after = cycle.get(session, YEAR, DEADLINE + dt.timedelta(days=1))
        assert after.passed and cycle.is_late(draft, after)
        assert {s.key for s in cycle.unit_states(session, YEAR, DEADLINE + dt.timedelta(days=1)) if s.late} == {
            "retail",
            "logistics",
            "customer-service",
            "marketing",
        }


# --- reminders ----------------------------------------------------------------------------------


def test_remind_needs_an_open_cycle(directory_url):
    with session_scope(directory_url) as session:
        with pytest.raises(cycle.CycleError) as error:
            reminders.remind(session, YEAR, on=TODAY)
        assert error.value.code == "no_cycle"
    opened(directory_url)
    with session_scope(directory_url) as session:
        cycle.close_cycle(session, YEAR, actor="cli")
        with pytest.raises(cycle.CycleError) as error:
            reminders.remind(session, YEAR, on=TODAY)
        assert error.value.code == "closed"


def test_remind_once_per_cadence_on_slack_and_for_the_web_chat(directory_url, slack):
    ids = three_units(directory_url)
    opened(directory_url, remind_every=7)
    with session_scope(directory_url) as session:
        dry = reminders.remind(session, YEAR, on=TODAY, dry_run=True)
    assert slack.calls == [] and {r.status for r in dry.reminded} == {"would-send"}
    with session_scope(directory_url) as session:
        assert session.query(Reminder).count() == 0

    with session_scope(directory_url) as session:
        first = reminders.remind(session, YEAR, on=TODAY)
    by_person = {r.person: r for r in first.reminded}
    assert set(by_person) == {"li.wei", "zhang.min", "chen.jing", "maria.garcia"}  # filed and no-plan units: nothing
    assert (by_person["li.wei"].channel, by_person["li.wei"].status, by_person["li.wei"].reason) == (
        "slack",
        "sent",
        "draft",
    )
    assert by_person["li.wei"].plan_id == ids["draft"] and by_person["li.wei"].detail["answered"] == 10
    assert {by_person[p].channel for p in ("zhang.min", "chen.jing", "maria.garcia")} == {"web"}
    assert {by_person[p].status for p in ("zhang.min", "chen.jing", "maria.garcia")} == {"pending-web"}
    [call] = slack.calls
    assert call["method"] == "chat.postMessage" and call["channel"] == "U01LIWEI"
    assert call["auth"] == "Bearer xoxb-test-token" and "thread_ts" not in call
    assert "门店补货需求预测" in call["text"] and "10/22" in call["text"] and DEADLINE_ZH in call["text"]
    buttons = [b for b in call["blocks"] if b["type"] == "actions"][0]["elements"]
    assert [b["value"] for b in buttons] == ["/resume_plan", '/declare_no_plan{"year": %d}' % YEAR]

    with session_scope(directory_url) as session:
        again = reminders.remind(session, YEAR, on=TODAY + dt.timedelta(days=6))
    assert again.reminded == [] and len(again.recent) == 4 and len(slack.calls) == 1

    with session_scope(directory_url) as session:
        later = reminders.remind(session, YEAR, on=TODAY + dt.timedelta(days=7))
    assert {r.person for r in later.reminded} == {"li.wei", "zhang.min", "chen.jing", "maria.garcia"}
    assert len(slack.calls) == 2
    with session_scope(directory_url) as session:  # the older web reminders were replaced, not piled up
        waiting = session.query(Reminder).filter_by(person_id="zhang.min", status="pending-web").count()
        assert waiting == 1


def test_a_failed_send_is_recorded_reported_and_retried(directory_url, slack):
    three_units(directory_url)
    opened(directory_url)
    slack.refuse["U01LIWEI"] = "channel_not_found"
    with session_scope(directory_url) as session:
        first = reminders.remind(session, YEAR, on=TODAY)
    [failed] = first.failed
    assert (failed.person, failed.status) == ("li.wei", "failed") and "channel_not_found" in failed.error
    assert first.as_dict()["failed"] == 1
    slack.refuse.clear()
    with session_scope(directory_url) as session:
        second = reminders.remind(session, YEAR, on=TODAY)  # same day: the failed one is not "within the cadence"
    assert [(r.person, r.status) for r in second.reminded] == [("li.wei", "sent")]
    assert len(slack.calls) == 2


def test_slack_down_is_a_failure_not_a_send(directory_url, monkeypatch):
    three_units(directory_url)
    opened(directory_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")  # nothing listens there
    with session_scope(directory_url) as session:
        report = reminders.remind(session, YEAR, on=TODAY)
    [failed] = report.failed
    assert failed.person == "li.wei" and "unreachable" in failed.error


def test_a_draft_without_a_lead_is_reported(directory_url):
    opened(directory_url)
    with session_scope(directory_url) as session:
        directory.add_unit(session, "legal", "法务部", "Legal")
        directory.add_person(session, "old.lead", name="Old Lead", unit="legal", role="lead")
        store.create_plan(session, unit="legal", year=YEAR, owner="old.lead", language="en")
        directory.add_person(session, "old.lead", name="Old Lead", unit=None, role="admin")  # moved on
        report = reminders.remind(session, YEAR, on=TODAY)
    [orphan] = report.unreachable
    assert orphan.unit == "legal" and orphan.owners == ["old.lead"]
    assert report.as_dict()["unreachable"][0]["unit"] == "legal"


def test_waiting_messages_are_shown_once_and_dropped_when_no_longer_true(directory_url):
    three_units(directory_url)
    opened(directory_url)
    with session_scope(directory_url) as session:
        reminders.remind(session, YEAR, on=TODAY)
        [(text, buttons)] = reminders.waiting(session, "zhang.min", TODAY)
    assert "物流部" in text and str(YEAR) in text and DEADLINE_ZH in text
    assert [b["payload"] for b in buttons] == ['/start_plan{"year": %d}' % YEAR, '/declare_no_plan{"year": %d}' % YEAR]
    with session_scope(directory_url) as session:
        assert reminders.waiting(session, "zhang.min", TODAY) == []
        store.create_plan(
            session,
            unit="marketing",
            year=YEAR,
            owner="maria.garcia",
            language="en",
            status="no_plan",
            no_plan_reason="reorganisation",
        )
        assert reminders.waiting(session, "maria.garcia", TODAY) == []  # marketing has answered since
        assert session.query(Reminder).filter_by(person_id="maria.garcia").one().status == "obsolete"


def test_a_review_decision_reaches_the_lead(directory_url, slack):
    with session_scope(directory_url) as session:
        plan = store.create_plan(
            session,
            unit="retail",
            year=YEAR,
            owner="li.wei",
            language="zh",
            status="submitted",
            answers={"title": "门店补货需求预测"},
        )
        plan = store.record_review(session, plan.id, "needs_work", "请补充基线", reviewer="wang.fang")
        [told] = reminders.tell_decision(session, plan, plan.reviews[-1])
    assert (told.person, told.channel, told.status) == ("li.wei", "slack", "sent")
    [call] = slack.calls
    assert call["channel"] == "U01LIWEI" and "请补充基线" in call["text"] and "王芳" in call["text"]
    [button] = [b for b in call["blocks"] if b["type"] == "actions"][0]["elements"]
    assert button["value"] == '/edit_plan{"plan_id": %d}' % plan.id

    with session_scope(directory_url) as session:  # a lead without Slack finds it in the web chat
        other = store.create_plan(
            session,
            unit="logistics",
            year=YEAR,
            owner="zhang.min",
            language="zh",
            status="submitted",
            answers={"title": "路径优化"},
        )
        other = store.record_review(session, other.id, "approved", "", reviewer="james.lee")
        [told] = reminders.tell_decision(session, other, other.reviews[-1])
        assert (told.channel, told.status) == ("web", "pending-web")
        [(text, buttons)] = reminders.waiting(session, "zhang.min")
    assert "James Lee" in text and "批准" in text and "（无）" in text and buttons == []
