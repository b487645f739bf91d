"""FAQ actions on real trackers, with gaps stored in a real SQLite database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from actions.faq import ActionAnswerFaq, ActionFaqMore, ActionReplyOutOfScope
from bot import messages
from bot.kb.faq import answer_text, payload
from bot.store.db import session_scope
from bot.store.models import KnowledgeGap
from tests.support.forms import slots_of
from tests.support.trackers import make_tracker


def test_a_clear_question_is_answered_with_related_topics(sqlite_url, dispatcher):
    tracker = make_tracker("li.wei", "我想问一下 data lake 是什么", "ask_faq", slots={"language": "zh"})
    events = ActionAnswerFaq().run(dispatcher, tracker, {})
    answer, related = dispatcher.messages
    assert answer["text"] == answer_text("data-lake", "zh")
    assert "出处" in answer["text"]
    assert [b["payload"] for b in related["buttons"]] == [
        payload(i) for i in ("data-strategy", "data-quality", "case-zillow")
    ]
    assert related["buttons"][0]["title"].endswith("？")
    assert slots_of(events) == {"last_kb_id": "data-lake", "faq_seen": ["data-lake"]}


def test_a_button_payload_answers_the_chosen_entry(sqlite_url, dispatcher):
    tracker = make_tracker(
        "anna.smith",
        '/ask_faq{"kb_id": "case-zillow"}',
        "ask_faq",
        entities=[{"entity": "kb_id", "value": "case-zillow"}],
        slots={"language": "en"},
    )
    ActionAnswerFaq().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == answer_text("case-zillow", "en")


def test_a_forged_payload_id_is_ignored(sqlite_url, dispatcher):
    tracker = make_tracker(
        "anna.smith",
        "<script>",
        "ask_faq",
        entities=[{"entity": "kb_id", "value": "../../etc/passwd"}],
        slots={"language": "en"},
    )
    ActionAnswerFaq().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == messages.text("faq_none", "en")


def test_a_close_call_offers_buttons_and_logs_nothing(sqlite_url, dispatcher):
    tracker = make_tracker("anna.smith", "data", "ask_faq", slots={"language": "en"})
    assert ActionAnswerFaq().run(dispatcher, tracker, {}) == []
    message = dispatcher.messages[0]
    assert message["text"] == messages.text("faq_clarify", "en")
    assert 2 <= len(message["buttons"]) <= 3
    with session_scope() as session:
        assert session.execute(select(KnowledgeGap)).scalars().all() == []


def test_an_unknown_question_is_declined_honestly_and_logged(sqlite_url, dispatcher):
    tracker = make_tracker("li.wei", "量子计算机什么时候能普及", "ask_faq", slots={"language": "zh"})
    ActionAnswerFaq().run(dispatcher, tracker, {})
    assert [m["text"] for m in dispatcher.messages] == [messages.text("faq_none", "zh")]
    with session_scope() as session:
        gap = session.execute(select(KnowledgeGap)).scalar_one()
    assert (gap.question, gap.lang, gap.sender_id) == ("量子计算机什么时候能普及", "zh", "li.wei")


def test_nlu_fallback_without_a_match_asks_to_rephrase_without_logging(sqlite_url, dispatcher):
    tracker = make_tracker("li.wei", "asdf qwer", "nlu_fallback", slots={"language": "en"})
    ActionAnswerFaq().run(dispatcher, tracker, {})
    assert [m["text"] for m in dispatcher.messages] == [messages.text("please_rephrase", "en")]
    with session_scope() as session:
        assert session.execute(select(KnowledgeGap)).scalars().all() == []


def test_an_example_follow_up_goes_to_a_case_study(sqlite_url, dispatcher):
    tracker = make_tracker(
        "li.wei", "举个例子", "faq_more", slots={"language": "zh", "last_kb_id": "data-lake", "faq_seen": ["data-lake"]}
    )
    events = ActionFaqMore().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == answer_text("case-zillow", "zh")
    assert slots_of(events)["faq_seen"] == ["data-lake", "case-zillow"]


def test_tell_me_more_goes_to_the_next_unseen_related_entry(sqlite_url, dispatcher):
    tracker = make_tracker(
        "anna.smith",
        "tell me more",
        "faq_more",
        slots={"language": "en", "last_kb_id": "data-lake", "faq_seen": ["data-lake", "data-strategy"]},
    )
    ActionFaqMore().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == answer_text("data-quality", "en")


def test_a_follow_up_with_nothing_before_or_nothing_left(sqlite_url, dispatcher):
    ActionFaqMore().run(dispatcher, make_tracker("x", "tell me more", "faq_more", slots={"language": "en"}), {})
    seen = ["ai-vs-ml", "what-is-ai", "what-is-ml"]
    ActionFaqMore().run(
        dispatcher,
        make_tracker("x", "more", "faq_more", slots={"language": "en", "last_kb_id": "ai-vs-ml", "faq_seen": seen}),
        {},
    )
    assert [m["text"] for m in dispatcher.messages] == [
        messages.text("faq_more_nothing", "en"),
        messages.text("faq_more_done", "en"),
    ]


def test_a_question_taken_for_out_of_scope_is_still_answered_when_the_knowledge_base_is_sure(sqlite_url, dispatcher):
    tracker = make_tracker("anna.smith", "what is a data lake?", "out_of_scope", slots={"language": "en"})
    events = ActionReplyOutOfScope().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == answer_text("data-lake", "en")
    assert slots_of(events)["last_kb_id"] == "data-lake"


@pytest.mark.parametrize("text", ["tell me a joke", "how do I cook rice?", "data?"])
def test_out_of_scope_stays_out_of_scope_without_a_confident_answer(sqlite_url, dispatcher, text):
    tracker = make_tracker("anna.smith", text, "out_of_scope", slots={"language": "en"})
    assert ActionReplyOutOfScope().run(dispatcher, tracker, {}) == []
    assert [m["text"] for m in dispatcher.messages] == [messages.text("out_of_scope", "en")]
    with session_scope() as session:
        assert session.execute(select(KnowledgeGap)).scalars().all() == []


@pytest.mark.parametrize(
    "lang, text, entry",
    [
        ("zh", "货车运输的例子", "case-convoy"),
        ("zh", "能举个医疗的例子吗", "case-cerner"),
        ("en", "tell me more about data lakes", "data-lake"),
    ],
)
def test_a_follow_up_that_names_its_topic_answers_that_topic(sqlite_url, dispatcher, lang, text, entry):
    tracker = make_tracker(
        "li.wei", text, "faq_more", slots={"language": lang, "last_kb_id": "value-tree", "faq_seen": ["value-tree"]}
    )
    events = ActionFaqMore().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == answer_text(entry, lang)
    assert slots_of(events)["faq_seen"] == ["value-tree", entry]


def test_more_about_the_topic_just_answered_moves_on_to_a_related_one(sqlite_url, dispatcher):
    tracker = make_tracker(
        "anna.smith",
        "tell me more about data lakes",
        "faq_more",
        slots={"language": "en", "last_kb_id": "data-lake", "faq_seen": ["data-lake"]},
    )
    ActionFaqMore().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == answer_text("data-strategy", "en")


def test_an_answer_typed_after_a_pause_is_pointed_back_to_the_draft(sqlite_url, dispatcher):
    tracker = make_tracker(
        "li.wei", "两个客服组长和质检主管", "nlu_fallback", slots={"language": "zh", "plan_draft_id": 3}
    )
    ActionAnswerFaq().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == messages.text("please_rephrase_draft", "zh", id=3)
    assert "继续我的计划" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize("text", ["物流部准备弄个机器学习的方案", "I've been asked to sort out the ML plan for stores"])
def test_an_unread_statement_about_an_ml_plan_asks_a_lead_to_start_one(directory_db, dispatcher, text):
    tracker = make_tracker("li.wei", text, "nlu_fallback", slots={"language": "zh"})
    events = ActionAnswerFaq().run(dispatcher, tracker, {})
    assert events == [{"event": "followup", "name": "action_start_plan", "timestamp": None}]
    assert not dispatcher.messages


@pytest.mark.parametrize(
    "sender, text",
    [
        ("james.lee", "I've been asked to sort out the ML plan for stores"),  # the planning office files no plans
        ("li.wei", "what is an ML plan?"),
        ("li.wei", "our team needs a plan for the offsite"),
    ],
)
def test_no_start_offered_for_these(directory_db, dispatcher, sender, text):
    tracker = make_tracker(sender, text, "nlu_fallback", slots={"language": "en"})
    events = ActionAnswerFaq().run(dispatcher, tracker, {})
    assert not any(e.get("event") == "followup" for e in events) and dispatcher.messages


def test_an_unread_message_saying_the_lead_is_back_resumes_the_paused_draft(directory_db, dispatcher):
    from bot.store import plans as store

    with session_scope() as session:
        store.create_plan(session, unit="retail", year=2027, owner="li.wei", language="zh", status="draft", answers={})
    for text, action in [
        ("我这边问好了，咱接着整", "action_resume_plan"),
        ("ok heard back from IT", "action_resume_plan"),
    ]:
        events = ActionAnswerFaq().run(
            dispatcher, make_tracker("li.wei", text, "nlu_fallback", slots={"language": "zh"}), {}
        )
        assert events == [{"event": "followup", "name": action, "timestamp": None}]
    ActionAnswerFaq().run(dispatcher, make_tracker("li.wei", "不继续了", "nlu_fallback", slots={"language": "zh"}), {})
    assert dispatcher.messages  # told how to come back, not resumed


def test_being_back_without_a_draft_resumes_nothing(directory_db, dispatcher):
    events = ActionAnswerFaq().run(dispatcher, make_tracker("li.wei", "ok heard back from IT", "nlu_fallback"), {})
    assert not any(e.get("event") == "followup" for e in events)


def _after(action: str, sender: str, text: str, slots=None):
    from rasa_sdk import Tracker

    latest = {"text": text, "intent": {"name": "faq_more", "confidence": 0.99}, "entities": []}
    return Tracker(
        sender_id=sender,
        slots={"language": "zh", "person_name": None, "language_choice": None, **(slots or {})},
        latest_message=latest,
        events=[
            {"event": "user", "text": "earlier"},
            {"event": "action", "name": action},
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text, "parse_data": latest},
        ],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def test_continue_after_a_pause_resumes_the_draft_and_after_an_answer_goes_on_with_the_topic(directory_db, dispatcher):
    from bot.store import plans as store

    with session_scope() as session:
        store.create_plan(session, unit="retail", year=2027, owner="li.wei", language="zh", status="draft", answers={})
    events = ActionFaqMore().run(
        dispatcher, _after("action_pause_plan", "li.wei", "继续", {"last_kb_id": "data-lake"}), {}
    )
    assert events == [{"event": "followup", "name": "action_resume_plan", "timestamp": None}]
    events = ActionFaqMore().run(
        dispatcher, _after("action_answer_faq", "li.wei", "继续", {"last_kb_id": "data-lake"}), {}
    )
    assert not any(e.get("event") == "followup" for e in events) and dispatcher.messages


def test_continue_without_a_draft_goes_on_with_the_topic(directory_db, dispatcher):
    events = ActionFaqMore().run(
        dispatcher, _after("action_pause_plan", "li.wei", "继续", {"last_kb_id": "data-lake"}), {}
    )
    assert not any(e.get("event") == "followup" for e in events)


@pytest.mark.parametrize(
    "sender, followed",
    [("li.wei", "action_start_no_plan"), ("wang.fang", None)],  # the planning office declares nothing
)
def test_an_unread_statement_of_no_plan_this_year_asks_a_lead_for_the_reason(
    directory_db, dispatcher, sender, followed
):
    tracker = make_tracker(
        sender, "今年就不报了哈，我们采购这边在换ERP系统，实在顾不上", "nlu_fallback", slots={"language": "zh"}
    )
    events = ActionAnswerFaq().run(dispatcher, tracker, {})
    assert next((e["name"] for e in events if e.get("event") == "followup"), None) == followed
