"""Plan operations: every saved change bumps the version, keeps a snapshot and
writes an audit entry. Concurrent edits fail loudly instead of overwriting."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, Iterable, List, Mapping, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bot.plan_schema import (
    ANSWER_FIELD_NAMES,
    LANGUAGES,
    REVIEW_DECISIONS,
    STATUSES,
    normalise_value,
)
from bot.store.models import AuditEntry, Plan, PlanVersion, Review, utcnow


class PlanNotFound(LookupError):
    pass


class PlanConflict(RuntimeError):
    """The plan changed since the caller read it."""

    def __init__(self, plan_id: int, expected: Optional[int], actual: Optional[int]):
        super().__init__(f"plan {plan_id} is at version {actual}, not {expected}: reload it and try again")
        self.plan_id, self.expected, self.actual = plan_id, expected, actual


def iso(moment: Optional[dt.datetime]) -> Optional[str]:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite drops the zone; everything is stored in UTC
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def review_to_dict(review: Review) -> Dict[str, Any]:
    return {"decision": review.decision, "note": review.note, "by": review.reviewer_id, "at": iso(review.at)}


def plan_to_dict(plan: Plan) -> Dict[str, Any]:
    """A plan with every field of SPEC §4."""
    data: Dict[str, Any] = {
        "id": plan.id,
        "unit": plan.unit_key,
        "year": plan.year,
        "owner": plan.owner_id,
        "status": plan.status,
        "version": plan.version,
        "language": plan.language,
    }
    for name in ANSWER_FIELD_NAMES:
        value = getattr(plan, name)
        data[name] = list(value or []) if name == "value_branches" else value
    data["no_plan_reason"] = plan.no_plan_reason
    data["assessment"] = plan.assessment
    data["review"] = review_to_dict(plan.reviews[-1]) if plan.reviews else None
    data["created_at"] = iso(plan.created_at)
    data["updated_at"] = iso(plan.updated_at)
    data["submitted_at"] = iso(plan.submitted_at)
    return data


def _audit(session: Session, actor: str, action: str, plan: Plan, detail: Any = None) -> None:
    session.add(AuditEntry(actor=actor, action=action, target_type="plan", target_id=str(plan.id), detail=detail))


def _snapshot(session: Session, plan: Plan, actor: str) -> None:
    session.flush()  # assigns the id and the new version
    session.add(PlanVersion(plan_id=plan.id, version=plan.version, snapshot=plan_to_dict(plan), changed_by=actor))


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")


def create_plan(
    session: Session,
    *,
    unit: str,
    year: int,
    owner: str,
    language: str,
    actor: Optional[str] = None,
    status: str = "draft",
    answers: Optional[Mapping[str, Any]] = None,
    no_plan_reason: Optional[str] = None,
) -> Plan:
    _check_language(language)
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    now = utcnow()
    plan = Plan(
        unit_key=unit,
        year=int(year),
        owner_id=owner,
        status=status,
        language=language,
        value_branches=[],
        skipped_fields=[],
        no_plan_reason=(no_plan_reason or "").strip() or None,
        created_at=now,
        updated_at=now,
        submitted_at=now if status == "submitted" else None,
    )
    for name, value in (answers or {}).items():
        setattr(plan, name, normalise_value(name, value))
    session.add(plan)
    session.flush()
    _audit(session, actor or owner, "create", plan, {"status": status})
    _snapshot(session, plan, actor or owner)
    return plan


def get_plan(session: Session, plan_id: int) -> Plan:
    plan = session.get(Plan, int(plan_id))
    if plan is None:
        raise PlanNotFound(f"no plan {plan_id}")
    return plan


def _save(session: Session, plan: Plan, expected_version: Optional[int], actor: str, action: str, detail: Any) -> Plan:
    plan_id, version = plan.id, plan.version
    if expected_version is not None and version != expected_version:
        raise PlanConflict(plan_id, expected_version, version)
    plan.updated_at = utcnow()
    try:
        session.flush()
    except StaleDataError as error:  # another session saved first
        raise PlanConflict(plan_id, expected_version if expected_version is not None else version, None) from error
    _audit(session, actor, action, plan, detail)
    _snapshot(session, plan, actor)
    return plan


def update_answers(
    session: Session,
    plan_id: int,
    answers: Mapping[str, Any],
    *,
    actor: str,
    expected_version: Optional[int] = None,
    skipped: Iterable[str] = (),
) -> Plan:
    """Change answer fields; `skipped` names fields whose (empty or `unknown`) value was
    a skip. Unknown fields and bad values raise before anything is written."""
    plan = get_plan(session, plan_id)
    clean = {name: normalise_value(name, value) for name, value in answers.items()}
    skipped = set(skipped)
    now_skipped = sorted((set(plan.skipped_fields or []) - set(clean)) | (skipped & set(clean)))
    changed = {n: v for n, v in clean.items() if getattr(plan, n) != v}
    if not changed and now_skipped == sorted(plan.skipped_fields or []):
        return plan
    before = {n: getattr(plan, n) for n in changed}
    for name, value in changed.items():
        setattr(plan, name, value)
    plan.skipped_fields = now_skipped
    detail = {"fields": sorted(changed), "before": before, "skipped": sorted(skipped & set(clean))}
    return _save(session, plan, expected_version, actor, "edit", detail)


def set_status(
    session: Session,
    plan_id: int,
    status: str,
    *,
    actor: str,
    expected_version: Optional[int] = None,
    assessment: Optional[dict] = None,
) -> Plan:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    plan = get_plan(session, plan_id)
    before = plan.status
    plan.status = status
    if status == "submitted":
        plan.submitted_at = utcnow()
    if assessment is not None:
        plan.assessment = assessment
    return _save(session, plan, expected_version, actor, "status", {"from": before, "to": status})


def record_review(session: Session, plan_id: int, decision: str, note: str, *, reviewer: str) -> Plan:
    if decision not in REVIEW_DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(REVIEW_DECISIONS)}")
    plan = get_plan(session, plan_id)
    plan.reviews.append(Review(decision=decision, note=(note or "").strip(), reviewer_id=reviewer))
    before = plan.status
    plan.status = decision
    return _save(session, plan, None, reviewer, "review", {"decision": decision, "from": before})


def list_plans(
    session: Session,
    *,
    year: Optional[int] = None,
    unit: Optional[str] = None,
    status: Optional[str] = None,
) -> List[Plan]:
    """Plans, newest first."""
    query = select(Plan)
    if year is not None:
        query = query.where(Plan.year == int(year))
    if unit is not None:
        query = query.where(Plan.unit_key == unit)
    if status is not None:
        query = query.where(Plan.status == status)
    query = query.order_by(Plan.id.desc())
    return list(session.execute(query).scalars())


def history(session: Session, plan_id: int) -> List[PlanVersion]:
    query = select(PlanVersion).where(PlanVersion.plan_id == int(plan_id)).order_by(PlanVersion.version)
    return list(session.execute(query).scalars())
