"""The planning office's queries, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot import lifecycle, messages, plan_text, queries
from bot.assessment import assess
from bot.directory import Identity
from bot.lifecycle import Outcome
from bot.store import plans as store
from bot.store.db import session_scope
from tests.support.store import READY, seed_directory

PLANNER = Identity("wang.fang", "王芳", "planning-office", "planning")
LEAD = Identity("li.wei", "李伟", "retail", "lead")


@pytest.fixture
def plans(db_url):
    seed_directory(db_url)
    ids = {}
    with session_scope(db_url) as session:

        def add(key, unit, owner, status, year=2027, **answers):
            plan = store.create_plan(
                session, unit=unit, year=year, owner=owner, language="zh", answers={**READY, **answers}
            )
            if status != "draft":
                store.set_status(session, plan.id, status, actor=owner, assessment=assess({**READY, **answers}))
            ids[key] = plan.id

        add("retail", "retail", "li.wei", "submitted", title="门店补货需求预测", data_location="siloed")
        add("retail_draft", "retail", "li.wei", "draft", title="草稿计划")
        add(
            "finance",
            "finance",
            "tom.baker",
            "approved",
            title="Invoice fraud detection",
            q_unused_data="no",
            data_sources=None,
        )
        add("logistics", "logistics", "zhang.min", "submitted", title="路线优化", executive_sponsor=None)
        add("old", "manufacturing", "anna.smith", "submitted", year=2026, title="Old plan")
    return ids


def ask(db_url, identity, text, lang="en", **entities):
    with session_scope(db_url) as session:
        found = queries.answer(session, identity, queries.parse_filter(text, **entities))
        return plan_text.query_answer(session, found, lang)


def line(db_url, plan_id, unit, title, status):
    """A plan's line in an English answer, with the readiness its stored assessment gives."""
    with session_scope(db_url) as session:
        assessment = store.get_plan(session, plan_id).assessment
    readiness = assessment["readiness"] if assessment else "-"  # a draft is not assessed yet
    return messages.text("query_line", "en", id=plan_id, unit=unit, title=title, status=status, readiness=readiness)


def show(session, identity, plan_id, lang):
    return plan_text.shown_plan(session, queries.plan_to_show(session, identity, plan_id), lang)


def test_by_unit_and_year(plans, db_url):
    answer = ask(db_url, PLANNER, "2027年零售部有哪些计划？", "zh", year=2027, unit="retail")
    assert messages.text("query_count", "zh", count=2, what="2027 年 · 零售部") in answer
    assert f"#{plans['retail']}" in answer and "草稿计划" in answer  # one unit: its drafts too
    everyone = ask(db_url, PLANNER, "2027年有哪些计划？", "zh", year=2027)
    assert "草稿计划" not in everyone  # across units, the office sees live plans only


def test_blocked_on_data(plans, db_url):
    answer = ask(db_url, PLANNER, "which plans are blocked on data?", year=2027, challenge="data")
    assert f"#{plans['finance']}" in answer and f"#{plans['retail']}" not in answer  # retail is only at risk
    assert "no unused data and no data sources named" in answer
    at_risk = ask(db_url, PLANNER, "which plans are at risk on data", year=2027, challenge="data")
    assert f"#{plans['retail']}" in at_risk and f"#{plans['finance']}" not in at_risk


def test_not_ready_anywhere_and_counts(plans, db_url):
    weak = ask(db_url, PLANNER, "which plans are weak", year=2027)
    assert all(f"#{plans[k]}" in weak for k in ("retail", "finance", "logistics"))
    count = ask(db_url, PLANNER, "how many plans are approved", year=2027, status="approved")
    assert count.splitlines() == [
        messages.text("query_count_one", "en", count=1, what="2027 · approved"),  # a small
        line(db_url, plans["finance"], "Finance", "Invoice fraud detection", "approved"),
    ]  # count: its plans


