"""The planning cycle of a year: its deadline, and where each unit stands against it.

This is the one place that says which units have filed (`unit_states`, `not_filed`):
chat, the CLI, reminders and the review report all ask here. Functions return
outcomes (dataclasses), never text; bot/cycle_text.py words them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from bot import planning
from bot.plan_schema import ANSWER_FIELD_NAMES, ANSWER_FIELDS
from bot.plan_status import DRAFT, FILED, NO_PLAN
from bot.store.models import Cycle, Person, Plan, Unit, utcnow

NEAR_DAYS = 7  # from this many days before the deadline, chat answers say how many are left
DEFAULT_REMIND_EVERY = 7


class CycleError(ValueError):
    """A request about a cycle that cannot be done; `code` says why, `values` the details."""

    def __init__(self, code: str, message: str, **values: Any) -> None:
        super().__init__(message)
        self.code, self.values = code, values


@dataclass(frozen=True)
class CycleView:
    year: int
    deadline: dt.date
    remind_every: int
    status: str
    days_left: int  # negative once the deadline has passed

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def passed(self) -> bool:
        return self.days_left < 0

    @property
    def near(self) -> bool:
        return 0 <= self.days_left <= NEAR_DAYS


@dataclass(frozen=True)
class CycleChange:
    cycle: CycleView
    created: bool
    moved_from: Optional[dt.date] = None
    reopened: bool = False


def today() -> dt.date:
    return dt.date.today()


def _view(cycle: Cycle, on: Optional[dt.date] = None) -> CycleView:
    return CycleView(
        cycle.year, cycle.deadline, cycle.remind_every, cycle.status, (cycle.deadline - (on or today())).days
    )


# --- dates -------------------------------------------------------------------------------

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_iso(text: str) -> dt.date:
    """YYYY-MM-DD, strictly (the command line)."""
    found = _ISO.match(text or "")
    try:
        if found:
            return dt.date(*map(int, found.groups()))
    except ValueError:
        pass
    raise CycleError("bad_date", f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-12-15", text=text)


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for m in names
}
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)"
)
_DATE_FORMS = (
    (re.compile(r"(?<!\d)(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]"), ("m", "d")),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"\b,?(?:\s+(20\d\d))?", re.I), ("d", "M", "y")),
    (re.compile(r"\b" + _MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b,?(?:\s+(20\d\d))?", re.I), ("M", "d", "y")),
)


def find_date(text: str, on: Optional[dt.date] = None) -> Optional[Tuple[Optional[dt.date], Tuple[int, int]]]:
    """The date a chat message names ("2026-12-15", "12月15日", "15 December", "Dec 15th") and where;
    a date without a year is its next occurrence; (None, span) when it is no real date."""
    on = on or today()
    for pattern, parts in _DATE_FORMS:
        found = pattern.search(text or "")
        if not found:
            continue
        values: Dict[str, Optional[str]] = dict(zip(parts, found.groups(), strict=True))
        month = _MONTHS[(values.get("M") or "").lower()] if values.get("M") else int(values["m"] or 0)
        day = int(values["d"] or 0)
        try:
            if values.get("y"):
                return dt.date(int(values["y"] or 0), month, day), found.span()
            named = dt.date(on.year, month, day)
            return (named if named >= on else dt.date(on.year + 1, month, day)), found.span()
        except ValueError:
            return None, found.span()
    return None


def read_date(text: str, on: Optional[dt.date] = None) -> Optional[dt.date]:
    found = find_date(text, on)
    return found[0] if found else None


_YEAR_SAID = re.compile(r"(?<!\d)(20\d\d)(?!\d)|\bfy\s?'?(\d\d)\b|(明年|下一年|next year)|(今年|this year)", re.I)


def year_in_request(text: str, on: Optional[dt.date] = None) -> Optional[int]:
    """The planning year a request names outside the date it gives ("把2027年的截止日期定在2026年12月15日")."""
    on = on or today()
    found = find_date(text, on)
    rest = text if not found else text[: found[1][0]] + " " + text[found[1][1] :]
    said = _YEAR_SAID.search(rest or "")
    if not said:
        return None
    four, fy, next_year, this_year = said.groups()
    return int(four) if four else 2000 + int(fy) if fy else on.year + 1 if next_year else on.year


# --- cycles ------------------------------------------------------------------------------


def get(session: Session, year: int, on: Optional[dt.date] = None) -> Optional[CycleView]:
    cycle = session.get(Cycle, int(year))
    return _view(cycle, on) if cycle else None


def list_cycles(session: Session, on: Optional[dt.date] = None) -> List[CycleView]:
    return [_view(c, on) for c in session.execute(select(Cycle).order_by(Cycle.year)).scalars()]


def current(session: Session, on: Optional[dt.date] = None) -> Optional[CycleView]:
    """The open cycle people mean when they name none: the coming year's, else the earliest open one."""
    cycles = [c for c in list_cycles(session, on) if c.is_open]
    wanted = planning.default_year(on)
    return next((c for c in cycles if c.year == wanted), cycles[0] if cycles else None)


