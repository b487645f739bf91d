"""The planning office's questions about plans, answered from the plan store as data
(`QueryAnswer`, `Shown`); bot/plan_text.py words them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from sqlalchemy.orm import Session

from bot import assessment, cycle, planning, roles
from bot.dialogue import words
from bot.directory import Identity
from bot.plan_schema import STATUSES
from bot.plan_status import APPROVED, HIDDEN_FROM_OFFICE, HIDDEN_FROM_UNIT, NEEDS_WORK
from bot.roles import Permission
from bot.store import plans as store
from bot.store.models import Plan

SHOWN = 10  # a list shows this many plans; "第1个" counts in it
_BLOCKED = re.compile(r"blocked|stuck|卡在|受阻|卡住|阻塞", re.I)
_AT_RISK = re.compile(r"at risk|risky|有风险|风险", re.I)
_WEAK = re.compile(r"weak|not ready|problems? with|薄弱|不足|弱", re.I)
_NOT_FILED = re.compile(
    r"not (yet )?filed|haven'?t (yet )?filed|hasn'?t (yet )?filed|not submitted|haven'?t submitted|no plans? yet|"
    r"(still )?missing from|still missing|outstanding units|units? (are |is )?outstanding|who(?:'s| is) missing|"
    r"yet to (file|submit)|still to (file|submit)|"
    r"(?:haven'?t|hasn'?t|have not|has not|not) (?:yet )?(?:sent|handed|put) (?:anything |any plans? |a plan )?in\b|"
    r"还没(有)?(提交|交)|没(有)?(提交|交)|未提交|尚未提交|还差(哪些|哪几个|谁)|哪些部门还没",
    re.I,
)
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


# "今年交了啥", "what did Risk file this year?": what was filed in this year's planning round
_FILED_THIS_YEAR = re.compile(
    r"今年[^，,。？?]{0,8}?(?:交|报|提交|申报|报送)|(?:交|报|提交|申报|报送)[^，,。？?]{0,8}?今年|"
    r"\b(?:filed|submitted|sent in|handed in|put in|put forward|file|submit)\b.{0,30}\bthis year\b|"
    r"\bthis year\b.{0,30}\b(?:filed|submitted|sent in|handed in)\b",
    re.IGNORECASE,
)


_STATUS_SAID = (
    (
        "submitted",
        re.compile(
            r"已提交|已经提交|提交了的|提交上来的|交上来的|\bsubmitted (?:plans?|ones)\b|\bthe submitted\b", re.I
        ),
    ),
    ("approved", re.compile(r"已批准|已经批准|批了的|\bapproved (?:plans?|ones)\b", re.I)),
)
_DRAFTS = re.compile(r"草稿|\bdrafts?\b", re.I)  # "哪些计划是草稿状态、还没交上来的": drafts, not units


_LISTING = re.compile(
    r"^(?:which|what|how many|list|show me)\b.{0,40}\b(?:units?|departments?|plans?)\b.*[?？]?$|"
    r"^(?:还有)?(?:哪些|哪几个|几个|多少)(?:部门|单位|计划).{0,12}[?？]?$"
)


def asks_for_a_listing(text: str) -> bool:
    """A short question for a listing of units or plans ("还有哪些部门没交？", "which units haven't filed yet?")."""
    said = " ".join((text or "").split()).casefold()
    return (
        len(said) <= 80
        and bool(_LISTING.search(said))
        and (bool(_NOT_FILED.search(said)) or "?" in said or "？" in said)
    )


def parse_filter(text: str, *, year=None, unit=None, status=None, challenge=None) -> PlanFilter:
    """A filter from the message's entities and wording."""
    text = words.simplify(text)  # "哪些部門還沒交" as "哪些部门还没交"
    if status is None and not _NOT_FILED.search(text):
        status = next((name for name, said in _STATUS_SAID if said.search(text)), None)  # "已经提交的计划"
    rating = "blocked" if _BLOCKED.search(text) else "at_risk" if _AT_RISK.search(text) else None
    challenge = challenge if challenge in assessment.CHALLENGES else None
    if year and _FILED_THIS_YEAR.search(text):
        year = planning.round_year([int(year)], text)  # "风控部今年交了啥": this year's round, for next year
    return PlanFilter(
        year=int(year) if year else None,
        unit=unit,
        status=status if status in STATUSES else None,
        challenge=challenge,
        rating=rating,
        weak=bool(rating or challenge or _WEAK.search(text)),
        not_filed=bool(_NOT_FILED.search(text)) and status != "draft" and not _DRAFTS.search(text),
        count_only=bool(_HOW_MANY.search(text)),
    )


