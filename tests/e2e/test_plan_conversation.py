"""A full plan through the REST channel against the running servers, checked field by
field in the store; and a pause, a server restart and a resume."""

from __future__ import annotations

import pytest

from bot import messages, plan_text, planning
from bot.dialogue import prompts
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.store import plans as store
from bot.store.db import session_scope
from tests.support.servers import RunningAssistant, seeded_database

pytestmark = pytest.mark.servers

EN = [
    ("title", "Predictive maintenance for the press line", "Predictive maintenance for the press line"),
    (
        "problem",
        "Unplanned press stoppages cost us two shifts a month",
        "Unplanned press stoppages cost us two shifts a month",
    ),
    ("q_important", "yes", "yes"),
    ("q_real_problem", '/inform{"choice": "yes"}', "yes"),
    ("q_unused_data", "yes", "yes"),
    ("q_needs_ml", "not sure", "unsure"),
    ("q_can_do_alone", "no", "no"),
    ("q_can_ship", "yes", "yes"),
    ("metric", "unplanned stoppages down 30%", "unplanned stoppages down 30%"),
    ("baseline", "fixed maintenance every 500 hours", "fixed maintenance every 500 hours"),
    ("data_sources", "vibration sensors and the maintenance log", "vibration sensors and the maintenance log"),
    ("data_location", "siloed", "siloed"),
    ("data_quality", '/inform{"choice": "mixed"}', "mixed"),
    ("domain_experts", "two senior maintenance engineers", "two senior maintenance engineers"),
    ("technical_experts", "one data scientist from IT", "one data scientist from IT"),
    ("skill_gaps", "no one knows time-series modelling", "no one knows time-series modelling"),
    ("pilot_team", "yes", "yes"),
    ("executive_sponsor", "Anna's boss, the COO", "Anna's boss, the COO"),
    ("failure_tolerance", "budgeted", "budgeted"),
    ("scaling_path", "centre of excellence", "coe"),
    ("value_branches", "time saved and customer service", ["time_saved", "customer_service"]),
    (
        "value_notes",
        "two shifts saved a month, on-time delivery up 5%",
        "two shifts saved a month, on-time delivery up 5%",
    ),
]
ZH = [
    ("title", "门店补货需求预测", "门店补货需求预测"),
    ("problem", "货架经常缺货，卖得慢的商品又订多了", "货架经常缺货，卖得慢的商品又订多了"),
    ("q_important", "是的", "yes"),
    ("q_real_problem", "是的", "yes"),
    ("q_unused_data", "是的", "yes"),
    ("q_needs_ml", "是的", "yes"),
    ("q_can_do_alone", "不确定", "unsure"),
    ("q_can_ship", "是的", "yes"),
    ("metric", "一年内缺货率下降 20%", "一年内缺货率下降 20%"),
    ("baseline", "店长根据去年的销量手工订货", "店长根据去年的销量手工订货"),
    ("data_sources", "POS 交易和库存系统", "POS 交易和库存系统"),
    ("data_location", "跳过", "unknown"),
    ("data_quality", "一般", "mixed"),
    ("domain_experts", "三位门店经理", "三位门店经理"),
    ("technical_experts", "两名数据科学家", "两名数据科学家"),
    ("skill_gaps", "没有", "none"),
    ("pilot_team", "不确定", "unsure"),
    ("executive_sponsor", "首席运营官王磊", "首席运营官王磊"),
    ("failure_tolerance", "必须成功", "must_succeed"),
    ("scaling_path", "纳入年度规划", "annual_planning"),
    ("value_branches", "收入", ["revenue"]),
    ("value_notes", "收入提升 2%", "收入提升 2%"),
]


def _file(assistant, sender, start, confirm, answers, submit):
    assert str(planning.default_year()) in assistant.texts(sender, start)[0]
    replies = assistant.texts(sender, confirm)
    turns = 2
    for _field, text, _ in answers:
        replies = assistant.texts(sender, text)
        turns += 1
    summary = "\n".join(replies)
    final = assistant.texts(sender, submit)
    return summary, final, turns + 1


