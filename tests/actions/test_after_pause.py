"""An answer typed soon after a pause goes to the question the lead paused at, and the plan goes on."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker

from actions.after_pause import RESUME_WITH_ANSWER, ActionReplyNothingPending
from actions.faq import ActionAnswerFaq, ActionReplyOutOfScope
from actions.plan_flow import ActionResumeWithAnswer
from bot import messages
from tests.actions.test_plan_actions import answer, answered_before, draft
from tests.support.forms import followup, slots_of, texts
from tests.support.store import stored


def after_pause(
    text: str,
    paused_at: str,
    plan_id: int,
    *,
    intent: str = "ask_faq",
    lang: str = "zh",
    earlier: Optional[List[str]] = None,
) -> Tracker:
    """The tracker after the lead paused at `paused_at`, said the `earlier` messages, then `text`."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    events: List[Dict[str, Any]] = [
        {"event": "user", "text": "等一下，我去问问老板"},
        {"event": "slot", "name": "paused_at", "value": paused_at},
        {"event": "action", "name": "action_plan_form_done"},
        *[{"event": "user", "text": said} for said in earlier or []],
        {"event": "user", "text": text, "parse_data": latest},
    ]
    return Tracker(
        sender_id="li.wei",
        slots={
            "language": lang,
            "person_name": None,
            "language_choice": None,
            "paused_at": paused_at,
            "plan_draft_id": plan_id,
        },
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def test_pausing_at_a_plan_question_remembers_it(directory_db, dispatcher):
    plan_id = draft(answered_before("executive_sponsor"))
    slots = answer(dispatcher, "executive_sponsor", "等一下，我去问问老板谁来牵头", slots={"plan_draft_id": plan_id})
    assert slots["form_exit"] == "pause" and slots["paused_at"] == "executive_sponsor"


def test_leaving_remembers_no_question(directory_db, dispatcher):
    plan_id = draft(answered_before("executive_sponsor"))
    slots = answer(dispatcher, "executive_sponsor", "bye", slots={"plan_draft_id": plan_id})
    assert slots["form_exit"] == "leave" and "paused_at" not in slots


def test_the_sponsor_named_after_a_pause_is_saved_and_the_plan_goes_on(directory_db, dispatcher):
    plan_id = draft(answered_before("executive_sponsor"))
    tracker = after_pause("好了，张总说他来当发起人", "executive_sponsor", plan_id)
    assert followup(ActionAnswerFaq().run(dispatcher, tracker, {})) == RESUME_WITH_ANSWER
    assert not dispatcher.messages  # no knowledge-base answer about sponsors
    events = ActionResumeWithAnswer().run(dispatcher, tracker, {})
    assert followup(events) == "plan_form"
    assert slots_of(events)["paused_at"] is None and slots_of(events)["executive_sponsor"].endswith(
        "张总说他来当发起人"
    )
    assert "张总" in stored(plan_id)["executive_sponsor"]
    assert texts(dispatcher)[0].startswith(f"好的，接着填计划 #{plan_id}。执行发起人")


@pytest.mark.parametrize(
    "field, text, intent, value",
    [
        ("failure_tolerance", "失败了也没关系，预算里留了一点试错的钱", "ask_faq", "budgeted"),
        ("q_important", "是的，老板说很重要", "affirm", "yes"),
        ("data_quality", "checked with IT: it's pretty poor, lots of gaps", "nlu_fallback", "poor"),
        ("scaling_path", "先在华东区推，效果好再纳入明年规划", "nlu_fallback", "annual_planning"),
    ],
)
def test_a_choice_answered_after_a_pause_is_saved(directory_db, dispatcher, field, text, intent, value):
    plan_id = draft(answered_before(field))
    tracker = after_pause(text, field, plan_id, intent=intent)
    first = ActionReplyNothingPending() if intent == "affirm" else ActionAnswerFaq()
    assert followup(first.run(dispatcher, tracker, {})) == RESUME_WITH_ANSWER
    ActionResumeWithAnswer().run(dispatcher, tracker, {})
    assert stored(plan_id)[field] == value


def test_an_out_of_scope_reading_of_an_answer_after_a_pause_resumes_too(directory_db, dispatcher):
    plan_id = draft(answered_before("domain_experts"))
    tracker = after_pause("两个老店长，再加区域经理", "domain_experts", plan_id, intent="out_of_scope")
    assert followup(ActionReplyOutOfScope().run(dispatcher, tracker, {})) == RESUME_WITH_ANSWER


@pytest.mark.parametrize("text", ["什么是执行发起人？", "what is a data lake?", "你好", "谢谢", "bye"])
def test_a_question_or_small_talk_after_a_pause_is_not_an_answer(directory_db, dispatcher, text):
    plan_id = draft(answered_before("executive_sponsor"))
    events = ActionAnswerFaq().run(dispatcher, after_pause(text, "executive_sponsor", plan_id), {})
    assert followup(events) != RESUME_WITH_ANSWER
    assert stored(plan_id)["executive_sponsor"] is None


def test_a_pause_long_ago_is_not_answered_any_more(directory_db, dispatcher):
    plan_id = draft(answered_before("executive_sponsor"))
    tracker = after_pause("张总来当发起人", "executive_sponsor", plan_id, earlier=["你好", "数据湖是什么", "谢谢"])
    ActionAnswerFaq().run(dispatcher, tracker, {})
    assert stored(plan_id)["executive_sponsor"] is None


def test_a_yes_with_no_pause_behind_it_has_nothing_to_answer(directory_db, dispatcher):
    plan_id = draft(answered_before("q_important"))
    tracker = after_pause("是的", "q_important", plan_id, intent="affirm", earlier=["a", "b", "c"])
    assert ActionReplyNothingPending().run(dispatcher, tracker, {}) == []
    assert texts(dispatcher) == [messages.text("nothing_pending", "zh")]


def test_the_answer_goes_to_the_draft_of_the_person_only(directory_db, dispatcher):
    other = draft(answered_before("executive_sponsor"), unit="finance", owner="someone.else")
    tracker = after_pause("张总来当发起人", "executive_sponsor", other)
    events = ActionResumeWithAnswer().run(dispatcher, tracker, {})
    assert texts(dispatcher) == [messages.text("plan_no_draft", "zh")] and followup(events) is None
    assert stored(other)["executive_sponsor"] is None


@pytest.mark.parametrize(
    "text, intent", [("好的", "affirm"), ("ok thanks", "thank"), ("yes", "affirm"), ("收到", "affirm")]
)
def test_acknowledging_the_pause_is_not_an_answer(directory_db, dispatcher, text, intent):
    plan_id = draft(answered_before("q_important"))
    tracker = after_pause(text, "q_important", plan_id, intent=intent)
    assert ActionReplyNothingPending().run(dispatcher, tracker, {}) == []
    assert stored(plan_id)["q_important"] is None


def test_an_answer_to_another_question_is_not_taken_for_the_paused_one(directory_db, dispatcher):
    plan_id = draft(answered_before("problem"))
    tracker = after_pause("ok, our VP Ops will sponsor it", "problem", plan_id, intent="nlu_fallback", lang="en")
    assert followup(ActionAnswerFaq().run(dispatcher, tracker, {})) != RESUME_WITH_ANSWER
    assert stored(plan_id)["problem"] is None


@pytest.mark.parametrize(
    "text, kept",
    [("好了，POS流水和WMS库存数据", "POS流水和WMS库存数据"), ("ok I'm back. POS and WMS data", "POS and WMS data")],
)
def test_the_words_of_coming_back_are_not_stored_with_the_answer(directory_db, dispatcher, text, kept):
    plan_id = draft(answered_before("data_sources"))
    tracker = after_pause(text, "data_sources", plan_id, intent="nlu_fallback")
    assert followup(ActionAnswerFaq().run(dispatcher, tracker, {})) == RESUME_WITH_ANSWER
    ActionResumeWithAnswer().run(dispatcher, tracker, {})
    assert stored(plan_id)["data_sources"] == kept
