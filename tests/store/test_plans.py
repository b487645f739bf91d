"""The plan store, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.plan_schema import PLAN_KEYS, InvalidFieldValue
from bot.store import plans as store
from bot.store.db import get_engine, session_scope
from bot.store.migrate import current_revision, head_revision
from bot.store.models import AuditEntry, KnowledgeGap, PlanVersion
from tests.support.store import seed_directory


@pytest.fixture
def db(db_url):
    seed_directory(db_url)
    return db_url


def _new_plan(url, **answers) -> int:
    with session_scope(url) as session:
        plan = store.create_plan(session, unit="retail", year=2027, owner="li.wei", language="zh", answers=answers)
        return plan.id


def test_migrations_reach_head(db):
    assert current_revision(db) == head_revision()


def test_new_plan_has_every_spec_field(db):
    plan_id = _new_plan(db, title="门店补货预测", q_important="yes", value_branches=["time_saved", "revenue"])
    with session_scope(db) as session:
        data = store.plan_to_dict(store.get_plan(session, plan_id))
    assert list(data) == list(PLAN_KEYS)
    assert data["status"] == "draft" and data["version"] == 1 and data["language"] == "zh"
    assert data["title"] == "门店补货预测" and data["q_important"] == "yes"
    assert data["value_branches"] == ["revenue", "time_saved"]  # canonical order
    assert data["created_at"].endswith("Z") and data["submitted_at"] is None
    assert data["review"] is None


def test_every_change_bumps_version_keeps_snapshot_and_audit(db):
    plan_id = _new_plan(db, title="A")
    with session_scope(db) as session:
        store.update_answers(session, plan_id, {"title": "B", "metric": "缺货率下降 20%"}, actor="li.wei")
    with session_scope(db) as session:
        store.set_status(session, plan_id, "submitted", actor="li.wei", assessment={"readiness": 50, "challenges": {}})
    with session_scope(db) as session:
        plan = store.get_plan(session, plan_id)
        assert plan.version == 3 and plan.status == "submitted" and plan.submitted_at is not None
        versions = store.history(session, plan_id)
        assert [v.version for v in versions] == [1, 2, 3]
        assert versions[0].snapshot["title"] == "A" and versions[1].snapshot["title"] == "B"
        audit = session.execute(select(AuditEntry).where(AuditEntry.target_id == str(plan_id))).scalars().all()
        assert [a.action for a in audit] == ["create", "edit", "status"]
        assert audit[1].detail["fields"] == ["metric", "title"] and audit[1].detail["before"]["title"] == "A"


def test_unchanged_answers_do_not_create_a_version(db):
    plan_id = _new_plan(db, title="A")
    with session_scope(db) as session:
        store.update_answers(session, plan_id, {"title": "  A  "}, actor="li.wei")
    with session_scope(db) as session:
        assert store.get_plan(session, plan_id).version == 1


def test_concurrent_edits_never_silently_overwrite(db):
    plan_id = _new_plan(db, title="original")
    engine = get_engine(db)
    first, second = Session(engine, future=True), Session(engine, future=True)
    try:
        held = store.get_plan(first, plan_id), store.get_plan(second, plan_id)  # both hold version 1
        assert [p.version for p in held] == [1, 1]
        store.update_answers(first, plan_id, {"title": "first edit"}, actor="li.wei")
        first.commit()
        with pytest.raises(store.PlanConflict):
            store.update_answers(second, plan_id, {"title": "second edit"}, actor="wang.fang")
            second.commit()
        second.rollback()
    finally:
        first.close(), second.close()
    with session_scope(db) as session:
        plan = store.get_plan(session, plan_id)
        assert plan.title == "first edit" and plan.version == 2


def test_stale_expected_version_is_refused(db):
    plan_id = _new_plan(db, title="A")
    with session_scope(db) as session:
        store.update_answers(session, plan_id, {"title": "B"}, actor="li.wei", expected_version=1)
    with pytest.raises(store.PlanConflict) as caught:
        with session_scope(db) as session:
            store.update_answers(session, plan_id, {"title": "C"}, actor="li.wei", expected_version=1)
    assert caught.value.actual == 2
    with session_scope(db) as session:
        assert store.get_plan(session, plan_id).title == "B"


def test_bad_values_write_nothing(db):
    plan_id = _new_plan(db, title="A")
    with pytest.raises(InvalidFieldValue):
        with session_scope(db) as session:
            store.update_answers(session, plan_id, {"title": "B", "q_needs_ml": "maybe"}, actor="li.wei")
    with pytest.raises(InvalidFieldValue):
        with session_scope(db) as session:
            store.update_answers(session, plan_id, {"value_branches": ["revenue", "world_peace"]}, actor="li.wei")
    with pytest.raises(InvalidFieldValue):
        with session_scope(db) as session:
            store.update_answers(session, plan_id, {"owner": "someone.else"}, actor="li.wei")
    with session_scope(db) as session:
        plan = store.get_plan(session, plan_id)
        assert (plan.title, plan.version) == ("A", 1)


def test_hostile_text_is_stored_verbatim(db):
    nasty = "'); DROP TABLE plans; -- <script>alert(1)</script> 🚀" + "长" * 20000
    plan_id = _new_plan(db, title=nasty, problem="😀")
    with session_scope(db) as session:
        plan = store.get_plan(session, plan_id)
        assert plan.title == nasty and plan.problem == "😀"
        assert len(store.list_plans(session)) == 1


def test_review_is_recorded_and_shown(db):
    plan_id = _new_plan(db, title="A")
    with session_scope(db) as session:
        store.record_review(session, plan_id, "needs_work", "请补充基线", reviewer="wang.fang")
    with session_scope(db) as session:
        data = store.plan_to_dict(store.get_plan(session, plan_id))
    assert data["status"] == "needs_work"
    assert data["review"]["decision"] == "needs_work" and data["review"]["note"] == "请补充基线"
    assert data["review"]["by"] == "wang.fang" and data["review"]["at"].endswith("Z")
    with pytest.raises(ValueError):
        with session_scope(db) as session:
            store.record_review(session, plan_id, "rejected", "", reviewer="wang.fang")


def test_list_filters_and_newest_first(db):
    ids = [_new_plan(db, title=f"p{i}") for i in range(3)]
    with session_scope(db) as session:
        store.create_plan(
            session,
            unit="manufacturing",
            year=2026,
            owner="anna.smith",
            language="en",
            status="no_plan",
            no_plan_reason="no budget this year",
        )
        store.set_status(session, ids[0], "submitted", actor="li.wei")
    with session_scope(db) as session:
        assert [p.id for p in store.list_plans(session, year=2027)] == ids[::-1]
        assert [p.id for p in store.list_plans(session, status="submitted")] == [ids[0]]
        assert [p.unit_key for p in store.list_plans(session, year=2026)] == ["manufacturing"]
        assert store.list_plans(session, unit="logistics") == []
        no_plan = store.list_plans(session, status="no_plan")[0]
        assert no_plan.no_plan_reason == "no budget this year"


def test_knowledge_gaps_table_round_trips(db):
    with session_scope(db) as session:
        session.add(
            KnowledgeGap(question="量子计算能用吗？", lang="zh", sender_id="li.wei", best_id=None, best_score=12.5)
        )
    with session_scope(db) as session:
        gap = session.execute(select(KnowledgeGap)).scalar_one()
        assert gap.question == "量子计算能用吗？" and gap.best_score == 12.5


def test_deleting_nothing_and_missing_plan(db):
    with pytest.raises(store.PlanNotFound):
        with session_scope(db) as session:
            store.get_plan(session, 999)
    with session_scope(db) as session:
        assert session.execute(select(PlanVersion)).scalars().all() == []
