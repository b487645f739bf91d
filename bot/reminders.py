"""Messages nobody asked for: reminders to file, and review decisions, to each lead.

Every one is a row of `reminders` (kind `reminder` or `decision`). A lead with a Slack
member id gets a direct message at once (bot.channels.slack.post_direct); anyone else
finds it at their next web-chat visit (`waiting`, called by bot/channels/web.py). A
failed send is recorded as failed and tried again by the next `remind` run.
Functions return outcomes; the words come from bot/cycle_text.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import cycle, cycle_text, language
from bot.cycle import CycleView, Lead
from bot.dialogue.prompts import Button
from bot.store.models import Person, Plan, Reminder, Review, Unit, utcnow
from bot.store.plans import iso

SENT, FAILED, PENDING_WEB, OBSOLETE, SUPERSEDED = "sent", "failed", "pending-web", "obsolete", "superseded"
WOULD_SEND = "would-send"  # --dry-run
Post = Callable[[str, str, List[Button]], None]  # member id, text, buttons; raises on failure


@dataclass
class Reminded:
    """One message to one person, as sent (or as it would be, on a dry run)."""

    person: str
    name: str
    unit: Optional[str]
    unit_zh: str
    unit_en: str
    kind: str
    reason: str  # nothing_filed | draft | approved | needs_work
    plan_id: Optional[int]
    channel: str  # slack | web
    status: str
    error: Optional[str] = None
    detail: Dict[str, Any] = field(default_factory=dict)
    at: Optional[str] = None  # when it was sent (or, for one skipped, when they were last reminded)

    def as_dict(self) -> Dict[str, Any]:
        data = asdict(self)
        data.pop("unit_zh")
        data.pop("unit_en")
        return data


@dataclass
class Unreachable:
    """A unit with a draft and no lead in the directory to remind."""

    unit: str
    unit_zh: str
    unit_en: str
    plan_ids: List[int]
    owners: List[str]


@dataclass
class RemindReport:
    year: int
    cycle: CycleView
    dry_run: bool
    reminded: List[Reminded] = field(default_factory=list)
    recent: List[Reminded] = field(default_factory=list)  # reminded within the cadence: nothing sent now
    unreachable: List[Unreachable] = field(default_factory=list)
    retried: List[Reminded] = field(default_factory=list)  # decisions whose earlier send had failed

    @property
    def failed(self) -> List[Reminded]:
        return [r for r in self.reminded + self.retried if r.status == FAILED]

    def as_dict(self) -> Dict[str, Any]:
        return {
            "year": self.year,
            "deadline": self.cycle.deadline.isoformat(),
            "days_left": self.cycle.days_left,
            "remind_every": self.cycle.remind_every,
            "dry_run": self.dry_run,
            "reminded": [r.as_dict() for r in self.reminded],
            "skipped_recently_reminded": [r.as_dict() for r in self.recent],
            "unreachable": [asdict(u) for u in self.unreachable],
            "decisions_retried": [r.as_dict() for r in self.retried],
            "failed": len(self.failed),
        }


def default_post() -> Optional[Post]:
    from bot.channels import slack

    return slack.post_direct if slack.configured() else None


def _local_date(moment: dt.datetime) -> dt.date:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().date()


def _lang(preferred: Optional[str], written_in: Optional[str]) -> str:
    return preferred or written_in or language.DEFAULT_LANGUAGE


def _usual_language(session: Session, person_id: str) -> Optional[str]:
    """The language of the person's latest plan: the best guess when the directory has no preference."""
    return (
        session.execute(
            select(Plan.language).where(Plan.owner_id == person_id).order_by(Plan.updated_at.desc(), Plan.id.desc())
        )
        .scalars()
        .first()
    )


