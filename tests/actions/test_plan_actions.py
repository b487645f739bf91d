"""The plan actions on real trackers, with a real SQLite plan store."""
from __future__ import annotations

import pytest

from actions.plan_flow import (
    ActionConfirmWithdraw,
    ActionEditPlan,
    ActionPausePlan,
    ActionPlanSummary,
    ActionRecordNoPlan,
    ActionResumePlan,
    ActionStartNoPlan,
    ActionShowMyPlans,
    ActionStartPlan,
    ActionSubmitPlan,
    ActionWithdrawPlan,
    ValidateNoPlanForm,
    no_plan_payload,
)
from actions.plan_form import ASK_ACTIONS, ValidatePlanForm
from bot import messages, planning
from bot.kb import faq
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.store import plans as store
from bot.store.db import session_scope
from tests.actions.conftest import make_tracker

FULL = dict(
    title="门店补货需求预测", problem="缺货导致销售损失，慢销品又订多了", q_important="yes", q_real_problem="yes",
    q_unused_data="yes", q_needs_ml="yes", q_can_do_alone="unsure", q_can_ship="yes", metric="缺货率下降 20%",
    baseline="店长手工订货", data_sources="POS 和库存系统", data_location="siloed", data_quality="mixed",
    domain_experts="门店经理 3 人", technical_experts="数据科学家 2 人", skill_gaps="缺少 MLOps", pilot_team="yes",
    executive_sponsor="王总", failure_tolerance="budgeted", scaling_path="platform",
    value_branches=["revenue", "time_saved"], value_notes="收入 +2%，每周省 10 小时",
)