def open_cycle(
    session: Session,
    year: int,
    deadline: dt.date,
    *,
    actor: str,
    remind_every: Optional[int] = None,
    on: Optional[dt.date] = None,
) -> CycleChange:
    """Open the cycle of `year`, or move its deadline (and reopen it when it was closed)."""
    on = on or today()
    if not planning.in_cycle(int(year), on):
        first, last = planning.allowed_years(on)
        raise CycleError(
            "year_outside", f"{year} is outside the planning years {first}-{last}", year=year, first=first, last=last
        )
    if deadline < on:
        raise CycleError(
            "deadline_past",
            f"the deadline {deadline.isoformat()} is in the past (today is {on.isoformat()})",
            deadline=deadline,
            today=on,
        )
    if remind_every is not None and not 1 <= int(remind_every) <= 90:
        raise CycleError("bad_cadence", "--remind-every must be between 1 and 90 days", days=remind_every)
    cycle = session.get(Cycle, int(year))
    if cycle is None:
        cycle = Cycle(
            year=int(year),
            deadline=deadline,
            remind_every=int(remind_every or DEFAULT_REMIND_EVERY),
            status="open",
            opened_by=actor,
        )
        session.add(cycle)
        session.flush()
        return CycleChange(_view(cycle, on), created=True)
    moved_from = cycle.deadline if cycle.deadline != deadline else None
    reopened = cycle.status != "open"
    cycle.deadline, cycle.status, cycle.closed_at, cycle.updated_at = deadline, "open", None, utcnow()
    if remind_every is not None:
        cycle.remind_every = int(remind_every)
    session.flush()
    return CycleChange(_view(cycle, on), created=False, moved_from=moved_from, reopened=reopened)


def close_cycle(session: Session, year: int, *, actor: str, on: Optional[dt.date] = None) -> CycleView:
    cycle = session.get(Cycle, int(year))
    if cycle is None:
        raise CycleError(
            "no_cycle", f"there is no {year} cycle (open it with `mlplan cycle open {year} --deadline ...`)", year=year
        )
    cycle.status, cycle.closed_at, cycle.updated_at = "closed", utcnow(), utcnow()
    session.flush()
    return _view(cycle, on)


def open_for_reminders(session: Session, year: int, on: Optional[dt.date] = None) -> CycleView:
    """The cycle reminders are sent in: it must exist and be open."""
    cycle = get(session, year, on)
    if cycle is None:
        raise CycleError(
            "no_cycle", f"there is no {year} cycle (open it with `mlplan cycle open {year} --deadline ...`)", year=year
        )
    if not cycle.is_open:
        raise CycleError(
            "closed", f"the {year} cycle is closed; reopen it with `mlplan cycle open {year} --deadline ...`", year=year
        )
    return cycle


# --- where each unit stands ----------------------------------------------------------------


@dataclass(frozen=True)
class Lead:
    person_id: str
    name: str
    lang: Optional[str]
    slack_id: Optional[str]


@dataclass(frozen=True)
class DraftState:
    plan_id: int
    owner: str
    title: Optional[str]
    language: str
    answered: int
    total: int
    stopped_at: Optional[str]  # the first question not answered yet; None when all are
    step: Optional[int]  # the guide step of that question
    updated_at: dt.datetime


