"""A plan's life: which plan a request means, and editing, submitting, withdrawing,
declaring "no plan" and reviewing it.

Every function asks bot/roles.py whether the person may do it, does it through the plan
store, and returns a `Result`: what happened (`Outcome`) and the plan, never text. The
actions read the slots, call one of these and word the result with bot/plan_text.py; the
statuses and their groups are in bot/plan_status.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import assessment, planning, reminders, roles, similar
from bot.directory import Identity
from bot.plan_status import CLOSED, DECISIONS, DRAFT, EDITABLE, FILED, NO_PLAN, SUBMITTED, WITHDRAWN
from bot.roles import Permission
from bot.store import plans as store
from bot.store.models import Plan


class Outcome(str, Enum):
    FOUND = "found"  # the plan the request means, and the person may act on it
    NO_PLAN_FOUND = "no_plan_found"  # no plan fits the request
    NOT_ALLOWED = "not_allowed"  # the plan is someone else's, or not in a status the request allows
    MAY_NOT_FILE = "may_not_file"  # the person files no plans (roles.why_not_file says why)
    SUBMITTED = "submitted"  # a draft, submitted for the first time
    RESUBMITTED = "resubmitted"  # an edited plan, back to the planning office for review
    WITHDRAWN = "withdrawn"
    NO_PLAN_DECLARED = "no_plan_declared"
    REVIEWED = "reviewed"
    NOT_REVIEWABLE = "not_reviewable"


@dataclass
class Result:
    outcome: Outcome
    plan: Optional[Plan] = None
    similar: List[Tuple[Plan, float]] = field(default_factory=list)  # after a submission: other units' plans
    told: List[Any] = field(default_factory=list)  # after a review: who heard of it (reminders.tell_decision)
    superseded: List[int] = field(default_factory=list)  # after a submission: the unit's "no plan" records it replaced

    @property
    def the_plan(self) -> Plan:
        """The plan, for the outcomes that have one (every outcome but NO_PLAN_FOUND and MAY_NOT_FILE)."""
        if self.plan is None:
            raise LookupError(f"a {self.outcome.value} result has no plan")
        return self.plan

    @property
    def ok(self) -> bool:
        return self.outcome not in (
            Outcome.NO_PLAN_FOUND,
            Outcome.NOT_ALLOWED,
            Outcome.MAY_NOT_FILE,
            Outcome.NOT_REVIEWABLE,
        )


def _refused(identity: Identity) -> Optional[Result]:
    return Result(Outcome.MAY_NOT_FILE) if roles.why_not_file(identity) else None


# --- which plan a request means ----------------------------------------------------------------


def plan_to_edit(session: Session, identity: Identity, plan_id: Optional[int]) -> Result:
    """ "Change the sponsor" (of plan N): the plan named, else the unit's latest draft, else its
    newest editable plan."""
    refused = _refused(identity)
    if refused:
        return refused
    if plan_id is not None:
        plan = session.get(Plan, int(plan_id))
    else:
        plan = planning.find_draft(session, identity) or next(
            (p for p in store.list_plans(session, unit=identity.unit) if p.status in EDITABLE), None
        )
    if plan is None:
        return Result(Outcome.NO_PLAN_FOUND)
    return Result(Outcome.FOUND if roles.may_change(identity, plan) else Outcome.NOT_ALLOWED, plan)


def plan_to_withdraw(session: Session, identity: Identity, plan_id: Optional[int], text: str = "") -> Result:
    """ "Withdraw plan 3" / "把促销那个撤了": the plan named by number, else by its title in the
    message, else the unit's newest plan that is not closed."""
    refused = _refused(identity)
    if refused:
        return refused
    if plan_id is not None:
        plan = session.get(Plan, int(plan_id))
    else:
        candidates = [p for p in store.list_plans(session, unit=identity.unit) if p.status not in CLOSED]
        plan = planning.named_in(text, candidates) or (candidates[0] if candidates else None)
    if plan is None:
        return Result(Outcome.NO_PLAN_FOUND)
    return Result(Outcome.FOUND if roles.may_withdraw(identity, plan) else Outcome.NOT_ALLOWED, plan)