def _deliver(
    session: Session, row: Reminder, slack_id: Optional[str], text: str, buttons: List[Button], post: Optional[Post]
) -> None:
    """Send on Slack when the person has a member id and Slack is configured; else wait for the web chat."""
    if slack_id and post is not None:
        row.channel = "slack"
        try:
            post(slack_id, text, buttons)
        except Exception as error:  # recorded, reported, retried; never counted as sent
            row.status, row.error = FAILED, str(error)[:500]
            return
        row.status, row.error, row.sent_at = SENT, None, utcnow()
    else:
        row.channel, row.status, row.error = "web", PENDING_WEB, None


# --- reminders to file ------------------------------------------------------------------------


def _last_reminder(session: Session, year: int, person: str, unit: str) -> Optional[Reminder]:
    return (
        session.execute(
            select(Reminder)
            .where(
                Reminder.kind == "reminder",
                Reminder.year == year,
                Reminder.person_id == person,
                Reminder.unit_key == unit,
                Reminder.status.in_((SENT, PENDING_WEB)),
            )
            .order_by(Reminder.created_at.desc(), Reminder.id.desc())
        )
        .scalars()
        .first()
    )


def remind(
    session: Session,
    year: int,
    *,
    on: Optional[dt.date] = None,
    dry_run: bool = False,
    post: Optional[Post] = None,
    use_default_post: bool = True,
) -> RemindReport:
    """Remind every lead of a unit that has neither filed nor declared no plan (or has only a
    draft), once per cadence; retry decisions whose send failed. Raises CycleError without an
    open cycle. On a dry run nothing is sent or written."""
    on = on or cycle.today()
    view = cycle.open_for_reminders(session, year, on)
    post = post if post is not None or not use_default_post else default_post()
    report = RemindReport(int(year), view, dry_run)
    for state in cycle.unit_states(session, year, on):
        if not state.missing:
            continue
        draft = state.drafts[0] if state.drafts else None
        if not state.leads:
            if draft is not None:
                report.unreachable.append(
                    Unreachable(
                        state.key,
                        state.name_zh,
                        state.name_en,
                        [d.plan_id for d in state.drafts],
                        sorted({d.owner for d in state.drafts}),
                    )
                )
            continue
        reason = "draft" if draft else "nothing_filed"
        detail: Dict[str, Any] = {
            "deadline": view.deadline.isoformat(),
            "days_left": view.days_left,
            "late": state.late,
        }
        if draft is not None:
            detail.update(
                answered=draft.answered,
                total=draft.total,
                stopped_at=draft.stopped_at,
                step=draft.step,
                title=draft.title,
            )
        for lead in state.leads:
            item = Reminded(
                lead.person_id,
                lead.name,
                state.key,
                state.name_zh,
                state.name_en,
                "reminder",
                reason,
                draft.plan_id if draft else None,
                "slack" if lead.slack_id and post else "web",
                WOULD_SEND,
                detail=dict(detail),
            )
            last = _last_reminder(session, int(year), lead.person_id, state.key)
            if last is not None and (on - _local_date(last.created_at)).days < view.remind_every:
                item.status, item.channel, item.at = last.status, last.channel, iso(last.created_at)
                report.recent.append(item)
                continue
            if not dry_run:
                _send_reminder(session, item, lead, view, state, draft, post)
            report.reminded.append(item)
    report.retried = retry_decisions(session, post, dry_run)
    return report


