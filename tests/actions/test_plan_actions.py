"""The plan actions and forms on real trackers, with a real SQLite plan store."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.confirmations import ActionAskConfirmation, ActionConfirmFormDone, ValidateConfirmForm
from actions.plan_flow import (
    ActionConfirmWithdraw,
    ActionEditPlan,
    ActionNoPlanFormDone,
    ActionResumePlan,
    ActionShowMyPlans,
    ActionStartNoPlan,
    ActionStartPlan,
    ValidateNoPlanForm,
    no_plan_payload,
)
from actions.plan_form import ASK_ACTIONS, ActionPlanFormDone, ValidatePlanForm
from bot import directory, messages, planning
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.store import plans as store
from bot.store.db import session_scope
from tests.support.forms import activation_tracker, followup, form_tracker, run, settled, slots_of, texts
from tests.support.store import stored
from tests.support.trackers import make_tracker

FULL = dict(
    title="门店补货需求预测",
    problem="缺货导致销售损失，慢销品又订多了",
    q_important="yes",
    q_real_problem="yes",
    q_unused_data="yes",
    q_needs_ml="yes",
    q_can_do_alone="unsure",
    q_can_ship="yes",
    metric="缺货率下降 20%",
    baseline="店长手工订货",
    data_sources="POS 和库存系统",
    data_location="siloed",
    data_quality="mixed",
    domain_experts="门店经理 3 人",
    technical_experts="数据科学家 2 人",
    skill_gaps="缺少 MLOps",
    pilot_team="yes",
    executive_sponsor="王总",
    failure_tolerance="budgeted",
    scaling_path="platform",
    value_branches=["revenue", "time_saved"],
    value_notes="收入 +2%，每周省 10 小时",
)
YEAR = planning.default_year()


def answered_before(field):
    """The answers of every question before `field`, as when the form has reached it."""
    names = list(ANSWER_FIELD_NAMES)
    return {name: FULL[name] for name in names[: names.index(field)]} if field in names else {}


def answer(
    dispatcher, field, text, *, sender="li.wei", slots=None, intent="inform", confidence=0.95, lang="zh", at=None
):
    """Say `text` while `field` is asked, the form having reached question `at` (default: `field`)."""
    tracker = form_tracker(
        sender,
        text,
        form="plan_form",
        asked=field,
        intent=intent,
        confidence=confidence,
        slots={"language": lang, "plan_year": YEAR, **answered_before(at or field), **(slots or {})},
    )
    return slots_of(run(ValidatePlanForm(), tracker, dispatcher))


def draft(answers=None, status="draft", unit="retail", owner="li.wei"):
    with session_scope() as session:
        return store.create_plan(
            session, unit=unit, year=YEAR, owner=owner, language="zh", status=status, answers=answers or {}
        ).id


# --- starting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sender, key",
    [("visitor", "plan_not_registered"), ("zhao.lei", "plan_no_unit"), ("wang.fang", "plan_not_a_lead")],
)
def test_only_leads_with_a_unit_may_start(directory_db, dispatcher, sender, key):
    events = ActionStartPlan().run(
        dispatcher, make_tracker(sender, "start", "start_plan", slots={"language": "en"}), {}
    )
    assert settled(events) == []
    assert texts(dispatcher) == [messages.text(key, "en", role=messages.text("role.planning", "en"))]


def test_a_lead_is_asked_to_confirm_unit_and_year(directory_db, dispatcher):
    tracker = make_tracker("li.wei", "我要写明年的机器学习计划", "start_plan", slots={"language": "zh"})
    events = ActionStartPlan().run(dispatcher, tracker, {})
    slots = slots_of(events)
    assert (slots["plan_unit"], slots["plan_year"], slots["confirming"]) == ("retail", YEAR, "start")
    assert followup(events) == "confirm_form"
    asked = CollectingDispatcher()
    ActionAskConfirmation().run(asked, make_tracker("li.wei", slots={"language": "zh", **slots}), {})
    assert "零售部" in texts(asked)[0] and str(YEAR) in texts(asked)[0]
    assert [b["payload"] for b in asked.messages[0]["buttons"]] == ["/affirm", "/deny"]


@pytest.mark.parametrize(
    "text, confirming, year",
    [
        ("对的", "start", YEAR),
        ("不对，是2028年的", "start", 2028),
        (
            f"Unit is correct. Year is not — for {YEAR} our budget is already closed, this plan is for {YEAR + 1}.",
            "start",
            YEAR + 1,
        ),
        ("不是", "start_year", YEAR),
        ("So yes, let's start one. I should warn you it isn't for the coming year though.", "start_year", YEAR),
        ("对，不过不是明年的", "start_year", YEAR),
    ],
)
def test_the_start_confirmation_reads_yes_no_and_a_year(directory_db, dispatcher, text, confirming, year):
    tracker = form_tracker(
        "li.wei",
        text,
        form="confirm_form",
        asked="confirmation",
        slots={"confirming": "start", "plan_year": YEAR, "plan_unit": "retail"},
    )
    slots = slots_of(run(ValidateConfirmForm(), tracker, dispatcher))
    assert slots.get("confirming", "start") == confirming and slots.get("plan_year", YEAR) == year
    assert slots["requested_slot"] == (None if confirming == "start" else "confirmation")


@pytest.mark.parametrize(
    "text, year",
    [
        ("对的，就是生产部明年的", YEAR),
        ("yes, for next year", YEAR),
        ("不是明年的", YEAR + 1),
        ("Unit is correct, but the year is wrong. This plan is for 2026, not for next year.", YEAR - 1),
    ],
)
def test_a_yes_that_names_a_relative_year_takes_that_year(directory_db, dispatcher, text, year):
    """Proposed for the year after next, "对的，就是…明年的" means next year; "不是明年的" does not."""
    tracker = form_tracker(
        "li.wei",
        text,
        form="confirm_form",
        asked="confirmation",
        slots={"confirming": "start", "plan_year": YEAR + 1, "plan_unit": "retail"},
    )
    slots = slots_of(run(ValidateConfirmForm(), tracker, dispatcher))
    assert slots.get("plan_year", YEAR + 1) == year


def test_a_year_outside_the_cycle_is_refused(directory_db, dispatcher):
    tracker = form_tracker(
        "li.wei",
        "2035",
        form="confirm_form",
        asked="confirmation",
        slots={"confirming": "start_year", "plan_year": YEAR, "language": "en"},
    )
    slots = slots_of(run(ValidateConfirmForm(), tracker, dispatcher))
    assert slots["confirmation"] is None and slots["requested_slot"] == "confirmation"
    first, last = planning.allowed_years()
    assert texts(dispatcher) == [messages.text("plan_bad_year", "en", first=first, last=last)]


def test_confirmed_start_opens_the_plan_form_and_an_existing_draft_is_continued(directory_db, dispatcher):
    done = ActionConfirmFormDone().run(
        dispatcher,
        make_tracker(
            "li.wei", "yes", slots={"language": "en", "confirming": "start", "confirmation": "yes", "plan_year": YEAR}
        ),
        {},
    )
    assert followup(done) == "plan_form" and "22" in texts(dispatcher)[0]
    plan_id = draft({"title": "门店补货"})
    again = CollectingDispatcher()
    events = ActionStartPlan().run(again, make_tracker("li.wei", "start", "start_plan", slots={"language": "zh"}), {})
    assert followup(events) == "plan_form" and slots_of(events)["plan_draft_id"] == plan_id
    assert slots_of(events)["title"] == "门店补货" and f"#{plan_id}" in texts(again)[0]


@pytest.mark.parametrize(
    "confirming, exit_kind, action",
    [("start", "no_plan", "action_start_no_plan"), ("submit", "withdraw", "action_confirm_withdraw")],
)
def test_a_confirmation_left_for_a_no_plan_or_a_withdrawal_goes_there(
    directory_db, dispatcher, confirming, exit_kind, action
):
    """ "ok. then I'd like to declare that procurement has no ML plan next year", said when asked to start."""
    done = ActionConfirmFormDone().run(
        dispatcher,
        make_tracker(
            "li.wei", slots={"language": "en", "confirming": confirming, "confirmation": None, "form_exit": exit_kind}
        ),
        {},
    )
    assert followup(done) == action and not texts(dispatcher)
    assert slots_of(done)["confirming"] is None and slots_of(done)["form_exit"] is None


# --- answering ------------------------------------------------------------------------------------


def test_each_answer_is_saved_to_the_draft_at_once(directory_db, dispatcher):
    slots = answer(dispatcher, "title", "门店补货需求预测")
    plan_id = slots["plan_draft_id"]
    assert stored(plan_id)["title"] == "门店补货需求预测" and stored(plan_id)["status"] == "draft"
    assert slots["requested_slot"] == "problem"
    slots = answer(
        dispatcher,
        "q_unused_data",
        "有，车辆GPS轨迹数据一直没用起来",
        slots={"plan_draft_id": plan_id, "plan_draft_version": slots["plan_draft_version"], "title": "x"},
    )
    assert slots["q_unused_data"] == "yes" and stored(plan_id)["q_unused_data"] == "yes"


def test_button_choices_fill_choice_fields(directory_db, dispatcher):
    slots = answer(dispatcher, "data_quality", '/inform{"choice": "poor"}')
    assert slots["data_quality"] == "poor" and stored(slots["plan_draft_id"])["data_quality"] == "poor"


@pytest.mark.parametrize("text", ["跳过", "/skip", "不确定", "不知道，先空着"])
def test_skip_stores_unknown(directory_db, dispatcher, text):
    slots = answer(dispatcher, "data_sources", text)
    plan = stored(slots["plan_draft_id"])
    assert slots["data_sources"] == planning.SKIPPED and plan["data_sources"] is None
    slots = answer(CollectingDispatcher(), "data_location", text)
    assert stored(slots["plan_draft_id"])["data_location"] == "unknown"


def test_an_faq_question_mid_form_is_answered_and_the_question_asked_again(directory_db, dispatcher):
    slots = answer(dispatcher, "data_location", "什么是数据湖？", intent="ask_faq")
    assert slots["data_location"] is None and slots["requested_slot"] == "data_location"
    assert slots["reask"] == "back" and "plan_draft_id" not in slots
    assert "数据湖" in texts(dispatcher)[0]


@pytest.mark.parametrize(
    "field, text", [("baseline", "这个什么意思？"), ("q_can_ship", "what do you mean?"), ("metric", "举个例子")]
)
def test_a_question_about_the_question_is_explained(directory_db, dispatcher, field, text):
    lang = "en" if text.isascii() else "zh"
    slots = answer(dispatcher, field, text, lang=lang)
    assert slots[field] is None and slots["requested_slot"] == field and slots["reask"] == "back"
    assert texts(dispatcher) == [messages.text(f"explain.{field}", lang) + "\n" + messages.text(f"why.{field}", lang)]


def test_an_unclear_answer_gets_every_option_skip_and_pause_and_is_never_asked_a_third_time(directory_db, dispatcher):
    first = answer(dispatcher, "q_important", "banana")
    assert first["failed_tries"] == 1 and first["reask"] == "again" and first["requested_slot"] == "q_important"
    assert texts(dispatcher) == [messages.text("plan_invalid_yes_no", "zh")]
    asked = CollectingDispatcher()
    ASK_ACTIONS[2]().run(asked, make_tracker("li.wei", slots={"language": "en", "reask": "again"}), {})
    payloads = [b["payload"] for b in asked.messages[0]["buttons"]]
    assert payloads[-2:] == ["/skip", "/cancel"] and '/inform{"choice": "yes"}' in payloads
    second = answer(again := CollectingDispatcher(), "q_important", "banana", slots={"failed_tries": 1})
    assert second["q_important"] == "unsure" and second["requested_slot"] == "q_real_problem"
    assert stored(second["plan_draft_id"])["q_important"] == "unsure" and "不确定" in texts(again)[0]


@pytest.mark.parametrize("text", ["<script>alert(1)</script> triage", "'; DROP TABLE plans; --", "客服通话智能质检"])
def test_any_title_is_stored_as_plain_text_whatever_the_intent(directory_db, dispatcher, text):
    slots = answer(dispatcher, "title", text, intent="change_language", confidence=0.99)
    assert stored(slots["plan_draft_id"])["title"] == text


def test_a_concurrent_edit_reloads_instead_of_overwriting(directory_db, dispatcher):
    plan_id = draft({"title": "A"})
    with session_scope() as session:
        store.update_answers(session, plan_id, {"title": "changed elsewhere"}, actor="li.wei")
    slots = answer(dispatcher, "problem", "库存积压", slots={"plan_draft_id": plan_id, "plan_draft_version": 1})
    assert slots["title"] == "changed elsewhere" and stored(plan_id)["problem"] is None
    assert "第 2 版" in texts(dispatcher)[0]


def test_answers_loaded_from_the_store_are_not_read_again(directory_db, dispatcher):
    events = run(
        ValidatePlanForm(),
        activation_tracker("li.wei", form="plan_form", slots={"title": "t", "problem": "p"}),
        dispatcher,
    )
    assert slots_of(events) == {"requested_slot": "q_important"} and texts(dispatcher) == []


def test_answers_given_in_passing_fill_later_questions_but_never_overwrite(directory_db, dispatcher):
    slots = answer(dispatcher, "data_sources", "WMS 拣货日志和库位表，数据都在数据湖里，质量还可以")
    assert (slots["data_location"], slots["data_quality"]) == ("central", "mixed")
    assert slots["requested_slot"] == "domain_experts"
    kept = answer(CollectingDispatcher(), "data_sources", "POS，数据都在数据湖里", slots={"data_location": "siloed"})
    assert "data_location" not in kept


def test_ask_actions_give_the_reason_and_buttons(dispatcher):
    ask = next(a for a in ASK_ACTIONS if a().name() == "action_ask_data_quality")()
    ask.run(dispatcher, make_tracker("li.wei", slots={"language": "en"}), {})
    text = texts(dispatcher)[0]
    assert messages.text("ask.data_quality", "en") in text and messages.text("why.data_quality", "en") in text
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]][-1] == "/skip"


# --- leaving and coming back ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [("算了，不填了", "pause"), ("I'll finish later", "pause"), ("bye", "leave"), ("今天先到这，回头再填", "pause")],
)
def test_the_way_out_works_at_every_question(directory_db, dispatcher, text, kind):
    plan_id = draft({"title": "A"})
    for field in ("title", "q_needs_ml", "data_quality", "value_branches"):
        slots = answer(CollectingDispatcher(), field, text, slots={"plan_draft_id": plan_id, "plan_draft_version": 1})
        assert slots["form_exit"] == kind and slots["requested_slot"] is None and slots[field] is None
    done = ActionPlanFormDone().run(
        dispatcher, make_tracker("li.wei", slots={"language": "zh", "form_exit": kind, "plan_draft_id": plan_id}), {}
    )
    assert slots_of(done)["form_exit"] is None and f"#{plan_id}" in texts(dispatcher)[0]
    assert stored(plan_id)["title"] == "A"


def test_resume_loads_the_draft_from_the_store(directory_db, dispatcher):
    plan_id = draft({"title": "门店补货", "q_important": "yes"})
    events = ActionResumePlan().run(
        dispatcher, make_tracker("li.wei", "继续我的计划", "resume_plan", slots={"language": "zh"}), {}
    )
    slots = slots_of(events)
    assert followup(events) == "plan_form" and slots["plan_draft_id"] == plan_id and slots["q_important"] == "yes"
    assert "2/22" in texts(dispatcher)[0]


def test_resume_without_a_draft_or_a_plan_starts_one(directory_db, dispatcher):
    events = ActionResumePlan().run(
        dispatcher, make_tracker("li.wei", "继续", "resume_plan", slots={"language": "zh"}), {}
    )
    assert followup(events) == "action_start_plan"
    assert texts(dispatcher) == [messages.text("plan_no_draft_starting", "zh")]


def test_resume_without_a_draft_but_with_a_filed_plan_starts_nothing(directory_db, dispatcher):
    draft({"title": "门店补货"}, status="submitted")
    events = ActionResumePlan().run(
        dispatcher, make_tracker("li.wei", "继续", "resume_plan", slots={"language": "zh"}), {}
    )
    assert settled(events) == [] and texts(dispatcher) == [messages.text("plan_no_draft", "zh")]


def test_switching_language_mid_form_is_remembered_and_the_question_asked_again(directory_db, dispatcher):
    slots = answer(dispatcher, "metric", "can we do this in English?", lang="en")
    assert slots["metric"] is None and slots["requested_slot"] == "metric" and slots["reask"] == "back"
    with session_scope() as session:
        assert directory.lookup(session, "li.wei").lang == "en"


# --- the summary, submitting, changing an answer ----------------------------------------------------------


def test_a_complete_form_shows_the_summary_and_asks_to_submit(directory_db, dispatcher):
    plan_id = draft(FULL)
    events = ActionPlanFormDone().run(
        dispatcher,
        make_tracker(
            "li.wei",
            slots={"language": "zh", **FULL, "plan_draft_id": plan_id, "plan_unit": "retail", "plan_year": YEAR},
        ),
        {},
    )
    assert followup(events) == "confirm_form" and slots_of(events)["confirming"] == "submit"
    assert "准备度评估" in texts(dispatcher)[0]


@pytest.mark.parametrize("text", ["yes, submit it", "提交吧", "/affirm", "looks good, send it"])
def test_submit_on_a_yes_said_any_way(directory_db, dispatcher, text):
    plan_id = draft(FULL)
    tracker = form_tracker(
        "li.wei",
        text,
        form="confirm_form",
        asked="confirmation",
        slots={"confirming": "submit", "plan_draft_id": plan_id},
        intent="affirm",
    )
    slots = slots_of(run(ValidateConfirmForm(), tracker, dispatcher))
    assert slots["confirmation"] == "yes" and slots["requested_slot"] is None
    done = CollectingDispatcher()
    ActionConfirmFormDone().run(
        done,
        make_tracker(
            "li.wei", slots={"language": "zh", "confirming": "submit", "confirmation": "yes", "plan_draft_id": plan_id}
        ),
        {},
    )
    assert stored(plan_id)["status"] == "submitted" and stored(plan_id)["assessment"]["readiness"] > 0
    assert f"#{plan_id}" in texts(done)[0]


def test_later_keeps_the_draft(directory_db, dispatcher):
    plan_id = draft(FULL)
    ActionConfirmFormDone().run(
        dispatcher,
        make_tracker(
            "li.wei", slots={"language": "en", "confirming": "submit", "confirmation": "no", "plan_draft_id": plan_id}
        ),
        {},
    )
    assert stored(plan_id)["status"] == "draft" and texts(dispatcher) == [
        messages.text("submit_left", "en", id=plan_id)
    ]


def test_a_change_with_its_new_value_is_saved_and_the_pending_question_asked_again(directory_db, dispatcher):
    plan_id = draft({"title": "A", "executive_sponsor": "王总"})
    slots = answer(
        dispatcher,
        "q_real_problem",
        "wait, change the sponsor to Dana Wu",
        lang="en",
        slots={"plan_draft_id": plan_id, "plan_draft_version": 1, "title": "A", "executive_sponsor": "王总"},
    )
    assert stored(plan_id)["executive_sponsor"] == "Dana Wu" and slots["requested_slot"] == "q_real_problem"
    assert "Dana Wu" in texts(dispatcher)[0]


def test_a_change_without_a_value_asks_that_question_then_returns(directory_db, dispatcher):
    plan_id = draft({"title": "A", "executive_sponsor": "王总"})
    base = {"plan_draft_id": plan_id, "plan_draft_version": 1, "title": "A", "executive_sponsor": "王总"}
    slots = answer(dispatcher, "q_real_problem", "wait, change the sponsor", lang="en", slots=base)
    assert slots["plan_editing"] == "executive_sponsor" and slots["executive_sponsor"] is None
    assert slots["requested_slot"] == "executive_sponsor"
    assert messages.text("field.executive_sponsor", "en") in texts(dispatcher)[0]
    slots = answer(
        CollectingDispatcher(),
        "executive_sponsor",
        "Priya Nair",
        lang="en",
        at="q_real_problem",
        slots={**base, "executive_sponsor": None, "plan_editing": "executive_sponsor"},
    )
    assert stored(plan_id)["executive_sponsor"] == "Priya Nair"
    assert slots["plan_editing"] is None and slots["requested_slot"] == "q_real_problem"


def test_editing_a_submitted_plan_makes_a_new_version(directory_db, dispatcher):
    plan_id = draft(FULL, status="submitted")
    events = ActionEditPlan().run(
        dispatcher,
        make_tracker(
            "li.wei",
            "修改发起人",
            "edit_plan",
            slots={"language": "zh"},
            entities=[{"entity": "plan_field", "value": "executive_sponsor"}],
        ),
        {},
    )
    slots = slots_of(events)
    assert followup(events) == "plan_form" and slots["plan_editing"] == "executive_sponsor"
    assert slots["executive_sponsor"] is None and slots["plan_draft_id"] == plan_id
    assert "王总" in texts(dispatcher)[0]


def test_a_filed_plan_with_an_empty_answer_is_not_walked_through_again(directory_db, dispatcher):
    """Only the answer asked for is changed; the empty ones of a filed plan stay empty, not asked."""
    plan_id = draft({"title": "Room upgrade offers"}, status="submitted")
    events = ActionEditPlan().run(
        dispatcher,
        make_tracker(
            "li.wei",
            f"I need to update the sponsor on plan #{plan_id}",
            "edit_plan",
            slots={"language": "en"},
            entities=[{"entity": "plan_field", "value": "executive_sponsor"}],
        ),
        {},
    )
    slots = slots_of(events)
    assert slots["plan_editing"] == "executive_sponsor" and slots["executive_sponsor"] is None
    assert slots["problem"] == planning.SKIPPED and slots["title"] == "Room upgrade offers"
    slots.pop("requested_slot", None)
    after = answer(CollectingDispatcher(), "executive_sponsor", "Laura Benedetti", lang="en", slots=slots)
    assert after["requested_slot"] is None and stored(plan_id)["executive_sponsor"] == "Laura Benedetti"
    summary = CollectingDispatcher()
    done = ActionPlanFormDone().run(
        summary, make_tracker("li.wei", slots={**slots, **after, "value_branches": [planning.SKIPPED]}), {}
    )
    assert followup(done) == "confirm_form" and "Room upgrade offers" in texts(summary)[0]


def test_edit_without_a_field_asks_which(directory_db, dispatcher):
    plan_id = draft(FULL)
    events = ActionEditPlan().run(
        dispatcher, make_tracker("li.wei", "我想改一下", "edit_plan", slots={"language": "zh"}), {}
    )
    assert slots_of(events)["plan_editing"] == "?"
    slots = answer(
        CollectingDispatcher(), "edit_field", "数据质量", slots={**FULL, "plan_draft_id": plan_id, "plan_editing": "?"}
    )
    assert slots["plan_editing"] == "data_quality" and slots["requested_slot"] == "data_quality"


def test_a_lead_cannot_edit_another_units_plan(directory_db, dispatcher):
    plan_id = draft(FULL, unit="manufacturing", owner="anna.smith")
    events = ActionEditPlan().run(
        dispatcher,
        make_tracker(
            "li.wei",
            f"修改计划 {plan_id}",
            "edit_plan",
            slots={"language": "zh"},
            entities=[{"entity": "plan_id", "value": plan_id}],
        ),
        {},
    )
    assert settled(events) == [] and texts(dispatcher) == [messages.text("edit_not_allowed", "zh", id=plan_id)]


# --- withdrawing, no plan, my plans --------------------------------------------------------------------


def test_withdraw_asks_first_then_withdraws(directory_db, dispatcher):
    plan_id = draft(FULL, status="submitted")
    events = ActionConfirmWithdraw().run(
        dispatcher, make_tracker("li.wei", "撤回我们的计划", "withdraw_plan", slots={"language": "zh"}), {}
    )
    assert slots_of(events)["withdraw_candidate"] == plan_id and followup(events) == "confirm_form"
    ActionConfirmFormDone().run(
        dispatcher,
        make_tracker(
            "li.wei",
            slots={"language": "zh", "confirming": "withdraw", "confirmation": "yes", "withdraw_candidate": plan_id},
        ),
        {},
    )
    assert stored(plan_id)["status"] == "withdrawn"


def test_another_lead_cannot_withdraw(directory_db, dispatcher):
    plan_id = draft(FULL, status="submitted", unit="manufacturing", owner="anna.smith")
    events = ActionConfirmWithdraw().run(
        dispatcher,
        make_tracker(
            "li.wei",
            f"撤回计划 {plan_id}",
            "withdraw_plan",
            slots={"language": "zh"},
            entities=[{"entity": "plan_id", "value": plan_id}],
        ),
        {},
    )
    assert settled(events) == [] and stored(plan_id)["status"] == "submitted"


def test_no_plan_with_its_reason_in_one_message_is_recorded_at_once(directory_db, dispatcher):
    events = ActionStartNoPlan().run(
        dispatcher,
        make_tracker(
            "li.wei",
            "我们部门明年不做机器学习计划了，主要精力要放在系统迁移上",
            "declare_no_plan",
            slots={"language": "zh"},
        ),
        {},
    )
    assert settled(events) == []
    with session_scope() as session:
        record = store.list_plans(session, unit="retail")[0]
    assert record.status == "no_plan" and record.no_plan_reason == "主要精力要放在系统迁移上"


def test_declaring_no_plan_asks_for_the_reason_and_records_it(directory_db, dispatcher):
    events = ActionStartNoPlan().run(
        dispatcher, make_tracker("li.wei", "我们今年没有机器学习计划", "declare_no_plan", slots={"language": "zh"}), {}
    )
    assert followup(events) == "no_plan_form"
    tracker = form_tracker("li.wei", "预算被砍了", form="no_plan_form", asked="no_plan_reason")
    assert slots_of(run(ValidateNoPlanForm(), tracker, dispatcher))["no_plan_reason"] == "预算被砍了"
    ActionNoPlanFormDone().run(
        dispatcher,
        make_tracker("li.wei", slots={"language": "zh", "no_plan_reason": "预算被砍了", "plan_year": YEAR}),
        {},
    )
    with session_scope() as session:
        assert store.list_plans(session, unit="retail")[0].no_plan_reason == "预算被砍了"


@pytest.mark.parametrize("text, intent", [("算了", "deny"), ("never mind", "cancel"), ("取消", "cancel")])
def test_backing_out_of_no_plan_records_nothing(directory_db, dispatcher, text, intent):
    tracker = form_tracker("li.wei", text, form="no_plan_form", asked="no_plan_reason", intent=intent)
    slots = slots_of(run(ValidateNoPlanForm(), tracker, dispatcher))
    assert slots["form_exit"] == "pause" and slots["no_plan_reason"] is None
    ActionNoPlanFormDone().run(dispatcher, make_tracker("li.wei", slots={"language": "zh", "form_exit": "pause"}), {})
    with session_scope() as session:
        assert store.list_plans(session, unit="retail") == []


def test_saying_no_plan_again_is_not_a_reason(directory_db, dispatcher):
    tracker = form_tracker(
        "li.wei",
        "那我们就报没有计划吧",
        form="no_plan_form",
        asked="no_plan_reason",
        intent="declare_no_plan",
        confidence=0.97,
    )
    slots = slots_of(run(ValidateNoPlanForm(), tracker, dispatcher))
    assert slots["no_plan_reason"] is None and slots["requested_slot"] == "no_plan_reason"


@pytest.mark.parametrize(
    "text, problem",
    [("没得就是没得噻", "no_plan_not_a_reason"), ("It is a management decision.", "no_plan_how_not_why")],
)
def test_an_answer_that_gives_no_reason_is_asked_again(directory_db, dispatcher, text, problem):
    tracker = form_tracker("li.wei", text, form="no_plan_form", asked="no_plan_reason", slots={"language": "zh"})
    slots = slots_of(run(ValidateNoPlanForm(), tracker, dispatcher))
    assert slots["no_plan_reason"] is None and slots["requested_slot"] == "no_plan_reason"
    assert texts(dispatcher)[0] == messages.text(problem, "zh")


def test_filing_a_plan_after_all_at_the_reason_records_nothing_and_starts_it(directory_db, dispatcher):
    text = (
        "欸等等，我剛問了一下主管，我們其實有在討論用模型來分配廣告投放預算耶。那還是報一個好了，幫我開一份明年的計畫"
    )
    tracker = form_tracker("li.wei", text, form="no_plan_form", asked="no_plan_reason")
    slots = slots_of(run(ValidateNoPlanForm(), tracker, dispatcher))
    assert slots["form_exit"] == "start_plan" and slots["no_plan_reason"] is None
    events = ActionNoPlanFormDone().run(
        dispatcher, make_tracker("li.wei", slots={"language": "zh", "form_exit": "start_plan"}), {}
    )
    assert followup(events) == "action_start_plan"
    with session_scope() as session:
        assert store.list_plans(session, unit="retail") == []
    later = "We are busy with the migration until December. We intend to prepare a plan in the following cycle."
    tracker = form_tracker("li.wei", later, form="no_plan_form", asked="no_plan_reason")
    assert slots_of(run(ValidateNoPlanForm(), tracker, CollectingDispatcher()))["no_plan_reason"] == later


@pytest.mark.parametrize(
    "lang, question",
    [("en", "do we really have to submit an ML plan every year?"), ("zh", "我们采购部明年是不是必须交机器学习计划？")],
)
def test_a_question_about_the_rule_is_answered_never_recorded(directory_db, dispatcher, lang, question):
    events = ActionStartNoPlan().run(
        dispatcher, make_tracker("li.wei", question, "declare_no_plan", slots={"language": lang}), {}
    )
    assert followup(events) is None
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == no_plan_payload(YEAR)
    with session_scope() as session:
        assert store.list_plans(session, unit="retail") == []


@pytest.mark.parametrize(
    "lang, said",
    [
        ("zh", "哎你好，问一下，我们零售部明年不打算整机器学习，这咋报？"),
        ("en", "We are not doing any ML next year, do I need to file something?"),
    ],
)
def test_a_no_plan_declared_with_a_question_is_answered_and_its_reason_asked(directory_db, dispatcher, lang, said):
    events = ActionStartNoPlan().run(
        dispatcher, make_tracker("li.wei", said, "declare_no_plan", slots={"language": lang}), {}
    )
    assert followup(events) == "no_plan_form" and slots_of(events)["plan_unit"] == "retail"
    assert texts(dispatcher) and not any(m.get("buttons") for m in dispatcher.messages[1:])
    with session_scope() as session:
        assert store.list_plans(session, unit="retail") == []


def test_my_plans_show_status_and_readiness(directory_db, dispatcher):
    plan_id = draft(FULL, status="submitted")
    ActionShowMyPlans().run(
        dispatcher, make_tracker("li.wei", "我们部门的计划", "show_my_plans", slots={"language": "zh"}), {}
    )
    assert f"#{plan_id}" in texts(dispatcher)[0] and "门店补货需求预测" in texts(dispatcher)[0]


def test_every_plan_question_has_an_ask_action_and_an_explanation():
    assert sorted(a().name() for a in ASK_ACTIONS) == sorted(f"action_ask_{f}" for f in ANSWER_FIELD_NAMES)
    for field in ANSWER_FIELD_NAMES:
        assert messages.text(f"explain.{field}", "zh") and messages.text(f"explain.{field}", "en")


@pytest.mark.parametrize(
    "text, intent, lang",
    [("两个店长和一个采购", "nlu_fallback", "zh"), ("must succeed, budget is tight this year", "ask_faq", "en")],
)
def test_an_answer_typed_after_a_restart_points_back_to_the_stored_draft(directory_db, dispatcher, text, intent, lang):
    from actions.faq import ActionAnswerFaq
    from bot import messages

    plan_id = draft({"title": "门店补货"})
    ActionAnswerFaq().run(dispatcher, make_tracker("li.wei", text, intent, slots={"language": lang}), {})
    assert texts(dispatcher)[0] == messages.text("please_rephrase_draft", lang, id=plan_id)


# --- a draft that may no longer be changed ----------------------------------------------------------------


@pytest.mark.parametrize("status, unit", [("withdrawn", "retail"), ("draft", "claims")])
def test_an_answer_to_a_draft_the_lead_may_no_longer_change_is_refused(directory_db, dispatcher, status, unit):
    plan_id = draft(answers={"title": "门店补货"}, status=status, unit=unit)
    with session_scope() as session:
        version = store.get_plan(session, plan_id).version
    slots = answer(dispatcher, "problem", "缺货太多", slots={"plan_draft_id": plan_id, "plan_draft_version": version})
    assert slots == {"form_exit": "refused", "problem": None, "requested_slot": None}
    assert [m["text"] for m in dispatcher.messages] == [messages.text("edit_not_allowed", "zh", id=plan_id)]
    with session_scope() as session:
        assert store.get_plan(session, plan_id).problem is None


def test_the_plan_form_ends_without_a_summary_after_a_refusal(directory_db, dispatcher):
    tracker = make_tracker("li.wei", "缺货太多", "inform", slots={"form_exit": "refused", "plan_draft_id": 7})
    events = ActionPlanFormDone().run(dispatcher, tracker, {})
    assert dispatcher.messages == []
    assert {"event": "slot", "name": "plan_draft_id", "value": None, "timestamp": None} in events
    assert not any(e.get("event") == "followup" for e in events)


def test_how_it_is_done_today_said_at_the_metric_question_is_the_baseline(directory_db, dispatcher):
    slots = answer(dispatcher, "metric", "现在是三个组长手工看标题分派，错分率大概15%")
    assert slots["baseline"] == "现在是三个组长手工看标题分派，错分率大概15%" and slots.get("metric") is None
    assert slots["requested_slot"] == "metric" and messages.text("plan_today_is_the_baseline", "zh") in texts(
        dispatcher
    )
    target = answer(CollectingDispatcher(), "metric", "错分率从15%降到5%以内")
    assert target["metric"] == "错分率从15%降到5%以内"


def test_two_answers_given_the_wrong_way_round_are_swapped(directory_db, dispatcher):
    answers = {**FULL, "metric": "现在是组长手工分派", "baseline": "错分率降到5%"}
    plan_id = draft(answers)
    tracker = form_tracker(
        "li.wei",
        "成功指标和基线填反了，帮我对调一下",
        form="confirm_form",
        asked="confirmation",
        slots={"language": "zh", "confirming": "submit", "plan_draft_id": plan_id, "plan_draft_version": 1, **answers},
    )
    slots = slots_of(run(ValidateConfirmForm(), tracker, dispatcher))
    assert (stored(plan_id)["metric"], stored(plan_id)["baseline"]) == ("错分率降到5%", "现在是组长手工分派")
    assert slots["requested_slot"] == "confirmation" and slots.get("confirmation") is None
    assert messages.text("edit_swapped", "zh", first="成功指标", second="基线（现行做法）")[:3] in texts(dispatcher)[0]
    midway = answer(
        CollectingDispatcher(),
        "data_sources",
        "I mixed up the metric and the baseline",
        lang="en",
        slots={
            "plan_draft_id": plan_id,
            "plan_draft_version": 2,
            "metric": "错分率降到5%",
            "baseline": "现在是组长手工分派",
        },
    )
    assert midway["metric"] == "现在是组长手工分派" and midway["requested_slot"] == "data_sources"


def ask_for_a_change(dispatcher, text, field, plan_id):
    """li.wei asks, outside any form, to change `field` of plan `plan_id` (as the NLU reads it)."""
    entities = [{"entity": "plan_field", "value": field}, {"entity": "plan_id", "value": plan_id}]
    tracker = make_tracker("li.wei", text, "edit_plan", slots={"language": "zh"}, entities=entities)
    return ActionEditPlan().run(dispatcher, tracker, {})


def test_a_change_asked_for_with_its_new_answer_is_made_at_once(directory_db, dispatcher):
    plan_id = draft(FULL, status="submitted")
    events = ask_for_a_change(dispatcher, f"我想把{plan_id}号计划的数据质量改成差", "data_quality", plan_id)
    assert stored(plan_id)["data_quality"] == "poor"
    assert followup(events) == "action_plan_form_done" and "数据质量" in texts(dispatcher)[0]


def test_a_change_that_cannot_be_read_keeps_the_answer(directory_db, dispatcher):
    plan_id = draft(FULL)
    slots = {**FULL, "plan_draft_id": plan_id, "plan_draft_version": 1, "plan_editing": "data_quality"}
    slots["data_quality"] = None
    first = answer(dispatcher, "data_quality", "对，改完重新提交", slots={**slots})
    again = answer(
        CollectingDispatcher(),
        "data_quality",
        "对，改完重新提交",
        slots={**slots, "failed_tries": first["failed_tries"]},
    )
    assert again["data_quality"] == FULL["data_quality"] and again["plan_editing"] is None
    assert stored(plan_id)["data_quality"] == FULL["data_quality"]


def test_a_change_asked_for_with_a_reason_asks_for_the_new_answer(directory_db, dispatcher):
    plan_id = draft(FULL, status="submitted")
    said = f"我们之前交的那个{plan_id}号计划，想改一下执行发起人，原来的领导调走了"
    events = ask_for_a_change(dispatcher, said, "executive_sponsor", plan_id)
    assert slots_of(events)["plan_editing"] == "executive_sponsor" and stored(plan_id)["executive_sponsor"] == "王总"


def test_a_pending_answer_corrected_in_the_same_message_is_the_answer(directory_db, dispatcher):
    """ "必须一次成功……不对，…": a correction of the answer being given, not a change of a stored one."""
    slots = answer(dispatcher, "failure_tolerance", "必须一次成功……不对，领导已经同意留一部分试错预算了")
    assert slots["failure_tolerance"] == "budgeted" and slots["requested_slot"] == "scaling_path"


def test_a_plan_started_this_year_is_for_the_coming_year(directory_db, dispatcher):
    this_year = planning.default_year() - 1
    tracker = make_tracker(
        "li.wei",
        "今年我们部门想报一个机器学习项目",
        "start_plan",
        slots={"language": "zh"},
        entities=[{"entity": "year", "value": this_year}],
    )
    assert slots_of(ActionStartPlan().run(dispatcher, tracker, {}))["plan_year"] == planning.default_year()


def test_a_remark_in_the_next_sentence_is_not_the_new_answer(directory_db, dispatcher):
    plan_id = draft(FULL, status="submitted")
    said = (
        f"Hi. Following my chat with the planning office, I need to update the success metric on plan #{plan_id}. "
        'Apparently "better routing" wasn\'t measurable enough.'
    )
    events = ask_for_a_change(dispatcher, said, "metric", plan_id)
    assert slots_of(events)["plan_editing"] == "metric" and stored(plan_id)["metric"] == FULL["metric"]


def test_the_field_named_after_the_verb_is_the_one_changed(directory_db, dispatcher):
    plan_id = draft(FULL, status="submitted")
    said = f"Hello. Plamen from Quality. In our plan {plan_id} I must change the metric, the target we wrote is wrong."
    events = ask_for_a_change(dispatcher, said, "data_quality", plan_id)  # the NLU took "Quality" for the field
    assert slots_of(events)["plan_editing"] == "metric"