def slots_of(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def texts(dispatcher):
    return [m["text"] for m in dispatcher.messages]



def run_validator(dispatcher, sender, field, text, intent="inform", slots=None, entities=None):
    tracker = make_tracker(sender, text, intent, entities=entities, active_loop="plan_form",
                           slots={"language": "zh", "plan_year": 2027, "requested_slot": field, field: text, **(slots or {})})
    return ValidatePlanForm()._validate(field, text, dispatcher, tracker)


def stored(plan_id):
    with session_scope() as session:
        return store.plan_to_dict(store.get_plan(session, plan_id))


@pytest.mark.parametrize(
    "sender, key",
    [("visitor", "plan_not_registered"), ("zhao.lei", "plan_no_unit"), ("wang.fang", "plan_not_a_lead")],
)
def test_only_leads_with_a_unit_may_start(directory_db, dispatcher, sender, key):
    events = ActionStartPlan().run(dispatcher, make_tracker(sender, "start", "start_plan", slots={"language": "en"}), {})
    assert slots_of(events) == {"plan_stage": "blocked"}
    assert texts(dispatcher)[0].startswith(messages.text(key, "en", role="x")[:12])


def test_a_lead_confirms_unit_and_year(directory_db, dispatcher):
    tracker = make_tracker("li.wei", "我要写明年的机器学习计划", "start_plan", slots={"language": "zh"},
                           entities=[{"entity": "year", "value": planning.default_year()}])
    slots = slots_of(ActionStartPlan().run(dispatcher, tracker, {}))
    assert slots["plan_stage"] == "confirm" and slots["plan_unit"] == "retail"
    assert slots["plan_year"] == planning.default_year()
    assert "零售部" in texts(dispatcher)[0]
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/affirm", "/deny"]


def test_a_year_out_of_range_is_refused(directory_db, dispatcher):
    tracker = make_tracker("li.wei", "plan for 2035", "start_plan", slots={"language": "en"},
                           entities=[{"entity": "year", "value": 2035}])
    assert slots_of(ActionStartPlan().run(dispatcher, tracker, {}))["plan_stage"] == "blocked"


def test_each_answer_is_saved_to_the_draft_at_once(directory_db, dispatcher):
    result = run_validator(dispatcher, "li.wei", "title", "门店补货需求预测")
    assert result["title"] == "门店补货需求预测" and result["invalid_answers"] == 0
    plan = stored(result["plan_draft_id"])
    assert (plan["title"], plan["status"], plan["unit"], plan["year"], plan["version"]) == ("门店补货需求预测", "draft", "retail", 2027, 2)
    more = run_validator(dispatcher, "li.wei", "q_important", "不确定",
                         slots={"plan_draft_id": result["plan_draft_id"], "plan_draft_version": result["plan_draft_version"]})
    assert more["q_important"] == "unsure" and stored(result["plan_draft_id"])["q_important"] == "unsure"


def test_button_choices_fill_choice_fields(directory_db, dispatcher):
    result = run_validator(dispatcher, "li.wei", "data_quality", '/inform{"choice": "poor"}',
                           entities=[{"entity": "choice", "value": "poor"}])
    assert result["data_quality"] == "poor"


def test_skip_stores_unknown(directory_db, dispatcher):
    result = run_validator(dispatcher, "li.wei", "data_location", "跳过", intent="skip")
    assert result["data_location"] == planning.SKIPPED
    assert stored(result["plan_draft_id"])["data_location"] == "unknown"
    assert texts(dispatcher) == [messages.text("plan_skipped", "zh")]


def test_an_faq_question_mid_form_is_answered_and_the_question_repeated(directory_db, dispatcher):
    result = run_validator(dispatcher, "li.wei", "data_location", "什么是数据湖？", intent="ask_faq")
    assert result["data_location"] is None and result["last_kb_id"] == "data-lake"
    assert texts(dispatcher)[-1] == messages.text("plan_faq_resume", "zh")


def test_a_statement_classified_as_a_question_is_still_taken_as_the_answer(directory_db, dispatcher):
    result = run_validator(dispatcher, "li.wei", "problem", "数据分散在各部门，补货靠经验", intent="ask_faq")
    assert result["problem"] == "数据分散在各部门，补货靠经验"


def test_repeated_invalid_answers_offer_skip_or_pause(directory_db, dispatcher):
    first = run_validator(dispatcher, "li.wei", "title", "asdf")
    assert first == {"title": None, "invalid_answers": 1}
    second = run_validator(dispatcher, "li.wei", "title", "qwer", slots={"invalid_answers": 1})
    assert second == {"title": None, "invalid_answers": 2}
    assert texts(dispatcher)[0] == messages.text("plan_invalid_text", "zh")
    assert [b["payload"] for b in dispatcher.messages[1]["buttons"]] == ["/skip", "/cancel"]


def test_hostile_text_is_stored_as_plain_text(directory_db, dispatcher):
    nasty = "<script>alert(1)</script>'); DROP TABLE plans; --"
    result = run_validator(dispatcher, "li.wei", "problem", nasty)
    assert stored(result["plan_draft_id"])["problem"] == nasty


def test_a_concurrent_edit_reloads_instead_of_overwriting(directory_db, dispatcher):
    first = run_validator(dispatcher, "li.wei", "title", "门店补货需求预测")
    with session_scope() as session:  # the same lead edits on another channel
        store.update_answers(session, first["plan_draft_id"], {"metric": "另一个渠道写的指标"}, actor="li.wei")
    result = run_validator(dispatcher, "li.wei", "baseline", "手工订货",
                           slots={"plan_draft_id": first["plan_draft_id"], "plan_draft_version": first["plan_draft_version"]})
    assert result["metric"] == "另一个渠道写的指标" and result["baseline"] is None
    assert texts(dispatcher)[-1] == messages.text("plan_conflict", "zh", version=3)
    assert stored(first["plan_draft_id"])["metric"] == "另一个渠道写的指标"


def test_ask_actions_explain_why_and_offer_buttons(dispatcher):
    asks = {a().name(): a() for a in ASK_ACTIONS}
    assert set(asks) == {f"action_ask_{f}" for f in ANSWER_FIELD_NAMES}
    asks["action_ask_q_important"].run(dispatcher, make_tracker("li.wei", slots={"language": "en"}), {})
    message = dispatcher.messages[0]
    assert messages.text("why.q_important", "en") in message["text"] and "(Step 3 · 3/22)" in message["text"]
    assert [b["payload"] for b in message["buttons"]][-1] == "/skip"
    assert '/inform{"choice": "unsure"}' in [b["payload"] for b in message["buttons"]]


def _draft(**answers):
    with session_scope() as session:
        plan = store.create_plan(session, unit="retail", year=2027, owner="li.wei", language="zh", answers=answers)
        return plan.id, plan.version


def test_resume_loads_the_draft_from_the_store(directory_db, dispatcher):
    plan_id, version = _draft(title="门店补货需求预测", q_important="yes")
    slots = slots_of(ActionResumePlan().run(dispatcher, make_tracker("li.wei", "继续我的计划", "resume_plan",
                                                                    slots={"language": "zh"}), {}))
    assert slots["plan_stage"] == "fill" and slots["plan_draft_id"] == plan_id and slots["plan_draft_version"] == version
    assert slots["title"] == "门店补货需求预测" and slots["q_important"] == "yes" and slots["metric"] is None
    assert "2/22" in texts(dispatcher)[0]


def test_resume_without_a_draft(directory_db, dispatcher):
    slots = slots_of(ActionResumePlan().run(dispatcher, make_tracker("anna.smith", "continue", "resume_plan",
                                                                    slots={"language": "en"}), {}))
    assert slots == {"plan_stage": "none"} and texts(dispatcher) == [messages.text("plan_no_draft", "en")]


def test_pause_leaves_the_form_and_keeps_the_draft(directory_db, dispatcher):
    plan_id, _ = _draft(title="门店补货需求预测")
    events = ActionPausePlan().run(dispatcher, make_tracker("li.wei", "暂停", "cancel", active_loop="plan_form",
                                                           slots={"language": "zh", "plan_draft_id": plan_id}), {})
    assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]
    assert texts(dispatcher) == [messages.text("plan_paused", "zh", id=plan_id)]
    assert stored(plan_id)["title"] == "门店补货需求预测"