@pytest.mark.parametrize(
    "sender, lang, start, confirm, answers, submit",
    [
        ("anna.smith", "en", "I want to write next year's ML plan", "yes", EN, "yes"),
        ("chen.jing", "zh", "我要写明年的机器学习计划", "是的", ZH, "提交"),
    ],
)
def test_a_full_plan_is_stored_field_by_field(assistant, monkeypatch, sender, lang, start, confirm, answers, submit):
    summary, final, turns = _file(assistant, sender, start, confirm, answers, submit)
    assert ("Readiness assessment" if lang == "en" else "准备度评估") in summary
    monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
    with session_scope() as session:
        plan = store.plan_to_dict(
            store.list_plans(session, unit={"anna.smith": "manufacturing", "chen.jing": "customer-service"}[sender])[0]
        )
    assert final[0] == messages.text("plan_submitted", lang, id=plan["id"])
    for field, _, expected in answers:
        assert plan[field] == expected, field
    assert plan["status"] == "submitted" and plan["owner"] == sender and plan["language"] == lang
    assert plan["year"] == planning.default_year() and plan["submitted_at"]
    assert set(plan["assessment"]["challenges"]) == {"culture", "data", "problem", "skills", "scale", "measure"}


def test_pause_restart_and_resume(tmp_path, monkeypatch):
    url = seeded_database(tmp_path, "restart.sqlite3")
    assistant = RunningAssistant(tmp_path, url).start()
    try:
        assistant.texts("tom.baker", "I want to create an ML plan")
        assistant.texts("tom.baker", "yes")
        assistant.texts("tom.baker", "Invoice fraud detection")
        assistant.texts("tom.baker", "Manual checks miss duplicate and fraudulent invoices")
        paused = assistant.texts("tom.baker", "pause")
        assert "#" in paused[0]
    finally:
        assistant.stop()
    assistant = RunningAssistant(tmp_path, url).start()  # a fresh server: the tracker is gone
    try:
        resumed = assistant.texts("tom.baker", "continue my plan")
        assert "Invoice fraud detection" in resumed[0] and "2 of 22" in resumed[0]
        assert resumed[1] == prompts.plan_question(ANSWER_FIELD_NAMES[2], "en").text  # the third question, in full
        assistant.texts("tom.baker", "yes")
        monkeypatch.setenv("MLPLAN_DATABASE_URL", url)
        with session_scope() as session:
            plan = store.list_plans(session, unit="finance")[0]
            assert (plan.title, plan.q_important, plan.status) == ("Invoice fraud detection", "yes", "draft")
    finally:
        assistant.stop()


@pytest.mark.parametrize(
    "sender, lang, unit, start, confirm, answers, rich",
    [
        (
            "zhang.min",
            "zh",
            "logistics",
            "我要写明年的机器学习计划",
            "是的",
            ZH,
            "POS 交易和库存系统，数据分散在各部门，质量也很差",
        ),
        (
            "tom.baker",
            "en",
            "finance",
            "I want to write next year's ML plan",
            "yes",
            EN,
            "the ledger and the bank feeds; the data is siloed and the quality is poor",
        ),
    ],
)
def test_one_message_answers_several_questions(
    assistant, monkeypatch, sender, lang, unit, start, confirm, answers, rich
):
    assistant.texts(sender, start)
    assistant.texts(sender, confirm)
    before_data_sources = [field for field, _, _ in answers].index("data_sources")
    for _, text, _ in answers[:before_data_sources]:
        assistant.texts(sender, text)
    replies = assistant.texts(sender, rich)
    assert plan_text.also_noted_text({"data_location": "siloed", "data_quality": "poor"}, lang) in replies
    assert messages.text("ask.domain_experts", lang) in replies[-1]  # data location and quality are not asked
    monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
    with session_scope() as session:
        plan = store.list_plans(session, unit=unit)[0]
        assert (plan.data_sources, plan.data_location, plan.data_quality) == (rich, "siloed", "poor")
