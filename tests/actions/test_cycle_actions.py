"""The planning cycle in chat, on real trackers and a real SQLite store: the deadline, setting
it, reminding the units, the deadline when a lead starts, resumes or lists, and decisions told."""

from __future__ import annotations

import datetime as dt

import pytest

from actions.confirmations import ActionConfirmFormDone
from actions.cycle import ActionRemindUnits, ActionSetDeadline, ActionTellDeadline
from actions.plan_flow import ActionResumePlan, ActionShowMyPlans
from actions.planning_office import ActionStartReview
from bot import cycle, cycle_text, messages, planning, reminders
from bot.store import plans as store
from bot.store.db import session_scope
from bot.store.models import Cycle, Reminder
from tests.support.forms import form_tracker, run, texts
from tests.support.trackers import make_tracker

YEAR = planning.default_year()
TODAY = dt.date.today()


def open_cycle(days: int = 5) -> cycle.CycleView:
    with session_scope() as session:
        return cycle.open_cycle(session, YEAR, TODAY + dt.timedelta(days=days), actor="wang.fang").cycle


def deadline_in(lang: str, days: int) -> str:
    with session_scope() as session:
        return cycle_text.deadline_text(cycle.get(session, YEAR), lang)


@pytest.mark.parametrize("sender, lang", [("li.wei", "zh"), ("stranger", "en"), ("wang.fang", "en")])
def test_anyone_may_ask_for_the_deadline(directory_db, dispatcher, sender, lang):
    text = "截止日期是什么时候？" if lang == "zh" else "when is the deadline?"
    run(ActionTellDeadline(), make_tracker(sender, text, "ask_deadline", slots={"language": lang}), dispatcher)
    assert texts(dispatcher) == [messages.text("deadline_none", lang, year=YEAR)]
    open_cycle(5)
    dispatcher.messages.clear()
    run(ActionTellDeadline(), make_tracker(sender, text, "ask_deadline", slots={"language": lang}), dispatcher)
    expected = messages.text("deadline_answer", lang, year=YEAR, deadline=deadline_in(lang, 5))
    assert texts(dispatcher) == [expected]
    assert ("还剩 5 天" if lang == "zh" else "5 days left") in expected


def test_the_deadline_is_said_in_each_language_and_date_format():
    view = cycle.CycleView(2027, dt.date(2026, 12, 15), 7, "open", days_left=3)
    assert cycle_text.deadline_text(view, "zh") == "2026年12月15日（周二，还剩 3 天）"
    assert cycle_text.deadline_text(view, "en") == "Tuesday 15 December 2026 (3 days left)"
    far = cycle.CycleView(2027, dt.date(2026, 12, 15), 7, "open", days_left=20)
    assert cycle_text.deadline_text(far, "en") == "Tuesday 15 December 2026"
    late = cycle.CycleView(2027, dt.date(2026, 12, 15), 7, "open", days_left=-2)
    assert cycle_text.deadline_text(late, "zh") == "2026年12月15日（周二，已过去 2 天）"


def test_the_planning_office_sets_and_moves_the_deadline_in_chat(directory_db, dispatcher):
    first = TODAY + dt.timedelta(days=20)
    said = f"把{YEAR}年的截止日期定在{first.year}年{first.month}月{first.day}日"
    run(ActionSetDeadline(), make_tracker("wang.fang", said, "set_deadline", slots={"language": "zh"}), dispatcher)
    with session_scope() as session:
        view = cycle.get(session, YEAR)
        assert view.deadline == first and view.is_open
        assert texts(dispatcher) == [
            messages.text(
                "deadline_set_created", "zh", year=YEAR, every=7, deadline=cycle_text.deadline_text(view, "zh")
            )
        ]
    second = TODAY + dt.timedelta(days=25)
    dispatcher.messages.clear()
    run(
        ActionSetDeadline(),
        make_tracker(
            "wang.fang", f"move the deadline to {second.isoformat()}", "set_deadline", slots={"language": "en"}
        ),
        dispatcher,
    )
    with session_scope() as session:
        view = cycle.get(session, YEAR)
        assert view.deadline == second
        assert texts(dispatcher) == [
            messages.text(
                "deadline_set_moved",
                "en",
                year=YEAR,
                before=cycle_text.date_text(first, "en"),
                deadline=cycle_text.deadline_text(view, "en"),
            )
        ]


