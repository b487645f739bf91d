"""`make run`'s servers restarted in the middle of a plan: the conversation tracker is in
SQLite (Rasa's SQL tracker store, endpoints.yml), so the next answer goes to the question
that was asked before the restart, without "continue my plan"."""

from __future__ import annotations

import pytest

from bot import messages
from bot.store import plans as store
from bot.store.db import session_scope
from tests.support.servers import RunningAssistant, seeded_database

pytestmark = pytest.mark.servers

PEOPLE = {  # sender: (language, unit, start, confirm, title, problem, the answer after the restart)
    "tom.baker": (
        "en",
        "finance",
        "I want to write next year's ML plan",
        "yes",
        "Invoice fraud detection",
        "Manual checks miss duplicate and fraudulent invoices",
        "yes, it's important",
    ),
    "zhang.min": (
        "zh",
        "logistics",
        "我要写明年的机器学习计划",
        "是的",
        "门店补货需求预测",
        "货架经常缺货，卖得慢的商品又订多了",
        "是的，很重要",
    ),
}


def test_a_restart_mid_form_continues_at_the_same_question(tmp_path, monkeypatch):
    url = seeded_database(tmp_path, "restart-mid-form.sqlite3")
    assistant = RunningAssistant(tmp_path, url).start()
    try:
        for sender, (lang, _, start, confirm, title, problem, _) in PEOPLE.items():
            for text in (start, confirm, title):
                assistant.texts(sender, text)
            asked = assistant.texts(sender, problem)
            assert messages.text("ask.q_important", lang) in asked[-1]
    finally:
        assistant.stop()
    assert (tmp_path / "conversations.sqlite3").exists()
    assistant = RunningAssistant(tmp_path, url).start()  # fresh processes, same files
    try:
        for sender, (lang, unit, _, _, title, problem, answer) in PEOPLE.items():
            replies = assistant.texts(sender, answer)
            assert messages.text("ask.q_real_problem", lang) in replies[-1], replies
            monkeypatch.setenv("MLPLAN_DATABASE_URL", url)
            with session_scope() as session:
                [plan] = store.list_plans(session, unit=unit)
                assert (plan.title, plan.problem, plan.q_important, plan.q_real_problem, plan.status) == (
                    title,
                    problem,
                    "yes",
                    None,
                    "draft",
                )
    finally:
        assistant.stop()
