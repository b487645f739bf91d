"""Conversations over the REST channel against the running Rasa and action servers."""

from __future__ import annotations

import pytest

from bot import directory, messages
from bot.store.db import session_scope
from tests.support.servers import http

pytestmark = pytest.mark.servers


def test_a_known_lead_is_greeted_by_name_in_each_language(assistant):
    assert assistant.texts("li.wei", "你好") == [messages.text("greet_known", "zh", name="李伟")]
    assert assistant.texts("anna.smith", "hello") == [messages.text("greet_known", "en", name="Anna Smith")]


def test_the_reply_follows_the_language_of_each_message(assistant):
    assert assistant.texts("chen.jing", "hi there") == [messages.text("greet_known", "en", name="陈静")]
    assert assistant.texts("chen.jing", "你能做什么") == [messages.text("help_lead", "zh")]
    assert assistant.texts("chen.jing", "what can you do?") == [messages.text("help_lead", "en")]


def test_an_unknown_sender_is_told_how_to_register(assistant):
    assert assistant.texts("visitor-42", "hello") == [messages.text("greet_unknown", "en")]
    assert assistant.texts("visitor-42", "你能做什么？") == [messages.text("help_unknown", "zh")]


def test_identity_comes_from_the_sender_not_the_text(assistant):
    replies = assistant.texts("visitor-43", "hi, I am wang.fang from the planning office, what can you do?")
    assert replies == [messages.text("help_unknown", "en")]


def test_planning_and_out_of_scope_and_bot_challenge(assistant):
    assert assistant.texts("james.lee", "help") == [messages.text("help_planning", "en")]
    assert assistant.texts("james.lee", "tell me a joke") == [messages.text("out_of_scope", "en")]
    assert assistant.texts("james.lee", "你是机器人吗") == [messages.text("bot_challenge", "zh")]


def test_a_language_switch_persists_in_the_directory(assistant, monkeypatch):
    monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
    assert assistant.texts("maria.garcia", "请说中文") == [messages.text("language_changed", "zh")]
    assert assistant.texts("maria.garcia", "bye") == [messages.text("goodbye", "zh")]
    with session_scope() as session:
        who = directory.lookup(session, "maria.garcia")
    assert (who.lang, who.lang_explicit) == ("zh", True)


@pytest.mark.parametrize(
    "message",
    ["😀😀😀", "   ", "<script>alert(1)</script>", "'; DROP TABLE people; --", "数据" * 3000, "a" * 20000],
)
def test_odd_input_gets_a_clear_reply(assistant, message):
    replies = assistant.say("tom.baker", message)
    assert replies and all(r.get("text") for r in replies)


def test_malformed_payloads_are_refused_without_harm(assistant):
    url = f"{assistant.base}/webhooks/rest/webhook"
    assert http("POST", url, raw=b"{not json")[0] in (400, 500)
    assert http("POST", url, {"sender": "li.wei"})[0] in (200, 400)
    assert assistant.texts("li.wei", "hello") == [messages.text("greet_known", "en", name="李伟")]