@pytest.mark.parametrize(
    "said, key, past",
    [
        ("change the deadline", "deadline_set_which_date", None),
        ("set the deadline to 2020-01-01", "deadline_set_past", dt.date(2020, 1, 1)),
    ],
)
def test_a_deadline_without_a_date_or_in_the_past_is_not_set(directory_db, dispatcher, said, key, past):
    run(ActionSetDeadline(), make_tracker("wang.fang", said, "set_deadline", slots={"language": "en"}), dispatcher)
    with session_scope() as session:
        assert session.query(Cycle).count() == 0
    dates = {"date": cycle_text.date_text(past, "en"), "today": cycle_text.date_text(TODAY, "en")} if past else {}
    assert texts(dispatcher) == [messages.text(key, "en", **dates)]


@pytest.mark.parametrize(
    "action, intent, text, key",
    [
        (ActionSetDeadline, "set_deadline", "set the deadline to 15 December", "deadline_not_allowed"),
        (ActionRemindUnits, "remind_units", "提醒还没提交的部门", "remind_not_allowed"),
    ],
)
def test_a_lead_asking_to_run_the_cycle_is_refused_politely(directory_db, dispatcher, action, intent, text, key):
    open_cycle(10)
    lang = "zh" if intent == "remind_units" else "en"
    run(action(), make_tracker("li.wei", text, intent, slots={"language": lang}), dispatcher)
    assert texts(dispatcher) == [messages.text(key, lang)]
    with session_scope() as session:
        assert session.query(Reminder).count() == 0
        assert cycle.get(session, YEAR).deadline == TODAY + dt.timedelta(days=10)


def test_the_planning_office_reminds_the_units_in_chat(directory_db, dispatcher):
    run(
        ActionRemindUnits(),
        make_tracker("wang.fang", "remind the units that haven't filed", "remind_units", slots={"language": "en"}),
        dispatcher,
    )
    assert texts(dispatcher) == [messages.text("remind_no_cycle", "en", year=YEAR)]
    open_cycle(10)
    with session_scope() as session:
        store.create_plan(
            session,
            unit="finance",
            year=YEAR,
            owner="tom.baker",
            language="en",
            status="no_plan",
            no_plan_reason="budget frozen",
        )
    dispatcher.messages.clear()
    run(
        ActionRemindUnits(),
        make_tracker("wang.fang", "提醒还没提交的部门", "remind_units", slots={"language": "zh"}),
        dispatcher,
    )
    [answer] = texts(dispatcher)
    assert answer.splitlines()[0] == messages.text("remind_header", "zh", year=YEAR, deadline=deadline_in("zh", 10))
    assert "李伟（零售部）：还没有提交任何计划。提醒会在下次打开网页聊天时显示。" in answer  # no Slack in this process
    assert "Tom Baker" not in answer  # finance declared no plan
    dispatcher.messages.clear()
    run(
        ActionRemindUnits(),
        make_tracker("wang.fang", "提醒还没提交的部门", "remind_units", slots={"language": "zh"}),
        dispatcher,
    )
    assert texts(dispatcher)[0].splitlines()[1:] == [messages.text("remind_recently_all", "zh", count=5, every=7)]


def test_starting_and_resuming_name_the_deadline(directory_db, dispatcher):
    open_cycle(3)
    tracker = make_tracker(
        "li.wei",
        "是的",
        "affirm",
        slots={
            "language": "zh",
            "confirming": "start",
            "confirmation": "yes",
            "plan_year": YEAR,
            "plan_unit": "retail",
        },
    )
    run(ActionConfirmFormDone(), tracker, dispatcher)
    note = messages.text("deadline_note", "zh", year=YEAR, deadline=deadline_in("zh", 3))
    assert texts(dispatcher)[-1] == note and "还剩 3 天" in note
    with session_scope() as session:
        store.create_plan(session, unit="retail", year=YEAR, owner="li.wei", language="zh", answers={"title": "补货"})
    dispatcher.messages.clear()
    run(
        ActionResumePlan(),
        make_tracker("li.wei", "continue my plan", "resume_plan", slots={"language": "en"}),
        dispatcher,
    )
    assert texts(dispatcher)[-1] == messages.text("deadline_note", "en", year=YEAR, deadline=deadline_in("en", 3))


