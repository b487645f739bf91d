"""The plan store as tests set it up and read it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

from bot.store.db import session_scope

ROOT = Path(__file__).resolve().parents[2]

# The answers of a plan that is ready on all six challenges (SPEC §5).
READY: Dict[str, Any] = dict(
    title="门店补货预测",
    problem="缺货导致销售损失",
    q_important="yes",
    q_real_problem="yes",
    q_unused_data="yes",
    q_needs_ml="yes",
    q_can_do_alone="yes",
    q_can_ship="yes",
    metric="缺货率下降 20%",
    baseline="人工订货",
    data_sources="POS 和库存系统",
    data_location="central",
    data_quality="good",
    domain_experts="门店经理 3 人",
    technical_experts="数据科学家 2 人",
    skill_gaps="none",
    pilot_team="yes",
    executive_sponsor="王总",
    failure_tolerance="budgeted",
    scaling_path="platform",
    value_branches=["revenue", "time_saved"],
    value_notes="收入 +2%，每周省 10 小时",
)


def seed_directory(url: str) -> None:
    """The sample units and people (samples/)."""
    from bot import directory

    with session_scope(url) as session:
        directory.import_units(session, directory.read_rows(ROOT / "samples" / "units.yml"))
        directory.import_people(session, directory.read_rows(ROOT / "samples" / "people.yml"))


def stored(plan_id: int) -> Dict[str, Any]:
    """Plan `plan_id` as stored now, in its JSON form (SPEC §4)."""
    from bot.store import plans as store

    with session_scope() as session:
        return store.plan_to_dict(store.get_plan(session, plan_id))