def test_summary_then_submit_with_similar_initiatives(directory_db, dispatcher):
    with session_scope() as session:
        other = store.create_plan(session, unit="logistics", year=2027, owner="zhang.min", language="zh",
                                  status="submitted", answers={"title": "仓库补货需求预测", "problem": "缺货和库存积压"}).id
    plan_id, version = _draft(**FULL)
    slots = {"language": "zh", "plan_draft_id": plan_id, "plan_draft_version": version, "plan_unit": "retail",
             "plan_year": 2027, **FULL}
    ActionPlanSummary().run(dispatcher, make_tracker("li.wei", "", "inform", slots=slots), {})
    summary = texts(dispatcher)[0]
    assert "门店补货需求预测" in summary and "准备度评估：83/100" in summary and "数据分散在孤岛中" in summary
    assert "指南的建议（数据）：制定以数据湖为核心的现代数据策略" in summary
    assert [b["payload"] for b in dispatcher.messages[1]["buttons"]] == ["/affirm", "/edit_plan", "/deny"]
    events = ActionSubmitPlan().run(dispatcher, make_tracker("li.wei", "提交", "affirm", slots=slots), {})
    plan = stored(plan_id)
    assert plan["status"] == "submitted" and plan["submitted_at"] and plan["assessment"]["readiness"] == 83
    assert plan["assessment"]["challenges"]["data"]["rating"] == "at_risk"
    assert messages.text("plan_submitted", "zh", id=plan_id, version=plan["version"]) in texts(dispatcher)
    assert f"#{other}" in texts(dispatcher)[-1]
    assert slots_of(events)["plan_draft_id"] is None


