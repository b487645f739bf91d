"""What the yearly review report shows, computed from the plan store."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import cycle, reminders, similar
from bot.assessment import CHALLENGES, NONE_WORDS
from bot.cycle import CycleView
from bot.kb import gaps
from bot.plan_schema import STATUSES, VALUE_BRANCHES
from bot.plan_status import DRAFT, FILED, NO_PLAN
from bot.reminders import ReminderSummary
from bot.store.models import Plan, Unit

RATING_ORDER = {"blocked": 0, "at_risk": 1, "ready": 2}


@dataclass
class UnitRow:
    key: str
    zh: str
    en: str
    plans: int = 0
    readiness: Optional[float] = None
    worst: Dict[str, Optional[str]] = field(default_factory=dict)  # challenge -> worst rating


@dataclass
class ReviewData:
    year: int
    status_counts: Dict[str, int]
    units: List[UnitRow]
    not_filed: List[UnitRow]
    no_plan: List[Tuple[UnitRow, str]]
    branch_counts: Dict[str, int]
    skill_gap_terms: List[Tuple[str, int]]
    similar: List[Tuple[Plan, Plan, float]]
    gaps: List[Tuple[str, Optional[str], int]]
    previous: Dict[str, Tuple[int, Optional[float]]]  # unit -> (plans, readiness) last year
    plans: List[Plan]
    cycle: Optional[CycleView] = None  # None when no deadline was set for the year
    late_plans: Dict[int, str] = field(default_factory=dict)  # plan id -> "draft" | "submitted"
    late_units: List[UnitRow] = field(default_factory=list)  # expected to file, nothing filed by the deadline
    reminded: List[ReminderSummary] = field(default_factory=list)


_GAP_SPLIT = re.compile(r"[,，、;；/]|\band\b|和|以及|及")
_GAP_FILLER = re.compile(
    r"^(we\s+)?(lack(\s+of)?|no|missing|need(\s+more)?|not enough|缺少|缺乏|缺|没有|需要|不足)\s*", re.I
)


def skill_gap_terms(plans: List[Plan], top: int = 10) -> List[Tuple[str, int]]:
    """The skills named as gaps, counted across plans; near-identical wordings count together."""
    counts: Counter = Counter()
    for plan in plans:
        text = (plan.skill_gaps or "").strip()
        if not text or text.casefold() in NONE_WORDS:
            continue
        phrases = set()
        for part in _GAP_SPLIT.split(text):
            phrase = _GAP_FILLER.sub("", part.strip().casefold()).strip(" .。")
            if len(phrase) > 1 and phrase not in NONE_WORDS:
                phrases.add(phrase)
        for phrase in phrases:
            twin = next((known for known in counts if fuzz.ratio(known, phrase) >= 85), phrase)
            counts[twin] += 1
    return counts.most_common(top)


def _unit_rows(session: Session, plans: List[Plan]) -> Dict[str, UnitRow]:
    rows = {
        u.key: UnitRow(u.key, u.name_zh, u.name_en) for u in session.execute(select(Unit).order_by(Unit.key)).scalars()
    }
    by_unit: Dict[str, List[Plan]] = defaultdict(list)
    for plan in plans:
        if plan.status in FILED:
            by_unit[plan.unit_key].append(plan)
    for key, mine in by_unit.items():
        row = rows.setdefault(key, UnitRow(key, key, key))
        row.plans = len(mine)
        scored = [p.assessment["readiness"] for p in mine if p.assessment]
        row.readiness = sum(scored) / len(scored) if scored else None
        for challenge in CHALLENGES:
            ratings = [p.assessment["challenges"][challenge]["rating"] for p in mine if p.assessment]
            row.worst[challenge] = min(ratings, key=RATING_ORDER.__getitem__) if ratings else None
    return rows


def build(session: Session, year: int) -> ReviewData:
    plans = list(session.execute(select(Plan).where(Plan.year == int(year)).order_by(Plan.id)).scalars())
    rows = _unit_rows(session, plans)
    status_counts = {s: 0 for s in STATUSES}
    status_counts.update(Counter(p.status for p in plans))
    deadline = cycle.get(session, year)
    missing = cycle.not_filed(session, year)  # the one definition chat and `mlplan cycle show` use
    no_plan = [(rows[p.unit_key], p.no_plan_reason or "") for p in plans if p.status == NO_PLAN and p.unit_key in rows]
    active = [p for p in plans if p.status in FILED]
    branch_counts = {b: sum(1 for p in active if b in (p.value_branches or [])) for b in VALUE_BRANCHES}
    gap_rows = Counter((g.question.strip(), g.lang) for g in gaps.recent(session, limit=2000))
    previous_plans = list(
        session.execute(select(Plan).where(Plan.year == int(year) - 1, Plan.status.in_(FILED))).scalars()
    )
    previous: Dict[str, Tuple[int, Optional[float]]] = {}
    for key in {p.unit_key for p in previous_plans}:
        mine = [p for p in previous_plans if p.unit_key == key]
        scored = [p.assessment["readiness"] for p in mine if p.assessment]
        previous[key] = (len(mine), sum(scored) / len(scored) if scored else None)
    return ReviewData(
        year=int(year),
        status_counts=status_counts,
        units=[r for r in rows.values() if r.plans],
        not_filed=[rows[k] for k in missing if k in rows],
        no_plan=no_plan,
        branch_counts=branch_counts,
        skill_gap_terms=skill_gap_terms(active),
        similar=similar.pairs(active),  # the same measure as the lead hears after submitting
        gaps=[(q, lang, n) for (q, lang), n in gap_rows.most_common(50)],
        previous=previous,
        plans=plans,
        cycle=deadline,
        late_plans={p.id: ("draft" if p.status == DRAFT else "submitted") for p in plans if cycle.is_late(p, deadline)},
        late_units=[rows[k] for k in missing if k in rows] if deadline and deadline.passed else [],
        reminded=reminders.summary(session, year),
    )
