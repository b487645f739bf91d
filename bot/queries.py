"""The planning office's questions about plans, answered from the plan store."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional

from sqlalchemy.orm import Session

from bot import assessment, cycle, messages, planning, roles
from bot.directory import Identity
from bot.plan_schema import STATUSES
from bot.roles import Permission
from bot.store import plans as store
from bot.store.models import Plan

SHOWN = 10
_BLOCKED = re.compile(r"blocked|stuck|卡在|受阻|卡住|阻塞", re.I)
_AT_RISK = re.compile(r"at risk|risky|有风险|风险", re.I)
_WEAK = re.compile(r"weak|not ready|problems? with|薄弱|不足|弱", re.I)
_NOT_FILED = re.compile(r"not (yet )?filed|haven'?t (yet )?filed|not submitted|haven'?t submitted|no plans? yet|"
                        r"还没(有)?(提交|交)|没(有)?(提交|交)|未提交|尚未提交", re.I)
_HOW_MANY = re.compile(r"how many|count|number of|多少|(?<!哪)几个|(?<!哪)几份", re.I)
LISTED_WITH_A_COUNT = 5  # "how many ...?" also lists the plans when there are this few
_APPROVE = re.compile(r"approve|accept|批准|通过|同意", re.I)
_SEND_BACK = re.compile(r"send .*back|needs? work|reject|return|退回|打回|需修改|需要修改|修改后再交", re.I)


@dataclass
class PlanFilter:
    year: Optional[int] = None
    unit: Optional[str] = None
    status: Optional[str] = None
    challenge: Optional[str] = None
    rating: Optional[str] = None  # "blocked" or "at_risk"; None with `weak` means either
    weak: bool = False  # only plans that are not ready (on `challenge`, or on any challenge)
    not_filed: bool = False
    count_only: bool = False


def parse_filter(text: str, *, year=None, unit=None, status=None, challenge=None) -> PlanFilter:
    """A filter from the message's entities and wording."""
    rating = "blocked" if _BLOCKED.search(text) else "at_risk" if _AT_RISK.search(text) else None
    challenge = challenge if challenge in assessment.CHALLENGES else None
    return PlanFilter(
        year=int(year) if year else None, unit=unit, status=status if status in STATUSES else None,
        challenge=challenge, rating=rating, weak=bool(rating or challenge or _WEAK.search(text)),
        not_filed=bool(_NOT_FILED.search(text)), count_only=bool(_HOW_MANY.search(text)),
    )


def review_decision(text: str) -> Optional[str]:
    if _SEND_BACK.search(text):
        return "needs_work"
    if _APPROVE.search(text):
        return "approved"
    return None


def _matches(plan: Plan, flt: PlanFilter) -> bool:
    if not flt.weak:
        return True
    if not plan.assessment:
        return False
    challenges = [flt.challenge] if flt.challenge else list(assessment.CHALLENGES)
    ratings = [flt.rating] if flt.rating else ["at_risk", "blocked"]
    return any(plan.assessment["challenges"][c]["rating"] in ratings for c in challenges)


def answer_query(session: Session, identity: Identity, flt: PlanFilter, lang: str) -> str:
    """Counts and a short list with plan ids. Leads only ever see their own unit."""
    if not roles.can(identity, Permission.READ_ALL_PLANS):
        if not roles.can(identity, Permission.READ_UNIT_PLANS):
            return messages.text("query_not_allowed", lang)
        note = messages.text("query_own_unit_only", lang) if flt.unit not in (None, identity.unit) else ""
        return (note + "\n" if note else "") + _plans_answer(session, _scoped(identity, flt), lang, with_drafts=True)
    if flt.not_filed:
        return _not_filed_answer(session, flt.year or planning.default_year(), lang)
    return _plans_answer(session, flt, lang, with_drafts=flt.unit is not None)  # one unit: its whole picture


def listed_ids(session: Session, identity: Identity, flt: PlanFilter) -> List[int]:
    """The plan ids `answer_query` lists for this filter, in its order ("第1个" is the first of them)."""
    if not roles.can(identity, Permission.READ_ALL_PLANS):
        if not roles.can(identity, Permission.READ_UNIT_PLANS):
            return []
        return [plan.id for plan in _found(session, _scoped(identity, flt), with_drafts=True)[:SHOWN]]
    if flt.not_filed:
        return []
    return [plan.id for plan in _found(session, flt, with_drafts=flt.unit is not None)[:SHOWN]]


def _scoped(identity: Identity, flt: PlanFilter) -> PlanFilter:
    flt.unit = identity.unit
    return flt