def test_editing_a_submitted_plan_creates_a_new_version(directory_db, dispatcher):
    with session_scope() as session:
        plan = store.create_plan(session, unit="retail", year=2027, owner="li.wei", language="en", status="submitted",
                                 answers=FULL)
        plan_id, version = plan.id, plan.version
    tracker = make_tracker("li.wei", "change the sponsor", "edit_plan", slots={"language": "en"},
                           entities=[{"entity": "plan_field", "value": "executive_sponsor"}])
    slots = slots_of(ActionEditPlan().run(dispatcher, tracker, {}))
    assert slots["plan_stage"] == "fill" and slots["executive_sponsor"] is None and slots["title"] == FULL["title"]
    assert "王总" in texts(dispatcher)[0]
    result = run_validator(dispatcher, "li.wei", "executive_sponsor", "Maria Garcia, CMO",
                           slots={"plan_draft_id": plan_id, "plan_draft_version": version})
    assert stored(plan_id)["executive_sponsor"] == "Maria Garcia, CMO"
    assert result["plan_draft_version"] == version + 1 and stored(plan_id)["status"] == "submitted"


def test_edit_without_a_field_offers_the_fields(directory_db, dispatcher):
    _draft(title="门店补货需求预测")
    slots = slots_of(ActionEditPlan().run(dispatcher, make_tracker("li.wei", "修改计划", "edit_plan",
                                                                  slots={"language": "zh"}), {}))
    assert slots["plan_stage"] == "choose_field" and len(dispatcher.messages[0]["buttons"]) == 22


def test_a_lead_cannot_edit_another_units_plan(directory_db, dispatcher):
    with session_scope() as session:
        other = store.create_plan(session, unit="finance", year=2027, owner="tom.baker", language="en").id
    tracker = make_tracker("li.wei", f"change the title of plan {other}", "edit_plan", slots={"language": "en"},
                           entities=[{"entity": "plan_id", "value": other}, {"entity": "plan_field", "value": "title"}])
    assert slots_of(ActionEditPlan().run(dispatcher, tracker, {}))["plan_stage"] == "none"
    assert texts(dispatcher) == [messages.text("edit_not_allowed", "en", id=other)]


def test_withdraw_asks_first_then_withdraws(directory_db, dispatcher):
    plan_id, _ = _draft(title="门店补货需求预测")
    slots = slots_of(ActionConfirmWithdraw().run(dispatcher, make_tracker("li.wei", "撤回我的计划", "withdraw_plan",
                                                                         slots={"language": "zh"}), {}))
    assert slots == {"withdraw_candidate": plan_id, "plan_stage": "confirm"}
    assert stored(plan_id)["status"] == "draft"
    ActionWithdrawPlan().run(dispatcher, make_tracker("li.wei", "是的", "affirm",
                                                      slots={"language": "zh", "withdraw_candidate": plan_id}), {})
    assert stored(plan_id)["status"] == "withdrawn"


def test_another_lead_cannot_withdraw(directory_db, dispatcher):
    plan_id, _ = _draft(title="门店补货需求预测")
    ActionWithdrawPlan().run(dispatcher, make_tracker("anna.smith", "yes", "affirm",
                                                      slots={"language": "en", "withdraw_candidate": plan_id}), {})
    assert stored(plan_id)["status"] == "draft"


def test_no_plan_is_recorded_with_its_reason(directory_db, dispatcher):
    ActionRecordNoPlan().run(dispatcher, make_tracker("anna.smith", "", "inform", slots={
        "language": "en", "plan_year": 2027, "no_plan_reason": "all budget goes to the new factory"}), {})
    with session_scope() as session:
        plan = store.list_plans(session, unit="manufacturing")[0]
        assert (plan.status, plan.no_plan_reason, plan.year) == ("no_plan", "all budget goes to the new factory", 2027)


def test_declaring_no_plan_asks_for_the_reason(directory_db, dispatcher):
    events = ActionStartNoPlan().run(dispatcher, make_tracker(
        "anna.smith", "our unit has no ML plan this year", "declare_no_plan", slots={"language": "en"}), {})
    assert slots_of(events) == {"plan_unit": "manufacturing", "plan_year": planning.default_year(),
                                "no_plan_reason": None, "plan_stage": "fill"}


@pytest.mark.parametrize("lang, text, intent", [("zh", "算了", "deny"), ("en", "never mind", "deny"),
                                                ("en", "forget it", "affirm")])
