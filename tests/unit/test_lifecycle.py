"""The plan lifecycle (bot/lifecycle.py) on a real SQLite store: what each move does to
the plan and which outcome it reports. The wording of the outcomes is bot/plan_text.py's,
checked through the actions and the conversations; here only outcomes and stored values."""

from __future__ import annotations

import pytest

from bot import lifecycle, plan_status
from bot.directory import Identity
from bot.lifecycle import Outcome
from bot.plan_schema import STATUSES
from bot.review import data as review_data
from bot.store import plans as store
from bot.store.db import session_scope
from bot.store.models import Plan, Reminder
from tests.support.store import READY

LEAD = Identity("li.wei", "李伟", "retail", "lead")
OTHER_LEAD = Identity("tom.baker", "Tom Baker", "finance", "lead")
HOMELESS_LEAD = Identity("zhao.lei", "赵磊", None, "lead")
PLANNER = Identity("wang.fang", "王芳", "planning-office", "planning")
STRANGER = Identity("who")


@pytest.fixture(autouse=True)
def no_slack(monkeypatch):
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)  # review decisions wait for the web chat


def plan(session, unit="retail", owner="li.wei", status="draft", year=2027, **answers) -> Plan:
    made = store.create_plan(session, unit=unit, year=year, owner=owner, language="zh", answers=answers)
    if status != "draft":
        store.set_status(session, made.id, status, actor=owner)
    return made


def test_the_status_groups_cover_every_status_once():
    assert set(plan_status.EDITABLE) | set(plan_status.CLOSED) == set(STATUSES)
    assert not set(plan_status.EDITABLE) & set(plan_status.CLOSED)
    assert set(plan_status.FILED) == {"submitted", "approved", "needs_work"}


# --- submit ----------------------------------------------------------------------------------------


def test_submitting_a_draft_assesses_it_and_names_similar_plans_of_other_units(directory_db):
    with session_scope() as session:
        draft = plan(session, **{**READY, "title": "门店补货需求预测", "problem": "缺货导致销售损失"})
        twin = plan(session, "logistics", "zhang.min", "submitted", title="仓库补货需求预测", problem="缺货和库存积压")
        plan(
            session,
            "finance",
            "tom.baker",
            "submitted",
            title="Invoice fraud detection",
            problem="manual checks miss fraud",
        )
        result = lifecycle.submit(session, LEAD, draft.id)
        assert result.outcome is Outcome.SUBMITTED and result.ok
        assert (result.plan.id, result.plan.status, result.plan.version) == (draft.id, "submitted", 2)
        assert result.plan.assessment["readiness"] == 100 and result.plan.submitted_at is not None
        assert [p.id for p, _ in result.similar] == [twin.id]


def test_a_plan_filed_after_all_replaces_the_units_no_plan_record_of_that_year(directory_db):
    with session_scope() as session:
        record = lifecycle.declare_no_plan(session, LEAD, 2027, "预算被砍了", "zh").the_plan
        other_year = lifecycle.declare_no_plan(session, LEAD, 2028, "系统迁移", "zh").the_plan
        draft = plan(session, **READY)
        result = lifecycle.submit(session, LEAD, draft.id)
        assert result.superseded == [record.id]
        assert session.get(Plan, record.id).status == "withdrawn"
        assert session.get(Plan, other_year.id).status == "no_plan"


def test_an_edited_plan_goes_back_for_review(directory_db):
    with session_scope() as session:
        approved = plan(session, status="approved", **READY)
        result = lifecycle.submit(session, LEAD, approved.id)
        assert result.outcome is Outcome.RESUBMITTED and result.plan.status == "submitted"


@pytest.mark.parametrize("status", ["withdrawn", "no_plan"])
def test_a_closed_plan_is_not_submitted(directory_db, status):
    with session_scope() as session:
        closed = plan(session, status=status)
        result = lifecycle.submit(session, LEAD, closed.id)
        assert result.outcome is Outcome.NOT_ALLOWED and result.plan.status == status and result.plan.version == 2


def test_only_a_lead_of_the_unit_submits(directory_db):
    with session_scope() as session:
        draft = plan(session)
        assert lifecycle.submit(session, OTHER_LEAD, draft.id).outcome is Outcome.NOT_ALLOWED
        for who in (PLANNER, HOMELESS_LEAD, STRANGER):
            assert lifecycle.submit(session, who, draft.id).outcome is Outcome.NO_PLAN_FOUND
        assert lifecycle.submit(session, LEAD, None).outcome is Outcome.NO_PLAN_FOUND
        assert session.get(Plan, draft.id).status == "draft"