def test_show_my_plans_marks_a_draft_late_after_the_deadline(directory_db, dispatcher):
    open_cycle(3)
    with session_scope() as session:
        draft = store.create_plan(
            session, unit="retail", year=YEAR, owner="li.wei", language="en", answers={"title": "Shelf gaps"}
        )
        session.get(Cycle, YEAR).deadline = TODAY - dt.timedelta(days=2)  # time passes
    run(
        ActionShowMyPlans(),
        make_tracker("li.wei", "show my plans", "show_my_plans", slots={"language": "en"}),
        dispatcher,
    )
    [answer] = texts(dispatcher)
    assert f'#{draft.id} {YEAR} "Shelf gaps" — draft (late)' in answer
    assert answer.splitlines()[-1] == messages.text(
        "deadline_note_late", "en", year=YEAR, deadline=deadline_in("en", -2)
    )


def test_a_deadline_question_mid_form_is_answered_and_the_question_asked_again(directory_db, dispatcher):
    from actions.plan_form import ValidatePlanForm

    open_cycle(6)
    tracker = form_tracker(
        "li.wei",
        "截止日期是什么时候？",
        form="plan_form",
        asked="title",
        slots={"plan_year": YEAR, "plan_unit": "retail"},
        intent="ask_deadline",
        confidence=1.0,
    )
    events = run(ValidatePlanForm(), tracker, dispatcher)
    assert texts(dispatcher) == [messages.text("deadline_answer", "zh", year=YEAR, deadline=deadline_in("zh", 6))]
    assert {"event": "slot", "name": "title", "value": None, "timestamp": None} in events


def test_a_review_decision_is_told_to_the_lead(directory_db, dispatcher):
    with session_scope() as session:
        plan = store.create_plan(
            session, unit="logistics", year=YEAR, owner="zhang.min", language="zh", answers={"title": "路径优化"}
        )
        store.set_status(session, plan.id, "submitted", actor="zhang.min")
    tracker = make_tracker(
        "wang.fang",
        f"退回计划{plan.id}：请补充基线",
        "review_plan",
        slots={"language": "zh"},
        entities=[{"entity": "plan_id", "value": plan.id}],
    )
    tracker.latest_message["intent"]["confidence"] = 1.0
    run(ActionStartReview(), tracker, dispatcher)
    assert texts(dispatcher)[-1] == messages.text(
        "review_recorded",
        "zh",
        id=plan.id,
        decision="已退回修改",
        told=messages.text("review_told_web", "zh", name="张敏"),
    )
    with session_scope() as session:
        [(text, buttons)] = reminders.waiting(session, "zhang.min")
    assert text == messages.text(
        "decision.needs_work",
        "zh",
        name="张敏",
        reviewer="王芳",
        unit="物流部",
        year=YEAR,
        title="路径优化",
        id=plan.id,
        note="请补充基线",
    )
    assert buttons == [{"title": "修改这份计划", "payload": '/edit_plan{"plan_id": %d}' % plan.id}]


def test_one_decision_for_two_plans_is_recorded_for_both(directory_db, dispatcher):
    with session_scope() as session:
        ids = []
        for title in ("路径优化", "库存预测"):
            plan = store.create_plan(
                session, unit="logistics", year=YEAR, owner="zhang.min", language="zh", answers={"title": title}
            )
            store.set_status(session, plan.id, "submitted", actor="zhang.min")
            ids.append(plan.id)
    tracker = make_tracker(
        "wang.fang",
        f"#{ids[0]} 和 #{ids[1]} 我都仔细看过了，两份都批准，意见一样：同意立项，请按季度汇报试点进展",
        "review_plan",
        slots={"language": "zh"},
        entities=[{"entity": "plan_id", "value": ids[0]}],
    )
    tracker.latest_message["intent"]["confidence"] = 1.0
    run(ActionStartReview(), tracker, dispatcher)
    with session_scope() as session:
        for plan_id in ids:
            plan = store.get_plan(session, plan_id)
            assert plan.status == "approved" and "按季度汇报" in plan.reviews[-1].note