def test_backing_out_is_not_recorded_as_the_reason(directory_db, dispatcher, lang, text, intent):
    tracker = make_tracker("anna.smith", text, intent, active_loop="no_plan_form",
                           slots={"language": lang, "plan_year": 2027, "requested_slot": "no_plan_reason"})
    assert ValidateNoPlanForm().validate_no_plan_reason(text, dispatcher, tracker, {}) == {"no_plan_reason": None}
    assert texts(dispatcher) == [messages.text("no_plan_not_a_reason", lang)]


def test_a_short_reason_that_starts_with_no_is_still_a_reason(directory_db, dispatcher):
    tracker = make_tracker("li.wei", "没有预算", "deny", active_loop="no_plan_form",
                           slots={"language": "zh", "plan_year": 2027, "requested_slot": "no_plan_reason"})
    assert ValidateNoPlanForm().validate_no_plan_reason("没有预算", dispatcher, tracker, {}) == {"no_plan_reason": "没有预算"}


def test_no_plan_is_refused_for_a_year_outside_the_cycle(directory_db, dispatcher):
    first, last = planning.allowed_years()
    events = ActionStartNoPlan().run(dispatcher, make_tracker(
        "anna.smith", f"we have no ML plan for {last + 3}", "declare_no_plan",
        entities=[{"entity": "year", "value": last + 3}], slots={"language": "en"}), {})
    assert slots_of(events) == {"plan_stage": "blocked"}
    assert texts(dispatcher) == [messages.text("no_plan_bad_year", "en", first=first, last=last,
                                               example=planning.default_year())]


@pytest.mark.parametrize("lang, question", [
    ("en", "do all department heads have to hand in a plan?"),
    ("zh", "所有部门负责人都要交计划吗"),
])
def test_a_question_about_the_no_plan_rule_is_answered_not_recorded(directory_db, dispatcher, lang, question):
    events = ActionStartNoPlan().run(dispatcher, make_tracker("anna.smith", question, "declare_no_plan",
                                                              slots={"language": lang}), {})
    slots = slots_of(events)
    assert slots["plan_stage"] == "blocked" and slots["last_kb_id"] == "every-leader-plan"
    assert "plan_unit" not in slots
    assert dispatcher.messages[0]["text"] == faq.answer_text("every-leader-plan", lang)
    offer = dispatcher.messages[-1]
    assert offer["buttons"] == [{"title": messages.text("button_declare_no_plan", lang, year=planning.default_year()),
                                 "payload": no_plan_payload(planning.default_year())}]
    with session_scope() as session:
        assert store.list_plans(session, unit="manufacturing") == []


def test_the_offer_records_the_year_it_names(directory_db, dispatcher):
    year = planning.default_year() - 1  # "今年" in the question
    ActionStartNoPlan().run(dispatcher, make_tracker("li.wei", "我们能不能说今年没有机器学习计划？", "declare_no_plan",
                                                     entities=[{"entity": "year", "value": year}],
                                                     slots={"language": "zh"}), {})
    assert str(year) in dispatcher.messages[-1]["text"]
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == no_plan_payload(year)


def test_the_planning_office_gets_the_answer_without_the_offer(directory_db, dispatcher):
    ActionStartNoPlan().run(dispatcher, make_tracker("wang.fang", "do all department heads have to hand in a plan?",
                                                     "declare_no_plan", slots={"language": "en"}), {})
    assert not any(b["payload"].startswith("/declare_no_plan") for m in dispatcher.messages for b in m.get("buttons") or [])


def test_my_plans_show_status_readiness_and_review(directory_db, dispatcher):
    plan_id, _ = _draft(**FULL)
    with session_scope() as session:
        store.set_status(session, plan_id, "submitted", actor="li.wei", assessment={"readiness": 75, "challenges": {}})
        store.record_review(session, plan_id, "needs_work", "请补充基线数据", reviewer="wang.fang")
    ActionShowMyPlans().run(dispatcher, make_tracker("li.wei", "我们部门有哪些计划", "show_my_plans", slots={"language": "zh"}), {})
    text = texts(dispatcher)[0]
    assert f"#{plan_id}" in text and "需修改" in text and "准备度 75" in text and "请补充基线数据" in text
    ActionShowMyPlans().run(dispatcher, make_tracker("anna.smith", "my plans", "show_my_plans", slots={"language": "en"}), {})
    assert texts(dispatcher)[-1] == messages.text("my_plans_none", "en", unit="Manufacturing")