def _send_reminder(
    session: Session,
    item: Reminded,
    lead: Lead,
    view: CycleView,
    state: cycle.UnitState,
    draft: Optional[cycle.DraftState],
    post: Optional[Post],
) -> None:
    for old in session.execute(
        select(Reminder).where(
            Reminder.kind == "reminder",
            Reminder.year == view.year,
            Reminder.person_id == lead.person_id,
            Reminder.status == PENDING_WEB,
        )
    ).scalars():
        old.status = SUPERSEDED  # an older reminder still waiting for the web chat: this one replaces it
    lang = _lang(lead.lang, draft.language if draft else _usual_language(session, lead.person_id))
    text, buttons = cycle_text.reminder_message(
        name=lead.name,
        unit=state.name_zh if lang == "zh" else state.name_en,
        year=view.year,
        deadline=view,
        lang=lang,
        draft=draft,
    )
    row = Reminder(
        kind="reminder",
        year=view.year,
        person_id=lead.person_id,
        unit_key=state.key,
        plan_id=item.plan_id,
        reason=item.reason,
        channel="web",
        status=PENDING_WEB,
        detail={**item.detail, "lang": lang},
    )
    session.add(row)
    _deliver(session, row, lead.slack_id, text, buttons, post)
    session.flush()
    session.commit()  # one sent message, one committed row: a crash later cannot make it send twice
    item.channel, item.status, item.error, item.at = (
        row.channel,
        row.status,
        row.error,
        iso(row.sent_at or row.created_at),
    )


# --- review decisions -------------------------------------------------------------------------


def _recipients(session: Session, plan: Plan) -> List[Person]:
    leads = list(
        session.execute(
            select(Person).where(Person.role == "lead", Person.unit_key == plan.unit_key).order_by(Person.id)
        ).scalars()
    )
    owner = session.get(Person, plan.owner_id)
    if owner is not None and owner not in leads and owner.unit_key == plan.unit_key:
        leads.insert(0, owner)
    return leads


def _decision_text(session: Session, row: Reminder, person: Person) -> Tuple[str, List[Button]]:
    plan = session.get(Plan, row.plan_id) if row.plan_id else None
    lang = _lang(person.lang, plan.language if plan else None)
    unit = session.get(Unit, row.unit_key) if row.unit_key else None
    reviewer = session.get(Person, row.detail.get("reviewer") or "")
    return cycle_text.decision_message(
        name=person.name,
        unit=(unit.name_zh if lang == "zh" else unit.name_en) if unit else (row.unit_key or ""),
        year=row.year,
        plan_id=row.plan_id or 0,
        title=plan.title if plan else None,
        decision=row.reason,
        note=row.detail.get("note") or "",
        reviewer=reviewer.name if reviewer else (row.detail.get("reviewer") or ""),
        lang=lang,
    )


def tell_decision(
    session: Session, plan: Plan, review: Review, *, post: Optional[Post] = None, use_default_post: bool = True
) -> List[Reminded]:
    """Tell the unit's leads what the planning office decided, at once."""
    post = post if post is not None or not use_default_post else default_post()
    unit = session.get(Unit, plan.unit_key)
    told = []
    for person in _recipients(session, plan):
        row = Reminder(
            kind="decision",
            year=plan.year,
            person_id=person.id,
            unit_key=plan.unit_key,
            plan_id=plan.id,
            reason=review.decision,
            channel="web",
            status=PENDING_WEB,
            detail={"note": review.note, "reviewer": review.reviewer_id, "review_id": review.id},
        )
        session.add(row)
        text, buttons = _decision_text(session, row, person)
        _deliver(session, row, person.slack_id, text, buttons, post)
        session.flush()
        told.append(
            Reminded(
                person.id,
                person.name,
                plan.unit_key,
                unit.name_zh if unit else plan.unit_key,
                unit.name_en if unit else plan.unit_key,
                "decision",
                review.decision,
                plan.id,
                row.channel,
                row.status,
                row.error,
                dict(row.detail),
                iso(row.sent_at or row.created_at),
            )
        )
    return told


def retry_decisions(session: Session, post: Optional[Post], dry_run: bool = False) -> List[Reminded]:
    """Decisions whose Slack send failed: send them again."""
    retried = []
    for row in (
        session.execute(
            select(Reminder).where(Reminder.kind == "decision", Reminder.status == FAILED).order_by(Reminder.id)
        )
        .scalars()
        .all()
    ):
        person = session.get(Person, row.person_id)
        if person is None:
            continue
        unit = session.get(Unit, row.unit_key) if row.unit_key else None
        if not dry_run:
            text, buttons = _decision_text(session, row, person)
            _deliver(session, row, person.slack_id, text, buttons, post)
            session.flush()
            session.commit()
        retried.append(
            Reminded(
                person.id,
                person.name,
                row.unit_key,
                unit.name_zh if unit else "",
                unit.name_en if unit else "",
                "decision",
                row.reason,
                row.plan_id,
                row.channel,
                WOULD_SEND if dry_run else row.status,
                row.error,
                dict(row.detail),
                iso(row.sent_at or row.created_at),
            )
        )
    return retried