# --- which plan an edit means --------------------------------------------------------------------


def test_an_edit_means_the_plan_named_else_the_draft_else_the_newest_editable(directory_db):
    with session_scope() as session:
        older = plan(session, status="submitted")
        plan(session, status="withdrawn")
        assert lifecycle.edit(session, LEAD, None).plan.id == older.id  # the withdrawn one is not editable
        draft = plan(session)
        assert lifecycle.edit(session, LEAD, None).plan.id == draft.id
        named = lifecycle.edit(session, LEAD, older.id)
        assert (named.outcome, named.plan.id) == (Outcome.FOUND, older.id)


def test_an_edit_is_refused_for_closed_plans_other_units_and_non_leads(directory_db):
    with session_scope() as session:
        withdrawn = plan(session, status="withdrawn")
        theirs = plan(session, "finance", "tom.baker")
        assert lifecycle.edit(session, LEAD, withdrawn.id).outcome is Outcome.NOT_ALLOWED
        assert lifecycle.edit(session, LEAD, theirs.id).outcome is Outcome.NOT_ALLOWED
        assert lifecycle.edit(session, LEAD, 999).outcome is Outcome.NO_PLAN_FOUND
        assert lifecycle.edit(session, PLANNER, theirs.id).outcome is Outcome.MAY_NOT_FILE
        assert (
            lifecycle.edit(session, Identity("chen.jing", "陈静", "customer-service", "lead"), None).outcome
            is Outcome.NO_PLAN_FOUND
        )


# --- withdraw ------------------------------------------------------------------------------------


def test_a_withdrawal_means_the_plan_named_by_number_or_title_else_the_newest_open_one(directory_db):
    with session_scope() as session:
        promotion = plan(session, status="submitted", title="促销效果预测")
        newest = plan(session, title="门店补货预测")
        plan(session, status="no_plan")
        assert lifecycle.plan_to_withdraw(session, LEAD, None, "把促销那个撤了").plan.id == promotion.id
        assert lifecycle.plan_to_withdraw(session, LEAD, None, "withdraw my plan").plan.id == newest.id
        assert lifecycle.plan_to_withdraw(session, LEAD, promotion.id).outcome is Outcome.FOUND


def test_withdrawing(directory_db):
    with session_scope() as session:
        mine, theirs = plan(session, status="submitted"), plan(session, "finance", "tom.baker")
        assert lifecycle.plan_to_withdraw(session, LEAD, theirs.id).outcome is Outcome.NOT_ALLOWED
        assert lifecycle.withdraw(session, LEAD, theirs.id).outcome is Outcome.NO_PLAN_FOUND
        assert lifecycle.withdraw(session, LEAD, None).outcome is Outcome.NO_PLAN_FOUND
        result = lifecycle.withdraw(session, LEAD, mine.id)
        assert result.outcome is Outcome.WITHDRAWN and session.get(Plan, mine.id).status == "withdrawn"
        assert lifecycle.plan_to_withdraw(session, LEAD, mine.id).outcome is Outcome.NOT_ALLOWED  # once is enough
        assert lifecycle.plan_to_withdraw(session, LEAD, None).outcome is Outcome.NO_PLAN_FOUND
        assert theirs.status == "draft"


# --- no plan ---------------------------------------------------------------------------------------


def test_declaring_no_plan_records_the_reason_as_a_plan(directory_db):
    with session_scope() as session:
        result = lifecycle.declare_no_plan(session, LEAD, 2027, "预算冻结", "zh")
        assert result.outcome is Outcome.NO_PLAN_DECLARED
        stored = session.get(Plan, result.plan.id)
        assert (stored.unit_key, stored.year, stored.status, stored.no_plan_reason, stored.owner_id) == (
            "retail",
            2027,
            "no_plan",
            "预算冻结",
            "li.wei",
        )
        before = session.query(Plan).count()
        for who in (PLANNER, HOMELESS_LEAD, STRANGER):
            assert lifecycle.declare_no_plan(session, who, 2027, "-", "en").outcome is Outcome.MAY_NOT_FILE
        assert session.query(Plan).count() == before


# --- review ----------------------------------------------------------------------------------------


