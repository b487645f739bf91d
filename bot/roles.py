"""Who may do what (SPEC §1). Every action asks here; nothing trusts a slot."""
from __future__ import annotations

from enum import Enum
from typing import Optional

from bot.directory import Identity


class Permission(str, Enum):
    ASK_FAQ = "ask_faq"
    FILE_PLAN = "file_plan"          # create, resume, edit, withdraw own unit's plans
    READ_UNIT_PLANS = "read_unit_plans"
    READ_ALL_PLANS = "read_all_plans"
    REVIEW_PLANS = "review_plans"
    RUN_CYCLE = "run_cycle"          # open cycles, set deadlines, remind units
    MANAGE_DIRECTORY = "manage_directory"


ROLE_PERMISSIONS = {
    "lead": {Permission.ASK_FAQ, Permission.FILE_PLAN, Permission.READ_UNIT_PLANS},
    "planning": {Permission.ASK_FAQ, Permission.READ_UNIT_PLANS, Permission.READ_ALL_PLANS, Permission.REVIEW_PLANS,
                 Permission.RUN_CYCLE},
    "admin": {Permission.ASK_FAQ, Permission.MANAGE_DIRECTORY},
}
ANONYMOUS = {Permission.ASK_FAQ}


class Forbidden(PermissionError):
    def __init__(self, identity: Identity, permission: Permission, unit: Optional[str] = None):
        super().__init__(f"{identity.person_id or 'anonymous'} may not {permission.value}" + (f" for {unit}" if unit else ""))
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
