"""actions/forms.py's PendingQuestionForm, one handler at a time: each test calls a form's
validation action's `run()` on a real rasa_sdk Tracker and CollectingDispatcher and checks
the exact events it returns (as financial-demo's action tests do) and what it said."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.confirmations import ValidateConfirmForm
from actions.faq import kb_buttons
from actions.plan_flow import ValidateNoPlanForm
from actions.plan_form import ValidatePlanForm
from actions.planning_office import ValidateReviewForm
from bot import cycle_text, messages, planning
from bot.dialogue import prompts
from bot.kb import faq, gaps
from bot.store.db import session_scope
from tests.support.forms import activation_tracker, form_tracker, run
from tests.support.store import stored

YEAR = planning.default_year()
Events = List[Dict[str, Any]]


def review(text: str, asked: str, slots: Optional[Dict[str, Any]] = None, intent: str = "inform", lang: str = "zh"):
    """review_form's validation, with plan 1's decision (or note) pending, as wang.fang of the planning office."""
    tracker = form_tracker(
        "wang.fang",
        text,
        form="review_form",
        asked=asked,
        intent=intent,
        slots={"language": lang, "review_plan_id": 1, **(slots or {})},
    )
    dispatcher = CollectingDispatcher()
    return run(ValidateReviewForm(), tracker, dispatcher), dispatcher


def no_plan(text: str, intent: str = "inform", lang: str = "zh"):
    """no_plan_form's validation, with the reason pending, as li.wei (a lead)."""
    tracker = form_tracker(
        "li.wei",
        text,
        form="no_plan_form",
        asked="no_plan_reason",
        intent=intent,
        slots={"language": lang, "plan_unit": "retail", "plan_year": YEAR},
    )
    dispatcher = CollectingDispatcher()
    return run(ValidateNoPlanForm(), tracker, dispatcher), dispatcher


def confirm(text: str, confirming: str, intent: str = "inform", lang: str = "zh", **slots: Any):
    tracker = form_tracker(
        "li.wei",
        text,
        form="confirm_form",
        asked="confirmation",
        intent=intent,
        slots={"language": lang, "confirming": confirming, **slots},
    )
    dispatcher = CollectingDispatcher()
    return run(ValidateConfirmForm(), tracker, dispatcher), dispatcher


