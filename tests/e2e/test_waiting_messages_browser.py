"""A review decision waiting for a lead without Slack, seen in Debian's headless Chromium: it is
shown when the chat opens, once, and its button opens the plan for editing."""

from __future__ import annotations

import pytest

from bot import directory, messages, planning, reminders
from bot.channels import tokens
from bot.store import plans as store
from bot.store.db import session_scope
from tests.e2e.test_web_chat_browser import bot_texts, browser, wait_for_bot  # noqa: F401 (fixture)
from tests.support.servers import TEST_JWT_SECRET

pytestmark = pytest.mark.servers


def test_a_waiting_decision_is_shown_when_the_chat_opens(assistant, browser, monkeypatch):  # noqa: F811
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    with session_scope(assistant.database_url) as session:  # a lead of their own, whom no other test talks as
        directory.add_person(session, "liu.yang", name="刘洋", unit="hr", role="lead", lang="zh")
        plan = store.create_plan(
            session,
            unit="hr",
            year=planning.default_year(),
            owner="liu.yang",
            language="zh",
            answers={"title": "工单智能分类"},
        )
        store.set_status(session, plan.id, "submitted", actor="liu.yang")
        plan = store.record_review(session, plan.id, "needs_work", "请补充成功指标", reviewer="wang.fang")
        [told] = reminders.tell_decision(session, plan, plan.reviews[-1])
        assert told.status == "pending-web"

    page = browser.new_page()
    page.goto(f"{assistant.base}/chat#token={tokens.issue('liu.yang', 10, key=TEST_JWT_SECRET)}")
    wait_for_bot(page, 1)
    expected = messages.text(
        "decision.needs_work",
        "zh",
        name="刘洋",
        reviewer="王芳",
        unit="人力资源部",
        year=planning.default_year(),
        title="工单智能分类",
        id=plan.id,
        note="请补充成功指标",
    )
    assert bot_texts(page) == [expected]
    button = page.locator(".buttons button", has_text=messages.text("button_edit_reviewed_plan", "zh"))
    button.click()
    wait_for_bot(page, 2)
    assert messages.text("edit_which_field", "zh") in "\n".join(bot_texts(page)[1:])

    page.reload()  # shown once: a second visit starts with an empty chat
    page.wait_for_timeout(3000)
    assert bot_texts(page) == []
    page.close()