@dataclass
class UnitState:
    key: str
    name_zh: str
    name_en: str
    state: str  # filed | no_plan | draft | nothing
    leads: List[Lead] = field(default_factory=list)
    drafts: List[DraftState] = field(default_factory=list)  # newest first
    late: bool = False  # the deadline has passed and the unit has not filed

    @property
    def missing(self) -> bool:
        return self.state in ("draft", "nothing")


def draft_state(plan: Plan) -> DraftState:
    values = planning.slot_values(plan)
    stopped = next((f for f in ANSWER_FIELDS if values.get(f.name) is None), None)
    return DraftState(
        plan.id,
        plan.owner_id,
        plan.title,
        plan.language,
        planning.answered(values),
        len(ANSWER_FIELD_NAMES),
        stopped.name if stopped else None,
        stopped.step if stopped else None,
        plan.updated_at,
    )


def filing_units(session: Session) -> set:
    """Units that have a lead, and so are expected to file."""
    return set(
        session.execute(select(Person.unit_key).where(Person.role == "lead", Person.unit_key.isnot(None))).scalars()
    )


def unit_states(
    session: Session, year: int, on: Optional[dt.date] = None, unit: Optional[str] = None
) -> List[UnitState]:
    """Every unit that is expected to file (it has a lead) or has a draft of `year`, and where it stands."""
    cycle = get(session, year, on)
    statuses_of: Dict[str, set] = {}
    drafts_of: Dict[str, List[Plan]] = {}
    found = select(Plan.unit_key, Plan.status).where(Plan.year == int(year))
    drafts = select(Plan).options(defer(Plan.assessment)).where(Plan.year == int(year), Plan.status == DRAFT)
    if unit is not None:
        found, drafts = found.where(Plan.unit_key == unit), drafts.where(Plan.unit_key == unit)
    for key, status in session.execute(found):
        statuses_of.setdefault(key, set()).add(status)
    for plan in session.execute(drafts.order_by(Plan.updated_at.desc(), Plan.id.desc())).scalars():
        drafts_of.setdefault(plan.unit_key, []).append(plan)
    leads: Dict[str, List[Lead]] = {}
    for person in session.execute(
        select(Person).where(Person.role == "lead", Person.unit_key.isnot(None)).order_by(Person.id)
    ).scalars():
        leads.setdefault(person.unit_key, []).append(Lead(person.id, person.name, person.lang, person.slack_id))
    keys = set(leads) | set(drafts_of)
    if unit is not None:
        keys &= {unit}
    units = {u.key: u for u in session.execute(select(Unit).where(Unit.key.in_(sorted(keys)))).scalars()}
    states = []
    for key in sorted(keys):
        statuses = statuses_of.get(key, set())
        state = (
            "filed"
            if statuses & set(FILED)
            else "no_plan"
            if NO_PLAN in statuses
            else "draft"
            if DRAFT in statuses
            else "nothing"
        )
        row = units.get(key)
        states.append(
            UnitState(
                key,
                row.name_zh if row else key,
                row.name_en if row else key,
                state,
                leads.get(key, []),
                [draft_state(p) for p in drafts_of.get(key, [])],
                late=bool(cycle and cycle.passed and state in ("draft", "nothing")),
            )
        )
    return states


def not_filed(session: Session, year: int, states: Optional[List[UnitState]] = None) -> List[str]:
    """Keys of the units expected to file (they have a lead) that have neither filed nor
    declared no plan: what chat, `mlplan cycle show` and the review report call "not filed".
    `states`: this year's `unit_states`, when the caller has them already."""
    expected = filing_units(session)
    return [
        s.key for s in (unit_states(session, year) if states is None else states) if s.missing and s.key in expected
    ]


def is_late(plan: Plan, cycle: Optional[CycleView]) -> bool:
    """A draft still open after the deadline, or a plan submitted after it."""
    if cycle is None:
        return False
    if plan.status == DRAFT:
        return cycle.passed
    submitted = plan.submitted_at
    if submitted is None or plan.status not in FILED:
        return False
    if submitted.tzinfo is None:
        submitted = submitted.replace(tzinfo=dt.timezone.utc)
    return submitted.astimezone().date() > cycle.deadline
