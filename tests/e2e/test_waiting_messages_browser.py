"""A review decision waiting for a lead without Slack, seen in Debian's headless Chromium: it is
shown when the chat opens, once, and its button opens the plan for editing."""
from __future__ import annotations

import pytest

from bot import messages, planning, reminders
from bot.channels import tokens
from bot.store import plans as store
from bot.store.db import session_scope
from tests.e2e.test_web_chat_browser import bot_texts, browser, wait_for_bot  # noqa: F401 (fixture)
from tests.support.servers import TEST_JWT_SECRET

pytestmark = pytest.mark.servers


def test_a_waiting_decision_is_shown_when_the_chat_opens(assistant, browser, monkeypatch):  # noqa: F811
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    with session_scope(assistant.database_url) as session:
        plan = store.create_plan(session, unit="customer-service", year=planning.default_year(), owner="chen.jing",
                                 language="zh", answers={"title": "工单智能分类"})
        store.set_status(session, plan.id, "submitted", actor="chen.jing")
        plan = store.record_review(session, plan.id, "needs_work", "请补充成功指标", reviewer="wang.fang")
        [told] = reminders.tell_decision(session, plan, plan.reviews[-1])
        assert told.status == "pending-web"

    page = browser.new_page()
    page.goto(f"{assistant.base}/chat#token={tokens.issue('chen.jing', 10, key=TEST_JWT_SECRET)}")
    wait_for_bot(page, 1)
    expected = messages.text("decision.needs_work", "zh", name="陈静", reviewer="王芳", unit="客户服务部",
                             year=planning.default_year(), title="工单智能分类", id=plan.id, note="请补充成功指标")
    assert bot_texts(page) == [expected]
    button = page.locator(".buttons button", has_text=messages.text("button_edit_reviewed_plan", "zh"))
    button.click()
    wait_for_bot(page, 2)
    said = "\n".join(bot_texts(page)[1:])  # in the language of chen.jing's conversation so far
    assert any(messages.text("edit_which_field", lang) in said for lang in ("zh", "en"))

    page.reload()  # shown once: a second visit starts with an empty chat
    page.wait_for_timeout(3000)
    assert bot_texts(page) == []
    page.close()