def test_not_sure_answers_a_choice_question_but_skips_a_text_question(directory_db, dispatcher):
    assert run_validator(dispatcher, "li.wei", "q_needs_ml", "不确定", intent="skip")["q_needs_ml"] == "unsure"
    assert run_validator(dispatcher, "li.wei", "metric", "not sure yet, skip", intent="skip")["metric"] == planning.SKIPPED


def test_answers_loaded_from_the_store_are_not_re_read_from_the_message(directory_db, dispatcher):
    tracker = make_tracker("li.wei", "继续我的计划", "resume_plan", active_loop="plan_form",
                           slots={"language": "zh", "requested_slot": None, "q_important": "yes", "title": "门店补货"})
    form = ValidatePlanForm()
    assert form._validate("q_important", "yes", dispatcher, tracker) == {"q_important": "yes"}
    assert form._validate("title", "门店补货", dispatcher, tracker) == {"title": "门店补货"}
    assert dispatcher.messages == []


def test_an_option_wins_over_a_misread_intent(directory_db, dispatcher):
    tracker_intent = "show_my_plans"  # "分散在各部门" mentions 部门, as "our unit's plans" does
    assert run_validator(dispatcher, "li.wei", "data_location", "分散在各部门", intent=tracker_intent)["data_location"] == "siloed"


@pytest.mark.parametrize("intent, text, key", [("help", "what can you do?", "help_lead"),
                                               ("bot_challenge", "are you a bot?", "bot_challenge"),
                                               ("out_of_scope", "tell me a joke", "out_of_scope")])
def test_a_digression_is_answered_and_the_question_repeated(directory_db, dispatcher, intent, text, key):
    tracker = make_tracker("li.wei", text, intent, active_loop="plan_form",
                           slots={"language": "en", "plan_year": 2027, "requested_slot": "title", "title": text})
    tracker.latest_message["intent"]["confidence"] = 0.97
    assert ValidatePlanForm()._validate("title", text, dispatcher, tracker) == {"title": None}
    assert texts(dispatcher) == [messages.text(key, "en")]


def test_explicit_skip_words_skip_whatever_the_intent(directory_db, dispatcher):
    assert run_validator(dispatcher, "li.wei", "metric", "跳过", intent="inform")["metric"] == planning.SKIPPED
    assert run_validator(dispatcher, "li.wei", "skill_gaps", "none", intent="skip")["skill_gaps"] == "none"


def test_answers_given_in_passing_fill_the_later_questions(directory_db, dispatcher):
    result = run_validator(dispatcher, "li.wei", "data_sources", "门店 POS 和会员系统，数据分散在各部门，质量也很差")
    assert result["data_sources"] == "门店 POS 和会员系统，数据分散在各部门，质量也很差"
    assert (result["data_location"], result["data_quality"]) == ("siloed", "poor")
    plan = stored(result["plan_draft_id"])
    assert (plan["data_location"], plan["data_quality"], plan["version"]) == ("siloed", "poor", 2)  # one saved version
    assert "数据位置：分散在孤岛里" in texts(dispatcher)[-1] and "数据质量：差" in texts(dispatcher)[-1]


def test_a_passing_remark_never_overwrites_an_answer_already_given(directory_db, dispatcher):
    result = run_validator(dispatcher, "li.wei", "data_sources", "CRM; the data quality is poor",
                           slots={"language": "en", "data_quality": "good"})
    assert "data_quality" not in result
    assert stored(result["plan_draft_id"])["data_quality"] is None  # the form's slot, not the store, held "good"
    assert texts(dispatcher) == []
