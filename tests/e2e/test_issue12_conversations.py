"""Each failure issue 12 reported, replayed over REST against the running servers."""

from __future__ import annotations

import itertools
import json

import pytest

from bot import directory, messages, planning
from bot.store import plans as store
from bot.store.db import session_scope
from tests.support.conversations import Client, pending_question
from tests.support.servers import http

pytestmark = pytest.mark.servers
YEAR = planning.default_year()
TO_Q_UNUSED_DATA = ["我想写明年的机器学习计划", "对", "车队调度优化", "空车率太高，调度全靠经验", "很重要", "是的"]


_numbers = itertools.count(1)


class Chat:
    def __init__(self, assistant, sender):
        self.client, self.sender = Client(assistant.base, http), sender
        self.unit = None

    def say(self, text):
        return self.client.say(self.sender, text)

    @property
    def pending(self):
        return pending_question(self.client.tracker(self.sender))

    def answer_until(self, field, answers):
        for text in answers:
            if self.pending == field:
                return
            self.say(text)


@pytest.fixture
def lead(assistant, monkeypatch):
    """A lead of a unit of their own, so that no other test's draft is theirs."""

    def make(lang: str) -> Chat:
        n = next(_numbers)
        monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
        with session_scope() as session:
            directory.add_unit(session, f"unit-12-{n}", zh=f"第{n}试验部", en=f"Trial Unit {n}")
            directory.add_person(session, f"lead-12-{n}", name=f"Lead {n}", unit=f"unit-12-{n}", role="lead", lang=lang)
        chat = Chat(assistant, f"lead-12-{n}")
        chat.unit = f"unit-12-{n}"
        return chat

    return make


def plans_of(assistant, monkeypatch, unit):
    monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
    with session_scope() as session:
        return [store.plan_to_dict(p) for p in store.list_plans(session, unit=unit)]


def test_natural_chinese_answers_are_taken(assistant, monkeypatch, lead):
    chat = lead("zh")
    for text in TO_Q_UNUSED_DATA:
        chat.say(text)
    assert chat.pending == "q_unused_data"
    chat.say("有，车辆GPS轨迹数据一直没用起来")
    assert chat.pending == "q_needs_ml"
    for text in ["需要", "不能，得靠IT", "能", "空车率下降15%", "调度员凭经验派车"]:
        chat.say(text)
    assert chat.pending == "data_sources"
    chat.say("WMS 拣货日志和库位表，数据都在数据湖里，质量还可以")
    assert chat.pending == "domain_experts"  # location and quality were in the answer
    plan = plans_of(assistant, monkeypatch, chat.unit)[0]
    assert (plan["q_unused_data"], plan["data_location"], plan["data_quality"]) == ("yes", "central", "mixed")


def test_a_natural_english_start_starts(assistant, lead):
    chat = lead("en")
    chat.say("ok let's draft our 2027 ML plan")
    assert chat.pending == "start_confirm"
    chat.say("bye")


@pytest.mark.parametrize(
    "field, text, outcome",
    [
        ("baseline", "这个什么意思？", "explained"),
        ("data_sources", "不确定", "skipped"),
        ("q_needs_ml", "算了，不填了", "paused"),
    ],
)
def test_questions_not_sure_and_leaving_are_never_saved_as_answers(assistant, monkeypatch, lead, field, text, outcome):
    chat = lead("zh")
    chat.say("我想写明年的机器学习计划")
    chat.say("对")
    answers = [
        "客服质检",
        "人工抽检覆盖率太低",
        "重要",
        "是",
        "有",
        "需要",
        "不能",
        "能",
        "覆盖率到100%",
        "人工抽检2%",
        "通话录音",
        "集中",
        "一般",
    ]
    chat.answer_until(field, answers)
    assert chat.pending == field
    replies = chat.say(text)
    stored = plans_of(assistant, monkeypatch, chat.unit)[0]
    if outcome == "explained":
        assert chat.pending == field and replies[0].startswith(messages.text(f"explain.{field}", "zh"))
        assert stored[field] is None
    elif outcome == "skipped":
        assert chat.pending != field and stored[field] is None
    else:
        assert chat.pending is None and stored[field] is None and stored["status"] == "draft"
    chat.say("bye")