def said(dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
    """What the action sent: text and buttons of each message."""
    return [{"text": m["text"], "buttons": m["buttons"]} for m in dispatcher.messages]


def text_of(key: str, lang: str = "zh", **values: Any) -> Dict[str, Any]:
    return {"text": messages.text(key, lang, **values), "buttons": []}


# --- 1. stored value ---------------------------------------------------------------------------


def test_a_form_starting_with_answers_stored_keeps_them_and_asks_the_first_one_missing(directory_db):
    slots = {"review_plan_id": 1, "review_decision": "approved"}
    tracker = activation_tracker("wang.fang", form="review_form", slots=slots)
    dispatcher = CollectingDispatcher()
    assert run(ValidateReviewForm(), tracker, dispatcher) == [SlotSet("requested_slot", "review_note")]
    assert dispatcher.messages == []


def test_a_form_starting_with_every_answer_stored_asks_nothing(directory_db):
    slots = {"review_plan_id": 1, "review_decision": "approved", "review_note": "好"}
    tracker = activation_tracker("wang.fang", form="review_form", slots=slots)
    assert run(ValidateReviewForm(), tracker, CollectingDispatcher()) == [SlotSet("requested_slot", None)]


# --- 2. FAQ digression -------------------------------------------------------------------------


def test_a_question_mid_form_is_answered_from_the_knowledge_base_and_the_question_asked_again(directory_db):
    events, dispatcher = confirm(
        "what is machine learning?", "withdraw", intent="ask_faq", lang="en", withdraw_candidate=1
    )
    assert events == [
        SlotSet("confirmation", None),
        SlotSet("last_kb_id", "what-is-ml"),
        SlotSet("faq_seen", ["what-is-ml"]),
        SlotSet("reask", "back"),
        SlotSet("requested_slot", "confirmation"),
    ]
    related = faq.related("what-is-ml")[:3]
    assert said(dispatcher) == [
        {"text": faq.answer_text("what-is-ml", "en"), "buttons": []},
        {"text": messages.text("faq_related", "en"), "buttons": kb_buttons(related, "en")},
    ]


def test_a_knowledge_base_button_mid_form_answers_that_entry(directory_db):
    events, dispatcher = no_plan(faq.payload("data-lake"), intent="ask_faq")
    assert events == [
        SlotSet("no_plan_reason", None),
        SlotSet("last_kb_id", "data-lake"),
        SlotSet("faq_seen", ["data-lake"]),
        SlotSet("reask", "back"),
        SlotSet("requested_slot", "no_plan_reason"),
    ]
    assert said(dispatcher)[0] == {"text": faq.answer_text("data-lake", "zh"), "buttons": []}


def test_a_close_call_mid_form_offers_the_candidates(directory_db):
    events, dispatcher = no_plan("what about the cases?", intent="ask_faq", lang="en")
    assert events == [
        SlotSet("no_plan_reason", None),
        SlotSet("reask", "back"),
        SlotSet("requested_slot", "no_plan_reason"),
    ]
    candidates = [m.id for m in faq.lookup("what about the cases?").matches]
    assert said(dispatcher) == [{"text": messages.text("faq_clarify", "en"), "buttons": kb_buttons(candidates, "en")}]


def test_an_unknown_question_mid_form_is_declined_and_logged_as_a_gap(directory_db):
    events, dispatcher = no_plan("火星上的咖啡豆怎么烘焙最好？", intent="ask_faq")
    assert events == [
        SlotSet("no_plan_reason", None),
        SlotSet("reask", "back"),
        SlotSet("requested_slot", "no_plan_reason"),
    ]
    assert said(dispatcher) == [text_of("form_kb_none")]
    with session_scope() as session:
        logged = [(g.question, g.lang, g.sender_id) for g in gaps.recent(session)]
    assert logged == [("火星上的咖啡豆怎么烘焙最好？", "zh", "li.wei")]


def test_the_deadline_asked_mid_form_is_told_and_not_logged_as_a_gap(directory_db):
    events, dispatcher = no_plan("截止日期是什么时候？", intent="ask_faq")
    assert events == [
        SlotSet("no_plan_reason", None),
        SlotSet("reask", "back"),
        SlotSet("requested_slot", "no_plan_reason"),
    ]
    with session_scope() as session:
        assert said(dispatcher) == [{"text": cycle_text.deadline_answer(session, YEAR, "zh"), "buttons": []}]
        assert gaps.recent(session) == []


# --- 3. clear option ---------------------------------------------------------------------------


def test_a_button_is_the_answer_and_the_next_question_follows(directory_db):
    events, dispatcher = review(prompts.choice_payload("approved"), "review_decision")
    assert events == [
        SlotSet("review_decision", "approved"),
        SlotSet("failed_tries", 0),
        SlotSet("reask", None),
        SlotSet("requested_slot", "review_note"),
    ]
    assert dispatcher.messages == []


def test_a_yes_button_confirms(directory_db):
    events, _ = confirm("/affirm", "withdraw", withdraw_candidate=1)
    assert events == [
        SlotSet("confirmation", "yes"),
        SlotSet("failed_tries", 0),
        SlotSet("reask", None),
        SlotSet("requested_slot", None),
    ]


# --- 4. skip -----------------------------------------------------------------------------------


def test_the_skip_button_at_the_review_note_leaves_it_empty(directory_db):
    events, _ = review("/skip", "review_note", slots={"review_decision": "approved"})
    assert events == [
        SlotSet("review_note", "-"),
        SlotSet("failed_tries", 0),
        SlotSet("reask", None),
        SlotSet("requested_slot", None),
    ]


def test_skip_said_where_an_answer_is_needed_is_refused_with_the_options(directory_db):
    events, dispatcher = review("跳过", "review_decision")
    assert events == [
        SlotSet("review_decision", None),
        SlotSet("failed_tries", 1),
        SlotSet("reask", "again"),
        SlotSet("requested_slot", "review_decision"),
    ]
    assert said(dispatcher) == [text_of("review_invalid_decision")]


def test_skip_at_a_confirmation_is_a_no(directory_db):
    events, _ = confirm("/skip", "withdraw", withdraw_candidate=1)
    assert events == [
        SlotSet("confirmation", "no"),
        SlotSet("failed_tries", 0),
        SlotSet("reask", None),
        SlotSet("requested_slot", None),
    ]


def test_skip_at_a_plan_question_is_saved_as_unknown(directory_db):
    tracker = form_tracker("li.wei", "跳过", form="plan_form", asked="title", slots={"plan_year": YEAR})
    dispatcher = CollectingDispatcher()
    events = run(ValidatePlanForm(), tracker, dispatcher)
    assert events == [
        SlotSet("title", planning.SKIPPED),
        SlotSet("plan_draft_id", 1),
        SlotSet("plan_draft_version", 2),  # the draft created (1), then the answer saved (2)
        SlotSet("failed_tries", 0),
        SlotSet("reask", None),
        SlotSet("requested_slot", "problem"),
    ]
    assert said(dispatcher) == [text_of("plan_skipped")]
    assert stored(1)["title"] is None  # stored as unknown, never invented


# --- 5. command --------------------------------------------------------------------------------


def test_pause_ends_the_form(directory_db):
    events, dispatcher = confirm("暂停", "withdraw", withdraw_candidate=1)
    assert events == [
        SlotSet("confirmation", None),
        SlotSet("form_exit", "pause"),
        SlotSet("requested_slot", None),
    ]
    assert dispatcher.messages == []


def test_what_do_you_mean_explains_the_question_and_asks_it_again(directory_db):
    events, dispatcher = confirm("这个什么意思？", "withdraw", withdraw_candidate=1)
    assert events == [
        SlotSet("confirmation", None),
        SlotSet("reask", "back"),
        SlotSet("requested_slot", "confirmation"),
    ]
    assert said(dispatcher) == [{"text": prompts.explanation("confirmation", "zh"), "buttons": []}]


def test_hold_on_waits_without_asking_again(directory_db):
    events, dispatcher = confirm("稍等", "withdraw", withdraw_candidate=1)
    assert events == [
        SlotSet("confirmation", None),
        SlotSet("reask", "silent"),
        SlotSet("requested_slot", "confirmation"),
    ]
    assert said(dispatcher) == [text_of("form_wait")]


def test_a_change_asked_from_a_form_that_is_not_the_plan_leaves_it_for_the_change(directory_db):
    events, _ = review("wait, change the sponsor", "review_note", slots={"review_decision": "approved"}, lang="en")
    assert events == [
        SlotSet("review_note", None),
        SlotSet("form_exit", "edit"),
        SlotSet("plan_editing", "executive_sponsor"),
        SlotSet("requested_slot", None),
    ]


# --- 6. digression intent ----------------------------------------------------------------------


def test_small_talk_gets_its_reply_and_the_question_again(directory_db):
    events, dispatcher = confirm("谢谢", "withdraw", intent="thank", withdraw_candidate=1)
    assert events == [
        SlotSet("confirmation", None),
        SlotSet("reask", "back"),
        SlotSet("requested_slot", "confirmation"),
    ]
    assert said(dispatcher) == [text_of("thank")]


def test_a_greeting_mid_form_greets_by_name(directory_db):
    tracker = form_tracker(
        "li.wei",
        "你好",
        form="confirm_form",
        asked="confirmation",
        intent="greet",
        slots={"confirming": "withdraw", "withdraw_candidate": 1, "person_name": "李伟"},
    )
    dispatcher = CollectingDispatcher()
    events = run(ValidateConfirmForm(), tracker, dispatcher)
    assert events == [
        SlotSet("confirmation", None),
        SlotSet("reask", "back"),
        SlotSet("requested_slot", "confirmation"),
    ]
    assert said(dispatcher) == [text_of("greet_known", name="李伟")]


# --- 7. parse or reject ------------------------------------------------------------------------


def test_an_answer_in_words_is_read_and_taken(directory_db):
    events, dispatcher = review("批准", "review_decision")
    assert events == [
        SlotSet("review_decision", "approved"),
        SlotSet("failed_tries", 0),
        SlotSet("reask", None),
        SlotSet("requested_slot", "review_note"),
    ]
    assert dispatcher.messages == []


def test_a_free_text_answer_is_taken_whole(directory_db):
    events, _ = no_plan("预算被砍了，今年不做")
    assert events == [
        SlotSet("no_plan_reason", "预算被砍了，今年不做"),
        SlotSet("failed_tries", 0),
        SlotSet("reask", None),
        SlotSet("requested_slot", None),
    ]


def test_an_unclear_answer_says_what_was_wrong_and_asks_again_with_the_options(directory_db):
    events, dispatcher = review("嗯嗯嗯", "review_decision")
    assert events == [
        SlotSet("review_decision", None),
        SlotSet("failed_tries", 1),
        SlotSet("reask", "again"),
        SlotSet("requested_slot", "review_decision"),
    ]
    assert said(dispatcher) == [text_of("review_invalid_decision")]


def test_a_second_unclear_answer_gives_up_instead_of_asking_a_third_time(directory_db):
    events, dispatcher = review("嗯嗯嗯", "review_decision", slots={"failed_tries": 1})
    assert events == [
        SlotSet("review_decision", None),
        SlotSet("form_exit", "pause"),
        SlotSet("failed_tries", 0),
        SlotSet("requested_slot", None),
    ]
    assert dispatcher.messages == []


# --- a subclass's own handler, in front: confirm_form's named year ------------------------------


def test_a_year_named_at_the_start_question_starts_the_plan_for_that_year(directory_db):
    later = YEAR + 1
    events, _ = confirm(f"不对，是{later}年的", "start", intent="deny", plan_year=YEAR, plan_unit="retail")
    assert events == [
        SlotSet("confirmation", "yes"),
        SlotSet("plan_year", later),
        SlotSet("failed_tries", 0),
        SlotSet("reask", None),
        SlotSet("requested_slot", None),
    ]


def test_a_no_at_the_start_question_asks_for_the_year(directory_db):
    events, _ = confirm("不对", "start", intent="deny", plan_year=YEAR, plan_unit="retail")
    assert events == [
        SlotSet("confirmation", None),
        SlotSet("confirming", "start_year"),
        SlotSet("reask", None),
        SlotSet("requested_slot", "confirmation"),
    ]


# --- said again -------------------------------------------------------------------------------


def test_an_answer_no_rule_reads_said_again_is_taken_as_it_leans(directory_db):
    text = "this costs the company dearly"
    tracker = form_tracker(
        "li.wei", text, form="plan_form", asked="q_important", slots={"plan_year": YEAR, "failed_tries": 1}
    )
    tracker.slots["language"] = "en"
    dispatcher = CollectingDispatcher()
    events = run(ValidatePlanForm(), tracker, dispatcher)
    assert SlotSet("q_important", "yes") in events
    assert said(dispatcher)[0]["text"].startswith("I'm not fully sure how to read that")
    assert stored(1)["q_important"] == "yes"


def test_a_description_said_again_after_it_was_taken_for_a_question_is_the_answer(directory_db):
    text = "怎么让销售知道该先跟哪个老客户，推什么？"
    first = form_tracker(
        "li.wei", text, form="plan_form", asked="problem", slots={"plan_year": YEAR, "title": "复购推荐"}
    )
    first_dispatcher = CollectingDispatcher()
    assert SlotSet("problem", None) in run(ValidatePlanForm(), first, first_dispatcher)
    again = form_tracker(
        "li.wei", text, form="plan_form", asked="problem", slots={"plan_year": YEAR, "title": "复购推荐"}
    )
    again.events.insert(0, {"event": "user", "text": text})
    events = run(ValidatePlanForm(), again, CollectingDispatcher())
    assert SlotSet("problem", text) in events


def test_a_choice_answer_said_again_after_it_was_explained_is_not_explained_a_third_time(directory_db):
    text = "啥意思？"
    tracker = form_tracker("li.wei", text, form="plan_form", asked="q_important", slots={"plan_year": YEAR})
    tracker.events.insert(0, {"event": "user", "text": text})
    dispatcher = CollectingDispatcher()
    events = run(ValidatePlanForm(), tracker, dispatcher)
    assert SlotSet("failed_tries", 1) in events and SlotSet("reask", "again") in events


# --- the planning office's own questions mid-review ----------------------------------------------------


def test_a_listing_asked_for_mid_review_is_answered_and_the_note_asked_again(directory_db):
    events, dispatcher = review("还有哪些部门没交？", "review_note", slots={"review_decision": "needs_work"})
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("review_note") is None and slots["requested_slot"] == "review_note" and slots["reask"] == "back"
    assert dispatcher.messages and "没交" not in dispatcher.messages[0]["text"]  # the listing, not the question
    noted, _ = review("指标太虚了，请补充", "review_note", slots={"review_decision": "needs_work"})
    assert {e["name"]: e["value"] for e in noted if e.get("event") == "slot"}["review_note"] == "指标太虚了，请补充"