def test_the_planning_office_reviews_filed_plans_and_the_lead_is_told(directory_db):
    with session_scope() as session:
        filed, draft = plan(session, status="submitted"), plan(session)
        result = lifecycle.review(session, PLANNER, filed.id, "needs_work", "补充基线")
        assert result.outcome is Outcome.REVIEWED and result.plan.status == "needs_work"
        assert [(r.decision, r.note, r.reviewer_id) for r in result.plan.reviews] == [
            ("needs_work", "补充基线", "wang.fang")
        ]
        assert [(t.person, t.channel, t.status) for t in result.told] == [("li.wei", "web", "pending-web")]
        assert session.query(Reminder).filter_by(kind="decision", plan_id=filed.id).count() == 1
        approved = lifecycle.review(session, PLANNER, filed.id, "approved", "-")  # "-": no note
        assert approved.plan.status == "approved" and approved.plan.reviews[-1].note == ""
        assert lifecycle.review(session, PLANNER, draft.id, "approved", "ok").outcome is Outcome.NOT_REVIEWABLE
        assert lifecycle.review(session, PLANNER, filed.id, "maybe", "ok").outcome is Outcome.NOT_REVIEWABLE
        assert lifecycle.review(session, PLANNER, None, "approved", "ok").outcome is Outcome.NOT_REVIEWABLE
        assert lifecycle.review(session, LEAD, filed.id, "approved", "ok").outcome is Outcome.NOT_REVIEWABLE
        assert session.get(Plan, draft.id).reviews == []


# --- similar plans: one measure for the lead and the report ------------------------------------------------


def test_similar_initiatives_across_units(directory_db):
    with session_scope() as session:
        mine = store.create_plan(
            session,
            unit="retail",
            year=2027,
            owner="li.wei",
            language="zh",
            status="submitted",
            answers={"title": "门店补货需求预测", "problem": "缺货导致销售损失"},
        )
        twin = store.create_plan(
            session,
            unit="logistics",
            year=2027,
            owner="zhang.min",
            language="zh",
            status="submitted",
            answers={"title": "仓库补货需求预测", "problem": "缺货和库存积压"},
        )
        store.create_plan(
            session,
            unit="finance",
            year=2027,
            owner="tom.baker",
            language="en",
            status="submitted",
            answers={"title": "Invoice fraud detection", "problem": "manual checks miss fraud"},
        )
        store.create_plan(
            session,
            unit="logistics",
            year=2026,
            owner="zhang.min",
            language="zh",
            status="submitted",
            answers={"title": "门店补货需求预测", "problem": "缺货导致销售损失"},
        )
        same_unit = store.create_plan(
            session,
            unit="retail",
            year=2027,
            owner="li.wei",
            language="zh",
            status="submitted",
            answers={"title": "门店补货需求预测", "problem": "缺货导致销售损失"},
        )
        assert [p.id for p, _ in lifecycle.similar_plans(session, mine)] == [twin.id]
        pairs = [(a.id, b.id) for a, b, _ in review_data.build(session, 2027).similar]
    assert pairs == [(mine.id, twin.id), (twin.id, same_unit.id)]  # the report pairs what the lead was told


def test_plans_alike_only_in_their_problem_are_similar_in_chat_and_in_the_report(directory_db):
    problem = "门店经常缺货，补货全靠店长经验，损失销售额"
    with session_scope() as session:
        a = plan(session, "retail", "li.wei", "submitted", title="补货建议", problem=problem)
        b = plan(session, "logistics", "zhang.min", "submitted", title="智能订货", problem=problem)
        told = [p.id for p, _ in lifecycle.similar_plans(session, a)]
        pairs = [(x.id, y.id) for x, y, _ in review_data.build(session, 2027).similar]
    assert told == [b.id] and pairs == [(a.id, b.id)]


def test_above_the_exhaustive_size_chat_and_report_still_pick_the_same_pairs():
    from types import SimpleNamespace

    from bot import similar

    topics = ["需求预测", "客户流失预测", "缺陷检测", "发票欺诈识别", "智能排班", "库存优化"]
    plans = [
        SimpleNamespace(id=i, unit_key=f"unit-{i % 40}", title=f"{topics[i % len(topics)]} 项目{i}", problem="业务问题")
        for i in range(similar.EXHAUSTIVE_UP_TO + 30)
    ]
    plans += [
        SimpleNamespace(id=1000, unit_key="retail", title="门店补货需求预测", problem="缺货"),
        SimpleNamespace(id=1001, unit_key="logistics", title="仓库补货需求预测", problem="缺货"),
    ]
    pairs = similar.pairs(plans)
    for plan in plans[-2:] + plans[:5]:
        from_pairs = sorted([(b if a is plan else a).id for a, b, _ in pairs if plan in (a, b)])
        assert sorted(p.id for p, _ in similar.similar_to(plan, plans, limit=len(plans))) == from_pairs
    assert (plans[-2], plans[-1]) in [(a, b) for a, b, _ in pairs]
