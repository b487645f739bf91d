"""Who may do what (SPEC §1). Every action asks here; nothing trusts a slot.

The permissions of each role are below; the questions about one plan ("may this person
change / withdraw / review / read plan N?") are the `may_*` functions at the end, the
only place that answers them. bot/lifecycle.py asks them before it moves a plan.
"""

from __future__ import annotations

from enum import Enum
from typing import Optional

from bot import plan_status
from bot.directory import Identity


class Permission(str, Enum):
    ASK_FAQ = "ask_faq"
    FILE_PLAN = "file_plan"  # create, resume, edit, withdraw own unit's plans
    READ_UNIT_PLANS = "read_unit_plans"
    READ_ALL_PLANS = "read_all_plans"
    REVIEW_PLANS = "review_plans"
    RUN_CYCLE = "run_cycle"  # open cycles, set deadlines, remind units
    MANAGE_DIRECTORY = "manage_directory"


ROLE_PERMISSIONS = {
    "lead": {Permission.ASK_FAQ, Permission.FILE_PLAN, Permission.READ_UNIT_PLANS},
    "planning": {
        Permission.ASK_FAQ,
        Permission.READ_UNIT_PLANS,
        Permission.READ_ALL_PLANS,
        Permission.REVIEW_PLANS,
        Permission.RUN_CYCLE,
    },
    "admin": {Permission.ASK_FAQ, Permission.MANAGE_DIRECTORY},
}
ANONYMOUS = {Permission.ASK_FAQ}


class Forbidden(PermissionError):
    def __init__(self, identity: Identity, permission: Permission, unit: Optional[str] = None):
        super().__init__(
            f"{identity.person_id or 'anonymous'} may not {permission.value}" + (f" for {unit}" if unit else "")
        )
        self.identity, self.permission, self.unit = identity, permission, unit


UNIT_BOUND = {Permission.FILE_PLAN, Permission.READ_UNIT_PLANS}


def can(identity: Identity, permission: Permission, unit: Optional[str] = None) -> bool:
    """Whether `identity` holds `permission`. Unit-bound permissions hold only for the
    person's own unit (`unit`, or their unit when none is named), except for roles
    that read every plan."""
    granted = ROLE_PERMISSIONS.get(identity.role or "", ANONYMOUS)
    if permission not in granted:
        return False
    if permission not in UNIT_BOUND or Permission.READ_ALL_PLANS in granted:
        return True
    return identity.unit is not None and identity.unit == (unit if unit is not None else identity.unit)


def require(identity: Identity, permission: Permission, unit: Optional[str] = None) -> None:
    if not can(identity, permission, unit):
        raise Forbidden(identity, permission, unit)


# --- one plan: who may do what with it ---------------------------------------------------


def why_not_file(identity: Identity) -> Optional[str]:
    """Why this person may not file plans: "not_registered", "no_unit" (a lead without a
    unit) or "not_a_lead"; None when they may."""
    if can(identity, Permission.FILE_PLAN):
        return None
    if not identity.known:
        return "not_registered"
    return "no_unit" if identity.role == "lead" else "not_a_lead"


def files_for(identity: Identity, unit: Optional[str]) -> bool:
    """A lead of `unit`: the one who files, edits and withdraws its plans."""
    return can(identity, Permission.FILE_PLAN, unit)


def may_change(identity: Identity, plan) -> bool:
    """Edit an answer of the plan or (re)submit it: a lead of its unit, while it is editable."""
    return files_for(identity, plan.unit_key) and plan.status in plan_status.EDITABLE


def may_withdraw(identity: Identity, plan) -> bool:
    """Withdraw the plan: a lead of its unit, unless it is withdrawn already."""
    return files_for(identity, plan.unit_key) and plan.status != plan_status.WITHDRAWN


def may_read(identity: Identity, plan) -> bool:
    """Read the whole plan: its unit's lead, or whoever reads every plan."""
    return can(identity, Permission.READ_UNIT_PLANS, plan.unit_key)


def may_review(identity: Identity, plan) -> bool:
    """Record a review decision: the planning office, on a filed plan."""
    return can(identity, Permission.REVIEW_PLANS) and plan.status in plan_status.FILED