def test_units_that_have_not_filed(plans, db_url):
    with session_scope(db_url) as session:
        found = queries.answer(session, PLANNER, queries.parse_filter("how many units have not filed yet?", year=2027))
        assert found.not_filed == ["customer-service", "manufacturing", "marketing"] and found.plans == []
    answer = ask(db_url, PLANNER, "how many units have not filed yet?", year=2027)
    assert answer == messages.text(
        "query_not_filed", "en", count=3, year=2027, units="Customer Service, Manufacturing, Marketing"
    )


def test_a_lead_sees_only_their_unit(plans, db_url):
    answer = ask(db_url, LEAD, "which plans does finance have", year=2027, unit="finance")
    assert answer.splitlines() == [
        messages.text("query_own_unit_only", "en"),
        messages.text("query_count", "en", count=2, what="2027 · Retail"),
        line(db_url, plans["retail_draft"], "Retail", "草稿计划", "draft"),  # their drafts too
        line(db_url, plans["retail"], "Retail", "门店补货需求预测", "submitted"),
    ]


def test_others_are_refused(plans, db_url):
    for who in (Identity("ops.admin", "Ops", None, "admin"), Identity("stranger")):
        assert ask(db_url, who, "list plans") == messages.text("query_not_allowed", "en")


def test_show_plan_respects_units(plans, db_url):
    with session_scope(db_url) as session:
        mine = show(session, LEAD, plans["retail"], "zh")
        other = show(session, LEAD, plans["finance"], "zh")
        office = show(session, PLANNER, plans["finance"], "en")
        missing = show(session, PLANNER, 999, "en")
        assert not queries.plan_to_show(session, LEAD, plans["finance"]).allowed
        assert queries.plan_to_show(session, PLANNER, 999).plan is None
    assert "门店补货需求预测" in mine and "准备度评估" in mine
    assert other == messages.text("show_plan_not_allowed", "zh", id=plans["finance"])
    assert "Invoice fraud detection" in office and "approved" in office
    assert missing == messages.text("show_plan_missing", "en", id=999)


@pytest.mark.parametrize(
    "text, decision",
    [
        ("approve plan 12", "approved"),
        ("send plan 12 back", "needs_work"),
        ("批准计划12", "approved"),
        ("退回计划12", "needs_work"),
        ("plan 7 needs work", "needs_work"),
        ("review plan 4", None),
    ],
)
def test_review_decisions_in_both_languages(text, decision):
    assert queries.review_decision(text) == decision


def test_only_submitted_plans_are_reviewable_and_only_by_planning(plans, db_url):
    with session_scope(db_url) as session:
        assert lifecycle.plan_to_review(session, PLANNER, plans["retail"]).outcome is Outcome.FOUND
        assert lifecycle.plan_to_review(session, PLANNER, plans["retail_draft"]).outcome is Outcome.NOT_REVIEWABLE
        assert lifecycle.plan_to_review(session, LEAD, plans["retail"]).outcome is Outcome.NOT_REVIEWABLE


def test_where_are_units_weak_lists_the_weak_challenges(plans, db_url):
    answer = ask(db_url, PLANNER, "what did each unit plan for next year, and where are they weak?", year=2027)
    assert all(f"#{plans[k]}" in answer for k in ("retail", "finance", "logistics"))
    assert "Data ⚠️ at risk" in answer and "Culture ⛔ blocked" in answer
    everything = ask(db_url, PLANNER, "what did each unit plan for next year?", year=2027)
    assert everything.splitlines() == [
        messages.text("query_count", "en", count=3, what="2027"),
        line(db_url, plans["logistics"], "Logistics", "路线优化", "submitted"),
        line(db_url, plans["finance"], "Finance", "Invoice fraud detection", "approved"),
        line(db_url, plans["retail"], "Retail", "门店补货需求预测", "submitted"),
    ]


def test_a_no_plan_declaration_is_listed_with_its_reason(plans, db_url):
    with session_scope(db_url) as session:
        declared = lifecycle.declare_no_plan(
            session, Identity("zhang.min", "张敏", "logistics", "lead"), 2028, "ERP 迁移占满全年人手", "zh"
        )
    answer = ask(db_url, PLANNER, "show me the no-plan declarations", year=2028, status="no_plan")
    assert f"#{declared.the_plan.id}" in answer and "ERP 迁移占满全年人手" in answer and "readiness" not in answer
