"""Planning-office actions on real trackers and a real SQLite store."""
from __future__ import annotations

from actions.planning_office import (
    ActionQueryPlans,
    ActionRecordReview,
    ActionShowPlan,
    ActionStartReview,
    ValidateReviewForm,
)
from bot import messages
from bot.store import plans as store
from bot.store.db import session_scope
from tests.actions.conftest import make_tracker


def slots_of(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def _submitted():
    with session_scope() as session:
        plan = store.create_plan(session, unit="retail", year=2027, owner="li.wei", language="zh",
                                 answers={"title": "门店补货需求预测"})
        store.set_status(session, plan.id, "submitted", actor="li.wei")
        return plan.id


def test_query_uses_entities(directory_db, dispatcher):
    plan_id = _submitted()
    tracker = make_tracker("wang.fang", "2027年零售部有哪些计划？", "query_plans", slots={"language": "zh"},
                           entities=[{"entity": "year", "value": 2027}, {"entity": "unit", "value": "retail"}])
    ActionQueryPlans().run(dispatcher, tracker, {})
    assert f"#{plan_id}" in dispatcher.messages[0]["text"]


def test_show_plan_needs_an_id(directory_db, dispatcher):
    ActionShowPlan().run(dispatcher, make_tracker("wang.fang", "show plan", "show_plan", slots={"language": "en"}), {})
    assert dispatcher.messages[0]["text"] == messages.text("show_plan_which", "en")


def test_a_review_read_from_one_message(directory_db, dispatcher):
    plan_id = _submitted()
    tracker = make_tracker("wang.fang", f"退回计划{plan_id}：请补充基线", "review_plan", slots={"language": "zh"},
                           entities=[{"entity": "plan_id", "value": plan_id}])
    slots = slots_of(ActionStartReview().run(dispatcher, tracker, {}))
    assert slots == {"review_plan_id": plan_id, "review_decision": "needs_work", "review_note": "请补充基线",
                     "plan_stage": "fill"}
    ActionRecordReview().run(dispatcher, make_tracker("wang.fang", "", "inform", slots={"language": "zh", **slots}), {})
    with session_scope() as session:
        plan = store.plan_to_dict(store.get_plan(session, plan_id))
    assert plan["status"] == "needs_work"
    assert plan["review"]["note"] == "请补充基线" and plan["review"]["by"] == "wang.fang"


def test_leads_cannot_review(directory_db, dispatcher):
    plan_id = _submitted()
    tracker = make_tracker("li.wei", f"approve plan {plan_id}", "review_plan", slots={"language": "en"},
                           entities=[{"entity": "plan_id", "value": plan_id}])
    assert slots_of(ActionStartReview().run(dispatcher, tracker, {})) == {"plan_stage": "blocked"}
    # and a forged record call does nothing either
    ActionRecordReview().run(dispatcher, make_tracker("li.wei", "", "inform", slots={
        "language": "en", "review_plan_id": plan_id, "review_decision": "approved", "review_note": "ok"}), {})
    with session_scope() as session:
        assert store.get_plan(session, plan_id).status == "submitted"


def test_review_form_validation(directory_db, dispatcher):
    form = ValidateReviewForm()
    tracker = make_tracker("wang.fang", "", "inform", slots={"language": "en"})
    assert form.validate_review_decision("send it back", dispatcher, tracker, {}) == {"review_decision": "needs_work"}
    assert form.validate_review_decision("approved", dispatcher, tracker, {}) == {"review_decision": "approved"}
    assert form.validate_review_decision("hmm", dispatcher, tracker, {}) == {"review_decision": None}
    assert form.validate_review_note("none", dispatcher, tracker, {}) == {"review_note": "-"}
    assert form.validate_review_note("<b>good</b>", dispatcher, tracker, {}) == {"review_note": "<b>good</b>"}
