"""Planning-office actions on real trackers and a real SQLite store."""

from __future__ import annotations

import pytest

from actions.planning_office import (
    ActionQueryPlans,
    ActionReviewFormDone,
    ActionShowPlan,
    ActionStartReview,
    ValidateReviewForm,
)
from bot import messages
from bot.store import plans as store
from bot.store.db import session_scope
from tests.support.forms import followup, form_tracker, run, settled, slots_of
from tests.support.store import stored
from tests.support.trackers import make_tracker


def _submitted():
    with session_scope() as session:
        plan = store.create_plan(
            session, unit="retail", year=2027, owner="li.wei", language="zh", answers={"title": "门店补货需求预测"}
        )
        store.set_status(session, plan.id, "submitted", actor="li.wei")
        return plan.id


def test_query_uses_entities(directory_db, dispatcher):
    plan_id = _submitted()
    tracker = make_tracker(
        "wang.fang",
        "2027年零售部有哪些计划？",
        "query_plans",
        slots={"language": "zh"},
        entities=[{"entity": "year", "value": 2027}, {"entity": "unit", "value": "retail"}],
    )
    ActionQueryPlans().run(dispatcher, tracker, {})
    assert f"#{plan_id}" in dispatcher.messages[0]["text"]


def test_show_plan_needs_an_id(directory_db, dispatcher):
    ActionShowPlan().run(dispatcher, make_tracker("wang.fang", "show plan", "show_plan", slots={"language": "en"}), {})
    assert dispatcher.messages[0]["text"] == messages.text("show_plan_which", "en")


@pytest.mark.parametrize(
    "text, decision, note",
    [
        ("退回计划{id}：请补充基线", "needs_work", "请补充基线"),
        ("approve plan {id}: solid metric, start with the pilot", "approved", "solid metric, start with the pilot"),
        ("{id}号退回去，让他们把数据来源写清楚", "needs_work", "让他们把数据来源写清楚"),
    ],
)
def test_a_review_with_its_note_in_one_message_is_recorded_at_once(directory_db, dispatcher, text, decision, note):
    plan_id = _submitted()
    tracker = make_tracker(
        "wang.fang",
        text.format(id=plan_id),
        "review_plan",
        slots={"language": "zh"},
        entities=[{"entity": "plan_id", "value": plan_id}],
    )
    events = ActionStartReview().run(dispatcher, tracker, {})
    assert followup(events) is None
    plan = stored(plan_id)
    assert plan["status"] == decision and plan["review"]["note"] == note and plan["review"]["by"] == "wang.fang"


def test_the_review_form_asks_for_what_the_message_did_not_say(directory_db, dispatcher):
    plan_id = _submitted()
    tracker = make_tracker(
        "wang.fang",
        f"这个计划{plan_id}可以过了",
        "review_plan",
        slots={"language": "zh"},
        entities=[{"entity": "plan_id", "value": plan_id}],
    )
    events = ActionStartReview().run(dispatcher, tracker, {})
    assert followup(events) == "review_form"
    assert slots_of(events)["review_decision"] == "approved" and slots_of(events)["review_note"] is None
    note = form_tracker(
        "wang.fang",
        "指标清楚，先做试点",
        form="review_form",
        asked="review_note",
        slots={"review_plan_id": plan_id, "review_decision": "approved"},
    )
    slots = slots_of(run(ValidateReviewForm(), note, dispatcher))
    assert slots["review_note"] == "指标清楚，先做试点" and slots["requested_slot"] is None
    ActionReviewFormDone().run(
        dispatcher,
        make_tracker(
            "wang.fang",
            slots={
                "language": "zh",
                "review_plan_id": plan_id,
                "review_decision": "approved",
                "review_note": slots["review_note"],
            },
        ),
        {},
    )
    assert stored(plan_id)["status"] == "approved" and stored(plan_id)["review"]["note"] == "指标清楚，先做试点"


def test_leaving_the_review_records_nothing(directory_db, dispatcher):
    plan_id = _submitted()
    decision = form_tracker(
        "wang.fang", "算了，先不审了", form="review_form", asked="review_decision", slots={"review_plan_id": plan_id}
    )
    assert slots_of(run(ValidateReviewForm(), decision, dispatcher))["form_exit"] == "pause"
    ActionReviewFormDone().run(
        dispatcher,
        make_tracker("wang.fang", slots={"language": "zh", "review_plan_id": plan_id, "form_exit": "pause"}),
        {},
    )
    assert stored(plan_id)["status"] == "submitted"


def test_leads_cannot_review(directory_db, dispatcher):
    plan_id = _submitted()
    tracker = make_tracker(
        "li.wei",
        f"approve plan {plan_id}: fine",
        "review_plan",
        slots={"language": "en"},
        entities=[{"entity": "plan_id", "value": plan_id}],
    )
    assert settled(ActionStartReview().run(dispatcher, tracker, {})) == []
    # and a forged end of the form does nothing either
    ActionReviewFormDone().run(
        dispatcher,
        make_tracker(
            "li.wei",
            "",
            "inform",
            slots={"language": "en", "review_plan_id": plan_id, "review_decision": "approved", "review_note": "ok"},
        ),
        {},
    )
    assert stored(plan_id)["status"] == "submitted"