def review_decision(text: str) -> Optional[str]:
    if _SEND_BACK.search(text):
        return NEEDS_WORK
    if _APPROVE.search(text):
        return APPROVED
    return None


def _matches(plan: Plan, flt: PlanFilter) -> bool:
    if not flt.weak:
        return True
    if not plan.assessment:
        return False
    challenges = [flt.challenge] if flt.challenge else list(assessment.CHALLENGES)
    ratings = [flt.rating] if flt.rating else ["at_risk", "blocked"]
    return any(plan.assessment["challenges"][c]["rating"] in ratings for c in challenges)


@dataclass
class QueryAnswer:
    """What a query found: the plans (all of them, in order), or the units that have not filed."""

    flt: PlanFilter
    year: int
    plans: List[Plan] = field(default_factory=list)
    refused: bool = False  # the person may not query plans
    own_unit_only: bool = False  # a lead asked about another unit: they were shown their own
    not_filed: Optional[List[str]] = None  # "which units have not filed?": their keys (bot.cycle.not_filed)


def answer(session: Session, identity: Identity, flt: PlanFilter) -> QueryAnswer:
    """Counts and a short list with plan ids (worded by bot/plan_text.py). Leads only ever see their own unit."""
    year = flt.year or planning.default_year()
    if not roles.can(identity, Permission.READ_ALL_PLANS):
        if not roles.can(identity, Permission.READ_UNIT_PLANS):
            return QueryAnswer(flt, year, refused=True)
        other_unit = flt.unit not in (None, identity.unit)
        scoped = _scoped(identity, flt)
        return QueryAnswer(scoped, year, _found(session, scoped, with_drafts=True), own_unit_only=other_unit)
    if flt.not_filed:
        return QueryAnswer(flt, year, not_filed=cycle.not_filed(session, year))
    return QueryAnswer(flt, year, _found(session, flt, with_drafts=flt.unit is not None))  # one unit: its whole picture


def nothing_filed_yet(session: Session, identity: Identity, found: QueryAnswer) -> bool:
    """A lead looked for their own unit's plans of the planning year and there are none, not even
    a draft, a withdrawn plan or a "no plan": the question was most likely meant as "let's write it"."""
    flt = found.flt
    return (
        roles.can(identity, Permission.FILE_PLAN)
        and not roles.can(identity, Permission.READ_ALL_PLANS)
        and not found.refused
        and not found.own_unit_only
        and not found.plans
        and found.year == planning.default_year()
        and flt.status is None
        and flt.challenge is None
        and not flt.weak
        and not flt.not_filed
        and not store.list_plans(session, year=found.year, unit=identity.unit)
    )


def listed(session: Session, identity: Identity, flt: PlanFilter) -> List[Tuple[int, str]]:
    """(id, title) of the plans the answer to this filter lists, in its order ("第1个" is the first of them)."""
    return [(plan.id, plan.title or "") for plan in answer(session, identity, flt).plans[:SHOWN]]


def titled(plans: Sequence[Tuple[int, str]], text: str) -> Optional[int]:
    """The one plan of `plans` whose title the message names ("客服工单智能分类那个，先退回去吧")."""
    from rapidfuzz import fuzz

    said = re.sub(r"\s+", "", (text or "").casefold())
    named = {
        plan_id
        for plan_id, title in plans
        if len(re.sub(r"\s+", "", title)) >= 4
        and fuzz.partial_ratio(re.sub(r"\s+", "", title.casefold()), said) >= TITLE_NAMED
    }
    return named.pop() if len(named) == 1 else None


TITLE_NAMED = 90  # rapidfuzz partial_ratio of a title inside the message


def _scoped(identity: Identity, flt: PlanFilter) -> PlanFilter:
    flt.unit = identity.unit
    return flt


def _found(session: Session, flt: PlanFilter, with_drafts: bool) -> List[Plan]:
    """`with_drafts`: a lead's own unit, drafts included; the office looks at live plans by default."""
    year = flt.year or planning.default_year()
    candidates = store.list_plans(session, year=year, unit=flt.unit, status=flt.status)
    if flt.status is None:
        hidden = HIDDEN_FROM_UNIT if with_drafts else HIDDEN_FROM_OFFICE
        candidates = [p for p in candidates if p.status not in hidden]
    return [p for p in candidates if _matches(p, flt)]


@dataclass
class Shown:
    """ "Show plan N": the plan, when there is one and the person may read it."""

    plan_id: int
    plan: Optional[Plan]
    allowed: bool


def plan_to_show(session: Session, identity: Identity, plan_id: int) -> Shown:
    plan = session.get(Plan, int(plan_id))
    return Shown(int(plan_id), plan, plan is not None and roles.may_read(identity, plan))
