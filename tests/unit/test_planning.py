"""The plan conversation's domain logic, on a real SQLite store."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import plan_text, planning
from bot.assessment import assess
from bot.directory import Identity
from bot.store import plans as store
from bot.store.db import session_scope

LEAD = Identity("li.wei", "李伟", "retail", "lead")


def test_years_come_from_the_calendar():
    assert planning.default_year(dt.date(2026, 11, 27)) == 2027
    assert planning.allowed_years(dt.date(2026, 1, 1)) == (2026, 2028)
    assert [planning.in_cycle(y, dt.date(2026, 1, 1)) for y in (2025, 2026, 2028, 2029)] == [False, True, True, False]


def test_the_first_answer_creates_the_draft_and_each_answer_is_a_version(directory_db):
    with session_scope() as session:
        plan = planning.save_answer(
            session,
            identity=LEAD,
            plan_id=None,
            year=2027,
            lang="zh",
            field="title",
            value="门店补货预测",
            expected_version=None,
        )
        first = (plan.id, plan.version)
    with session_scope() as session:
        plan = planning.save_answer(
            session,
            identity=LEAD,
            plan_id=first[0],
            year=2027,
            lang="zh",
            field="data_location",
            value=planning.SKIPPED,
            expected_version=first[1],
        )
        assert (plan.status, plan.unit_key, plan.owner_id) == ("draft", "retail", "li.wei")
        assert plan.data_location == "unknown" and plan.skipped_fields == ["data_location"]
        values = planning.slot_values(plan)
    assert values["title"] == "门店补货预测" and values["data_location"] == planning.SKIPPED
    assert values["metric"] is None and planning.answered(values) == 2
    with session_scope() as session:
        plan = planning.save_answer(
            session,
            identity=LEAD,
            plan_id=first[0],
            year=2027,
            lang="zh",
            field="data_location",
            value="central",
            expected_version=None,
        )
        assert plan.skipped_fields == [] and plan.data_location == "central"


def test_a_stale_version_is_a_conflict(directory_db):
    with session_scope() as session:
        plan = planning.save_answer(
            session,
            identity=LEAD,
            plan_id=None,
            year=2027,
            lang="zh",
            field="title",
            value="A plan",
            expected_version=None,
        )
        plan_id = plan.id
    with pytest.raises(store.PlanConflict):
        with session_scope() as session:
            planning.save_answer(
                session,
                identity=LEAD,
                plan_id=plan_id,
                year=2027,
                lang="zh",
                field="title",
                value="B plan",
                expected_version=1,
            )


def test_find_draft_is_per_unit_and_year(directory_db):
    with session_scope() as session:
        store.create_plan(session, unit="retail", year=2027, owner="li.wei", language="zh")
        store.create_plan(session, unit="finance", year=2027, owner="tom.baker", language="en")
    with session_scope() as session:
        assert planning.find_draft(session, LEAD).unit_key == "retail"
        assert planning.find_draft(session, LEAD, 2028) is None


def test_the_summary_shows_answers_ratings_and_remedies_in_each_language():
    slots = {
        "title": "门店补货预测",
        "q_important": "yes",
        "value_branches": ["revenue"],
        "data_location": planning.SKIPPED,
    }
    result = assess(planning.stored_answers(slots))
    zh = plan_text.summary_text(slots, result, "zh", unit="零售部", year=2027)
    en = plan_text.summary_text(slots, result, "en", unit="Retail", year=2027)
    assert "门店补货预测" in zh and "未知（已跳过）" in zh and "⛔ 受阻" in zh and "指南的建议" in zh
    assert "Readiness assessment: " in en and "unknown (skipped)" in en and "revenue only" in en
    assert "The guide's advice (Culture)" in en


def test_the_lead_is_told_which_other_answers_were_noted():
    text = plan_text.also_noted_text({"data_location": "siloed", "failure_tolerance": "budgeted"}, "en")
    assert "Data location: Siloed; Failure tolerance: Budgeted" in text and '"change data location"' in text
    assert "数据位置：分散在孤岛里" in plan_text.also_noted_text({"data_location": "siloed"}, "zh")


@pytest.mark.parametrize(
    "named, text, expected",
    [
        ([2026], "今年我们部门不搞机器学习了，预算全砍了", 2027),  # this year's planning round
        ([2026], "we won't have an ML plan this year", 2027),
        ([2026], "2026年我们没有机器学习计划", 2026),  # a year said as a number is that year
        ([2028], "后年也没有计划", 2028),
        ([], "我们没有机器学习计划", 2027),
        ([2026, 2027], "今年集团要求报明年的计划，我们明年没有", 2027),
        ([2026, 2028], "put Logistics down for no ML plan this year. … Ask me again come 2028.", 2027),
    ],
)
def test_the_year_of_a_no_plan_declaration(named, text, expected):
    assert planning.round_year(named, text, dt.date(2026, 11, 29)) == expected


@pytest.mark.parametrize(
    "text, position",
    [
        ("第1个具体写的啥，调出来看看", 1),
        ("第二份退回去", 2),
        ("show me the second one", 2),
        ("open the last one", -1),
        ("show plan 12", None),
        ("12号计划", None),
    ],
)
def test_a_place_in_the_list(text, position):
    from bot.planning import position_in

    assert position_in(text) == position