def _found(session: Session, flt: PlanFilter, with_drafts: bool) -> List[Plan]:
    """`with_drafts`: a lead's own unit, drafts included; the office looks at live plans by default."""
    year = flt.year or planning.default_year()
    candidates = store.list_plans(session, year=year, unit=flt.unit, status=flt.status)
    if flt.status is None:
        hidden = ("withdrawn",) if with_drafts else ("draft", "withdrawn")
        candidates = [p for p in candidates if p.status not in hidden]
    return [p for p in candidates if _matches(p, flt)]


def _plans_answer(session: Session, flt: PlanFilter, lang: str, with_drafts: bool = False) -> str:
    year = flt.year or planning.default_year()
    found = _found(session, flt, with_drafts)
    described = describe(session, flt, year, lang)
    if not found:
        return messages.text("query_none", lang, what=described)
    lines = [messages.text("query_count_one" if len(found) == 1 else "query_count", lang, count=len(found),
                           what=described)]
    if not flt.count_only or len(found) <= LISTED_WITH_A_COUNT:
        for plan in found[:SHOWN]:
            lines.append(line(session, plan, lang, flt.challenge, show_weak=flt.weak))
        if len(found) > SHOWN:
            lines.append(messages.text("query_more", lang, more=len(found) - SHOWN))
    return "\n".join(lines)


def _not_filed_answer(session: Session, year: int, lang: str) -> str:
    missing = cycle.not_filed(session, year)
    if not missing:
        return messages.text("query_all_filed", lang, year=year)
    names = [planning.unit_name(session, key, lang) for key in missing]
    key = "query_not_filed_one" if len(missing) == 1 else "query_not_filed"
    return messages.text(key, lang, count=len(missing), year=year,
                         units=("、" if lang == "zh" else ", ").join(names[:30]) + (" …" if len(names) > 30 else ""))


def describe(session: Session, flt: PlanFilter, year: int, lang: str) -> str:
    parts = [messages.text("query_year", lang, year=year)]
    if flt.unit:
        parts.append(planning.unit_name(session, flt.unit, lang))
    if flt.status:
        parts.append(messages.text(f"status.{flt.status}", lang))
    if flt.weak:
        challenge = assessment.title(flt.challenge, lang) if flt.challenge else messages.text("query_any_challenge", lang)
        rating = messages.text(f"rating.{flt.rating}", lang) if flt.rating else messages.text("query_not_ready", lang)
        parts.append(messages.text("query_rated", lang, challenge=challenge, rating=rating))
    return (" · ").join(parts)


def line(session: Session, plan: Plan, lang: str, challenge: Optional[str] = None, show_weak: bool = False) -> str:
    readiness = plan.assessment["readiness"] if plan.assessment else "-"
    extra = ""
    if challenge and plan.assessment:
        reasons = "; ".join(r[lang] for r in plan.assessment["challenges"][challenge]["reasons"])
        extra = f" ({reasons})" if reasons else ""
    elif show_weak and plan.assessment:
        weak = [f"{assessment.title(c, lang)} {messages.text('rating.' + v['rating'], lang)}"
                for c, v in plan.assessment["challenges"].items() if v["rating"] != "ready"]
        extra = f" ({'、'.join(weak) if lang == 'zh' else ', '.join(weak)})" if weak else ""
    return messages.text("query_line", lang, id=plan.id, unit=planning.unit_name(session, plan.unit_key, lang),
                         title=planning.title_of(plan, lang), status=messages.text(f"status.{plan.status}", lang),
                         readiness=readiness) + extra


def show_plan(session: Session, identity: Identity, plan_id: int, lang: str) -> str:
    plan = session.get(Plan, int(plan_id))
    if plan is None:
        return messages.text("show_plan_missing", lang, id=plan_id)
    if not roles.can(identity, Permission.READ_UNIT_PLANS, plan.unit_key):
        return messages.text("show_plan_not_allowed", lang, id=plan_id)
    slots = planning.slot_values(plan)
    result = plan.assessment or assessment.assess(planning.stored_answers(slots))
    text = planning.summary_text(slots, result, lang, unit=planning.unit_name(session, plan.unit_key, lang), year=plan.year)
    header = messages.text("show_plan_header", lang, id=plan.id, status=messages.text(f"status.{plan.status}", lang),
                           version=plan.version, owner=plan.owner_id)
    review = plan.reviews[-1] if plan.reviews else None
    tail = messages.text("my_plans_review", lang, decision=messages.text(f"status.{review.decision}", lang),
                         note=review.note or "-").strip() if review else ""
    if plan.status == "no_plan":
        return header + "\n" + messages.text("show_plan_no_plan", lang, reason=plan.no_plan_reason or "-")
    return "\n".join(x for x in (header, text, tail) if x)


def reviewable(session: Session, identity: Identity, plan_id: Optional[int]) -> Optional[Plan]:
    if not roles.can(identity, Permission.REVIEW_PLANS) or plan_id is None:
        return None
    plan = session.get(Plan, int(plan_id))
    return plan if plan is not None and plan.status in ("submitted", "approved", "needs_work") else None



