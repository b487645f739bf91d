"""The plan conversation's domain logic: planning years, drafts, answers.

Rasa-free, so the actions stay thin and this is tested directly. How a plan moves from
status to status is bot/lifecycle.py; which plans read alike, bot/similar.py."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Dict, List, Mapping, Optional, Tuple, overload

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import messages, roles
from bot.dialogue import answers
from bot.directory import Identity
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.plan_status import DRAFT
from bot.similar import comparable
from bot.store import plans as store
from bot.store.models import Plan, Unit

SKIPPED = "__skipped__"  # slot value of a skipped answer


def default_year(today: Optional[dt.date] = None) -> int:
    """The yearly cycle plans for the coming year."""
    return (today or dt.date.today()).year + 1


def allowed_years(today: Optional[dt.date] = None) -> Tuple[int, int]:
    year = (today or dt.date.today()).year
    return year, year + 2


def in_cycle(year: int, today: Optional[dt.date] = None) -> bool:
    first, last = allowed_years(today)
    return first <= year <= last


def year_meant(named: List[int], today: Optional[dt.date] = None) -> int:
    """The planning year a request means: of the years it names ("今年集团要求…报明年的规划"), the
    cycle's default year if named, else the first one in the cycle; the default year otherwise."""
    default = default_year(today)
    in_cycle_years = [y for y in named if in_cycle(y, today)]
    return default if default in in_cycle_years or not in_cycle_years else in_cycle_years[0]


_THIS_YEAR = ("今年", "本年", "this year", "当年")


def round_year(named: List[int], text: str, today: Optional[dt.date] = None) -> int:
    """The year of a "no plan" declaration, of a plan started "this year", or of "what did Risk file this year?".
    "今年我们不搞机器学习了"
    speaks of this year's planning round, which collects plans for the coming year, whatever later year
    it names ("ask me again come 2028"); a year said as a number is that year."""
    current = (today or dt.date.today()).year
    if (
        current in named
        and any(word in text.casefold() for word in _THIS_YEAR)
        and not re.search(rf"{current}|fy\s?'?{current % 100}", text, re.IGNORECASE)
    ):
        return default_year(today)
    return year_meant(named, today)


@overload
def unit_name(session: Session, key: str, lang: str) -> str: ...
@overload
def unit_name(session: Session, key: Optional[str], lang: str) -> Optional[str]: ...


def unit_name(session: Session, key: Optional[str], lang: str) -> Optional[str]:
    """The unit's name in `lang`; the key itself for a unit not in the directory."""
    unit = session.get(Unit, key) if key else None
    return (unit.name_zh if lang == "zh" else unit.name_en) if unit else key


# --- plans in words ---------------------------------------------------------------------


def title_of(plan: Plan, lang: str) -> str:
    return plan.title or messages.text("plan_untitled", lang)


# --- drafts and answers ---------------------------------------------------------------


def find_draft(session: Session, identity: Identity, year: Optional[int] = None) -> Optional[Plan]:
    """The unit's most recent draft (of `year`, when given)."""
    query = select(Plan).where(Plan.unit_key == identity.unit, Plan.status == DRAFT)
    if year is not None:
        query = query.where(Plan.year == int(year))
    return session.execute(query.order_by(Plan.updated_at.desc(), Plan.id.desc())).scalars().first()


def slot_values(plan: Plan) -> Dict[str, Any]:
    """The plan's answers as plan_form slots: skipped answers as SKIPPED, unanswered as None."""
    values: Dict[str, Any] = {}
    skipped = set(plan.skipped_fields or [])
    for name in ANSWER_FIELD_NAMES:
        value = getattr(plan, name)
        if name in skipped:
            values[name] = SKIPPED
        elif value in (None, "", []):
            values[name] = None
        else:
            values[name] = list(value) if name == "value_branches" else value
    return values


