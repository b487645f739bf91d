"""FAQ over the REST channel: a direct answer, a close call with buttons, an honest
no-answer that is logged - in each language."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot import messages
from bot.kb import faq
from bot.kb.faq import answer_text
from bot.store.db import session_scope
from bot.store.models import KnowledgeGap, Plan

pytestmark = pytest.mark.servers


@pytest.mark.parametrize(
    "sender, lang, question, entry",
    [
        ("li.wei", "zh", "我想问一下 data lake 是什么", "data-lake"),
        ("anna.smith", "en", "what is a value tree?", "value-tree"),
    ],
)
def test_a_direct_answer_with_related_buttons(assistant, sender, lang, question, entry):
    answer, related = assistant.say(sender, question)
    assert answer["text"] == answer_text(entry, lang)
    assert related["text"] == messages.text("faq_related", lang)
    topics = faq.related(entry)[:3]
    assert related["buttons"] == [{"title": faq.title(i, lang), "payload": faq.payload(i)} for i in topics]
    assert assistant.say(sender, faq.payload(topics[0]))[0]["text"] == answer_text(topics[0], lang)


@pytest.mark.parametrize(
    "sender, lang, question", [("chen.jing", "zh", "数据怎么办？"), ("tom.baker", "en", "what about data?")]
)
def test_a_close_call_offers_candidates(assistant, sender, lang, question):
    replies = assistant.say(sender, question)
    assert replies[0]["text"] == messages.text("faq_clarify", lang)
    assert 2 <= len(replies[0]["buttons"]) <= 3


@pytest.mark.parametrize(
    "sender, lang, question",
    [
        ("zhang.min", "zh", "量子计算机什么时候能普及到企业里？"),
        ("maria.garcia", "en", "how many years must machine learning training data be kept for compliance?"),
    ],
)
def test_an_unknown_question_is_declined_and_logged(assistant, monkeypatch, sender, lang, question):
    replies = assistant.texts(sender, question)
    assert replies == [messages.text("faq_none", lang)]
    monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
    with session_scope() as session:
        logged = session.execute(select(KnowledgeGap).where(KnowledgeGap.sender_id == sender)).scalars().all()
    assert [g.question for g in logged] == [question]


def test_an_example_follow_up(assistant):
    assistant.say("james.lee", "what is a data lake")
    assert assistant.texts("james.lee", "give me an example")[0] == answer_text("case-zillow", "en")


@pytest.mark.parametrize(
    "sender, unit, lang, question, back_out",
    [
        ("anna.smith", "manufacturing", "en", "is it ok to say we have no ML plan?", "never mind"),
        ("li.wei", "retail", "zh", "我们能不能说今年没有机器学习计划？", "算了"),
    ],
)
def test_asking_about_the_no_plan_rule_declares_nothing(assistant, monkeypatch, sender, unit, lang, question, back_out):
    replies = assistant.say(sender, question)
    assert replies[0]["text"] == answer_text("every-leader-plan", lang)
    offer = replies[-1]
    year = re.search(r"20\d\d", offer["text"]).group()
    assert [b["title"] for b in offer["buttons"]] == [messages.text("button_declare_no_plan", lang, year=year)]
    asked = assistant.texts(sender, offer["buttons"][0]["payload"])  # the lead clicks, then thinks better of it
    assert year in asked[-1] and asked[-1].endswith(("？", "?"))
    assert assistant.texts(sender, back_out) == [messages.text("no_plan_left", lang)]  # out at once, nothing asked
    monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
    with session_scope() as session:
        assert session.execute(select(Plan).where(Plan.unit_key == unit, Plan.status == "no_plan")).all() == []