@pytest.mark.parametrize(
    "asked, text, value",
    [
        ("review_decision", "send it back", "needs_work"),
        ("review_decision", '/inform{"choice": "approved"}', "approved"),
        ("review_note", "none", "-"),
        ("review_note", "<b>good</b>", "<b>good</b>"),
    ],
)
def test_review_form_answers(directory_db, dispatcher, asked, text, value):
    tracker = form_tracker("wang.fang", text, form="review_form", asked=asked, slots={"language": "en"})
    assert slots_of(run(ValidateReviewForm(), tracker, dispatcher))[asked] == value


def test_a_place_in_the_list_shown_last_opens_that_plan(directory_db, dispatcher):
    from rasa_sdk import Tracker

    first, second = _submitted(), _submitted()
    query = {
        "text": "零售部明年报了啥计划？",
        "intent": {"name": "query_plans", "confidence": 1.0},
        "entities": [{"entity": "unit", "value": "retail"}, {"entity": "year", "value": 2027}],
    }
    show = {"text": "第2个具体写的啥，调出来看看", "intent": {"name": "show_plan", "confidence": 0.9}, "entities": []}
    tracker = Tracker(
        sender_id="wang.fang",
        slots={"language": "zh", "person_name": None, "language_choice": None},
        latest_message=show,
        events=[
            {"event": "user", "text": query["text"], "parse_data": query},
            {"event": "user", "text": show["text"], "parse_data": show},
        ],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
    ActionQueryPlans().run(
        dispatcher,
        make_tracker("wang.fang", query["text"], "query_plans", slots={"language": "zh"}, entities=query["entities"]),
        {},
    )
    listed = dispatcher.messages[0]["text"]
    expected = second if listed.index(f"#{second}") > listed.index(f"#{first}") else first
    events = ActionShowPlan().run(dispatcher, tracker, {})
    assert {"event": "slot", "timestamp": None, "name": "last_plan_id", "value": expected} in events
    assert f"#{expected}" in dispatcher.messages[-1]["text"]


def test_a_lead_looking_for_a_plan_their_unit_has_not_written_is_offered_to_start_it(directory_db, dispatcher):
    tracker = make_tracker("li.wei", "our plan for next year pls", "query_plans", slots={"language": "en"})
    events = ActionQueryPlans().run(dispatcher, tracker, {})
    assert followup(events) == "action_start_plan"


def test_no_offer_once_the_unit_has_a_plan_or_to_the_office(directory_db, dispatcher):
    _submitted()
    lead = make_tracker("li.wei", "our plans for next year", "query_plans", slots={"language": "en"})
    assert followup(ActionQueryPlans().run(dispatcher, lead, {})) is None
    office = make_tracker("wang.fang", "retail plans for 2030", "query_plans", slots={"language": "en"})
    assert followup(ActionQueryPlans().run(dispatcher, office, {})) is None


def test_a_listing_of_one_plan_makes_it_the_plan_spoken_of(directory_db, dispatcher):
    plan_id = _submitted()
    tracker = make_tracker(
        "wang.fang",
        "看看零售部的计划",
        "query_plans",
        slots={"language": "zh"},
        entities=[{"entity": "unit", "value": "retail"}],
    )
    assert slots_of(ActionQueryPlans().run(dispatcher, tracker, {})) == {"last_plan_id": plan_id}


def test_a_listing_of_several_plans_leaves_none_spoken_of(directory_db, dispatcher):
    _submitted()
    _submitted()
    tracker = make_tracker(
        "wang.fang", "现在都交上来哪些了？", "query_plans", slots={"language": "zh", "last_plan_id": 9}
    )
    assert slots_of(ActionQueryPlans().run(dispatcher, tracker, {})) == {"last_plan_id": None}


def test_two_plans_decided_differently_in_one_message_are_both_recorded(directory_db, dispatcher):
    first, second = _submitted(), _submitted()
    text = f"Approve {first} (nice scoping) and please send {second} back - the baseline is only a guess"
    tracker = make_tracker(
        "james.lee", text, "review_plan", slots={"language": "en"}, entities=[{"entity": "plan_id", "value": first}]
    )
    assert slots_of(ActionStartReview().run(dispatcher, tracker, {})) == {"last_plan_id": None}
    assert stored(first)["status"] == "approved"
    assert stored(second)["status"] == "needs_work" and "only a guess" in stored(second)["review"]["note"]


def test_a_decision_changed_after_it_was_recorded_goes_to_the_same_plan(directory_db, dispatcher):
    plan_id = _submitted()
    said = make_tracker(
        "wang.fang",
        f"批准{plan_id}号，意见：试点之后补一份数据报告",
        "review_plan",
        slots={"language": "zh"},
        entities=[{"entity": "plan_id", "value": plan_id}],
    )
    assert slots_of(ActionStartReview().run(dispatcher, said, {})) == {"last_plan_id": plan_id}
    changed = make_tracker(
        "wang.fang",
        "等下，还是退回吧，没有写执行发起人",
        "review_plan",
        slots={"language": "zh", "last_plan_id": plan_id},
    )
    ActionStartReview().run(dispatcher, changed, {})
    assert stored(plan_id)["status"] == "needs_work" and stored(plan_id)["review"]["note"] == "没有写执行发起人"


def _listed_then(dispatcher, said: str, last_plan_id=None):
    """A tracker in which the office listed the submitted plans, then said `said` to review one."""
    from rasa_sdk import Tracker

    query = {"text": "which plans are submitted?", "intent": {"name": "query_plans", "confidence": 1.0}, "entities": []}
    review = {"text": said, "intent": {"name": "review_plan", "confidence": 0.95}, "entities": []}
    ActionQueryPlans().run(
        dispatcher, make_tracker("james.lee", query["text"], "query_plans", slots={"language": "en"}), {}
    )
    return Tracker(
        sender_id="james.lee",
        slots={"language": "en", "person_name": None, "language_choice": None, "last_plan_id": last_plan_id},
        latest_message=review,
        events=[
            {"event": "user", "text": query["text"], "parse_data": query},
            {"event": "user", "text": said, "parse_data": review},
        ],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def test_a_listed_plan_said_by_its_bare_number_is_the_one_reviewed(directory_db, dispatcher):
    first, second = _submitted(), _submitted()
    tracker = _listed_then(dispatcher, f"And {second}, send back please. Note: who is the executive sponsor?", first)
    ActionStartReview().run(dispatcher, tracker, {})
    assert stored(second)["status"] == "needs_work" and "executive sponsor" in stored(second)["review"]["note"]
    assert stored(first)["status"] == "submitted"


def test_a_listed_plan_said_by_its_title_is_the_one_reviewed(directory_db, dispatcher):
    with session_scope() as session:
        plan = store.create_plan(
            session, unit="retail", year=2027, owner="li.wei", language="en", answers={"title": "Ticket auto-triage"}
        )
        store.set_status(session, plan.id, "submitted", actor="li.wei")
        plan_id = plan.id
    _submitted()
    tracker = _listed_then(dispatcher, "The ticket auto-triage one isn't ready. Send it back: no baseline figures.")
    ActionStartReview().run(dispatcher, tracker, {})
    assert stored(plan_id)["status"] == "needs_work"


def test_a_number_inside_the_note_does_not_pick_the_plan_reviewed(directory_db, dispatcher):
    first, second = _submitted(), _submitted()
    said = f"Is good plan. I approve it, note for the lead: start with one depot and show the savings after Q{second}."
    tracker = _listed_then(dispatcher, said, first)
    ActionStartReview().run(dispatcher, tracker, {})
    assert stored(first)["status"] == "approved" and f"Q{second}" in stored(first)["review"]["note"]
    assert stored(second)["status"] == "submitted"


@pytest.mark.parametrize(
    "said, read_as, note",
    [
        (
            "emmm 这个指标写得太虚了，退回去让他们改改，意见就说：指标请量化，并补充基线数据 🙏",
            "edit_plan",
            "指标请量化，并补充基线数据 🙏",
        ),
        ("这份不行，退回修改。", "withdraw_plan", None),
    ],
)
def test_a_decision_on_the_plan_in_view_read_as_a_leads_request_is_reviewed(
    directory_db, dispatcher, said, read_as, note
):
    from actions.plan_flow import ActionConfirmWithdraw, ActionEditPlan

    plan_id = _submitted()
    tracker = make_tracker("wang.fang", said, read_as, slots={"language": "zh", "last_plan_id": plan_id})
    request = ActionEditPlan() if read_as == "edit_plan" else ActionConfirmWithdraw()
    events = request.run(dispatcher, tracker, {})
    assert followup(events) == "action_start_review" and not dispatcher.messages  # no "plans are filed by leads"
    events = ActionStartReview().run(dispatcher, tracker, {})
    if note:
        assert stored(plan_id)["status"] == "needs_work" and stored(plan_id)["review"]["note"] == note
    else:
        assert followup(events) == "review_form" and slots_of(events)["review_decision"] == "needs_work"
        assert stored(plan_id)["status"] == "submitted"  # the note is asked for first


def test_a_question_about_the_plan_in_view_is_no_decision(directory_db, dispatcher):
    from actions.plan_flow import ActionEditPlan

    plan_id = _submitted()
    tracker = make_tracker(
        "wang.fang", "退回的计划他们改完能再提交吗？", "edit_plan", slots={"language": "zh", "last_plan_id": plan_id}
    )
    events = ActionEditPlan().run(dispatcher, tracker, {})
    assert followup(events) != "action_start_review" and stored(plan_id)["status"] == "submitted"