def plan_to_review(session: Session, identity: Identity, plan_id: Optional[int]) -> Result:
    """The plan a review decision is for: a filed plan, and the person reviews plans."""
    plan = (
        session.get(Plan, int(plan_id))
        if plan_id is not None and roles.can(identity, Permission.REVIEW_PLANS)
        else None
    )
    if plan is None or not roles.may_review(identity, plan):
        return Result(Outcome.NOT_REVIEWABLE, plan)
    return Result(Outcome.FOUND, plan)


# --- moving a plan -------------------------------------------------------------------------------


def edit(session: Session, identity: Identity, plan_id: Optional[int]) -> Result:
    """Start changing an answer: the plan is checked now; the answers are saved one by one
    (planning.save_answer) and the plan goes back for review when it is submitted again."""
    return plan_to_edit(session, identity, plan_id)


def submit(session: Session, identity: Identity, plan_id: Optional[int]) -> Result:
    """Submit the draft, or the edited plan as a new version for review, with its readiness
    assessment; the result names other units' similar plans of the year."""
    if plan_id is None or roles.why_not_file(identity):
        return Result(Outcome.NO_PLAN_FOUND)
    plan = store.get_plan(session, plan_id)
    if not roles.may_change(identity, plan):
        return Result(Outcome.NOT_ALLOWED, plan)
    result = assessment.assess(planning.stored_answers(planning.slot_values(plan)))
    was_draft = plan.status == DRAFT
    plan = store.set_status(session, plan_id, SUBMITTED, actor=identity.person_id, assessment=result)
    superseded = [  # "no plan" said first, a plan filed after all: the plan replaces the record
        store.set_status(session, record.id, WITHDRAWN, actor=identity.person_id).id
        for record in store.list_plans(session, year=plan.year, unit=plan.unit_key, status=NO_PLAN)
    ]
    return Result(
        Outcome.SUBMITTED if was_draft else Outcome.RESUBMITTED,
        plan,
        similar=similar_plans(session, plan),
        superseded=superseded,
    )


def withdraw(session: Session, identity: Identity, plan_id: Optional[int]) -> Result:
    """Withdraw the plan the lead confirmed (its status was checked when it was confirmed)."""
    plan = session.get(Plan, plan_id) if plan_id is not None else None
    if plan is None or not roles.files_for(identity, plan.unit_key):
        return Result(Outcome.NO_PLAN_FOUND, plan)
    return Result(Outcome.WITHDRAWN, store.set_status(session, plan.id, WITHDRAWN, actor=identity.person_id))


def declare_no_plan(session: Session, identity: Identity, year: int, reason: str, lang: str) -> Result:
    """Record "our unit has no ML plan for `year`" with its reason, as a plan of status no_plan."""
    refused = _refused(identity)
    if refused:
        return refused
    if identity.unit is None:  # roles.can: a person who may file has a unit
        return Result(Outcome.MAY_NOT_FILE)
    plan = store.create_plan(
        session,
        unit=identity.unit,
        year=year,
        owner=identity.person_id,
        language=lang,
        status=NO_PLAN,
        no_plan_reason=reason,
    )
    return Result(Outcome.NO_PLAN_DECLARED, plan)


def review(
    session: Session, identity: Identity, plan_id: Optional[int], decision: Optional[str], note: Optional[str]
) -> Result:
    """Record the planning office's decision ("-" or no note: none) and tell the lead at once."""
    found = plan_to_review(session, identity, plan_id)
    if not found.ok or decision not in DECISIONS:
        return Result(Outcome.NOT_REVIEWABLE, found.plan)
    plan = store.record_review(
        session, found.the_plan.id, decision, "" if note in (None, "-") else note, reviewer=identity.person_id
    )
    return Result(Outcome.REVIEWED, plan, told=reminders.tell_decision(session, plan, plan.reviews[-1]))


# --- what the year's other plans say -----------------------------------------------------------------


def similar_plans(session: Session, plan: Plan, limit: int = 3) -> List[Tuple[Plan, float]]:
    """Other units' filed plans of the same year that read like `plan` (bot/similar.py)."""
    filed = session.execute(select(Plan).where(Plan.year == plan.year, Plan.status.in_(FILED))).scalars()
    return similar.similar_to(plan, list(filed), limit)  # the same pool as the review's pairs