def test_a_chinese_title_is_saved_and_switches_no_language(assistant, monkeypatch, lead):
    chat = lead("zh")
    chat.say("我想写明年的机器学习计划")
    chat.say("对")
    replies = chat.say("客服通话智能质检")
    assert chat.pending == "problem" and all(messages.text("language_changed", "en") not in r for r in replies)
    assert any("业务问题" in r for r in replies)
    assert plans_of(assistant, monkeypatch, chat.unit)[0]["title"] == "客服通话智能质检"
    chat.say("暂停")


def test_answers_with_reasons_and_markup_titles_in_english(assistant, monkeypatch, lead):
    chat = lead("en")
    chat.say("I want to write next year's ML plan")
    chat.say("yes")
    chat.say("<b>Scrap</b> prediction & <i>QA</i>")
    chat.answer_until("q_needs_ml", ["scrap costs us 2% of output", "yes", "yes", "yes"])
    chat.say("yes, the fixed matching rules flag way too many false positives")
    assert chat.pending == "q_can_do_alone"
    chat.answer_until(
        "scaling_path",
        [
            "no",
            "yes",
            "scrap down 30%",
            "weekly manual review",
            "MES logs",
            "siloed",
            "poor",
            "two engineers",
            "one data scientist",
            "none",
            "yes",
            "the COO",
            "budgeted",
        ],
    )
    chat.say("haven't thought that far yet")
    assert chat.pending == "value_branches"
    plan = plans_of(assistant, monkeypatch, chat.unit)[0]
    assert plan["title"] == "<b>Scrap</b> prediction & <i>QA</i>"
    assert (plan["q_needs_ml"], plan["scaling_path"]) == ("yes", "none_yet")
    chat.say("time saved")
    chat.say("30% less scrap")
    assert chat.pending == "submit_confirm"
    chat.say("wait, change the sponsor")
    assert chat.pending == "edit_value"
    chat.say("Dana Wu, COO")
    assert chat.pending == "submit_confirm"
    chat.say("yes, submit it")
    plan = plans_of(assistant, monkeypatch, chat.unit)[0]
    assert (plan["status"], plan["executive_sponsor"]) == ("submitted", "Dana Wu, COO")


def test_a_change_asks_what_it_says_and_the_way_out_works(assistant, monkeypatch, lead):
    chat = lead("en")
    chat.say("I want to write next year's ML plan")
    chat.say("yes")
    chat.answer_until("q_real_problem", ["Campaign uplift", "we cannot tell which campaign works", "yes"])
    replies = chat.say("wait, change the sponsor")
    assert chat.pending == "edit_value" and any(messages.text("field.executive_sponsor", "en") in r for r in replies)
    chat.say("Priya Nair")
    assert chat.pending == "q_real_problem"  # back to where the lead was
    assert plans_of(assistant, monkeypatch, chat.unit)[0]["executive_sponsor"] == "Priya Nair"
    replies = chat.say("show my plans")
    assert chat.pending == "q_real_problem" and any("Campaign uplift" in r for r in replies)
    chat.say("bye")
    assert chat.pending is None


def test_a_review_with_a_note_about_pilots_is_recorded(assistant, monkeypatch):
    monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
    with session_scope() as session:
        plan = store.create_plan(
            session,
            unit="finance",
            year=YEAR,
            owner="tom.baker",
            language="en",
            status="submitted",
            answers={"title": "Invoice matching"},
        )
        plan_id = plan.id
    chat = Chat(assistant, "james.lee")
    chat.say(f"approve plan {plan_id}: solid metric, start with the pilot")
    with session_scope() as session:
        stored = store.plan_to_dict(store.get_plan(session, plan_id))
    assert stored["status"] == "approved" and stored["review"]["note"] == "solid metric, start with the pilot"


@pytest.mark.parametrize("text", ["I want to pull back our ML plan", "删除7号计划", "撤回", "取消这个计划"])
def test_withdraw_wordings_reach_the_withdrawal(assistant, text):
    status, body = http("POST", f"{assistant.base}/model/parse", {"text": text})
    assert status == 200 and json.loads(body)["intent"]["name"] == "withdraw_plan"