# --- the web chat ------------------------------------------------------------------------------


def waiting(session: Session, person_id: str, on: Optional[dt.date] = None) -> List[Tuple[str, List[Button]]]:
    """The messages waiting for this person's web-chat visit, oldest first; they count as sent once
    returned. A reminder that no longer applies (the unit has filed since) is dropped."""
    person = session.get(Person, person_id)
    if person is None:
        return []
    rows = list(
        session.execute(
            select(Reminder)
            .where(Reminder.person_id == person_id, Reminder.status == PENDING_WEB)
            .order_by(Reminder.created_at, Reminder.id)
        ).scalars()
    )
    newest = {}
    for row in rows:
        if row.kind == "reminder":
            newest[(row.year, row.unit_key)] = row.id
    shown = []
    for row in rows:
        message = None
        if row.kind == "decision":
            message = _decision_text(session, row, person)
        elif newest.get((row.year, row.unit_key)) != row.id:
            row.status = SUPERSEDED
        else:
            message = _reminder_now(session, row, person, on)
            if message is None:
                row.status = OBSOLETE
        if message is not None:
            row.status, row.channel, row.sent_at = SENT, "web", utcnow()
            shown.append(message)
    session.flush()
    return shown


def _reminder_now(
    session: Session, row: Reminder, person: Person, on: Optional[dt.date]
) -> Optional[Tuple[str, List[Button]]]:
    """The reminder as it reads today, or None when the unit has filed since or the cycle closed."""
    view = cycle.get(session, row.year, on)
    states = cycle.unit_states(session, row.year, on, unit=row.unit_key) if row.unit_key else []
    if view is None or not view.is_open or not states or not states[0].missing:
        return None
    state = states[0]
    draft = state.drafts[0] if state.drafts else None
    lang = _lang(
        person.lang, draft.language if draft else row.detail.get("lang") or _usual_language(session, person.id)
    )
    return cycle_text.reminder_message(
        name=person.name,
        unit=state.name_zh if lang == "zh" else state.name_en,
        year=row.year,
        deadline=view,
        lang=lang,
        draft=draft,
    )


# --- for the review report --------------------------------------------------------------------


@dataclass
class ReminderSummary:
    person: str
    name: str
    unit: Optional[str]
    reason: str
    channel: str
    status: str
    last_at: dt.datetime
    times: int


def summary(session: Session, year: int) -> List[ReminderSummary]:
    """Per person and unit: the latest reminder of `year` and how many were sent."""
    rows = list(
        session.execute(
            select(Reminder)
            .where(Reminder.kind == "reminder", Reminder.year == int(year))
            .order_by(Reminder.created_at, Reminder.id)
        ).scalars()
    )
    names = {
        p.id: p.name
        for p in session.execute(select(Person).where(Person.id.in_(sorted({r.person_id for r in rows})))).scalars()
    }
    found: Dict[Tuple[str, Optional[str]], ReminderSummary] = {}
    for row in rows:
        key = (row.person_id, row.unit_key)
        delivered = row.status in (SENT, PENDING_WEB)
        before = found.get(key)
        times = (before.times if before else 0) + (1 if delivered else 0)
        found[key] = ReminderSummary(
            row.person_id,
            names.get(row.person_id, row.person_id),
            row.unit_key,
            row.reason,
            row.channel,
            row.status,
            row.sent_at or row.created_at,
            times,
        )
    return sorted(found.values(), key=lambda s: (s.unit or "", s.person))