def is_skipped(value: Any) -> bool:
    """A skip as a slot holds it: SKIPPED, or [SKIPPED] in a list slot (the value-tree branches)."""
    return value == SKIPPED or value == [SKIPPED]


def answered(slots: Mapping[str, Any]) -> int:
    return sum(1 for name in ANSWER_FIELD_NAMES if slots.get(name) is not None)


def stored_answers(slots: Mapping[str, Any]) -> Dict[str, Any]:
    """Slot values as plan field values (skips become `unknown` or empty)."""
    return {
        name: answers.skipped_value(name) if is_skipped(slots.get(name)) else slots.get(name)
        for name in ANSWER_FIELD_NAMES
    }


class NotAllowed(PermissionError):
    """The person may not change this plan (bot/roles.py)."""

    def __init__(self, plan_id: int):
        super().__init__(f"plan {plan_id} may not be changed by this person")
        self.plan_id = plan_id


def save_answer(
    session: Session,
    *,
    identity: Identity,
    plan_id: Optional[int],
    year: Optional[int],
    lang: str,
    field: str,
    value: Any,
    expected_version: Optional[int],
    volunteered: Optional[Mapping[str, Any]] = None,
) -> Plan:
    """Store one answer (SKIPPED for a skip), and any answers to other questions given with
    it, as one version; creating the draft on the first answer."""
    skipped = value == SKIPPED
    stored = answers.skipped_value(field) if skipped else value
    if plan_id is None:
        if identity.unit is None or year is None:
            raise ValueError("a new draft needs the lead's unit and the plan's year")
        plan = store.create_plan(session, unit=identity.unit, year=year, owner=identity.person_id, language=lang)
        expected_version = plan.version
        plan_id = plan.id
    else:
        existing = store.get_plan(session, plan_id)
        if existing is None or not roles.may_change(identity, existing):
            raise NotAllowed(plan_id)
    return store.update_answers(
        session,
        plan_id,
        {**(volunteered or {}), field: stored},
        actor=identity.person_id,
        expected_version=expected_version,
        skipped=[field] if skipped else [],
    )


# --- which plan, which place in a list ------------------------------------------------------


def named_in(text: str, plans: List[Plan], threshold: float = 50) -> Optional[Plan]:
    """The plan whose title the message names ("把促销那个撤了" -> "促销效果预测"), if one stands out."""
    said = comparable(text)
    scored = sorted(
        ((fuzz.partial_ratio(comparable(p.title), said), p) for p in plans if p.title), key=lambda pair: -pair[0]
    )
    if not scored or scored[0][0] < threshold or (len(scored) > 1 and scored[0][0] - scored[1][0] < 15):
        return None
    return scored[0][1]


_ORDINALS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "last": -1,
    "最后": -1,
}
_POSITION = re.compile(
    r"第\s*(\d{1,2}|[一二两三四五六七八九十])\s*(?:个|份|条|项|行)|(最后)(?:一|那)?(?:个|份|条)|"
    r"\bthe (first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)(?: one| plan| item| on the list|$)|"
    r"\b(?:number|no\.?|#)\s*(\d{1,2}) (?:on|in) the list\b",
    re.IGNORECASE,
)


def position_in(text: str) -> Optional[int]:
    """A place in the list shown last ("第1个", "第二份", "the second one", "the last one"):
    1-based, -1 for the last."""
    found = _POSITION.search(text or "")
    if not found:
        return None
    said = next(group for group in found.groups() if group)
    return int(said) if said.isdigit() else _ORDINALS.get(said.lower())


def number_in(text: str) -> Optional[int]:
    """The one plan number a request to see a plan gives ("Show me 2 in detail", "第1个具体写的啥"), not a year."""
    numbers = [
        int(n)
        for n in re.findall(r"(?<![\d%第a-zA-Z])(?<!\d\.)(\d{1,6})(?![\d%a-zA-Z]|\.\d)", text or "")
        if not 2000 <= int(n) <= 2099
    ]
    return numbers[0] if len(numbers) == 1 else None
