"""Synthetic units, leads and plans for report tests and the scale benchmark."""

from __future__ import annotations

import random
from typing import Optional

from sqlalchemy import insert

from bot.assessment import assess
from bot.plan_schema import VALUE_BRANCHES
from bot.store.db import session_scope
from bot.store.models import Person, Plan, Unit, utcnow

TOPICS_ZH = ["需求预测", "客户流失预测", "缺陷检测", "发票欺诈识别", "智能排班", "库存优化", "客服工单分类", "价格优化"]
TOPICS_EN = [
    "demand forecasting",
    "churn prediction",
    "defect detection",
    "invoice fraud detection",
    "shift scheduling",
    "inventory optimisation",
    "support ticket routing",
    "price optimisation",
]
GAPS = [
    "缺少 MLOps",
    "缺少数据工程师",
    "no time-series skills",
    "缺少数据标注",
    "none",
    "lack of data engineers",
    "没有",
]


def seed(url: Optional[str], units: int = 200, plans: int = 10000, year: int = 2027, seed_value: int = 7) -> None:
    """Bulk-insert `units` units with one lead each and `plans` plans over `year` and the year before."""
    rng = random.Random(seed_value)
    now = utcnow()
    with session_scope(url) as session:
        session.execute(
            insert(Unit),
            [
                {"key": f"unit-{i:03d}", "name_zh": f"第{i}事业部", "name_en": f"Division {i}", "created_at": now}
                for i in range(units)
            ],
        )
        session.execute(
            insert(Person),
            [
                {
                    "id": f"lead-{i:03d}",
                    "name": f"Lead {i}",
                    "unit_key": f"unit-{i:03d}",
                    "role": "lead",
                    "lang_explicit": False,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(units)
            ],
        )
        rows = []
        for n in range(plans):
            unit = rng.randrange(units - units // 20)  # the last 5% of units file nothing
            topic = rng.randrange(len(TOPICS_ZH))
            lang = rng.choice(("zh", "en"))
            answers = {
                "title": f"{(TOPICS_ZH if lang == 'zh' else TOPICS_EN)[topic]} {n}",
                "problem": "业务问题" if lang == "zh" else "a business problem",
                **{
                    q: rng.choice(("yes", "yes", "yes", "no", "unsure"))
                    for q in (
                        "q_important",
                        "q_real_problem",
                        "q_unused_data",
                        "q_needs_ml",
                        "q_can_do_alone",
                        "q_can_ship",
                    )
                },
                "metric": "m",
                "baseline": "b",
                "data_sources": "d",
                "data_location": rng.choice(("siloed", "central", "mixed", "unknown")),
                "data_quality": rng.choice(("good", "mixed", "poor", "unknown")),
                "domain_experts": "2",
                "technical_experts": "1",
                "skill_gaps": rng.choice(GAPS),
                "pilot_team": rng.choice(("yes", "no", "unsure")),
                "executive_sponsor": rng.choice(("CEO", None)),
                "failure_tolerance": rng.choice(("budgeted", "must_succeed", "unsure")),
                "scaling_path": rng.choice(("platform", "coe", "annual_planning", "none_yet")),
                "value_branches": sorted(rng.sample(VALUE_BRANCHES, rng.randrange(0, 4)), key=VALUE_BRANCHES.index),
                "value_notes": "v",
            }
            status = rng.choice(("submitted", "submitted", "approved", "needs_work", "draft", "withdrawn", "no_plan"))
            rows.append(
                {
                    **answers,
                    "unit_key": f"unit-{unit:03d}",
                    "year": year - (n % 5 == 0),
                    "owner_id": f"lead-{unit:03d}",
                    "status": status,
                    "version": 1,
                    "language": lang,
                    "skipped_fields": [],
                    "no_plan_reason": "预算不足" if status == "no_plan" else None,
                    "assessment": assess(answers) if status not in ("draft", "no_plan") else None,
                    "created_at": now,
                    "updated_at": now,
                    "submitted_at": now if status != "draft" else None,
                }
            )
        session.execute(insert(Plan), rows)
